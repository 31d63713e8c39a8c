// `apiidentity drift`: runs a refresh preview of a stack and reports, per identity that drifted,
// the property, the value in state and the value at the vendor (secrets masked).
import { execFile } from "node:child_process";
import { handlerFor } from "../provider/handlers.js";

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
}

export interface PreviewStepJson {
  op: string;
  urn: string;
  oldState?: { id?: string; type?: string; inputs?: Record<string, unknown> } | null;
  newState?: { id?: string; type?: string; inputs?: Record<string, unknown> } | null;
}

const TYPE_PREFIX = "pulumi-nodejs:dynamic/apiidentity:";
const SECRET_NAME = /password|secret|apikey|token/i;
export const MASK = "[secret]";

/** Vendor display name of a resource kind, from its handler. */
function vendorOf(kind: string): string {
  try {
    return handlerFor(kind).vendor;
  } catch {
    return kind;
  }
}

function mask(property: string, v: unknown): unknown {
  if (v === undefined || v === null) return v;
  return SECRET_NAME.test(property) ? MASK : v;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

export interface StateResourceJson {
  urn: string;
  type: string;
  id?: string;
  inputs?: Record<string, unknown>;
}

const SECRET_SIG = "4dabf18193072939515e22adb298388d";
const isSecretValue = (v: unknown) => typeof v === "object" && v !== null && SECRET_SIG in v;

/**
 * Drift = the state before the refresh against what the vendor holds now. The state comes from
 * `pulumi stack export`; the vendor's values from `pulumi preview --refresh --json`, whose steps
 * start from the refreshed state (an `update`'s old inputs are what `read` found; a `create` of a
 * resource that was in state means the identity is gone). Its `refresh` steps carry no values.
 */
export function collectDrift(state: StateResourceJson[], steps: PreviewStepJson[]): DriftItem[] {
  const before = new Map(state.filter((r) => r.type.startsWith(TYPE_PREFIX)).map((r) => [r.urn, r]));
  const items: DriftItem[] = [];
  for (const s of steps) {
    const prior = before.get(s.urn);
    if (!prior || s.op === "refresh" || s.op === "same") continue;
    const kind = prior.type.slice(TYPE_PREFIX.length);
    const base = { vendor: vendorOf(kind), kind, name: s.urn.split("::").pop() ?? s.urn, id: prior.id ?? "" };
    if (s.op === "create" || s.op === "create-replacement" || !s.oldState?.id) {
      items.push({ ...base, property: "(identity)", inState: "exists", atVendor: "deleted" });
      continue;
    }
    const inState = prior.inputs ?? {};
    const atVendor = s.oldState.inputs ?? {};
    const keys = [...new Set([...Object.keys(inState), ...Object.keys(atVendor)])].filter((k) => !k.startsWith("__")).sort();
    for (const k of keys) {
      const a = isSecretValue(inState[k]) ? MASK : inState[k];
      const b = atVendor[k];
      if (a === MASK || b === MASK || b === "[secret]") continue; // secrets cannot be compared here
      if (!same(a, b)) items.push({ ...base, property: k, inState: mask(k, a), atVendor: mask(k, b) });
    }
  }
  return items;
}

export type DriftFormat = "text" | "json" | "markdown";

const show = (v: unknown) => (v === undefined ? "(unset)" : typeof v === "string" ? v : JSON.stringify(v));

export function formatDrift(items: DriftItem[], format: DriftFormat, stack: string): string {
  const identities = [...new Set(items.map((i) => `${i.kind}/${i.name}`))];
  if (format === "json") return JSON.stringify({ stack, drifted: identities.length, items }, null, 2) + "\n";
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
    for (const i of its) lines.push(`    ${i.property}: in state ${show(i.inState)}, at the vendor ${show(i.atVendor)}`);
  }
  return lines.join("\n") + "\n";
}

export interface DriftOptions {
  cwd: string;
  stack?: string;
  pulumi?: string;
  env?: NodeJS.ProcessEnv;
}

function pulumi(o: DriftOptions, args: string[]): Promise<{ err: Error | null; stdout: string; stderr: string }> {
  const full = [...args, "--non-interactive", "--cwd", o.cwd, ...(o.stack ? ["--stack", o.stack] : [])];
  return new Promise((resolve) =>
    execFile(o.pulumi ?? "pulumi", full, { env: o.env ?? process.env, maxBuffer: 256 * 1024 * 1024 }, (err, stdout, stderr) => resolve({ err, stdout, stderr })),
  );
}

/** The stack's resources as they are in state now (before any refresh). */
export async function exportState(o: DriftOptions): Promise<StateResourceJson[]> {
  const r = await pulumi(o, ["stack", "export"]);
  if (r.err) throw new Error(`pulumi stack export failed: ${r.stderr.trim() || r.err.message}`);
  return (JSON.parse(r.stdout) as { deployment?: { resources?: StateResourceJson[] } }).deployment?.resources ?? [];
}

/** Runs `pulumi preview --refresh --json` and returns the stack name and its steps. */
export async function runRefreshPreview(o: DriftOptions): Promise<{ stack: string; steps: PreviewStepJson[] }> {
  const { err, stdout, stderr } = await pulumi(o, ["preview", "--refresh", "--json"]);
  const start = stdout.indexOf("{");
  let parsed: { steps?: PreviewStepJson[]; diagnostics?: { severity?: string; message?: string }[] } | undefined;
  try {
    parsed = start >= 0 ? (JSON.parse(stdout.slice(start)) as typeof parsed) : undefined;
  } catch {
    parsed = undefined;
  }
  const errors = parsed?.diagnostics?.filter((d) => d.severity === "error").map((d) => d.message?.trim()) ?? [];
  if (!parsed || errors.length || (err && !parsed.steps)) {
    const why = errors.join("\n") || stderr.trim() || (err ? err.message : "no JSON output");
    throw new Error(`pulumi preview --refresh failed: ${why}`);
  }
  return { stack: o.stack ?? currentStack(parsed), steps: parsed.steps ?? [] };
}

function currentStack(parsed: { steps?: PreviewStepJson[] }): string {
  const urn = parsed.steps?.[0]?.urn ?? "";
  return urn.split(":")[2] ?? "(current)";
}
