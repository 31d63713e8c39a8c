// `apiidentity audit [vendor…] [--stack NAME]… [--profile NAME]… [--stale-days N] [--format text|json|markdown] [--cwd DIR]`:
// every identity of the named vendors (default: all) at each tenant the stacks' settings, the profiles
// and the explicit providers address, marked managed or not by the given stacks' state, with its last
// use, age and administrative roles, and the findings (audit-findings.ts). Read-only: the stacks are
// exported and their config read through the Automation API; at the vendors only the modules'
// inventory calls run. Report on stdout, progress on stderr.
import { parseArgs } from "node:util";
import { ConfigurationError } from "../provider/errors.js";
import { VENDORS } from "../provider/vendors/index.js";
import { runAuditCore, type AuditVendor } from "./audit-core.js";
import { hasFindings } from "./audit-findings.js";
import { formatAudit, type AuditFormat } from "./audit-format.js";
import type { AuditReport } from "./audit-report.js";
import { managedOf, sourcesOf, type StackState } from "./audit-tenants.js";
import { CommandRunError, UsageError, messageOf } from "./errors.js";
import { pulumiSaid, stacksOrSelected, workspaceAt } from "./workspace.js";
import { settingsFromConfig } from "./orphans.js";
import type { StackConfigJson, TenantStateResource } from "./tenants.js";
import { vendorKey } from "./vendor-keys.js";

export const DEFAULT_STALE_DAYS = 90;

export interface AuditOptions {
  cwd: string;
  /** Stack names; default: the project's selected stack. */
  stacks: string[];
  profiles: string[];
  /** Vendor one names; empty: every vendor. */
  vendors: string[];
  staleDays: number;
  format: AuditFormat;
  /** Environment for the settings and the pulumi processes (added to this process's). */
  env?: Record<string, string>;
  now?: Date;
  progress?: (line: string) => void;
}

/** The options from the command line; a UsageError for what the command cannot do. */
export function parseAuditArgs(args: string[], registry: readonly Pick<AuditVendor, "name">[] = VENDORS): AuditOptions {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      cwd: { type: "string", default: process.cwd() },
      stack: { type: "string", multiple: true },
      profile: { type: "string", multiple: true },
      "stale-days": { type: "string", default: String(DEFAULT_STALE_DAYS) },
      format: { type: "string", default: "text" },
    },
  });
  const format = values.format as AuditFormat;
  if (!["text", "json", "markdown"].includes(format)) throw new UsageError(`--format must be text, json or markdown, not '${format}'`);
  const days = values["stale-days"]!;
  if (!/^\d+$/.test(days)) throw new UsageError(`--stale-days must be a whole number of days, not '${days}'`);
  const names = registry.map((v) => v.name);
  const vendors = positionals.map((p) => {
    const key = vendorKey(p);
    if (!names.includes(key)) throw new UsageError(`unknown vendor '${p}': use one or more of ${names.join(", ")}, or none for all`);
    return key;
  });
  return { cwd: values.cwd!, stacks: values.stack ?? [], profiles: values.profile ?? [], vendors: [...new Set(vendors)], staleDays: Number(days), format };
}

/** Reads the stacks' config and state (secrets shown: explicit providers' credentials are in state). */
async function readStacks(o: AuditOptions): Promise<StackState[]> {
  const ws = await workspaceAt(o.cwd, o.env);
  const names = await stacksOrSelected(ws, o.stacks, o.cwd);
  const env = { ...process.env, ...o.env };
  const out: StackState[] = [];
  for (const stack of names) {
    try {
      const exported = (await ws.exportStack(stack)) as { deployment?: { resources?: (TenantStateResource & { id?: string })[] } };
      const config = (await ws.getAllConfig(stack)) as StackConfigJson;
      out.push({ stack, settings: settingsFromConfig(config, env), config, resources: exported.deployment?.resources ?? [] });
    } catch (e) {
      throw new CommandRunError(`reading stack ${stack} failed: ${pulumiSaid(e)}`, { cause: e });
    }
  }
  return out;
}

/** The audit of the given vendor modules against the stacks of `o` (default modules: the registry's). */
export async function runAudit(o: AuditOptions, registry: readonly AuditVendor[] = VENDORS): Promise<AuditReport> {
  const stacks = await readStacks(o);
  const env = { ...process.env, ...o.env };
  let sources;
  try {
    sources = sourcesOf(stacks, o.profiles, env);
  } catch (e) {
    if (e instanceof ConfigurationError) throw new UsageError(messageOf(e), { cause: e });
    throw e;
  }
  return runAuditCore({
    vendors: o.vendors.length ? registry.filter((v) => o.vendors.includes(v.name)) : registry,
    sources,
    managed: managedOf(stacks, registry, env),
    stacks: stacks.map((s) => s.stack),
    staleDays: o.staleDays,
    now: o.now ?? new Date(),
    ...(o.progress ? { progress: o.progress } : {}),
  });
}

export interface AuditIo {
  run(o: AuditOptions): Promise<AuditReport>;
  stdout(text: string): void;
  stderr(text: string): void;
}

const processIo: AuditIo = { run: (o) => runAudit(o), stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) };

/** The command: exit 0 without findings, 1 with findings; errors are thrown (main prints them, exit 2). */
export async function audit(args: string[], io: AuditIo = processIo): Promise<number> {
  const o = parseAuditArgs(args);
  const report = await io.run({ ...o, progress: (line) => io.stderr(`audit: ${line}\n`) });
  io.stdout(formatAudit(report, o.format));
  return hasFindings(report.findings) ? 1 : 0;
}
