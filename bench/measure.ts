// One contender through the four phases against a fresh in-process sandbox with a per-request
// latency fault: wall time of each pulumi command, the vendor requests it caused (the sandbox's
// counters), the provider processes' peak memory, and the size of what each identity keeps in state.
import { startSandbox, type RequestCount } from "../sandbox/index.js";
import type { Contender } from "./contenders.js";
import { members, VENDOR_OF, type Kind, type Member } from "./fleet.js";
import { BenchProject } from "./project.js";

export const PHASES = ["up", "preview --refresh", "update", "destroy"] as const;
export type Phase = (typeof PHASES)[number];

/** The pulumi command of each phase. `update` is an `up` after one property of every identity changed. */
const COMMANDS: Record<Phase, string[]> = {
  up: ["up", "--yes", "--skip-preview"],
  "preview --refresh": ["preview", "--refresh", "--expect-no-changes"],
  update: ["up", "--yes", "--skip-preview"],
  destroy: ["destroy", "--yes", "--skip-preview"],
};

export interface PhaseResult {
  contender: Contender["id"];
  n: number;
  phase: Phase;
  ok: boolean;
  /** The CLI's output tail when the phase failed. */
  error?: string;
  ms: number;
  /** With --repeat: the wall time of every run of this phase, ms (the row is the median run). */
  runs?: number[];
  /** Identities of each kind in the program. */
  identities: Partial<Record<Kind, number>>;
  /** Vendor requests of each kind, authentication excluded. */
  requests: Partial<Record<Kind, number>>;
  /** Authentication requests (token, login) per sandbox vendor id. */
  auth: Record<string, number>;
  /** Requests the sandbox answered with 4xx/5xx other than 404, which the minimum never needs. */
  errors: number;
  providerPeakMiB?: number;
  /** CPU seconds (user + system) of the provider processes, of the Node.js program and of the engine (CLI, language host) during the phase. */
  providerCpuS: number;
  programCpuS: number;
  engineCpuS: number;
  /** The executables the provider processes ran (bench/proc.ts), when any was seen. */
  providerExecutables?: string[];
  /** After up and update: mean bytes of the `__provider` value per identity, and of its whole state entry. */
  providerBytes?: number;
  stateBytes?: number;
}

/** Authentication calls of the token vendors (Basic-auth vendors make none). */
export const AUTH_ROUTE = /(\/oauth2\/token|\/connect\/token|\/endpoint\/default\/token|\/authentication(\/token)?)$/;

export function tally(counts: readonly RequestCount[]): Pick<PhaseResult, "requests" | "auth" | "errors"> {
  const kindOf = Object.fromEntries(Object.entries(VENDOR_OF).map(([k, v]) => [v, k as Kind]));
  const requests: Partial<Record<Kind, number>> = {};
  const auth: Record<string, number> = {};
  let errors = 0;
  for (const c of counts) {
    if (c.status >= 400 && c.status !== 404) errors += c.count;
    if (AUTH_ROUTE.test(c.route)) auth[c.vendor] = (auth[c.vendor] ?? 0) + c.count;
    else {
      const kind = kindOf[c.vendor];
      if (kind) requests[kind] = (requests[kind] ?? 0) + c.count;
    }
  }
  return { requests, auth, errors };
}

interface ExportedResource {
  type: string;
  inputs?: Record<string, unknown>;
  outputs?: Record<string, unknown>;
}

function stateSizes(exported: string, c: Contender): Pick<PhaseResult, "providerBytes" | "stateBytes"> {
  const resources = (JSON.parse(exported) as { deployment: { resources?: ExportedResource[] } }).deployment.resources ?? [];
  const mine = resources.filter((r) => c.measures(r.type));
  if (mine.length === 0) return {};
  const provider = (r: ExportedResource) => {
    const v = r.outputs?.__provider ?? r.inputs?.__provider;
    return v === undefined ? 0 : Buffer.byteLength(typeof v === "string" ? v : JSON.stringify(v));
  };
  const mean = (f: (r: ExportedResource) => number) => Math.round(mine.reduce((s, r) => s + f(r), 0) / mine.length);
  return { providerBytes: mean(provider), stateBytes: mean((r) => Buffer.byteLength(JSON.stringify(r))) };
}

export interface RunOptions {
  n: number;
  latencyMs: number;
  /** Bound of each pulumi command. */
  timeoutMs: number;
  /** Environment added to every pulumi command (e.g. PULUMI_SKIP_CHECKPOINTS). */
  engineEnv: Record<string, string>;
  log: (line: string) => void;
}

/** Runs the four phases of one contender; a failed phase ends the contender's run (its sandbox and state are thrown away). */
export async function runContender(c: Contender, o: RunOptions): Promise<PhaseResult[]> {
  const sandbox = await startSandbox();
  sandbox.faults.add({ effect: { type: "latency", ms: o.latencyMs } });
  const generation = (g: string): Member[] => members(o.n, c.kinds, g);
  const project = new BenchProject(c.program(generation("v1")), { ...sandbox.config().env, ...o.engineEnv }, c.files(), c.binDirs());
  const results: PhaseResult[] = [];
  try {
    await project.ok(["stack", "init", "bench"]);
    for (const phase of PHASES) {
      if (phase === "update") project.writeProgram(c.program(generation("v2")));
      sandbox.clearRequests();
      const r = await project.run(COMMANDS[phase], o.timeoutMs);
      const result: PhaseResult = {
        contender: c.id,
        n: o.n,
        phase,
        ok: r.code === 0,
        ms: Math.round(r.ms),
        identities: countKinds(generation("v1")),
        ...tally(sandbox.requests()),
        ...(r.providerPeakMiB !== undefined ? { providerPeakMiB: Math.round(r.providerPeakMiB * 10) / 10 } : {}),
        providerCpuS: r.providerCpuS,
        programCpuS: r.programCpuS,
        engineCpuS: r.engineCpuS,
        ...(r.providerExecutables.length ? { providerExecutables: r.providerExecutables } : {}),
      };
      if (!result.ok) result.error = `${r.timedOut ? `timed out after ${o.timeoutMs} ms` : `exit ${r.code}`}\n${lastLines(r.stdout + "\n" + r.stderr)}`;
      if (result.ok && (phase === "up" || phase === "update")) Object.assign(result, stateSizes((await project.ok(["stack", "export"])).stdout, c));
      results.push(result);
      o.log(`  ${c.id} N=${o.n} ${phase}: ${result.ok ? `${(result.ms / 1000).toFixed(1)} s` : `FAILED (${result.error?.split("\n")[0]})`}`);
      if (!result.ok) break;
    }
  } finally {
    project.cleanup();
    await sandbox.close();
  }
  return results;
}

/**
 * One row per contender, size and phase out of repeated runs: the run with the median wall time
 * (the lower one of the middle two for an even count), or a failed run when any failed.
 */
export function medianRuns(all: readonly PhaseResult[]): PhaseResult[] {
  const groups = new Map<string, PhaseResult[]>();
  for (const r of all) {
    const key = `${r.contender}|${r.n}|${r.phase}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return [...groups.values()].map((rs) => {
    const failed = rs.find((r) => !r.ok);
    if (failed) return failed;
    if (rs.length === 1) return rs[0]!;
    const sorted = [...rs].sort((a, b) => a.ms - b.ms);
    return { ...sorted[Math.floor((sorted.length - 1) / 2)]!, runs: rs.map((r) => r.ms) };
  });
}

function countKinds(list: readonly Member[]): Partial<Record<Kind, number>> {
  const out: Partial<Record<Kind, number>> = {};
  for (const m of list) out[m.kind] = (out[m.kind] ?? 0) + 1;
  return out;
}

function lastLines(text: string, n = 30): string {
  return text.trim().split("\n").slice(-n).join("\n");
}
