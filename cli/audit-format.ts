// The three outputs of `apiidentity audit`: text for people, markdown for a pull-request comment or an
// issue, JSON (the schema of audit-report.ts) for tools. Each is a function of the report alone.
import type { AuditFinding, AuditIdentity, AuditReport, AuditTenantScan } from "./audit-report.js";

export type AuditFormat = "text" | "json" | "markdown";

const COLUMNS = ["kind", "id", "name", "managed by", "last used", "age", "privileged roles"] as const;

function managedByText(i: AuditIdentity): string {
  if (i.self) return "self (the provider's login)";
  return i.managedBy.length ? i.managedBy.map((m) => `${m.stack}: ${m.urn}`).join("; ") : "none";
}

function lastUsedText(i: AuditIdentity): string {
  if (i.lastUsed.status === "used") return i.lastUsed.at;
  return i.lastUsed.status === "never" ? "never" : `not reported by ${i.vendor}`;
}

const ageText = (i: AuditIdentity) => (i.ageDays === null ? "unknown" : `${i.ageDays} day${i.ageDays === 1 ? "" : "s"}`);

const row = (i: AuditIdentity) => [i.kind, i.id, i.name, managedByText(i), lastUsedText(i), ageText(i), i.privilegedRoles.join(", ") || "-"];

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The identities of one vendor's tenant. */
const identitiesOf = (r: AuditReport, t: AuditTenantScan) => r.identities.filter((i) => i.vendor === t.vendor && i.tenant === t.tenant);

function tenantHeading(t: AuditTenantScan): string {
  const where = t.tenant === null ? "" : ` at ${t.tenant}`;
  if (t.status === "not configured") return `${t.vendor}: not configured for ${t.sources.join(", ")}, skipped`;
  return `${t.vendor}${where} (${t.sources.join(", ")}): ${plural(t.listed, "identity", "identities")}`;
}

function summary(r: AuditReport): string {
  const real = r.findings.filter((f) => f.rule !== "unknown");
  const where = `stack${r.stacks.length === 1 ? "" : "s"} ${r.stacks.join(", ")}`;
  return `apiidentity audit against ${where} at ${r.generatedAt} (stale after ${r.staleDays} days): ${real.length ? plural(real.length, "finding") : "no findings"}`;
}

const findingLine = (f: AuditFinding) => `${f.rule}: ${f.vendor} at ${f.tenant}: ${f.message}`;

function text(r: AuditReport): string {
  const lines = [summary(r), ""];
  for (const t of r.tenants) {
    lines.push(tenantHeading(t));
    const rows = identitiesOf(r, t).map(row);
    if (!rows.length) continue;
    const table = [[...COLUMNS], ...rows];
    const widths = COLUMNS.map((_, c) => Math.max(...table.map((cells) => cells[c]!.length)));
    for (const cells of table) lines.push(`  ${cells.map((cell, c) => (c === cells.length - 1 ? cell : cell.padEnd(widths[c]!))).join("  ")}`);
  }
  const real = r.findings.filter((f) => f.rule !== "unknown");
  const notes = r.findings.filter((f) => f.rule === "unknown");
  if (real.length) lines.push("", "Findings:", ...real.map((f) => `  ${findingLine(f)}`));
  if (notes.length) lines.push("", "Notes:", ...notes.map((f) => `  ${f.vendor} at ${f.tenant}: ${f.message}`));
  return lines.join("\n") + "\n";
}

/** A table cell: pipes and newlines would break the row. */
const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");

function markdown(r: AuditReport): string {
  const lines = [`## ${summary(r)}`, ""];
  const real = r.findings.filter((f) => f.rule !== "unknown");
  if (real.length) {
    lines.push("### Findings", "", "| finding | vendor | tenant | kind | id | name | what to do |", "|---|---|---|---|---|---|---|");
    for (const f of real) lines.push(`| ${[f.rule, f.vendor, f.tenant, f.kind ?? "", f.id ?? "", f.name ?? "", f.message].map(cell).join(" | ")} |`);
    lines.push("");
  }
  lines.push("### Identities", "");
  for (const t of r.tenants) {
    lines.push(`- ${cell(tenantHeading(t))}`);
  }
  for (const t of r.tenants) {
    const rows = identitiesOf(r, t).map(row);
    if (!rows.length) continue;
    lines.push("", `#### ${t.vendor} at ${t.tenant}`, "", `| ${COLUMNS.join(" | ")} |`, `|${COLUMNS.map(() => "---").join("|")}|`);
    for (const cells of rows) lines.push(`| ${cells.map(cell).join(" | ")} |`);
  }
  const notes = r.findings.filter((f) => f.rule === "unknown");
  if (notes.length) lines.push("", "### Notes", "", ...notes.map((f) => `- ${cell(`${f.vendor} at ${f.tenant}: ${f.message}`)}`));
  return lines.join("\n") + "\n";
}

export function formatAudit(r: AuditReport, format: AuditFormat): string {
  if (format === "json") return JSON.stringify(r, null, 2) + "\n";
  return format === "markdown" ? markdown(r) : text(r);
}
