// The report of `apiidentity audit` as one zod schema: the JSON format prints a value of it, and
// scripts/gen-audit-schema.mjs writes docs/audit-report.schema.json from it, so the documented schema
// is the one the command is tested against. A change that breaks readers of it raises schemaVersion.
import * as z from "zod";

export const AUDIT_SCHEMA_VERSION = 1;

export const FINDING_RULES = ["unmanaged", "stale", "privileged-unmanaged", "unknown"] as const;

const lastUsed = z
  .discriminatedUnion("status", [
    z.object({ status: z.literal("used"), at: z.string().describe("When it was last used (ISO 8601).") }),
    z.object({ status: z.literal("never").describe("The vendor reports that it was never used.") }),
    z.object({ status: z.literal("not reported").describe("The vendor does not report use, or not for this identity.") }),
  ])
  .describe("Last use, as the vendor reports it.");

export const auditIdentitySchema = z
  .object({
    kind: z.string().describe("The resource kind: the type name of its Pulumi resource."),
    vendor: z.string().describe("The vendor's display name."),
    tenant: z.string().describe("The tenant's URL (and organization where the vendor's URLs carry one)."),
    id: z.string().describe("The vendor id: the id Pulumi state holds for a resource of this kind."),
    name: z.string().describe("The vendor's name of it."),
    self: z.boolean().describe("The identity the provider logs in with at this tenant."),
    managedBy: z.array(z.object({ stack: z.string(), urn: z.string() })).describe("The resources of the given stacks that hold it; empty when none does."),
    createdAt: z.string().nullable().describe("When it was made (ISO 8601); null when the vendor does not say."),
    ageDays: z.number().int().nullable().describe("Whole days since createdAt; null without createdAt."),
    lastUsed,
    roles: z.array(z.string()).describe("Roles, groups or entitlements, as the vendor names them."),
    privilegedRoles: z.array(z.string()).describe("Those of roles the vendor module counts as administrative."),
  })
  .describe("One identity at a vendor's tenant.");

export const auditFindingSchema = z
  .object({
    rule: z.enum(FINDING_RULES).describe("unmanaged: in no given stack; stale: unused for more than staleDays; privileged-unmanaged: unmanaged with an administrative role; unknown: the vendor reports no last use (one per vendor and tenant, no identity)."),
    vendor: z.string(),
    tenant: z.string(),
    kind: z.string().optional().describe("Absent for unknown."),
    id: z.string().optional().describe("Absent for unknown."),
    name: z.string().optional().describe("Absent for unknown."),
    message: z.string().describe("For people: what was found and what to do."),
  })
  .describe("One finding; unknown findings do not change the exit code.");

export const auditTenantSchema = z
  .object({
    vendor: z.string(),
    tenant: z.string().nullable().describe("The tenant's URL; null when the settings name none."),
    sources: z.array(z.string()).describe("Where its settings came from: 'stack NAME', 'profile NAME', 'provider NAME'."),
    status: z.enum(["audited", "not configured"]).describe("not configured: these settings do not configure the vendor (skipped)."),
    listed: z.number().int().nonnegative().describe("Identities listed."),
    lastUsedField: z.string().nullable().describe("The vendor's field that tells last use; null when it reports none."),
  })
  .describe("One vendor at one tenant, as the audit looked at it.");

export const auditReportSchema = z
  .object({
    schemaVersion: z.literal(AUDIT_SCHEMA_VERSION),
    generatedAt: z.string().describe("When the audit ran (ISO 8601); ages and staleness count from it."),
    staleDays: z.number().int().nonnegative().describe("Identities unused for more than this many days are stale."),
    stacks: z.array(z.string()).describe("The stacks whose state was cross-referenced."),
    tenants: z.array(auditTenantSchema),
    identities: z.array(auditIdentitySchema),
    findings: z.array(auditFindingSchema),
  })
  .meta({ title: "apiidentity audit report" })
  .describe("The JSON report of `apiidentity audit --format json`.");

export type AuditReport = z.infer<typeof auditReportSchema>;
export type AuditIdentity = z.infer<typeof auditIdentitySchema>;
export type AuditFinding = z.infer<typeof auditFindingSchema>;
export type AuditTenantScan = z.infer<typeof auditTenantSchema>;
export type FindingRule = (typeof FINDING_RULES)[number];
