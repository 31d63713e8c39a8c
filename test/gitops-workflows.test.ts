// examples/gitops's workflows: actionlint checks them with the repository's own (scripts/actionlint.sh),
// and the scheduled audit job treats exit 1 of `apiidentity audit` as a report to post, fails on
// exit 2, reads credentials only from secrets into the environment, and asks for no more than it uses.
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { packageRoot } from "../provider/plugin/package-info.js";

const run = promisify(execFile);
const dir = join(packageRoot, "examples", "gitops", ".github", "workflows");
const audit = readFileSync(join(dir, "audit.yml"), "utf8");

/** The `run:` block of the step named `name`. */
function script(name: string): string {
  const step = audit.slice(audit.indexOf(`- name: ${name}\n`));
  const next = step.indexOf("\n      - ", 1);
  return next < 0 ? step : step.slice(0, next);
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

  it("audit.yml reads secrets only as environment values, never inside a run: script", () => {
    const runs = [...audit.matchAll(/run: \|\n((?: {10}.*\n|\n)*)/g)].map((m) => m[1]!);
    expect(runs.length).toBeGreaterThan(0);
    for (const r of runs) expect(r).not.toMatch(/\$\{\{/);
    for (const m of audit.matchAll(/^\s*([A-Z0-9_]+): \$\{\{ secrets\.([A-Z0-9_]+) \}\}$/gm)) expect(m[1]).toBe(m[2]);
  });
});
