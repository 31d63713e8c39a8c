import { describe, expect, it } from "vitest";
import { verifyApiClient } from "./handler.js";
import { UNKNOWN_VALUE, isIpOrCidr } from "./inputs.js";

const valid = { clientName: "ci-robot", entitlements: ["readUsers"] };

async function failures(news: Record<string, unknown>) {
  return (await verifyApiClient.check(news)).failures;
}

describe("VerifyApiClient check", () => {
  it("accepts the minimum and fills enabled=true", async () => {
    const r = await verifyApiClient.check(valid);
    expect(r.failures).toEqual([]);
    expect(r.inputs).toEqual({ ...valid, enabled: true });
  });

  it("accepts every input at once", async () => {
    const all = {
      ...valid,
      description: "robot of the CI",
      enabled: false,
      ipFilterOp: "allow",
      ipFilters: ["203.0.113.7", "10.0.0.0/8", "2001:db8::/32"],
      restrictScopes: true,
      scopes: [{ name: "openid", description: "sign in" }, { name: "profile" }],
      secretRotation: 3,
      importId: "5c4a1b7e",
    };
    expect(await failures(all)).toEqual([]);
  });

  it("ignores engine-internal keys", async () => {
    expect(await failures({ ...valid, __provider: "x" })).toEqual([]);
  });

  it("requires clientName, not blank", async () => {
    expect(await failures({ entitlements: ["readUsers"] })).toEqual([expect.objectContaining({ property: "clientName" })]);
    expect(await failures({ ...valid, clientName: "   " })).toEqual([{ property: "clientName", reason: "clientName must not be empty" }]);
  });

  it("accepts names with spaces (IBM's own examples use them)", async () => {
    expect(await failures({ ...valid, clientName: "ISAM ApiClient host1" })).toEqual([]);
  });

  it("requires at least one entitlement", async () => {
    const f = await failures({ ...valid, entitlements: [] });
    expect(f).toHaveLength(1);
    expect(f[0]!.property).toBe("entitlements");
    expect(f[0]!.reason).toMatch(/at least one/);
    expect(await failures({ clientName: "x" })).toEqual([expect.objectContaining({ property: "entitlements" })]);
  });

  it("refuses an unknown entitlement, naming its index and the closest known names", async () => {
    const f = await failures({ ...valid, entitlements: ["readUsers", "manageApiClients"] });
    expect(f).toHaveLength(1);
    expect(f[0]!.property).toBe("entitlements.1");
    expect(f[0]!.reason).toContain("'manageApiClients' is not an IBM Verify entitlement");
    expect(f[0]!.reason).toContain("Did you mean 'manageAPIClients'");
  });

  it("accepts the newer secret-reading entitlement and duplicates (a set)", async () => {
    expect(await failures({ ...valid, entitlements: ["readAPIClientsAndClientSecret", "readUsers", "readUsers"] })).toEqual([]);
  });

  it("refuses a description holding the provider's marker", async () => {
    const f = await failures({ ...valid, description: "x [apiidentity:12345678]" });
    expect(f).toEqual([expect.objectContaining({ property: "description" })]);
  });

  it("refuses an ipFilterOp other than allow/deny", async () => {
    const f = await failures({ ...valid, ipFilterOp: "block", ipFilters: ["10.0.0.1"] });
    expect(f).toEqual([{ property: "ipFilterOp", reason: expect.stringMatching(/'allow'.*'deny'/) }]);
  });

  it("validates every ipFilters entry", async () => {
    const f = await failures({ ...valid, ipFilterOp: "deny", ipFilters: ["10.0.0.1", "10.0.0.0/33", "example.com"] });
    expect(f.map((x) => x.property)).toEqual(["ipFilters.1", "ipFilters.2"]);
    expect(f[1]!.reason).toMatch(/not an IP address or CIDR block/);
  });

  it("needs ipFilterOp and ipFilters together", async () => {
    expect(await failures({ ...valid, ipFilters: ["10.0.0.1"] })).toEqual([{ property: "ipFilterOp", reason: expect.stringMatching(/no effect without ipFilterOp/) }]);
    expect(await failures({ ...valid, ipFilterOp: "allow" })).toEqual([{ property: "ipFilters", reason: expect.stringMatching(/no address could obtain a token/) }]);
    expect(await failures({ ...valid, ipFilterOp: "deny", ipFilters: [] })).toEqual([{ property: "ipFilters", reason: expect.stringMatching(/filter would do nothing/) }]);
  });

  it("validates scopes: non-empty, unique names, no unknown fields", async () => {
    expect(await failures({ ...valid, scopes: [{ name: "" }] })).toEqual([expect.objectContaining({ property: "scopes.0.name" })]);
    expect(await failures({ ...valid, scopes: [{ name: "a" }, { name: "a" }] })).toEqual([{ property: "scopes.1.name", reason: "scope 'a' is listed twice" }]);
    expect((await failures({ ...valid, scopes: [{ name: "a", label: "x" }] }))[0]!.property).toBe("scopes.0");
  });

  it("types enabled, restrictScopes, secretRotation and importId", async () => {
    expect((await failures({ ...valid, enabled: "yes" }))[0]!.property).toBe("enabled");
    expect((await failures({ ...valid, restrictScopes: 1 }))[0]!.property).toBe("restrictScopes");
    expect(await failures({ ...valid, secretRotation: true })).toEqual([{ property: "secretRotation", reason: "secretRotation must be a string or a number" }]);
    expect(await failures({ ...valid, secretRotation: "2025-q3" })).toEqual([]);
    expect((await failures({ ...valid, importId: " " }))[0]!.property).toBe("importId");
  });

  it("refuses unknown properties (typos)", async () => {
    const f = await failures({ ...valid, entitlement: ["readUsers"] });
    expect(f).toHaveLength(1);
    expect(f[0]!.reason).toMatch(/entitlement/);
  });
});

describe("check during preview with values not known yet", () => {
  it("does not judge unknown values, but still judges the known ones", async () => {
    const f = await failures({ clientName: "x", entitlements: [UNKNOWN_VALUE, "readUsers"], enabled: UNKNOWN_VALUE, ipFilterOp: "block" });
    expect(f.map((x) => x.property)).toEqual(["ipFilterOp"]);
    expect(await failures({ clientName: UNKNOWN_VALUE, entitlements: UNKNOWN_VALUE, scopes: [{ name: UNKNOWN_VALUE }] })).toEqual([]);
  });
});

describe("isIpOrCidr", () => {
  it.each([
    ["203.0.113.7", true],
    ["10.0.0.0/8", true],
    ["0.0.0.0/0", true],
    ["2001:db8::1", true],
    ["2001:db8::/128", true],
    ["10.0.0.0/33", false],
    ["2001:db8::/129", false],
    ["10.0.0.0/", false],
    ["10.0.0.0/8/8", false],
    ["300.1.1.1", false],
    ["host.example.com", false],
    ["", false],
  ])("%s -> %s", (v, ok) => expect(isIpOrCidr(v)).toBe(ok));
});
