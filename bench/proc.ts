// Peak memory and CPU time of provider processes, read from Linux /proc while a pulumi command runs:
// the descendants of the pulumi CLI whose command line is a provider (the dynamic-provider host or a
// `pulumi-resource-*` plugin), each one's VmHWM (the kernel's own peak-RSS mark) and user + system
// CPU time kept per pid; the same CPU time for the Node.js program. CPU time tells where the time of
// a phase goes on a busy machine, where wall time alone is noisy.
import { readdirSync, readFileSync, readlinkSync } from "node:fs";

/** Provider processes: Pulumi's dynamic-provider host (node …/cmd/dynamic-provider) or a resource plugin. */
const PROVIDER = /cmd\/dynamic-provider|pulumi-resource-/;
/** The Node.js program, run by the language host through @pulumi/pulumi's cmd/run. */
const PROGRAM = /@pulumi\/pulumi\/cmd\/run/;
const TICKS_PER_SECOND = 100; // USER_HZ, 100 on Linux

/** utime + stime of a process in seconds (fields 14 and 15 of /proc/<pid>/stat, after the command name). */
function cpuSeconds(pid: number): number | undefined {
  const stat = read(`/proc/${pid}/stat`);
  if (!stat) return undefined;
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

function read(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined; // the process ended between the listing and the read
  }
}

/** Child pids of a process: Go starts children from any thread, so every task's list counts. */
function children(pid: number): number[] {
  let tasks: string[];
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return [];
  }
  return tasks.flatMap((t) => (read(`/proc/${pid}/task/${t}/children`) ?? "").split(" ").filter(Boolean).map(Number));
}

/** Every process below `root`, children first found first. */
export function descendants(root: number): number[] {
  const out: number[] = [];
  const queue = [root];
  while (queue.length) {
    for (const c of children(queue.shift()!)) {
      out.push(c);
      queue.push(c);
    }
  }
  return out;
}

/**
 * Kills a process and everything below it. The engine starts its language host and providers in
 * process groups of their own, so killing the CLI's group alone would leave them running.
 */
export function killTree(root: number): void {
  for (const pid of [root, ...descendants(root)]) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
}

/** Peak RSS in KiB (VmHWM) of a process, if it is still there. */
function peakKiB(pid: number): number | undefined {
  const m = /^VmHWM:\s+(\d+) kB/m.exec(read(`/proc/${pid}/status`) ?? "");
  return m ? Number(m[1]) : undefined;
}

export interface Sampled {
  /** The largest peak RSS of any provider process seen, MiB (undefined: none seen). */
  providerPeakMiB: number | undefined;
  /** CPU seconds of the provider processes, of the program, and of the engine (the CLI and its language host), as last seen. */
  providerCpuS: number;
  programCpuS: number;
  engineCpuS: number;
  /** The executables the provider processes ran (a plugin binary, or node for the dynamic-provider host), sorted. */
  providerExecutables: string[];
}

export interface MemorySampler {
  /** Stops sampling and tells what was seen. */
  stop(): Sampled;
}

/** Samples the provider processes below `root` every `everyMs` until stopped. */
export function sampleProviders(root: number, everyMs = 200): MemorySampler {
  const peaks = new Map<number, number>();
  const providerCpu = new Map<number, number>();
  const programCpu = new Map<number, number>();
  const engineCpu = new Map<number, number>();
  const executables = new Set<string>();
  const sample = () => {
    for (const pid of [root, ...descendants(root)]) {
      const cmd = read(`/proc/${pid}/cmdline`)?.replace(/\0/g, " ") ?? "";
      const cpu = cpuSeconds(pid);
      if (cpu !== undefined) (PROVIDER.test(cmd) ? providerCpu : PROGRAM.test(cmd) ? programCpu : engineCpu).set(pid, cpu);
      if (!PROVIDER.test(cmd)) continue;
      try {
        executables.add(readlinkSync(`/proc/${pid}/exe`));
      } catch {
        // gone already
      }
      const kib = peakKiB(pid);
      if (kib !== undefined) peaks.set(pid, Math.max(kib, peaks.get(pid) ?? 0));
    }
  };
  const total = (m: Map<number, number>) => Math.round([...m.values()].reduce((a, b) => a + b, 0) * 100) / 100;
  const timer = setInterval(sample, everyMs);
  sample();
  return {
    stop() {
      clearInterval(timer);
      sample();
      return { providerPeakMiB: peaks.size ? Math.max(...peaks.values()) / 1024 : undefined, providerCpuS: total(providerCpu), programCpuS: total(programCpu), engineCpuS: total(engineCpu), providerExecutables: [...executables].sort() };
    },
  };
}
