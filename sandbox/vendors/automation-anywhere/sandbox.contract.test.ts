// Contract: what the sandbox control API exposes for this vendor (config, env, faults, counters, state).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GENERATIONS, newUser, startHarness, type Harness } from "./test-helpers.js";

// Every contract below holds for both generations (paths go out on the generation's version).
describe.each(GENERATIONS)("%s Control Room", (generation) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(generation);
  });
  afterAll(async () => {
    await h.sandbox.close();
  });

  describe("GET /_sandbox/config", () => {
    it("has the automation-anywhere entry and env with working admin credentials", async () => {
      const r = await h.control("GET", "/_sandbox/config");
      expect(r.status).toBe(200);
      const entry = (r.body.vendors as Record<string, Record<string, string>>)["automation-anywhere"]!;
      expect(entry.baseUrl).toBe(`${h.sandbox.url}/automation-anywhere`);
      expect(entry.username).toBe("admin");
      expect(entry.apiKey).toMatch(/^[A-Za-z0-9]{40}$/);
      expect(entry.password).toMatch(/^[A-Za-z0-9@\-_!#$%&.]{8,15}$/);
      const env = r.body.env as Record<string, string>;
      expect(env).toEqual({
        AUTOMATION_ANYWHERE_URL: entry.baseUrl,
        AUTOMATION_ANYWHERE_USERNAME: entry.username,
        AUTOMATION_ANYWHERE_API_KEY: entry.apiKey,
        AUTOMATION_ANYWHERE_PASSWORD: entry.password,
      });
      // The URL is the Control Room origin: the provider appends /v2/authentication (legacy: /v1/...) to it.
      const byKey = await fetch(`${env.AUTOMATION_ANYWHERE_URL}/${h.version}/authentication`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ username: env.AUTOMATION_ANYWHERE_USERNAME, apiKey: env.AUTOMATION_ANYWHERE_API_KEY }),
      });
      expect(byKey.status).toBe(200);
      const byPassword = await h.call("POST", "/v1/authentication", { username: env.AUTOMATION_ANYWHERE_USERNAME, password: env.AUTOMATION_ANYWHERE_PASSWORD });
      expect(byPassword.status).toBe(200);
    });
  });

  describe("vendor error body outside the handlers", () => {
    it("an injected status fault answers {code, details, message}", async () => {
      await h.control("POST", "/_sandbox/faults", { vendor: "automation-anywhere", route: `/${h.version}/usermanagement/users`, method: "POST", count: 1, effect: { type: "status", status: 503, message: "maintenance" } });
      const token = await h.adminToken();
      const r = await h.call("POST", "/v1/usermanagement/users", newUser(), token);
      expect(r.status).toBe(503);
      expect(r.body).toEqual({ code: "server.unavailable", details: "", message: "maintenance" });
      expect((await h.call("POST", "/v1/usermanagement/users", newUser(), token)).status).toBe(201);
    });

    it("429 from a rateLimit fault carries Retry-After and the vendor body", async () => {
      await h.control("POST", "/_sandbox/faults", { vendor: "automation-anywhere", route: `/${h.version}/usermanagement/users/{userId}`, count: 1, effect: { type: "rateLimit", retryAfterSeconds: 3 } });
      const r = await h.call("GET", "/v1/usermanagement/users/1", undefined, await h.adminToken());
      expect(r.status).toBe(429);
      expect(r.headers.get("retry-after")).toBe("3");
      expect(r.body.code).toBe("request.ratelimited");
    });

    it("unknown route 404 and wrong method 405 use the vendor body", async () => {
      const nf = await h.call("GET", "/v9/nothing");
      expect(nf.status).toBe(404);
      expect(Object.keys(nf.body).sort()).toEqual(["code", "details", "message"]);
      const na = await h.call("PATCH", "/v1/usermanagement/users/1");
      expect(na.status).toBe(405);
      expect(na.body.code).toBe("method.notallowed");
    });
  });

  describe("request counters and state", () => {
    it("counts requests by route template", async () => {
      await h.control("DELETE", "/_sandbox/requests");
      const token = await h.adminToken();
      await h.call("GET", "/v1/usermanagement/users/1", undefined, token);
      await h.call("GET", "/v1/usermanagement/users/999999", undefined, token);
      const r = await h.control("GET", "/_sandbox/requests");
      const rows = r.body.requests as { vendor: string; method: string; route: string; status: number; count: number }[];
      const v = h.version;
      expect(rows).toContainEqual({ vendor: "automation-anywhere", method: "POST", route: `/${v}/authentication`, status: 200, count: 1 });
      expect(rows).toContainEqual({ vendor: "automation-anywhere", method: "GET", route: `/${v}/usermanagement/users/{userId}`, status: 200, count: 1 });
      expect(rows).toContainEqual({ vendor: "automation-anywhere", method: "GET", route: `/${v}/usermanagement/users/{userId}`, status: 404, count: 1 });
    });

    it("state is plain JSON, and reset reseeds (new API key, created users gone)", async () => {
      const token = await h.adminToken();
      const created = await h.call("POST", "/v1/usermanagement/users", newUser(), token);
      const before = await h.control("GET", "/_sandbox/state");
      const st = (before.body.vendors as Record<string, Record<string, unknown>>)["automation-anywhere"]!;
      expect(Object.keys(st).sort()).toEqual(["nextUserId", "roles", "tokens", "users"]);
      expect((st.users as Record<string, unknown>)[String(created.body.id)]).toBeDefined();
      await h.control("POST", "/_sandbox/reset");
      expect((await h.call("GET", "/v1/usermanagement/users/1", undefined, token)).status).toBe(401);
      const cfg = (await h.control("GET", "/_sandbox/config")).body.vendors as Record<string, Record<string, string>>;
      expect(cfg["automation-anywhere"]!.apiKey).not.toBe(h.admin.apiKey);
      const fresh = (await h.call("POST", "/v2/authentication", { username: "admin", apiKey: cfg["automation-anywhere"]!.apiKey })).body.token as string;
      expect((await h.call("GET", `/v1/usermanagement/users/${String(created.body.id)}`, undefined, fresh)).status).toBe(404);
    });
  });
});
