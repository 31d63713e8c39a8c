// `apiidentity check [vendor…] [--write] [--json]`: tries the vendor contract the provider relies
// on against a real tenant, with the provider's own settings. Read-only unless --write.
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { TENANT_OPTIONS, chosenTenant } from "./tenant-option.js";
import { runProbe, type Finding, type LastUseReport, type Probe, type VendorReport } from "../provider/probe.js";
import { environmentSettings, type Settings } from "../provider/settings.js";
import { VENDORS } from "../provider/vendors/index.js";
import { vendorKey } from "./vendor-keys.js";
import { UsageError } from "./errors.js";

/** Settings that show a vendor is configured at all (checked when no vendor is named), by one name. */
const CONFIGURED_BY = new Map<string, readonly string[]>(VENDORS.map((v) => [v.name, v.configuredBy]));

export interface CheckRun {
  reports: VendorReport[];
  /** 0: nothing contradicted; 1: a vendor contradicts the contract; 2: a check could not run. */
  exitCode: number;
}

/** Exit code of a set of reports: a contradiction outranks a check that could not run. */
export function exitCodeOf(reports: readonly VendorReport[]): number {
  if (reports.some((r) => r.status === "contradiction")) return 1;
  if (reports.some((r) => r.status === "error")) return 2;
  return 0;
}

export function throwAwayName(): string {
  return `apiidentity-check-${randomBytes(4).toString("hex")}`;
}

/**
 * The probes to run: the named vendors, or every vendor with settings when none is named. Throws
 * for an unknown name or when nothing is configured.
 */
export function selectProbes(names: readonly string[], probes: readonly Probe[], settings: Settings): Probe[] {
  const byKey = new Map(probes.map((p) => [p.key, p]));
  if (names.length > 0) {
    return names.map((n) => {
      const p = byKey.get(vendorKey(n));
      if (!p) throw new UsageError(`unknown vendor '${n}': use one or more of ${probes.map((x) => x.key).join(", ")}`);
      return p;
    });
  }
  const configured = probes.filter((p) => (CONFIGURED_BY.get(p.key) ?? []).some((s) => (settings as Readonly<Record<string, string | undefined>>)[s] !== undefined));
  if (configured.length === 0) {
    throw new UsageError(
      `no vendor is configured: set the provider settings of at least one vendor (stack config keys apiidentity:* or their environment variables, see the README), or name vendors: ${probes.map((p) => p.key).join(", ")}`,
    );
  }
  return configured;
}

export async function runChecks(
  probes: readonly Probe[],
  options: { write: boolean; settings: Settings; progress?: (line: string) => void },
): Promise<CheckRun> {
  const reports: VendorReport[] = [];
  for (const p of probes) {
    const started = Date.now();
    options.progress?.(`checking ${p.vendor}${options.write ? " (with a write trial)" : ""}…`);
    const r = await runProbe(p, { write: options.write, throwAwayName: throwAwayName(), settings: options.settings });
    options.progress?.(`${p.vendor}: ${STATUS_WORDS[r.status]} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    reports.push(r);
  }
  return { reports, exitCode: exitCodeOf(reports) };
}

const STATUS_WORDS: Record<VendorReport["status"], string> = {
  ok: "ok",
  contradiction: "CONTRADICTS the contract",
  error: "could not run",
};

const MARK: Record<Finding["verdict"], string> = { confirmed: "confirmed   ", contradicted: "CONTRADICTED", open: "open        " };

/** What `apiidentity audit` will be able to say about last use at this tenant. */
export function lastUseWords(l: LastUseReport): string {
  switch (l.state) {
    case "reported":
      return `reported (${l.field})`;
    case "not reported":
      return l.detail;
    case "not seen":
      return `${l.field} not seen — ${l.detail}`;
    case "missing":
      return `${l.field} missing — ${l.detail}; the audit will report last use as unknown here`;
  }
}

export function formatText(reports: readonly VendorReport[]): string {
  const out: string[] = [];
  for (const r of reports) {
    out.push(`${r.vendor} (${r.key}): ${STATUS_WORDS[r.status]}`);
    out.push(`  authentication: ${r.auth.ok ? "ok" : "failed"} — ${r.auth.detail}`);
    if (r.error) out.push(`  could not run: ${r.error}`);
    if (r.permissions.length) {
      out.push("  permissions the provider needs:");
      for (const p of r.permissions) out.push(`    ${p.state.padEnd(7)} ${p.name} (for ${p.neededFor})${p.detail ? ` — ${p.detail}` : ""}`);
    }
    if (r.findings.length) {
      out.push("  contract:");
      for (const f of r.findings) out.push(`    ${MARK[f.verdict]} ${f.topic}${f.inferred ? " [inferred]" : ""} — ${f.detail}`);
    }
    if (r.lastUse) out.push(`  last use: ${lastUseWords(r.lastUse)}`);
    if (r.write) {
      const w = r.write;
      const steps = [w.created && "created", w.updated && "updated", w.deleted && "deleted", w.confirmedGone && "confirmed gone"].filter(Boolean);
      out.push(`  write trial with '${w.name}': ${steps.length ? steps.join(", ") : "nothing done"}${w.problem ? ` — ${w.problem}` : ""}`);
    }
    out.push("");
  }
  const count = (s: VendorReport["status"]) => reports.filter((r) => r.status === s).length;
  out.push(`check: ${count("ok")} ok, ${count("contradiction")} contradicting, ${count("error")} could not run`);
  return out.join("\n") + "\n";
}

/** `settings`: the provider settings to check with; the CLI's are its environment's. */
export async function check(args: string[], probes?: readonly Probe[], settings: Settings = environmentSettings()): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { write: { type: "boolean", default: false }, json: { type: "boolean", default: false }, ...TENANT_OPTIONS },
  });
  // --profile or --provider: that tenant's settings, from the stack, instead of the environment's.
  const chosen = await chosenTenant({ cwd: values.cwd!, ...(values.stack ? { stack: values.stack } : {}), ...(values.profile ? { profile: values.profile } : {}), ...(values.provider ? { provider: values.provider } : {}) });
  if (chosen) settings = chosen.settings;
  const all = probes ?? (await import("../provider/probes.js")).allProbes();
  const selected = selectProbes(positionals, all, settings);
  const run = await runChecks(selected, { write: values.write!, settings, progress: (l) => process.stderr.write(`apiidentity check: ${l}\n`) });
  const tenant = chosen ? { tenant: chosen.tenant } : {};
  process.stdout.write(values.json ? JSON.stringify({ exitCode: run.exitCode, ...tenant, vendors: run.reports }, null, 2) + "\n" : (chosen ? `Tenant: ${chosen.tenant}\n` : "") + formatText(run.reports));
  return run.exitCode;
}
