// Contract tests of the OAuth token endpoints and of bearer authentication, over real HTTP.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "./test-helpers.js";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});
beforeEach(async () => {
  await h.reset();
});

const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString("base64")}`;

describe("token endpoint", () => {
  for (const path of ["/oauth2/token", "/v1.0/endpoint/default/token"]) {
    it(`issues a client_credentials token at ${path} (form, client_secret_post)`, async () => {
      const r = await h.tokenCall({ grant_type: "client_credentials", client_id: h.adminId, client_secret: h.adminSecret, scope: "openid" }, { path });
      expect(r.status).toBe(200);
      expect(r.headers.get("cache-control")).toBe("no-store");
      const body = r.json as Record<string, unknown>;
      expect(Object.keys(body).sort()).toEqual(["access_token", "expires_in", "grant_id", "scope", "token_type"]);
      expect(body.token_type).toBe("Bearer");
      expect(body.expires_in).toBe(7199);
      expect(body.scope).toBe("openid");
      expect(typeof body.access_token).toBe("string");
      expect(body.grant_id).toMatch(/^[0-9a-f-]{36}$/);
      const list = await h.request("GET", "/v1.0/apiclients", { token: body.access_token as string });
      expect(list.status).toBe(200);
    });
  }

  it("omits scope when none was requested", async () => {
    const r = await h.tokenCall({ grant_type: "client_credentials", client_id: h.adminId, client_secret: h.adminSecret });
    expect(r.status).toBe(200);
    expect(r.json).not.toHaveProperty("scope");
  });

  it("accepts client_secret_basic", async () => {
    const r = await h.tokenCall({ grant_type: "client_credentials" }, { headers: { authorization: basic(h.adminId, h.adminSecret) } });
    expect(r.status).toBe(200);
    expect((r.json as { token_type: string }).token_type).toBe("Bearer");
  });

  it("refuses Basic and form credentials together", async () => {
    const r = await h.tokenCall(
      { grant_type: "client_credentials", client_id: h.adminId, client_secret: h.adminSecret },
      { headers: { authorization: basic(h.adminId, h.adminSecret) } },
    );
    expect(r.status).toBe(400);
    expect((r.json as { error: string }).error).toBe("invalid_request");
  });

  it("answers invalid_client for a wrong secret, an unknown client and missing credentials", async () => {
    const forms: Record<string, string>[] = [
      { grant_type: "client_credentials", client_id: h.adminId, client_secret: "wrong" },
      { grant_type: "client_credentials", client_id: "nobody", client_secret: h.adminSecret },
      { grant_type: "client_credentials" },
    ];
    for (const form of forms) {
      const r = await h.tokenCall(form);
      expect(r.status).toBe(400);
      expect(Object.keys(r.json as object).sort()).toEqual(["error", "error_description"]);
      expect((r.json as { error: string }).error).toBe("invalid_client");
    }
    const viaBasic = await h.tokenCall({ grant_type: "client_credentials" }, { headers: { authorization: basic(h.adminId, "nope") } });
    expect(viaBasic.status).toBe(400);
    expect((viaBasic.json as { error: string }).error).toBe("invalid_client");
  });

  it("checks grant_type and the form encoding", async () => {
    const missing = await h.tokenCall({ client_id: h.adminId, client_secret: h.adminSecret });
    expect(missing.status).toBe(400);
    expect((missing.json as { error: string }).error).toBe("invalid_request");
    for (const grant of ["password", "magic"]) {
      const r = await h.tokenCall({ grant_type: grant, client_id: h.adminId, client_secret: h.adminSecret });
      expect(r.status).toBe(400);
      expect((r.json as { error: string }).error).toBe("unsupported_grant_type");
    }
    const asJson = await h.request("POST", "/oauth2/token", {
      body: { grant_type: "client_credentials", client_id: h.adminId, client_secret: h.adminSecret },
    });
    expect(asJson.status).toBe(400);
    expect((asJson.json as { error: string }).error).toBe("invalid_request");
  });

  it("refuses a disabled client but keeps its earlier tokens valid until they expire", async () => {
    const id = await h.create({ clientName: "to-disable", enabled: true, entitlements: ["readAPIClients"], clientSecret: "s3cret-value" });
    const c = await h.get(id);
    const early = await h.token(c.clientId as string, "s3cret-value");
    const admin = await h.token();
    const put = await h.request("PUT", `/v1.0/apiclients/${id}`, {
      token: admin,
      body: { clientName: "to-disable", enabled: false, entitlements: ["readAPIClients"], clientSecret: "s3cret-value" },
    });
    expect(put.status).toBe(204);
    const r = await h.tokenCall({ grant_type: "client_credentials", client_id: c.clientId as string, client_secret: "s3cret-value" });
    expect(r.status).toBe(400);
    expect((r.json as { error: string }).error).toBe("invalid_client");
    expect((await h.request("GET", "/v1.0/apiclients", { token: early })).status).toBe(200);
  });

  it("enforces overrideSettings.restrictScopes", async () => {
    const id = await h.create({
      clientName: "scoped",
      enabled: true,
      entitlements: ["readUsers"],
      clientSecret: "scoped-secret",
      overrideSettings: { restrictScopes: true, scopes: [{ name: "openid", description: "OpenID" }] },
    });
    const { clientId } = await h.get(id);
    const ok = await h.tokenCall({ grant_type: "client_credentials", client_id: clientId as string, client_secret: "scoped-secret", scope: "openid" });
    expect(ok.status).toBe(200);
    const bad = await h.tokenCall({ grant_type: "client_credentials", client_id: clientId as string, client_secret: "scoped-secret", scope: "openid profile" });
    expect(bad.status).toBe(400);
    expect((bad.json as { error: string }).error).toBe("invalid_scope");
  });

  it("applies ipFilterOp/ipFilters to the caller's address (X-Forwarded-For, else loopback)", async () => {
    const allowId = await h.create({
      clientName: "allow-10",
      enabled: true,
      entitlements: ["readUsers"],
      clientSecret: "ip-secret",
      ipFilterOp: "allow",
      ipFilters: ["10.0.0.0/8"],
    });
    const allow = await h.get(allowId);
    const form = { grant_type: "client_credentials", client_id: allow.clientId as string, client_secret: "ip-secret" };
    expect((await h.tokenCall(form)).status).toBe(400);
    expect((await h.tokenCall(form, { headers: { "x-forwarded-for": "10.1.2.3" } })).status).toBe(200);

    const denyId = await h.create({
      clientName: "deny-loopback",
      enabled: true,
      entitlements: ["readUsers"],
      clientSecret: "ip-secret",
      ipFilterOp: "deny",
      ipFilters: ["127.0.0.1"],
    });
    const deny = await h.get(denyId);
    const denyForm = { ...form, client_id: deny.clientId as string };
    const refused = await h.tokenCall(denyForm);
    expect(refused.status).toBe(400);
    expect((refused.json as { error: string }).error).toBe("invalid_client");
    expect((await h.tokenCall(denyForm, { headers: { "x-forwarded-for": "192.0.2.1" } })).status).toBe(200);
  });
});

describe("bearer authentication on /v1.0/apiclients", () => {
  const expect401 = (r: { status: number; json: unknown; headers: Headers }) => {
    expect(r.status).toBe(401);
    expect(Object.keys(r.json as object).sort()).toEqual(["messageDescription", "messageId"]);
    expect(r.headers.get("www-authenticate")).toMatch(/^Bearer/);
  };

  it("answers 401 without a token, with an unknown token and with Basic credentials", async () => {
    expect401(await h.request("GET", "/v1.0/apiclients"));
    expect401(await h.request("GET", "/v1.0/apiclients", { token: "not-a-token" }));
    expect401(await h.request("GET", "/v1.0/apiclients", { headers: { authorization: basic(h.adminId, h.adminSecret) } }));
    for (const [method, path] of [
      ["POST", "/v1.0/apiclients"],
      ["PATCH", "/v1.0/apiclients"],
      ["GET", "/v1.0/apiclients/x"],
      ["PUT", "/v1.0/apiclients/x"],
      ["DELETE", "/v1.0/apiclients/x"],
    ] as const) {
      expect401(await h.request(method, path, method === "GET" ? {} : { body: {} }));
    }
  });

  it("expires tokens after expires_in seconds of sandbox clock", async () => {
    const token = await h.token();
    await h.advanceClock(7198);
    expect((await h.request("GET", "/v1.0/apiclients", { token })).status).toBe(200);
    await h.advanceClock(2);
    expect401(await h.request("GET", "/v1.0/apiclients", { token }));
    // A fresh token works again.
    expect((await h.request("GET", "/v1.0/apiclients", { token: await h.token() })).status).toBe(200);
  });

  it("invalidates every token on the expireTokens fault", async () => {
    const token = await h.token();
    const f = await h.control("POST", "/_sandbox/faults", { vendor: "ibm-verify", count: 1, effect: { type: "expireTokens" } });
    expect(f.status).toBe(201);
    expect401(await h.request("GET", "/v1.0/apiclients", { token }));
    expect((await h.request("GET", "/v1.0/apiclients", { token: await h.token() })).status).toBe(200);
  });

  it("revokes the tokens of a deleted client", async () => {
    const id = await h.create({ clientName: "short-lived", enabled: true, entitlements: ["readAPIClients"], clientSecret: "x-secret" });
    const { clientId } = await h.get(id);
    const token = await h.token(clientId as string, "x-secret");
    expect((await h.request("GET", "/v1.0/apiclients", { token })).status).toBe(200);
    expect((await h.request("DELETE", `/v1.0/apiclients/${id}`, { token: await h.token() })).status).toBe(204);
    expect401(await h.request("GET", "/v1.0/apiclients", { token }));
  });
});

describe("sandbox control entries", () => {
  it("lists the seeded admin client in /_sandbox/config and env", async () => {
    const r = await h.control("GET", "/_sandbox/config");
    const cfg = r.json as { vendors: Record<string, Record<string, string>>; env: Record<string, string> };
    expect(cfg.vendors["ibm-verify"]).toEqual({ baseUrl: `${h.sandbox.url}/ibm-verify`, clientId: h.adminId, clientSecret: h.adminSecret });
    expect(cfg.env).toEqual({ IBM_VERIFY_TENANT_URL: `${h.sandbox.url}/ibm-verify`, IBM_VERIFY_CLIENT_ID: h.adminId, IBM_VERIFY_CLIENT_SECRET: h.adminSecret });
    // The advertised credentials really work.
    const t = await h.tokenCall({ grant_type: "client_credentials", client_id: cfg.env.IBM_VERIFY_CLIENT_ID!, client_secret: cfg.env.IBM_VERIFY_CLIENT_SECRET! });
    expect(t.status).toBe(200);
  });

  it("answers injected faults and unknown routes with the vendor error body", async () => {
    await h.control("POST", "/_sandbox/faults", { vendor: "ibm-verify", route: "/v1.0/apiclients", count: 1, effect: { type: "status", status: 503 } });
    const r = await h.request("GET", "/v1.0/apiclients", { token: await h.token() });
    expect(r.status).toBe(503);
    expect(Object.keys(r.json as object).sort()).toEqual(["messageDescription", "messageId"]);
    const unknown = await h.request("GET", "/v2.0/nothing");
    expect(unknown.status).toBe(404);
    expect((unknown.json as { messageId: string }).messageId).toMatch(/^CSIA/);
  });
});
