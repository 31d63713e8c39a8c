import { describe, expect, it } from "vitest";
import { daysAgo, fakeVendor, NOW, tenantSettings } from "../test/audit-fixture.js";
import { runAuditCore } from "./audit-core.js";
import { formatAudit } from "./audit-format.js";
import { auditReportSchema, type AuditReport } from "./audit-report.js";

const A = "https://a.example.com";
const M = "https://mdm.example.com";

/** A small fixed inventory: a managed, a stale, a privileged unmanaged and the provider's own identity, and a vendor reporting no last use. */
async function fixedReport(): Promise<AuditReport> {
  return runAuditCore({
    vendors: [
      fakeVendor("ibm-verify", {
        [A]: [
          { kind: "VerifyApiClient", id: "c1", name: "ci", createdAt: daysAgo(400), lastUsedAt: daysAgo(1), roles: ["readUsers"] },
          { kind: "VerifyApiClient", id: "c2", name: "console|admin", createdAt: daysAgo(300), lastUsedAt: null, roles: ["manageUsers", "readUsers"] },
          { kind: "VerifyApiClient", id: "c3", name: "provider", lastUsedAt: daysAgo(0), roles: ["manageClients"], self: true },
        ],
      }),
      fakeVendor("ivanti", { [M]: [{ kind: "IseApiUser", id: "7", name: "ise", createdAt: daysAgo(1), roles: ["Admin"] }] }),
    ],
    sources: [
      { source: "stack dev", settings: tenantSettings(A, undefined) },
      { source: "profile mdm", settings: tenantSettings(undefined, M) },
    ],
    managed: [
      { stack: "dev", urn: "urn:pulumi:dev::p::pulumi-nodejs:dynamic/apiidentity:VerifyApiClient::ci", kind: "VerifyApiClient", id: "c1", tenant: A },
      { stack: "dev", urn: "urn:pulumi:dev::p::pulumi-nodejs:dynamic/apiidentity:IseApiUser::ise", kind: "IseApiUser", id: "7", tenant: M },
    ],
    stacks: ["dev"],
    staleDays: 90,
    now: NOW,
  });
}

describe("audit formats", () => {
  it("text for people", async () => {
    await expect(formatAudit(await fixedReport(), "text")).toMatchFileSnapshot("./__snapshots__/audit-report.txt");
  });

  it("markdown for a pull-request comment or an issue", async () => {
    const md = formatAudit(await fixedReport(), "markdown");
    expect(md).toContain("console\\|admin");
    await expect(md).toMatchFileSnapshot("./__snapshots__/audit-report.md");
  });

  it("json: the documented schema, with its version", async () => {
    const json = formatAudit(await fixedReport(), "json");
    const parsed = auditReportSchema.parse(JSON.parse(json));
    expect(parsed.schemaVersion).toBe(1);
    await expect(json).toMatchFileSnapshot("./__snapshots__/audit-report.json");
  });

  it("no findings says so; unknown alone is a note, not a finding", async () => {
    const r = await fixedReport();
    const quiet = { ...r, findings: r.findings.filter((f) => f.rule === "unknown") };
    const text = formatAudit(quiet, "text");
    expect(text.split("\n")[0]).toBe(`apiidentity audit against stack dev at ${NOW.toISOString()} (stale after 90 days): no findings`);
    expect(text).not.toContain("Findings:");
    expect(text).toContain("Notes:\n  Ivanti at https://mdm.example.com: last use is not reported by Ivanti");
  });
});

describe("the documented JSON Schema", () => {
  it("docs/audit-report.schema.json accepts the command's JSON and refuses another schema version", async () => {
    const { readFileSync } = await import("node:fs");
    const { Ajv2020 } = await import("ajv/dist/2020.js");
    const schema = JSON.parse(readFileSync(new URL("../docs/audit-report.schema.json", import.meta.url), "utf8")) as object;
    const validate = new Ajv2020({ strict: false }).compile(schema);
    const report = JSON.parse(formatAudit(await fixedReport(), "json")) as Record<string, unknown>;
    expect(validate(report)).toBe(true);
    expect(validate({ ...report, schemaVersion: 2 })).toBe(false);
  });
});
