// `npm run bench -- --quick` keeps working: every contender goes through the four phases through the
// real pulumi CLI, results.json, results.md and the chart are written, and the targets that do not
// depend on timing (vendor requests at the documented minimum, one authentication per token vendor
// and phase, state sizes) are met, and the plugin contender's provider is the release's standalone
// binary. Wall-time targets are printed by the run, not asserted here: two busy cores make them noisy.
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "./harness.js";

const run = promisify(execFile);

interface Results {
  machine: { parallelism: number; cpus: number };
  results: { contender: string; phase: string; ok: boolean; ms: number; n: number; runs?: number[]; providerExecutables?: string[] }[];
  targets: { target: string; met: boolean; detail: string }[];
  skipped: Record<string, string>;
}

const CONTENDERS = ["floor", "textbook", "apiidentity-2kinds", "apiidentity", "apiidentity-plugin"];
const PHASES = ["up", "preview --refresh", "update", "destroy"];

let out: string;
let stdout: string;
let results: Results;

describe("npm run bench -- --quick", () => {
  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), "apiidentity-bench-test-"));
    await run("tsc", ["-p", "bench/tsconfig.json"], { cwd: repoRoot });
    const r = await run(process.execPath, ["dist/bench/main.js", "--quick", "--out", out], { cwd: repoRoot, maxBuffer: 16 * 1024 * 1024, timeout: 540_000 });
    stdout = r.stdout;
    results = JSON.parse(readFileSync(join(out, "results.json"), "utf8")) as Results;
  });
  afterAll(() => {
    if (out) rmSync(out, { recursive: true, force: true });
  });

  it("runs every contender through the four phases, or names why one could not run", () => {
    for (const c of CONTENDERS) {
      if (results.skipped[c]) {
        expect(results.skipped[c]).toMatch(/pending/);
        continue;
      }
      const phases = results.results.filter((r) => r.contender === c);
      expect(phases.map((r) => [r.phase, r.ok, r.n])).toEqual(PHASES.map((p) => [p, true, 10]));
      for (const r of phases) expect(r.ms).toBeGreaterThan(0);
    }
    expect(results.results.filter((r) => r.contender === "apiidentity")).toHaveLength(4);
    // The pair compared head to head on wall time ran three times each, interleaved; the others once.
    for (const r of results.results) expect(r.runs?.length ?? 1, `${r.contender} ${r.phase}`).toBe(["textbook", "apiidentity-2kinds"].includes(r.contender) ? 3 : 1);
    // The plugin contender runs the standalone binary of the release build, never node.
    expect(results.skipped["apiidentity-plugin"]).toBeUndefined();
    for (const r of results.results.filter((r) => r.contender === "apiidentity-plugin")) {
      expect(r.providerExecutables, r.phase).toHaveLength(1);
      expect(r.providerExecutables![0], r.phase).toMatch(/\/release-build\/[0-9a-f]{16}\/release\/build\/linux-amd64\/pulumi-resource-apiidentity$/);
    }
    expect(results.machine.parallelism).toBeGreaterThan(0);
  });

  it("meets the request, authentication and state-size targets", () => {
    const exact = results.targets.filter((t) => /authentication|documented minimum|__provider|state <=/.test(t.target));
    expect(exact.length).toBeGreaterThanOrEqual(8);
    expect(exact.filter((t) => !t.met)).toEqual([]);
  });

  it("prints the table and the targets, and writes results.md and an SVG chart of every contender", () => {
    expect(stdout).toMatch(/\| contender \| N \| phase \| wall s \|/);
    expect(stdout).toMatch(/\| target \| result \| measured \|/);
    expect(readFileSync(join(out, "results.md"), "utf8")).toContain("| apiidentity (5 kinds) | 10 | preview --refresh |");
    const svg = readFileSync(join(out, "phases.svg"), "utf8");
    expect(svg.startsWith("<svg")).toBe(true);
    for (const label of ["floor (no-op dynamic)", "textbook dynamic (2 kinds)", "apiidentity (5 kinds)"]) expect(svg).toContain(label);
    expect(existsSync(join(out, "scale.svg"))).toBe(false);
  });
});
