// `apiidentity orphans [--cwd DIR] [--stack NAME]... [--json]`: lists the identities at each
// configured vendor that carry this provider's marks but are in no state of the given stacks, so a
// team can clean up after a crash it did not see (a killed `pulumi up`, a `pulumi state delete`).
// Read-only: the stacks are exported through the Automation API, the vendors are only listed.
// Which vendors hold a mark, and how it is read, their vendor modules say (`orphans`); the kinds of
// the others store no mark at their vendor, so no identity there can be attributed.
import { parseArgs } from "node:util";
import { resolveSettings, type Settings } from "../provider/settings.js";
import type { Marked } from "../provider/vendor-module.js";
import { VENDORS } from "../provider/vendors/index.js";
import { kindOfEitherToken } from "./resource-types.js";
import { explicitProviderOf, profileSettingsOf, providerSettings, PROVIDER_TYPE, type StackConfigJson, type TenantStateResource } from "./tenants.js";
import { CommandRunError, UsageError } from "./errors.js";
import { pulumiSaid, stacksOrSelected, workspaceAt } from "./workspace.js";

/** An identity at a vendor that carries the provider's mark and is in none of the stacks' states. */
export interface Orphan {
  vendor: string;
  kind: string;
  id: string;
  /** The vendor's name of it (client name, username). */
  name: string;
  /** The mark it carries. */
  mark: string;
  /** The tenant it was found at: `profile <name>` or `provider <name>`; absent for the stacks' own settings. */
  tenant?: string;
}

/** What was looked at, per vendor. */
export interface VendorScan {
  vendor: string;
  kind: string;
  /** `checked`: listed; `not configured`: no settings for it; `no mark`: the kind stores none. */
  status: "checked" | "not configured" | "no mark";
  /** Identities that carry the mark (managed or not). */
  marked: number;
  /** The tenant scanned, as on `Orphan`. */
  tenant?: string;
}

export interface OrphanReport {
  stacks: string[];
  vendors: VendorScan[];
  orphans: Orphan[];
}

/** Ids of every apiidentity resource in the exported states, by kind. */
export function managedIds(resources: readonly { type: string; id?: string }[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const r of resources) {
    const kind = kindOfEitherToken(r.type);
    if (kind === undefined || !r.id) continue;
    if (!out.has(kind)) out.set(kind, new Set());
    out.get(kind)!.add(r.id);
  }
  return out;
}

/** The marked identities of one vendor's kind that no state holds. */
export function orphansAmong(vendor: string, kind: string, marked: readonly Marked[], managed: ReadonlySet<string>): Orphan[] {
  return marked.filter((m) => !managed.has(m.id)).map((m) => ({ vendor, kind, id: m.id, name: m.name, mark: m.mark }));
}

/** Lists every marking vendor's marked identities and keeps those in none of `resources` (the stacks' states). */
export async function scanOrphans(settings: Settings, stacks: string[], resources: readonly { type: string; id?: string }[]): Promise<OrphanReport> {
  const managed = managedIds(resources);
  const vendors: VendorScan[] = [];
  const orphans: Orphan[] = [];
  for (const v of VENDORS) {
    const support = v.orphans;
    if (!support) {
      for (const k of v.kinds) vendors.push({ vendor: v.displayName, kind: k.kind, status: "no mark", marked: 0 });
      continue;
    }
    if (!support.configured(settings)) {
      vendors.push({ vendor: v.displayName, kind: support.kind, status: "not configured", marked: 0 });
      continue;
    }
    const marked = await support.marked(settings);
    vendors.push({ vendor: v.displayName, kind: support.kind, status: "checked", marked: marked.length });
    orphans.push(...orphansAmong(v.displayName, support.kind, marked, managed.get(support.kind) ?? new Set()));
  }
  return { stacks, vendors, orphans };
}

/** One tenant to scan: its label (none: the stacks' own settings) and the settings that address it. */
export interface TenantToScan {
  tenant?: string;
  settings: Settings;
}

/** The tenant label of a resource in state, as `TenantToScan` names it. */
function tenantLabelOf(r: TenantStateResource, state: readonly TenantStateResource[]): string | undefined {
  const profile = r.inputs?.profile;
  if (typeof profile === "string" && profile !== "") return `profile ${profile}`;
  const provider = explicitProviderOf(r, state);
  return provider ? `provider ${provider.urn.split("::").pop()}` : undefined;
}

/**
 * The tenants the stacks manage identities at: the stacks' own settings, then each settings profile
 * (from the config of the stack whose resource names it) and each explicit provider (its settings from
 * state, secrets shown) that a resource names, in the order of their names.
 */
export function tenantsOfStacks(perStack: readonly { stack: string; settings: Settings; config: StackConfigJson }[], resources: readonly TenantStateResource[]): TenantToScan[] {
  const out: TenantToScan[] = [{ settings: settingsForStacks(perStack) }];
  const seen = new Set<string>();
  for (const r of resources) {
    if (kindOfEitherToken(r.type) === undefined) continue;
    const label = tenantLabelOf(r, resources);
    if (label === undefined || seen.has(label)) continue;
    seen.add(label);
    const profile = r.inputs?.profile;
    if (typeof profile === "string") {
      const stack = perStack.find((s) => r.urn.startsWith(`urn:pulumi:${s.stack}::`)) ?? perStack[0]!;
      out.push({ tenant: label, settings: profileSettingsOf(stack.config, profile) });
    } else {
      out.push({ tenant: label, settings: providerSettings(explicitProviderOf(r, resources)!.inputs ?? {}) });
    }
  }
  // In the order of their names, whatever the order of state: reports compare from run to run.
  return [out[0]!, ...out.slice(1).sort((x, y) => x.tenant!.localeCompare(y.tenant!))];
}

/** Scans each tenant with its settings; an identity is managed only by a resource of the same tenant. */
export async function scanTenants(tenants: readonly TenantToScan[], stacks: string[], resources: readonly TenantStateResource[]): Promise<OrphanReport> {
  const report: OrphanReport = { stacks, vendors: [], orphans: [] };
  for (const t of tenants) {
    const mine = resources.filter((r) => r.type !== PROVIDER_TYPE && tenantLabelOf(r, resources) === t.tenant) as { type: string; id?: string }[];
    const r = await scanOrphans(t.settings, stacks, mine);
    const tag = <T extends object>(x: T): T => (t.tenant === undefined ? x : { ...x, tenant: t.tenant });
    report.vendors.push(...r.vendors.map(tag));
    report.orphans.push(...r.orphans.map(tag));
  }
  return report;
}

export function formatOrphans(r: OrphanReport, json: boolean): string {
  if (json) return JSON.stringify(r, null, 2) + "\n";
  const lines: string[] = [];
  const where = `stack${r.stacks.length > 1 ? "s" : ""} ${r.stacks.join(", ")}`;
  lines.push(r.orphans.length ? `${r.orphans.length} orphan${r.orphans.length > 1 ? "s" : ""}: marked by this provider, in no state of ${where}` : `No orphans: every marked identity is in the state of ${where}.`);
  for (const o of r.orphans) lines.push(`  ${o.kind} '${o.name}' (${o.vendor}, id ${o.id}${o.tenant ? `, tenant ${o.tenant}` : ""}, ${o.mark}): adopt it with importId: "${o.id}" or delete it`);
  for (const v of r.vendors) {
    const what = v.status === "checked" ? `${v.marked} marked identit${v.marked === 1 ? "y" : "ies"} checked` : v.status === "not configured" ? "not configured, not checked" : "stores no mark of this provider, cannot be attributed";
    lines.push(`  ${v.vendor} (${v.kind}${v.tenant ? `, tenant ${v.tenant}` : ""}): ${what}`);
  }
  return lines.join("\n") + "\n";
}

/**
 * The provider settings from a stack's config as `pulumi config --show-secrets --json` prints it
 * (`{"apiidentity:<name>": {value, secret}}`), then the environment, as the provider resolves them.
 */
export function settingsFromConfig(config: Readonly<Record<string, { value?: unknown }>>, env: Readonly<Record<string, string | undefined>> = process.env): Settings {
  return resolveSettings({
    config: (key) => {
      const v = config[key]?.value;
      return typeof v === "string" ? v : undefined;
    },
    env,
  });
}

/**
 * The settings to scan with for several stacks: those of the first stack that names a tenant of a
 * marking vendor. Orphans are judged against the states of all the given stacks, so they must manage
 * one tenant of each such vendor; stacks of different tenants are refused (their credentials may differ).
 */
export function settingsForStacks(perStack: readonly { stack: string; settings: Settings }[]): Settings {
  let chosen: { stack: string; settings: Settings } | undefined;
  for (const v of VENDORS) {
    const support = v.orphans;
    if (!support) continue;
    const withTenant = perStack.flatMap((s) => {
      const tenant = support.tenant(s.settings);
      return tenant === undefined ? [] : [{ ...s, tenant }];
    });
    const first = withTenant[0];
    if (!first) continue;
    const other = withTenant.find((s) => s.tenant !== first.tenant);
    if (other) {
      throw new UsageError(
        `stacks ${first.stack} and ${other.stack} manage different ${v.displayName} tenants (${first.tenant}, ${other.tenant}): an identity is an orphan only against the stacks of its own tenant. Run 'apiidentity orphans' once per tenant, with a --stack for each stack of it.`,
      );
    }
    chosen ??= first;
  }
  return (chosen ?? perStack[0]!).settings;
}

export interface OrphanOptions {
  cwd: string;
  /** Stack names; default: the project's selected stack. */
  stacks: string[];
  /** Default: the stacks' `apiidentity:*` config (secrets decrypted), then the environment (settingsForStacks). */
  settings?: Settings;
  /** Scan only this settings profile's tenant (from the first stack's `apiidentity:profiles`). */
  profile?: string;
  /** Environment for the pulumi processes (added to this process's). */
  env?: Record<string, string>;
}

/** Exports each stack (read-only) and scans the configured vendors. */
export async function runOrphans(o: OrphanOptions): Promise<OrphanReport> {
  const ws = await workspaceAt(o.cwd, o.env);
  const stacks = await stacksOrSelected(ws, o.stacks, o.cwd);
  const resources: (TenantStateResource & { id?: string })[] = [];
  for (const stack of stacks) {
    try {
      // Secrets shown: an explicit provider's credentials are read from its state.
      const exported = (await ws.exportStack(stack)) as { deployment?: { resources?: (TenantStateResource & { id?: string })[] } };
      resources.push(...(exported.deployment?.resources ?? []));
    } catch (e) {
      throw new CommandRunError(`pulumi stack export --stack ${stack} failed: ${pulumiSaid(e)}`, { cause: e });
    }
  }
  const env = { ...process.env, ...o.env };
  if (o.settings) return scanOrphans(o.settings, stacks, resources);
  const perStack: { stack: string; settings: Settings; config: StackConfigJson }[] = [];
  for (const stack of stacks) {
    const config = await ws.getAllConfig(stack);
    perStack.push({ stack, settings: settingsFromConfig(config, env), config });
  }
  const tenants = o.profile === undefined ? tenantsOfStacks(perStack, resources) : [{ tenant: `profile ${o.profile}`, settings: profileSettingsOf(perStack[0]!.config, o.profile, env) }];
  return scanTenants(tenants, stacks, resources);
}

/** The command: exit 0 no orphan, 1 orphans, (2 error: thrown, main prints it). */
export async function orphans(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { cwd: { type: "string", default: process.cwd() }, stack: { type: "string", multiple: true }, profile: { type: "string" }, json: { type: "boolean", default: false } },
  });
  const report = await runOrphans({ cwd: values.cwd!, stacks: values.stack ?? [], ...(values.profile ? { profile: values.profile } : {}) });
  process.stdout.write(formatOrphans(report, values.json!));
  return report.orphans.length ? 1 : 0;
}
