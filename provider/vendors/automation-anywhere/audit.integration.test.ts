// `apiidentity audit` at Automation Anywhere against the in-process sandbox: the login user as self,
// users made through the API with their roles by name, creation aged by the sandbox, the paged user
// list with progress, and one login with reads only.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { newUser, startHarness, uniqueName, type Harness } from "../../../sandbox/vendors/automation-anywhere/test-helpers.js";
import type { AaState } from "../../../sandbox/vendors/automation-anywhere/state.js";
import { SettingsUnderTest } from "../../../test/settings.js";
import { audit } from "./audit.js";
import { INFERRED } from "./contract.js";
import { vendor } from "./index.js";

const settings = new SettingsUnderTest();
let h: Harness;
const DAY = 86_400_000;

async function makeUser(roles: { id: number }[]): Promise<{ id: string; username: string }> {
  const username = uniqueName("audit");
  const r = await h.call("POST", "/v2/usermanagement/users", newUser({ username, roles }), await h.adminToken());
  expect(r.status).toBeLessThan(300);
  return { id: String(r.body.id), username };
}

beforeAll(async () => {
  h = await startHarness();
  settings.set(h.sandbox.config().env);
});
afterAll(async () => {
  await h.sandbox.close();
});
beforeEach(async () => {
  await h.control("POST", "/_sandbox/reset");
  // A reset makes a new API key for the seeded administrator.
  const cfg = h.sandbox.config();
  h.admin.apiKey = cfg.vendors["automation-anywhere"]!.apiKey!;
  settings.set(cfg.env);
  settings.restart();
});

describe("Automation Anywhere audit", () => {
  it("declares AAE_Admin administrative and no last-used field", () => {
    expect(vendor.audit).toBe(audit);
    expect(audit.lastUsed).toBeUndefined();
    expect(audit.administrative).toEqual(["AAE_Admin"]);
  });

  it("lists the login user as self and users made through the API with their roles, after one login and list reads only", async () => {
    const admin = await makeUser([{ id: 1 }, { id: 2 }]);
    const runner = await makeUser([{ id: 26 }]);
    h.sandbox.clearRequests();
    const entries = await audit.inventory(settings.value);
    const rows = entries.map((e) => [e.name, [...e.roles].sort(), e.self ?? false, e.lastUsedAt]);
    expect(rows.sort()).toEqual(
      [
        [h.admin.username, ["AAE_Admin", "AAE_Basic"], true, undefined],
        [admin.username, ["AAE_Admin", "AAE_Basic"], false, undefined],
        [runner.username, ["Bot_Runner"], false, undefined],
      ].sort(),
    );
    expect(entries.every((e) => e.kind === "ControlRoomUser")).toBe(true);
    expect(Math.abs(Date.parse(entries.find((e) => e.id === runner.id)!.createdAt!) - Date.now())).toBeLessThan(60_000);
    expect(h.sandbox.requests().map((q) => `${q.method} ${q.route} ${q.status} ×${q.count}`).sort()).toEqual(["POST /v2/authentication 200 ×1", "POST /v2/usermanagement/users/list 200 ×1"]);
    expect(h.sandbox.writes()).toBe(0);
  });

  it("reports creation moved into the past by the sandbox's age call", async () => {
    const old = await makeUser([{ id: 2 }]);
    const res = await h.control("POST", "/_sandbox/age", { days: 95, vendor: "automation-anywhere", ids: [old.id] });
    expect(res.body).toEqual({ aged: 1 });
    const e = (await audit.inventory(settings.value)).find((x) => x.id === old.id)!;
    expect(Math.round((Date.now() - Date.parse(e.createdAt!)) / DAY)).toBe(95);
  });

  it("pages through the user list, calling progress after each page", async () => {
    const state = h.sandbox.store.vendor("automation-anywhere") as unknown as AaState;
    const template = Object.values(state.users)[0]!;
    for (let i = 0; i < INFERRED.pageLength + 5; i++) {
      const id = 5000 + i;
      state.users[String(id)] = { ...template, id, username: `bulk-${i}`, roleIds: [2], apiKey: `k${i}` };
    }
    h.sandbox.clearRequests();
    const seen: number[] = [];
    const entries = await audit.inventory(settings.value, (n) => seen.push(n));
    expect(entries).toHaveLength(INFERRED.pageLength + 6);
    expect(seen).toEqual([INFERRED.pageLength, INFERRED.pageLength + 6]);
    expect(h.sandbox.writes()).toBe(0);
  });
});
