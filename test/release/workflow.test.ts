// .github/workflows/release.yml against the project it releases: actionlint passes on every workflow
// (scripts/actionlint.sh, which npm test also runs), the macOS signing matrix is the darwin targets of
// the release's target table, every secret it reads is named in its header, and the build stamps the
// tag's version and this repository.
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { packageRoot } from "../../provider/plugin/package-info.js";
import { TARGETS } from "../../scripts/release/targets.mjs";

const run = promisify(execFile);
const workflow = readFileSync(join(packageRoot, ".github", "workflows", "release.yml"), "utf8");
const header = workflow.slice(0, workflow.indexOf("\nname:"));

describe(".github/workflows/release.yml", () => {
  it("passes actionlint, as every workflow must", async () => {
    const { stderr } = await run("bash", [join(packageRoot, "scripts", "actionlint.sh")], { cwd: packageRoot, timeout: 280_000 });
    expect(stderr).toMatch(/actionlint: \d+ workflow\(s\) pass: .*\.github\/workflows\/release\.yml/);
  }, 300_000);

  it("scripts/actionlint.sh builds actionlint once into its cache, then reuses it", async () => {
    const cache = mkdtempSync(join(tmpdir(), "apiidentity-actionlint-"));
    try {
      const env = { ...process.env, APIIDENTITY_ACTIONLINT_CACHE: cache, PATH: (process.env.PATH ?? "").split(":").filter((d) => !existsSync(join(d, "actionlint"))).join(":") };
      const first = await run("bash", [join(packageRoot, "scripts", "actionlint.sh"), "--bin"], { env, timeout: 280_000 });
      expect(first.stdout).toBe(`${join(cache, "actionlint")}\n`);
      expect(first.stderr).toMatch(/building github\.com\/rhysd\/actionlint\/cmd\/actionlint@v\d+\.\d+\.\d+ from the Go module proxy \(first time only\)/);
      const second = await run("bash", [join(packageRoot, "scripts", "actionlint.sh"), "--bin"], { env, timeout: 20_000 });
      expect([second.stdout, second.stderr]).toEqual([first.stdout, ""]);
    } finally {
      rmSync(cache, { recursive: true, force: true });
    }
  }, 300_000);

  it("runs on version tags only, and tests before it builds", () => {
    expect(workflow).toMatch(/^on:\n {2}push:\n {4}tags:\n {6}- "v\[0-9\]\+\.\[0-9\]\+\.\[0-9\]\+"\n {6}- "v\[0-9\]\+\.\[0-9\]\+\.\[0-9\]\+-\*"\n\n/m);
    expect(workflow).toContain("run: .ci/run");
    expect(workflow).toMatch(/\n {2}build:\n(?: {4}.*\n)*? {4}needs: test\n/);
  });

  it("signs each darwin target of the release build on a macOS runner of its architecture", () => {
    const matrix = [...workflow.matchAll(/- target: (\S+)\n\s+runner: (\S+)/g)].map((m) => [m[1], m[2]]);
    expect(matrix.map(([t]) => t).sort()).toEqual(TARGETS.filter((t) => t.os === "darwin").map((t) => t.name).sort());
    expect(Object.fromEntries(matrix)).toEqual({ "darwin-arm64": "macos-15", "darwin-amd64": "macos-15-intel" });
    expect(workflow).toContain("codesign --force --sign");
    expect(workflow).toContain("codesign --verify --strict");
  });

  it("stamps the tag's version and this repository, then packs the npm tarball", () => {
    expect(workflow).toContain('version="${GITHUB_REF_NAME#v}"');
    expect(workflow).toContain('npm run release -- --version "$version" --repository "$GITHUB_REPOSITORY"');
    expect(workflow).toContain("npm pack --pack-destination release/npm");
  });

  it("reads only secrets its header names, each as an env or with: value, never inside a run: script", () => {
    const used = [...new Set([...workflow.matchAll(/secrets\.([A-Z0-9_]+)/g)].map((m) => m[1]!))].filter((s) => s !== "GITHUB_TOKEN").sort();
    expect(used).toEqual(["APPLE_CERTIFICATE_P12_BASE64", "APPLE_CERTIFICATE_PASSWORD", "APPLE_SIGNING_IDENTITY", "NPM_TOKEN", "PYPI_API_TOKEN"]);
    for (const s of used) expect(header, s).toContain(s);
    const body = workflow.slice(header.length);
    for (const line of body.split("\n").filter((l) => l.includes("secrets."))) expect(line).toMatch(/^ +[A-Za-z_0-9]+: \$\{\{ secrets\.[A-Z0-9_]+ \}\}$/);
  });
});
