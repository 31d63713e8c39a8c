// `apiidentity drift`: runs a refresh preview of a stack and reports, per identity that drifted,
// the property, the value in state and the value at the vendor (secrets masked).
// Talks to the stack through Pulumi's Automation API: typed engine events, no parsing of CLI text.
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { LocalWorkspace, PulumiCommand, type EngineEvent, type LocalWorkspaceOptions, type StepEventMetadata, type StepEventStateMetadata } from "@pulumi/pulumi/automation/index.js";
import { specialSigKey } from "@pulumi/pulumi/runtime/rpc.js";
import { secretPropertiesOf } from "../provider/declare.js";
import { allHandlers } from "../provider/handlers.js";
import { kindOfEitherToken } from "./resource-types.js";
import { tenantOf } from "./tenants.js";
import { CommandRunError, UsageError, messageOf } from "./errors.js";

export interface DriftItem {
  vendor: string;
  kind: string;
  /** Pulumi resource name. */
  name: string;
  id: string;
  /** Input property, or `(identity)` when the identity is gone at the vendor. */
  property: string;
  inState: unknown;
  atVendor: unknown;
  /**
   * What `pulumi up` does to put the declared value back, when the engine said so (the provider
   * plugin's detailedDiff); absent for dynamic resources, whose diff the engine does not get.
   */
  change?: "update" | "replace";
  /**
   * The tenant the identity belongs to: `profile <name>`, or `provider <name> (<tenant URL>)`;
   * absent for the stack's own settings.
   */
  tenant?: string;
}

/** The part of a preview step (an engine `resourcePreEvent`) that drift reads. */
export type DriftStep = Pick<StepEventMetadata, "op" | "urn" | "detailedDiff"> & {
  old?: Partial<Pick<StepEventStateMetadata, "id" | "inputs">>;
  new?: Partial<Pick<StepEventStateMetadata, "id" | "inputs">>;
};

/** A resource as `stack export` holds it. */
export interface StateResourceJson {
  urn: string;
  type: string;
  id?: string;
  inputs?: Record<string, unknown>;
  /** `<provider urn>::<provider id>`, for resources of the provider plugin. */
  provider?: string;
}

export const MASK = "[secret]";

/**
 * Vendor display name of a resource kind: from this CLI's handlers, else from the package installed
 * in the project (the code the engine ran: it may be newer than this CLI, or carry extra kinds).
 */
function vendorOf(kind: string, projectDir: string | undefined): string {
  const own = allHandlers().find((h) => h.kind === kind);
  if (own) return own.vendor;
  if (!projectDir) return kind;
  try {
    const load = createRequire(join(projectDir, "package.json"));
    load(`pulumi-apiidentity/dist/provider/dynamic/kinds/${kind}.cjs`);
    return (load("pulumi-apiidentity/provider") as { handlerFor(k: string): { vendor: string } }).handlerFor(kind).vendor;
  } catch {
    return kind;
  }
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** A value state keeps encrypted (`{ <sig>: <secret sig>, ciphertext }`). */
const isSecretValue = (v: unknown) => typeof v === "object" && v !== null && specialSigKey in v;

/** The top-level input a detailedDiff path names (`roles[1]`, `scopes[0].name` -> roles, scopes). */
const topLevel = (path: string) => path.split(/[.[]/)[0]!;

/**
 * Drift = the state before the refresh against what the vendor holds now. The steps of a refresh
 * preview start from the refreshed state: an update's old inputs are what `read` found, and a
 * create of a resource that was in state means the identity is gone. Its `refresh` steps carry no
 * values. Declared secrets are masked; values the engine or state already hide are not compared.
 *
 * Where the step carries the engine's per-property diff (resources of the provider plugin), only
 * the properties it lists count, so the handler's own comparison decides (case of GUIDs, order of
 * sets), and each item says whether putting it back updates or replaces the identity. A property
 * in that diff whose value at the vendor is still the one in state changed in the program, not at
 * the vendor: not drift. Dynamic resources give the engine no such diff: all inputs are compared.
 */
export function collectDrift(state: StateResourceJson[], steps: DriftStep[], projectDir?: string): DriftItem[] {
  const before = new Map(state.flatMap((r) => (kindOfEitherToken(r.type) === undefined ? [] : [[r.urn, r] as const])));
  const items: DriftItem[] = [];
  for (const s of steps) {
    const prior = before.get(s.urn);
    if (!prior || s.op === "refresh" || s.op === "same") continue;
    const kind = kindOfEitherToken(prior.type)!;
    const tenant = tenantOf(prior, kind, state);
    const base = { vendor: vendorOf(kind, projectDir), kind, name: s.urn.split("::").pop() ?? s.urn, id: prior.id ?? "", ...(tenant === undefined ? {} : { tenant }) };
    if (s.op === "create" || !s.old?.id) {
      items.push({ ...base, property: "(identity)", inState: "exists", atVendor: "deleted" });
      continue;
    }
    // A replacement is three steps of one resource; its `replace` step carries the diff.
    if (s.op === "create-replacement" || s.op === "delete-replaced") continue;
    const secret = secretPropertiesOf(kind);
    const mask = (k: string, v: unknown) => (v === undefined || v === null || !secret.has(k) ? v : MASK);
    const inState = prior.inputs ?? {};
    const atVendor = (s.old.inputs ?? {}) as Record<string, unknown>;
    const engine = new Map<string, "update" | "replace">();
    for (const [path, d] of Object.entries(s.detailedDiff ?? {})) {
      const k = topLevel(path);
      if (engine.get(k) !== "replace") engine.set(k, String(d.diffKind).endsWith("-replace") ? "replace" : "update");
    }
    const keys = engine.size > 0 ? [...engine.keys()] : Object.keys(inState).concat(Object.keys(atVendor));
    for (const k of [...new Set(keys)].filter((k) => !k.startsWith("__")).sort()) {
      const a = isSecretValue(inState[k]) ? MASK : inState[k];
      const b = atVendor[k];
      if (a === MASK || b === MASK) continue; // secrets cannot be compared here
      if (same(a, b)) continue;
      const change = engine.get(k);
      items.push({ ...base, property: k, inState: mask(k, a), atVendor: mask(k, b), ...(change ? { change } : {}) });
    }
  }
  return items;
}

export type DriftFormat = "text" | "json" | "markdown";

const show = (v: unknown) => (v === undefined ? "(unset)" : typeof v === "string" ? v : JSON.stringify(v));

/** How a report names the settings of a resource without a profile or explicit provider. */
const STACK_SETTINGS = "the stack's settings";

export function formatDrift(items: DriftItem[], format: DriftFormat, stack: string): string {
  const identities = [...new Set(items.map((i) => `${i.kind}/${i.name}`))];
  if (format === "json") return JSON.stringify({ stack, drifted: identities.length, items }, null, 2) + "\n";
  // With several tenants, each identity says which it belongs to and the report is in tenant order.
  const tenants = [...new Set(items.map((i) => i.tenant ?? STACK_SETTINGS))].sort();
  if (items.some((i) => i.tenant !== undefined)) return formatPerTenant(items, format, stack, tenants);
  if (format === "markdown") {
    if (!items.length) return `### No drift in \`${stack}\`\n\nEvery identity matches the vendor.\n`;
    const esc = (v: unknown) => show(v).replace(/\|/g, "\\|").replace(/\n/g, " ");
    return [
      `### Drift in \`${stack}\`: ${identities.length} identit${identities.length === 1 ? "y" : "ies"}`,
      "",
      "| Vendor | Resource | Property | In state | At the vendor |",
      "|---|---|---|---|---|",
      ...items.map((i) => `| ${i.vendor} | ${i.kind} \`${i.name}\` | \`${i.property}\` | ${esc(i.inState)} | ${esc(i.atVendor)} |`),
      "",
      "Run `pulumi up --refresh` to put the declared values back.",
      "",
    ].join("\n");
  }
  if (!items.length) return `No drift in stack ${stack}.\n`;
  const lines = [`Drift in stack ${stack}: ${identities.length} identit${identities.length === 1 ? "y" : "ies"}`];
  for (const ident of identities) {
    const its = items.filter((i) => `${i.kind}/${i.name}` === ident);
    const f = its[0]!;
    lines.push(`  ${f.kind} ${f.name} (${f.vendor}${f.id ? `, id ${f.id}` : ""})`);
    for (const i of its) {
      const replaces = i.change === "replace" ? " (pulumi up replaces the identity)" : "";
      lines.push(`    ${i.property}: in state ${show(i.inState)}, at the vendor ${show(i.atVendor)}${replaces}`);
    }
  }
  return lines.join("\n") + "\n";
}

function formatPerTenant(items: DriftItem[], format: "text" | "markdown", stack: string, tenants: string[]): string {
  const tenantOfItem = (i: DriftItem) => i.tenant ?? STACK_SETTINGS;
  const ordered = tenants.flatMap((t) => items.filter((i) => tenantOfItem(i) === t));
  const identities = [...new Set(ordered.map((i) => `${i.kind}/${i.name}`))];
  const count = `${identities.length} identit${identities.length === 1 ? "y" : "ies"}`;
  if (format === "markdown") {
    const esc = (v: unknown) => show(v).replace(/\|/g, "\\|").replace(/\n/g, " ");
    return [
      `### Drift in \`${stack}\`: ${count} in ${tenants.length} tenant${tenants.length === 1 ? "" : "s"}`,
      "",
      "| Tenant | Vendor | Resource | Property | In state | At the vendor |",
      "|---|---|---|---|---|---|",
      ...ordered.map((i) => `| ${esc(tenantOfItem(i))} | ${i.vendor} | ${i.kind} \`${i.name}\` | \`${i.property}\` | ${esc(i.inState)} | ${esc(i.atVendor)} |`),
      "",
      "Run `pulumi up --refresh` to put the declared values back.",
      "",
    ].join("\n");
  }
  const lines = [`Drift in stack ${stack}: ${count}`, `Tenants: ${tenants.length}`];
  for (const ident of identities) {
    const its = ordered.filter((i) => `${i.kind}/${i.name}` === ident);
    const f = its[0]!;
    const where = f.tenant === undefined ? STACK_SETTINGS : `tenant ${f.tenant}`;
    lines.push(`  ${f.kind} ${f.name} (${f.vendor}${f.id ? `, id ${f.id}` : ""}, ${where})`);
    for (const i of its) {
      const replaces = i.change === "replace" ? " (pulumi up replaces the identity)" : "";
      lines.push(`    ${i.property}: in state ${show(i.inState)}, at the vendor ${show(i.atVendor)}${replaces}`);
    }
  }
  return lines.join("\n") + "\n";
}

export interface DriftOptions {
  /** The Pulumi project directory. */
  cwd: string;
  /** Stack name; default: the project's selected stack. */
  stack?: string;
  /** Path of the `pulumi` binary; default: `pulumi` on PATH. */
  pulumi?: string;
  /** Environment for the pulumi processes (added to this process's). */
  env?: Record<string, string>;
}

export interface DriftRun {
  stack: string;
  /** State before the refresh. */
  state: StateResourceJson[];
  /** Every step of the refresh preview, in the engine's order. */
  steps: DriftStep[];
  items: DriftItem[];
}

/**
 * The one line a failed pulumi command has to say: the CLI's own error text, without the command
 * line the Automation API puts in front of it (it holds nothing a reader needs).
 */
function why(e: unknown): string {
  const result = (e as { commandResult?: { stderr?: unknown } } | null)?.commandResult;
  const text = typeof result?.stderr === "string" && result.stderr.trim() ? result.stderr : messageOf(e);
  return text
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l && !/^Command failed with (exit code \d+|\w+):/.test(l))
    .map((l) => l.replace(/^error: /, ""))
    .join(" ");
}

async function workspaceOptions(o: DriftOptions): Promise<LocalWorkspaceOptions> {
  // PulumiCommand wants an install root holding bin/pulumi.
  const pulumiCommand = o.pulumi ? await PulumiCommand.get({ root: dirname(dirname(o.pulumi)) }) : undefined;
  return { workDir: o.cwd, ...(o.env ? { envVars: o.env } : {}), ...(pulumiCommand ? { pulumiCommand } : {}) };
}

/** Exports the stack's state, runs a refresh preview (nothing is changed) and collects the drift. */
export async function runDrift(o: DriftOptions): Promise<DriftRun> {
  let opts: LocalWorkspaceOptions;
  let ws: LocalWorkspace;
  try {
    opts = await workspaceOptions(o);
    ws = await LocalWorkspace.create(opts);
  } catch (e) {
    throw new CommandRunError(`the pulumi CLI could not be run (${why(e)}): install it and put it on PATH`, { cause: e });
  }
  const stack = o.stack ?? (await ws.stack())?.name;
  if (!stack) throw new UsageError(`no stack selected in ${o.cwd}: pass --stack NAME`);

  let state: StateResourceJson[];
  try {
    // The Automation API exports with --show-secrets; secrets still carry Pulumi's secret signature
    // (with `plaintext` instead of `ciphertext`), so collectDrift masks them all the same.
    const exported = (await ws.exportStack(stack)) as { deployment?: { resources?: StateResourceJson[] } };
    state = exported.deployment?.resources ?? [];
  } catch (e) {
    throw new CommandRunError(`pulumi stack export failed: ${why(e)}`, { cause: e });
  }

  const steps: DriftStep[] = [];
  const errors: string[] = [];
  const onEvent = (e: EngineEvent) => {
    if (e.resourcePreEvent) steps.push(e.resourcePreEvent.metadata);
    if (e.diagnosticEvent?.severity === "error") errors.push(e.diagnosticEvent.message.trim());
  };
  try {
    const selected = await LocalWorkspace.selectStack({ stackName: stack, workDir: o.cwd }, opts);
    await selected.preview({ refresh: true, onEvent });
  } catch (e) {
    throw new CommandRunError(`pulumi preview --refresh failed: ${errors.join(" ") || why(e)}`, { cause: e });
  }
  return { stack, state, steps, items: collectDrift(state, steps, o.cwd) };
}
