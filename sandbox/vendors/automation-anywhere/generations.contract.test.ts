// Contract: what each generation serves, and how it answers the other generation's calls.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newUser, startHarness, type Harness } from "./test-helpers.js";

const ERROR_KEYS = ["code", "details", "message"];

/** Every call that moved from v1 to v2 with Automation 360 v.33, as [method, path below the version]. */
const MOVED: [string, string][] = [
  ["POST", "/authentication"],
  ["POST", "/authentication/token"],
  ["POST", "/usermanagement/users"],
  ["POST", "/usermanagement/users/list"],
  ["GET", "/usermanagement/users/1"],
  ["PUT", "/usermanagement/users/1"],
  ["DELETE", "/usermanagement/users/1"],
  ["POST", "/usermanagement/roles/list"],
  ["GET", "/usermanagement/roles/2"],
];

describe.each([
  { generation: "current" as const, serves: "v2", gone: "v1" },
  { generation: "legacy" as const, serves: "v1", gone: "v2" },
])("$generation Control Room", ({ generation, serves, gone }) => {
  let h: Harness;
  let token: string;
  beforeAll(async () => {
    h = await startHarness(generation);
    token = await h.adminToken();
  });
  afterAll(async () => {
    await h.sandbox.close();
  });

  it(`serves login and user management on ${serves}`, async () => {
    expect(h.version).toBe(serves);
    const login = await h.raw("POST", `/${serves}/authentication`, { username: h.admin.username, apiKey: h.admin.apiKey });
    expect(login.status).toBe(200);
    expect((await h.raw("POST", `/${serves}/usermanagement/users/list`, {}, token)).status).toBe(200);
    expect((await h.raw("POST", `/${serves}/usermanagement/roles/list`, {}, token)).status).toBe(200);
    const made = await h.raw("POST", `/${serves}/usermanagement/users`, newUser(), token);
    expect(made.status).toBe(201);
    expect((await h.raw("DELETE", `/${serves}/usermanagement/users/${String(made.body.id)}`, undefined, token)).status).toBe(200);
  });

  it(`answers every ${gone} login and user-management call with 404 and the vendor's error body, touching nothing`, async () => {
    const before = JSON.stringify(h.sandbox.store.vendor("automation-anywhere").users);
    for (const [method, path] of MOVED) {
      const body = method === "POST" || method === "PUT" ? (path === "/authentication" ? { username: h.admin.username, apiKey: h.admin.apiKey } : newUser()) : undefined;
      const r = await h.raw(method, `/${gone}${path}`, body, token);
      expect(r.status, `${method} /${gone}${path}`).toBe(404);
      expect(Object.keys(r.body).sort()).toEqual(ERROR_KEYS);
      expect(r.body.code).toBe("resource.notfound");
    }
    expect(JSON.stringify(h.sandbox.store.vendor("automation-anywhere").users)).toBe(before);
  });

  it("keeps token validation and logout on v1 in both generations", async () => {
    const v = await h.raw("GET", `/v1/authentication/token?token=${encodeURIComponent(token)}`);
    expect(v.body).toEqual({ valid: true });
    const fresh = await h.adminToken();
    expect((await h.raw("POST", "/v1/authentication/logout", { token: fresh })).status).toBe(204);
  });

  it("counts the other generation's calls under their own route template", async () => {
    h.sandbox.clearRequests();
    await h.raw("GET", `/${gone}/usermanagement/users/1`, undefined, token);
    expect(h.sandbox.requests()).toContainEqual({ vendor: "automation-anywhere", method: "GET", route: `/${gone}/usermanagement/users/{userId}`, status: 404, count: 1 });
  });
});

describe("switching generations at run time", () => {
  it("the control API moves a running sandbox from current to legacy and back", async () => {
    const h = await startHarness("current");
    try {
      const put = await h.control("PUT", "/_sandbox/profiles", { "automation-anywhere": "legacy" });
      expect(put.status).toBe(200);
      expect((await h.raw("POST", "/v2/authentication", { username: h.admin.username, apiKey: h.admin.apiKey })).status).toBe(404);
      expect((await h.raw("POST", "/v1/authentication", { username: h.admin.username, apiKey: h.admin.apiKey })).status).toBe(200);
      await h.control("POST", "/_sandbox/reset");
      expect(h.sandbox.profiles()).toEqual({ "automation-anywhere": "current" });
    } finally {
      await h.sandbox.close();
    }
  });
});
