import { describe, expect, it } from "vitest";
import { noSettings } from "../../../test/settings.js";
import { verifyApiClient as declared } from "./handler.js";

const verifyApiClient = declared.with(noSettings());
import { UNKNOWN_VALUE, isIpOrCidr } from "./inputs.js";
import { toOutputs } from "./mappers.js";
import type { ApiClientWire } from "./wire.js";

const valid = { clientName: "ci-robot", entitlements: ["readUsers"] };

async function failures(news: Record<string, unknown>) {
  return (await verifyApiClient.check(undefined, news)).failures;
}

describe("VerifyApiClient check", () => {
  it("accepts the minimum and fills enabled=true", async () => {
    const r = await verifyApiClient.check(undefined, valid);
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

  // IBM is the judge of its entitlement names, so an unknown one passes check and `advise` warns,
  // naming the closest known names.
  it("accepts an unknown entitlement and warns about it, naming the closest known names", async () => {
    const r = await verifyApiClient.check(undefined, { ...valid, entitlements: ["readUsers", "manageApiClients"] });
    expect(r.failures).toEqual([]);
    const warnings = declared.advise!(r.inputs);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain("entitlements: 'manageApiClients' is not an IBM Verify entitlement this package knows");
    expect(warnings[0]).toContain("Did you mean 'manageAPIClients'");
    expect(warnings[0]).toContain("IBM Verify refuses the create or update with its own message");
  });

  it("gives no warning for known entitlements, one per unknown name", async () => {
    expect(declared.advise!({ ...valid, enabled: true })).toEqual([]);
    expect(declared.advise!({ ...valid, enabled: true, entitlements: ["readUsers", "manageQuantumKeys", "manageQuantumKeys", "readUsers"] })).toHaveLength(1);
  });

  it("refuses an empty entitlement name", async () => {
    expect(await failures({ ...valid, entitlements: ["readUsers", ""] })).toEqual([expect.objectContaining({ property: "entitlements.1" })]);
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

describe("values IBM holds pass check again (tolerant reading, strict writing)", () => {
  const held = {
    clientName: "  ",
    entitlements: [],
    description: "made by [apiidentity:hand] once",
    ipFilterOp: "block",
    ipFilters: ["10.0.0.1", "host.example.com"],
    scopes: [{ name: "" }, { name: "a" }, { name: "a" }],
  };

  it("a value equal to the old inputs' is accepted whatever the rules for new values say", async () => {
    for (const [p, v] of Object.entries(held)) {
      const news = { ...valid, [p]: v };
      expect({ p, failures: (await verifyApiClient.check(news, news)).failures }).toEqual({ p, failures: [] });
    }
    const all = { ...valid, ...held };
    expect((await verifyApiClient.check(all, all)).failures).toEqual([]);
  });

  it("IBM's null ipFilterOp with filters kept (the filter is off) passes when both are held", async () => {
    const news = { ...valid, ipFilters: ["10.0.0.1"] };
    expect((await verifyApiClient.check(news, news)).failures).toEqual([]);
    expect((await verifyApiClient.check({ ...valid }, news)).failures).toEqual([expect.objectContaining({ property: "ipFilterOp" })]);
  });

  it("a new value is still judged: a user writing an undocumented ipFilterOp is refused", async () => {
    const news = { ...valid, ipFilterOp: "block", ipFilters: ["10.0.0.1"] };
    expect((await verifyApiClient.check({ ...news, ipFilterOp: "allow" }, news)).failures).toEqual([expect.objectContaining({ property: "ipFilterOp" })]);
    expect((await verifyApiClient.check({}, news)).failures).toEqual([expect.objectContaining({ property: "ipFilterOp" })]);
    expect((await verifyApiClient.check(undefined, news)).failures).toEqual([expect.objectContaining({ property: "ipFilterOp" })]);
  });

  it("every property read back from IBM goes through check and does not diff against itself", async () => {
    const live: ApiClientWire = {
      id: "obj-9",
      clientId: "oauth-9",
      clientSecret: "s",
      clientName: "hand made",
      enabled: false,
      entitlements: ["readUsers", "manageQuantumKeys"],
      overrideSettings: { restrictScopes: true, scopes: [{ name: "openid", description: "x" }, { name: "openid" }], accessTokenLifetime: 60 },
      description: "text",
      ipFilterOp: "block",
      ipFilters: ["192.0.2.0/24", "fe80::1%eth0"],
      jwkUri: "https://keys.example.com",
      newerField: { any: 1 },
    };
    const outs = toOutputs(live, {}, "s");
    const { apiClientId: _a, clientId: _c, clientSecret: _s, ...inputs } = outs;
    expect(inputs).toMatchObject({ entitlements: ["readUsers", "manageQuantumKeys"], ipFilterOp: "block", restrictScopes: true, enabled: false });
    const r = await verifyApiClient.check(inputs, inputs);
    expect(r.failures).toEqual([]);
    expect((await verifyApiClient.diff("obj-9", outs, r.inputs)).changed).toEqual([]);
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
