// A throw-away Pulumi project in a temp dir, driven through the real `pulumi` CLI with a local
// file:// backend and no network, as the end-to-end tests do (this package installed from dist/ into
// its node_modules). A timeout or Ctrl-C ends the CLI together with every process below it (its
// language host, program and providers).
import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { installLocalPackage, offlinePulumiEnv, pulumiEngine } from "../cli/local-project.js";
import { killTree, sampleProviders, type Sampled } from "./proc.js";

export interface Timed extends Sampled {
  code: number;
  stdout: string;
  stderr: string;
  ms: number;
  timedOut: boolean;
}

/** Every running pulumi process group, so that an interrupted benchmark can end them. */
const running = new Set<ChildProcess>();

export function killRunning(): void {
  for (const child of running) killTree(child.pid!);
}

/** Projects not yet cleaned up: removed by `cleanupAll` when the benchmark is interrupted. */
const open = new Set<BenchProject>();

/** Ends every running pulumi command and removes every project's temp dir (interrupt, failure). */
export function cleanupAll(): void {
  killRunning();
  for (const p of open) p.cleanup();
}

export class BenchProject {
  readonly root: string;
  readonly dir: string;
  private readonly env: Record<string, string>;

  /** `files`: path in the project → absolute source path, copied beside index.js. */
  constructor(program: string, env: Record<string, string>, files: Record<string, string> = {}, binDirs: string[] = []) {
    this.root = mkdtempSync(join(tmpdir(), "apiidentity-bench-"));
    open.add(this);
    this.dir = join(this.root, "program");
    mkdirSync(this.dir, { recursive: true });
    writeFileSync(join(this.dir, "Pulumi.yaml"), "name: bench\nruntime: nodejs\n");
    writeFileSync(join(this.dir, "package.json"), JSON.stringify({ name: "bench-program", type: "module", main: "index.js" }));
    this.writeProgram(program);
    for (const [to, from] of Object.entries(files)) cpSync(from, join(this.dir, to), { recursive: true });
    installLocalPackage(this.dir);
    mkdirSync(join(this.root, "pulumi-state"));
    const base = offlinePulumiEnv(this.root, pulumiEngine(), "bench-passphrase");
    this.env = { ...base, NO_COLOR: "1", ...env, PATH: [...binDirs, base.PATH].join(":") };
  }

  writeProgram(source: string): void {
    writeFileSync(join(this.dir, "index.js"), source);
  }

  /** Runs `pulumi <args>`, timing it and sampling its provider processes' memory; never throws on exit codes. */
  run(args: string[], timeoutMs: number): Promise<Timed> {
    return new Promise((resolve, reject) => {
      const started = performance.now();
      const child = spawn(join(pulumiEngine(), "pulumi"), [...args, "--non-interactive", "--cwd", this.dir], {
        env: this.env,
        detached: true, // its own process group: a Ctrl-C at the terminal reaches the benchmark, which ends it
        stdio: ["ignore", "pipe", "pipe"],
      });
      running.add(child);
      const memory = sampleProviders(child.pid!);
      let stdout = "";
      let stderr = "";
      let timedOut = false;
      child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
      child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
      const timer = setTimeout(() => {
        timedOut = true;
        killTree(child.pid!);
      }, timeoutMs);
      child.on("error", (e) => {
        clearTimeout(timer);
        running.delete(child);
        memory.stop();
        reject(e);
      });
      child.on("close", (code) => {
        const ms = performance.now() - started;
        clearTimeout(timer);
        running.delete(child);
        resolve({ code: code ?? 1, stdout, stderr, ms, ...memory.stop(), timedOut });
      });
    });
  }

  /** Runs and fails with the CLI's output when it does not exit 0. */
  async ok(args: string[], timeoutMs = 120_000): Promise<Timed> {
    const r = await this.run(args, timeoutMs);
    if (r.code !== 0) throw new Error(`pulumi ${args.join(" ")} ${r.timedOut ? `timed out after ${timeoutMs} ms` : `exited ${r.code}`}\n${tail(r.stdout)}\n${tail(r.stderr)}`);
    return r;
  }

  cleanup(): void {
    open.delete(this);
    rmSync(this.root, { recursive: true, force: true });
  }
}

/** The last lines of a long output, for error messages. */
export function tail(text: string, lines = 40): string {
  return text.split("\n").slice(-lines).join("\n");
}
