// scripts/engine.sh on its first run builds Go binaries for minutes: it must say what it is doing at
// least every 20 seconds. A stub `go` that sleeps stands in for the real build (no network, no Go).
import { execFile } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const script = resolve(import.meta.dirname, "../scripts/engine.sh");
const root = mkdtempSync(join(tmpdir(), "apiidentity-engine-progress-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

// Sleeps, then for `go build -o OUT` writes OUT as a program that answers `version` like the real CLI;
// for `go list -m -f {{.Dir}} MODULE` prints a module dir holding the Python host's exec script.
// Each call is logged to $FAKE_GO_LOG.
const FAKE_GO = `#!/bin/bash
echo "$*" >> "$FAKE_GO_LOG"
if [ "$1" = list ]; then
  d="$FAKE_GO_LOG.mod"; mkdir -p "$d/python/cmd"; echo '#!/usr/bin/env python' > "$d/python/cmd/pulumi-language-python-exec"; echo "$d"; exit 0
fi
sleep "$FAKE_GO_SECONDS"
[ "$1" = build ] || exit 0
while [ $# -gt 0 ]; do
  if [ "$1" = -o ]; then printf '#!/bin/sh\\necho v9.9.9\\n' > "$2"; chmod +x "$2"; fi
  shift
done
`;

function run(env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((res) =>
    execFile("bash", [script], { env, timeout: 60_000 }, (err, stdout, stderr) => res({ code: err ? Number(err.code ?? 1) : 0, stdout, stderr })),
  );
}

describe("scripts/engine.sh first build", () => {
  it("prints the step and the elapsed time while a slow step runs, and the bin dir last", async () => {
    const bin = join(root, "fake-bin");
    mkdirSync(bin);
    writeFileSync(join(bin, "go"), FAKE_GO);
    chmodSync(join(bin, "go"), 0o755);
    const cache = join(root, "cache");
    const r = await run({
      PATH: `${bin}:/usr/bin:/bin`,
      HOME: root,
      PULUMI_ENGINE_VERSION: "9.9.9",
      APIIDENTITY_ENGINE_CACHE: cache,
      APIIDENTITY_ENGINE_PROGRESS_SECONDS: "1",
      FAKE_GO_SECONDS: "3",
      FAKE_GO_LOG: join(root, "go-calls.log"),
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.trim().split("\n").pop()).toBe(join(cache, "bin"));
    for (const host of ["pulumi-language-nodejs", "pulumi-language-yaml", "pulumi-language-python", "pulumi-language-python-exec"]) {
      expect(existsSync(join(cache, "bin", host)), host).toBe(true);
    }
    const steps = [
      "[1/5] downloading",
      "[2/5] compiling the Pulumi CLI",
      "[3/5] building pulumi-language-nodejs",
      "[4/5] building pulumi-language-yaml from github.com/pulumi/pulumi-yaml@v1.25.0",
      "[5/5] building pulumi-language-python",
    ];
    for (const step of steps) {
      const progress = r.stderr.split("\n").filter((l) => l.includes(step) && /still running, \d+s for this step, \d+s in all/.test(l));
      expect(progress.length, r.stderr).toBeGreaterThanOrEqual(1);
      expect(r.stderr).toMatch(new RegExp(`${step.replace(/[[\]/.]/g, "\\$&")}.*: done in \\d+s`));
    }
  }, 45_000);

  it("reports a failing step with its exit code and stops", async () => {
    const bin = join(root, "failing-bin");
    mkdirSync(bin);
    writeFileSync(join(bin, "go"), "#!/bin/bash\necho 'go: module lookup disabled' >&2\nexit 3\n");
    chmodSync(join(bin, "go"), 0o755);
    const r = await run({ PATH: `${bin}:/usr/bin:/bin`, HOME: root, PULUMI_ENGINE_VERSION: "9.9.9", APIIDENTITY_ENGINE_CACHE: join(root, "cache2") });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain("go: module lookup disabled");
    expect(r.stderr).toMatch(/\[1\/5\] downloading the Go modules of Pulumi v9\.9\.9: failed \(exit 3\)/);
    expect(r.stdout).toBe("");
  });

  it("a cache that holds the CLI and the Node.js host builds only the YAML and Python hosts", async () => {
    const bin = join(root, "fake-bin-2");
    mkdirSync(bin);
    writeFileSync(join(bin, "go"), FAKE_GO);
    chmodSync(join(bin, "go"), 0o755);
    const cache = join(root, "cache3");
    mkdirSync(join(cache, "bin"), { recursive: true });
    writeFileSync(join(cache, "bin", "pulumi"), "#!/bin/sh\necho v9.9.9\n", { mode: 0o755 });
    writeFileSync(join(cache, "bin", "pulumi-language-nodejs"), "#!/bin/sh\n", { mode: 0o755 });
    const log = join(root, "go-calls-3.log");
    const r = await run({
      PATH: `${bin}:/usr/bin:/bin`,
      HOME: root,
      PULUMI_ENGINE_VERSION: "9.9.9",
      APIIDENTITY_ENGINE_CACHE: cache,
      FAKE_GO_SECONDS: "0",
      FAKE_GO_LOG: log,
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.trim().split("\n").pop()).toBe(join(cache, "bin"));
    expect(r.stderr).not.toMatch(/\[[123]\/5\]/);
    expect(r.stderr).toMatch(/\[4\/5\] building pulumi-language-yaml.*: done in \d+s/);
    expect(r.stderr).toMatch(/\[5\/5\] building pulumi-language-python.*: done in \d+s/);
    const builds = readFileSync(log, "utf8").split("\n").filter((l) => l.startsWith("build "));
    expect(builds.map((l) => l.split(" ").pop())).toEqual(["github.com/pulumi/pulumi-yaml/cmd/pulumi-language-yaml", "github.com/pulumi/pulumi/sdk/v3/python/cmd/pulumi-language-python"]);

    // A second run finds everything cached and calls no go at all.
    rmSync(log);
    const again = await run({ PATH: `${bin}:/usr/bin:/bin`, HOME: root, PULUMI_ENGINE_VERSION: "9.9.9", APIIDENTITY_ENGINE_CACHE: cache, FAKE_GO_SECONDS: "0", FAKE_GO_LOG: log });
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout.trim()).toBe(join(cache, "bin"));
    expect(existsSync(log)).toBe(false);
  });
});
