// The emulator's answers against IBM's own OpenAPI document (test/fixtures/ibm-verify): every answer
// of the calls the client makes, and the error answers, have the status, content type and body shape
// IBM declares. Bodies are checked "closed": the emulator may not invent a field IBM does not name.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { answerProblems, OpenApi, type Answer } from "../../../test/fixtures/ibm-verify/openapi.js";
import { startHarness, type Harness, type Res } from "./test-helpers.js";

const api = new OpenApi();
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

const answer = (method: string, path: string, r: Res): Answer => ({ method, path, status: r.status, contentType: r.headers.get("content-type"), text: r.text });

/** Makes the call and returns what is wrong with its answer (nothing, when it conforms). */
async function call(method: string, path: string, opts: Parameters<Harness["request"]>[2] = {}): Promise<{ r: Res; problems: string[] }> {
  const r = await h.request(method, path, opts);
  return { r, problems: answerProblems(api, answer(method, path, r)) };
}

const FULL = {
  clientName: "contract-full",
  enabled: true,
  entitlements: ["readUsers", "manageUserGroups"],
  description: "every optional field set",
  overrideSettings: { restrictScopes: true, scopes: [{ name: "openid", description: "sign-in" }] },
  ipFilterOp: "allow",
  ipFilters: ["203.0.113.0/24"],
  jwkUri: "https://keys.example.com/jwks",
  additionalConfig: { clientAuthMethod: "default", validateClientAssertionJti: true, allowedClientAssertionVerificationKeys: ["k1"] },
  additionalProperties: { team: { name: "ops" } },
};

describe("IBM Verify emulator answers as IBM's OpenAPI document declares", () => {
  it("token: 200 TokenResponse on both paths, 400 Error_0 for bad credentials", async () => {
    for (const path of ["/oauth2/token", "/v1.0/endpoint/default/token"]) {
      const r = await h.tokenCall({ grant_type: "client_credentials", client_id: h.adminId, client_secret: h.adminSecret }, { path });
      expect(r.status).toBe(200);
      // The older path is not in IBM's document; it answers exactly as /oauth2/token.
      expect(answerProblems(api, answer("POST", "/oauth2/token", r))).toEqual([]);
    }
    const bad = await h.tokenCall({ grant_type: "client_credentials", client_id: h.adminId, client_secret: "wrong" });
    expect(bad.status).toBe(400);
    expect(answerProblems(api, answer("POST", "/oauth2/token", bad))).toEqual([]);
  });

  it("create: 201 without a body; read: APIClientConfig with every optional field", async () => {
    const created = await call("POST", "/v1.0/apiclients", { token: admin, body: FULL });
    expect(created.r.status).toBe(201);
    expect(created.problems).toEqual([]);
    const id = created.r.headers.get("location")!.split("/").pop()!;
    const got = await call("GET", `/v1.0/apiclients/${id}`, { token: admin });
    expect(got.r.status).toBe(200);
    expect(got.problems).toEqual([]);
    expect(Object.keys(got.r.json as object).sort()).toEqual([...Object.keys(FULL), "id", "clientId", "clientSecret"].sort());
  });

  it("list: application/scim+json APIClientConfigPaginatedResponseContainer, with and without search and pagination", async () => {
    await h.create(FULL, admin);
    for (const q of ["", `?search=${encodeURIComponent('clientName = "contract-full"')}`, `?pagination=${encodeURIComponent("page=1&limit=1")}`, `?sort=${encodeURIComponent("-clientName")}`]) {
      const { r, problems } = await call("GET", `/v1.0/apiclients${q}`, { token: admin });
      expect(r.status).toBe(200);
      expect(problems).toEqual([]);
    }
  });

  it("update: 204 without a body (also with the id in the body); delete: 204, also for an unknown id", async () => {
    const id = await h.create(FULL, admin);
    const cur = await h.get(id, admin);
    const put = await call("PUT", `/v1.0/apiclients/${id}`, { token: admin, body: { ...cur, description: "changed" } });
    expect(put.r.status).toBe(204);
    expect(put.problems).toEqual([]);
    for (const target of [id, id]) {
      const del = await call("DELETE", `/v1.0/apiclients/${target}`, { token: admin });
      expect(del.r.status).toBe(204);
      expect(del.problems).toEqual([]);
    }
  });

  it("errors: 400 ErrorResponse for invalid input and queries, 404 for an unknown id, 403 without a body", async () => {
    const id = await h.create(FULL, admin);
    const cases: [string, string, Parameters<Harness["request"]>[2], number][] = [
      ["POST", "/v1.0/apiclients", { token: admin, body: { clientName: "x" } }, 400],
      ["PUT", `/v1.0/apiclients/${id}`, { token: admin, body: { clientName: "" } }, 400],
      ["GET", `/v1.0/apiclients?pagination=${encodeURIComponent("page=0")}`, { token: admin }, 400],
      ["GET", "/v1.0/apiclients/no-such-client", { token: admin }, 404],
      ["PUT", "/v1.0/apiclients/no-such-client", { token: admin, body: { clientName: "x", entitlements: [] } }, 404],
    ];
    for (const [method, path, opts, status] of cases) {
      const { r, problems } = await call(method, path, opts);
      expect(`${method} ${path} ${r.status}`).toBe(`${method} ${path} ${status}`);
      expect(problems).toEqual([]);
    }
    const readerId = await h.create({ clientName: "reader", enabled: true, entitlements: ["readUsers"] }, admin);
    const reader = await h.get(readerId, admin);
    const readerToken = await h.token(reader.clientId as string, reader.clientSecret as string);
    const forbidden = await call("GET", "/v1.0/apiclients", { token: readerToken });
    expect(forbidden.r.status).toBe(403);
    expect(forbidden.problems).toEqual([]);
  });

  it("bulk delete: 204, or 207 BulkResponse when an id is unknown", async () => {
    const id = await h.create(FULL, admin);
    const partial = await call("PATCH", "/v1.0/apiclients", { token: admin, body: [{ op: "remove", path: `/${id}` }, { op: "remove", path: "/gone" }] });
    expect(partial.r.status).toBe(207);
    expect(partial.problems).toEqual([]);
  });

  it("the check itself catches a departure: an invented field, a wrong type, a missing required field", () => {
    const wrong = (text: unknown): Answer => ({ method: "GET", path: "/v1.0/apiclients/x", status: 200, contentType: "application/json", text: JSON.stringify(text) });
    expect(answerProblems(api, wrong({ id: "x", clientName: "n", entitlements: [], extra: 1 }))).toEqual(["GET /v1.0/apiclients/{clientId} 200: body.extra: not in the schema"]);
    expect(answerProblems(api, wrong({ id: "x", clientName: "n", entitlements: [], enabled: "yes" }))).toEqual(["GET /v1.0/apiclients/{clientId} 200: body.enabled: expected a boolean"]);
    expect(answerProblems(api, wrong({ id: "x", entitlements: [] }))).toEqual(["GET /v1.0/apiclients/{clientId} 200: body.clientName: required but missing"]);
    expect(answerProblems(api, { method: "DELETE", path: "/v1.0/apiclients/x", status: 404, text: "" })).toEqual(["DELETE /v1.0/apiclients/{clientId} 404: status not documented"]);
    expect(answerProblems(api, { method: "GET", path: "/v1.0/apiclients", status: 200, contentType: "text/html", text: "{}" })).toEqual([
      "GET /v1.0/apiclients 200: content type 'text/html' is not one of application/scim+json",
    ]);
  });
});
