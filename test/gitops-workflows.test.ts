// examples/gitops's workflows: actionlint checks them with the repository's own (scripts/actionlint.sh),
// and the scheduled audit job treats exit 1 of `apiidentity audit` as a report to post, fails on
// exit 2, reads credentials only from secrets into the environment, and asks for no more than it uses.
import { execFile, spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { packageRoot } from "../provider/plugin/package-info.js";

const run = promisify(execFile);
const dir = join(packageRoot, "examples", "gitops", ".github", "workflows");
const audit = readFileSync(join(dir, "audit.yml"), "utf8");

/** The script of a step's `run: |` block, unindented. */
function runScript(step: string): string {
  const body = /run: \|\n((?: {10}.*\n|\n)*)/.exec(step)?.[1];
  if (body === undefined) throw new Error(`no run: block in ${step.split("\n")[0]}`);
  return body.replace(/^ {10}/gm, "");
}

/**
 * Runs the Audit step's script as a GitHub runner does (`bash -e -o pipefail`), with a stand-in `npx`
 * that prints a report and exits `code`: the step's exit code, its output `code` and the job summary.
 */
function runAuditStep(code: number): { exit: number; output: string; summary: string } {
  const dir = mkdtempSync(join(tmpdir(), "apiidentity-gitops-"));
  try {
    writeFileSync(join(dir, "npx"), `#!/usr/bin/env bash\necho "## report of $*"\nexit ${code}\n`);
    chmodSync(join(dir, "npx"), 0o755);
    writeFileSync(join(dir, "step.sh"), runScript(script("Audit")));
    const env = { PATH: `${dir}:${process.env.PATH ?? ""}`, STALE_DAYS: "90", GITHUB_OUTPUT: join(dir, "output"), GITHUB_STEP_SUMMARY: join(dir, "summary") };
    writeFileSync(env.GITHUB_OUTPUT, "");
    writeFileSync(env.GITHUB_STEP_SUMMARY, "");
    const r = spawnSync("bash", ["--noprofile", "--norc", "-e", "-o", "pipefail", join(dir, "step.sh")], { cwd: dir, env, encoding: "utf8" });
    return { exit: r.status ?? -1, output: readFileSync(env.GITHUB_OUTPUT, "utf8"), summary: readFileSync(env.GITHUB_STEP_SUMMARY, "utf8") };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The `run:` block of the step named `name`. */
function script(name: string): string {
  const step = audit.slice(audit.indexOf(`- name: ${name}\n`));
  const next = step.indexOf("\n      - ", 1);
  return next < 0 ? step : step.slice(0, next + 1);
}

describe("examples/gitops workflows", () => {
  it("pass actionlint with the repository's workflows", async () => {
    const { stderr } = await run("bash", [join(packageRoot, "scripts", "actionlint.sh")], { cwd: packageRoot, timeout: 280_000 });
    expect(stderr).toMatch(/actionlint: \d+ workflow\(s\) pass: .*examples\/gitops\/\.github\/workflows\/audit\.yml examples\/gitops\/\.github\/workflows\/identities\.yml/);
  }, 300_000);

  it("audit.yml runs on a schedule and on demand, with read-only contents and issues to post to", () => {
    expect(audit).toMatch(/^on:\n {2}schedule:\n {4}- cron: "[^"]+"/m);
    expect(audit).toMatch(/^ {2}workflow_dispatch:\n/m);
    expect(audit).toMatch(/^permissions:\n {2}contents: read\n\n/m);
    expect(audit).toMatch(/^ {4}permissions:\n {6}contents: read\n {6}issues: write\n {4}\S/m);
    expect(audit).not.toMatch(/write-all|pull-requests: write|contents: write/);
  });

  it("audit.yml posts the markdown report on exit 1 and fails on exit 2", () => {
    const audited = script("Audit");
    expect(audited).toContain("npx apiidentity audit --stack prod --stale-days \"$STALE_DAYS\" --format markdown > audit.md || code=$?");
    expect(audited).toContain('cat audit.md >> "$GITHUB_STEP_SUMMARY"');
    expect(audited).toMatch(/if \[ "\$code" -gt 1 \]; then\n(?:.*\n)*? {12}exit "\$code"/);
    expect(audit).toContain("if: steps.audit.outputs.code == '1'");
    expect(script("Post the findings to the audit issue")).toMatch(/gh issue comment "\$number" --body-file body\.md/);
    expect(script("Post the findings to the audit issue")).toMatch(/gh issue create .*--body-file body\.md/);
  });

  it("the Audit step passes on exit 0 and 1 (a report) and fails on exit 2, the report in the job summary each time", () => {
    for (const [code, exit] of [[0, 0], [1, 0], [2, 2]] as const) {
      const r = runAuditStep(code);
      expect([r.exit, r.output], `apiidentity audit exiting ${code}`).toEqual([exit, `code=${code}\n`]);
      expect(r.summary).toBe("## report of apiidentity audit --stack prod --stale-days 90 --format markdown\n");
    }
  });

  it("audit.yml reads secrets only as environment values, never inside a run: script", () => {
    const runs = [...audit.matchAll(/run: \|\n((?: {10}.*\n|\n)*)/g)].map((m) => m[1]!);
    expect(runs.length).toBeGreaterThan(0);
    for (const r of runs) expect(r).not.toMatch(/\$\{\{/);
    for (const m of audit.matchAll(/^\s*([A-Z0-9_]+): \$\{\{ secrets\.([A-Z0-9_]+) \}\}$/gm)) expect(m[1]).toBe(m[2]);
  });
});
