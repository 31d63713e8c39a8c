// The lower bound of each phase and the targets (docs/performance.md), each met or not met, from the results.
import type { ContenderId } from "./contenders.js";
import { VENDOR_OF, type Kind } from "./fleet.js";
import { PHASES, type PhaseResult } from "./measure.js";
import { BASIC_VENDORS, minimumRequests, TOKEN_VENDORS } from "./minimum.js";

/** The two contenders compared head to head on wall time: the textbook and the package on its two kinds. */
export const HEAD_TO_HEAD: readonly ContenderId[] = ["textbook", "apiidentity-2kinds"];

/** Contenders held to the package's targets (requests, authentication, state). */
const PACKAGE: readonly ContenderId[] = ["apiidentity", "apiidentity-2kinds", "apiidentity-plugin"];

export interface Target {
  target: string;
  met: boolean;
  detail: string;
}

/** The fewest vendor requests of a phase: each kind's minimum plus one authentication per token vendor present. */
export function minimalCalls(r: PhaseResult): number {
  let calls = 0;
  const vendors = new Set<string>();
  for (const [kind, count] of Object.entries(r.identities) as [Kind, number][]) {
    calls += minimumRequests(kind, r.phase, count);
    if (count > 0) vendors.add(VENDOR_OF[kind]);
  }
  return calls + TOKEN_VENDORS.filter((v) => vendors.has(v)).length;
}

/**
 * floor + minimal vendor calls × latency ÷ engine parallelism: the engine's own time for N
 * resources plus the vendor latency no provider can avoid, spread over the engine's parallel steps.
 */
export function lowerBoundMs(r: PhaseResult, all: readonly PhaseResult[], latencyMs: number, parallelism: number): number | undefined {
  const floor = all.find((f) => f.contender === "floor" && f.n === r.n && f.phase === r.phase && f.ok);
  if (!floor) return undefined;
  return r.contender === "floor" ? floor.ms : floor.ms + (minimalCalls(r) * latencyMs) / parallelism;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export interface TargetInput {
  results: readonly PhaseResult[];
  n: number;
  latencyMs: number;
  parallelism: number;
  /** Sizes of the scaling run (smallest and largest), when it ran. */
  scale?: { small: number; large: number };
}

export function evaluate(o: TargetInput): Target[] {
  const out: Target[] = [];
  const at = (c: ContenderId, n: number) => o.results.filter((r) => r.contender === c && r.n === n);
  const ran = (c: ContenderId, n = o.n) => at(c, n).length > 0;

  for (const c of ["apiidentity", "apiidentity-plugin"] as const) {
    if (!ran(c)) continue;
    for (const phase of PHASES) {
      const r = at(c, o.n).find((x) => x.phase === phase);
      const bound = r ? lowerBoundMs(r, o.results, o.latencyMs, o.parallelism) : undefined;
      const ratio = r?.ok && bound ? r.ms / bound : undefined;
      out.push({
        target: `${c} ${phase} within 1.25x of its lower bound`,
        met: ratio !== undefined && ratio <= 1.25,
        detail: ratio !== undefined ? `${seconds(r!.ms)} vs bound ${seconds(bound!)}: ${ratio.toFixed(2)}x` : r?.ok === false ? "phase failed" : "no floor measured at this N",
      });
    }
  }

  if (ran("apiidentity-2kinds") && ran("textbook")) {
    for (const phase of PHASES) {
      const ours = at("apiidentity-2kinds", o.n).find((x) => x.phase === phase);
      const theirs = at("textbook", o.n).find((x) => x.phase === phase);
      const both = ours?.ok && theirs?.ok;
      out.push({
        target: `apiidentity ahead of textbook: ${phase} (2 kinds)`,
        met: Boolean(both && ours!.ms < theirs!.ms),
        detail: both ? `${seconds(ours!.ms)} vs ${seconds(theirs!.ms)} (${(ours!.ms / theirs!.ms).toFixed(2)}x)` : "a phase failed",
      });
    }
  }

  for (const c of PACKAGE) {
    const rs = at(c, o.n).filter((r) => r.ok);
    if (rs.length === 0) continue;
    const authMisses = rs.flatMap((r) =>
      Object.entries(r.auth)
        .filter(([v, count]) => ((BASIC_VENDORS as readonly string[]).includes(v) ? count > 0 : count > 1))
        .map(([v, count]) => `${r.phase}: ${v} ${count}`),
    );
    const most = Math.max(0, ...rs.flatMap((r) => Object.values(r.auth)));
    out.push({
      target: `${c}: at most 1 authentication per token vendor per phase, none for Basic-auth vendors`,
      met: authMisses.length === 0,
      detail: authMisses.length ? authMisses.join("; ") : `at most ${most} per vendor and phase`,
    });
    const reqMisses = rs.flatMap((r) =>
      (Object.entries(r.identities) as [Kind, number][])
        .map(([kind, count]) => ({ kind, want: minimumRequests(kind, r.phase, count), got: r.requests[kind] ?? 0 }))
        .filter((x) => x.got !== x.want)
        .map((x) => `${r.phase} ${x.kind}: ${x.got} (minimum ${x.want})`),
    );
    out.push({
      target: `${c}: vendor requests per identity equal the documented minimum of each kind and phase`,
      met: reqMisses.length === 0 && rs.length === PHASES.length,
      detail: reqMisses.length ? reqMisses.join("; ") : `${rs.length} phases, every kind at its minimum`,
    });
    const sized = rs.filter((r) => r.stateBytes !== undefined);
    const provider = Math.max(0, ...sized.map((r) => r.providerBytes ?? 0));
    const state = Math.max(0, ...sized.map((r) => r.stateBytes ?? 0));
    out.push({ target: `${c}: __provider <= 512 B per resource`, met: sized.length > 0 && provider <= 512, detail: `${provider} B` });
    out.push({ target: `${c}: state <= 3 KiB per resource`, met: sized.length > 0 && state <= 3072, detail: `${state} B` });
  }

  if (ran("apiidentity-plugin") && ran("floor")) {
    const p = at("apiidentity-plugin", o.n).find((r) => r.phase === "up");
    const f = at("floor", o.n).find((r) => r.phase === "up");
    const both = p?.ok && f?.ok;
    out.push({
      target: `plugin up of ${o.n} identities faster than ${o.n} no-op dynamic resources`,
      met: Boolean(both && p!.ms < f!.ms),
      detail: both ? `${seconds(p!.ms)} vs ${seconds(f!.ms)}` : "a phase failed",
    });
  }

  if (o.scale) {
    const { small, large } = o.scale;
    const s = at("apiidentity", small);
    const l = at("apiidentity", large);
    out.push({
      target: `scale: N=${large} completes every phase`,
      met: l.length === PHASES.length && l.every((r) => r.ok),
      detail: l.filter((r) => !r.ok).map((r) => `${r.phase} failed`).join("; ") || `${l.length} phases ok`,
    });
    // Time per identity at the large size over that at the small one.
    const growth = (c: ContenderId, phase: string) => {
      const a = at(c, small).find((r) => r.phase === phase);
      const b = at(c, large).find((r) => r.phase === phase);
      return a?.ok && b?.ok ? { small: a.ms / a.n, large: b.ms / b.n, ratio: b.ms / b.n / (a.ms / a.n) } : undefined;
    };
    for (const phase of PHASES) {
      const g = growth("apiidentity", phase);
      // The engine's own growth beside ours: with a file backend its per-step checkpoints grow with N.
      const floor = growth("floor", phase);
      const engine = floor ? `; the floor (the engine alone): ${floor.ratio.toFixed(2)}x` : "";
      out.push({
        target: `scale: ${phase} time per identity at N=${large} within 1.2x of N=${small}`,
        met: g !== undefined && g.ratio <= 1.2,
        detail: g ? `${g.large.toFixed(0)} ms vs ${g.small.toFixed(0)} ms per identity: ${g.ratio.toFixed(2)}x${engine}` : "a phase failed",
      });
    }
    const peak = (rs: readonly PhaseResult[]) => Math.max(0, ...rs.map((r) => r.providerPeakMiB ?? 0));
    const ps = peak(s);
    const pl = peak(l);
    out.push({
      target: `scale: provider memory grows less than linearly with N`,
      met: ps > 0 && pl / ps < large / small,
      detail: `peak ${ps} MiB at N=${small}, ${pl} MiB at N=${large} (${(pl / ps).toFixed(2)}x for ${large / small}x the identities; ${(((pl - ps) * 1024) / (large - small)).toFixed(1)} KiB per extra identity)`,
    });
  }
  return out;
}
