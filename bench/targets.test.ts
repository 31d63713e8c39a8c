// The scale lines of the benchmark: the package's growth in time per identity, and beside it the
// engine's own (the floor at the same sizes), so a miss says whose it is.
import { describe, expect, it } from "vitest";
import type { PhaseResult } from "./measure.js";
import { PHASES } from "./measure.js";
import { evaluate } from "./targets.js";

function run(contender: PhaseResult["contender"], n: number, msPerIdentity: Record<string, number>): PhaseResult[] {
  return PHASES.map((phase) => ({
    contender,
    n,
    phase,
    ok: true,
    ms: msPerIdentity[phase]! * n,
    identities: {},
    requests: {},
    auth: {},
    errors: 0,
    providerPeakMiB: n === 100 ? 180 : 200,
    providerCpuS: 0,
    programCpuS: 0,
    engineCpuS: 0,
  }));
}

const flat = { up: 30, "preview --refresh": 40, update: 30, destroy: 15 };
const grown = { up: 45, "preview --refresh": 20, update: 60, destroy: 30 };

describe("scale targets", () => {
  it("name the floor's own growth beside the package's when the floor ran at both sizes", () => {
    const results = [...run("apiidentity", 100, flat), ...run("apiidentity", 1000, grown), ...run("floor", 100, flat), ...run("floor", 1000, grown)];
    const lines = evaluate({ results, n: 100, latencyMs: 20, parallelism: 8, scale: { small: 100, large: 1000 } }).filter((t) => t.target.includes("time per identity"));
    const up = lines.find((t) => t.target.startsWith("scale: up "))!;
    expect(up.met).toBe(false);
    expect(up.detail).toBe("45 ms vs 30 ms per identity: 1.50x; the floor (the engine alone): 1.50x");
    const preview = lines.find((t) => t.target.startsWith("scale: preview --refresh "))!;
    expect(preview.met).toBe(true);
    expect(preview.detail).toContain("the floor (the engine alone): 0.50x");
  });

  it("say nothing of the floor when it did not run", () => {
    const results = [...run("apiidentity", 100, flat), ...run("apiidentity", 1000, flat)];
    const lines = evaluate({ results, n: 100, latencyMs: 20, parallelism: 8, scale: { small: 100, large: 1000 } }).filter((t) => t.target.includes("time per identity"));
    expect(lines).toHaveLength(4);
    for (const t of lines) {
      expect(t.met).toBe(true);
      expect(t.detail).not.toContain("floor");
    }
  });
});
