import { describe, expect, it } from "vitest";
import type { VerifyApiClientInputs } from "./inputs.js";
import { afterReplace, changedAtVendor, createBody, markerOf, reconcile, replaceBody, stripMarker, toOutputs, withMarker } from "./mappers.js";
import type { ApiClientWire } from "./wire.js";

const NONCE = "0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9";

const live = (over: Partial<ApiClientWire> = {}): ApiClientWire => ({
  id: "obj-1",
  clientId: "oauth-1",
  clientSecret: "S3cret-live-value",
  clientName: "ci-robot",
  enabled: true,
  entitlements: ["readUsers", "manageUserGroups"],
  overrideSettings: { restrictScopes: false, scopes: [] },
  description: `robot [apiidentity:${NONCE}]`,
  ...over,
});

const inputs = (over: Partial<VerifyApiClientInputs> = {}): VerifyApiClientInputs => ({
  clientName: "ci-robot",
  entitlements: ["readUsers", "manageUserGroups"],
  enabled: true,
  description: "robot",
  ...over,
});

describe("create marker", () => {
  it("round-trips through description", () => {
    const d = withMarker("robot", NONCE);
    expect(d).toBe(`robot [apiidentity:${NONCE}]`);
    expect(markerOf(d)).toBe(NONCE);
    expect(stripMarker(d)).toBe("robot");
  });

  it("stands alone when there is no description, and strips to nothing", () => {
    const d = withMarker(undefined, NONCE);
    expect(d).toBe(`[apiidentity:${NONCE}]`);
    expect(stripMarker(d)).toBeUndefined();
    expect(withMarker("", NONCE)).toBe(`[apiidentity:${NONCE}]`);
  });

  it("keeps the user's own trailing spaces", () => {
    expect(stripMarker(withMarker("robot  ", NONCE))).toBe("robot  ");
  });

  it("leaves descriptions without a marker alone", () => {
    expect(markerOf("robot")).toBeUndefined();
    expect(stripMarker("robot")).toBe("robot");
    expect(stripMarker("")).toBeUndefined();
    expect(stripMarker(null)).toBeUndefined();
    expect(withMarker("robot", undefined)).toBe("robot");
    expect(withMarker("", undefined)).toBeUndefined();
  });
});

describe("reconcile (live -> inputs)", () => {
  it("gives back exactly the declared inputs when nothing changed, keeping their order", () => {
    const declared = inputs({ entitlements: ["manageUserGroups", "readUsers", "readUsers"], secretRotation: 1, importId: "obj-1" });
    expect(reconcile(live(), declared)).toEqual(declared);
  });

  it("does not invent defaults the user left out", () => {
    const declared = inputs();
    const r = reconcile(live(), declared);
    expect(r).not.toHaveProperty("restrictScopes");
    expect(r).not.toHaveProperty("scopes");
    expect(r).not.toHaveProperty("ipFilters");
  });

  it("shows real differences with the live value", () => {
    const r = reconcile(
      live({
        clientName: "renamed",
        entitlements: ["readUsers"],
        enabled: false,
        description: `edited [apiidentity:${NONCE}]`,
        ipFilterOp: "deny",
        ipFilters: ["10.0.0.1"],
        overrideSettings: { restrictScopes: true, scopes: [{ name: "openid", description: "" }] },
      }),
      inputs(),
    );
    expect(r).toEqual({
      clientName: "renamed",
      entitlements: ["readUsers"],
      enabled: false,
      description: "edited",
      ipFilterOp: "deny",
      ipFilters: ["10.0.0.1"],
      restrictScopes: true,
      scopes: [{ name: "openid" }],
    });
  });

  it("treats scopes and ipFilters as sets, IPv6 case-insensitively", () => {
    const declared = inputs({
      ipFilterOp: "allow",
      ipFilters: ["2001:DB8::1", "10.0.0.0/8"],
      scopes: [{ name: "b" }, { name: "a", description: "A" }],
    });
    const l = live({ ipFilterOp: "allow", ipFilters: ["10.0.0.0/8", "2001:db8::1"], overrideSettings: { restrictScopes: false, scopes: [{ name: "a", description: "A" }, { name: "b" }] } });
    expect(reconcile(l, declared)).toEqual(declared);
  });

  it("accepts nulls and missing fields in the answer", () => {
    const l = live({ enabled: null, entitlements: null, overrideSettings: null, description: null, ipFilterOp: null, ipFilters: null });
    expect(reconcile(l, {})).toEqual({ clientName: "ci-robot", entitlements: [], enabled: true });
  });

  it("lists the vendor-held properties that differ", () => {
    expect(changedAtVendor(live(), inputs())).toEqual([]);
    expect(changedAtVendor(live({ description: "other" }), inputs({ secretRotation: "x" }))).toEqual(["description"]);
    expect(changedAtVendor(live(), inputs({ restrictScopes: false, enabled: true }))).toEqual([]);
    expect(changedAtVendor(live(), inputs({ restrictScopes: true }))).toEqual(["restrictScopes"]);
  });

  it("builds outputs with ids and the given secret", () => {
    expect(toOutputs(live(), inputs(), "given")).toEqual({ ...inputs(), apiClientId: "obj-1", clientId: "oauth-1", clientSecret: "given" });
  });
});

describe("wire bodies", () => {
  it("create body: required fields, deduplicated entitlements, marker, no secret", () => {
    const b = createBody(inputs({ entitlements: ["readUsers", "readUsers"], ipFilterOp: "allow", ipFilters: ["10.0.0.1"], restrictScopes: true, scopes: [{ name: "openid" }] }), NONCE);
    expect(b).toEqual({
      clientName: "ci-robot",
      enabled: true,
      entitlements: ["readUsers"],
      description: `robot [apiidentity:${NONCE}]`,
      overrideSettings: { restrictScopes: true, scopes: [{ name: "openid" }] },
      ipFilterOp: "allow",
      ipFilters: ["10.0.0.1"],
    });
    expect(b).not.toHaveProperty("clientSecret");
  });

  it("replace body keeps unmanaged fields, the marker and the secret, and sends id as IBM's SDK does", () => {
    const l = live({ jwkUri: "https://keys.example.com", additionalConfig: { clientAuthMethod: "default" }, overrideSettings: { restrictScopes: false, scopes: [], accessTokenLifetime: 600 } });
    const b = replaceBody(l, inputs({ description: "new text", enabled: false }), "S3cret-live-value");
    expect(b).toEqual({
      id: "obj-1",
      clientId: "oauth-1",
      clientSecret: "S3cret-live-value",
      clientName: "ci-robot",
      enabled: false,
      entitlements: ["readUsers", "manageUserGroups"],
      description: `new text [apiidentity:${NONCE}]`,
      overrideSettings: { restrictScopes: false, scopes: [], accessTokenLifetime: 600 },
      jwkUri: "https://keys.example.com",
      additionalConfig: { clientAuthMethod: "default" },
    });
  });

  it("replace body leaves out fields the vendor answered as null (null is not a value in IBM's schema)", () => {
    const l = live({ jwkUri: null, additionalProperties: null, ipFilterOp: null } as unknown as Partial<ApiClientWire>);
    const b = replaceBody(l, inputs(), "s");
    expect(b).not.toHaveProperty("jwkUri");
    expect(b).not.toHaveProperty("additionalProperties");
    expect(b).not.toHaveProperty("ipFilterOp");
    expect(b.id).toBe("obj-1");
  });

  it("replace body clears optional fields the inputs no longer set (PUT is a full replace)", () => {
    const l = live({ description: "old", ipFilterOp: "deny", ipFilters: ["10.0.0.1"] });
    const b = replaceBody(l, inputs({ description: undefined }), "s");
    expect(b).not.toHaveProperty("description");
    expect(b).not.toHaveProperty("ipFilterOp");
    expect(b).not.toHaveProperty("ipFilters");
  });

  it("replace body for a rotation leaves the secret out", () => {
    expect(replaceBody(live(), inputs(), undefined)).not.toHaveProperty("clientSecret");
  });

  it("afterReplace is the live object as the PUT left it", () => {
    const b = replaceBody(live(), inputs({ description: "x" }), "S3cret-live-value");
    const after = afterReplace(live(), b);
    expect(after.id).toBe("obj-1");
    expect(reconcile(after, inputs({ description: "x" }))).toEqual(inputs({ description: "x" }));
  });
});
