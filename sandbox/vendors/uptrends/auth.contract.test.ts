// Contract tests of authentication, LastUsed tracking, /Register, /Account and the control API.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Sandbox } from "../../server.js";
import { SEED } from "./state.js";
import { ADMIN, OPERATOR_LOGIN, advance, client, control, createApiUser, createOperator, list, messages, obj, reset, startHarness } from "./test-helpers.js";

let sb: Sandbox;
let call: ReturnType<typeof client>;

beforeAll(async () => {
  sb = await startHarness();
  call = client(sb);
});
afterAll(() => sb.close());
beforeEach(() => reset(sb));

const UNAUTHORIZED = { Messages: [{ Message: "Authorization has been denied for this request." }] };

describe("sandbox control API", () => {
  it("publishes the base URL, seeded admin API account and operator guid", async () => {
    const cfg = (await control(sb, "GET", "/_sandbox/config")) as { vendors: Record<string, unknown>; env: Record<string, string> };
    expect(cfg.vendors.uptrends).toEqual({
      baseUrl: `${sb.url}/uptrends/v4`,
      username: SEED.apiUserName,
      password: SEED.apiPassword,
      operatorGuid: SEED.operatorGuid,
    });
    expect(cfg.env).toMatchObject({
      UPTRENDS_USERNAME: SEED.apiUserName,
      UPTRENDS_PASSWORD: SEED.apiPassword,
      UPTRENDS_BASE_URL: `${sb.url}/uptrends/v4`,
    });
  });

  it("the published credentials work against the published base URL", async () => {
    const cfg = (await control(sb, "GET", "/_sandbox/config")) as { vendors: { uptrends: Record<string, string> } };
    const u = cfg.vendors.uptrends;
    const res = await fetch(`${u.baseUrl!}/Operator/${u.operatorGuid!}`, {
      headers: { authorization: "Basic " + Buffer.from(`${u.username!}:${u.password!}`).toString("base64"), accept: "application/json" },
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as Record<string, unknown>).Email).toBe(SEED.operatorEmail);
  });

  it("expireTokens is harmless: Basic auth has no tokens", async () => {
    await control(sb, "POST", "/_sandbox/faults", { vendor: "uptrends", effect: { type: "expireTokens" } });
    const r = await call("GET", "/ApiUser");
    expect(r.status).toBe(200);
    const faults = (await control(sb, "GET", "/_sandbox/faults")) as { faults: { applied: number }[] };
    expect(faults.faults[0]!.applied).toBe(1);
  });

  it("injected statuses use the MessageList body; 429 carries Retry-After", async () => {
    await control(sb, "POST", "/_sandbox/faults", { vendor: "uptrends", route: "/v4/ApiUser", count: 1, effect: { type: "rateLimit", retryAfterSeconds: 7 } });
    const limited = await call("GET", "/ApiUser");
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("7");
    expect(limited.body).toEqual({ Messages: [{ Message: "Too many requests" }] });
    await control(sb, "POST", "/_sandbox/faults", { vendor: "uptrends", count: 1, effect: { type: "status", status: 503, message: "down" } });
    const down = await call("GET", "/ApiUser");
    expect(down.status).toBe(503);
    expect(down.body).toEqual({ Messages: [{ Message: "down" }] });
    expect((await call("GET", "/ApiUser")).status).toBe(200);
  });

  it("unknown routes and methods answer with a MessageList", async () => {
    const r = await call("GET", "/NoSuchThing");
    expect(r.status).toBe(404);
    expect(messages(r)).toHaveLength(1);
    const m = await call("PATCH", "/ApiUser");
    expect(m.status).toBe(405);
    expect(messages(m)).toHaveLength(1);
  });
});

describe("HTTP Basic authentication", () => {
  it("refuses a missing credential with 401, a MessageList and a Basic challenge", async () => {
    const r = await call("GET", "/ApiUser", { auth: null });
    expect(r.status).toBe(401);
    expect(r.body).toEqual(UNAUTHORIZED);
    expect(r.headers.get("www-authenticate")).toMatch(/^Basic /);
  });

  it("refuses a wrong password, an unknown user and a non-Basic scheme", async () => {
    expect((await call("GET", "/ApiUser", { auth: { username: ADMIN.username, password: "wrong" } })).status).toBe(401);
    expect((await call("GET", "/ApiUser", { auth: { username: "nobody", password: ADMIN.password } })).status).toBe(401);
    const bearer = await fetch(`${sb.url}/uptrends/v4/ApiUser`, { headers: { authorization: "Bearer abc" } });
    expect(bearer.status).toBe(401);
  });

  it("does not accept an operator's login on the API (only on /Register)", async () => {
    const r = await call("GET", "/ApiUser", { auth: OPERATOR_LOGIN });
    expect(r.status).toBe(401);
    expect(r.body).toEqual(UNAUTHORIZED);
  });

  it("accepts a freshly created API account", async () => {
    const { creds } = await createApiUser(call, SEED.operatorGuid, "new");
    const r = await call("GET", "/ApiUser", { auth: creds });
    expect(r.status).toBe(200);
  });

  it("does not record use for a refused credential", async () => {
    await call("GET", "/ApiUser", { auth: { username: SEED.apiUserName, password: "wrong" } });
    const state = (await control(sb, "GET", "/_sandbox/state")) as { vendors: { uptrends: { apiUsers: { lastUsed: { kind: string } }[] } } };
    expect(state.vendors.uptrends.apiUsers[0]!.lastUsed.kind).toBe("never");
  });
});

describe("LastUsed and RequestsLast30Days", () => {
  it("stamps LastUsed with the sandbox clock on every authenticated call", async () => {
    const first = await call("GET", `/ApiUser/${SEED.apiUserGuid}`);
    const t1 = Date.parse(obj(first).LastUsed as string);
    expect(new Date(t1).toISOString()).toBe(obj(first).LastUsed);
    expect(Math.abs(t1 - Date.now())).toBeLessThan(5_000);

    await advance(sb, 3600);
    const second = await call("GET", `/ApiUser/${SEED.apiUserGuid}`);
    const t2 = Date.parse(obj(second).LastUsed as string);
    expect(t2 - t1).toBeGreaterThanOrEqual(3600_000);
    expect(t2 - t1).toBeLessThan(3600_000 + 5_000);
  });

  it("is null for an API account that was never used and set once its credentials are used", async () => {
    const { guid, creds } = await createApiUser(call, SEED.operatorGuid, "idle");
    expect(obj(await call("GET", `/ApiUser/${guid}`)).LastUsed).toBeNull();
    await advance(sb, 120);
    await call("GET", "/Account", { auth: creds });
    const after = obj(await call("GET", `/ApiUser/${guid}`));
    expect(typeof after.LastUsed).toBe("string");
    expect(Math.abs(Date.parse(after.LastUsed as string) - (Date.now() + 120_000))).toBeLessThan(5_000);
    expect(after.RequestsLast30Days).toBe(1);
  });

  it("counts requests of the last 30 days", async () => {
    const { guid, creds } = await createApiUser(call, SEED.operatorGuid, "busy");
    for (let i = 0; i < 3; i++) await call("GET", "/Account", { auth: creds });
    expect(obj(await call("GET", `/ApiUser/${guid}`)).RequestsLast30Days).toBe(3);
    await advance(sb, 31 * 24 * 3600);
    expect(obj(await call("GET", `/ApiUser/${guid}`)).RequestsLast30Days).toBe(0);
    await call("GET", "/Account", { auth: creds });
    expect(obj(await call("GET", `/ApiUser/${guid}`)).RequestsLast30Days).toBe(1);
  });
});

describe("GET /Account", () => {
  it("returns AccountStatistics", async () => {
    await createOperator(call, "stats@example.com");
    const r = await call("GET", "/Account");
    expect(r.status).toBe(200);
    expect(obj(r)).toMatchObject({ AccountId: SEED.accountId, OperatorQuota: { Operators: 25, OperatorsInUse: 2 } });
    expect(Object.keys(obj(r)).sort()).toEqual(["AccountId", "ExpirationDate", "MonitorQuota", "OperatorQuota", "RemainingMessageCredits"]);
  });

  it("requires an API account", async () => {
    expect((await call("GET", "/Account", { auth: null })).status).toBe(401);
  });
});

describe("POST /Register (legacy)", () => {
  it("creates an API account for the logged-in operator and returns RegistrationResponse", async () => {
    const r = await call("POST", "/Register", { auth: OPERATOR_LOGIN });
    expect(r.status).toBe(201);
    const b = obj(r);
    expect(Object.keys(b).sort()).toEqual(["AccountId", "OperatorName", "Password", "UserName", "status"]);
    expect(b).toMatchObject({ AccountId: SEED.accountId, OperatorName: SEED.operatorFullName, status: "OK" });

    const creds = { username: b.UserName as string, password: b.Password as string };
    expect((await call("GET", "/Account", { auth: creds })).status).toBe(200);
    // It shows up among the operator's API users, findable by UserName, with the default description.
    const mine = list(await call("GET", `/ApiUser/Operator/${SEED.operatorGuid}`)).find((u) => u.UserName === b.UserName);
    expect(mine).toMatchObject({ Description: "API", ApiAccessType: "Generic", OperatorGuid: SEED.operatorGuid });
  });

  it("accepts the e-mail case-insensitively and takes description from the query", async () => {
    const r = await call("POST", "/Register?description=Deploy%20bot", { auth: { ...OPERATOR_LOGIN, username: OPERATOR_LOGIN.username.toUpperCase() } });
    expect(r.status).toBe(201);
    const mine = list(await call("GET", "/ApiUser")).find((u) => u.UserName === obj(r).UserName);
    expect(mine?.Description).toBe("Deploy bot");
  });

  it("creates for another operator when an administrator passes operatorGuid", async () => {
    const other = await createOperator(call, "target@example.com", { FullName: "Target Person" });
    const r = await call("POST", `/Register?operatorGuid=${other}`, { auth: OPERATOR_LOGIN });
    expect(r.status).toBe(201);
    expect(obj(r).OperatorName).toBe("Target Person");
    const theirs = list(await call("GET", `/ApiUser/Operator/${other}`));
    expect(theirs.map((u) => u.UserName)).toEqual([obj(r).UserName]);
  });

  it("answers 404 for an unknown operatorGuid and 400 for a malformed one", async () => {
    const unknown = await call("POST", "/Register?operatorGuid=11111111-2222-4333-8444-555555555555", { auth: OPERATOR_LOGIN });
    expect(unknown.status).toBe(404);
    expect(messages(unknown)).toEqual(["The specified operator was not found."]);
    const bad = await call("POST", "/Register?operatorGuid=nope", { auth: OPERATOR_LOGIN });
    expect(bad.status).toBe(400);
  });

  it("refuses a non-administrator registering for someone else (403)", async () => {
    const email = "plainreg@example.com";
    await createOperator(call, email);
    const r = await call("POST", `/Register?operatorGuid=${SEED.operatorGuid}`, { auth: { username: email, password: "Op-Login-Password-1" } });
    expect(r.status).toBe(403);
    expect(messages(r)).toHaveLength(1);
    const self = await call("POST", "/Register", { auth: { username: email, password: "Op-Login-Password-1" } });
    expect(self.status).toBe(201);
  });

  it("refuses API-account credentials, a wrong login password and SSO-only operators (401)", async () => {
    expect((await call("POST", "/Register", { auth: ADMIN })).status).toBe(401);
    const wrong = await call("POST", "/Register", { auth: { ...OPERATOR_LOGIN, password: "nope" } });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toEqual(UNAUTHORIZED);
    expect((await call("POST", "/Register", { auth: null })).status).toBe(401);

    const sso = "sso@example.com";
    await createOperator(call, sso, { AllowNativeLogin: false, AllowNativeLoginSpecified: true, AllowSingleSignon: true, AllowSingleSignonSpecified: true });
    expect((await call("POST", "/Register", { auth: { username: sso, password: "Op-Login-Password-1" } })).status).toBe(401);
    expect(list(await call("GET", "/ApiUser"))).toHaveLength(1);
  });
});
