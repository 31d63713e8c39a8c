// The provider plugin `pulumi-resource-apiidentity` through the real engine: a program registers
// `apiidentity:index:UptrendsApiAccount` as a plain custom resource (no dynamic provider), so the
// engine starts the plugin and drives it over the resource-provider protocol. Once found on PATH (the
// package's bin/, as npm installs it), with the vendor credentials in `apiidentity:*` stack config:
// up, a preview with no changes, an updatable and a replacing change each in detailedDiff with its
// kind, an out-of-band change seen by `preview --refresh` with its detailedDiff, refresh, destroy.
// Once from the plugin cache that `apiidentity plugin install` fills.
import { execFile } from "node:child_process";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../../sandbox/server.js";
import type { UptrendsState } from "../../sandbox/vendors/uptrends/state.js";
import { engine, PulumiProject, repoRoot, type PreviewJson, type PreviewStep } from "./harness.js";

const TYPE = "apiidentity:index:UptrendsApiAccount";

const program = (props: Record<string, unknown>) => `
import * as pulumi from "@pulumi/pulumi";
const account = new pulumi.CustomResource(${JSON.stringify(TYPE)}, "monitoring", {
  ...${JSON.stringify(props)},
  apiUserGuid: undefined, username: undefined, password: undefined, createdDate: undefined,
});
export const apiUserGuid = account.apiUserGuid;
export const username = account.username;
export const password = account.password;
`;

/** The sandbox's settings without Uptrends': those come from stack config in these tests. */
function envWithoutUptrends(sb: Sandbox): Record<string, string> {
  return Object.fromEntries(Object.entries(sb.config().env).filter(([k]) => !k.startsWith("UPTRENDS_")));
}

async function configureUptrends(p: PulumiProject, sb: Sandbox): Promise<void> {
  const u = sb.config().vendors.uptrends!;
  await p.setConfig("apiidentity:uptrendsBaseUrl", u.baseUrl!);
  await p.setConfig("apiidentity:uptrendsUsername", u.username!);
  await p.setConfig("apiidentity:uptrendsPassword", u.password!, true);
}

/** The step that changes the account (a refreshing preview also lists its refresh step first). */
const stepOf = (pv: PreviewJson) => pv.steps.find((s: PreviewStep) => s.urn.endsWith(`${TYPE}::monitoring`) && s.op !== "refresh");

describe("provider plugin through the pulumi CLI", () => {
  let sb: Sandbox;
  const projects: PulumiProject[] = [];
  const accounts = () => (sb.store.vendor("uptrends") as unknown as UptrendsState).apiUsers;

  /** An out-of-band edit at the vendor, with the sandbox's own admin API account. */
  async function editAtVendor(guid: string, body: Record<string, unknown>): Promise<number> {
    const u = sb.config().vendors.uptrends!;
    const res = await fetch(`${u.baseUrl}/ApiUser/${guid}`, {
      method: "PUT",
      headers: { authorization: "Basic " + Buffer.from(`${u.username}:${u.password}`).toString("base64"), "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    return res.status;
  }

  /** An API account made at the vendor outside Pulumi; its guid. */
  async function makeAtVendor(operatorGuid: string, description: string): Promise<string> {
    const u = sb.config().vendors.uptrends!;
    const res = await fetch(`${u.baseUrl}/ApiUser`, {
      method: "POST",
      headers: { authorization: "Basic " + Buffer.from(`${u.username}:${u.password}`).toString("base64"), "content-type": "application/json" },
      body: JSON.stringify({ OperatorGuid: operatorGuid, Description: description }),
    });
    expect(res.status).toBe(201);
    return ((await res.json()) as { ApiUserGuid: string }).ApiUserGuid;
  }

  beforeAll(async () => {
    sb = await startSandbox();
  });
  afterAll(async () => {
    for (const p of projects) p.cleanup();
    await sb?.close();
  });

  it("on PATH: up, no-change preview, detailedDiff of an update and a replacement, drift by preview --refresh, refresh, destroy", async () => {
    const operatorGuid = sb.config().vendors.uptrends!.operatorGuid!;
    const p = new PulumiProject({ program: program({ operatorGuid, description: "plugin e2e" }), env: envWithoutUptrends(sb) });
    projects.push(p);
    // The engine finds the plugin on PATH: the bin/ of the package as installed in the program.
    p.env.PATH = `${join(p.dir, "node_modules", "pulumi-apiidentity", "bin")}:${p.env.PATH}`;
    await p.init();
    await configureUptrends(p, sb);

    const up = await p.up();
    const made = accounts().filter((a) => a.description === "plugin e2e");
    expect(made).toHaveLength(1);
    const guid = made[0]!.apiUserGuid;
    const out = await p.outputs();
    expect(out.apiUserGuid).toBe(guid);
    expect(typeof out.password).toBe("string");

    const { raw, resources } = await p.exportStack();
    const state = resources.find((r) => r.type === TYPE)!;
    expect(state.id).toBe(guid);
    expect(state.inputs?.__createKey).toBe(`e2e/${p.stack}/UptrendsApiAccount/monitoring`);
    // The generated password is a secret in state, and no credential shows anywhere.
    expect(raw).not.toContain(String(out.password));
    for (const text of [raw, up.stdout, up.stderr]) expect(text).not.toContain(sb.config().vendors.uptrends!.password!);

    const same = await p.preview({ expectNoChanges: true });
    expect(same.code, same.raw.stdout + same.raw.stderr).toBe(0);

    p.writeProgram(program({ operatorGuid, description: "plugin e2e, changed" }));
    const update = stepOf(await p.preview())!;
    expect(update.op).toBe("update");
    expect(update.detailedDiff).toEqual({ description: { kind: "update", inputDiff: true } });

    p.writeProgram(program({ operatorGuid: "0a0b0c0d-1111-4222-8333-944445555666", description: "plugin e2e" }));
    const replace = stepOf(await p.preview())!;
    expect(replace.op).toBe("replace");
    expect(replace.detailedDiff).toEqual({ operatorGuid: { kind: "update-replace", inputDiff: true } });

    p.writeProgram(program({ operatorGuid, description: "plugin e2e, changed" }));
    await p.up();
    expect(accounts().find((a) => a.apiUserGuid === guid)?.description).toBe("plugin e2e, changed");

    // Drift: an out-of-band edit is seen by a refreshing preview, property by property.
    expect(await editAtVendor(guid, { OperatorGuid: operatorGuid, Description: "edited by hand" })).toBe(204);
    const drift = await p.preview({ refresh: true });
    expect(drift.code, drift.raw.stderr).toBe(0);
    const driftStep = stepOf(drift)!;
    expect(driftStep.op).toBe("update");
    expect(driftStep.detailedDiff).toEqual({ description: { kind: "update", inputDiff: true } });

    await p.refresh();
    const refreshed = (await p.exportStack()).resources.find((r) => r.type === TYPE)!;
    expect(refreshed.outputs?.description).toBe("edited by hand");
    await p.destroy();
    expect(accounts().filter((a) => a.apiUserGuid === guid)).toHaveLength(0);
  });

  it("a stack moves from the dynamic resource to the plugin and back with a type alias: same identity, same secret password, no create or delete", async () => {
    const operatorGuid = sb.config().vendors.uptrends!.operatorGuid!;
    const props = JSON.stringify({ operatorGuid, description: "moving" });
    const dynamicType = "pulumi-nodejs:dynamic/apiidentity:UptrendsApiAccount";
    const dynamic = (opts: string) => `import { UptrendsApiAccount } from "pulumi-apiidentity";
const a = new UptrendsApiAccount("monitoring", ${props}${opts});
export const apiUserGuid = a.apiUserGuid;
export const password = a.password;`;
    const viaPlugin = (description: string) => `import * as pulumi from "@pulumi/pulumi";
const a = new pulumi.CustomResource(${JSON.stringify(TYPE)}, "monitoring", { operatorGuid: ${JSON.stringify(operatorGuid)}, description: ${JSON.stringify(description)}, apiUserGuid: undefined, password: undefined },
  { aliases: [{ type: ${JSON.stringify(dynamicType)} }] });
export const apiUserGuid = a.apiUserGuid;
export const password = a.password;`;
    const p = new PulumiProject({ program: dynamic(""), env: sb.config().env });
    projects.push(p);
    p.env.PATH = `${join(p.dir, "node_modules", "pulumi-apiidentity", "bin")}:${p.env.PATH}`;
    await p.init();
    await p.up();
    const before = await p.outputs();
    const typeOf = async () => (await p.exportStack()).resources.find((r) => r.id === before.apiUserGuid)?.type;
    expect(await typeOf()).toBe(dynamicType);

    // To the plugin: the alias names the old type; the engine finds no change and creates nothing.
    p.writeProgram(viaPlugin("moving"));
    const move = await p.preview();
    expect(move.code, move.raw.stderr).toBe(0);
    expect(Object.keys(move.changeSummary).filter((k) => k !== "same")).toEqual([]);
    await p.up();
    expect(await typeOf()).toBe(TYPE);
    expect(await p.outputs()).toEqual(before);
    expect(accounts().filter((a) => a.description === "moving")).toHaveLength(1);

    // Managed by the plugin now: a change is an update with its detailedDiff.
    p.writeProgram(viaPlugin("moved"));
    expect(stepOf(await p.preview())?.detailedDiff).toEqual({ description: { kind: "update", inputDiff: true } });
    p.writeProgram(viaPlugin("moving"));

    // And back, with the alias on the SDK class.
    p.writeProgram(dynamic(`, { aliases: [{ type: ${JSON.stringify(TYPE)} }] }`));
    const back = await p.preview();
    expect(Object.keys(back.changeSummary).filter((k) => k !== "same")).toEqual([]);
    await p.up();
    expect(await typeOf()).toBe(dynamicType);
    expect(await p.outputs()).toEqual(before);
    await p.destroy();
    expect(accounts().filter((a) => a.description === "moving")).toHaveLength(0);
  });

  it("from the plugin cache that 'apiidentity plugin install' fills (PULUMI_HOME), with PATH plugins ignored; the lifecycle's notes reach the CLI", async () => {
    const operatorGuid = sb.config().vendors.uptrends!.operatorGuid!;
    // An account made by hand, adopted with importId: the adoption's note must show in the CLI output.
    const existing = await makeAtVendor(operatorGuid, "made by hand");
    const p = new PulumiProject({ program: program({ operatorGuid, description: "plugin e2e, installed", importId: existing }), env: envWithoutUptrends(sb) });
    projects.push(p);
    const install = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) =>
      execFile(process.execPath, [join(repoRoot, "bin", "apiidentity.js"), "plugin", "install"], { env: p.env }, (err, stdout, stderr) =>
        resolve({ code: err ? (typeof err.code === "number" ? err.code : 1) : 0, stdout, stderr }),
      ),
    );
    expect(install.code, install.stderr).toBe(0);
    expect(install.stdout).toContain(join(p.root, "pulumi-home", "plugins", "resource-apiidentity-v"));
    const ls = await p.ok(["plugin", "ls"]);
    expect(ls.stdout).toMatch(/apiidentity\s+resource\s+\d+\.\d+\.\d+/);

    // Only the plugin cache: PATH has no plugin of ours, and the engine is told to ignore PATH plugins.
    expect(p.env.PATH).not.toContain("pulumi-apiidentity");
    const env = { PULUMI_IGNORE_AMBIENT_PLUGINS: "true", PATH: `${engine()}:${p.env.PATH}` };
    await p.ok(["stack", "init", p.stack], env);
    await configureUptrends(p, sb);
    const up = await p.ok(["up", "--yes", "--skip-preview"], env);
    const guid = String((await p.outputs()).apiUserGuid);
    expect(guid).toBe(existing);
    expect(up.stdout).toContain(`adopted UptrendsApiAccount ${existing}; changed: description`);
    expect(accounts().find((a) => a.apiUserGuid === guid)?.description).toBe("plugin e2e, installed");
    await p.ok(["destroy", "--yes", "--skip-preview"], env);
    expect(accounts().filter((a) => a.apiUserGuid === guid)).toHaveLength(0);
  });
});
