// VerifyApiClient with the create key the SDK classes send (`__createKey`): the marker of each send is
// derived from it, so the client a killed `pulumi up` made is found from the pending create it left in
// state (findPendingCreate, what `apiidentity recover` runs); a create itself never takes a client
// over (a replacement carries the same key as the client it replaces).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../../../sandbox/server.js";
import { CREATE_KEY } from "../../lifecycle.js";
import { SettingsUnderTest } from "../../../test/settings.js";
import { verifyClient } from "./client.js";
import { keyedNonce, keyedNonces, verifyApiClient } from "./handler.js";
import type { VerifyApiClientInputs } from "./inputs.js";
import { createBody } from "./mappers.js";
import { findPendingCreate } from "./recover.js";

const settings = new SettingsUnderTest();
const h = settings.bind(verifyApiClient);
let sandbox: Sandbox;

type Wire = { id: string; clientName: string; description?: string };
const named = (name: string): Wire[] => (sandbox.store.vendor("ibm-verify") as { apiClients: Wire[] }).apiClients.filter((c) => c.clientName === name);
const keyOf = (name: string, stack = "dev") => `proj/${stack}/VerifyApiClient/${name}`;

/** The inputs a program's SDK class sends, checked as the engine checks them. */
async function checked(name: string, stack = "dev"): Promise<Record<string, unknown>> {
  const r = await h.check(undefined, { clientName: name, entitlements: ["readUsers"], description: "bot", [CREATE_KEY]: keyOf(name, stack) });
  expect(r.failures).toEqual([]);
  return r.inputs as Record<string, unknown>;
}

/** A create of the killed run, sent straight to the vendor with the marker of send `send`. */
async function madeBySend(name: string, send: number): Promise<string> {
  const cfg = sandbox.config().vendors["ibm-verify"]!;
  const token = ((await (await fetch(`${cfg.baseUrl}/oauth2/token`, { method: "POST", body: new URLSearchParams({ grant_type: "client_credentials", client_id: cfg.clientId!, client_secret: cfg.clientSecret! }) })).json()) as { access_token: string }).access_token;
  const r = await fetch(`${cfg.baseUrl}/v1.0/apiclients`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify(createBody({ clientName: name, entitlements: ["readUsers"], description: "bot", enabled: true } as VerifyApiClientInputs, keyedNonce(keyOf(name), send))),
  });
  expect(r.status).toBe(201);
  return r.headers.get("location")!.split("/").pop()!;
}

const find = (name: string, managed: string[] = []) => findPendingCreate(verifyClient(settings.value), name, keyOf(name), new Set(managed));

beforeAll(async () => {
  sandbox = await startSandbox();
  settings.set(sandbox.config().env);
});
afterAll(async () => {
  await sandbox.close();
});
beforeEach(() => {
  settings.restart();
  sandbox.faults.clear();
  sandbox.clearRequests();
});

describe("VerifyApiClient create key", () => {
  it("check passes the key on; the marker is derived from it and the send; the key reaches neither the vendor nor the outputs", async () => {
    const inputs = await checked("key-marker");
    expect(inputs[CREATE_KEY]).toBe(keyOf("key-marker"));
    const { id, outs } = await h.create(inputs as never);
    expect(Object.keys(outs)).not.toContain(CREATE_KEY);
    const [live] = named("key-marker");
    expect(live!.id).toBe(id);
    expect(live!.description).toBe(`bot [apiidentity:${keyedNonce(keyOf("key-marker"), 1)}]`);
    expect(JSON.stringify(sandbox.store.vendor("ibm-verify"))).not.toContain("proj/dev/");
    expect(keyedNonces(keyOf("key-marker"))).toHaveLength(5);
    expect(new Set(keyedNonces(keyOf("key-marker"))).size).toBe(5);
  });

  it("finds the client a killed run's create made, and nothing once state holds it", async () => {
    const { id } = await h.create((await checked("key-crash")) as never);
    expect(await find("key-crash")).toEqual({ found: "one", id, earlier: [] });
    expect(await find("key-crash", [id])).toEqual({ found: "none" });
  });

  it("several sends: the latest send's client, and the earlier ones named", async () => {
    const first = await madeBySend("key-sends", 1);
    const second = await madeBySend("key-sends", 2);
    expect(await find("key-sends")).toEqual({ found: "one", id: second, earlier: [first] });
  });

  it("two clients with one send's marker are named, not chosen", async () => {
    const a = await madeBySend("key-twice", 1);
    const b = await madeBySend("key-twice", 1);
    expect(await find("key-twice")).toEqual({ found: "several", ids: [a, b] });
  });

  it("a client of another stack with the same name, or made by hand, is not this create's", async () => {
    await h.create((await checked("key-stack", "prod")) as never);
    expect(await find("key-stack")).toEqual({ found: "none" });
  });

  it("a create never takes a client over: a replacement with the same key makes a new one", async () => {
    const old = await h.create((await checked("key-replace")) as never);
    sandbox.clearRequests();
    const replacement = await h.create((await checked("key-replace")) as never);
    expect(replacement.id).not.toBe(old.id);
    expect(named("key-replace")).toHaveLength(2);
    // With the old one in state, the replacement's pending create is the new client.
    expect(await find("key-replace", [old.id])).toEqual({ found: "one", id: replacement.id, earlier: [] });
  });
});
