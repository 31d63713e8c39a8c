// `apiidentity audit` at IBM Verify against the in-process sandbox: the provider's client as self,
// clients made through the API with their entitlements, no times (the vendor reports none), and one
// token with one list call.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "../../../sandbox/vendors/ibm-verify/test-helpers.js";
import { SettingsUnderTest } from "../../../test/settings.js";
import { audit } from "./audit.js";
import { vendor } from "./index.js";

const settings = new SettingsUnderTest();
let h: Harness;
const administrative = (roles: readonly string[]) => roles.some((r) => audit.administrative.some((a) => (typeof a === "string" ? a === r : a.test(r))));

beforeAll(async () => {
  h = await startHarness();
  settings.set(h.sandbox.config().env);
});
afterAll(async () => {
  await h.close();
});
beforeEach(async () => {
  await h.reset();
  settings.restart();
});

describe("IBM Verify audit", () => {
  it("declares manage* entitlements administrative and no last-used field", () => {
    expect(vendor.audit).toBe(audit);
    expect(audit.lastUsed).toBeUndefined();
    expect(administrative(["manageAPIClients"])).toBe(true);
    expect(administrative(["readAPIClients", "readUsers"])).toBe(false);
  });

  it("lists the provider's client as self and clients made through the API with their entitlements, after one token and one list", async () => {
    const admin = await h.create({ clientName: "oob-admin-client", enabled: true, entitlements: ["manageAPIClients", "readUsers"] });
    const reader = await h.create({ clientName: "oob-reader-client", enabled: true, entitlements: ["readUsers"] });
    h.sandbox.clearRequests();
    const seen: number[] = [];
    const entries = await audit.inventory(settings.value, (n) => seen.push(n));
    const byId = new Map(entries.map((e) => [e.id, e]));
    expect(entries).toHaveLength(3);
    expect(seen).toEqual([3]);
    const self = entries.filter((e) => e.self);
    expect(self).toHaveLength(1);
    expect(administrative(self[0]!.roles)).toBe(true);
    expect(byId.get(admin)).toEqual({ kind: "VerifyApiClient", id: admin, name: "oob-admin-client", roles: ["manageAPIClients", "readUsers"] });
    expect(byId.get(reader)).toEqual({ kind: "VerifyApiClient", id: reader, name: "oob-reader-client", roles: ["readUsers"] });
    expect(administrative(byId.get(admin)!.roles)).toBe(true);
    expect(administrative(byId.get(reader)!.roles)).toBe(false);
    expect(h.sandbox.requests().map((q) => `${q.method} ${q.route} ${q.status} ×${q.count}`).sort()).toEqual(["GET /v1.0/apiclients 200 ×1", "POST /oauth2/token 200 ×1"]);
    expect(h.sandbox.writes()).toBe(0);
  });

  it("reads a large tenant in one list call: without pagination parameters Verify answers every client", async () => {
    const token = await h.token();
    for (let i = 0; i < 120; i++) await h.create({ clientName: `bulk-${i}`, enabled: true, entitlements: ["readUsers"] }, token);
    h.sandbox.clearRequests();
    const seen: number[] = [];
    expect(await audit.inventory(settings.value, (n) => seen.push(n))).toHaveLength(121);
    expect(seen).toEqual([121]);
    expect(h.sandbox.requests().filter((q) => q.route === "/v1.0/apiclients").reduce((a, q) => a + q.count, 0)).toBe(1);
  });
});
