// Contract: Identity Server's published rate limits, enforced on request (`rateLimits` /
// `--rate-limits uipath`), per organization and method, in a rolling window divided by the time scale.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { rateLimits } from "./rate-limits.js";
import { api, getToken, startHarness, type Harness } from "./test-helpers.js";

let h: Harness;
let token: string;
beforeAll(async () => {
  h = await startHarness();
  token = await getToken(h);
});
afterAll(async () => {
  await h.sandbox.close();
});
beforeEach(() => {
  h.sandbox.setRateLimits({ vendors: [] });
  h.sandbox.clearRequests();
});

const list = () => `/RobotAccount/${h.partitionGlobalId}`;

describe("the published figures", () => {
  it("are Identity Server's: per organization and 5 minutes, GET 300, POST 24,000, PUT, PATCH and DELETE 160", () => {
    expect(rateLimits.limits.map((l) => [l.methods.join(), l.requests, l.windowSeconds])).toEqual([
      ["GET", 300, 300],
      ["POST", 24_000, 300],
      ["PUT", 160, 300],
      ["PATCH", 160, 300],
      ["DELETE", 160, 300],
    ]);
    expect(rateLimits.tenantOf("/acme/identity_/api/RobotAccount")).toBe("acme");
    expect(rateLimits.tenantOf("/identity_/api/RobotAccount")).toBe("");
    expect(rateLimits.tenantOf("/identity_/connect/token")).toBeUndefined();
  });
});

describe("enforced", () => {
  it("not by default: a burst beyond the limit is served", async () => {
    const statuses = await Promise.all(Array.from({ length: 310 }, () => api(h, "GET", list(), { token }).then((r) => r.status)));
    expect(statuses.filter((s) => s === 429)).toHaveLength(0);
  });

  it("beyond the limit: 429 with the ASP.NET ProblemDetails body and Retry-After in whole seconds until the window frees", async () => {
    h.sandbox.setRateLimits({ vendors: ["uipath"], timeScale: 60 });
    const statuses: number[] = [];
    for (let i = 0; i < 300; i++) statuses.push((await api(h, "GET", list(), { token })).status);
    expect(statuses.every((s) => s === 200)).toBe(true);
    const refused = await api(h, "GET", list(), { token });
    expect(refused.status).toBe(429);
    expect(refused.headers.get("content-type")).toContain("application/problem+json");
    expect(refused.body).toMatchObject({ status: 429, title: "Too Many Requests" });
    // A 5-minute window divided by 60 is 5 s: the oldest request leaves it within 5 s.
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(5);
    // Other methods have budgets of their own; the token endpoint is not counted.
    expect((await api(h, "POST", "/RobotAccount", { token, body: { partitionGlobalId: h.partitionGlobalId, name: "rl-own-budget" } })).status).toBe(201);
    expect(await getToken(h)).toBeTruthy();
    expect(h.sandbox.requests()).toContainEqual(expect.objectContaining({ vendor: "uipath", method: "GET", status: 429, count: 1 }));
  });

  it("the paths without the organization segment have a window of their own (the path does not name the organization)", async () => {
    h.sandbox.setRateLimits({ vendors: ["uipath"], timeScale: 60 });
    for (let i = 0; i < 150; i++) await api(h, "GET", list(), { token });
    for (let i = 0; i < 150; i++) await api(h, "GET", list(), { token, withOrg: false });
    expect((await api(h, "GET", list(), { token })).status).toBe(200);
    expect((await api(h, "GET", list(), { token, withOrg: false })).status).toBe(200);
  });

  it("the window rolls: after it (scaled) has passed, calls go through again", async () => {
    // 300 s / 60: a 5 s window, time enough for 160 calls on a loaded machine.
    h.sandbox.setRateLimits({ vendors: ["uipath"], timeScale: 60 });
    const put = () => api(h, "PUT", "/RobotAccount/00000000-0000-4000-8000-000000000000", { token, body: { displayName: "x" } });
    const statuses = await Promise.all(Array.from({ length: 160 }, () => put().then((r) => r.status)));
    expect(statuses.filter((s) => s === 429)).toHaveLength(0);
    const refused = await put();
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeLessThanOrEqual(5);
    await new Promise((r) => setTimeout(r, retryAfter * 1000 + 50));
    expect((await put()).status).not.toBe(429);
  });

  it("through the control API: GET and PUT /_sandbox/rate-limits; a vendor without published limits is refused", async () => {
    const put = (body: unknown) => fetch(`${h.sandbox.url}/_sandbox/rate-limits`, { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    expect(await (await put({ vendors: ["uipath"], timeScale: 30 })).json()).toEqual({ vendors: ["uipath"], timeScale: 30 });
    expect(await (await fetch(`${h.sandbox.url}/_sandbox/rate-limits`)).json()).toEqual({ vendors: ["uipath"], timeScale: 30 });
    const bad = await put({ vendors: ["uipath"], timeScale: 0 });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toContain("time scale must be a positive number");
  });
});
