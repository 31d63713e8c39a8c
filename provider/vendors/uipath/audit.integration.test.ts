// `apiidentity audit` at UiPath against the in-process sandbox: robot accounts with their groups by
// name, times after the sandbox ages them, paging with progress, and reads only with one token.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { api, getToken, startHarness, type Harness } from "../../../sandbox/vendors/uipath/test-helpers.js";
import { SEED_GROUP_IDS, type UiPathState } from "../../../sandbox/vendors/uipath/state.js";
import { SettingsUnderTest } from "../../../test/settings.js";
import { audit } from "./audit.js";
import { vendor } from "./index.js";

const settings = new SettingsUnderTest();
let sb: Harness;
const state = () => sb.sandbox.store.vendor("uipath") as unknown as UiPathState;
const DAY = 86_400_000;

async function makeRobot(name: string, groupIDsToAdd: string[]): Promise<string> {
  const token = await getToken(sb);
  const r = await api(sb, "POST", "/RobotAccount", { token, body: { partitionGlobalId: sb.partitionGlobalId, name, groupIDsToAdd } });
  expect(r.status).toBe(201);
  return (r.body as { id: string }).id;
}

beforeAll(async () => {
  sb = await startHarness();
  settings.set(sb.sandbox.config().env);
});
afterAll(async () => {
  await sb.sandbox.close();
});
beforeEach(async () => {
  await fetch(`${sb.sandbox.url}/_sandbox/reset`, { method: "POST" });
  settings.restart();
});

describe("UiPath audit", () => {
  it("declares lastLoginTime as the last-used field and the Administrators group as administrative", () => {
    expect(vendor.audit).toBe(audit);
    expect(audit.lastUsed).toEqual({ field: "lastLoginTime" });
    expect(audit.administrative).toEqual(["Administrators"]);
  });

  it("lists every robot account with its groups by name, none as the provider's own, with one token and reads only", async () => {
    const admin = await makeRobot("oob-admin-robot", [SEED_GROUP_IDS.administrators]);
    const plain = await makeRobot("oob-plain-robot", [SEED_GROUP_IDS.robots]);
    sb.sandbox.clearRequests();
    const entries = await audit.inventory(settings.value);
    expect(entries.map((e) => [e.kind, e.id, e.name, e.roles, e.lastUsedAt, e.self]).sort()).toEqual(
      [
        ["UiPathRobotAccount", admin, "oob-admin-robot", ["Administrators"], null, undefined],
        ["UiPathRobotAccount", plain, "oob-plain-robot", ["Robots"], null, undefined],
      ].sort(),
    );
    for (const e of entries) expect(Math.abs(Date.parse(e.createdAt!) - Date.now())).toBeLessThan(60_000);
    const calls = sb.sandbox.requests().map((q) => `${q.method} ${q.route} ${q.status} ×${q.count}`).sort();
    expect(calls).toEqual(["GET /{organization}/identity_/api/Group/{partitionGlobalId} 200 ×1", "GET /{organization}/identity_/api/RobotAccount/{partitionGlobalId} 200 ×1", "POST /identity_/connect/token 200 ×1"].sort());
    expect(sb.sandbox.writes()).toBe(0);
  });

  it("reports creation and last login moved into the past by the sandbox's age call", async () => {
    const id = await makeRobot("aged-robot", []);
    const fresh = await makeRobot("fresh-robot", []);
    // A robot account cannot log in in the sandbox: set a last login to show that aging moves it too.
    const robot = state().robotAccounts.find((r) => r.id === id)!;
    robot.lastLoginTime = Date.now() - DAY;
    const res = await fetch(`${sb.sandbox.url}/_sandbox/age`, { method: "POST", body: JSON.stringify({ days: 120, vendor: "uipath", ids: [id] }) });
    expect(await res.json()).toEqual({ aged: 1 });
    const entries = await audit.inventory(settings.value);
    const aged = entries.find((e) => e.id === id)!;
    const days = (iso: string) => Math.round((Date.now() - Date.parse(iso)) / DAY);
    expect(days(aged.createdAt!)).toBe(120);
    expect(days(aged.lastUsedAt!)).toBe(121);
    expect(days(entries.find((e) => e.id === fresh)!.createdAt!)).toBe(0);
  });

  it("pages through more than one page of robot accounts, calling progress after each page", async () => {
    const now = Date.now();
    for (let i = 0; i < 1001; i++) {
      state().robotAccounts.push({ id: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`, partitionGlobalId: sb.partitionGlobalId, name: `bulk-${i}`, displayName: null, creationTime: now, lastLoginTime: null, groupIds: [] });
    }
    sb.sandbox.clearRequests();
    const seen: number[] = [];
    const entries = await audit.inventory(settings.value, (n) => seen.push(n));
    expect(entries).toHaveLength(1001);
    expect(seen).toEqual([1000, 1001]);
    const lists = sb.sandbox.requests().filter((q) => q.route.includes("RobotAccount"));
    expect(lists.reduce((a, q) => a + q.count, 0)).toBe(2);
    // No robot account is in a group: the group list is not read.
    expect(sb.sandbox.requests().some((q) => q.route.includes("/Group/"))).toBe(false);
    expect(sb.sandbox.writes()).toBe(0);
  });
});
