// `apiidentity recover [--cwd DIR] [--stack NAME] [--dry-run] [--json]`: after a killed `pulumi up`
// (and `pulumi cancel`, which releases its lock), settles the pending creates it left in state. For
// each, the identity that create made is looked up at the vendor: by the mark its create key left
// where the vendor module can read one (`settleByMark`); otherwise by the lost-create look-up of the
// kind (its natural key, and proof that it is what was sent, created by the provider's login, no earlier than
// the killed run can have sent it, held by no resource in state). The state is edited once (`pulumi
// stack export`, then `pulumi stack import`): what is found becomes a resource with its id, the other
// pending creates are dropped; `pulumi refresh` then reads each imported identity. The next `pulumi
// up` neither makes a second identity nor leaves the first unmanaged. What cannot be attributed is
// named with what to do, and nothing is changed. The vendors see reads only, except an identity a
// pending create provably made whose one-time secret was only in the lost answer: it is deleted.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { allHandlers, handlerFor } from "../provider/handlers.js";
import { createKeyOf, settlePendingCreate } from "../provider/lifecycle.js";
import type { Settings } from "../provider/settings.js";
import { VENDORS } from "../provider/vendors/index.js";
import { managedIds, settingsFromConfig } from "./orphans.js";
import { kindOfEitherToken } from "./resource-types.js";
import { explicitProviderOf, settingsOfResource, tenantOf, type StackConfigJson } from "./tenants.js";
import { CommandRunError, UsageError, messageOf } from "./errors.js";

interface StateResource {
  urn: string;
  type: string;
  id?: string;
  inputs?: Record<string, unknown>;
  /** `<provider urn>::<provider id>`, for resources of the provider plugin. */
  provider?: string;
  /** When the engine recorded the resource as created (RFC 3339), in state since Pulumi 3.9x. */
  created?: string;
}

interface Deployment {
  resources?: StateResource[];
  pending_operations?: { type: string; resource: StateResource }[];
  [more: string]: unknown;
}

/**
 * The deployment with the plan applied: each imported pending create becomes a resource with the id
 * found (its outputs start as its inputs; the refresh after the import reads them), and every settled
 * pending create leaves the pending operations.
 */
export function applyRecovery(deployment: Deployment, plan: RecoverPlan): Deployment {
  const byUrn = new Map(plan.settled.map((s) => [s.urn, s]));
  const resources = [...(deployment.resources ?? [])];
  const pending: NonNullable<Deployment["pending_operations"]> = [];
  for (const op of deployment.pending_operations ?? []) {
    const s = op.type === "creating" ? byUrn.get(op.resource.urn) : undefined;
    if (!s || s.action === "unresolved") pending.push(op);
    else if (s.action === "import") resources.push({ ...op.resource, id: s.id!, outputs: { ...(op.resource.inputs ?? {}) } } as StateResource);
  }
  return { ...deployment, resources, pending_operations: pending };
}

/** How one pending create was settled. */
export interface Settled {
  urn: string;
  kind: string;
  /** `import`: the identity it made is taken into state; `clear`: it made none; `unresolved`: named, not touched. */
  action: "import" | "clear" | "unresolved";
  id?: string;
  /** For people: what was found and what to do. */
  note: string;
  /** The tenant the create was sent to: `profile <name>` or `provider <name> (<tenant URL>)`; absent for the stack's own settings. */
  tenant?: string;
}

export interface RecoverPlan {
  stack: string;
  settled: Settled[];
}

export interface RecoverOptions {
  /** When the stack's last completed update ended (ms), from `pulumi stack history`: the killed run started later. */
  lastUpdateEnded?: number;
  /** Change nothing at the vendors. */
  dryRun?: boolean;
  /** The stack's config (secrets shown): the settings profiles pending creates name. */
  stackConfig?: StackConfigJson;
  /**
   * The state with secrets shown (`stack export --show-secrets`), where explicit providers' settings
   * are read; default: the deployment itself.
   */
  shownState?: readonly StateResource[];
}

/** The value Pulumi's state writes in place of a secret (its ciphertext): no use to a look-up. */
const SECRET_SIG = "4dabf18193072939515e22adb298388d";

/**
 * The inputs with each secret's ciphertext replaced by a stand-in: the look-ups never compare a
 * secret's value (vendors never return one), only whether one was sent (a user's password).
 */
function withoutSecrets(inputs: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(inputs).map(([k, v]) => [k, v && typeof v === "object" && SECRET_SIG in v ? "[secret]" : v]));
}

/**
 * The earliest time the killed run can have sent any of its creates: it started after the stack's
 * last completed update ended, and after the stack resource was first registered (the first thing
 * every run of a program does; the run that made it made it before any create). The later of the two.
 */
export function earliestSend(deployment: Deployment, lastUpdateEnded?: number): number | undefined {
  const stack = (deployment.resources ?? []).find((r) => r.type === "pulumi:pulumi:Stack");
  const created = stack?.created ? Date.parse(stack.created) : NaN;
  const bounds = [created, lastUpdateEnded ?? NaN].filter((t) => Number.isFinite(t));
  return bounds.length ? Math.max(...bounds) : undefined;
}

/**
 * Settles each pending create of an apiidentity kind in `deployment`, each with the settings it was
 * sent with: its profile's, its explicit provider's, else the stack's own (`settings`).
 */
export async function planRecovery(stackSettings: Settings, stack: string, deployment: Deployment, opts: RecoverOptions = {}): Promise<RecoverPlan> {
  const managed = managedIds(deployment.resources ?? []);
  const state = opts.shownState ?? [...(deployment.resources ?? []), ...(deployment.pending_operations ?? []).map((o) => o.resource)];
  const sentAfter = earliestSend(deployment, opts.lastUpdateEnded);
  const settled: Settled[] = [];
  for (const op of deployment.pending_operations ?? []) {
    const r = op.resource;
    const kind = kindOfEitherToken(r.type);
    if (op.type !== "creating" || kind === undefined || !allHandlers().some((h) => h.kind === kind)) continue;
    const key = createKeyOf(r.inputs);
    const held = managed.get(kind) ?? new Set<string>();
    const shown = state.find((s) => s.urn === r.urn) ?? r;
    const settings = settingsOfResource(shown, state, { settings: stackSettings, config: opts.stackConfig ?? {} });
    const tenant = tenantOf(shown, kind, state);
    const where = tenant === undefined ? {} : { tenant };
    const byMark = VENDORS.flatMap((v) => v.kinds).find((k) => k.kind === kind)?.settleByMark;
    if (byMark) {
      settled.push({ urn: r.urn, kind, ...(await byMark(settings, { inputs: r.inputs ?? {}, key, held })), ...where });
      continue;
    }
    if (sentAfter === undefined) {
      settled.push({ urn: r.urn, kind, action: "unresolved", note: "the state shows no time the killed run started after, so nothing can be proven: look for it by its name; if it exists, adopt it with importId, else nothing is left", ...where });
      continue;
    }
    const v = await settlePendingCreate(handlerFor(kind), settings, { inputs: withoutSecrets(r.inputs ?? {}), sentAfter, held, dryRun: opts.dryRun ?? false });
    settled.push({ urn: r.urn, kind, ...v, ...where });
  }
  return { stack, settled };
}

export function formatRecovery(p: RecoverPlan, json: boolean, applied: boolean): string {
  if (json) return JSON.stringify({ ...p, applied }, null, 2) + "\n";
  if (!p.settled.length) return `No pending creates in stack ${p.stack}: nothing to recover.\n`;
  const lines = [`Pending creates in stack ${p.stack}: ${p.settled.length}`];
  for (const s of p.settled) lines.push(`  ${s.action.padEnd(10)} ${s.urn}${s.tenant ? ` (tenant ${s.tenant})` : ""}${s.id ? ` -> ${s.id}` : ""}: ${s.note}`);
  if (p.settled.some((s) => s.action === "unresolved")) lines.push("Some pending creates cannot be attributed: settle them as said above, then run 'pulumi refresh --clear-pending-creates'.");
  if (applied) lines.push("State updated (stack export, import, refresh). Now run 'pulumi up'.");
  else if (!p.settled.some((s) => s.action === "unresolved")) lines.push("Nothing changed (--dry-run).");
  return lines.join("\n") + "\n";
}

function pulumi(args: string[], cwd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile("pulumi", [...args, "--non-interactive", "--cwd", cwd], { maxBuffer: 64 * 1024 * 1024, timeout: 600_000 }, (err, stdout, stderr) => {
      if (err) reject(new CommandRunError(`pulumi ${args[0]} failed: ${(stderr || stdout || err.message).trim().split("\n").slice(-3).join(" ").replace(/^error: /, "")}`));
      else resolve(stdout);
    });
  });
}

/** When the stack's last completed update (or refresh, or destroy) ended, from `pulumi stack history`. */
async function lastUpdateEnded(cwd: string, stack: string): Promise<number | undefined> {
  const history = JSON.parse((await pulumi(["stack", "history", "--json", "--stack", stack], cwd)) || "[]") as { endTime?: string | number }[] | null;
  const ends = (history ?? []).map((h) => (typeof h.endTime === "number" ? h.endTime * 1000 : Date.parse(String(h.endTime)))).filter((t) => Number.isFinite(t));
  return ends.length ? Math.max(...ends) : undefined;
}

/** The provider settings of the stack: its `apiidentity:*` config (secrets decrypted), then the environment; and that config. */
async function stackSettings(cwd: string, stack: string): Promise<{ settings: Settings; config: StackConfigJson }> {
  let config: Record<string, { value?: unknown }> = {};
  try {
    config = JSON.parse(await pulumi(["config", "--show-secrets", "--json", "--stack", stack], cwd)) as typeof config;
  } catch (e) {
    process.stderr.write(`apiidentity recover: the stack's config could not be read (${messageOf(e)}); using the environment only\n`);
  }
  return { settings: settingsFromConfig(config), config };
}

/** The stack's resources and pending creates with secrets shown, for the explicit providers' settings. */
async function stateWithSecrets(cwd: string, stack: string): Promise<StateResource[]> {
  const d = (JSON.parse(await pulumi(["stack", "export", "--show-secrets", "--stack", stack], cwd)) as { deployment?: Deployment }).deployment ?? {};
  return [...(d.resources ?? []), ...(d.pending_operations ?? []).map((o) => o.resource)];
}

export async function recover(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { cwd: { type: "string", default: process.cwd() }, stack: { type: "string" }, "dry-run": { type: "boolean", default: false }, json: { type: "boolean", default: false } },
  });
  const cwd = values.cwd!;
  const stack = values.stack ?? (JSON.parse(await pulumi(["stack", "ls", "--json"], cwd)) as { name: string; current: boolean }[]).find((s) => s.current)?.name;
  if (!stack) throw new UsageError(`no stack selected in ${cwd}: pass --stack NAME`);
  const exported = JSON.parse(await pulumi(["stack", "export", "--stack", stack], cwd)) as { deployment?: Deployment };
  const ended = await lastUpdateEnded(cwd, stack);
  const dryRun = values["dry-run"]!;
  const { settings, config } = await stackSettings(cwd, stack);
  const pending = (exported.deployment?.pending_operations ?? []).map((o) => o.resource);
  const all = [...(exported.deployment?.resources ?? []), ...pending];
  // An explicit provider's credentials are secret in state: read only when a pending create used one.
  const shownState = pending.some((r) => explicitProviderOf(r, all)) ? await stateWithSecrets(cwd, stack) : undefined;
  const plan = await planRecovery(settings, stack, exported.deployment ?? {}, { ...(ended === undefined ? {} : { lastUpdateEnded: ended }), dryRun, stackConfig: config, ...(shownState ? { shownState } : {}) });
  const apply = !dryRun && plan.settled.length > 0 && !plan.settled.some((s) => s.action === "unresolved");
  if (apply) {
    const dir = mkdtempSync(join(tmpdir(), "apiidentity-recover-"));
    try {
      const file = join(dir, "state.json");
      writeFileSync(file, JSON.stringify({ ...exported, deployment: applyRecovery(exported.deployment ?? {}, plan) }), { mode: 0o600 });
      await pulumi(["stack", "import", "--stack", stack, "--file", file], cwd);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    if (plan.settled.some((s) => s.action === "import")) await pulumi(["refresh", "--yes", "--skip-preview", "--stack", stack], cwd);
  }
  process.stdout.write(formatRecovery(plan, values.json!, apply));
  return plan.settled.some((s) => s.action === "unresolved") ? 1 : 0;
}
