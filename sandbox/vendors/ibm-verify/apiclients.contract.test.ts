// Contract tests of /v1.0/apiclients: create, get, list (query syntax), update, delete, bulk delete,
// validation and entitlement checks, over real HTTP.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startHarness, type Harness, type Res } from "./test-helpers.js";

let h: Harness;
let admin: string;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});
beforeEach(async () => {
  await h.reset();
  admin = await h.token();
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function expectInvalidJson(r: Res, detail?: RegExp) {
  expect(r.status).toBe(400);
  const body = r.json as { messageId: string; messageDescription: string };
  expect(Object.keys(body).sort()).toEqual(["messageDescription", "messageId"]);
  expect(body.messageDescription).toMatch(/^The JSON input was invalid\./);
  if (detail) expect(body.messageDescription).toMatch(detail);
}

type ListBody = { count: number; limit: number; page: number; total: number; apiClients: Record<string, unknown>[] };

async function list(query = ""): Promise<ListBody> {
  const r = await h.request("GET", `/v1.0/apiclients${query}`, { token: admin });
  expect(r.status).toBe(200);
  return r.json as ListBody;
}

/** A client holding only these entitlements, and a token for it. */
async function callerWith(entitlements: string[]): Promise<string> {
  const id = await h.create({ clientName: `caller-${entitlements.join("-") || "none"}`, enabled: true, entitlements, clientSecret: "caller-secret" }, admin);
  const { clientId } = await h.get(id, admin);
  return h.token(clientId as string, "caller-secret");
}

describe("POST /v1.0/apiclients", () => {
  it("creates with 201, no body and an absolute Location whose last segment is the id", async () => {
    const r = await h.request("POST", "/v1.0/apiclients", {
      token: admin,
      body: { clientName: "ci-robot", enabled: true, entitlements: ["readUsers", "manageUserGroups"], description: "made by tests" },
    });
    expect(r.status).toBe(201);
    expect(r.text).toBe("");
    const location = r.headers.get("location")!;
    expect(location).toMatch(new RegExp(`^${h.base}/v1\\.0/apiclients/[0-9a-f-]{36}$`));
    const id = location.split("/").pop()!;

    const got = await h.request("GET", `/v1.0/apiclients/${id}`, { token: admin });
    expect(got.status).toBe(200);
    const c = got.json as Record<string, unknown>;
    expect(c).toEqual({
      id,
      clientId: expect.stringMatching(UUID),
      clientSecret: expect.stringMatching(/^[A-Za-z0-9]{32}$/),
      clientName: "ci-robot",
      enabled: true,
      entitlements: ["readUsers", "manageUserGroups"],
      overrideSettings: { restrictScopes: false, scopes: [] },
      description: "made by tests",
    });
    expect(c.clientId).not.toBe(id);
    // The generated credentials obtain a token.
    expect(await h.token(c.clientId as string, c.clientSecret as string)).toBeTruthy();
  });

  it("keeps a caller-chosen clientSecret and clientId, and every documented optional field", async () => {
    const id = await h.create(
      {
        clientName: "full",
        enabled: false,
        entitlements: ["readAPIClients"],
        clientId: "my-client-id",
        clientSecret: "my-secret",
        ipFilterOp: "allow",
        ipFilters: ["192.0.2.0/24", "2001:db8::1"],
        overrideSettings: { restrictScopes: true, scopes: [{ name: "openid", description: "OIDC" }] },
        jwkUri: "https://example.com/jwks",
        additionalConfig: { clientAuthMethod: "default", validateClientAssertionJti: false },
        additionalProperties: { team: "iam" },
        somethingUnknown: 1,
      },
      admin,
    );
    const c = await h.get(id, admin);
    expect(c).toEqual({
      id,
      clientId: "my-client-id",
      clientSecret: "my-secret",
      clientName: "full",
      enabled: false,
      entitlements: ["readAPIClients"],
      overrideSettings: { restrictScopes: true, scopes: [{ name: "openid", description: "OIDC" }] },
      ipFilterOp: "allow",
      ipFilters: ["192.0.2.0/24", "2001:db8::1"],
      jwkUri: "https://example.com/jwks",
      additionalConfig: { clientAuthMethod: "default", validateClientAssertionJti: false },
      additionalProperties: { team: "iam" },
    });
  });

  it("refuses a clientId already in use", async () => {
    await h.create({ clientName: "a", enabled: true, entitlements: [], clientId: "taken" }, admin);
    const r = await h.request("POST", "/v1.0/apiclients", { token: admin, body: { clientName: "b", enabled: true, entitlements: [], clientId: "taken" } });
    expect(r.status).toBe(400);
    expect((r.json as { messageDescription: string }).messageDescription).toMatch(/client ID is already in use/);
  });

  it("allows two clients with the same clientName (names are not unique)", async () => {
    const a = await h.create({ clientName: "twin", enabled: true, entitlements: [] }, admin);
    const b = await h.create({ clientName: "twin", enabled: true, entitlements: [] }, admin);
    expect(a).not.toBe(b);
    const l = await list(`?search=${encodeURIComponent('clientName = "twin"')}`);
    expect(l.apiClients.map((c) => c.id).sort()).toEqual([a, b].sort());
  });

  it("answers the documented 400 for invalid bodies", async () => {
    const post = (body: unknown) => h.request("POST", "/v1.0/apiclients", { token: admin, body });
    expectInvalidJson(await post("{not json"));
    expectInvalidJson(await h.request("POST", "/v1.0/apiclients", { token: admin }));
    expectInvalidJson(await post([]));
    expectInvalidJson(await post({ enabled: true, entitlements: [] }), /clientName/);
    expectInvalidJson(await post({ clientName: "  ", enabled: true, entitlements: [] }), /clientName/);
    expectInvalidJson(await post({ clientName: "x", entitlements: [] }), /enabled/);
    expectInvalidJson(await post({ clientName: "x", enabled: true }), /entitlements/);
    expectInvalidJson(await post({ clientName: "x", enabled: "yes", entitlements: [] }), /enabled/);
    expectInvalidJson(await post({ clientName: "x", enabled: true, entitlements: ["readUsers", "beGod"] }), /entitlements\[1\].*"beGod" is not valid/);
    expectInvalidJson(await post({ clientName: "x", enabled: true, entitlements: [], ipFilterOp: "maybe" }), /ipFilterOp/);
    expectInvalidJson(await post({ clientName: "x", enabled: true, entitlements: [], ipFilters: ["not-an-ip"] }), /ipFilters\[0\]/);
    expectInvalidJson(await post({ clientName: "x", enabled: true, entitlements: [], overrideSettings: { restrictScopes: "yes" } }), /overrideSettings\.restrictScopes/);
    expect((await list()).total).toBe(1);
  });

  it("accepts the newer entitlement names of the current docs", async () => {
    const id = await h.create({ clientName: "newer", enabled: true, entitlements: ["readAPIClientsAndClientSecret", "manageUsers", "readGroups"] }, admin);
    expect((await h.get(id, admin)).entitlements).toEqual(["readAPIClientsAndClientSecret", "manageUsers", "readGroups"]);
  });
});

describe("GET /v1.0/apiclients/{id}", () => {
  it("answers 404 with the documented message for an unknown id", async () => {
    const r = await h.request("GET", "/v1.0/apiclients/00000000-0000-4000-8000-000000000000", { token: admin });
    expect(r.status).toBe(404);
    expect(r.json).toEqual({ messageId: expect.stringMatching(/^CSIA/), messageDescription: "The requested API client does not exist." });
  });

  it("does not accept the OAuth clientId in place of the id", async () => {
    const id = await h.create({ clientName: "by-id", enabled: true, entitlements: [] }, admin);
    const { clientId } = await h.get(id, admin);
    expect((await h.request("GET", `/v1.0/apiclients/${String(clientId)}`, { token: admin })).status).toBe(404);
  });
});

describe("PUT /v1.0/apiclients/{id}", () => {
  const base = { clientName: "rotor", enabled: true, entitlements: ["readUsers"] };

  it("regenerates the secret when clientSecret is omitted; the old secret stops working", async () => {
    const id = await h.create({ ...base, clientSecret: "first-secret" }, admin);
    const before = await h.get(id, admin);
    const r = await h.request("PUT", `/v1.0/apiclients/${id}`, { token: admin, body: base });
    expect(r.status).toBe(204);
    expect(r.text).toBe("");
    const after = await h.get(id, admin);
    expect(after.clientId).toBe(before.clientId);
    expect(after.clientSecret).not.toBe("first-secret");
    expect(after.clientSecret).toMatch(/^[A-Za-z0-9]{32}$/);
    const old = await h.tokenCall({ grant_type: "client_credentials", client_id: before.clientId as string, client_secret: "first-secret" });
    expect(old.status).toBe(400);
    expect(await h.token(after.clientId as string, after.clientSecret as string)).toBeTruthy();
  });

  it("keeps or sets the secret when clientSecret is sent", async () => {
    const id = await h.create({ ...base, clientSecret: "keep-me" }, admin);
    expect((await h.request("PUT", `/v1.0/apiclients/${id}`, { token: admin, body: { ...base, clientSecret: "keep-me" } })).status).toBe(204);
    expect((await h.get(id, admin)).clientSecret).toBe("keep-me");
    expect((await h.request("PUT", `/v1.0/apiclients/${id}`, { token: admin, body: { ...base, clientSecret: "new-one" } })).status).toBe(204);
    expect((await h.get(id, admin)).clientSecret).toBe("new-one");
  });

  it("replaces the whole object: omitted optional fields are cleared, omitted enabled is kept", async () => {
    const id = await h.create(
      { ...base, enabled: false, clientSecret: "s", description: "old", ipFilterOp: "deny", ipFilters: ["10.0.0.1"], overrideSettings: { restrictScopes: true, scopes: [{ name: "a" }] } },
      admin,
    );
    const cur = await h.get(id, admin);
    const r = await h.request("PUT", `/v1.0/apiclients/${id}`, {
      token: admin,
      body: { id, clientId: cur.clientId, clientName: "renamed", entitlements: ["readUsers", "readGroups"], clientSecret: "s" },
    });
    expect(r.status).toBe(204);
    expect(await h.get(id, admin)).toEqual({
      id,
      clientId: cur.clientId,
      clientSecret: "s",
      clientName: "renamed",
      enabled: false,
      entitlements: ["readUsers", "readGroups"],
      overrideSettings: { restrictScopes: false, scopes: [] },
    });
  });

  it("refuses a change of id or clientId, invalid bodies and unknown ids", async () => {
    const id = await h.create({ ...base, clientSecret: "s" }, admin);
    const put = (path: string, body: unknown) => h.request("PUT", path, { token: admin, body });
    const changedId = await put(`/v1.0/apiclients/${id}`, { ...base, clientId: "other" });
    expect(changedId.status).toBe(400);
    expect((changedId.json as { messageDescription: string }).messageDescription).toMatch(/cannot be modified/);
    expect((await put(`/v1.0/apiclients/${id}`, { ...base, id: "other" })).status).toBe(400);
    expectInvalidJson(await put(`/v1.0/apiclients/${id}`, { clientName: "x" }), /entitlements/);
    expectInvalidJson(await put(`/v1.0/apiclients/${id}`, { ...base, entitlements: ["nope"] }), /"nope" is not valid/);
    const missing = await put("/v1.0/apiclients/00000000-0000-4000-8000-000000000000", base);
    expect(missing.status).toBe(404);
    expect((missing.json as { messageDescription: string }).messageDescription).toBe("The requested API client does not exist.");
    expect((await h.get(id, admin)).clientSecret).toBe("s");
  });
});

describe("DELETE /v1.0/apiclients/{id} and PATCH /v1.0/apiclients (bulk)", () => {
  it("deletes with 204, also when the client does not exist", async () => {
    const id = await h.create({ clientName: "gone", enabled: true, entitlements: [] }, admin);
    const r = await h.request("DELETE", `/v1.0/apiclients/${id}`, { token: admin });
    expect(r.status).toBe(204);
    expect((await h.request("GET", `/v1.0/apiclients/${id}`, { token: admin })).status).toBe(404);
    expect((await h.request("DELETE", `/v1.0/apiclients/${id}`, { token: admin })).status).toBe(204);
  });

  it("bulk-deletes with 204 when every operation succeeds", async () => {
    const a = await h.create({ clientName: "b1", enabled: true, entitlements: [] }, admin);
    const b = await h.create({ clientName: "b2", enabled: true, entitlements: [] }, admin);
    const r = await h.request("PATCH", "/v1.0/apiclients", { token: admin, body: [{ op: "remove", path: `/${a}` }, { op: "remove", path: `/${b}` }] });
    expect(r.status).toBe(204);
    expect((await list()).total).toBe(1);
  });

  it("answers 207 with per-operation results on partial failure", async () => {
    const a = await h.create({ clientName: "b1", enabled: true, entitlements: [] }, admin);
    const r = await h.request("PATCH", "/v1.0/apiclients", { token: admin, body: [{ op: "remove", path: `/${a}` }, { op: "remove", path: "/missing" }] });
    expect(r.status).toBe(207);
    expect(r.json).toEqual({
      messageId: expect.stringMatching(/^CSIA/),
      messageDescription: expect.any(String),
      results: [
        { op: "remove", path: `/${a}`, result: "success" },
        { op: "remove", path: "/missing", result: "failure", error: "The requested API client does not exist." },
      ],
    });
    expect((await h.request("GET", `/v1.0/apiclients/${a}`, { token: admin })).status).toBe(404);
  });

  it("refuses malformed bulk bodies with 400", async () => {
    for (const body of [[], {}, [{ op: "add", path: "/x" }], [{ op: "remove", path: "x" }]]) {
      expectInvalidJson(await h.request("PATCH", "/v1.0/apiclients", { token: admin, body }));
    }
  });
});

describe("GET /v1.0/apiclients", () => {
  async function seedThree() {
    await h.create({ clientName: "alpha-one", enabled: true, entitlements: ["readUsers"], clientId: "c-3" }, admin);
    await h.create({ clientName: "beta-two", enabled: false, entitlements: ["readUsers"], clientId: "c-1" }, admin);
    await h.create({ clientName: "Alpha-three", enabled: true, entitlements: [], clientId: "c-2" }, admin);
  }

  it("returns the paginated container as application/scim+json, all results without pagination", async () => {
    await seedThree();
    const r = await h.request("GET", "/v1.0/apiclients", { token: admin });
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toMatch(/^application\/scim\+json/);
    const body = r.json as ListBody;
    expect(Object.keys(body).sort()).toEqual(["apiClients", "count", "limit", "page", "total"]);
    expect(body.total).toBe(4);
    expect(body.count).toBe(4);
    expect(body.page).toBe(1);
    expect(body.apiClients.map((c) => c.clientName)).toEqual(["sandbox-admin", "alpha-one", "beta-two", "Alpha-three"]);
    expect(body.apiClients[1]).toHaveProperty("clientSecret");
  });

  it("searches by clientName (contains, =, !=), clientId and enabled", async () => {
    await seedThree();
    const names = async (expr: string) => (await list(`?search=${encodeURIComponent(expr)}`)).apiClients.map((c) => c.clientName);
    expect(await names('clientName contains "alpha"')).toEqual(["alpha-one", "Alpha-three"]);
    expect(await names('clientName = "alpha-one"')).toEqual(["alpha-one"]);
    expect(await names('clientName != "alpha-one"')).toEqual(["sandbox-admin", "beta-two", "Alpha-three"]);
    expect(await names('clientId = "c-1"')).toEqual(["beta-two"]);
    expect(await names("enabled=false")).toEqual(["beta-two"]);
    expect(await names('clientName contains "alpha"&enabled=true')).toEqual(["alpha-one", "Alpha-three"]);
    expect(await names('clientName contains "a&b"')).toEqual([]);
  });

  it("sorts with +/- prefixed fields", async () => {
    await seedThree();
    const only = `search=${encodeURIComponent('clientId contains "c-"')}`;
    const ids = async (sort: string) => (await list(`?${only}&sort=${encodeURIComponent(sort)}`)).apiClients.map((c) => c.clientId);
    expect(await ids("+clientId")).toEqual(["c-1", "c-2", "c-3"]);
    expect(await ids("-clientId")).toEqual(["c-3", "c-2", "c-1"]);
    expect(await ids("-enabled,+clientId")).toEqual(["c-2", "c-3", "c-1"]);
    expect(await ids("+enabled,-clientName")).toEqual(["c-1", "c-2", "c-3"]);
    // An unencoded "+" arrives as a space and still means ascending.
    const raw = await h.request("GET", `/v1.0/apiclients?${only}&sort=+clientId`, { token: admin });
    expect((raw.json as ListBody).apiClients.map((c) => c.clientId)).toEqual(["c-1", "c-2", "c-3"]);
  });

  it("pages with the encoded pagination parameter (count, page, limit)", async () => {
    await seedThree();
    const only = `search=${encodeURIComponent('clientId contains "c-"')}&sort=${encodeURIComponent("+clientId")}`;
    const p = (v: string) => list(`?${only}&pagination=${encodeURIComponent(v)}`);
    const first = await p("page=1&limit=2");
    expect(first).toMatchObject({ count: 2, limit: 2, page: 1, total: 3 });
    expect(first.apiClients.map((c) => c.clientId)).toEqual(["c-1", "c-2"]);
    const second = await p("page=2&limit=2");
    expect(second).toMatchObject({ count: 1, limit: 2, page: 2, total: 3 });
    expect(second.apiClients.map((c) => c.clientId)).toEqual(["c-3"]);
    const beyond = await p("page=3&limit=2");
    expect(beyond).toMatchObject({ count: 0, total: 3, apiClients: [] });
    const capped = await p("count=2&page=1&limit=5");
    expect(capped).toMatchObject({ count: 2, total: 2 });
    expect(capped.apiClients.map((c) => c.clientId)).toEqual(["c-1", "c-2"]);
  });

  it("filters the returned fields (include only / exclude only)", async () => {
    await seedThree();
    const inc = await list(`?filter=${encodeURIComponent("clientId,clientName")}`);
    expect(inc.apiClients.every((c) => Object.keys(c).sort().join() === "clientId,clientName")).toBe(true);
    const exc = await list(`?filter=${encodeURIComponent("!clientSecret,enabled")}`);
    expect(exc.apiClients.every((c) => !("clientSecret" in c) && !("enabled" in c) && "clientName" in c)).toBe(true);
  });

  it("answers 400 for malformed query parameters", async () => {
    for (const q of [
      "search=" + encodeURIComponent("clientName contains alpha"),
      "search=" + encodeURIComponent('description = "x"'),
      "search=" + encodeURIComponent("enabled contains true"),
      "sort=" + encodeURIComponent("clientName"),
      "sort=" + encodeURIComponent("+description"),
      "pagination=" + encodeURIComponent("limit=1001"),
      "pagination=" + encodeURIComponent("page=0"),
      "pagination=" + encodeURIComponent("offset=1"),
      "filter=" + encodeURIComponent("clientId,!enabled"),
      "filter=" + encodeURIComponent("description"),
    ]) {
      const r = await h.request("GET", `/v1.0/apiclients?${q}`, { token: admin });
      expect(r.status, q).toBe(400);
      expect(Object.keys(r.json as object).sort()).toEqual(["messageDescription", "messageId"]);
    }
  });
});

describe("entitlements of the caller", () => {
  it("lets readAPIClients read without secrets and forbids every write with an empty 403", async () => {
    const reader = await callerWith(["readAPIClients"]);
    const target = await h.create({ clientName: "target", enabled: true, entitlements: [] }, admin);
    const one = await h.request("GET", `/v1.0/apiclients/${target}`, { token: reader });
    expect(one.status).toBe(200);
    expect(one.json).not.toHaveProperty("clientSecret");
    expect(one.json).toHaveProperty("clientId");
    const all = await h.request("GET", "/v1.0/apiclients", { token: reader });
    expect(all.status).toBe(200);
    expect((all.json as ListBody).apiClients.some((c) => "clientSecret" in c)).toBe(false);
    for (const [method, path, body] of [
      ["POST", "/v1.0/apiclients", { clientName: "x", enabled: true, entitlements: [] }],
      ["PATCH", "/v1.0/apiclients", [{ op: "remove", path: `/${target}` }]],
      ["PUT", `/v1.0/apiclients/${target}`, { clientName: "x", entitlements: [] }],
      ["DELETE", `/v1.0/apiclients/${target}`, undefined],
    ] as const) {
      const r = await h.request(method, path, { token: reader, ...(body ? { body } : {}) });
      expect(r.status, `${method} ${path}`).toBe(403);
      expect(r.text).toBe("");
    }
    expect((await h.get(target, admin)).clientName).toBe("target");
  });

  it("shows the secret to readAPIClientsAndClientSecret", async () => {
    const reader = await callerWith(["readAPIClientsAndClientSecret"]);
    const target = await h.create({ clientName: "target", enabled: true, entitlements: [], clientSecret: "visible" }, admin);
    expect((await h.get(target, reader)).clientSecret).toBe("visible");
  });

  it("forbids reading to a client without an API-client entitlement", async () => {
    const other = await callerWith(["readUsers"]);
    expect((await h.request("GET", "/v1.0/apiclients", { token: other })).status).toBe(403);
    expect((await h.request("GET", `/v1.0/apiclients/x`, { token: other })).status).toBe(403);
  });

  it("applies an entitlement change to tokens already issued", async () => {
    const id = await h.create({ clientName: "grows", enabled: true, entitlements: ["readAPIClients"], clientSecret: "g" }, admin);
    const { clientId } = await h.get(id, admin);
    const t = await h.token(clientId as string, "g");
    const body = { clientName: "new", enabled: true, entitlements: [] };
    expect((await h.request("POST", "/v1.0/apiclients", { token: t, body })).status).toBe(403);
    await h.request("PUT", `/v1.0/apiclients/${id}`, { token: admin, body: { clientName: "grows", entitlements: ["manageAPIClients"], clientSecret: "g" } });
    expect((await h.request("POST", "/v1.0/apiclients", { token: t, body })).status).toBe(201);
  });
});

describe("request counting", () => {
  it("counts requests under the route templates", async () => {
    h.sandbox.clearRequests();
    const id = await h.create({ clientName: "counted", enabled: true, entitlements: [] }, admin);
    await h.get(id, admin);
    const routes = h.sandbox.requests().map((r) => `${r.method} ${r.route} ${r.status}`);
    expect(routes).toContain("POST /v1.0/apiclients 201");
    expect(routes).toContain("GET /v1.0/apiclients/{apiClientId} 200");
  });
});

describe("persistence", () => {
  it("keeps API clients and tokens across a restart with a state file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "verify-state-"));
    try {
      const file = join(dir, "state.json");
      const one = await startHarness(file);
      const t = await one.token();
      const id = await one.create({ clientName: "durable", enabled: true, entitlements: ["readUsers"], clientSecret: "d" }, t);
      await one.close();
      const two = await startHarness(file);
      try {
        const c = await two.get(id, t);
        expect(c).toMatchObject({ id, clientName: "durable", clientSecret: "d" });
        expect(await two.token(c.clientId as string, "d")).toBeTruthy();
      } finally {
        await two.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
