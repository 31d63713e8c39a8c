import { afterEach, describe, expect, it, vi } from "vitest";
import { daysAgo, fakeVendor, NOW, tenantSettings } from "../test/audit-fixture.js";
import { runAuditCore } from "./audit-core.js";
import { audit, parseAuditArgs, type AuditOptions } from "./audit.js";
import { auditReportSchema } from "./audit-report.js";
import { UsageError } from "./errors.js";
import { main } from "./main.js";

const A = "https://a.example.com";

/** The command with a fake run: the fake vendor at A holds one identity, managed or not. */
async function run(args: string[], managed: boolean) {
  const out: string[] = [];
  const err: string[] = [];
  let options: AuditOptions | undefined;
  const code = await audit(args, {
    run: (o) => {
      options = o;
      return runAuditCore({
        vendors: [fakeVendor("ibm-verify", { [A]: [{ kind: "VerifyApiClient", id: "c1", name: "ci", createdAt: daysAgo(10), lastUsedAt: daysAgo(1), roles: [] }] })],
        sources: [{ source: "stack dev", settings: tenantSettings(A, undefined) }],
        managed: managed ? [{ stack: "dev", urn: "urn:pulumi:dev::p::t::ci", kind: "VerifyApiClient", id: "c1", tenant: A }] : [],
        stacks: ["dev"],
        staleDays: o.staleDays,
        now: NOW,
        ...(o.progress ? { progress: o.progress } : {}),
      });
    },
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
  });
  return { code, stdout: out.join(""), stderr: err.join(""), options: options! };
}

afterEach(() => vi.restoreAllMocks());

describe("apiidentity audit", () => {
  it("exit 0 without findings, 1 with findings", async () => {
    expect((await run([], true)).code).toBe(0);
    expect((await run([], false)).code).toBe(1);
  });

  it("the JSON on stdout parses with the schema; progress goes to stderr only", async () => {
    const r = await run(["--format", "json"], false);
    expect(auditReportSchema.parse(JSON.parse(r.stdout)).findings.map((f) => f.rule)).toEqual(["unmanaged"]);
    expect(r.stderr).toContain(`audit: IBM Verify at ${A} (stack dev): listing\naudit: IBM Verify at ${A}: 1 listed\n`);
    expect(r.stdout).not.toContain("1 listed");
    expect(r.stdout).not.toContain("audit: ");
  });

  it("takes vendors (one names and aliases), stacks, profiles, the stale threshold, the format and the directory", () => {
    const o = parseAuditArgs(["ibm-verify", "ivanti", "--stack", "a", "--stack", "b", "--profile", "eu", "--stale-days", "30", "--format", "markdown", "--cwd", "/p"]);
    expect(o).toEqual({ cwd: "/p", stacks: ["a", "b"], profiles: ["eu"], vendors: ["ibm-verify", "ivanti"], staleDays: 30, format: "markdown" });
    expect(parseAuditArgs([]).staleDays).toBe(90);
    expect(parseAuditArgs([]).vendors).toEqual([]);
  });

  it("refuses what it cannot do: a usage error", () => {
    expect(() => parseAuditArgs(["nope"])).toThrow(UsageError);
    expect(() => parseAuditArgs(["nope"])).toThrow("unknown vendor 'nope'");
    expect(() => parseAuditArgs(["--stale-days=-1"])).toThrow("--stale-days must be a whole number of days, not '-1'");
    expect(() => parseAuditArgs(["--format", "csv"])).toThrow("--format must be text, json or markdown, not 'csv'");
  });

  it("exit 2 on an error, with the command named, nothing on stdout", async () => {
    const stdout = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    const stderr = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    expect(await main(["audit", "--stale-days", "soon"])).toBe(2);
    expect(stderr).toHaveBeenCalledWith("apiidentity audit: --stale-days must be a whole number of days, not 'soon'\n");
    expect(stdout).not.toHaveBeenCalled();
  });

  it("the help text names the command", async () => {
    const stdout = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    await main(["--help"]);
    expect(String(stdout.mock.calls[0]![0])).toContain("apiidentity audit [");
  });
});
