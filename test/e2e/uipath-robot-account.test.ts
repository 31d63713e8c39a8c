// UiPathRobotAccount through the real pulumi CLI against the in-process sandbox: create (groups
// found with getUiPathGroup), update in place, replace, drift (out-of-band edit and deletion),
// destroy, and adoption with importId. Every step's vendor calls are counted, token calls included.
//
// Who calls what: the program process runs getUiPathGroup (one token with PM.Group.Read, then one
// GET /Group per lookup) on every run of the program (up, preview); the provider process gets its
// own token with PM.RobotAccount at its first vendor call and reuses it for the rest of the command.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../../sandbox/server.js";
import type { UiPathState } from "../../sandbox/vendors/uipath/state.js";
import { changedInputs, PulumiProject, resourcesOfType, type PreviewJson, type StateResource } from "./harness.js";

const ROBOTS = "5a6b1e7c-4f8b-4c2e-9a05-7d9e6b1f2c05";
const EVERYONE = "3e4f9c5a-2d6f-4a0c-9e83-5b7c4f9d0a03";

const TOKEN = "POST /identity_/connect/token 200";
const GROUPS = "GET /{organization}/identity_/api/Group/{partitionGlobalId} 200";
const CREATE = "POST /{organization}/identity_/api/RobotAccount 201";
const GET = (status: number) => `GET /{organization}/identity_/api/RobotAccount/{partitionGlobalId}/{robotAccountId} ${status}`;
const PROBE = "GET /{organization}/identity_/api/RobotAccount/{partitionGlobalId} 200";
const UPDATE = "PUT /{organization}/identity_/api/RobotAccount/{robotAccountId} 200";
const DELETE = "DELETE /{organization}/identity_/api/RobotAccount/{partitionGlobalId}/{robotAccountId} 204";

let sb: Sandbox;
let cfg: Record<string, string>;

const state = () => sb.store.vendor("uipath") as unknown as UiPathState;
const robotNamed = (name: string) => state().robotAccounts.find((r) => r.name === name);

/** Vendor calls since the last clear, "METHOD route status" → count. */
function calls(): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of sb.requests()) if (r.vendor === "uipath") out[`${r.method} ${r.route} ${r.status}`] = (out[`${r.method} ${r.route} ${r.status}`] ?? 0) + r.count;
  return out;
}

/** Program process: a token, then one group list per lookup. */
const programCalls = (lookups: number) => ({ [TOKEN]: 1, [GROUPS]: lookups });
/** Merges expected counts of the program and the provider process (tokens add up). */
function expected(...parts: Record<string, number>[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const p of parts) for (const [k, v] of Object.entries(p)) out[k] = (out[k] ?? 0) + v;
  return out;
}

/** An out-of-band call to the vendor API with the sandbox's external application. */
async function vendor(method: string, path: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const form = new URLSearchParams({ grant_type: "client_credentials", client_id: cfg.clientId!, client_secret: cfg.clientSecret!, scope: "PM.RobotAccount" });
  const t = await fetch(`${cfg.baseUrl}/identity_/connect/token`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: form });
  const token = ((await t.json()) as { access_token: string }).access_token;
  const res = await fetch(`${cfg.baseUrl}/${cfg.organization}/identity_/api${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

interface ProgramOptions {
  name: string;
  displayName?: string;
  /** Group names, each resolved with getUiPathGroup. */
  groups: string[];
  importId?: string;
}

const program = (o: ProgramOptions) => `
import { UiPathRobotAccount, getUiPathGroup } from "pulumi-apiidentity";
const groupIds = ${JSON.stringify(o.groups)}.map((name) => getUiPathGroup({ name }).then((g) => g.id));
const bot = new UiPathRobotAccount("bot", {
  name: ${JSON.stringify(o.name)},
  ${o.displayName === undefined ? "" : `displayName: ${JSON.stringify(o.displayName)},`}
  groupIds,
  ${o.importId === undefined ? "" : `importId: ${JSON.stringify(o.importId)},`}
});
export const robotAccountId = bot.robotAccountId;
export const name = bot.name;
export const displayName = bot.displayName;
export const groupIds_ = bot.groupIds;
export const partitionGlobalId = bot.partitionGlobalId;
export const creationTime = bot.creationTime;
`;

async function robot(p: PulumiProject): Promise<{ raw: string; res: StateResource | undefined }> {
  const { raw, resources } = await p.exportStack();
  return { raw, res: resourcesOfType(resources, "UiPathRobotAccount")[0] };
}

const stepOf = (preview: PreviewJson) => preview.steps.find((s) => s.urn.endsWith("::bot") && s.op !== "refresh");

/** A project whose client secret is encrypted stack config, not an environment variable. */
async function project(o: ProgramOptions): Promise<PulumiProject> {
  const env = { ...sb.config().env };
  delete env.UIPATH_CLIENT_SECRET;
  const p = new PulumiProject({ program: program(o), env });
  await p.init();
  await p.setConfig("apiidentity:uipathClientSecret", cfg.clientSecret!, true);
  return p;
}

beforeAll(async () => {
  sb = await startSandbox();
  cfg = sb.config().vendors.uipath!;
});
afterAll(async () => {
  await sb?.close();
});
beforeEach(() => {
  sb.faults.clear();
  sb.clearRequests();
});

describe("UiPathRobotAccount through the pulumi CLI", () => {
  let p: PulumiProject;
  afterAll(() => p?.cleanup());

  it("walks create → update → replace → drift → vanish → destroy with minimal vendor calls", async () => {
    // 1. create: program 1 token + 1 lookup; provider 1 token + 1 POST.
    p = await project({ name: "ci-bot", groups: ["Robots"] });
    sb.clearRequests();
    await p.up();
    expect(calls()).toEqual(expected(programCalls(1), { [TOKEN]: 1, [CREATE]: 1 }));
    const out = await p.outputs();
    const id = out.robotAccountId as string;
    expect(out).toMatchObject({ name: "ci-bot", displayName: "ci-bot", groupIds_: [ROBOTS], partitionGlobalId: cfg.partitionGlobalId });
    expect(out.creationTime).toMatch(/^\d{4}-\d{2}-\d{2}T.*Z$/);
    expect(robotNamed("ci-bot")).toMatchObject({ id, displayName: "ci-bot", groupIds: [ROBOTS] });
    // A robot account has no secret output; the provider credential is encrypted config and
    // appears in state neither in plain text nor in __provider, and no access token does either.
    const { raw, res } = await robot(p);
    expect(res?.id).toBe(id);
    // Never logged in: no lastLoginTime (UiPath sends null).
    expect(res?.outputs).not.toHaveProperty("lastLoginTime");
    expect(raw).not.toContain(cfg.clientSecret);
    for (const t of state().tokens) expect(raw).not.toContain(t.accessToken);
    expect(Buffer.byteLength(res!.outputs!.__provider as string)).toBeLessThan(1024);
    const stackConfig = await p.ok(["config", "--json"]);
    expect(JSON.parse(stackConfig.stdout)["apiidentity:uipathClientSecret"]).toMatchObject({ secret: true });

    // 2. update in place (display name, add a group): program 1 token + 2 lookups; provider 1 token + 1 PUT.
    p.writeProgram(program({ name: "ci-bot", displayName: "CI robot", groups: ["Robots", "Everyone"] }));
    sb.clearRequests();
    await p.up();
    expect(calls()).toEqual(expected(programCalls(2), { [TOKEN]: 1, [UPDATE]: 1 }));
    expect((await p.outputs()).robotAccountId).toBe(id);
    expect(robotNamed("ci-bot")).toMatchObject({ id, displayName: "CI robot", groupIds: [ROBOTS, EVERYONE] });

    // 3. replace (new name): provider 1 token + POST (new) + DELETE (old).
    p.writeProgram(program({ name: "ci-bot-2", displayName: "CI robot", groups: ["Robots", "Everyone"] }));
    sb.clearRequests();
    await p.up();
    expect(calls()).toEqual(expected(programCalls(2), { [TOKEN]: 1, [CREATE]: 1, [DELETE]: 1 }));
    const id2 = (await p.outputs()).robotAccountId as string;
    expect(id2).not.toBe(id);
    expect(robotNamed("ci-bot")).toBeUndefined();
    expect(robotNamed("ci-bot-2")).toMatchObject({ id: id2, displayName: "CI robot" });

    // 4. out-of-band edit; preview --refresh reports displayName: provider 1 token + 1 GET.
    expect((await vendor("PUT", `/RobotAccount/${id2}`, { partitionGlobalId: cfg.partitionGlobalId, displayName: "Edited in the portal" })).status).toBe(200);
    sb.clearRequests();
    const preview = await p.preview({ refresh: true });
    expect(preview.code).toBe(0);
    const s = stepOf(preview);
    expect(s?.op).toBe("update");
    expect(changedInputs(s!)).toEqual(["displayName"]);
    expect(calls()).toEqual(expected(programCalls(2), { [TOKEN]: 1, [GET(200)]: 1 }));
    expect(robotNamed("ci-bot-2")?.displayName).toBe("Edited in the portal");

    // 5. up --refresh restores it: provider 1 token + 1 GET + 1 PUT.
    sb.clearRequests();
    await p.up({ refresh: true });
    expect(calls()).toEqual(expected(programCalls(2), { [TOKEN]: 1, [GET(200)]: 1, [UPDATE]: 1 }));
    expect(robotNamed("ci-bot-2")).toMatchObject({ id: id2, displayName: "CI robot" });
    const clean = await p.preview({ refresh: true, expectNoChanges: true });
    expect(clean.code).toBe(0);

    // 6. out-of-band deletion: refresh drops it (1 token + GET 404 + partition probe, no program
    // run), then up recreates it (program + 1 token + 1 POST).
    expect((await vendor("DELETE", `/RobotAccount/${cfg.partitionGlobalId}/${id2}`)).status).toBe(204);
    sb.clearRequests();
    await p.refresh();
    expect(calls()).toEqual({ [TOKEN]: 1, [GET(404)]: 1, [PROBE]: 1 });
    expect((await robot(p)).res).toBeUndefined();
    sb.clearRequests();
    await p.up();
    expect(calls()).toEqual(expected(programCalls(2), { [TOKEN]: 1, [CREATE]: 1 }));
    const id3 = (await p.outputs()).robotAccountId as string;
    expect(id3).not.toBe(id2);
    expect(robotNamed("ci-bot-2")).toMatchObject({ id: id3, displayName: "CI robot", groupIds: [ROBOTS, EVERYONE] });

    // 7. destroy: 1 token + 1 DELETE, nothing left at the vendor.
    sb.clearRequests();
    await p.destroy();
    expect(calls()).toEqual({ [TOKEN]: 1, [DELETE]: 1 });
    expect(state().robotAccounts).toEqual([]);
  });

  it("adopts a robot created through the vendor API with importId, with no create call", async () => {
    const made = await vendor("POST", "/RobotAccount", { partitionGlobalId: cfg.partitionGlobalId, name: "legacy-bot", displayName: "Legacy" });
    expect(made.status).toBe(201);
    const existing = made.body.id as string;
    const a = await project({ name: "legacy-bot", displayName: "Legacy bot", groups: ["Robots"], importId: existing });
    try {
      // Program 1 token + 1 lookup; provider 1 token + GET + PUT (display name and group), no POST.
      sb.clearRequests();
      const r = await a.up();
      expect(calls()).toEqual(expected(programCalls(1), { [TOKEN]: 1, [GET(200)]: 1, [UPDATE]: 1 }));
      expect(r.stdout + r.stderr).toContain(`adopted UiPathRobotAccount ${existing}; changed: displayName, groupIds`);
      expect((await a.outputs()).robotAccountId).toBe(existing);
      expect(state().robotAccounts.filter((x) => x.name === "legacy-bot")).toHaveLength(1);
      expect(robotNamed("legacy-bot")).toMatchObject({ id: existing, displayName: "Legacy bot", groupIds: [ROBOTS] });

      const again = await a.preview({ refresh: true, expectNoChanges: true });
      expect(again.code).toBe(0);
      const ops = again.steps.filter((x) => x.urn.endsWith("::bot")).map((x) => x.op);
      expect(ops.filter((op) => op !== "same" && op !== "refresh")).toEqual([]);

      await a.destroy();
      expect(robotNamed("legacy-bot")).toBeUndefined();
    } finally {
      a.cleanup();
    }
  });
});
