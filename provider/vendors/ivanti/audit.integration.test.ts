// `apiidentity audit` at Ivanti against the in-process sandbox: the provider's own Tenant Admin as
// self, API users made through the API with their roles by name, creation aged by the sandbox, the
// paged account search with progress, and reads only.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "../../../sandbox/vendors/ivanti/test-helpers.js";
import { SettingsUnderTest } from "../../../test/settings.js";
import { audit } from "./audit.js";
import { vendor } from "./index.js";

const settings = new SettingsUnderTest();
let h: Harness;
const DAY = 86_400_000;

beforeAll(async () => {
  h = await startHarness();
  settings.set(h.sandbox.config().env);
});
afterAll(async () => {
  await h.sandbox.close();
});
beforeEach(async () => {
  await h.reset();
  settings.restart();
});

describe("Ivanti audit", () => {
  it("declares the tenant-managing roles and superUser administrative, and no last-used field", () => {
    expect(vendor.audit).toBe(audit);
    expect(audit.lastUsed).toBeUndefined();
    expect(audit.administrative).toEqual(["System Management", "User Management", "superUser"]);
  });

  it("lists the provider's account as self and API users with their roles, reading the account list and each account's roles only", async () => {
    const admin = await h.createApiUser("oob-admin@acme.example", [h.roleId("System Management")]);
    const ise = await h.createApiUser("oob-ise@acme.example", [h.roleId("Cisco ISE Operations")]);
    h.sandbox.clearRequests();
    const entries = await audit.inventory(settings.value);
    const byId = new Map(entries.map((e) => [e.id, e]));
    expect(entries).toHaveLength(3);
    const self = entries.find((e) => e.self)!;
    expect(self.roles).toContain("superUser");
    expect(byId.get(String(admin.id))).toMatchObject({ kind: "IseApiUser", roles: ["System Management"] });
    expect(byId.get(String(admin.id))!.self).toBeUndefined();
    expect(byId.get(String(ise.id))!.roles).toEqual([h.state().roles.find((r) => r.id === h.roleId("Cisco ISE Operations"))!.name]);
    expect(Math.abs(Date.parse(byId.get(String(ise.id))!.createdAt!) - Date.now())).toBeLessThan(60_000);
    expect(entries.every((e) => e.lastUsedAt === undefined)).toBe(true);
    const calls = h.sandbox.requests().map((q) => `${q.method} ${q.route} ${q.status} ×${q.count}`).sort();
    expect(calls).toEqual(["GET /api/v1/account 200 ×1", "GET /api/v1/account/{accountId}/roles 200 ×3"]);
    expect(h.sandbox.writes()).toBe(0);
  });

  it("reports creation moved into the past by the sandbox's age call", async () => {
    const old = await h.createApiUser("old@acme.example", [h.roleId("Cisco ISE Operations")]);
    const res = await fetch(`${h.sandbox.url}/_sandbox/age`, { method: "POST", body: JSON.stringify({ days: 200, vendor: "ivanti", ids: [String(old.id)] }) });
    expect(await res.json()).toEqual({ aged: 1 });
    const e = (await audit.inventory(settings.value)).find((x) => x.id === String(old.id))!;
    expect(Math.round((Date.now() - Date.parse(e.createdAt!)) / DAY)).toBe(200);
  });

  it("pages through the account search (at most 50 rows a page), calling progress after each page", async () => {
    for (let i = 0; i < 55; i++) await h.createApiUser(`bulk-${i}@acme.example`, [h.roleId("Cisco ISE Operations")]);
    h.sandbox.clearRequests();
    const seen: number[] = [];
    const entries = await audit.inventory(settings.value, (n) => seen.push(n));
    expect(entries).toHaveLength(56);
    expect(seen).toEqual([50, 56]);
    expect(h.sandbox.requests().filter((q) => q.route === "/api/v1/account").reduce((a, q) => a + q.count, 0)).toBe(2);
    expect(h.sandbox.writes()).toBe(0);
  });
});
