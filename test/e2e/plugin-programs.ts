// Helpers for the end-to-end tests of programs that use the provider plugin instead of dynamic
// resources (YAML, Python, `pulumi import`): a project whose PATH finds the plugin where npm puts it
// (the package's bin/), the identities each vendor holds (to prove a walk leaves none behind), and
// the out-of-band edits and direct creates an administrator would make in a vendor console.
import { execFile } from "node:child_process";
import { join } from "node:path";
import type { Sandbox } from "../../sandbox/server.js";
import type { AaState } from "../../sandbox/vendors/automation-anywhere/state.js";
import type { VerifyState } from "../../sandbox/vendors/ibm-verify/state.js";
import type { IvantiState } from "../../sandbox/vendors/ivanti/state.js";
import type { UiPathState } from "../../sandbox/vendors/uipath/state.js";
import type { UptrendsState } from "../../sandbox/vendors/uptrends/state.js";
import { PulumiProject, repoRoot, type PreviewStep, type ProjectOptions, type StateResource } from "./harness.js";

export const KINDS = ["IseApiUser", "UptrendsApiAccount", "ControlRoomUser", "VerifyApiClient", "UiPathRobotAccount"] as const;
export type Kind = (typeof KINDS)[number];

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

/** The step of a preview for the resource named `name` (after its refresh step, if any). */
export function stepFor(steps: PreviewStep[], name: string): PreviewStep | undefined {
  return steps.find((s) => s.urn.endsWith(`::${name}`) && s.op !== "refresh");
}

/** The ids of the identities each vendor holds (the provider's own login accounts included). */
export function identities(sb: Sandbox): Record<Kind, string[]> {
  const aa = sb.store.vendor("automationAnywhere") as unknown as AaState;
  return {
    IseApiUser: (sb.store.vendor("ivanti") as unknown as IvantiState).accounts.map((a) => String(a.id)).sort(),
    UptrendsApiAccount: (sb.store.vendor("uptrends") as unknown as UptrendsState).apiUsers.map((u) => u.apiUserGuid).sort(),
    ControlRoomUser: Object.keys(aa.users).sort(),
    VerifyApiClient: (sb.store.vendor("ibmVerify") as unknown as VerifyState).apiClients.map((c) => c.id).sort(),
    UiPathRobotAccount: (sb.store.vendor("uipath") as unknown as UiPathState).robotAccounts.map((r) => r.id).sort(),
  };
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

/** Runs `scripts/python-sdk.sh` and answers the virtual environment it prints (made once, cached). */
export function pythonVenv(): Promise<string> {
  return new Promise((res, rej) =>
    execFile("bash", [join(repoRoot, "scripts/python-sdk.sh")], { env: process.env, timeout: 600_000, maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) =>
      err ? rej(new Error(`scripts/python-sdk.sh failed: ${stderr}`)) : res(stdout.trim().split("\n").pop()!),
    ),
  );
}
