import { describe, expect, it } from "vitest";
import type { InventoryEntry } from "../provider/vendor-module.js";
import { daysAgo, fakeVendor, NOW, tenantSettings } from "../test/audit-fixture.js";
import { runAuditCore, tenantsOfVendor, type ManagedResource } from "./audit-core.js";
import { auditReportSchema } from "./audit-report.js";

const A = "https://a.example.com";
const B = "https://b.example.com";
const verifyAtA: InventoryEntry[] = [
  { kind: "VerifyApiClient", id: "c1", name: "ci", createdAt: daysAgo(400), lastUsedAt: daysAgo(1), roles: ["readUsers"] },
  { kind: "VerifyApiClient", id: "c2", name: "console-admin", createdAt: daysAgo(300), lastUsedAt: null, roles: ["manageUsers"] },
  { kind: "VerifyApiClient", id: "c3", name: "provider", lastUsedAt: daysAgo(0), roles: ["manageAllUserGroups"], self: true },
];
const verifyAtB: InventoryEntry[] = [{ kind: "VerifyApiClient", id: "c1", name: "same id, other tenant", createdAt: daysAgo(2), lastUsedAt: null, roles: [] }];
const managedC1AtA: ManagedResource = { stack: "dev", urn: "urn:pulumi:dev::p::pulumi-nodejs:dynamic/apiidentity:VerifyApiClient::ci", kind: "VerifyApiClient", id: "c1", tenant: `${A}/` };

describe("audit core", () => {
  it("matches by kind, tenant and id, and reports per tenant", async () => {
    const calls: string[] = [];
    const r = await runAuditCore({
      vendors: [fakeVendor("ibm-verify", { [A]: verifyAtA, [B]: verifyAtB }, calls)],
      sources: [
        { source: "stack dev", settings: tenantSettings(A, undefined) },
        { source: "profile b", settings: tenantSettings(B, undefined) },
      ],
      managed: [managedC1AtA],
      stacks: ["dev"],
      staleDays: 90,
      now: NOW,
    });
    expect(calls).toEqual([`ibm-verify ${A}`, `ibm-verify ${B}`]);
    expect(r.identities.map((i) => [i.tenant, i.id, i.managedBy.map((m) => m.stack)])).toEqual([
      [A, "c1", ["dev"]],
      [A, "c2", []],
      [A, "c3", []],
      [B, "c1", []],
    ]);
    expect(r.findings.map((f) => `${f.rule} ${f.tenant} ${f.id}`)).toEqual([`unmanaged ${A} c2`, `stale ${A} c2`, `privileged-unmanaged ${A} c2`, `unmanaged ${B} c1`]);
    expect(r.identities.find((i) => i.id === "c3")).toMatchObject({ self: true, createdAt: null, ageDays: null, privilegedRoles: ["manageAllUserGroups"] });
    expect(auditReportSchema.parse(r)).toEqual(r);
  });

  it("one tenant per URL: sources naming the same tenant are listed once", async () => {
    const calls: string[] = [];
    const r = await runAuditCore({
      vendors: [fakeVendor("ibm-verify", { [A]: verifyAtA }, calls)],
      sources: [
        { source: "stack dev", settings: tenantSettings(A, undefined) },
        { source: "provider eu", settings: tenantSettings(`${A.toUpperCase()}/`, undefined) },
      ],
      managed: [],
      stacks: ["dev"],
      staleDays: 90,
      now: NOW,
    });
    expect(calls).toEqual([`ibm-verify ${A}`]);
    expect(r.tenants).toEqual([{ vendor: "IBM Verify", tenant: A, sources: ["stack dev", "provider eu"], status: "audited", listed: 3, lastUsedField: "lastUsedTime" }]);
  });

  it("a vendor not configured for a source is skipped with a note; one without last use gets one unknown note per tenant", async () => {
    const progress: string[] = [];
    const r = await runAuditCore({
      vendors: [fakeVendor("ibm-verify", { [A]: verifyAtA }), fakeVendor("ivanti", { [B]: [{ kind: "IseApiUser", id: "7", name: "ise", roles: ["Admin"] }, { kind: "IseApiUser", id: "8", name: "ise2", roles: [] }] })],
      sources: [
        { source: "stack dev", settings: tenantSettings(A, undefined) },
        { source: "profile mdm", settings: tenantSettings(undefined, B) },
      ],
      managed: [],
      stacks: ["dev"],
      staleDays: 90,
      now: NOW,
      progress: (l) => progress.push(l),
    });
    expect(r.tenants.map((t) => [t.vendor, t.tenant, t.status, t.sources])).toEqual([
      ["IBM Verify", null, "not configured", ["profile mdm"]],
      ["IBM Verify", A, "audited", ["stack dev"]],
      ["Ivanti", null, "not configured", ["stack dev"]],
      ["Ivanti", B, "audited", ["profile mdm"]],
    ]);
    expect(r.findings.filter((f) => f.rule === "unknown")).toEqual([{ rule: "unknown", vendor: "Ivanti", tenant: B, message: expect.stringContaining("not reported by Ivanti") }]);
    expect(r.identities.filter((i) => i.vendor.startsWith("Ivanti")).map((i) => i.lastUsed)).toEqual([{ status: "not reported" }, { status: "not reported" }]);
    expect(progress).toContain("IBM Verify: not configured for profile mdm, skipped");
    expect(progress).toContain(`Ivanti at ${B}: 2 listed`);
  });

  it("a tenant that cannot be listed names vendor, tenant and the vendor's message, and no secret", async () => {
    const run = runAuditCore({ vendors: [fakeVendor("ibm-verify", {})], sources: [{ source: "profile b", settings: tenantSettings(B, undefined) }], managed: [], stacks: ["dev"], staleDays: 90, now: NOW });
    await expect(run).rejects.toThrow(`IBM Verify at ${B} (profile b) could not be listed: connect ECONNREFUSED (${B}). Check that tenant's settings and reach with 'apiidentity check ibm-verify --profile b', then run the audit again; nothing was changed at any vendor.`);
    await expect(run).rejects.not.toThrow(/s3cret/);
  });

  it("tenant sources are deduplicated per vendor by URL", () => {
    const v = fakeVendor("ibm-verify", {});
    const { tenants, unconfigured } = tenantsOfVendor(v, [
      { source: "stack a", settings: tenantSettings(A, undefined) },
      { source: "stack b", settings: tenantSettings(`${A}/`, undefined) },
      { source: "stack c", settings: tenantSettings(undefined, undefined) },
    ]);
    expect(tenants.map((t) => [t.url, t.sources])).toEqual([[A, ["stack a", "stack b"]]]);
    expect(unconfigured).toEqual(["stack c"]);
  });
});
