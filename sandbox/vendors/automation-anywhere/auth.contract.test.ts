// Contract: Control Room authentication (login v1/v2, refresh, validate, logout, expiry, permissions).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GENERATIONS, newUser, startHarness, type Harness } from "./test-helpers.js";
import type { AaState } from "./state.js";

// Every contract below holds for both generations (paths go out on the generation's version).
describe.each(GENERATIONS)("%s Control Room", (generation) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(generation);
  });
  afterAll(async () => {
    await h.sandbox.close();
  });

  const decode = (part: string) => JSON.parse(Buffer.from(part, "base64url").toString("utf8")) as Record<string, unknown>;
  const errorKeys = ["code", "details", "message"];

  describe("POST /v1|v2/authentication", () => {
    for (const path of ["/v1/authentication", "/v2/authentication"]) {
      it(`${path} with username + password returns 200 {token, user}`, async () => {
        const r = await h.call("POST", path, { username: h.admin.username, password: h.admin.password });
        expect(r.status).toBe(200);
        expect(Object.keys(r.body).sort()).toEqual(["token", "user"]);
        const token = r.body.token as string;
        const [header, payload, sig] = token.split(".");
        expect(decode(header!)).toEqual({ alg: "RS512" });
        const claims = decode(payload!);
        expect(claims.sub).toBe("1");
        expect(claims.iss).toBe("AutomationAnywhere");
        expect(claims.clientType).toBe("WEB");
        expect(Number(claims.exp) - Number(claims.iat)).toBe(1200);
        expect(sig!.length).toBeGreaterThan(20);
        const user = r.body.user as Record<string, unknown>;
        expect(user.id).toBe(1);
        expect(user.username).toBe(h.admin.username);
        expect(user.passwordSet).toBe(true);
        expect(user).not.toHaveProperty("password");
        expect(user).not.toHaveProperty("apiKey");
        expect((user.roles as { name: string }[]).map((x) => x.name)).toContain("AAE_Admin");
      });

      it(`${path} with username + apiKey returns a working token`, async () => {
        const r = await h.call("POST", path, { username: h.admin.username, apiKey: h.admin.apiKey });
        expect(r.status).toBe(200);
        const me = await h.call("GET", "/v1/usermanagement/users/1", undefined, r.body.token as string);
        expect(me.status).toBe(200);
        expect(me.body.username).toBe(h.admin.username);
      });
    }

    it("issues a different token on every login", async () => {
      expect(await h.adminToken()).not.toBe(await h.adminToken());
    });

    it("wrong password, wrong apiKey and unknown username give the same 401 error body", async () => {
      const bodies = [
        { username: h.admin.username, password: "Wrong_pass1" },
        { username: h.admin.username, apiKey: "x".repeat(40) },
        { username: "nobody-here", password: h.admin.password },
      ];
      for (const body of bodies) {
        const r = await h.call("POST", "/v2/authentication", body);
        expect(r.status).toBe(401);
        expect(Object.keys(r.body).sort()).toEqual(errorKeys);
        expect(r.body.code).toBe("authentication.credentials.invalid");
        expect(r.body.message).toMatch(/invalid/i);
        expect(r.body.details).toBe("");
      }
    });

    it("the username is matched case-insensitively", async () => {
      const r = await h.call("POST", "/v2/authentication", { username: h.admin.username.toUpperCase(), password: h.admin.password });
      expect(r.status).toBe(200);
    });

    it("400 when username or both secrets are missing, or the body is not JSON", async () => {
      const a = await h.call("POST", "/v2/authentication", { password: h.admin.password });
      expect(a.status).toBe(400);
      expect(a.body.message).toMatch(/username/);
      const b = await h.call("POST", "/v2/authentication", { username: h.admin.username });
      expect(b.status).toBe(400);
      expect(b.body.message).toMatch(/password or apiKey/);
      const c = await h.call("POST", "/v1/authentication", "not json");
      expect(c.status).toBe(400);
      expect(Object.keys(c.body).sort()).toEqual(errorKeys);
    });

    it("a disabled user cannot log in; an enabled created user can", async () => {
      const token = await h.adminToken();
      const on = newUser();
      const off = newUser({ disabled: true });
      expect((await h.call("POST", "/v1/usermanagement/users", on, token)).status).toBe(201);
      expect((await h.call("POST", "/v1/usermanagement/users", off, token)).status).toBe(201);
      const ok = await h.call("POST", "/v2/authentication", { username: on.username, password: on.password });
      expect(ok.status).toBe(200);
      expect((ok.body.user as { username: string }).username).toBe(on.username);
      const denied = await h.call("POST", "/v2/authentication", { username: off.username, password: off.password });
      expect(denied.status).toBe(401);
      expect(denied.body.code).toBe("authentication.user.disabled");
    });

    it("a user created without password cannot log in with any password", async () => {
      const token = await h.adminToken();
      const u = newUser({ password: undefined });
      expect((await h.call("POST", "/v1/usermanagement/users", u, token)).status).toBe(201);
      const r = await h.call("POST", "/v2/authentication", { username: u.username, password: "Passw0rd!" });
      expect(r.status).toBe(401);
    });
  });

  describe("X-Authorization on protected routes", () => {
    it("401 authentication.required without the header", async () => {
      const r = await h.call("GET", "/v1/usermanagement/users/1");
      expect(r.status).toBe(401);
      expect(r.body).toEqual({ code: "authentication.required", details: "", message: "Authentication required" });
    });

    it("401 for an unknown token", async () => {
      const r = await h.call("GET", "/v1/usermanagement/users/1", undefined, "eyJhbGciOiJSUzUxMiJ9.e30.bogus");
      expect(r.status).toBe(401);
      expect(r.body.code).toBe("authentication.token.invalid");
    });

    it("a Bearer Authorization header is not accepted (the vendor reads X-Authorization)", async () => {
      const token = await h.adminToken();
      const res = await fetch(`${h.base}/${h.version}/usermanagement/users/1`, { headers: { authorization: `Bearer ${token}` } });
      expect(res.status).toBe(401);
    });

    it("a token is valid for 20 minutes of sandbox time, then 401 expired", async () => {
      const token = await h.adminToken();
      await h.control("POST", "/_sandbox/clock", { advanceSeconds: 1199 });
      expect((await h.call("GET", "/v1/usermanagement/users/1", undefined, token)).status).toBe(200);
      await h.control("POST", "/_sandbox/clock", { advanceSeconds: 2 });
      const r = await h.call("GET", "/v1/usermanagement/users/1", undefined, token);
      expect(r.status).toBe(401);
      expect(r.body.code).toBe("authentication.token.expired");
    });

    it("403 when the caller's roles lack the permission (AAE_Basic only)", async () => {
      const token = await h.adminToken();
      const basic = newUser();
      expect((await h.call("POST", "/v1/usermanagement/users", basic, token)).status).toBe(201);
      const login = await h.call("POST", "/v2/authentication", { username: basic.username, password: basic.password });
      const weak = login.body.token as string;
      const create = await h.call("POST", "/v1/usermanagement/users", newUser(), weak);
      expect(create.status).toBe(403);
      expect(create.body.code).toBe("operation.unauthorized");
      expect(Object.keys(create.body).sort()).toEqual(errorKeys);
      expect((await h.call("POST", "/v1/usermanagement/users/list", {}, weak)).status).toBe(403);
      expect((await h.call("POST", "/v1/usermanagement/roles/list", {}, weak)).status).toBe(403);
      expect((await h.call("DELETE", "/v1/usermanagement/users/1", undefined, weak)).status).toBe(403);
    });

    it("the admin's login answer lists the documented users-and-roles Administration pairs", async () => {
      const login = await h.call("POST", "/v2/authentication", { username: h.admin.username, apiKey: h.admin.apiKey });
      const perms = (login.body.user as { permissions: { id: unknown; action: string; resourceId: unknown; resourceType: string }[] }).permissions;
      for (const p of perms) expect(Object.keys(p).sort()).toEqual(["action", "id", "resourceId", "resourceType"]);
      expect(perms.map((p) => `${p.action}|${p.resourceType}`).sort()).toEqual([
        "createuser|usermanagement",
        "deleteuser|usermanagement",
        "rolesmanagement|rolesmanagement",
        "rolesview|rolesmanagement",
        "updateuser|usermanagement",
        "usermanagement|usermanagement",
        "viewuserrolebasicinfo|usermanagement",
      ]);
    });

    it("a permission counts only as its Action | Resource type pair: the right action under another type grants nothing", async () => {
      const state = h.sandbox.store.vendor("automation-anywhere") as unknown as AaState;
      const token = await h.adminToken();
      state.roles["9200"] = { ...state.roles["2"]!, id: 9200, name: "Half_Admins", systemRole: false, permissions: [
        { id: 1, action: "usermanagement", resourceId: null, resourceType: "usermanagement" },
        { id: 2, action: "createuser", resourceId: null, resourceType: "rolesmanagement" },
        { id: 3, action: "rolesview", resourceId: null, resourceType: "usermanagement" },
      ] };
      try {
        const u = newUser({ roles: [{ id: 9200 }] });
        expect((await h.call("POST", "/v1/usermanagement/users", u, token)).status).toBe(201);
        const theirs = (await h.call("POST", "/v2/authentication", { username: u.username, password: u.password })).body.token as string;
        expect((await h.call("POST", "/v1/usermanagement/users/list", {}, theirs)).status).toBe(200);
        const create = await h.call("POST", "/v1/usermanagement/users", newUser(), theirs);
        expect(create.status).toBe(403);
        expect(create.body.details).toBe("missing permission createuser|usermanagement");
        expect((await h.call("POST", "/v1/usermanagement/roles/list", {}, theirs)).status).toBe(403);
      } finally {
        delete state.roles["9200"];
      }
    });

    it("disabling a user ends their sessions", async () => {
      const token = await h.adminToken();
      const u = newUser({ roles: [{ id: 1 }] });
      const created = await h.call("POST", "/v1/usermanagement/users", u, token);
      const login = await h.call("POST", "/v1/authentication", { username: u.username, password: u.password });
      const theirs = login.body.token as string;
      expect((await h.call("GET", "/v1/usermanagement/users/1", undefined, theirs)).status).toBe(200);
      const put = await h.call("PUT", `/v1/usermanagement/users/${String(created.body.id)}`, { ...u, disabled: true }, token);
      expect(put.status).toBe(200);
      expect((await h.call("GET", "/v1/usermanagement/users/1", undefined, theirs)).status).toBe(401);
    });
  });

  describe("POST /v1/authentication/token (refresh)", () => {
    it("returns 200 {token} with a new token that outlives the old one", async () => {
      const old = await h.adminToken();
      await h.control("POST", "/_sandbox/clock", { advanceSeconds: 1000 });
      const r = await h.call("POST", "/v1/authentication/token", { token: old }, old);
      expect(r.status).toBe(200);
      expect(Object.keys(r.body)).toEqual(["token"]);
      const fresh = r.body.token as string;
      expect(fresh).not.toBe(old);
      expect((await h.call("GET", "/v1/usermanagement/users/1", undefined, old)).status).toBe(200);
      await h.control("POST", "/_sandbox/clock", { advanceSeconds: 300 });
      expect((await h.call("GET", "/v1/usermanagement/users/1", undefined, old)).status).toBe(401);
      expect((await h.call("GET", "/v1/usermanagement/users/1", undefined, fresh)).status).toBe(200);
    });

    it("401 without X-Authorization or with an expired token; 400 without a body token", async () => {
      const token = await h.adminToken();
      expect((await h.call("POST", "/v1/authentication/token", { token })).status).toBe(401);
      expect((await h.call("POST", "/v1/authentication/token", { token: "nope" }, token)).status).toBe(401);
      const missing = await h.call("POST", "/v1/authentication/token", {}, token);
      expect(missing.status).toBe(400);
      expect(missing.body.message).toMatch(/token/);
      await h.control("POST", "/_sandbox/clock", { advanceSeconds: 1201 });
      const expired = await h.call("POST", "/v1/authentication/token", { token }, token);
      expect(expired.status).toBe(401);
      expect(expired.body.code).toBe("authentication.token.expired");
    });
  });

  describe("GET /v1/authentication/token (validate)", () => {
    it("answers {valid: true|false}", async () => {
      const token = await h.adminToken();
      const ok = await h.call("GET", `/v1/authentication/token?token=${encodeURIComponent(token)}`);
      expect(ok.status).toBe(200);
      expect(ok.body).toEqual({ valid: true });
      expect((await h.call("GET", "/v1/authentication/token?token=garbage")).body).toEqual({ valid: false });
      await h.control("POST", "/_sandbox/clock", { advanceSeconds: 1200 });
      expect((await h.call("GET", `/v1/authentication/token?token=${encodeURIComponent(token)}`)).body).toEqual({ valid: false });
      expect((await h.call("GET", "/v1/authentication/token")).status).toBe(400);
    });
  });

  describe("POST /v1/authentication/logout", () => {
    it("204 with no body, then the token is dead", async () => {
      const token = await h.adminToken();
      const r = await h.call("POST", "/v1/authentication/logout", { token });
      expect(r.status).toBe(204);
      expect(r.text).toBe("");
      expect((await h.call("GET", "/v1/usermanagement/users/1", undefined, token)).status).toBe(401);
      expect((await h.call("POST", "/v1/authentication/logout", { token })).status).toBe(401);
      expect((await h.call("POST", "/v1/authentication/logout", {})).status).toBe(400);
    });
  });

  describe("fault expireTokens", () => {
    it("invalidates every issued token; a new login works again", async () => {
      const a = await h.adminToken();
      const b = await h.adminToken();
      const f = await h.control("POST", "/_sandbox/faults", { vendor: "automation-anywhere", count: 1, effect: { type: "expireTokens" } });
      expect(f.status).toBe(201);
      const r = await h.call("GET", "/v1/usermanagement/users/1", undefined, a);
      expect(r.status).toBe(401);
      expect(r.body.code).toBe("authentication.token.expired");
      expect((await h.call("GET", "/v1/usermanagement/users/1", undefined, b)).status).toBe(401);
      await h.control("DELETE", "/_sandbox/faults");
      const c = await h.adminToken();
      expect((await h.call("GET", "/v1/usermanagement/users/1", undefined, c)).status).toBe(200);
    });
  });
});
