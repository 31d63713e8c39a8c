// The markdown the benchmark prints and writes: one row per contender, size and phase, then the
// requests of each kind against its minimum, then the targets.
import { CONTENDERS, type ContenderId } from "./contenders.js";
import type { Kind } from "./fleet.js";
import { PHASES, type PhaseResult } from "./measure.js";
import { minimumRequests } from "./minimum.js";
import { lowerBoundMs, type Target } from "./targets.js";

export interface Machine {
  date: string;
  cpus: number;
  node: string;
  pulumi: string;
  parallelism: number;
}

const total = (o: Partial<Record<string, number>>) => Object.values(o).reduce<number>((s, v) => s + (v ?? 0), 0);
const labelOf = (id: ContenderId) => CONTENDERS.find((c) => c.id === id)?.label ?? id;
const callsVendors = (id: ContenderId) => CONTENDERS.find((c) => c.id === id)?.callsVendors ?? true;
const s = (ms: number) => (ms / 1000).toFixed(1);
/** The range of repeated runs, after the median: " (15.9-18.0)". */
const spread = (runs: readonly number[] | undefined) => (runs && runs.length > 1 ? ` (${s(Math.min(...runs))}-${s(Math.max(...runs))})` : "");

export function resultsTable(results: readonly PhaseResult[], latencyMs: number, parallelism: number): string {
  const rows = [
    "| contender | N | phase | wall s | lower bound s | x bound | vendor req / identity | auth req per vendor | `__provider` B / res | state B / res | provider peak MiB | CPU s engine / program / provider |",
    "|---|---:|---|---:|---:|---:|---:|---|---:|---:|---:|---:|",
  ];
  for (const r of results) {
    const bound = lowerBoundMs(r, results, latencyMs, parallelism);
    const ids = total(r.identities);
    const vendor = callsVendors(r.contender);
    const auth = Object.entries(r.auth).sort().map(([v, c]) => `${v} ${c}`).join(", ") || "none";
    rows.push(
      `| ${labelOf(r.contender)} | ${r.n} | ${r.phase} | ${r.ok ? s(r.ms) + spread(r.runs) : "FAILED"} | ${bound !== undefined ? s(bound) : "-"} | ${r.ok && bound ? (r.ms / bound).toFixed(2) : "-"} | ` +
        `${vendor ? (total(r.requests) / ids).toFixed(2) : "-"} | ${vendor ? auth : "-"} | ${r.providerBytes ?? "-"} | ${r.stateBytes ?? "-"} | ${r.providerPeakMiB ?? "-"} | ${r.engineCpuS.toFixed(1)} / ${r.programCpuS.toFixed(1)} / ${r.providerCpuS.toFixed(1)} |`,
    );
  }
  return rows.join("\n");
}

/** Requests of each kind per phase against the documented minimum, for one contender and size. */
export function requestsTable(results: readonly PhaseResult[], contender: ContenderId, n: number): string {
  const rs = results.filter((r) => r.contender === contender && r.n === n && r.ok);
  if (rs.length === 0) return "";
  const kinds = Object.keys(rs[0]!.identities) as Kind[];
  const rows = [`| ${labelOf(contender)}, N=${n}: kind (identities) | ${PHASES.join(" | ")} |`, `|---|${PHASES.map(() => "---:").join("|")}|`];
  for (const kind of kinds) {
    const cells = PHASES.map((phase) => {
      const r = rs.find((x) => x.phase === phase);
      if (!r) return "-";
      const got = r.requests[kind] ?? 0;
      const want = minimumRequests(kind, phase, r.identities[kind] ?? 0);
      return got === want ? `${got}` : `${got} (min ${want})`;
    });
    rows.push(`| ${kind} (${rs[0]!.identities[kind]}) | ${cells.join(" | ")} |`);
  }
  return rows.join("\n");
}

export function targetsTable(targets: readonly Target[]): string {
  return ["| target | result | measured |", "|---|---|---|", ...targets.map((t) => `| ${t.target} | ${t.met ? "met" : "NOT MET"} | ${t.detail} |`)].join("\n");
}

export function markdown(o: {
  machine: Machine;
  latencyMs: number;
  results: readonly PhaseResult[];
  targets: readonly Target[];
  skipped: Record<string, string>;
  n: number;
  totalSeconds: number;
  skipCheckpoints: boolean;
}): string {
  const m = o.machine;
  const skipped = Object.entries(o.skipped).map(([id, why]) => `- ${id}: ${why}`);
  return [
    `Measured ${m.date} on ${m.cpus} CPUs, Node ${m.node}, pulumi ${m.pulumi} (engine parallelism ${m.parallelism}, the CLI's default); ` +
      `sandbox latency ${o.latencyMs} ms per vendor request${o.skipCheckpoints ? "; PULUMI_SKIP_CHECKPOINTS=true (state saved once per phase)" : ""}; whole run ${o.totalSeconds} s. ` +
      `With repeated runs, wall s is the median run's, with the range of all runs in brackets.`,
    "",
    resultsTable(o.results, o.latencyMs, m.parallelism),
    "",
    "Vendor requests of each kind (authentication apart) against the documented minimum:",
    "",
    requestsTable(o.results, "apiidentity", o.n),
    "",
    requestsTable(o.results, "apiidentity-plugin", o.n),
    "",
    targetsTable(o.targets),
    ...(skipped.length ? ["", "Not run:", ...skipped] : []),
    "",
  ].join("\n");
}
