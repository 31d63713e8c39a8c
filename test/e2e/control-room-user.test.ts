// ControlRoomUser through the real pulumi CLI against the in-process Control Room sandbox, on both
// Control Room generations ("current": v2 login and user management; "legacy": v1 only): create,
// update in place, replace, drift (out-of-band edit and deletion), a licence feature we never
// documented, destroy, and adoption. Every step's vendor calls are counted. Two processes talk to
// the Control Room in a step that runs the program: the program itself (getControlRoomRole: one
// login, one roles list) and the provider (one login per `pulumi` command, then the calls the step
// needs). A legacy Control Room costs each process one extra 404 (the v2 login); a current one
// never gets a v1 call.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../../sandbox/server.js";
import type { VendorModule } from "../../sandbox/types.js";
import { GENERATIONS, type Generation } from "../../sandbox/vendors/automation-anywhere/generations.js";
import { automationAnywhere } from "../../sandbox/vendors/automation-anywhere/index.js";
import type { AaState } from "../../sandbox/vendors/automation-anywhere/state.js";
import { changedInputs, PulumiProject, resourcesOfType, type PreviewJson, type StateResource } from "./harness.js";

type Kind = "login" | "users" | "usersList" | "rolesList";

/**
 * What one process asks the Control Room, as `calls()` counts them. Its first login goes to v2 and,
 * on a legacy Control Room, after that 404 to v1; the login decides the generation, and every other
 * call goes straight to it (a 404 by id, too: the user is gone).
 */
function processCalls(generation: Generation) {
  const served = generation === "current" ? "v2" : "v1";
  const out: Record<string, number> = {};
  const add = (k: string) => (out[k] = (out[k] ?? 0) + 1);
  const path = (v: string, kind: Kind, suffix: string) => (kind === "login" ? `/${v}/authentication` : `/${v}/usermanagement${suffix}`);
  const p = {
    call(kind: Kind, method: string, suffix: string, status: number) {
      add(`${method} ${path(served, kind, suffix)} ${status}`);
      return p;
    },
    login: () => {
      if (served === "v1") add(`POST ${path("v2", "login", "")} 404`);
      return p.call("login", "POST", "", 200);
    },
    roles: () => p.call("rolesList", "POST", "/roles/list", 200),
    create: () => p.call("users", "POST", "/users", 201),
    read: (status = 200) => p.call("users", "GET", "/users/{userId}", status),
    update: () => p.call("users", "PUT", "/users/{userId}", 200),
    remove: () => p.call("users", "DELETE", "/users/{userId}", 200),
    counts: () => out,
  };
  return p;
}

const SECRET_SIG = "4dabf18193072939515e22adb298388d";
const SECRET_VALUE = "1b47061264138c4ac30d75fd1eb44270";
const V = "automation-anywhere";
const PASSWORD = "E2e_Pass-0001";

describe.each(GENERATIONS)("%s Control Room", (generation) => {
const ver = generation === "current" ? "v2" : "v1";
let sb: Sandbox;
let adminKey = "";

const state = () => sb.store.vendor(V) as unknown as AaState;
/** Users other than the seeded admin. */
const managed = () => Object.values(state().users).filter((u) => u.id !== 1);

/** Requests the other generation's paths got: a current Control Room must see no v1 call at all. */
function otherGeneration(): number {
  const other = generation === "current" ? "/v1/" : "/v2/usermanagement/";
  return sb.requests().filter((r) => r.vendor === V && r.route.startsWith(other)).reduce((n, r) => n + r.count, 0);
}

/** Those requests over every step of this file (each step clears the counters first). */
let otherSoFar = 0;
function clear(): void {
  otherSoFar += otherGeneration();
  sb.clearRequests();
}

function calls(): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of sb.requests()) if (r.vendor === V) out[`${r.method} ${r.route} ${r.status}`] = (out[`${r.method} ${r.route} ${r.status}`] ?? 0) + r.count;
  return out;
}

async function send(method: string, path: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(sb.baseUrl(V) + path, { method, headers: { "content-type": "application/json", ...headers }, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

/** Calls the Control Room directly, as an administrator would (out of band). */
async function vendor(method: string, path: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const login = await send("POST", `/${ver}/authentication`, { username: "admin", apiKey: adminKey });
  return send(method, path, body, { "x-authorization": login.body.token as string });
}

interface ProgramOptions {
  username: string;
  email?: string;
  description?: string;
  importId?: string;
  password?: string | false;
  extraRole?: string;
  licenses?: string[];
}

const program = (o: ProgramOptions) => `
import { ControlRoomUser, getControlRoomRole } from "pulumi-apiidentity";
const runner = await getControlRoomRole({ name: "bot_runner" });
const u = new ControlRoomUser("robot", {
  username: ${JSON.stringify(o.username)},
  email: ${JSON.stringify(o.email ?? "robot@example.com")},
  ${o.password === false ? "" : `password: ${JSON.stringify(o.password ?? PASSWORD)},`}
  roles: [runner, "AAE_Basic"${o.extraRole ? `, ${JSON.stringify(o.extraRole)}` : ""}],
  licenseFeatures: ${JSON.stringify(o.licenses ?? ["RUNTIME"])},
  ${o.description === undefined ? "" : `description: ${JSON.stringify(o.description)},`}
  ${o.importId === undefined ? "" : `importId: ${JSON.stringify(o.importId)},`}
});
export const userId = u.userId;
export const username = u.username;
export const email = u.email;
export const roles = u.roles;
export const roleIds = u.roleIds;
export const description = u.description;
export const passwordSet = u.passwordSet;
export const password = u.password;
export const runnerRole = runner;
`;

// Per step: the program's lookup (1 login + 1 roles list) when the program runs.
const program_ = () => processCalls(generation).login().roles().counts();
const PROGRAM = program_();
/** The provider process of one `pulumi` command: it logs in first. */
const provider = () => processCalls(generation).login();
const plus = (...parts: Record<string, number>[]) => {
  const out: Record<string, number> = {};
  for (const p of parts) for (const [k, v] of Object.entries(p)) out[k] = (out[k] ?? 0) + v;
  return out;
};

async function robot(p: PulumiProject): Promise<{ raw: string; res: StateResource | undefined }> {
  const { raw, resources } = await p.exportStack();
  return { raw, res: resourcesOfType(resources, "ControlRoomUser")[0] };
}

const stepOf = (preview: PreviewJson) => preview.steps.find((s) => s.urn.endsWith("::robot") && s.op !== "refresh");

function expectSecret(value: unknown): void {
  expect(value).toMatchObject({ [SECRET_SIG]: SECRET_VALUE });
  expect(typeof (value as { ciphertext?: unknown }).ciphertext).toBe("string");
}

beforeAll(async () => {
  sb = await startSandbox({ modules: [automationAnywhere as unknown as VendorModule], profiles: { "automation-anywhere": generation } });
  adminKey = sb.config().vendors[V]!.apiKey!;
});
afterAll(async () => {
  await sb?.close();
});

describe("ControlRoomUser through the pulumi CLI", () => {
  let p: PulumiProject;
  let firstId = "";
  let secondId = "";

  beforeAll(async () => {
    p = new PulumiProject({ program: program({ username: "e2e-robot", description: "e2e robot" }), env: sb.config().env });
    await p.init();
  });
  afterAll(() => p?.cleanup());

  it("create: outputs correct, the password a secret in state, minimal calls", async () => {
    clear();
    await p.up();
    // Provider: login, roles list (check resolves the new names), one POST.
    expect(calls()).toEqual(plus(PROGRAM, provider().roles().create().counts()));

    const [user] = managed();
    expect(user).toMatchObject({ username: "e2e-robot", email: "robot@example.com", description: "e2e robot", roleIds: [26, 2], licenseFeatures: ["RUNTIME"], password: PASSWORD });
    const out = await p.outputs();
    firstId = String(user!.id);
    expect(out).toMatchObject({
      userId: firstId,
      username: "e2e-robot",
      roles: ["Bot_Runner", "AAE_Basic"],
      roleIds: [26, 2],
      description: "e2e robot",
      passwordSet: true,
      password: PASSWORD,
      runnerRole: { id: 26, name: "Bot_Runner" },
    });

    const { raw, res } = await robot(p);
    expect(res?.id).toBe(firstId);
    expect(raw).not.toContain(PASSWORD);
    expect(raw).not.toContain(adminKey);
    expectSecret(res!.outputs!.password);
    expectSecret(res!.inputs!.password);
  });

  it("update in place: same id, the vendor shows the change, one PUT", async () => {
    p.writeProgram(program({ username: "e2e-robot", email: "owner@example.com", description: "changed" }));
    clear();
    await p.up();
    // Provider: login, one PUT; the role names are unchanged, so no roles list.
    expect(calls()).toEqual(plus(PROGRAM, provider().update().counts()));
    expect((await p.outputs()).userId).toBe(firstId);
    expect(state().users[firstId]).toMatchObject({ email: "owner@example.com", description: "changed", password: PASSWORD, version: 1 });
  });

  it("replace on username: a new user at the vendor, the old one gone", async () => {
    p.writeProgram(program({ username: "e2e-robot-2", email: "owner@example.com", description: "changed" }));
    clear();
    await p.up();
    // Provider: login, roles list (create has no prior role ids), POST the new user, DELETE the old one.
    expect(calls()).toEqual(plus(PROGRAM, provider().roles().create().remove().counts()));
    secondId = (await p.outputs()).userId as string;
    expect(secondId).not.toBe(firstId);
    expect(state().users[firstId]).toBeUndefined();
    expect(state().users[secondId]).toMatchObject({ username: "e2e-robot-2", password: PASSWORD });
    expect(managed()).toHaveLength(1);
  });

  it("drift: an out-of-band edit shows on preview --refresh and up --refresh restores it", async () => {
    const u = state().users[secondId]!;
    const put = await vendor("PUT", `/${ver}/usermanagement/users/${secondId}`, {
      email: u.email, roles: [{ id: 26 }, { id: 2 }], licenseFeatures: ["RUNTIME"], description: "edited by hand",
    });
    expect(put.status).toBe(200);

    clear();
    const preview = await p.preview({ refresh: true });
    expect(preview.code).toBe(0);
    // Provider: login, one read.
    expect(calls()).toEqual(plus(PROGRAM, provider().read().counts()));
    const step = stepOf(preview);
    expect(step?.op).toBe("update");
    expect(changedInputs(step!)).toEqual(["description"]);

    clear();
    await p.up({ refresh: true });
    expect(calls()).toEqual(plus(PROGRAM, provider().read().update().counts()));
    expect(state().users[secondId]).toMatchObject({ description: "changed", password: PASSWORD });

    clear();
    const clean = await p.preview({ refresh: true, expectNoChanges: true });
    expect(clean.code).toBe(0);
  });

  it("drift: an out-of-band deletion is dropped by refresh and recreated by up", async () => {
    expect((await vendor("DELETE", `/${ver}/usermanagement/users/${secondId}`)).status).toBe(200);
    clear();
    await p.refresh();
    // refresh does not run the program. Provider: login, one read (404 on the login's generation: the
    // user is gone; a current Control Room gets no v1 call).
    expect(calls()).toEqual(provider().read(404).counts());
    expect(otherGeneration()).toBe(0);
    expect(resourcesOfType((await p.exportStack()).resources, "ControlRoomUser")).toHaveLength(0);

    clear();
    await p.up();
    expect(calls()).toEqual(plus(PROGRAM, provider().roles().create().counts()));
    const id = (await p.outputs()).userId as string;
    expect(id).not.toBe(secondId);
    expect(state().users[id]).toMatchObject({ username: "e2e-robot-2", description: "changed" });
  });

  it("a licence feature we never documented, set out of band: refresh keeps it, and the program that declares it previews no change", async () => {
    const id = (await p.outputs()).userId as string;
    const u = state().users[id]!;
    const put = await vendor("PUT", `/${ver}/usermanagement/users/${id}`, {
      email: u.email, roles: u.roleIds.map((r) => ({ id: r })), description: u.description, licenseFeatures: ["RUNTIME", "ATTENDEDRUNTIME"],
    });
    expect(put.status).toBe(200);

    clear();
    await p.refresh();
    expect(calls()).toEqual(provider().read().counts());
    const { res } = await robot(p);
    expect(res?.inputs?.licenseFeatures).toEqual(["RUNTIME", "ATTENDEDRUNTIME"]);
    expect(res?.outputs?.licenseFeatures).toEqual(["RUNTIME", "ATTENDEDRUNTIME"]);

    p.writeProgram(program({ username: "e2e-robot-2", email: "owner@example.com", description: "changed", licenses: ["ATTENDEDRUNTIME", "RUNTIME"] }));
    clear();
    const clean = await p.preview({ expectNoChanges: true });
    expect(clean.code).toBe(0);
    // Only the program's lookup: the provider's check and diff need no vendor call (role names known from the state).
    expect(calls()).toEqual(PROGRAM);
    expect(state().users[id]?.licenseFeatures).toEqual(["RUNTIME", "ATTENDEDRUNTIME"]);
  });

  it("destroy leaves nothing at the vendor", async () => {
    clear();
    await p.destroy();
    expect(calls()).toEqual(provider().remove().counts());
    expect(managed()).toHaveLength(0);
  });
});

describe("ControlRoomUser bad input through the pulumi CLI", () => {
  let p: PulumiProject;
  beforeAll(async () => {
    p = new PulumiProject({ program: program({ username: "e2e-bad", password: "short" }), env: sb.config().env });
    await p.init();
  });
  afterAll(() => p?.cleanup());

  it("preview fails on a bad password with no provider call, and on an unknown role listing the known ones", async () => {
    clear();
    const bad = await p.preview();
    expect(bad.code).not.toBe(0);
    expect(bad.raw.stdout + bad.raw.stderr).toContain("password must be 8 to 15 characters");
    // Only the program's own lookup talked to the Control Room.
    expect(calls()).toEqual(PROGRAM);

    p.writeProgram(program({ username: "e2e-bad", extraRole: "Bot_Wizard" }));
    clear();
    const unknown = await p.preview();
    expect(unknown.code).not.toBe(0);
    expect(unknown.raw.stdout + unknown.raw.stderr).toContain("unknown Control Room role 'Bot_Wizard'; known roles: AAE_Admin, AAE_Basic, Bot_Creator, Bot_Runner, Device_admin");
    expect(calls()).toEqual(plus(PROGRAM, provider().roles().counts()));
    expect(managed()).toHaveLength(0);
  });
});

describe("ControlRoomUser adoption through the pulumi CLI", () => {
  let p: PulumiProject;

  afterAll(() => p?.cleanup());

  it("adopts an existing user with importId: no create call, then no drift", async () => {
    const made = await vendor("POST", `/${ver}/usermanagement/users`, {
      username: "hand-made", email: "robot@example.com", password: "Hand_Made-01", roles: [{ id: 2 }, { id: 26 }], licenseFeatures: ["RUNTIME"], description: "made by hand",
    });
    expect(made.status).toBe(201);
    const id = String(made.body.id);

    // No password declared: the adopted user keeps its own.
    p = new PulumiProject({ program: program({ username: "hand-made", description: "now managed", importId: id, password: false }), env: sb.config().env });
    await p.init();
    clear();
    const up = await p.up();
    // Provider: login, roles list (check), read the user, one PUT for the description; no POST.
    expect(calls()).toEqual(plus(PROGRAM, provider().roles().read().update().counts()));
    expect(up.stdout + up.stderr).toContain(`apiidentity: adopted ControlRoomUser ${id}; changed: description`);
    expect((await p.outputs()).userId).toBe(id);
    expect(state().users[id]).toMatchObject({ description: "now managed", password: "Hand_Made-01" });
    expect(managed()).toHaveLength(1);

    const clean = await p.preview({ refresh: true, expectNoChanges: true });
    expect(clean.code).toBe(0);

    await p.destroy();
    expect(managed()).toHaveLength(0);
  });
});
describe("the other generation", () => {
  it(generation === "current" ? "no step sent a v1 call (login or user management)" : "no step sent a v2 user-management call", () => {
    expect(otherSoFar + otherGeneration()).toBe(0);
  });
});
});
