// The control calls the audit tests use: the clock moved by days, identities aged without waiting,
// and the count of calls that may have written something.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "./server.js";
import { SEED_CLIENT_ID, SEED_CLIENT_SECRET, SEED_ORGANIZATION, SEED_PARTITION, type UiPathState } from "./vendors/uipath/state.js";

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
