// Helpers for the end-to-end tests of programs that use the provider plugin instead of dynamic
// resources (YAML, Python, `pulumi import`): a project whose PATH finds the plugin where npm puts it
// (the package's bin/), the identities each vendor holds (to prove a walk leaves none behind), and
// the out-of-band edits and direct creates an administrator would make in a vendor console.
import { execFile } from "node:child_process";
import { join } from "node:path";
import { expect } from "vitest";
import type { Sandbox } from "../../sandbox/server.js";
import { VENDORS } from "../../provider/vendors/index.js";
import { heldIdentities, SANDBOX_KINDS, VENDOR_OF, type Kind } from "../../sandbox/kinds.js";
import { entryFor, type ShippedTable } from "../shipped-kinds.js";
import type { VerifyState } from "../../sandbox/vendors/ibm-verify/state.js";
import type { UiPathState } from "../../sandbox/vendors/uipath/state.js";
import type { UptrendsState } from "../../sandbox/vendors/uptrends/state.js";
import { LEGACY, LEGACY_ISE_PASSWORD, makeAtVendors } from "./out-of-band.js";
import { PulumiProject, repoRoot, type PreviewStep, type ProjectOptions, type StateResource } from "./harness.js";

/** Every kind the programs make, in the registry's order (the sandbox list has the same order). */
export const PROGRAM_KINDS: readonly Kind[] = SANDBOX_KINDS;
export type { Kind };

/** The password seedAtVendors gives the Ivanti API user (the vendor never returns it). */
export { LEGACY_ISE_PASSWORD };

/** Whether the Ivanti API user seedAtVendors made signs in with `password` (a device query, as Cisco ISE makes). */
export async function iseSignsIn(sb: Sandbox, password: string): Promise<boolean> {
  const iv = sb.config().vendors.ivanti!;
  const r = await fetch(`${iv.baseUrl}/api/v1/device?dmPartitionId=100001&rows=1`, {
    headers: { accept: "application/json", authorization: "Basic " + Buffer.from(`legacy-ise@example.com:${password}`).toString("base64") },
  });
  return r.status === 200;
}

/** A project whose pulumi calls find `pulumi-resource-apiidentity` on PATH, as installed by npm. */
export function pluginProject(opts: ProjectOptions): PulumiProject {
  const p = new PulumiProject(opts);
  p.env.PATH = `${join(p.dir, "node_modules", "pulumi-apiidentity", "bin")}:${p.env.PATH}`;
  return p;
}

/** Resources the plugin manages, in exported state. */
export function pluginResources(resources: StateResource[], kind?: Kind): StateResource[] {
  return resources.filter((r) => (kind ? r.type === `apiidentity:index:${kind}` : r.type.startsWith("apiidentity:index:")));
}

/** Whether the resource went through a default provider of the plugin (not an explicit one). */
export const viaDefaultProvider = (r: StateResource): boolean => /::pulumi:providers:apiidentity::default(_[^:]*)?::/.test(r.provider ?? "");

/** The steps of a preview for resources the plugin manages (after their refresh steps, if any). */
export function pluginResourceSteps(steps: PreviewStep[]): PreviewStep[] {
  return steps.filter((s) => s.urn.includes("::apiidentity:index:") && s.op !== "refresh");
}

/** The step of a preview for the resource named `name` (after its refresh step, if any). */
export function stepFor(steps: PreviewStep[], name: string): PreviewStep | undefined {
  return steps.find((s) => s.urn.endsWith(`::${name}`) && s.op !== "refresh");
}

/** The ids of the identities each vendor holds (the provider's own login accounts included), by kind. */
export function identities(sb: Sandbox): Record<Kind, string[]> {
  return Object.fromEntries(PROGRAM_KINDS.map((kind) => [kind, heldIdentities(kind, sb.store.vendor(VENDOR_OF[kind])).map((i) => i.id).sort()])) as Record<Kind, string[]>;
}

/** The e-mail of the sandbox's seeded Uptrends operator (for the getUptrendsOperator lookup). */
export async function operatorEmail(sb: Sandbox): Promise<string> {
  const up = sb.config().vendors.uptrends!;
  const r = await fetch(`${up.baseUrl}/Operator/${up.operatorGuid}`, {
    headers: { authorization: "Basic " + Buffer.from(`${up.username}:${up.password}`).toString("base64") },
  });
  return ((await r.json()) as { Email: string }).Email;
}

/** The config every example (YAML, Python) asks for, pointed at the sandbox. */
export async function exampleConfig(p: PulumiProject, sb: Sandbox): Promise<void> {
  await p.setConfig("uptrendsOperatorEmail", await operatorEmail(sb));
  await p.setConfig("iseApiPassword", "Ex4mple-Ise-Pass", true);
  await p.setConfig("botRunnerPassword", "Ex4mple#Bot1", true);
}

/** An administrator edits the Uptrends account's description in the vendor's console. */
export function editUptrendsDescription(sb: Sandbox, apiUserGuid: string, description: string): void {
  const user = (sb.store.vendor("uptrends") as unknown as UptrendsState).apiUsers.find((u) => u.apiUserGuid === apiUserGuid);
  if (!user) throw new Error(`no Uptrends API account ${apiUserGuid} in the sandbox`);
  user.description = description;
}

/** Every vendor's one name (what `apiidentity discover` takes), in the registry's order. */
export const VENDOR_KEYS: readonly string[] = VENDORS.map((v) => v.name);

/** A Python module name for a vendor's discovered declarations (`automation-anywhere` → `discovered_automation_anywhere`). */
export const pythonModuleOf = (vendor: string): string => `discovered_${vendor.replaceAll("-", "_")}`;

/** Runs `apiidentity discover <vendor> --format <format>` (the built CLI) with the given environment. */
export function discover(vendor: string, format: string, env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((res) =>
    execFile(process.execPath, [join(repoRoot, "bin/apiidentity.js"), "discover", vendor, "--format", format], { env: { ...process.env, ...env } }, (err, stdout, stderr) =>
      res({ code: err ? Number(err.code ?? 1) : 0, stdout, stderr }),
    ),
  );
}

/** Runs `apiidentity drift --format json` on the project's stack. */
export function drift(p: PulumiProject): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((res) =>
    execFile(process.execPath, [join(repoRoot, "bin/apiidentity.js"), "drift", "--cwd", p.dir, "--stack", p.stack, "--format", "json"], { env: p.env }, (err, stdout, stderr) =>
      res({ code: err ? Number(err.code ?? 1) : 0, stdout, stderr }),
    ),
  );
}

/** Runs `scripts/python-sdk.sh` and answers the virtual environment it prints (made once, cached). */
export function pythonVenv(): Promise<string> {
  return new Promise((res, rej) =>
    execFile("bash", [join(repoRoot, "scripts/python-sdk.sh")], { env: process.env, timeout: 600_000, maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) =>
      err ? rej(new Error(`scripts/python-sdk.sh failed: ${stderr}`)) : res(stdout.trim().split("\n").pop()!),
    ),
  );
}

/** One identity of each shipped kind made directly through the vendor APIs, as a console user would: their ids. */
export async function seedAtVendors(sb: Sandbox): Promise<ShippedTable<string>> {
  const made = await makeAtVendors(sb, LEGACY);
  return Object.fromEntries(Object.values(made).map((m) => [m.kind, m.id])) as ShippedTable<string>;
}

/** The id of the identity of `kind` that seedAtVendors made. */
export const seededId = (ids: ShippedTable<string>, kind: Kind): string => entryFor(ids, kind, "seedAtVendors in test/e2e/plugin-programs.ts");

/**
 * The walk every example program (YAML, Python) makes up to its drift, with the project initialised:
 * up (five identities and the lookups), a preview with no changes, an update of one property, and an
 * out-of-band change at the vendor that `preview --refresh` shows in detailedDiff. `before` is what
 * the vendors held before. Resources of an explicit provider (another tenant) are left to the caller.
 * Answers the Uptrends account's state and the stack outputs.
 */
export async function exampleWalk(p: PulumiProject, sb: Sandbox, before: Record<Kind, string[]>): Promise<{ monitoring: StateResource; out: Record<string, unknown> }> {
  await exampleConfig(p, sb);
  await p.up();

  const resources = (await p.exportStack()).resources.filter(viaDefaultProvider);
  for (const kind of PROGRAM_KINDS) expect(pluginResources(resources, kind), kind).toHaveLength(1);
  const after = identities(sb);
  for (const kind of PROGRAM_KINDS) expect(after[kind].length, kind).toBe(before[kind].length + 1);
  const out = await p.outputs();
  // The lookups ran: the robot is in the "Robots" group, the account belongs to the operator.
  const robot = (sb.store.vendor("uipath") as unknown as UiPathState).robotAccounts.find((r) => r.id === out.uipathRobotAccountId);
  expect(robot?.groupIds).toHaveLength(1);
  const monitoring = pluginResources(resources, "UptrendsApiAccount")[0]!;
  expect(monitoring.outputs?.operatorGuid).toBe(sb.config().vendors.uptrends!.operatorGuid);

  const same = await p.preview({ expectNoChanges: true });
  expect(same.code, same.raw.stdout + same.raw.stderr).toBe(0);

  // An update: the Verify client's description, an updatable property.
  await p.setConfig("reportingDescription", "Hourly export of sign-in reports");
  const planned = stepFor((await p.preview()).steps, "reporting");
  expect(planned?.op).toBe("update");
  expect(planned?.detailedDiff).toEqual({ description: { kind: "update", inputDiff: true } });
  await p.up();
  const clientId = pluginResources((await p.exportStack()).resources.filter(viaDefaultProvider), "VerifyApiClient")[0]!.id;
  const client = (sb.store.vendor("ibm-verify") as unknown as VerifyState).apiClients.find((c) => c.id === clientId);
  // (IBM Verify descriptions also carry the create marker the provider keeps after the text.)
  expect(client?.description).toMatch(/^Hourly export of sign-in reports( \[apiidentity:[^\]]+\])?$/);
  const settled = await p.preview({ expectNoChanges: true });
  expect(settled.code, settled.raw.stdout + settled.raw.stderr).toBe(0);

  // Out of band: someone edits the Uptrends account's description in the console.
  editUptrendsDescription(sb, monitoring.id!, "edited in the console");
  const drift = await p.preview({ refresh: true });
  const step = stepFor(drift.steps, "monitoring-pipeline");
  expect(step?.op).toBe("update");
  expect(step?.detailedDiff).toEqual({ description: { kind: "update", inputDiff: true } });
  expect(drift.steps.filter((s) => s.op !== "same" && s.op !== "refresh").map((s) => s.urn.split("::").pop())).toEqual(["monitoring-pipeline"]);
  return { monitoring, out };
}

/**
 * Runs a program of `apiidentity discover` declarations (written into the project) for the five
 * identities seedAtVendors made (`ids`): each is an import step with no property diff, up writes
 * nothing at the vendors (the Ivanti API user keeps its password), and then nothing changes.
 */
export async function importDiscovered(p: PulumiProject, sb: Sandbox, ids: ShippedTable<string>): Promise<void> {
  await p.init();

  // Each of the five is an import step with no property diff (no update after it).
  const first = await p.preview();
  expect(first.code, first.raw.stdout + first.raw.stderr).toBe(0);
  const planned = pluginResourceSteps(first.steps);
  expect(planned.map((s) => [s.op, s.detailedDiff ?? {}]), JSON.stringify(planned)).toEqual(PROGRAM_KINDS.map(() => ["import", {}]));
  sb.clearRequests();
  await p.up();
  // Imported, not created, and nothing written: the Ivanti API user keeps its password.
  const writes = sb.requests().filter((r) => r.method !== "GET" && !/authentication|token/.test(r.route));
  expect(writes, JSON.stringify(writes)).toEqual([]);
  expect(await iseSignsIn(sb, LEGACY_ISE_PASSWORD)).toBe(true);
  const { resources } = await p.exportStack();
  for (const kind of PROGRAM_KINDS) expect(pluginResources(resources, kind).map((r) => r.id), kind).toEqual([seededId(ids, kind)]);

  const none = await p.preview({ refresh: true, expectNoChanges: true });
  expect(none.code, none.raw.stdout + none.raw.stderr).toBe(0);
}
