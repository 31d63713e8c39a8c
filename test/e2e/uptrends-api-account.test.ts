// UptrendsApiAccount through the real pulumi CLI against the in-process sandbox: create, update in
// place, replace, drift (out-of-band edit and deletion), lastUsed refresh, destroy, and adoption.
// Every step's vendor calls are counted; Uptrends uses HTTP Basic, so there are no token calls.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../../sandbox/server.js";
import { uptrends as uptrendsModule } from "../../sandbox/vendors/uptrends/index.js";
import type { UptrendsState } from "../../sandbox/vendors/uptrends/state.js";
import type { VendorModule } from "../../sandbox/types.js";
import { changedInputs, PulumiProject, resourcesOfType, type PreviewJson, type StateResource } from "./harness.js";

const SECRET_SIG = "4dabf18193072939515e22adb298388d";
const SECRET_VALUE = "1b47061264138c4ac30d75fd1eb44270";
const ADMIN_EMAIL = "admin@sandbox.uptrends.test";

let sb: Sandbox;
let ADMIN = { username: "", password: "" };
let OP = "";

const state = () => sb.store.vendor("uptrends") as unknown as UptrendsState;
/** API accounts other than the seeded admin one. */
const managed = () => state().apiUsers.filter((u) => u.userName !== ADMIN.username);

function calls(): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of sb.requests()) if (r.vendor === "uptrends") out[`${r.method} ${r.route} ${r.status}`] = (out[`${r.method} ${r.route} ${r.status}`] ?? 0) + r.count;
  return out;
}

async function vendor(method: string, path: string, body?: unknown, creds = ADMIN): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(sb.config().vendors.uptrends!.baseUrl + path, {
    method,
    headers: {
      accept: "application/json",
      authorization: "Basic " + Buffer.from(`${creds.username}:${creds.password}`).toString("base64"),
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

interface ProgramOptions {
  /** JS expression for operatorGuid. */
  operator: string;
  description?: string;
  importId?: string;
}

const program = (o: ProgramOptions) => `
import { UptrendsApiAccount, getUptrendsOperator } from "pulumi-apiidentity";
void getUptrendsOperator;
const a = new UptrendsApiAccount("robot", {
  operatorGuid: ${o.operator},
  ${o.description === undefined ? "" : `description: ${JSON.stringify(o.description)},`}
  ${o.importId === undefined ? "" : `importId: ${JSON.stringify(o.importId)},`}
});
export const apiUserGuid = a.apiUserGuid;
export const username = a.username;
export const password = a.password;
export const operatorGuid = a.operatorGuid;
export const description = a.description;
export const accessType = a.accessType;
export const createdDate = a.createdDate;
export const lastUsed = a.lastUsed;
`;
const literal = (guid: string) => JSON.stringify(guid);

async function robot(p: PulumiProject): Promise<{ raw: string; res: StateResource | undefined }> {
  const { raw, resources } = await p.exportStack();
  return { raw, res: resourcesOfType(resources, "UptrendsApiAccount")[0] };
}

function stepOf(preview: PreviewJson) {
  return preview.steps.find((s) => s.urn.endsWith("::robot") && s.op !== "refresh");
}

function expectSecret(value: unknown): void {
  expect(value).toMatchObject({ [SECRET_SIG]: SECRET_VALUE });
  expect(typeof (value as { ciphertext?: unknown }).ciphertext).toBe("string");
}

beforeAll(async () => {
  sb = await startSandbox({ modules: [uptrendsModule as unknown as VendorModule] });
  const v = sb.config().vendors.uptrends!;
  ADMIN = { username: v.username!, password: v.password! };
  OP = v.operatorGuid!;
});
afterAll(async () => {
  await sb?.close();
});
beforeEach(() => sb.clearRequests());

describe("UptrendsApiAccount through the pulumi CLI", () => {
  let p: PulumiProject;
  let first = { id: "", username: "", password: "" };
  let second = "";
  let otherOp = "";

  beforeAll(async () => {
    p = new PulumiProject({
      program: program({ operator: `(await getUptrendsOperator({ email: ${JSON.stringify(ADMIN_EMAIL.toUpperCase())} })).operatorGuid`, description: "e2e robot" }),
      env: sb.config().env,
    });
    await p.init();
    const other = await vendor("POST", "/Operator", { FullName: "Second Operator", Email: "second@sandbox.uptrends.test", Password: "Second-Op-Login-1" });
    otherOp = other.body.OperatorGuid as string;
  });
  afterAll(() => p?.cleanup());

  it("create: the program's lookup and one POST; outputs correct; the password is a secret in state and works", async () => {
    sb.clearRequests();
    await p.up();
    expect(calls()).toEqual({ "GET /v4/Operator 200": 1, "POST /v4/ApiUser 201": 1 });

    const out = await p.outputs();
    const [acct] = managed();
    expect(acct).toBeDefined();
    expect(out).toMatchObject({
      apiUserGuid: acct!.apiUserGuid,
      username: acct!.userName,
      operatorGuid: OP,
      description: "e2e robot",
      accessType: "Generic",
      createdDate: acct!.createdDate,
      lastUsed: "",
    });
    first = { id: out.apiUserGuid as string, username: out.username as string, password: out.password as string };
    expect(first.password.length).toBeGreaterThan(10);
    expect((await vendor("GET", "/Account", undefined, first)).status).toBe(200);

    const { raw, res } = await robot(p);
    expect(res?.id).toBe(first.id);
    expect(raw).not.toContain(first.password);
    expect(raw).not.toContain(ADMIN.password);
    expectSecret(res!.outputs!.password);
  });

  it("lastUsed: refresh records the account's use in state and reports no change", async () => {
    sb.clearRequests();
    const clean = await p.preview({ refresh: true, expectNoChanges: true });
    expect(clean.code).toBe(0);
    // The program's lookup runs in preview too; the refresh reads the account once.
    expect(calls()).toEqual({ "GET /v4/Operator 200": 1, "GET /v4/ApiUser/{apiUserGuid} 200": 1 });

    // The account was used by the check in the previous test: its lastUsed is set at the vendor.
    sb.clearRequests();
    await p.refresh();
    expect(calls()).toEqual({ "GET /v4/ApiUser/{apiUserGuid} 200": 1 });
    const { raw, res } = await robot(p);
    expect(res!.outputs!.lastUsed).toMatch(/^\d{4}-\d\d-\d\dT/);
    // The password is carried over from state and still a secret.
    expectSecret(res!.outputs!.password);
    expect((await p.outputs()).password).toBe(first.password);
    expect(raw).not.toContain(first.password);
    expect((await p.preview({ expectNoChanges: true })).code).toBe(0);
  });

  it("answers in camelCase with unknown fields: refresh succeeds and the next preview shows no change", async () => {
    for (const from of ["ApiUserGuid", "OperatorGuid", "Description", "UserName", "ApiAccessType", "CreatedDate", "LastUsed"]) {
      sb.faults.add({ vendor: "uptrends", effect: { type: "renameField", from, to: from[0]!.toLowerCase() + from.slice(1) } });
    }
    sb.faults.add({ vendor: "uptrends", effect: { type: "addField", name: "SomethingNew", value: { nested: true } } });
    try {
      sb.clearRequests();
      await p.refresh();
      expect(calls()).toEqual({ "GET /v4/ApiUser/{apiUserGuid} 200": 1 });
      const out = await p.outputs();
      expect(out.apiUserGuid).toBe(first.id);
      expect(out.username).toBe(first.username);
      expect(out.description).toBe("e2e robot");
      expect((await p.preview({ expectNoChanges: true })).code).toBe(0);
    } finally {
      sb.faults.clear();
    }
  });

  it("a GUID in another letter case is no change", async () => {
    p.writeProgram(program({ operator: literal(OP.toUpperCase()), description: "e2e robot" }));
    sb.clearRequests();
    const pv = await p.preview({ expectNoChanges: true });
    expect(pv.code).toBe(0);
    expect(calls()).toEqual({});
  });

  it("a description change updates in place: one PUT, same id", async () => {
    p.writeProgram(program({ operator: literal(OP), description: "e2e robot, renamed" }));
    sb.clearRequests();
    await p.up();
    expect(calls()).toEqual({ "PUT /v4/ApiUser/{apiUserGuid} 204": 1 });
    const out = await p.outputs();
    expect(out.apiUserGuid).toBe(first.id);
    expect(out.password).toBe(first.password);
    expect(state().apiUsers.find((u) => u.apiUserGuid === first.id)?.description).toBe("e2e robot, renamed");
  });

  it("an operator change replaces: new account at the vendor, old one gone", async () => {
    p.writeProgram(program({ operator: literal(otherOp), description: "e2e robot, renamed" }));
    sb.clearRequests();
    await p.up();
    expect(calls()).toEqual({ "POST /v4/ApiUser 201": 1, "DELETE /v4/ApiUser/{apiUserGuid} 204": 1 });
    const out = await p.outputs();
    second = out.apiUserGuid as string;
    expect(second).not.toBe(first.id);
    expect(out.password).not.toBe(first.password);
    expect(out.operatorGuid).toBe(otherOp);
    expect(managed().map((u) => u.apiUserGuid)).toEqual([second]);
    expect((await vendor("GET", "/Account", undefined, first)).status).toBe(401);
    const { raw, res } = await robot(p);
    expectSecret(res!.outputs!.password);
    expect(raw).not.toContain(out.password as string);
  });

  it("an out-of-band description change shows on refresh as a description change, and up --refresh restores it", async () => {
    expect((await vendor("PUT", `/ApiUser/${second}`, { OperatorGuid: otherOp, Description: "edited by hand" })).status).toBe(204);
    sb.clearRequests();
    const pv = await p.preview({ refresh: true });
    expect(pv.code).toBe(0);
    expect(calls()).toEqual({ "GET /v4/ApiUser/{apiUserGuid} 200": 1 });
    const step = stepOf(pv);
    expect(step?.op).toBe("update");
    expect(changedInputs(step!)).toEqual(["description"]);

    sb.clearRequests();
    await p.up({ refresh: true });
    expect(calls()).toEqual({ "GET /v4/ApiUser/{apiUserGuid} 200": 1, "PUT /v4/ApiUser/{apiUserGuid} 204": 1 });
    expect(state().apiUsers.find((u) => u.apiUserGuid === second)?.description).toBe("e2e robot, renamed");
    expect((await p.outputs()).apiUserGuid).toBe(second);
  });

  it("an out-of-band deletion: refresh drops it, up creates it again", async () => {
    expect((await vendor("DELETE", `/ApiUser/${second}`)).status).toBe(204);
    sb.clearRequests();
    await p.refresh();
    expect(calls()).toEqual({ "GET /v4/ApiUser/{apiUserGuid} 404": 1 });
    expect((await robot(p)).res).toBeUndefined();

    sb.clearRequests();
    await p.up();
    expect(calls()).toEqual({ "POST /v4/ApiUser 201": 1 });
    const out = await p.outputs();
    expect(out.apiUserGuid).not.toBe(second);
    expect(managed().map((u) => u.apiUserGuid)).toEqual([out.apiUserGuid]);
  });

  it("destroy leaves nothing at the vendor", async () => {
    sb.clearRequests();
    await p.destroy();
    expect(calls()).toEqual({ "DELETE /v4/ApiUser/{apiUserGuid} 204": 1 });
    expect(managed()).toEqual([]);
  });
});

describe("UptrendsApiAccount adoption with importId through the pulumi CLI", () => {
  let p: PulumiProject;
  afterAll(() => p?.cleanup());

  it("adopts an existing account without a create call; password stays empty; refresh then shows no changes", async () => {
    const made = await vendor("POST", "/ApiUser", { OperatorGuid: OP, Description: "made by hand" });
    const guid = made.body.ApiUserGuid as string;
    p = new PulumiProject({ program: program({ operator: literal(OP), description: "adopted robot", importId: guid.toUpperCase() }), env: sb.config().env });
    await p.init();

    sb.clearRequests();
    const up = await p.up();
    expect(calls()).toEqual({ "GET /v4/ApiUser/{apiUserGuid} 200": 1, "PUT /v4/ApiUser/{apiUserGuid} 204": 1 });
    expect(up.stdout + up.stderr).toContain(`adopted UptrendsApiAccount ${guid}; changed: description`);
    const out = await p.outputs();
    expect(out).toMatchObject({ apiUserGuid: guid, username: made.body.UserName, password: "", description: "adopted robot" });
    expect(state().apiUsers.find((u) => u.apiUserGuid === guid)?.description).toBe("adopted robot");

    sb.clearRequests();
    const pv = await p.preview({ refresh: true, expectNoChanges: true });
    expect(pv.code).toBe(0);
    expect(calls()).toEqual({ "GET /v4/ApiUser/{apiUserGuid} 200": 1 });

    sb.clearRequests();
    await p.destroy();
    expect(calls()).toEqual({ "DELETE /v4/ApiUser/{apiUserGuid} 204": 1 });
    expect(managed()).toEqual([]);
  });
});
