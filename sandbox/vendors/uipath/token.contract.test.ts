// Contract: `POST /identity_/connect/token` (client credentials) and bearer/scope enforcement.
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { advanceClock, api, getToken, startHarness, tokenRequest, type Harness } from "./test-helpers.js";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.sandbox.close();
});

const creds = () => ({ grant_type: "client_credentials", client_id: h.clientId, client_secret: h.clientSecret });

describe("token endpoint", () => {
  it("issues a one-hour bearer token for the requested scopes", async () => {
    const r = await tokenRequest(h, { ...creds(), scope: "PM.RobotAccount PM.Group" });
    expect(r.status).toBe(200);
    expect(r.headers.get("cache-control")).toBe("no-store");
    const body = r.body as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(["access_token", "expires_in", "scope", "token_type"]);
    expect(body.expires_in).toBe(3600);
    expect(body.token_type).toBe("Bearer");
    expect(body.scope).toBe("PM.RobotAccount PM.Group");
    // JWT-shaped, like the real tokens ("ey...").
    expect(body.access_token).toMatch(/^ey[\w-]+\.[\w-]+\.[\w-]+$/);
  });

  it("grants every allowed scope when no scope is requested", async () => {
    const r = await tokenRequest(h, creds());
    expect(r.status).toBe(200);
    expect((r.body as { scope: string }).scope.split(" ").sort()).toEqual(
      ["PM.Group", "PM.Group.Read", "PM.Group.Write", "PM.RobotAccount", "PM.RobotAccount.Read", "PM.RobotAccount.Write"],
    );
  });

  it("accepts client credentials in an HTTP Basic header", async () => {
    const basic = Buffer.from(`${h.clientId}:${h.clientSecret}`).toString("base64");
    const r = await tokenRequest(h, { grant_type: "client_credentials", scope: "PM.Group.Read" }, { authorization: `Basic ${basic}` });
    expect(r.status).toBe(200);
    expect((r.body as { scope: string }).scope).toBe("PM.Group.Read");
  });

  it("rejects a wrong secret, an unknown client and missing credentials with invalid_client", async () => {
    const forms: Record<string, string>[] = [
      { ...creds(), client_secret: "wrong" },
      { ...creds(), client_id: "00000000-0000-0000-0000-000000000000" },
      { grant_type: "client_credentials", client_id: h.clientId },
      { grant_type: "client_credentials" },
    ];
    for (const form of forms) {
      const r = await tokenRequest(h, form);
      expect(r.status).toBe(400);
      expect(r.body).toEqual({ error: "invalid_client" });
    }
  });

  it("rejects scopes the application was not granted, and offline_access, with invalid_scope", async () => {
    for (const scope of ["PM.User", "PM.RobotAccount offline_access", "PM.RobotAccount PM.License"]) {
      const r = await tokenRequest(h, { ...creds(), scope });
      expect(r.status).toBe(400);
      expect(r.body).toEqual({ error: "invalid_scope" });
    }
  });

  it("rejects other or missing grant types", async () => {
    const missing = await tokenRequest(h, { client_id: h.clientId, client_secret: h.clientSecret });
    expect(missing.body).toEqual({ error: "unsupported_grant_type" });
    const bogus = await tokenRequest(h, { ...creds(), grant_type: "magic" });
    expect(bogus.status).toBe(400);
    expect(bogus.body).toEqual({ error: "unsupported_grant_type" });
    const password = await tokenRequest(h, { ...creds(), grant_type: "password" });
    expect(password.status).toBe(400);
    expect(password.body).toEqual({ error: "unauthorized_client" });
  });

  it("requires a form-encoded body", async () => {
    const res = await fetch(`${h.base}/identity_/connect/token`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(creds()),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: "invalid_request" });
  });

  it("lives at the host root only, not under the organization", async () => {
    const res = await fetch(`${h.base}/${h.organization}/identity_/connect/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(creds()).toString(),
    });
    expect(res.status).toBe(404);
  });
});

describe("bearer authentication", () => {
  const listPath = () => `/RobotAccount/${h.partitionGlobalId}`;

  it("answers a missing token with 401, an empty body and a Bearer challenge", async () => {
    const r = await api(h, "GET", listPath());
    expect(r.status).toBe(401);
    expect(r.text).toBe("");
    expect(r.headers.get("www-authenticate")).toBe("Bearer");
  });

  it("answers an unknown token with 401 invalid_token", async () => {
    const r = await api(h, "GET", listPath(), { token: "eyJhbGciOiJSUzI1NiJ9.e30.bogus" });
    expect(r.status).toBe(401);
    expect(r.headers.get("www-authenticate")).toMatch(/^Bearer error="invalid_token"/);
  });

  it("accepts Basic credentials nowhere but the token endpoint", async () => {
    const basic = Buffer.from(`${h.clientId}:${h.clientSecret}`).toString("base64");
    const r = await api(h, "GET", listPath(), { headers: { authorization: `Basic ${basic}` } });
    expect(r.status).toBe(401);
  });

  it("expires tokens after expires_in seconds of sandbox clock", async () => {
    const token = await getToken(h);
    expect((await api(h, "GET", listPath(), { token })).status).toBe(200);
    await advanceClock(h, 3599);
    expect((await api(h, "GET", listPath(), { token })).status).toBe(200);
    await advanceClock(h, 2);
    const r = await api(h, "GET", listPath(), { token });
    expect(r.status).toBe(401);
    expect(r.headers.get("www-authenticate")).toMatch(/error="invalid_token", error_description="The token expired at/);
    // A fresh token works again.
    expect((await api(h, "GET", listPath(), { token: await getToken(h) })).status).toBe(200);
  });
});

describe("scopes per endpoint", () => {
  const robotBody = (name: string) => ({ partitionGlobalId: h.partitionGlobalId, name });

  it("lets PM.RobotAccount.Read read robot accounts but not write them (403, empty body)", async () => {
    const token = await getToken(h, "PM.RobotAccount.Read");
    expect((await api(h, "GET", `/RobotAccount/${h.partitionGlobalId}`, { token })).status).toBe(200);
    const w = await api(h, "POST", "/RobotAccount", { token, body: robotBody("scope-read-only") });
    expect(w.status).toBe(403);
    expect(w.text).toBe("");
  });

  it("lets PM.RobotAccount.Write write but not read", async () => {
    const token = await getToken(h, "PM.RobotAccount.Write");
    const w = await api(h, "POST", "/RobotAccount", { token, body: robotBody("scope-write-only") });
    expect(w.status).toBe(201);
    expect((await api(h, "GET", `/RobotAccount/${h.partitionGlobalId}`, { token })).status).toBe(403);
    const id = (w.body as { id: string }).id;
    expect((await api(h, "DELETE", `/RobotAccount/${h.partitionGlobalId}/${id}`, { token })).status).toBe(204);
  });

  it("keeps robot-account and group scopes apart", async () => {
    const groupsOnly = await getToken(h, "PM.Group");
    expect((await api(h, "GET", `/Group/${h.partitionGlobalId}`, { token: groupsOnly })).status).toBe(200);
    expect((await api(h, "GET", `/RobotAccount/${h.partitionGlobalId}`, { token: groupsOnly })).status).toBe(403);
    const robotsOnly = await getToken(h, "PM.RobotAccount");
    expect((await api(h, "GET", `/Group/${h.partitionGlobalId}`, { token: robotsOnly })).status).toBe(403);
    const groupRead = await getToken(h, "PM.Group.Read");
    const create = await api(h, "POST", "/Group", { token: groupRead, body: { partitionGlobalId: h.partitionGlobalId, name: "x" } });
    expect(create.status).toBe(403);
  });

  it("checks authentication before the organization segment", async () => {
    const r = await api(h, "GET", `/RobotAccount/${h.partitionGlobalId}`, { headers: {}, withOrg: true });
    expect(r.status).toBe(401);
  });
});
