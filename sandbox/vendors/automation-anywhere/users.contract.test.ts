// Contract: user create / read / update / delete under /v1 (and /v2) /usermanagement/users.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GENERATIONS, newUser, startHarness, uniqueName, type Harness } from "./test-helpers.js";

// Every contract below holds for both generations (paths go out on the generation's version).
describe.each(GENERATIONS)("%s Control Room", (generation) => {
  let h: Harness;
  let token: string;
  beforeAll(async () => {
    h = await startHarness(generation);
    token = await h.adminToken();
  });
  afterAll(async () => {
    await h.sandbox.close();
  });

  const USER_KEYS = [
    "id", "username", "domain", "firstName", "lastName", "version", "principalId", "deleted", "roles", "sysAssignedRoles",
    "groupNames", "permissions", "licenseFeatures", "emailVerified", "passwordSet", "questionsSet", "enableAutoLogin", "disabled",
    "clientRegistered", "description", "createdBy", "createdOn", "updatedBy", "updatedOn", "publicKey", "appType", "routingName",
    "appUrl", "email",
  ].sort();
  const ERROR_KEYS = ["code", "details", "message"];

  const create = (body: Record<string, unknown>, version = "v1") => h.call("POST", `/${version}/usermanagement/users`, body, token);
  const roleIds = (user: Record<string, unknown>) => (user.roles as { id: number }[]).map((r) => r.id);

  async function expect400(body: Record<string, unknown>, pattern: RegExp) {
    const r = await create(body);
    expect(r.status).toBe(400);
    expect(Object.keys(r.body).sort()).toEqual(ERROR_KEYS);
    expect(`${String(r.body.message)} ${String(r.body.details)}`).toMatch(pattern);
  }

  describe("POST /v1/usermanagement/users", () => {
    it("201 with the full user object; the password is never returned", async () => {
      const body = newUser({ domain: null });
      const r = await create(body);
      expect(r.status).toBe(201);
      const u = r.body;
      expect(Object.keys(u).sort()).toEqual(USER_KEYS);
      expect(Number.isInteger(u.id)).toBe(true);
      expect(u.principalId).toBe(u.id);
      expect(u.username).toBe(body.username);
      expect(u.email).toBe("bot@example.com");
      expect(u.firstName).toBe("Robo");
      expect(u.lastName).toBe("Runner");
      expect(u.description).toBe("managed by pulumi");
      expect(u.domain).toBeNull();
      expect(u.version).toBe(0);
      expect(u.deleted).toBe(false);
      expect(u.disabled).toBe(false);
      expect(u.enableAutoLogin).toBe(false);
      expect(u.passwordSet).toBe(true);
      expect(u.emailVerified).toBe(false);
      expect(u.roles).toEqual([{ name: "AAE_Basic", id: 2, version: 0 }]);
      expect(u.licenseFeatures).toEqual(["RUNTIME"]);
      expect(u.sysAssignedRoles).toEqual([]);
      expect(u.permissions).toEqual([{ id: 7526, action: "viewuserrolebasicinfo", resourceId: null, resourceType: "usermanagement" }]);
      expect(u.createdBy).toBe(1);
      expect(u.updatedBy).toBe(1);
      expect(u.createdOn).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      expect(u.updatedOn).toBe(u.createdOn);
      expect(r.text).not.toContain("Passw0rd!");
    });

    it("without password: passwordSet false; optional fields default to null/false/[]", async () => {
      const r = await create({ username: uniqueName("min"), email: "m@example.com", roles: [{ id: 2 }] });
      expect(r.status).toBe(201);
      expect(r.body.passwordSet).toBe(false);
      expect(r.body.firstName).toBeNull();
      expect(r.body.description).toBeNull();
      expect(r.body.licenseFeatures).toEqual([]);
      expect(r.body.disabled).toBe(false);
    });

    it("assigns increasing integer ids and dedupes roles and licenses", async () => {
      const a = await create(newUser({ roles: [{ id: 26 }, { id: 26 }, { id: 2 }], licenseFeatures: ["RUNTIME", "RUNTIME", "DEVELOPMENT"] }));
      const b = await create(newUser());
      expect(Number(b.body.id)).toBeGreaterThan(Number(a.body.id));
      expect(roleIds(a.body)).toEqual([26, 2]);
      expect(a.body.licenseFeatures).toEqual(["RUNTIME", "DEVELOPMENT"]);
    });

    it("is also served under /v2", async () => {
      const r = await create(newUser(), "v2");
      expect(r.status).toBe(201);
      const got = await h.call("GET", `/v1/usermanagement/users/${String(r.body.id)}`, undefined, token);
      expect(got.body).toEqual(r.body);
    });

    it("username: required, at most 255 characters", async () => {
      await expect400(newUser({ username: undefined }), /username is required/);
      await expect400(newUser({ username: "" }), /username is required/);
      await expect400(newUser({ username: "u".repeat(256) }), /255/);
      expect((await create(newUser({ username: uniqueName("u").padEnd(255, "x") }))).status).toBe(201);
    });

    it("password: 8 to 15 characters from the allowed set", async () => {
      await expect400(newUser({ password: "Short1!" }), /password/);
      await expect400(newUser({ password: "ThisIsSixteen16!" }), /password/);
      await expect400(newUser({ password: "has space1" }), /password/);
      await expect400(newUser({ password: "star*star1" }), /password/);
      expect((await create(newUser({ password: "aB3@-_!#" }))).status).toBe(201);
      expect((await create(newUser({ password: "$%&.aaaaaaaaaaa" }))).status).toBe(201);
    });

    it("roles: at least one, each must exist", async () => {
      await expect400(newUser({ roles: [] }), /at least one role/);
      await expect400(newUser({ roles: undefined }), /roles/);
      await expect400(newUser({ roles: [{ name: "AAE_Basic" }] }), /role id/);
      const r = await create(newUser({ roles: [{ id: 2 }, { id: 9999 }] }));
      expect(r.status).toBe(400);
      expect(r.body.message).toMatch(/9999/);
    });

    it("licenseFeatures: the documented enum plus ATTENDEDRUNTIME; anything else is 400", async () => {
      await expect400(newUser({ licenseFeatures: ["ATTENDED"] }), /DEVELOPMENT, RUNTIME, IQBOTRUNTIME, ANALYTICSCLIENT, ANALYTICSAPI, ATTENDEDRUNTIME/);
      const all = ["DEVELOPMENT", "RUNTIME", "IQBOTRUNTIME", "ANALYTICSCLIENT", "ANALYTICSAPI", "ATTENDEDRUNTIME"];
      const r = await create(newUser({ licenseFeatures: all }));
      expect(r.status).toBe(201);
      expect(r.body.licenseFeatures).toEqual(all);
    });

    it("email: required and valid", async () => {
      await expect400(newUser({ email: "not-an-email" }), /email/);
      await expect400(newUser({ email: undefined }), /email/);
    });

    it("types: flags must be booleans; the body must be an object", async () => {
      await expect400(newUser({ disabled: "yes" }), /disabled/);
      const r = await h.call("POST", "/v1/usermanagement/users", [newUser()], token);
      expect(r.status).toBe(400);
    });

    it("409 on a duplicate username, compared case-insensitively", async () => {
      const body = newUser();
      expect((await create(body)).status).toBe(201);
      const dup = await create({ ...body, email: "other@example.com" });
      expect(dup.status).toBe(409);
      expect(Object.keys(dup.body).sort()).toEqual(ERROR_KEYS);
      expect(dup.body.code).toBe("usermanagement.user.duplicate");
      expect((await create({ ...body, username: String(body.username).toUpperCase() })).status).toBe(409);
    });
  });

  describe("GET /v1/usermanagement/users/{id}", () => {
    it("200 with the same object create returned", async () => {
      const c = await create(newUser());
      const r = await h.call("GET", `/v1/usermanagement/users/${String(c.body.id)}`, undefined, token);
      expect(r.status).toBe(200);
      expect(r.body).toEqual(c.body);
    });

    it("404 for an unknown id, 400 for a non-integer id", async () => {
      const r = await h.call("GET", "/v1/usermanagement/users/987654", undefined, token);
      expect(r.status).toBe(404);
      expect(r.body.code).toBe("usermanagement.user.notfound");
      expect(Object.keys(r.body).sort()).toEqual(ERROR_KEYS);
      expect((await h.call("GET", "/v1/usermanagement/users/abc", undefined, token)).status).toBe(400);
    });
  });

  describe("PUT /v1/usermanagement/users/{id}", () => {
    it("replaces the whole role list and the mutable fields; bumps version and updatedOn", async () => {
      const body = newUser();
      const c = await create(body);
      const path = `/v1/usermanagement/users/${String(c.body.id)}`;
      await h.control("POST", "/_sandbox/clock", { advanceSeconds: 60 });
      const upd = {
        roles: [{ id: 169 }, { id: 2 }, { id: 26 }],
        email: "new@example.com",
        enableAutoLogin: true,
        firstName: "New",
        lastName: "Name",
        description: "changed",
        disabled: false,
        licenseFeatures: ["DEVELOPMENT"],
      };
      const r = await h.call("PUT", path, upd, token);
      expect(r.status).toBe(200);
      expect(Object.keys(r.body).sort()).toEqual(USER_KEYS);
      expect(roleIds(r.body)).toEqual([169, 2, 26]);
      expect((r.body.roles as { name: string }[]).map((x) => x.name)).toEqual(["Bot_Creator", "AAE_Basic", "Bot_Runner"]);
      expect(r.body).toMatchObject({ email: "new@example.com", enableAutoLogin: true, firstName: "New", lastName: "Name", description: "changed" });
      expect(r.body.licenseFeatures).toEqual(["DEVELOPMENT"]);
      expect(r.body.version).toBe(1);
      expect(r.body.username).toBe(body.username);
      expect(r.body.id).toBe(c.body.id);
      expect(r.body.createdOn).toBe(c.body.createdOn);
      expect(Date.parse(String(r.body.updatedOn)) - Date.parse(String(c.body.updatedOn))).toBeGreaterThanOrEqual(60_000);
      expect(r.body.passwordSet).toBe(true);

      // A shorter list removes roles: no merge.
      const r2 = await h.call("PUT", path, { roles: [{ id: 26 }], email: "new@example.com" }, token);
      expect(r2.status).toBe(200);
      expect(roleIds(r2.body)).toEqual([26]);
      expect(r2.body.version).toBe(2);
      // Left-out fields go back to their defaults (full replace).
      expect(r2.body.firstName).toBeNull();
      expect(r2.body.description).toBeNull();
      expect(r2.body.enableAutoLogin).toBe(false);
      expect(r2.body.licenseFeatures).toEqual([]);
      expect((await h.call("GET", path, undefined, token)).body).toEqual(r2.body);
    });

    it("accepts the body echoed from GET (same username, id, version, extra fields)", async () => {
      const c = await create(newUser());
      const r = await h.call("PUT", `/v1/usermanagement/users/${String(c.body.id)}`, { ...c.body, description: "echo" }, token);
      expect(r.status).toBe(200);
      expect(r.body.description).toBe("echo");
    });

    it("accepts the unchanged username in the body (mandatory on v11.3, absent from the Automation 360 example), in any letter case", async () => {
      const body = newUser();
      const c = await create(body);
      const path = `/v1/usermanagement/users/${String(c.body.id)}`;
      const { password: _pw, ...rest } = body;
      const same = await h.call("PUT", path, { ...rest, description: "with username" }, token);
      expect(same.status).toBe(200);
      expect(same.body).toMatchObject({ username: body.username, description: "with username", version: 1 });
      const upper = await h.call("PUT", path, { ...rest, username: String(body.username).toUpperCase(), description: "upper" }, token);
      expect(upper.status).toBe(200);
      expect(upper.body).toMatchObject({ username: body.username, description: "upper", version: 2 });
      const { username: _u, ...without } = rest;
      expect((await h.call("PUT", path, { ...without, description: "without" }, token)).status).toBe(200);
    });

    it("changes the password when one is sent", async () => {
      const body = newUser();
      const c = await create(body);
      const r = await h.call("PUT", `/v1/usermanagement/users/${String(c.body.id)}`, { ...body, password: "N3w-Secret" }, token);
      expect(r.status).toBe(200);
      expect((await h.call("POST", "/v2/authentication", { username: body.username, password: body.password })).status).toBe(401);
      expect((await h.call("POST", "/v2/authentication", { username: body.username, password: "N3w-Secret" })).status).toBe(200);
      const bad = await h.call("PUT", `/v1/usermanagement/users/${String(c.body.id)}`, { ...body, password: "short" }, token);
      expect(bad.status).toBe(400);
    });

    it("400 for no roles, an unknown role, a different username or domain; 409 for a stale version", async () => {
      const body = newUser();
      const c = await create(body);
      const path = `/v1/usermanagement/users/${String(c.body.id)}`;
      expect((await h.call("PUT", path, { ...body, roles: [] }, token)).status).toBe(400);
      const unknownRole = await h.call("PUT", path, { ...body, roles: [{ id: 4242 }] }, token);
      expect(unknownRole.status).toBe(400);
      expect(unknownRole.body.message).toMatch(/4242/);
      expect((await h.call("PUT", path, { ...body, username: "renamed" }, token)).status).toBe(400);
      expect((await h.call("PUT", path, { ...body, domain: "CORP" }, token)).status).toBe(400);
      const stale = await h.call("PUT", path, { ...body, version: 7 }, token);
      expect(stale.status).toBe(409);
      expect(stale.body.code).toBe("usermanagement.user.version.conflict");
      // Nothing changed by the refused calls.
      expect((await h.call("GET", path, undefined, token)).body).toEqual(c.body);
    });

    it("404 for an unknown id", async () => {
      const r = await h.call("PUT", "/v1/usermanagement/users/987654", newUser(), token);
      expect(r.status).toBe(404);
    });
  });

  describe("DELETE /v1/usermanagement/users/{id}", () => {
    it("200 with the user body; then GET and DELETE give 404 and the user's sessions end", async () => {
      const body = newUser({ roles: [{ id: 1 }] });
      const c = await create(body);
      const theirs = (await h.call("POST", "/v2/authentication", { username: body.username, password: body.password })).body.token as string;
      const path = `/v1/usermanagement/users/${String(c.body.id)}`;
      const r = await h.call("DELETE", path, undefined, token);
      expect(r.status).toBe(200);
      expect(r.body).toEqual(c.body);
      expect(r.body.deleted).toBe(false);
      expect((await h.call("GET", path, undefined, token)).status).toBe(404);
      expect((await h.call("DELETE", path, undefined, token)).status).toBe(404);
      expect((await h.call("GET", "/v1/usermanagement/users/1", undefined, theirs)).status).toBe(401);
      const list = await h.call("POST", "/v1/usermanagement/users/list", { filter: { operator: "eq", field: "username", value: body.username } }, token);
      expect(list.body.list).toEqual([]);
      // The username is free again.
      expect((await create(body)).status).toBe(201);
    });

    it("works under /v2 too", async () => {
      const c = await create(newUser());
      expect((await h.call("DELETE", `/v2/usermanagement/users/${String(c.body.id)}`, undefined, token)).status).toBe(200);
      expect((await h.call("GET", `/v2/usermanagement/users/${String(c.body.id)}`, undefined, token)).status).toBe(404);
    });
  });
});
