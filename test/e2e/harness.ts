// End-to-end harness: throw-away Pulumi projects driven through the real `pulumi` CLI with a local
// file:// backend, a passphrase and no network. Programs import this package by its name from the
// built output (dist/), exactly as a user's program does; `pulumi-apiidentity/testing` (the test-only
// Memo) exists only in these projects.
import { execFile } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { installLocalPackage, offlinePulumiEnv, pulumiEngine } from "../../cli/local-project.js";
import { installTestKinds } from "./test-kinds.js";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/** The bin dir with `pulumi`, the Node.js language host and the dynamic-provider shim. */
export const engine = pulumiEngine;

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface ProjectOptions {
  /** Program source written to index.js (ESM). */
  program?: string;
  /** Or: a directory (e.g. an example) copied as the program. */
  programDir?: string;
  /** Extra environment for every pulumi call (e.g. vendor settings). */
  env?: Record<string, string>;
  stack?: string;
  /** False for a project that must not hold this checkout's package (a YAML or Python user of the released plugin). */
  installPackage?: boolean;
}

export interface PreviewStep {
  op: string;
  urn: string;
  diffReasons?: string[];
  replaceReasons?: string[];
  detailedDiff?: Record<string, { kind: string }>;
  oldState?: { id?: string; inputs?: Record<string, unknown>; outputs?: Record<string, unknown> };
  newState?: { id?: string; outputs?: Record<string, unknown>; inputs?: Record<string, unknown> };
}

export interface PreviewJson {
  steps: PreviewStep[];
  changeSummary: Record<string, number>;
}

export interface StateResource {
  urn: string;
  type: string;
  id?: string;
  inputs?: Record<string, unknown>;
  outputs?: Record<string, unknown>;
  /** `<provider urn>::<provider id>`: the provider that manages the resource. */
  provider?: string;
}

export class PulumiProject {
  readonly dir: string;
  readonly root: string;
  readonly stack: string;
  readonly env: Record<string, string>;

  constructor(opts: ProjectOptions) {
    this.root = mkdtempSync(join(tmpdir(), "apiidentity-e2e-"));
    this.dir = join(this.root, "program");
    this.stack = opts.stack ?? "e2e";
    if (opts.programDir) {
      cpSync(opts.programDir, this.dir, { recursive: true, filter: (src) => !/node_modules|Pulumi\.[^/]*\.yaml$/.test(src) });
    } else {
      mkdirSync(this.dir, { recursive: true });
      writeFileSync(join(this.dir, "Pulumi.yaml"), "name: e2e\nruntime: nodejs\n");
      writeFileSync(join(this.dir, "package.json"), JSON.stringify({ name: "e2e-program", type: "module", main: "index.js" }));
      writeFileSync(join(this.dir, "index.js"), opts.program ?? "");
    }
    if (opts.installPackage !== false) {
      installLocalPackage(this.dir); // as a user has it: installed in node_modules
      installTestKinds(this.dir); // plus the test-only kinds (TestingMemo), which the package does not ship
    }
    mkdirSync(join(this.root, "pulumi-state"));
    this.env = { ...offlinePulumiEnv(this.root, engine(), "e2e-passphrase"), NO_COLOR: "1", ...(opts.env ?? {}) };
  }

  async init(): Promise<this> {
    await this.ok(["stack", "init", this.stack]);
    return this;
  }

  run(args: string[], extraEnv: Record<string, string> = {}): Promise<RunResult> {
    return new Promise((res) => {
      execFile(
        join(engine(), "pulumi"),
        [...args, "--non-interactive", "--cwd", this.dir],
        { env: { ...this.env, ...extraEnv }, maxBuffer: 64 * 1024 * 1024, timeout: 300_000 },
        (err, stdout, stderr) => {
          const code = err ? (typeof err.code === "number" ? err.code : 1) : 0;
          res({ code, stdout, stderr });
        },
      );
    });
  }

  /** Runs and fails with the CLI output when the exit code is not 0. */
  async ok(args: string[], extraEnv: Record<string, string> = {}): Promise<RunResult> {
    const r = await this.run(args, extraEnv);
    if (r.code !== 0) throw new Error(`pulumi ${args.join(" ")} exited ${r.code}\n${r.stdout}\n${r.stderr}`);
    return r;
  }

  setConfig(key: string, value: string, secret = false): Promise<RunResult> {
    return this.ok(["config", "set", key, value, ...(secret ? ["--secret"] : ["--plaintext"])]);
  }

  async up(opts: { refresh?: boolean } = {}): Promise<RunResult> {
    return this.ok(["up", "--yes", "--skip-preview", ...(opts.refresh ? ["--refresh"] : [])]);
  }

  /** `pulumi preview --json` parsed. */
  async preview(opts: { refresh?: boolean; expectNoChanges?: boolean } = {}): Promise<PreviewJson & { code: number; raw: RunResult }> {
    const r = await this.run(["preview", "--json", ...(opts.refresh ? ["--refresh"] : []), ...(opts.expectNoChanges ? ["--expect-no-changes"] : [])]);
    const parsed = parseJson<PreviewJson>(r);
    return { ...parsed, code: r.code, raw: r };
  }

  refresh(): Promise<RunResult> {
    return this.ok(["refresh", "--yes", "--skip-preview"]);
  }

  destroy(): Promise<RunResult> {
    return this.ok(["destroy", "--yes", "--skip-preview"]);
  }

  async exportStack(): Promise<{ raw: string; resources: StateResource[] }> {
    const r = await this.ok(["stack", "export"]);
    const parsed = JSON.parse(r.stdout) as { deployment: { resources?: StateResource[] } };
    return { raw: r.stdout, resources: parsed.deployment.resources ?? [] };
  }

  async outputs(): Promise<Record<string, unknown>> {
    const r = await this.ok(["stack", "output", "--json", "--show-secrets"]);
    return JSON.parse(r.stdout) as Record<string, unknown>;
  }

  /** Rewrites the program (ESM index.js). */
  writeProgram(source: string): void {
    writeFileSync(join(this.dir, "index.js"), source);
  }

  cleanup(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}

function parseJson<T>(r: RunResult): T {
  const start = r.stdout.indexOf("{");
  if (start < 0) throw new Error(`no JSON in pulumi output (exit ${r.code})\n${r.stdout}\n${r.stderr}`);
  return JSON.parse(r.stdout.slice(start)) as T;
}

/**
 * Input properties a preview step changes. Dynamic providers report no per-property diff to the
 * engine, so compare the step's old and new inputs, as the CLI's `--diff` display does.
 */
export function changedInputs(step: PreviewStep): string[] {
  const a = step.oldState?.inputs ?? {};
  const b = step.newState?.inputs ?? {};
  return [...new Set([...Object.keys(a), ...Object.keys(b)])]
    .filter((k) => !k.startsWith("__") && JSON.stringify(a[k]) !== JSON.stringify(b[k]))
    .sort();
}

/** Custom resources of a kind in exported state. */
export function resourcesOfType(resources: StateResource[], typeName: string): StateResource[] {
  return resources.filter((r) => r.type === `pulumi-nodejs:dynamic/apiidentity:${typeName}`);
}
