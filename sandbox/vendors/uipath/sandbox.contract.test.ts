// Contract: the UiPath entry of the sandbox control API (config, env, faults, expireTokens).
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { SEED_SCOPES } from "./state.js";
import { api, getToken, GUID, startHarness, type Harness } from "./test-helpers.js";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.sandbox.close();
});

const control = (path: string, init?: RequestInit) => fetch(`${h.sandbox.url}/_sandbox${path}`, init);
const postJson = (path: string, body: unknown) =>
  control(path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

describe("GET /_sandbox/config", () => {
  it("has the uipath entry and environment", async () => {
    const res = await control("/config");
    const cfg = (await res.json()) as { vendors: Record<string, Record<string, string>>; env: Record<string, string> };
    const u = cfg.vendors.uipath!;
    expect(Object.keys(u).sort()).toEqual(["baseUrl", "clientId", "clientSecret", "organization", "partitionGlobalId"]);
    expect(u.baseUrl).toBe(`${h.sandbox.url}/uipath`);
    expect(u.partitionGlobalId).toMatch(GUID);
    expect(u.organization).toBeTruthy();
    expect(cfg.env).toMatchObject({
      UIPATH_BASE_URL: `${h.sandbox.url}/uipath`,
      UIPATH_ORGANIZATION: u.organization,
      UIPATH_PARTITION_GLOBAL_ID: u.partitionGlobalId,
      UIPATH_CLIENT_ID: u.clientId,
      UIPATH_CLIENT_SECRET: u.clientSecret,
      UIPATH_SCOPES: SEED_SCOPES.join(" "),
    });
  });

  it("gives credentials that obtain a token for every listed scope", async () => {
    const cfg = (await (await control("/config")).json()) as { env: Record<string, string> };
    const res = await fetch(`${cfg.env.UIPATH_BASE_URL}/identity_/connect/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        grant_type: "client_credentials",
        client_id: cfg.env.UIPATH_CLIENT_ID!,
        client_secret: cfg.env.UIPATH_CLIENT_SECRET!,
        scope: cfg.env.UIPATH_SCOPES!,
      }).toString(),
    });
    expect(res.status).toBe(200);
  });
});

describe("faults", () => {
  it("expireTokens invalidates every issued token", async () => {
    const t1 = await getToken(h);
    const t2 = await getToken(h, "PM.Group.Read");
    const list = `/RobotAccount/${h.partitionGlobalId}`;
    expect((await api(h, "GET", list, { token: t1 })).status).toBe(200);
    const added = await postJson("/faults", { vendor: "uipath", count: 1, effect: { type: "expireTokens" } });
    expect(added.status).toBe(201);
    // The fault applies to this request, which then fails like any expired token.
    expect((await api(h, "GET", list, { token: t1 })).status).toBe(401);
    expect((await api(h, "GET", `/Group/${h.partitionGlobalId}`, { token: t2 })).status).toBe(401);
    expect((await api(h, "GET", list, { token: await getToken(h) })).status).toBe(200);
  });

  it("injected statuses use ProblemDetails, and 401 the bearer challenge", async () => {
    const token = await getToken(h);
    await postJson("/faults", { vendor: "uipath", route: "/{organization}/identity_/api/RobotAccount", method: "POST", count: 1, effect: { type: "status", status: 503 } });
    const r = await api(h, "POST", "/RobotAccount", { token, body: { partitionGlobalId: h.partitionGlobalId, name: "fault-bot" } });
    expect(r.status).toBe(503);
    expect(r.body).toMatchObject({ status: 503, title: "Service Unavailable", detail: "Injected fault 503" });
    await postJson("/faults", { vendor: "uipath", count: 1, effect: { type: "status", status: 401 } });
    const u = await api(h, "GET", `/RobotAccount/${h.partitionGlobalId}`, { token });
    expect(u.status).toBe(401);
    expect(u.headers.get("www-authenticate")).toMatch(/^Bearer/);
  });

  it("counts requests under the route templates", async () => {
    await control("/requests", { method: "DELETE" });
    const token = await getToken(h);
    await api(h, "GET", `/RobotAccount/${h.partitionGlobalId}`, { token, withOrg: false });
    const body = (await (await control("/requests")).json()) as { requests: { route: string; status: number; method: string }[] };
    expect(body.requests).toContainEqual(expect.objectContaining({ method: "POST", route: "/identity_/connect/token", status: 200 }));
    expect(body.requests).toContainEqual(expect.objectContaining({ method: "GET", route: "/identity_/api/RobotAccount/{partitionGlobalId}", status: 200 }));
  });

  it("answers unknown routes with a ProblemDetails 404", async () => {
    const res = await fetch(`${h.base}/identity_/api/Nope`);
    expect(res.status).toBe(404);
    expect(((await res.json()) as { title: string }).title).toBe("Not Found");
  });
});
