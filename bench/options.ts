// Command-line options of `npm run bench`.
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";

export interface BenchOptions {
  resources: number;
  latencyMs: number;
  out: string;
  quick: boolean;
  /** Also run apiidentity (and the floor) at each of `scaleSizes`. */
  scale: boolean;
  scaleSizes: number[];
  /** Only these contenders (ids), all when empty. */
  only: string[];
  /** Runs of every contender, interleaved; each phase reports the run with the median wall time. */
  repeat: number;
  /**
   * Runs of the two contenders compared head to head on wall time (textbook, apiidentity-2kinds),
   * at least `repeat`: 3 with --quick, where their phases differ by less than one run's noise.
   */
  pairRepeat: number;
  /** Runs pulumi with PULUMI_SKIP_CHECKPOINTS=true: state written once at the end of a phase, not after every step. */
  skipCheckpoints: boolean;
}

export const USAGE = `npm run bench -- [--resources N] [--latency-ms L] [--out DIR] [--quick] [--scale] [--scale-sizes 100,1000] [--only id,id]
  --resources N    identities per contender (default 200; --quick: 10)
  --latency-ms L   latency the sandbox adds to every vendor request (default 20; --quick: 5)
  --out DIR        where results.json, results.md and the charts go (default: a new temp dir)
  --quick          small and bounded (about a minute or two): what npm test runs
  --scale          also apiidentity and the floor at each size of --scale-sizes (time per identity vs N)
  --repeat K       run every contender K times, interleaved, and report each phase's median (default 1;
                   --quick runs textbook and apiidentity-2kinds at least 3 times, compared by median)
  --skip-checkpoints  pulumi with PULUMI_SKIP_CHECKPOINTS=true (state saved at the end only): the engine without its per-step writes
  --only           contenders to run: floor, textbook, apiidentity-2kinds, apiidentity, apiidentity-plugin`;

function positiveInt(name: string, raw: string | undefined, fallback: number, max: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > max) throw new Error(`--${name} ${raw}: expected an integer from 1 to ${max}`);
  return n;
}

export function parseOptions(argv: string[]): BenchOptions | "help" {
  const { values } = parseArgs({
    args: argv,
    options: {
      resources: { type: "string" },
      "latency-ms": { type: "string" },
      out: { type: "string" },
      quick: { type: "boolean", default: false },
      scale: { type: "boolean", default: false },
      "scale-sizes": { type: "string" },
      only: { type: "string" },
      repeat: { type: "string" },
      "skip-checkpoints": { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
    strict: true,
  });
  if (values.help) return "help";
  const quick = values.quick ?? false;
  const latency = values["latency-ms"] === undefined ? (quick ? 5 : 20) : Number(values["latency-ms"]);
  if (!Number.isFinite(latency) || latency < 0 || latency > 5000) throw new Error(`--latency-ms ${values["latency-ms"]}: expected a number of milliseconds from 0 to 5000`);
  const repeat = positiveInt("repeat", values.repeat, 1, 9);
  const scaleSizes = (values["scale-sizes"] ?? "100,1000").split(",").map((s) => positiveInt("scale-sizes", s.trim(), 0, 5000));
  return {
    resources: positiveInt("resources", values.resources, quick ? 10 : 200, 5000),
    latencyMs: latency,
    out: values.out ?? join(tmpdir(), `apiidentity-bench-results-${Date.now()}`),
    quick,
    scale: values.scale ?? false,
    scaleSizes,
    only: (values.only ?? "").split(",").map((s) => s.trim()).filter(Boolean),
    repeat,
    pairRepeat: Math.max(repeat, quick ? 3 : 1),
    skipCheckpoints: values["skip-checkpoints"] ?? false,
  };
}
