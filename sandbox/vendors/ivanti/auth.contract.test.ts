// Contract: HTTP Basic with Tenant Admin credentials, the {errors, result} envelope on every answer,
// the control API entries, and fault injection through the vendor's own error body.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ADMIN, STRONG_PASSWORD, startHarness, type AccountWire, type Harness, type ListWire } from "./test-helpers.js";

let c: Harness;
beforeAll(async () => {
  c = await startHarness();
});
afterAll(() => c.sandbox.close());
beforeEach(async () => {
  await c.reset();
});

const ACCOUNTS = "/api/v1/account";

function expectGlobalError(body: unknown, code: string): void {
  expect(body).toMatchObject({ errors: { globalErrors: [{ code, message: expect.any(String) }], fieldErrors: null }, result: null });
}

describe("authentication", () => {
  it("accepts the seeded Tenant Admin with a pre-emptive Basic header", async () => {
    const r = await c.call<ListWire<AccountWire>>("GET", ACCOUNTS);
    expect(r.status).toBe(200);
    expect(r.body.errors).toBeNull();
    expect(r.body.result.searchResults.map((a) => a.uid)).toEqual([ADMIN.username]);
  });

  it("answers 401 with the envelope and a Basic challenge when the header is missing", async () => {
    const r = await c.call("GET", ACCOUNTS, { auth: null });
    expect(r.status).toBe(401);
    expect(r.headers.get("www-authenticate")).toMatch(/^Basic realm=/);
    expectGlobalError(r.body, "Unauthorized");
  });

  it("answers 401 for a wrong password, an unknown user and a non-Basic scheme", async () => {
    for (const o of [
      { auth: { username: ADMIN.username, password: "wrong" } },
      { auth: { username: "nobody@example.com", password: ADMIN.password } },
      { authorization: "Bearer abc" },
      { authorization: "Basic not-base64-colonless" },
    ]) {
      const r = await c.call("GET", ACCOUNTS, o);
      expect(r.status).toBe(401);
      expectGlobalError(r.body, "Unauthorized");
    }
  });

  it("matches the login name case-insensitively and accepts the username as well as the uid", async () => {
    await c.create({ emailAddress: "ops@acme.example", uid: "ops@acme.example", username: "ops-admin", password: STRONG_PASSWORD, "roles[0]": String(c.roleId("User Management")) });
    for (const username of ["OPS@ACME.EXAMPLE", "ops-admin"]) {
      const r = await c.call("GET", ACCOUNTS, { auth: { username, password: STRONG_PASSWORD } });
      expect(r.status).toBe(200);
    }
  });

  it("never authenticates an account created without a password", async () => {
    await c.create({ emailAddress: "invited@acme.example", uid: "invited@acme.example" });
    const r = await c.call("GET", ACCOUNTS, { auth: { username: "invited@acme.example", password: "" } });
    expect(r.status).toBe(401);
  });

  it("answers 403 for a valid account without Tenant Admin rights (an API user holding only Cisco ISE Operations)", async () => {
    await c.createApiUser("ise@acme.example", [c.roleId("Cisco ISE Operations")]);
    const r = await c.call("GET", ACCOUNTS, { auth: { username: "ise@acme.example", password: STRONG_PASSWORD } });
    expect(r.status).toBe(403);
    expectGlobalError(r.body, "Forbidden");
    const create = await c.call("POST", "/api/v1/accounts", {
      auth: { username: "ise@acme.example", password: STRONG_PASSWORD },
      form: { "accounts[0].emailAddress": "x@acme.example", "accounts[0].uid": "x@acme.example", "accounts[0].accountSource": "LOCAL" },
    });
    expect(create.status).toBe(403);
    expect(c.state().accounts.some((a) => a.uid === "x@acme.example")).toBe(false);
  });

  it("treats User Management as Tenant Admin", async () => {
    await c.createApiUser("um@acme.example", [c.roleId("User Management")]);
    const r = await c.call("GET", ACCOUNTS, { auth: { username: "um@acme.example", password: STRONG_PASSWORD } });
    expect(r.status).toBe(200);
  });

  it("refuses a disabled account with 401", async () => {
    const a = await c.createApiUser("dis@acme.example", [c.roleId("User Management")]);
    const upd = await c.call("PUT", `/api/v1/account/${a.id}`, { form: { enabled: "false" } });
    expect(upd.status).toBe(200);
    const r = await c.call("GET", ACCOUNTS, { auth: { username: "dis@acme.example", password: STRONG_PASSWORD } });
    expect(r.status).toBe(401);
    expect(r.body.errors?.globalErrors?.[0]?.message).toBe("User is disabled");
  });

  it("expires passwords after the policy's period, following the sandbox clock", async () => {
    c.state().passwordPolicy.expirationDays = 1;
    const a = await c.createApiUser("exp@acme.example", [c.roleId("User Management")]);
    expect(a.passwordExpiresAt).toBeGreaterThan(Date.now());
    const auth = { username: "exp@acme.example", password: STRONG_PASSWORD };
    expect((await c.call("GET", ACCOUNTS, { auth })).status).toBe(200);
    await fetch(c.sandbox.url + "/_sandbox/clock", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ advanceSeconds: 86_401 }) });
    const r = await c.call("GET", ACCOUNTS, { auth });
    expect(r.status).toBe(401);
    expect(r.body.errors?.globalErrors?.[0]?.message).toBe("User credentials have expired");
  });

  it("has no tokens: an expireTokens fault leaves Basic credentials working", async () => {
    const f = await fetch(c.sandbox.url + "/_sandbox/faults", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ vendor: "ivanti", effect: { type: "expireTokens" } }),
    });
    expect(f.status).toBe(201);
    const r = await c.call("GET", ACCOUNTS);
    expect(r.status).toBe(200);
    const faults = (await (await fetch(c.sandbox.url + "/_sandbox/faults")).json()) as { faults: Array<{ applied: number }> };
    expect(faults.faults[0]?.applied).toBe(1);
  });
});

describe("envelope on unknown routes and injected faults", () => {
  it("answers an unknown path with 404 in the envelope", async () => {
    const r = await c.call("GET", "/api/v1/nothing-here");
    expect(r.status).toBe(404);
    expectGlobalError(r.body, "NotFound");
  });

  it("answers a wrong method with 405 in the envelope", async () => {
    const r = await c.call("PATCH", "/api/v1/account");
    expect(r.status).toBe(405);
    expectGlobalError(r.body, "MethodNotAllowed");
  });

  it("renders injected status faults and rate limits in the envelope", async () => {
    await fetch(c.sandbox.url + "/_sandbox/faults", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify([
        { vendor: "ivanti", route: "/api/v1/account", count: 1, effect: { type: "status", status: 503, message: "maintenance" } },
        { vendor: "ivanti", route: "/api/v1/roles", count: 1, effect: { type: "rateLimit", retryAfterSeconds: 2 } },
      ]),
    });
    const r = await c.call("GET", ACCOUNTS);
    expect(r.status).toBe(503);
    expect(r.body).toEqual({ errors: { globalErrors: [{ code: "ServiceUnavailable", message: "maintenance" }], fieldErrors: null }, result: null });
    const rl = await c.call("GET", "/api/v1/roles");
    expect(rl.status).toBe(429);
    expect(rl.headers.get("retry-after")).toBe("2");
    expectGlobalError(rl.body, "TooManyRequests");
    expect((await c.call("GET", ACCOUNTS)).status).toBe(200);
  });

  it("counts requests under the route templates", async () => {
    await c.call("GET", ACCOUNTS);
    await c.call("GET", "/api/v1/account/10000");
    const r = (await (await fetch(c.sandbox.url + "/_sandbox/requests")).json()) as { requests: Array<{ vendor: string; route: string; status: number }> };
    expect(r.requests).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ vendor: "ivanti", route: "/api/v1/account", status: 200 }),
        expect.objectContaining({ vendor: "ivanti", route: "/api/v1/account/{accountId}", status: 200 }),
      ]),
    );
  });
});

describe("control API", () => {
  it("lists the tenant base URL and the seeded Tenant Admin in /_sandbox/config, with env variables", async () => {
    const cfg = (await (await fetch(c.sandbox.url + "/_sandbox/config")).json()) as {
      vendors: Record<string, Record<string, string>>;
      env: Record<string, string>;
    };
    expect(cfg.vendors.ivanti).toEqual({ baseUrl: c.base, username: ADMIN.username, password: ADMIN.password });
    expect(c.base).toBe(`${c.sandbox.url}/ivanti`);
    expect(cfg.env).toMatchObject({ IVANTI_BASE_URL: c.base, IVANTI_USERNAME: ADMIN.username, IVANTI_PASSWORD: ADMIN.password });
    // The advertised credentials really work.
    const r = await c.call("GET", ACCOUNTS, { auth: { username: cfg.env.IVANTI_USERNAME!, password: cfg.env.IVANTI_PASSWORD! } });
    expect(r.status).toBe(200);
  });

  it("exposes state without leaking through the API, and reset restores the seed", async () => {
    await c.createApiUser("gone@acme.example", []);
    expect(c.state().accounts).toHaveLength(2);
    await c.reset();
    expect(c.state().accounts).toHaveLength(1);
  });
});
