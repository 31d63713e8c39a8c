// VerifyApiClient end to end: the real pulumi CLI, the package from dist/, an in-process IBM Verify
// sandbox. Every step counts the vendor calls it made against the minimum the API needs.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../../sandbox/server.js";
import { changedInputs, PulumiProject, resourcesOfType } from "./harness.js";

type Wire = Record<string, unknown> & { id: string; clientId: string; clientSecret: string; clientName: string; enabled: boolean; description?: string };

const NAME = "e2e-robot";
const SECRET_SIG = "4dabf18193072939515e22adb298388d";
const SECRET_SIG_VALUE = "1b47061264138c4ac30d75fd1eb44270";

const program = (args: Record<string, unknown>) => `
import { VerifyApiClient } from "pulumi-apiidentity";
const c = new VerifyApiClient("robot", ${JSON.stringify(args)});
export const apiClientId = c.apiClientId;
export const clientId = c.clientId;
export const clientSecret = c.clientSecret;
export const description = c.description;
`;

const base = { clientName: NAME, entitlements: ["readUsers", "manageUserGroups"], description: "first" };

let sandbox: Sandbox;
let p: PulumiProject;

/** The administrator acting directly on IBM Verify over HTTP (out of band). */
const vendor = {
  async call(method: string, path: string, body?: unknown): Promise<Response> {
    const cfg = sandbox.config().vendors["ibm-verify"]!;
    const t = await fetch(`${cfg.baseUrl}/oauth2/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ grant_type: "client_credentials", client_id: cfg.clientId!, client_secret: cfg.clientSecret! }),
    });
    const token = ((await t.json()) as { access_token: string }).access_token;
    return fetch(cfg.baseUrl + path, {
      method,
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json", accept: "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  },
  async get(id: string): Promise<Wire | undefined> {
    const r = await vendor.call("GET", `/v1.0/apiclients/${id}`);
    return r.status === 404 ? undefined : ((await r.json()) as Wire);
  },
  async named(name: string): Promise<Wire[]> {
    const r = await vendor.call("GET", `/v1.0/apiclients?search=${encodeURIComponent(`clientName = "${name}"`)}`);
    return ((await r.json()) as { apiClients: Wire[] }).apiClients;
  },
};

/** Vendor calls since the last clear, as "METHOD route status" -> count. */
function calls(): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of sandbox.requests()) {
    if (r.vendor !== "ibm-verify") continue;
    const k = `${r.method} ${r.route} ${r.status}`;
    out[k] = (out[k] ?? 0) + r.count;
  }
  return out;
}

const TOKEN = "POST /oauth2/token 200";
const POST = "POST /v1.0/apiclients 201";
const GET = "GET /v1.0/apiclients/{apiClientId} 200";
const GET_GONE = "GET /v1.0/apiclients/{apiClientId} 404";
const PUT = "PUT /v1.0/apiclients/{apiClientId} 204";
const DELETE = "DELETE /v1.0/apiclients/{apiClientId} 204";

async function resource() {
  const { raw, resources } = await p.exportStack();
  return { raw, res: resourcesOfType(resources, "VerifyApiClient")[0] };
}

describe("VerifyApiClient through the pulumi CLI", () => {
  beforeAll(async () => {
    sandbox = await startSandbox();
    p = new PulumiProject({ program: program(base), env: sandbox.config().env });
    await p.init();
  });
  afterAll(async () => {
    p?.cleanup();
    await sandbox?.close();
  });

  let id = "";
  let clientId = "";
  let secret = "";

  it("creates (token, POST, GET) with the secret encrypted in state", async () => {
    sandbox.clearRequests();
    await p.up();
    expect(calls()).toEqual({ [TOKEN]: 1, [POST]: 1, [GET]: 1 });

    const out = await p.outputs();
    id = out.apiClientId as string;
    const live = (await vendor.get(id))!;
    clientId = live.clientId;
    secret = live.clientSecret;
    expect(out).toEqual({ apiClientId: id, clientId, clientSecret: secret, description: "first" });
    expect(live).toMatchObject({ clientName: NAME, entitlements: ["readUsers", "manageUserGroups"], enabled: true });

    const { raw, res } = await resource();
    expect(res?.id).toBe(id);
    expect(raw).not.toContain(secret);
    expect(raw).not.toContain(sandbox.config().env.IBM_VERIFY_CLIENT_SECRET!);
    const stored = res!.outputs!.clientSecret as Record<string, unknown>;
    expect(stored[SECRET_SIG]).toBe(SECRET_SIG_VALUE);
    expect(typeof stored.ciphertext).toBe("string");
    // The marker that resolves lost creates lives at the vendor, never in state.
    expect(live.description).toMatch(/^first \[apiidentity:/);
    expect(res!.outputs!.description).toBe("first");
  });

  it("updates a property in place (token, GET, PUT): same id, same secret", async () => {
    p.writeProgram(program({ ...base, description: "second", entitlements: ["manageUserGroups", "readUsers", "readGroups"] }));
    sandbox.clearRequests();
    await p.up();
    expect(calls()).toEqual({ [TOKEN]: 1, [GET]: 1, [PUT]: 1 });
    const out = await p.outputs();
    expect(out).toMatchObject({ apiClientId: id, clientId, clientSecret: secret, description: "second" });
    expect(await vendor.get(id)).toMatchObject({ clientSecret: secret, entitlements: ["manageUserGroups", "readUsers", "readGroups"] });
  });

  it("reordering entitlements is no change (no vendor call)", async () => {
    p.writeProgram(program({ ...base, description: "second", entitlements: ["readGroups", "readUsers", "manageUserGroups"] }));
    sandbox.clearRequests();
    const pv = await p.preview({ expectNoChanges: true });
    expect(pv.code).toBe(0);
    expect(calls()).toEqual({});
  });

  it("rotates the secret in place when secretRotation changes (token, GET, PUT, GET)", async () => {
    p.writeProgram(program({ ...base, description: "second", entitlements: ["readGroups", "readUsers", "manageUserGroups"], secretRotation: 1 }));
    sandbox.clearRequests();
    await p.up();
    expect(calls()).toEqual({ [TOKEN]: 1, [GET]: 2, [PUT]: 1 });
    const out = await p.outputs();
    const live = (await vendor.get(id))!;
    expect(out.apiClientId).toBe(id);
    expect(out.clientId).toBe(clientId);
    expect(out.clientSecret).not.toBe(secret);
    expect(out.clientSecret).toBe(live.clientSecret);
    secret = live.clientSecret;
    expect((await resource()).raw).not.toContain(secret);
  });

  it("nothing is immutable; a forced replacement (--replace) creates a new client and deletes the old one", async () => {
    p.writeProgram(program({ ...base, secretRotation: 1 }));
    const urn = (await resource()).res!.urn;
    sandbox.clearRequests();
    // Also applies description/entitlements back to `base`: the new client is created with them.
    await p.ok(["up", "--yes", "--skip-preview", "--replace", urn]);
    expect(calls()).toEqual({ [TOKEN]: 1, [POST]: 1, [GET]: 1, [DELETE]: 1 });
    const out = await p.outputs();
    expect(out.apiClientId).not.toBe(id);
    expect(await vendor.get(id)).toBeUndefined();
    id = out.apiClientId as string;
    const live = (await vendor.get(id))!;
    clientId = live.clientId;
    secret = live.clientSecret;
    expect(out).toEqual({ apiClientId: id, clientId, clientSecret: secret, description: "first" });
  });

  it("preview --refresh reports an out-of-band change on the right property (token, GET)", async () => {
    const live = (await vendor.get(id))!;
    // A full-replace PUT that keeps the secret, as an administrator's script would.
    const r = await vendor.call("PUT", `/v1.0/apiclients/${id}`, { ...live, id: undefined, enabled: false });
    expect(r.status).toBe(204);
    sandbox.clearRequests();
    const pv = await p.preview({ refresh: true });
    expect(pv.code).toBe(0);
    expect(calls()).toEqual({ [TOKEN]: 1, [GET]: 1 });
    const step = pv.steps.find((s) => s.urn.endsWith("::robot") && s.op !== "refresh");
    expect(step?.op).toBe("update");
    expect(changedInputs(step!)).toEqual(["enabled"]);
  });

  it("up --refresh restores it (token, GET for refresh, GET + PUT for the update)", async () => {
    sandbox.clearRequests();
    await p.up({ refresh: true });
    expect(calls()).toEqual({ [TOKEN]: 1, [GET]: 2, [PUT]: 1 });
    expect(await vendor.get(id)).toMatchObject({ enabled: true, clientSecret: secret });
    sandbox.clearRequests();
    expect((await p.preview({ refresh: true, expectNoChanges: true })).code).toBe(0);
    expect(calls()).toEqual({ [TOKEN]: 1, [GET]: 1 });
  });

  it("refresh drops a client deleted out of band (token, GET 404) and up recreates it (token, POST, GET)", async () => {
    expect((await vendor.call("DELETE", `/v1.0/apiclients/${id}`)).status).toBe(204);
    sandbox.clearRequests();
    await p.refresh();
    expect(calls()).toEqual({ [TOKEN]: 1, [GET_GONE]: 1 });
    expect((await resource()).res).toBeUndefined();

    sandbox.clearRequests();
    await p.up();
    expect(calls()).toEqual({ [TOKEN]: 1, [POST]: 1, [GET]: 1 });
    const out = await p.outputs();
    expect(out.apiClientId).not.toBe(id);
    id = out.apiClientId as string;
    expect(await vendor.get(id)).toMatchObject({ clientName: NAME });
  });

  it("an entitlement IBM added after our docs: refresh keeps it, declaring it shows no change, IBM accepts it on update", async () => {
    // The tenant is newer than our list: it knows a name neither the provider nor the emulator documents.
    (sandbox.store.vendor("ibm-verify") as { extraEntitlements?: string[] }).extraEntitlements = ["manageQuantumKeys"];
    const live = (await vendor.get(id))!;
    const r = await vendor.call("PUT", `/v1.0/apiclients/${id}`, { ...live, entitlements: [...(live.entitlements as string[]), "manageQuantumKeys"] });
    expect(r.status).toBe(204);

    sandbox.clearRequests();
    await p.refresh();
    expect(calls()).toEqual({ [TOKEN]: 1, [GET]: 1 });
    const { res } = await resource();
    expect(res!.inputs!.entitlements).toEqual(["readUsers", "manageUserGroups", "manageQuantumKeys"]);

    const declared = { ...base, secretRotation: 1, entitlements: ["readUsers", "manageUserGroups", "manageQuantumKeys"] };
    p.writeProgram(program(declared));
    sandbox.clearRequests();
    expect((await p.preview({ expectNoChanges: true })).code).toBe(0);
    expect(calls()).toEqual({});

    // A change elsewhere sends the name as written; the tenant knows it, so the update goes through.
    p.writeProgram(program({ ...declared, description: "third" }));
    sandbox.clearRequests();
    await p.up();
    expect(calls()).toEqual({ [TOKEN]: 1, [GET]: 1, [PUT]: 1 });
    expect(await vendor.get(id)).toMatchObject({ entitlements: ["readUsers", "manageUserGroups", "manageQuantumKeys"], clientSecret: live.clientSecret });
  });

  it("an extra field in every answer: refresh succeeds and the next preview shows no change", async () => {
    sandbox.faults.add({ vendor: "ibm-verify", effect: { type: "addField", name: "newerField", value: { since: "2027" } } });
    try {
      sandbox.clearRequests();
      await p.refresh();
      expect(calls()).toEqual({ [TOKEN]: 1, [GET]: 1 });
      expect((await p.preview({ expectNoChanges: true })).code).toBe(0);
    } finally {
      sandbox.faults.clear();
    }
  });

  it("destroy leaves nothing at the vendor (token, DELETE)", async () => {
    sandbox.clearRequests();
    await p.destroy();
    expect(calls()).toEqual({ [TOKEN]: 1, [DELETE]: 1 });
    expect(await vendor.named(NAME)).toEqual([]);
  });

  it("adopts a client made directly at the vendor with importId: no POST, then no drift", async () => {
    const made = await vendor.call("POST", "/v1.0/apiclients", { clientName: "e2e-hand-made", enabled: true, entitlements: ["readUsers"], description: "by hand" });
    expect(made.status).toBe(201);
    const handId = made.headers.get("location")!.split("/").pop()!;
    const before = (await vendor.get(handId))!;

    p.writeProgram(program({ clientName: "e2e-hand-made", entitlements: ["readUsers"], description: "managed", importId: handId }));
    sandbox.clearRequests();
    const up = await p.up();
    expect(calls()).toEqual({ [TOKEN]: 1, [GET]: 1, [PUT]: 1 });
    expect(up.stdout + up.stderr).toContain(`adopted VerifyApiClient ${handId}; changed: description`);
    const out = await p.outputs();
    expect(out).toEqual({ apiClientId: handId, clientId: before.clientId, clientSecret: before.clientSecret, description: "managed" });
    expect(await vendor.get(handId)).toMatchObject({ description: "managed", clientSecret: before.clientSecret });

    sandbox.clearRequests();
    expect((await p.preview({ refresh: true, expectNoChanges: true })).code).toBe(0);
    expect(calls()).toEqual({ [TOKEN]: 1, [GET]: 1 });

    await p.destroy();
    expect(await vendor.get(handId)).toBeUndefined();
  });
});
