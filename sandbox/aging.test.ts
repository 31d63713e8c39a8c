// The control calls the audit tests use: the clock moved by days, identities aged without waiting,
// and the count of calls that may have written something.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "./server.js";
import type { AaState } from "./vendors/automation-anywhere/state.js";
import type { IvantiState } from "./vendors/ivanti/state.js";
import { SEED_CLIENT_ID, SEED_CLIENT_SECRET, SEED_ORGANIZATION, SEED_PARTITION, type UiPathState } from "./vendors/uipath/state.js";
import type { UptrendsState } from "./vendors/uptrends/state.js";

let sb: Sandbox;
const DAY = 86_400_000;
const control = async (method: string, path: string, body?: unknown) => {
  const r = await fetch(sb.url + path, { method, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const text = await r.text();
  return { status: r.status, body: (text ? JSON.parse(text) : {}) as Record<string, unknown> };
};

async function robot(name: string): Promise<string> {
  const t = await fetch(`${sb.baseUrl("uipath")}/identity_/connect/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ grant_type: "client_credentials", client_id: SEED_CLIENT_ID, client_secret: SEED_CLIENT_SECRET, scope: "PM.RobotAccount" }).toString(),
  });
  const token = ((await t.json()) as { access_token: string }).access_token;
  const r = await fetch(`${sb.baseUrl("uipath")}/${SEED_ORGANIZATION}/identity_/api/RobotAccount`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify({ partitionGlobalId: SEED_PARTITION, name }),
  });
  return ((await r.json()) as { id: string }).id;
}

beforeAll(async () => {
  sb = await startSandbox();
});
afterAll(async () => {
  await sb.close();
});
beforeEach(async () => {
  await control("POST", "/_sandbox/reset");
});

describe("sandbox clock, aging and the write count", () => {
  it("moves the clock by days as by seconds", async () => {
    const r = await control("POST", "/_sandbox/clock", { advanceDays: 2 });
    expect(Math.round((Date.parse(String(r.body.now)) - Date.now()) / DAY)).toBe(2);
    expect((await control("POST", "/_sandbox/clock", { advanceDays: "soon" })).status).toBe(400);
  });

  it("ages the named identities, or every identity of a vendor, by days", async () => {
    const a = await robot("age-a");
    const b = await robot("age-b");
    const created = (id: string) => (sb.store.vendor("uipath") as unknown as UiPathState).robotAccounts.find((r) => r.id === id)!.creationTime;
    const before = created(b);
    expect((await control("POST", "/_sandbox/age", { days: 30, ids: [a] })).body).toEqual({ aged: 1 });
    expect(Math.round((Date.now() - created(a)) / DAY)).toBe(30);
    expect(created(b)).toBe(before);
    expect((await control("POST", "/_sandbox/age", { days: 1, vendor: "uipath" })).body).toEqual({ aged: 2 });
    expect(Math.round((Date.now() - created(a)) / DAY)).toBe(31);
    expect(sb.age(1, { vendor: "uipath", ids: [b] })).toBe(1);
  });

  it("ages every vendor's identities in the vendor's own fields and formats", async () => {
    const uptrends = () => sb.store.vendor("uptrends") as unknown as UptrendsState;
    const aa = () => sb.store.vendor("automation-anywhere") as unknown as AaState;
    const ivanti = () => sb.store.vendor("ivanti") as unknown as IvantiState;
    const api = uptrends().apiUsers[0]!;
    api.lastUsed = { kind: "at", ts: "2025-06-01T12:00:00.000Z" };
    const before = {
      uptrends: [api.createdDate, api.lastUsed.ts],
      aa: Object.values(aa().users).map((u) => u.createdOn),
      ivanti: ivanti().accounts.map((a) => a.createdAt),
    };
    // Verify keeps no times: its clients are not counted.
    const moved = (await control("POST", "/_sandbox/age", { days: 10 })).body.aged as number;
    expect(moved).toBe(uptrends().apiUsers.length + Object.keys(aa().users).length + ivanti().accounts.length);
    const tenDaysEarlier = (iso: string) => new Date(Date.parse(iso) - 10 * DAY).toISOString();
    const aged = uptrends().apiUsers[0]!;
    expect([aged.createdDate, aged.lastUsed.kind === "at" ? aged.lastUsed.ts : null]).toEqual(before.uptrends.map(tenDaysEarlier));
    expect(Object.values(aa().users).map((u) => u.createdOn)).toEqual(before.aa.map(tenDaysEarlier));
    expect(ivanti().accounts.map((a) => a.createdAt)).toEqual(before.ivanti.map((t) => (t === null ? null : t - 10 * DAY)));
    // The vendors answer with the moved times, in their own formats.
    const auth = "Basic " + Buffer.from(`${String(sb.config().vendors.uptrends!.username)}:${String(sb.config().vendors.uptrends!.password)}`).toString("base64");
    const list = (await (await fetch(`${sb.baseUrl("uptrends")}/v4/ApiUser`, { headers: { authorization: auth } })).json()) as { CreatedDate: string }[];
    expect(list[0]!.CreatedDate).toBe(tenDaysEarlier(before.uptrends[0]!));
  });

  it("refuses an unknown vendor or a day count that is no number", async () => {
    const unknown = await control("POST", "/_sandbox/age", { days: 3, vendor: "nobody" });
    expect(unknown.status).toBe(400);
    expect(String(unknown.body.error)).toMatch(/no vendor 'nobody'/);
    expect((await control("POST", "/_sandbox/age", { days: -1 })).status).toBe(400);
    expect((await control("POST", "/_sandbox/age", {})).status).toBe(400);
  });

  it("counts writes apart from logins, tokens and reads", async () => {
    await control("DELETE", "/_sandbox/requests");
    await robot("writer");
    // One token (changes nothing) and one create.
    expect(sb.writes()).toBe(1);
    expect(sb.writes("uipath")).toBe(1);
    expect(sb.writes("uptrends")).toBe(0);
    expect((await control("GET", "/_sandbox/requests")).body.writes).toBe(1);
  });
});
