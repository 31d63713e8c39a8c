// `apiidentity audit` at Uptrends against the in-process sandbox: the provider's own API account,
// accounts of an administrator and of a plain operator, LastUsed stamped by use and moved by the
// sandbox's age call, and two reads with nothing written.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { client, control, reset, startHarness, type Harness } from "../../../sandbox/vendors/uptrends/test-helpers.js";
import { SEED } from "../../../sandbox/vendors/uptrends/state.js";
import { SettingsUnderTest } from "../../../test/settings.js";
import { audit } from "./audit.js";
import { vendor } from "./index.js";

const settings = new SettingsUnderTest();
let sb: Harness;
const DAY = 86_400_000;
const days = (iso: string) => Math.round((Date.now() - Date.parse(iso)) / DAY);

async function operator(name: string, admin: boolean): Promise<string> {
  const r = await client(sb)("POST", "/Operator", { body: { FullName: name, Email: `${name}@example.com`, Password: "Secret-123" } });
  expect(r.status).toBe(201);
  const guid = (r.body as { OperatorGuid: string }).OperatorGuid;
  // Administrator rights come with the AccountAdministrator authorization.
  if (admin) expect((await client(sb)("POST", `/Operator/${guid}/Authorization/AccountAdministrator`)).status).toBeLessThan(300);
  return guid;
}

async function apiAccount(operatorGuid: string, description: string): Promise<{ id: string; username: string; password: string }> {
  const r = await client(sb)("POST", "/ApiUser", { body: { OperatorGuid: operatorGuid, Description: description } });
  expect(r.status).toBe(201);
  const b = r.body as { ApiUserGuid: string; UserName: string; Password: string };
  return { id: b.ApiUserGuid, username: b.UserName, password: b.Password };
}

beforeAll(async () => {
  sb = await startHarness();
  settings.set(sb.config().env);
});
afterAll(async () => {
  await sb.close();
});
beforeEach(async () => {
  await reset(sb);
  settings.restart();
});

describe("Uptrends audit", () => {
  it("declares LastUsed and the AccountAdministrator right", () => {
    expect(vendor.audit).toBe(audit);
    expect(audit.lastUsed).toEqual({ field: "LastUsed" });
    expect(audit.administrative).toEqual(["AccountAdministrator"]);
  });

  it("lists the provider's own account as self and each account with its operator's administrator right, in two reads", async () => {
    const admin = await apiAccount(await operator("oob-admin", true), "out-of-band admin");
    const plain = await apiAccount(await operator("oob-plain", false), "out-of-band plain");
    sb.clearRequests();
    const seen: number[] = [];
    const entries = await audit.inventory(settings.value, (n) => seen.push(n));
    expect(seen).toEqual([3]);
    const byId = new Map(entries.map((e) => [e.id, e]));
    expect(entries.map((e) => [e.kind, e.name, e.roles, e.self ?? false]).sort()).toEqual(
      [
        ["UptrendsApiAccount", "Sandbox admin API account", ["AccountAdministrator"], true],
        ["UptrendsApiAccount", "out-of-band admin", ["AccountAdministrator"], false],
        ["UptrendsApiAccount", "out-of-band plain", [], false],
      ].sort(),
    );
    expect(byId.get(SEED.apiUserGuid)!.createdAt).toBe("2024-01-01T00:00:00.000Z");
    expect(byId.get(admin.id)!.lastUsedAt).toBeNull();
    expect(byId.get(plain.id)!.lastUsedAt).toBeNull();
    expect(sb.requests().map((q) => `${q.method} ${q.route} ${q.status} ×${q.count}`).sort()).toEqual(["GET /v4/ApiUser 200 ×1", "GET /v4/Operator 200 ×1"]);
    expect(sb.writes()).toBe(0);
  });

  it("reports LastUsed after a call with the account's credential, and both times aged by the sandbox", async () => {
    const used = await apiAccount(await operator("user", false), "used account");
    const idle = await apiAccount(await operator("idle", false), "idle account");
    expect((await client(sb)("GET", "/Operator", { auth: { username: used.username, password: used.password } })).status).toBeLessThan(500);
    expect(await control(sb, "POST", "/_sandbox/age", { days: 100, vendor: "uptrends", ids: [used.id, idle.id] })).toEqual({ aged: 2 });
    const entries = await audit.inventory(settings.value);
    const u = entries.find((e) => e.id === used.id)!;
    const i = entries.find((e) => e.id === idle.id)!;
    expect([days(u.createdAt!), days(u.lastUsedAt!)]).toEqual([100, 100]);
    expect([days(i.createdAt!), i.lastUsedAt]).toEqual([100, null]);
  });

  it("reports last use as unknown for a never-used account made before Uptrends tracked it", async () => {
    const old = await apiAccount(SEED.operatorGuid, "old account");
    await control(sb, "POST", "/_sandbox/age", { days: 2000, ids: [old.id] });
    const e = (await audit.inventory(settings.value)).find((x) => x.id === old.id)!;
    expect(e.lastUsedAt).toBeUndefined();
    expect("lastUsedAt" in e).toBe(false);
  });
});
