// The rules of `apiidentity audit`: which identities are unmanaged, stale, or privileged and
// unmanaged. Pure functions of an identity, the stale threshold and the time of the audit.
import type { AuditFinding, AuditIdentity } from "./audit-report.js";

const DAY_MS = 86_400_000;

/** Whole days from `from` to `now`; undefined when `from` is not a time. */
export function daysSince(from: string, now: Date): number | undefined {
  const t = Date.parse(from);
  return Number.isNaN(t) ? undefined : Math.floor((now.getTime() - t) / DAY_MS);
}

/** More than `days` days before `now` (exactly `days` days is not). */
function olderThan(at: string, days: number, now: Date): boolean {
  const t = Date.parse(at);
  return !Number.isNaN(t) && now.getTime() - t > days * DAY_MS;
}

/** The roles that match one of the vendor's administrative names (exact) or patterns. */
export function privilegedAmong(roles: readonly string[], administrative: readonly (string | RegExp)[]): string[] {
  return roles.filter((r) => administrative.some((a) => (typeof a === "string" ? a === r : a.test(r))));
}

const isUnmanaged = (i: AuditIdentity) => !i.self && i.managedBy.length === 0;

/** Why an identity is stale, or undefined: used more than N days ago, or never used and made more than N days ago. */
export function staleReason(i: AuditIdentity, staleDays: number, now: Date): string | undefined {
  if (i.lastUsed.status === "used") return olderThan(i.lastUsed.at, staleDays, now) ? `last used ${i.lastUsed.at.slice(0, 10)}, more than ${staleDays} days ago` : undefined;
  if (i.lastUsed.status === "never" && i.createdAt !== null) return olderThan(i.createdAt, staleDays, now) ? `never used, made ${i.createdAt.slice(0, 10)}, more than ${staleDays} days ago` : undefined;
  return undefined;
}

const where = (i: AuditIdentity) => ({ vendor: i.vendor, tenant: i.tenant, kind: i.kind, id: i.id, name: i.name });

/** The findings of one identity, in the order unmanaged, stale, privileged-unmanaged. */
export function findingsOf(i: AuditIdentity, staleDays: number, now: Date): AuditFinding[] {
  const out: AuditFinding[] = [];
  const what = `${i.kind} '${i.name}' (id ${i.id})`;
  if (isUnmanaged(i)) {
    out.push({ rule: "unmanaged", ...where(i), message: `${what} is in no given stack: adopt it (apiidentity discover, then pulumi import) or delete it at ${i.vendor}` });
  }
  const stale = staleReason(i, staleDays, now);
  if (stale) out.push({ rule: "stale", ...where(i), message: `${what} is ${stale}: remove it if nothing needs it` });
  if (isUnmanaged(i) && i.privilegedRoles.length) {
    out.push({ rule: "privileged-unmanaged", ...where(i), message: `${what} holds ${i.privilegedRoles.join(", ")} and no stack manages it: review it first` });
  }
  return out;
}

/** The one note for a vendor's tenant whose identities carry no last use. */
export function unknownFinding(vendor: string, tenant: string): AuditFinding {
  return { rule: "unknown", vendor, tenant, message: `last use is not reported by ${vendor}: staleness of its identities cannot be judged here` };
}

/** Whether the findings change the exit code: any but unknown, which is a fact about the vendor. */
export const hasFindings = (findings: readonly AuditFinding[]) => findings.some((f) => f.rule !== "unknown");
