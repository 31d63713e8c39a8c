// The VerifyApiClient handler against an in-process sandbox of IBM Verify, over real HTTP.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { startSandbox, type Sandbox } from "../../../sandbox/server.js";
import { createRetry } from "../../lifecycle.js";
import { VerifyClient } from "./client.js";
import { verifyApiClient } from "./handler.js";
import type { VerifyApiClientInputs, VerifyApiClientOutputs } from "./inputs.js";
import { SettingsUnderTest } from "../../../test/settings.js";
import { tally } from "../../../test/tally.js";
import { noteLine, recordingNotes } from "../../notes.js";

/** The provider settings of this file's runs (the sandbox's, once it is up). */
const settings = new SettingsUnderTest();
/** What the handler tells the user, read directly. */
const notes = recordingNotes();
const h = settings.bind(verifyApiClient, notes);

type Wire = Record<string, unknown> & { id: string; clientId: string; clientSecret: string; clientName: string; description?: string };

let sandbox: Sandbox;
let adminSecret: string;

/** Direct calls to the sandbox's IBM Verify API, as an administrator acting out of band. */
const vendor = {
  async token(): Promise<string> {
    const cfg = sandbox.config().vendors["ibm-verify"]!;
    const r = await fetch(`${cfg.baseUrl}/oauth2/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ grant_type: "client_credentials", client_id: cfg.clientId!, client_secret: cfg.clientSecret! }),
    });
    return ((await r.json()) as { access_token: string }).access_token;
  },
  async call(method: string, path: string, body?: unknown): Promise<Response> {
    return fetch(sandbox.baseUrl("ibm-verify") + path, {
      method,
      headers: { authorization: `Bearer ${await vendor.token()}`, "content-type": "application/json", accept: "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  },
  async get(id: string): Promise<Wire | undefined> {
    const r = await vendor.call("GET", `/v1.0/apiclients/${id}`);
    return r.status === 404 ? undefined : ((await r.json()) as Wire);
  },
  async put(id: string, body: Record<string, unknown>): Promise<void> {
    const r = await vendor.call("PUT", `/v1.0/apiclients/${id}`, body);
    expect(r.status).toBe(204);
  },
  async create(body: Record<string, unknown>): Promise<string> {
    const r = await vendor.call("POST", "/v1.0/apiclients", body);
    expect(r.status).toBe(201);
    return r.headers.get("location")!.split("/").pop()!;
  },
  named(name: string): Wire[] {
    const state = sandbox.store.vendor("ibm-verify") as { apiClients: Wire[] };
    return state.apiClients.filter((c) => c.clientName === name);
  },
};

/** Vendor calls since the last clear, as "METHOD route status" -> count. */
const calls = (): Record<string, number> => tally(sandbox, "ibm-verify");

const TOKEN = "POST /oauth2/token 200";

async function checked(news: Record<string, unknown>): Promise<VerifyApiClientInputs> {
  const r = await h.check(undefined, news);
  expect(r.failures).toEqual([]);
  return r.inputs;
}

const inputsOf = (o: VerifyApiClientOutputs): VerifyApiClientInputs => {
  const { apiClientId: _a, clientId: _c, clientSecret: _s, ...i } = o;
  return i;
};

beforeAll(async () => {
  sandbox = await startSandbox();
  settings.set(sandbox.config().env);
  adminSecret = sandbox.config().vendors["ibm-verify"]!.clientSecret!;
});

afterAll(async () => {
  await sandbox.close();
});

beforeEach(() => {
  // Each test starts like a new provider process: no cached token.
  settings.restart();
  sandbox.faults.clear();
  sandbox.clearRequests();
});

afterEach(() => vi.restoreAllMocks());

describe("VerifyApiClient handler against the sandbox", () => {
  it("creates with token + POST + GET, and outputs the generated id, clientId and secret", async () => {
    const inputs = await checked({ clientName: "int-create", entitlements: ["readUsers", "manageUserGroups"], description: "robot" });
    const { id, outs } = await h.create(inputs);
    expect(calls()).toEqual({ [TOKEN]: 1, "POST /v1.0/apiclients 201": 1, "GET /v1.0/apiclients/{apiClientId} 200": 1 });

    const live = await vendor.get(id);
    expect(live).toBeDefined();
    expect(outs).toEqual({ ...inputs, apiClientId: id, clientId: live!.clientId, clientSecret: live!.clientSecret });
    expect(live!.clientId).not.toBe(id);
    // The create marker is at the vendor but never in the outputs.
    expect(live!.description).toMatch(/^robot \[apiidentity:[0-9a-f-]{36}\]$/);
    expect(outs.description).toBe("robot");
  });

  it("reads back exactly the declared inputs, then shows out-of-band changes on the right properties", async () => {
    const inputs = await checked({
      clientName: "int-read",
      entitlements: ["manageUserGroups", "readUsers"],
      ipFilterOp: "deny",
      ipFilters: ["10.9.0.0/16", "192.0.2.1"],
      scopes: [{ name: "openid" }],
      secretRotation: 7,
    });
    const { id, outs } = await h.create(inputs);
    sandbox.clearRequests();

    const same = await h.read(id, outs);
    expect(calls()).toEqual({ "GET /v1.0/apiclients/{apiClientId} 200": 1 });
    expect(same).toEqual({ id, props: outs, inputs });

    const live = (await vendor.get(id))!;
    await vendor.put(id, { ...live, id: undefined, enabled: false, entitlements: ["readUsers"], description: "hand-edited", ipFilters: ["192.0.2.1"] });
    const drift = await h.read(id, outs);
    expect(drift.inputs).toEqual({ ...inputs, enabled: false, entitlements: ["readUsers"], description: "hand-edited", ipFilters: ["192.0.2.1"] });
    expect((await h.diff(id, drift.props!, inputs)).changed.sort()).toEqual(["description", "enabled", "entitlements", "ipFilters"]);
  });

  it("a client holding values we never documented refreshes, passes check again and does not diff against itself", async () => {
    const inputs = await checked({ clientName: "int-held", entitlements: ["readUsers"] });
    const { id, outs } = await h.create(inputs);
    // What a newer tenant may hold: an entitlement and an ipFilterOp our docs do not list, filters with no op.
    const rec = (sandbox.store.vendor("ibm-verify") as { apiClients: Record<string, unknown>[] }).apiClients.find((c) => c.id === id)!;
    Object.assign(rec, { entitlements: ["readUsers", "manageQuantumKeys"], ipFilterOp: "block", ipFilters: ["10.0.0.0/8"] });
    sandbox.faults.add({ vendor: "ibm-verify", effect: { type: "addField", name: "newerField", value: 1 } });

    const read = await h.read(id, outs);
    expect(read.inputs).toMatchObject({ entitlements: ["readUsers", "manageQuantumKeys"], ipFilterOp: "block", ipFilters: ["10.0.0.0/8"] });
    expect(read.inputs).not.toHaveProperty("newerField");
    const again = await h.check(read.inputs, read.inputs);
    expect(again.failures).toEqual([]);
    expect((await h.diff(id, read.props!, again.inputs)).changes).toBe(false);
    expect(verifyApiClient.advise!(again.inputs)).toEqual([expect.stringContaining("'manageQuantumKeys'")]);
  });

  it("updates in place with GET + PUT, keeping the secret and fields it does not manage", async () => {
    const inputs = await checked({ clientName: "int-update", entitlements: ["readUsers"], description: "one" });
    const { id, outs } = await h.create(inputs);
    // Someone set a field this resource does not manage; a full-replace PUT must keep it.
    const before = (await vendor.get(id))!;
    await vendor.put(id, { ...before, id: undefined, jwkUri: "https://keys.example.com/jwks" });
    settings.restart();
    sandbox.clearRequests();

    const news = await checked({ clientName: "int-update-2", entitlements: ["readUsers", "readGroups"], description: "two", enabled: false });
    const updated = await h.update(id, outs, news);
    expect(calls()).toEqual({ [TOKEN]: 1, "GET /v1.0/apiclients/{apiClientId} 200": 1, "PUT /v1.0/apiclients/{apiClientId} 204": 1 });

    const live = (await vendor.get(id))!;
    expect(updated).toEqual({ ...news, apiClientId: id, clientId: outs.clientId, clientSecret: outs.clientSecret });
    expect(live.clientSecret).toBe(outs.clientSecret);
    expect(live.clientId).toBe(outs.clientId);
    expect(live).toMatchObject({ clientName: "int-update-2", enabled: false, entitlements: ["readUsers", "readGroups"], jwkUri: "https://keys.example.com/jwks" });
    // The marker survives the update, still hidden from the outputs.
    expect(live.description).toMatch(/^two \[apiidentity:/);
  });

  it("makes no PUT when nothing the vendor holds changed", async () => {
    const inputs = await checked({ clientName: "int-noop", entitlements: ["readUsers"], secretRotation: "a" });
    const { id, outs } = await h.create(inputs);
    sandbox.clearRequests();
    const news = await checked({ clientName: "int-noop", entitlements: ["readUsers"] });
    const r = await h.update(id, outs, news);
    expect(calls()).toEqual({ "GET /v1.0/apiclients/{apiClientId} 200": 1 });
    expect(r.clientSecret).toBe(outs.clientSecret);
  });

  it("rotates the secret in place when secretRotation changes: GET + PUT without secret + GET", async () => {
    const inputs = await checked({ clientName: "int-rotate", entitlements: ["readUsers"], secretRotation: 1 });
    const { id, outs } = await h.create(inputs);
    sandbox.clearRequests();

    const news = { ...inputs, secretRotation: 2 };
    expect((await h.diff(id, outs, news)).changed).toEqual(["secretRotation"]);
    const rotated = await h.update(id, outs, news);
    expect(calls()).toEqual({ "GET /v1.0/apiclients/{apiClientId} 200": 2, "PUT /v1.0/apiclients/{apiClientId} 204": 1 });

    const live = (await vendor.get(id))!;
    expect(rotated.clientSecret).not.toBe(outs.clientSecret);
    expect(rotated.clientSecret).toBe(live.clientSecret);
    expect(rotated.clientId).toBe(outs.clientId);
    expect(rotated.apiClientId).toBe(id);
    expect(rotated.secretRotation).toBe(2);
  });

  it("deletes; a vanished client reads as gone, deletes fine and fails update clearly", async () => {
    const inputs = await checked({ clientName: "int-delete", entitlements: ["readUsers"] });
    const { id, outs } = await h.create(inputs);
    sandbox.clearRequests();
    await h.delete(id, outs);
    expect(calls()).toEqual({ "DELETE /v1.0/apiclients/{apiClientId} 204": 1 });
    expect(await vendor.get(id)).toBeUndefined();

    expect(await h.read(id, outs)).toEqual({});
    await expect(h.delete(id, outs)).resolves.toBeUndefined();
    await expect(h.update(id, outs, inputs)).rejects.toThrow(
      `VerifyApiClient: updating API client ${id} failed: IBM Verify has no API client with id '${id}' (GET /v1.0/apiclients/{id} answered 404)`,
    );
  });

  it("resolves a lost create answer (commitThenReset) by its marker: no duplicate, no second POST", async () => {
    // Another client with the same name already exists: names are not unique, the marker decides.
    const otherId = await vendor.create({ clientName: "int-lost", enabled: true, entitlements: ["readUsers"] });
    sandbox.faults.add({ vendor: "ibm-verify", method: "POST", route: "/v1.0/apiclients", count: 1, effect: { type: "commitThenReset" } });
    sandbox.clearRequests();
    notes.clear();

    const inputs = await checked({ clientName: "int-lost", entitlements: ["readUsers"] });
    const { id, outs } = await h.create(inputs);
    expect(id).not.toBe(otherId);
    expect(vendor.named("int-lost")).toHaveLength(2);
    // token, the POST whose answer was lost, one search by name, one GET of the client found.
    expect(calls()).toEqual({ [TOKEN]: 1, "POST /v1.0/apiclients 0": 1, "GET /v1.0/apiclients 200": 1, "GET /v1.0/apiclients/{apiClientId} 200": 1 });
    expect(outs.clientSecret).toBe((await vendor.get(id))!.clientSecret);
    expect(noteLine(notes.recorded[0]?.text ?? "")).toContain(`API client ${id}, made by that request, is now managed`);
  });

  it("a create proven not to have happened is sent again, with a fresh marker, and ends with one client", async () => {
    const sleep = vi.spyOn(createRetry, "sleep").mockResolvedValue(undefined);
    sandbox.faults.add({ vendor: "ibm-verify", method: "POST", route: "/v1.0/apiclients", count: 2, effect: { type: "status", status: 503 } });
    const inputs = await checked({ clientName: "int-lost-none", entitlements: ["readUsers"] });
    const { id } = await h.create(inputs);
    const made = vendor.named("int-lost-none");
    expect(made.map((c) => c.id)).toEqual([id]);
    // token, two 503s each settled by one search, the third send, the read-back, one search for late commits of the first two.
    expect(calls()).toEqual({ [TOKEN]: 1, "POST /v1.0/apiclients 503": 2, "GET /v1.0/apiclients 200": 3, "POST /v1.0/apiclients 201": 1, "GET /v1.0/apiclients/{apiClientId} 200": 1 });
    expect(sleep).toHaveBeenCalledTimes(2);
  });

  it("fails clearly, leaving nothing, when every send of the budget is proven not to have happened", async () => {
    vi.spyOn(createRetry, "sleep").mockResolvedValue(undefined);
    sandbox.faults.add({ vendor: "ibm-verify", method: "POST", route: "/v1.0/apiclients", count: 5, effect: { type: "status", status: 500 } });
    const inputs = await checked({ clientName: "int-lost-none-5", entitlements: ["readUsers"] });
    await expect(h.create(inputs)).rejects.toThrow(
      /creating API client 'int-lost-none-5' lost its answer \(IBM Verify POST \/v1.0\/apiclients failed with HTTP 500.*\); it was attempt 5, and no API client named 'int-lost-none-5' carries the marker of any of this create's 5 sends, so none was created\. Nothing is left behind/,
    );
    expect(vendor.named("int-lost-none-5")).toHaveLength(0);
    expect(calls()["POST /v1.0/apiclients 500"]).toBe(5);
  });

  it("a late commit of an earlier send is taken over by a later look-up, not duplicated", async () => {
    vi.spyOn(createRetry, "sleep").mockResolvedValue(undefined);
    // Send 1 is made but its answer lost, and the search does not show it yet (an index that lags);
    // send 2 is lost before it is handled; its look-up finds send 1's client by send 1's marker.
    sandbox.faults.add({ vendor: "ibm-verify", method: "POST", route: "/v1.0/apiclients", count: 1, effect: { type: "commitThenReset" } });
    const search = VerifyClient.prototype.findByName;
    let searches = 0;
    vi.spyOn(VerifyClient.prototype, "findByName").mockImplementation(async function (this: VerifyClient, name: string) {
      const found = await search.call(this, name);
      if (++searches === 1) {
        sandbox.faults.add({ vendor: "ibm-verify", method: "POST", route: "/v1.0/apiclients", count: 1, effect: { type: "reset" } });
        return [];
      }
      return found;
    });
    const inputs = await checked({ clientName: "int-late", entitlements: ["readUsers"] });
    const { id } = await h.create(inputs);
    expect(vendor.named("int-late").map((c) => c.id)).toEqual([id]);
    expect(calls()["POST /v1.0/apiclients 0"]).toBe(2);
    expect(calls()["POST /v1.0/apiclients 201"]).toBeUndefined();
  });

  it("after a create that needed a resend, a client an earlier send made late is deleted", async () => {
    vi.spyOn(createRetry, "sleep").mockResolvedValue(undefined);
    sandbox.faults.add({ vendor: "ibm-verify", method: "POST", route: "/v1.0/apiclients", count: 1, effect: { type: "commitThenReset" } });
    const search = VerifyClient.prototype.findByName;
    let searches = 0;
    vi.spyOn(VerifyClient.prototype, "findByName").mockImplementation(async function (this: VerifyClient, name: string) {
      const found = await search.call(this, name);
      return ++searches === 1 ? [] : found;
    });
    notes.clear();
    const inputs = await checked({ clientName: "int-tidy", entitlements: ["readUsers"] });
    const { id } = await h.create(inputs);
    expect(vendor.named("int-tidy").map((c) => c.id)).toEqual([id]);
    expect(calls()).toMatchObject({ "POST /v1.0/apiclients 0": 1, "POST /v1.0/apiclients 201": 1, "DELETE /v1.0/apiclients/{apiClientId} 204": 1 });
    expect(notes.recorded).toEqual([]);
  });

  it("what an earlier send made late and cannot be deleted is named; the create stands", async () => {
    vi.spyOn(createRetry, "sleep").mockResolvedValue(undefined);
    sandbox.faults.add({ vendor: "ibm-verify", method: "POST", route: "/v1.0/apiclients", count: 1, effect: { type: "commitThenReset" } });
    sandbox.faults.add({ vendor: "ibm-verify", method: "DELETE", route: "/v1.0/apiclients/{apiClientId}", effect: { type: "status", status: 403 } });
    const search = VerifyClient.prototype.findByName;
    let searches = 0;
    vi.spyOn(VerifyClient.prototype, "findByName").mockImplementation(async function (this: VerifyClient, name: string) {
      const found = await search.call(this, name);
      return ++searches === 1 ? [] : found;
    });
    notes.clear();
    const inputs = await checked({ clientName: "int-tidy-403", entitlements: ["readUsers"] });
    const { id } = await h.create(inputs);
    const all = vendor.named("int-tidy-403");
    expect(all).toHaveLength(2);
    const late = all.find((c) => c.id !== id)!;
    const line = notes.written();
    expect(line).toMatch(new RegExp(`^apiidentity: VerifyApiClient: creating API client 'int-tidy-403' needed 2 sends; API client ${id} is managed, but an earlier send of this create also made API client ${late.id} \\(.*HTTP 403.*\\), not deleted: delete it in IBM Verify \\(Security > API access\\)\n$`));
  });

  it("names the possibly created client when the look-up fails too", async () => {
    sandbox.faults.add({ vendor: "ibm-verify", method: "POST", route: "/v1.0/apiclients", count: 1, effect: { type: "commitThenReset" } });
    sandbox.faults.add({ vendor: "ibm-verify", method: "GET", route: "/v1.0/apiclients", effect: { type: "status", status: 403 } });
    const inputs = await checked({ clientName: "int-lost-unknown", entitlements: ["readUsers"] });
    await expect(h.create(inputs)).rejects.toThrow(/An API client named 'int-lost-unknown' whose description ends with '\[apiidentity:[0-9a-f-]{36}\]' may have been created at IBM Verify/);
    expect(vendor.named("int-lost-unknown")).toHaveLength(1);
  });

  it("names the created client when it cannot be read back after the create", async () => {
    sandbox.faults.add({ vendor: "ibm-verify", method: "GET", route: "/v1.0/apiclients/{apiClientId}", count: 1, effect: { type: "status", status: 403 } });
    const inputs = await checked({ clientName: "int-unreadable", entitlements: ["readUsers"] });
    const err = (await h.create(inputs).catch((e: Error) => e)) as Error;
    const [made] = vendor.named("int-unreadable");
    expect(err.message).toMatch(/^VerifyApiClient: reading the new API client .+ failed: IBM Verify GET \/v1.0\/apiclients\/\{id\} failed with HTTP 403/);
    expect(err.message).toContain(`API client ${made!.id} was created; adopt it with importId '${made!.id}' or delete it.`);
  });

  it("fetches a new token once when the vendor forgot the cached one (expireTokens)", async () => {
    const inputs = await checked({ clientName: "int-token", entitlements: ["readUsers"] });
    const { id, outs } = await h.create(inputs);
    sandbox.clearRequests();
    sandbox.faults.add({ vendor: "ibm-verify", method: "GET", route: "/v1.0/apiclients/{apiClientId}", count: 1, effect: { type: "expireTokens" } });
    const r = await h.read(id, outs);
    expect(r.id).toBe(id);
    expect(calls()).toEqual({ [TOKEN]: 1, "GET /v1.0/apiclients/{apiClientId} 401": 1, "GET /v1.0/apiclients/{apiClientId} 200": 1 });
  });

  it("adopts an existing client with importId: no POST, applies the inputs, says what changed", async () => {
    const id = await vendor.create({ clientName: "int-adopt", enabled: true, entitlements: ["readUsers"], description: "made by hand", jwkUri: "https://k.example.com" });
    const secret = (await vendor.get(id))!.clientSecret;
    sandbox.clearRequests();
    notes.clear();

    const inputs = await checked({ clientName: "int-adopt", entitlements: ["readUsers"], description: "managed now", importId: id });
    const r = await h.create(inputs);
    expect(r.id).toBe(id);
    expect(calls()).toEqual({ [TOKEN]: 1, "GET /v1.0/apiclients/{apiClientId} 200": 1, "PUT /v1.0/apiclients/{apiClientId} 204": 1 });
    expect(notes.recorded.map((n) => noteLine(n.text))).toContain(`apiidentity: adopted VerifyApiClient ${id}; changed: description\n`);
    const live = (await vendor.get(id))!;
    expect(live).toMatchObject({ description: "managed now", clientSecret: secret, jwkUri: "https://k.example.com" });
    expect(r.outs).toEqual({ ...inputs, apiClientId: id, clientId: live.clientId, clientSecret: secret });
    expect(await h.read(id, r.outs)).toEqual({ id, props: r.outs, inputs });
  });

  it("adoption of an unchanged client makes no PUT", async () => {
    const id = await vendor.create({ clientName: "int-adopt-same", enabled: true, entitlements: ["readUsers"] });
    sandbox.clearRequests();
    notes.clear();
    await h.create(await checked({ clientName: "int-adopt-same", entitlements: ["readUsers"], importId: id }));
    expect(calls()).toEqual({ [TOKEN]: 1, "GET /v1.0/apiclients/{apiClientId} 200": 1 });
  });

  it("adoption of an unknown id fails naming the id and the vendor", async () => {
    const inputs = await checked({ clientName: "x", entitlements: ["readUsers"], importId: "no-such-id" });
    await expect(h.create(inputs)).rejects.toThrow('VerifyApiClient: importId "no-such-id": IBM Verify has no API client with this id');
    expect(calls()["POST /v1.0/apiclients 201"]).toBeUndefined();
  });

  it("surfaces a vendor error as one line with kind, call, status and message, without secrets", async () => {
    const inputs = await checked({ clientName: "int-error", entitlements: ["readUsers"] });
    const { id, outs } = await h.create(inputs);
    // A vendor message that echoes the secret it was sent must not reach the user.
    sandbox.faults.add({ vendor: "ibm-verify", method: "PUT", route: "/v1.0/apiclients/{apiClientId}", count: 1, effect: { type: "status", status: 400, message: `bad clientSecret ${outs.clientSecret}` } });
    const err = await h.update(id, outs, { ...inputs, description: "x" }).catch((e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    const msg = (err as Error).message;
    expect(msg).toMatch(/^VerifyApiClient: updating API client .+ \(description\) failed: IBM Verify PUT \/v1.0\/apiclients\/\{id\} failed with HTTP 400: CSIAB0400E bad clientSecret \[REDACTED\]\./);
    expect(msg).not.toContain(outs.clientSecret);
    expect(msg).not.toContain(adminSecret);
    expect(msg.split("\n")).toHaveLength(1);
  });

  it("reports rejected provider credentials without showing them", async () => {
    settings.set({ IBM_VERIFY_CLIENT_SECRET: "Wrong-Secret-Value-123" });
    try {
      const err = await h.read("any", {} as VerifyApiClientOutputs).catch((e: Error) => e);
      const msg = (err as Error).message;
      expect(msg).toMatch(/^VerifyApiClient: reading API client any failed: IBM Verify POST \/oauth2\/token failed with HTTP 400: invalid_client/);
      expect(msg).toContain("apiidentity:ibmVerifyClientSecret");
      expect(msg).not.toContain("Wrong-Secret-Value-123");
    } finally {
      settings.set({ IBM_VERIFY_CLIENT_SECRET: adminSecret });
    }
  });

  it("needs manageAPIClients: a read-only provider client gets a 403 with the permission hint", async () => {
    const roId = await vendor.create({ clientName: "int-readonly", enabled: true, entitlements: ["readAPIClients"] });
    const ro = (await vendor.get(roId))!;
    settings.set({ IBM_VERIFY_CLIENT_ID: ro.clientId });
    settings.set({ IBM_VERIFY_CLIENT_SECRET: ro.clientSecret });
    try {
      const inputs = await checked({ clientName: "int-403", entitlements: ["readUsers"] });
      await expect(h.create(inputs)).rejects.toThrow(/IBM Verify POST \/v1.0\/apiclients failed with HTTP 403: no message\. The provider credentials lack a permission/);
    } finally {
      settings.set(sandbox.config().env);
    }
  });

  it("names both places a missing setting can come from", async () => {
    settings.set({ IBM_VERIFY_TENANT_URL: undefined });
    try {
      await expect(h.read("x", {} as VerifyApiClientOutputs)).rejects.toThrow(
        "VerifyApiClient: IBM Verify: missing provider setting 'ibmVerifyTenantUrl'. Set it with 'pulumi config set apiidentity:ibmVerifyTenantUrl <value>' or the environment variable IBM_VERIFY_TENANT_URL.",
      );
    } finally {
      settings.set(sandbox.config().env);
    }
  });

  it("reads inputs equal to the program's after create, so a fresh refresh shows nothing", async () => {
    const inputs = await checked({ clientName: "int-roundtrip", entitlements: ["readUsers"], restrictScopes: true, scopes: [{ name: "openid", description: "sign-in" }] });
    const { id, outs } = await h.create(inputs);
    expect(inputsOf(outs)).toEqual(inputs);
    const r = await h.read(id, outs);
    expect(r.inputs).toEqual(inputs);
    expect((await h.diff(id, r.props!, inputs)).changes).toBe(false);
  });
});
