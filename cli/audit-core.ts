// The core of `apiidentity audit`: lists every identity of the given vendor modules at each tenant
// (only their `audit.inventory`, which reads), matches each against the resources of the given stacks
// by kind, tenant and vendor id, and applies the rules. The modules and tenants are parameters, so tests
// run it against fake modules or the sandbox.
import type { Settings } from "../provider/settings.js";
import type { VendorModule } from "../provider/vendor-module.js";
import { daysSince, findingsOf, privilegedAmong, unknownFinding } from "./audit-findings.js";
import { AUDIT_SCHEMA_VERSION, type AuditFinding, type AuditIdentity, type AuditReport, type AuditTenantScan } from "./audit-report.js";
import { CommandRunError, messageOf } from "./errors.js";
import { tenantUrl } from "./tenants.js";

/** A vendor module as the audit uses it. */
export type AuditVendor = Pick<VendorModule, "name" | "displayName" | "settings" | "configuredBy" | "kinds" | "audit">;

/** One source of settings: the stack's own (`stack NAME`), a settings profile, an explicit provider. */
export interface TenantSource {
  source: string;
  settings: Settings;
}

/** A resource of a given stack, with the tenant URL its settings address (undefined: they name none). */
export interface ManagedResource {
  stack: string;
  urn: string;
  kind: string;
  id: string;
  tenant: string | undefined;
}

export interface AuditRun {
  vendors: readonly AuditVendor[];
  sources: readonly TenantSource[];
  managed: readonly ManagedResource[];
  stacks: readonly string[];
  staleDays: number;
  now: Date;
  /** Progress for people (stderr), never part of the report. */
  progress?: (line: string) => void;
}

/** Tenant URLs compare without case and trailing slashes. */
export const tenantKey = (url: string | undefined) => (url ?? "").toLowerCase().replace(/\/+$/, "");

const isConfigured = (v: AuditVendor, s: Settings) => v.configuredBy.every((name) => (s as Readonly<Record<string, string | undefined>>)[name] !== undefined);

/** The vendor's tenants among the sources, one per URL, each with the sources that name it; and the sources that do not configure it. */
export function tenantsOfVendor(v: AuditVendor, sources: readonly TenantSource[]): { tenants: { url: string; sources: string[]; settings: Settings }[]; unconfigured: string[] } {
  const tenants: { url: string; sources: string[]; settings: Settings }[] = [];
  const unconfigured: string[] = [];
  for (const s of sources) {
    const url = tenantUrl(v, s.settings);
    if (!isConfigured(v, s.settings) || url === undefined) {
      unconfigured.push(s.source);
      continue;
    }
    const same = tenants.find((t) => tenantKey(t.url) === tenantKey(url));
    if (same) {
      if (!same.sources.includes(s.source)) same.sources.push(s.source);
    } else tenants.push({ url, sources: [s.source], settings: s.settings });
  }
  return { tenants, unconfigured };
}

/** What to do when a vendor's tenant could not be listed. */
function failure(v: AuditVendor, url: string, sources: readonly string[], e: unknown): CommandRunError {
  const profile = sources.find((s) => s.startsWith("profile "))?.slice("profile ".length);
  const provider = sources.find((s) => s.startsWith("provider "))?.slice("provider ".length);
  const choice = profile !== undefined && !sources.some((s) => s.startsWith("stack ")) ? ` --profile ${profile}` : provider !== undefined && !sources.some((s) => s.startsWith("stack ")) ? ` --provider ${provider}` : "";
  return new CommandRunError(
    `${v.displayName} at ${url} (${sources.join(", ")}) could not be listed: ${messageOf(e)}. Check that tenant's settings and reach with 'apiidentity check ${v.name}${choice}', then run the audit again; nothing was changed at any vendor.`,
    { cause: e },
  );
}

/** Runs the audit; throws a CommandRunError naming the vendor and tenant when a list fails. */
export async function runAuditCore(run: AuditRun): Promise<AuditReport> {
  const tenants: AuditTenantScan[] = [];
  const identities: AuditIdentity[] = [];
  const findings: AuditFinding[] = [];
  for (const v of run.vendors) {
    const { tenants: found, unconfigured } = tenantsOfVendor(v, run.sources);
    const support = v.audit;
    const lastUsedField = support.lastUsed?.field ?? null;
    if (unconfigured.length) {
      run.progress?.(`${v.displayName}: not configured for ${unconfigured.join(", ")}, skipped`);
      tenants.push({ vendor: v.displayName, tenant: null, sources: unconfigured, status: "not configured", listed: 0, lastUsedField });
    }
    for (const t of found) {
      run.progress?.(`${v.displayName} at ${t.url} (${t.sources.join(", ")}): listing`);
      let entries;
      try {
        entries = await support.inventory(t.settings, (n) => run.progress?.(`${v.displayName} at ${t.url}: ${n} listed`));
      } catch (e) {
        throw failure(v, t.url, t.sources, e);
      }
      tenants.push({ vendor: v.displayName, tenant: t.url, sources: t.sources, status: "audited", listed: entries.length, lastUsedField });
      if (!support.lastUsed) findings.push(unknownFinding(v.displayName, t.url));
      for (const e of entries) {
        const holders = run.managed.filter((m) => m.kind === e.kind && m.id === e.id && tenantKey(m.tenant) === tenantKey(t.url));
        const identity: AuditIdentity = {
          kind: e.kind,
          vendor: v.displayName,
          tenant: t.url,
          id: e.id,
          name: e.name,
          self: e.self === true,
          managedBy: holders.map((m) => ({ stack: m.stack, urn: m.urn })),
          createdAt: e.createdAt ?? null,
          ageDays: e.createdAt === undefined ? null : (daysSince(e.createdAt, run.now) ?? null),
          lastUsed: !support.lastUsed || e.lastUsedAt === undefined ? { status: "not reported" } : e.lastUsedAt === null ? { status: "never" } : { status: "used", at: e.lastUsedAt },
          roles: [...e.roles],
          privilegedRoles: privilegedAmong(e.roles, support.administrative),
        };
        identities.push(identity);
        findings.push(...findingsOf(identity, run.staleDays, run.now));
      }
    }
  }
  return { schemaVersion: AUDIT_SCHEMA_VERSION, generatedAt: run.now.toISOString(), staleDays: run.staleDays, stacks: [...run.stacks], tenants, identities, findings };
}
