import { describe, expect, it } from "vitest";
import { daysAgo, NOW } from "../test/audit-fixture.js";
import { daysSince, findingsOf, hasFindings, privilegedAmong, staleReason, unknownFinding } from "./audit-findings.js";
import type { AuditIdentity } from "./audit-report.js";

/** An identity managed by stack dev, used an hour ago, made a year ago, with no role. */
function identity(over: Partial<AuditIdentity> = {}): AuditIdentity {
  return {
    kind: "VerifyApiClient",
    vendor: "IBM Verify",
    tenant: "https://a.example",
    id: "c1",
    name: "ci",
    self: false,
    managedBy: [{ stack: "dev", urn: "urn:pulumi:dev::p::t::ci" }],
    createdAt: daysAgo(365),
    ageDays: 365,
    lastUsed: { status: "used", at: new Date(NOW.getTime() - 3_600_000).toISOString() },
    roles: [],
    privilegedRoles: [],
    ...over,
  };
}

const rules = (i: AuditIdentity, days = 90) => findingsOf(i, days, NOW).map((f) => f.rule);

describe("audit findings", () => {
  it("a managed identity used recently has none", () => {
    expect(rules(identity())).toEqual([]);
  });

  it("unmanaged: in no given stack", () => {
    const [f] = findingsOf(identity({ managedBy: [] }), 90, NOW);
    expect(f).toMatchObject({ rule: "unmanaged", vendor: "IBM Verify", tenant: "https://a.example", kind: "VerifyApiClient", id: "c1", name: "ci" });
    expect(f!.message).toContain("apiidentity discover, then pulumi import");
  });

  it("stale: last used more than N days ago; exactly N days is not stale", () => {
    expect(rules(identity({ lastUsed: { status: "used", at: daysAgo(90) } }))).toEqual([]);
    expect(rules(identity({ lastUsed: { status: "used", at: new Date(NOW.getTime() - 90 * 86_400_000 - 1).toISOString() } }))).toEqual(["stale"]);
    expect(rules(identity({ lastUsed: { status: "used", at: daysAgo(10) } }), 7)).toEqual(["stale"]);
    expect(staleReason(identity({ lastUsed: { status: "used", at: daysAgo(200) } }), 90, NOW)).toBe(`last used ${daysAgo(200).slice(0, 10)}, more than 90 days ago`);
  });

  it("stale: never used and made more than N days ago; never used and younger is not", () => {
    expect(rules(identity({ lastUsed: { status: "never" }, createdAt: daysAgo(91) }))).toEqual(["stale"]);
    expect(rules(identity({ lastUsed: { status: "never" }, createdAt: daysAgo(90) }))).toEqual([]);
    expect(rules(identity({ lastUsed: { status: "never" }, createdAt: daysAgo(5) }))).toEqual([]);
  });

  it("never used without createdAt, or last use not reported: no guess, not stale", () => {
    expect(rules(identity({ lastUsed: { status: "never" }, createdAt: null, ageDays: null }))).toEqual([]);
    expect(rules(identity({ lastUsed: { status: "not reported" }, createdAt: daysAgo(3000) }))).toEqual([]);
  });

  it("privileged and unmanaged: only unmanaged ones; privileged but managed is not a finding", () => {
    expect(rules(identity({ managedBy: [], roles: ["manageUsers", "readUsers"], privilegedRoles: ["manageUsers"] }))).toEqual(["unmanaged", "privileged-unmanaged"]);
    expect(rules(identity({ roles: ["manageUsers"], privilegedRoles: ["manageUsers"] }))).toEqual([]);
    expect(findingsOf(identity({ managedBy: [], privilegedRoles: ["manageUsers"] }), 90, NOW)[1]!.message).toContain("holds manageUsers");
  });

  it("the provider's own login is never unmanaged, nor privileged and unmanaged, but can be stale", () => {
    expect(rules(identity({ self: true, managedBy: [], privilegedRoles: ["manageUsers"] }))).toEqual([]);
    expect(rules(identity({ self: true, managedBy: [], lastUsed: { status: "used", at: daysAgo(100) } }))).toEqual(["stale"]);
  });

  it("administrative roles: exact names and patterns", () => {
    expect(privilegedAmong(["AAE_Admin", "AAE_Basic", "manageClients", "Admin2"], ["AAE_Admin", /^manage/])).toEqual(["AAE_Admin", "manageClients"]);
    expect(privilegedAmong([], ["AAE_Admin"])).toEqual([]);
  });

  it("unknown is one note per vendor's tenant and does not count toward the exit code", () => {
    const u = unknownFinding("Ivanti", "https://mdm.example");
    expect(u).toEqual({ rule: "unknown", vendor: "Ivanti", tenant: "https://mdm.example", message: "last use is not reported by Ivanti: staleness of its identities cannot be judged here" });
    expect(hasFindings([u])).toBe(false);
    expect(hasFindings([u, ...findingsOf(identity({ managedBy: [] }), 90, NOW)])).toBe(true);
  });

  it("age in whole days; an unreadable time has none", () => {
    expect(daysSince(daysAgo(3), NOW)).toBe(3);
    expect(daysSince(new Date(NOW.getTime() - 86_400_000 + 1).toISOString(), NOW)).toBe(0);
    expect(daysSince("not a time", NOW)).toBeUndefined();
  });
});
