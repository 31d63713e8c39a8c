// `npm run bench`: the four phases (up, preview --refresh, update, destroy) through the real pulumi
// CLI for each contender, one after the other; prints a markdown table and the targets, writes
// results.json, results.md and SVG charts to --out. Cleans up its stacks, sandboxes and temp dirs,
// also when a phase fails or the run is interrupted.
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { join } from "node:path";
import { pulumiEngine } from "../cli/local-project.js";
import { phaseChart, scaleChart } from "./chart.js";
import { CONTENDERS, type Contender } from "./contenders.js";
import { medianRuns, runContender, type PhaseResult } from "./measure.js";
import { parseOptions, USAGE } from "./options.js";
import { cleanupAll } from "./project.js";
import { markdown, type Machine } from "./report.js";
import { evaluate, HEAD_TO_HEAD } from "./targets.js";

/** The CLI's version and its default `--parallel` (4 x CPUs in current releases), read from the CLI itself. */
function machine(): Machine {
  const pulumi = join(pulumiEngine(), "pulumi");
  const version = execFileSync(pulumi, ["version"], { encoding: "utf8" }).trim();
  const help = execFileSync(pulumi, ["up", "--help"], { encoding: "utf8" });
  const parallel = /--parallel int32 .*\(default (\d+)\)/.exec(help);
  if (!parallel) throw new Error("could not read the default of --parallel from `pulumi up --help`");
  return { date: new Date().toISOString().slice(0, 16).replace("T", " ") + " UTC", cpus: cpus().length, node: process.version, pulumi: version, parallelism: Number(parallel[1]) };
}

async function main(): Promise<number> {
  const opts = parseOptions(process.argv.slice(2));
  if (opts === "help") {
    console.log(USAGE);
    return 0;
  }
  const started = performance.now();
  const log = (line: string) => console.error(line);
  const m = machine();
  const chosen = CONTENDERS.filter((c) => opts.only.length === 0 || opts.only.includes(c.id));
  const skipped: Record<string, string> = {};
  const all: PhaseResult[] = [];
  const done = new Set<string>();
  const run = async (c: Contender, n: number, rep: number) => {
    if (done.has(`${c.id}|${n}|${rep}`)) return;
    done.add(`${c.id}|${n}|${rep}`);
    // Bounded: a phase that takes longer than 2 min plus 2 s per identity is a failure, not a wait.
    // The sandbox enforces no rate limit here: pacing to a vendor's published one would only add its
    // windows beyond its budget, which measures the vendor's limit, not the engine or the provider.
    const engineEnv: Record<string, string> = { APIIDENTITY_RATE_LIMIT_PACING: "off", ...(opts.skipCheckpoints ? { PULUMI_SKIP_CHECKPOINTS: "true" } : {}) };
    all.push(...(await runContender(c, { n, latencyMs: opts.latencyMs, timeoutMs: 120_000 + n * 2_000, engineEnv, log })));
  };
  log(`bench: ${opts.resources} identities per contender, ${opts.latencyMs} ms vendor latency, engine parallelism ${m.parallelism}, ${opts.repeat} run(s) each${opts.pairRepeat > opts.repeat ? ` (${HEAD_TO_HEAD.join(" and ")}: ${opts.pairRepeat}, compared by median)` : ""}${opts.skipCheckpoints ? ", PULUMI_SKIP_CHECKPOINTS=true" : ""}; results in ${opts.out}`);
  const runnable = chosen.filter((c) => {
    const why = c.unavailable();
    if (why) {
      skipped[c.id] = why;
      log(`  ${c.id}: skipped, ${why}`);
    }
    return !why;
  });
  const sizes = [...opts.scaleSizes].sort((a, b) => a - b);
  // Repeats are interleaved (every contender once, then again) so that a busy spell of the machine
  // does not fall on one contender only. The pair compared on wall time may run more often.
  for (let rep = 0; rep < opts.pairRepeat; rep++) {
    for (const c of runnable) if (rep < opts.repeat || HEAD_TO_HEAD.includes(c.id)) await run(c, opts.resources, rep);
    if (opts.scale) for (const n of sizes) for (const c of CONTENDERS.filter((x) => x.id === "floor" || x.id === "apiidentity")) await run(c, n, rep);
  }
  const results = medianRuns(all);
  const scale = opts.scale && sizes.length > 1 ? { small: sizes[0]!, large: sizes.at(-1)! } : undefined;
  const targets = evaluate({ results, n: opts.resources, latencyMs: opts.latencyMs, parallelism: m.parallelism, ...(scale ? { scale } : {}) });
  const totalSeconds = Math.round((performance.now() - started) / 1000);
  const md = markdown({ machine: m, latencyMs: opts.latencyMs, results, targets, skipped, n: opts.resources, totalSeconds, skipCheckpoints: opts.skipCheckpoints });

  mkdirSync(opts.out, { recursive: true });
  writeFileSync(join(opts.out, "results.json"), JSON.stringify({ machine: m, options: opts, totalSeconds, results, targets, skipped }, null, 2) + "\n");
  writeFileSync(join(opts.out, "results.md"), md);
  writeFileSync(join(opts.out, "phases.svg"), await phaseChart(results, opts.resources, opts.latencyMs));
  if (scale) writeFileSync(join(opts.out, "scale.svg"), await scaleChart(results, sizes));
  console.log(md);
  const missed = targets.filter((t) => !t.met).length;
  log(`bench: ${targets.length - missed} of ${targets.length} targets met; total ${totalSeconds} s; results.json, results.md and charts in ${opts.out}`);
  return results.every((r) => r.ok) ? 0 : 1;
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    console.error(`bench: ${signal}, stopping pulumi and removing temp dirs`);
    cleanupAll();
    process.exit(130);
  });
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof Error ? e.message : String(e));
    cleanupAll();
    process.exit(1);
  },
);
