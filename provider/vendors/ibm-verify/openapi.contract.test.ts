// The requests our IBM Verify client sends, against IBM's own OpenAPI document
// (test/fixtures/ibm-verify). The handler walks create, update, rotate, read, look-up and delete
// against the sandbox through a recording proxy; every body it sent must fit IBM's request schema,
// checked "closed" (no field IBM does not name), and every answer it got must fit the response one.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../../../sandbox/server.js";
import { answerProblems, OpenApi, templateOf } from "../../../test/fixtures/ibm-verify/openapi.js";
import { verifyClient } from "./client.js";
import { verifyApiClient } from "./handler.js";
import type { VerifyApiClientInputs } from "./inputs.js";
import { SettingsUnderTest } from "../../../test/settings.js";

/** The provider settings of this file's runs (the sandbox's, once it is up). */
const settings = new SettingsUnderTest();
const h = settings.bind(verifyApiClient);

const api = new OpenApi();
const PREFIX = "/ibm-verify";

interface Exchange {
  method: string;
  path: string;
  requestType: string;
  requestBody: string;
  status: number;
  responseType: string | null;
  responseBody: string;
}

let sandbox: Sandbox;
let proxy: Server;
const seen: Exchange[] = [];

/** Forwards every request to the sandbox and keeps both sides. */
function startProxy(target: string): Promise<Server> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string" && k !== "host" && k !== "content-length") headers[k] = v;
      void fetch(target + (req.url ?? ""), { method: req.method, headers, body: body === "" ? undefined : body }).then(async (r) => {
        const text = await r.text();
        seen.push({
          method: req.method ?? "",
          path: (req.url ?? "").slice(PREFIX.length),
          requestType: String(req.headers["content-type"] ?? ""),
          requestBody: body,
          status: r.status,
          responseType: r.headers.get("content-type"),
          responseBody: text,
        });
        const out: Record<string, string> = {};
        r.headers.forEach((v, k) => {
          if (k !== "content-length" && k !== "transfer-encoding" && k !== "connection") out[k] = v;
        });
        res.writeHead(r.status, out).end(text);
      });
    });
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

beforeAll(async () => {
  sandbox = await startSandbox();
  proxy = await startProxy(sandbox.url);
  settings.set({ ...sandbox.config().env, IBM_VERIFY_TENANT_URL: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}${PREFIX}` });
  settings.restart();
});

afterAll(async () => {
  settings.restart();
  proxy.closeAllConnections();
  await new Promise((r) => proxy.close(r));
  await sandbox.close();
});

async function walk(): Promise<void> {
  const declared = (await h.check(undefined, {
    clientName: "openapi-walk",
    entitlements: ["readUsers", "manageUserGroups"],
    description: "every optional input",
    ipFilterOp: "allow",
    ipFilters: ["203.0.113.0/24", "2001:db8::/32"],
    restrictScopes: true,
    scopes: [{ name: "openid", description: "sign-in" }, { name: "profile" }],
  })).inputs;
  const { id, outs } = await h.create(declared);
  const changed: VerifyApiClientInputs = { ...declared, description: "changed", enabled: false };
  const updated = await h.update(id, outs, changed);
  const rotated = await h.update(id, updated, { ...changed, secretRotation: "r1" });
  await h.read(id, rotated);
  await verifyClient(settings.value).findByName("openapi-walk");
  await verifyClient(settings.value).list();
  await h.delete(id, rotated);
}

describe("our IBM Verify requests fit IBM's OpenAPI document", () => {
  it("walks every call the resource makes", async () => {
    await walk();
    const calls = seen.map((e) => `${e.method} ${templateOf(e.path)} ${e.status}`);
    expect(new Set(calls)).toEqual(
      new Set([
        "POST /oauth2/token 200",
        "POST /v1.0/apiclients 201",
        "GET /v1.0/apiclients/{clientId} 200",
        "PUT /v1.0/apiclients/{clientId} 204",
        "GET /v1.0/apiclients 200",
        "DELETE /v1.0/apiclients/{clientId} 204",
      ]),
    );
  });

  it("token request: a TokenRequest form (client_secret_post)", () => {
    const tokens = seen.filter((e) => e.path === "/oauth2/token");
    expect(tokens.length).toBeGreaterThan(0);
    for (const t of tokens) {
      expect(t.requestType).toMatch(/^application\/x-www-form-urlencoded/);
      const form = Object.fromEntries(new URLSearchParams(t.requestBody));
      expect(api.check(api.requestSchema("/oauth2/token", "post", "application/x-www-form-urlencoded"), form, { direction: "request", closed: true })).toEqual([]);
      expect(form.grant_type).toBe("client_credentials");
    }
  });

  it("create body: APIClientConfigRequest, nothing more", () => {
    const posts = seen.filter((e) => e.method === "POST" && e.path === "/v1.0/apiclients");
    expect(posts).toHaveLength(1);
    const body = JSON.parse(posts[0]!.requestBody) as unknown;
    expect(posts[0]!.requestType).toMatch(/^application\/json/);
    expect(api.check(api.requestSchema("/v1.0/apiclients", "post", "application/json"), body, { direction: "request", closed: true })).toEqual([]);
  });

  it("update bodies: APIClientConfig with the path's id in the body, as IBM's SDK sends it", () => {
    const puts = seen.filter((e) => e.method === "PUT");
    expect(puts).toHaveLength(2);
    for (const p of puts) {
      const body = JSON.parse(p.requestBody) as Record<string, unknown>;
      // `id` is readOnly in the document, yet IBM's own SDK (UpdateAPIClient) sends it; so do we.
      expect(api.check(api.requestSchema("/v1.0/apiclients/{clientId}", "put", "application/json"), body, { direction: "request", closed: true, allowReadOnly: ["id"] })).toEqual([]);
      expect(body.id).toBe(p.path.split("/").pop());
    }
    // The first PUT keeps the secret, the rotation leaves it out.
    expect(JSON.parse(puts[0]!.requestBody)).toHaveProperty("clientSecret");
    expect(JSON.parse(puts[1]!.requestBody)).not.toHaveProperty("clientSecret");
  });

  it("without the SDK's exception, the read-only id would be refused (the check is not blind)", () => {
    const put = seen.find((e) => e.method === "PUT")!;
    expect(api.check(api.requestSchema("/v1.0/apiclients/{clientId}", "put", "application/json"), JSON.parse(put.requestBody), { direction: "request", closed: true })).toEqual([
      "body.id: read-only, must not be sent",
    ]);
  });

  it("every answer the client got fits IBM's response schema", () => {
    const problems = seen.flatMap((e) => answerProblems(api, { method: e.method, path: e.path, status: e.status, contentType: e.responseType, text: e.responseBody }));
    expect(problems).toEqual([]);
  });
});
