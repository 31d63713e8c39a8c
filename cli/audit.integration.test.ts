// The core of `apiidentity audit` with the registry's vendor modules against the in-process sandbox:
// one identity of each kind managed, one not, part of them aged. The audit reads only (no vendor
// write counted at the sandbox), marks the managed ones and the provider's own logins as such, and
// finds exactly the unmanaged and the aged ones.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordingNotes } from "../provider/notes.js";
import { VENDORS } from "../provider/vendors/index.js";
import { exampleInputs, type Kind } from "../sandbox/kinds.js";
import { startSandbox, type Sandbox } from "../sandbox/server.js";
import { sandboxSettings } from "../test/settings.js";
import { runAuditCore, type ManagedResource } from "./audit-core.js";
import { hasFindings } from "./audit-findings.js";
import type { AuditReport } from "./audit-report.js";
import { tenantUrl } from "./tenants.js";

let sb: Sandbox;
const managed: ManagedResource[] = [];
const unmanaged = new Map<string, string>();
const aged: string[] = [];
let report: AuditReport;
const progress: string[] = [];

beforeAll(async () => {
  sb = await startSandbox();
  const settings = sandboxSettings(sb);
  for (const v of VENDORS) {
    for (const [i, k] of v.kinds.entries()) {
      const m = k.handler.with(settings, recordingNotes());
      const make = async (index: number, name: string) => {
        const { inputs } = await m.check(undefined, exampleInputs(k.kind as Kind, { index, name, label: name }));
        return (await m.create(inputs)).id;
      };
      const mine = await make(20 + i, `audit-managed-${k.kind.toLowerCase()}`);
      const other = await make(40 + i, `audit-oob-${k.kind.toLowerCase()}`);
      managed.push({ stack: "dev", urn: `urn:pulumi:dev::p::apiidentity:index:${k.kind}::managed`, kind: k.kind, id: mine, tenant: tenantUrl(v, settings) });
      unmanaged.set(other, k.kind);
      if (v.audit.lastUsed) aged.push(mine, other);
    }
  }
  expect(aged.length).toBeGreaterThan(0);
  expect(sb.age(200, { ids: aged })).toBeGreaterThanOrEqual(aged.length);
  sb.clearRequests();
  report = await runAuditCore({ vendors: VENDORS, sources: [{ source: "stack dev", settings }], managed, stacks: ["dev"], staleDays: 90, now: new Date(), progress: (l) => progress.push(l) });
}, 60_000);

afterAll(async () => {
  await sb?.close();
});

describe("audit against the sandbox", () => {
  it("audits every vendor of the registry at the sandbox's tenant, with reads only", () => {
    expect(report.tenants.map((t) => [t.vendor, t.status])).toEqual(VENDORS.map((v) => [v.displayName, "audited"]));
    expect(sb.writes()).toBe(0);
    expect(sb.requests().length).toBeGreaterThan(0);
    expect(progress.filter((l) => l.endsWith(": listing"))).toHaveLength(VENDORS.length);
  });

  it("marks the managed identities with their stack and URN, and no managed one or provider login as unmanaged", () => {
    for (const m of managed) expect(report.identities.find((i) => i.id === m.id && i.kind === m.kind)?.managedBy).toEqual([{ stack: "dev", urn: m.urn }]);
    const flagged = report.findings.filter((f) => f.rule === "unmanaged").map((f) => f.id!);
    for (const m of managed) expect(flagged).not.toContain(m.id);
    for (const self of report.identities.filter((i) => i.self)) expect(flagged).not.toContain(self.id);
  });

  it("finds each identity made outside the stack as unmanaged, and exactly the aged ones as stale", () => {
    const flagged = new Set(report.findings.filter((f) => f.rule === "unmanaged").map((f) => `${f.kind} ${f.id}`));
    for (const [id, kind] of unmanaged) expect(flagged).toContain(`${kind} ${id}`);
    const stale = report.findings.filter((f) => f.rule === "stale" && (unmanaged.has(f.id!) || managed.some((m) => m.id === f.id))).map((f) => f.id).sort();
    expect(stale).toEqual([...aged].sort());
    expect(stale.length).toBe(2 * VENDORS.filter((v) => v.audit.lastUsed).reduce((n, v) => n + v.kinds.length, 0));
    expect(hasFindings(report.findings)).toBe(true);
  });

  it("one unknown note for each vendor that reports no last use", () => {
    expect(report.findings.filter((f) => f.rule === "unknown").map((f) => f.vendor)).toEqual(VENDORS.filter((v) => !v.audit.lastUsed).map((v) => v.displayName));
  });
});
