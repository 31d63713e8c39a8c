// `apiidentity audit` through the real engine, against the sandbox: a stack manages one identity of
// each kind and the same number are made out of band through the vendor APIs (some of them with an
// administrative role); the sandbox's control call ages part of both. The audit lists exactly the
// out-of-band ones as unmanaged, the aged ones as stale, the privileged out-of-band ones as privileged
// and unmanaged, nothing managed as unmanaged and the provider's own logins as such; it exits 1 with
// findings and 0 without, and makes no vendor write. A second tenant (a second sandbox, addressed by a
// settings profile of a second stack) reports each identity under its own tenant.
import { execFile } from "node:child_process";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exampleInputs } from "../../sandbox/kinds.js";
import { startSandbox, type Sandbox } from "../../sandbox/server.js";
import { auditReportSchema, type AuditIdentity, type AuditReport, type FindingRule } from "../../cli/audit-report.js";
import { PulumiProject, repoRoot, type StateResource } from "./harness.js";
import { ageAt, makeOutOfBand, type OutOfBand } from "./out-of-band.js";
import { PROGRAM_KINDS, type Kind } from "./plugin-programs.js";
import { heldIds, tenantSettings } from "./two-tenants.js";

const key = (x: { kind?: string; id?: string }) => `${x.kind} ${x.id}`;

/** One identity of every kind, at the default tenant, or at profile `b` on stack `two`. */
const program = `
import * as pulumi from "@pulumi/pulumi";
import * as apiidentity from "pulumi-apiidentity";
const stack = pulumi.getStack();
const inputs = ${JSON.stringify(Object.fromEntries(["one", "two"].map((stack, index) => [stack, Object.fromEntries(PROGRAM_KINDS.map((k) => [k, exampleInputs(k, { index, name: `audit-${stack}`, label: `audit ${stack}` })]))])))};
for (const [kind, props] of Object.entries(inputs[stack])) {
  new apiidentity[kind]("managed-" + kind, stack === "two" ? { ...props, profile: "b" } : props);
}
`;

let a: Sandbox;
let b: Sandbox;
let p: PulumiProject;
/** The provider's own login identities each sandbox was seeded with, by kind. */
let seeded: { a: Record<Kind, string[]>; b: Record<Kind, string[]> };
/** The managed identity of each kind, per stack. */
const managed: Record<"one" | "two", Map<Kind, StateResource>> = { one: new Map(), two: new Map() };
let outOfBand: OutOfBand[] = [];
/** The aged identities, as `<kind> <id>`. */
let aged: string[] = [];

/** Calls counted at both sandboxes that may have changed something at a vendor (logins, tokens and searches do not). */
const writes = () => a.writes() + b.writes();

/** Runs the built `apiidentity audit` in the project (with the project's environment: tenant a's settings). */
const audit = (args: string[], env: Record<string, string> = p.env): Promise<{ code: number; stdout: string; stderr: string }> =>
  new Promise((res) =>
    execFile(process.execPath, [join(repoRoot, "bin/apiidentity.js"), "audit", ...args, "--cwd", p.dir], { env, timeout: 120_000, maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) =>
      res({ code: err ? Number(err.code ?? 1) : 0, stdout, stderr }),
    ),
  );

async function readManaged(stack: "one" | "two"): Promise<void> {
  await p.ok(["stack", "select", stack]);
  const { resources } = await p.exportStack();
  for (const kind of PROGRAM_KINDS) managed[stack].set(kind, resources.find((r) => r.urn.endsWith(`::managed-${kind}`))!);
}

beforeAll(async () => {
  const t0 = Date.now();
  [a, b] = await Promise.all([startSandbox(), startSandbox()]);
  seeded = { a: heldIds(a), b: heldIds(b) };
  p = new PulumiProject({ program, env: a.config().env, stack: "one" });
  await p.init();
  await p.up();
  await readManaged("one");

  await p.ok(["stack", "init", "two"]);
  const profile = Object.entries(tenantSettings(b)).flatMap(([name, s]) => [s.secret ? "--secret" : "--plaintext", `apiidentity:profiles.b.${name}=${s.value}`]);
  await p.ok(["config", "set-all", "--path", ...profile]);
  await p.up();
  await readManaged("two");
  await p.ok(["stack", "select", "one"]);

  // Administrative: Ivanti's System Management, Control Room's AAE_Admin, and every API account of
  // Uptrends' seeded operator (an account administrator). Not: a Verify reader, a UiPath robot in no group.
  outOfBand = await makeOutOfBand(a, "oob", { ivantiRoleIds: [1001], controlRoomRoleIds: [1, 2], verifyEntitlements: ["readUsers"], uipathGroupIds: [] });
  const toAge = [
    ...(["UiPathRobotAccount", "UptrendsApiAccount"] as const).map((kind) => ({ kind, id: managed.one.get(kind)!.id! })),
    ...outOfBand.filter((o) => o.kind === "UiPathRobotAccount" || o.kind === "UptrendsApiAccount"),
  ];
  aged = toAge.map(key);
  expect(await ageAt(a, 200, toAge.map((x) => x.id))).toBe(aged.length);
  // The counter the audits must leave at zero counts the setup's creates: a zero later is a measurement.
  const setupWrites = writes();
  expect(setupWrites).toBeGreaterThanOrEqual(15);
  a.clearRequests();
  b.clearRequests();
  process.stdout.write(`audit e2e: setup (two stacks of 5, 5 out of band, ${aged.length} aged, ${setupWrites} vendor writes) in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
}, 300_000);

afterAll(async () => {
  p?.cleanup();
  await Promise.all([a?.close(), b?.close()]);
});

/** The kinds of the out-of-band identities that hold an administrative role (see the setup). */
const PRIVILEGED: readonly Kind[] = ["IseApiUser", "UptrendsApiAccount", "ControlRoomUser"];

const sorted = (xs: Iterable<string>) => [...xs].sort();
const tenantOf = (i: { tenant: string }): "a" | "b" | undefined => (i.tenant.startsWith(a.url) ? "a" : i.tenant.startsWith(b.url) ? "b" : undefined);

/** The report of a JSON run, parsed with the command's own schema. */
function parsed(r: { code: number; stdout: string; stderr: string }): AuditReport {
  const out = auditReportSchema.safeParse(JSON.parse(r.stdout));
  if (!out.success) throw new Error(`the JSON report does not match the schema: ${out.error.message}\n${r.stderr}`);
  return out.data;
}

/** The ids (as `<kind> <id>`) of each finding rule at one tenant. */
function findingsAt(report: AuditReport, tenant: "a" | "b"): Record<Exclude<FindingRule, "unknown">, string[]> {
  const out = { unmanaged: [] as string[], stale: [] as string[], "privileged-unmanaged": [] as string[] };
  for (const f of report.findings) if (f.rule !== "unknown" && tenantOf(f) === tenant) out[f.rule].push(key(f));
  return { unmanaged: sorted(out.unmanaged), stale: sorted(out.stale), "privileged-unmanaged": sorted(out["privileged-unmanaged"]) };
}

const seededKeys = (tenant: "a" | "b") => Object.entries(seeded[tenant]).flatMap(([kind, ids]) => ids.map((id) => `${kind} ${id}`));
const managedKeys = (stack: "one" | "two") => sorted([...managed[stack]].map(([kind, r]) => `${kind} ${r.id}`));

describe("apiidentity audit", () => {
  it("lists the out-of-band ones as unmanaged, the aged ones as stale, the privileged out-of-band ones, the provider's own logins; exit 1; no vendor write", async () => {
    const r = await audit(["--format", "json", "--stack", "one"]);
    expect(r.code, r.stderr).toBe(1);
    const report = parsed(r);
    expect(report.stacks).toEqual(["one"]);
    expect(report.staleDays).toBe(90);
    expect(report.tenants.filter((t) => t.status !== "audited")).toEqual([]);
    expect(report.identities.filter((i) => tenantOf(i) !== "a")).toEqual([]);

    const found = findingsAt(report, "a");
    expect(found.unmanaged).toEqual(sorted(outOfBand.map(key)));
    expect(found.stale).toEqual(sorted(aged));
    expect(found["privileged-unmanaged"]).toEqual(sorted(outOfBand.filter((o) => PRIVILEGED.includes(o.kind)).map(key)));

    // Every identity listed is the provider's own login, managed by the stack, or out of band; each managed one names its resource.
    const byKey = new Map(report.identities.map((i) => [key(i), i]));
    for (const [kind, m] of managed.one) expect(byKey.get(`${kind} ${m.id}`)?.managedBy, kind).toEqual([{ stack: "one", urn: m.urn }]);
    const self = report.identities.filter((i) => i.self);
    expect(sorted(self.map(key))).toEqual(sorted(seededKeys("a")));
    expect(sorted(report.identities.filter((i) => !i.self).map(key))).toEqual(sorted([...managedKeys("one"), ...outOfBand.map(key)]));
    expect(self.filter((i: AuditIdentity) => found.unmanaged.includes(key(i)))).toEqual([]);

    expect(r.stderr).toContain("UiPath at ");
    // "Unknown" is a note per vendor that reports no last use, not a finding about an identity.
    const silent = report.tenants.filter((t) => t.lastUsedField === null).map((t) => t.vendor);
    expect(report.findings.filter((f) => f.rule === "unknown").map((f) => [f.vendor, f.id])).toEqual(silent.map((v) => [v, undefined]));
    expect(writes()).toBe(0);
    const count = (rule: string) => report.findings.filter((f) => f.rule === rule).length;
    const unknown = report.findings.filter((f) => f.rule === "unknown").map((f) => f.vendor);
    process.stdout.write(
      `audit e2e: ${report.identities.length} identities at 5 vendors (${self.length} the provider's own, ${managed.one.size} managed, ${outOfBand.length} out of band): ` +
        `${count("unmanaged")} unmanaged, ${count("stale")} stale, ${count("privileged-unmanaged")} privileged and unmanaged, last use not reported by ${unknown.join(", ") || "none"}; ${writes()} vendor writes\n`,
    );
  });

  it("renders the same report as markdown and text", async () => {
    const md = await audit(["--format", "markdown", "--stack", "one"]);
    expect(md.code, md.stderr).toBe(1);
    expect(md.stdout).toMatch(/^## apiidentity audit against stack one at .*: \d+ findings\n/);
    expect(md.stdout).toContain("### Findings");
    for (const o of outOfBand) expect(md.stdout).toMatch(new RegExp(`^\\| unmanaged \\| .* \\| ${o.kind} \\| ${o.id} \\|`, "m"));
    const text = await audit(["--stack", "one"]);
    expect(text.code, text.stderr).toBe(1);
    expect(text.stdout).toMatch(/^apiidentity audit against stack one at .*: \d+ findings\n/);
    for (const o of outOfBand.filter((x) => PRIVILEGED.includes(x.kind))) expect(text.stdout).toMatch(new RegExp(`^ {2}privileged-unmanaged: .* ${o.kind} '[^']*' \\(id ${o.id}\\)`, "m"));
    for (const [kind, m] of managed.one) expect(text.stdout, kind).toContain(`one: ${m.urn}`);
    expect(writes()).toBe(0);
  });

  it("two stacks and two tenants: each identity under its own tenant; a tenant with nothing unmanaged exits 0, a missing stack 2", async () => {
    const r = await audit(["--format", "json", "--stack", "one", "--stack", "two"]);
    expect(r.code, r.stderr).toBe(1);
    const report = parsed(r);
    expect(report.stacks).toEqual(["one", "two"]);
    for (const stack of ["one", "two"] as const) {
      const tenant = stack === "one" ? "a" : "b";
      for (const [kind, m] of managed[stack]) {
        const listed = report.identities.filter((i) => i.kind === kind && i.id === m.id && tenantOf(i) === tenant);
        expect(listed.map((i) => i.managedBy), `${stack} ${kind}`).toEqual([[{ stack, urn: m.urn }]]);
      }
    }
    // The two sandboxes hand out the same ids (10001, 2001, …): an id matches only the resources of its own tenant.
    const stacksAt = (tenant: "a" | "b") => new Set(report.identities.filter((i) => tenantOf(i) === tenant).flatMap((i) => i.managedBy.map((m) => m.stack)));
    expect([stacksAt("a"), stacksAt("b")]).toEqual([new Set(["one"]), new Set(["two"])]);
    expect(report.identities.filter((i) => tenantOf(i) === undefined)).toEqual([]);
    expect(findingsAt(report, "b")).toEqual({ unmanaged: [], stale: [], "privileged-unmanaged": [] });
    expect(findingsAt(report, "a").unmanaged).toEqual(sorted(outOfBand.map(key)));
    expect(sorted(report.identities.filter((i) => tenantOf(i) === "b" && !i.self).map(key))).toEqual(managedKeys("two"));
    expect(sorted(report.identities.filter((i) => tenantOf(i) === "b" && i.self).map(key))).toEqual(sorted(seededKeys("b")));

    // With tenant b as the stack's own settings too, the audit sees that tenant alone: no findings, exit 0.
    const clean = await audit(["--format", "json", "--stack", "two"], { ...p.env, ...b.config().env });
    expect(clean.code, clean.stderr).toBe(0);
    const only = parsed(clean);
    expect(new Set(only.identities.map(tenantOf))).toEqual(new Set(["b"]));
    expect(only.tenants.map((t) => t.sources)).toEqual(only.tenants.map(() => ["stack two", "profile b"]));
    expect(only.findings.filter((f) => f.rule !== "unknown")).toEqual([]);
    // A stack that does not exist is an error of the audit, not a finding.
    const bad = await audit(["--format", "json", "--stack", "nope"]);
    expect([bad.code, bad.stdout]).toEqual([2, ""]);
    expect(bad.stderr).toContain("reading stack nope failed");
    expect(writes()).toBe(0);
    process.stdout.write(
      `audit e2e: two stacks, two tenants: ${report.identities.filter((i) => tenantOf(i) === "a").length} identities at tenant a, ${report.identities.filter((i) => tenantOf(i) === "b").length} at tenant b, ` +
        `${report.findings.filter((f) => f.rule !== "unknown" && tenantOf(f) === "b").length} findings at b; tenant b alone: exit ${clean.code}; ${writes()} vendor writes\n`,
    );
  });
});
