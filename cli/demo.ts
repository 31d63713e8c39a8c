// `npm run demo`: the main job end to end against the local sandbox — no vendor accounts, no Pulumi
// account, no network. Every step is printed as it happens. `--keep` leaves stack and sandbox up.
// A repository script, not part of the package: it builds the engine with scripts/engine.sh and
// copies examples/quickstart, neither of which ships.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { closeSync, cpSync, mkdirSync, mkdtempSync, openSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { specialSigKey } from "@pulumi/pulumi/runtime/rpc.js";
import { handlerFor } from "../provider/handlers.js";
import { environmentSettings } from "../provider/settings.js";
import type { SandboxEntry, VendorDemo } from "../provider/vendor-module.js";
import { VENDORS } from "../provider/vendors/index.js";
import { formatDrift, runDrift } from "./drift.js";
import { installLocalPackage, offlinePulumiEnv, packageRoot, pulumiEngine } from "./local-project.js";
import { DYNAMIC_TYPE_PREFIX } from "./resource-types.js";
import { CommandRunError, messageOf } from "./errors.js";

const STACK = "demo";
// The demo runs the TypeScript quickstart: its resources are dynamic ones.
const TYPE_PREFIX = DYNAMIC_TYPE_PREFIX;

const say = (s = "") => process.stdout.write(s + "\n");
const heading = (n: number, s: string) => say(`\n━━ ${n}. ${s}`);

interface Ctx {
  root: string;
  dir: string;
  env: Record<string, string>;
  pulumi: string;
}

/** Runs pulumi with its output shown indented under the current step. */
function pulumiStep(ctx: Ctx, args: string[], opts: { quiet?: boolean } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(ctx.pulumi, [...args, "--non-interactive", "--cwd", ctx.dir, "--stack", STACK], { env: ctx.env });
    let out = "";
    const show = (d: Buffer) => {
      out += d.toString();
      if (!opts.quiet) process.stdout.write(d.toString().replace(/^(?=.)/gm, "   │ "));
    };
    child.stdout.on("data", show);
    child.stderr.on("data", show);
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve(out) : reject(new CommandRunError(`pulumi ${args.join(" ")} exited ${code}\n${opts.quiet ? out : ""}`))));
  });
}

async function startSandbox(stateFile: string, logFile: string): Promise<{ url: string; child: ChildProcess }> {
  // Its own process group and a log file: with --keep it must outlive the demo and hold none of our pipes.
  const log = openSync(logFile, "a");
  const child = spawn(process.execPath, [join(packageRoot, "bin/apiidentity-sandbox.js"), "--port", "0", "--state", stateFile], {
    stdio: ["ignore", "pipe", log],
    detached: true,
  });
  closeSync(log);
  const url = await new Promise<string>((resolve, reject) => {
    let buf = "";
    child.stdout!.on("data", (d: Buffer) => {
      buf += d.toString();
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(buf);
      if (m) resolve(m[1]!);
    });
    child.on("exit", (code) => reject(new CommandRunError(`sandbox exited ${code}`)));
  });
  return { url, child };
}

async function json<T>(url: string, init?: RequestInit): Promise<T> {
  const r = await fetch(url, init);
  if (!r.ok) throw new CommandRunError(`${init?.method ?? "GET"} ${url} answered ${r.status}: ${await r.text()}`);
  return (await r.json()) as T;
}

type Vendors = Record<string, SandboxEntry>;

// What the demo does at each vendor (its demo module, loaded once by main(): the npm package leaves them out); the table lists kinds in the registry's order.
const demos = new Map<string, VendorDemo>();
const demoOf = (kind: string): VendorDemo | undefined => demos.get(VENDORS.find((v) => v.kinds.some((k) => k.kind === kind))?.name ?? "");
const demoAt = (v: { name: string }): VendorDemo => demos.get(v.name)!;
const TABLE_ORDER = VENDORS.flatMap((v) => v.kinds.map((k) => k.kind));

/** A password the vendors' rules accept: 8 to 15 characters of a limited set, three of four classes. */
function demoPassword(): string {
  const hex = [...crypto.getRandomValues(new Uint8Array(4))].map((b) => b.toString(16).padStart(2, "0")).join("");
  return `Dm#${hex}Q7`;
}

interface Row {
  vendor: string;
  kind: string;
  name: string;
  id: string;
  lastUsed: string;
}

/** What exists at each vendor now, read live through each resource's own read(). */
interface Ref {
  kind: string;
  id: string;
  outputs: Record<string, unknown>;
}

async function vendorTable(ctx: Ctx): Promise<{ rows: Row[]; secrets: string[]; refs: Ref[] }> {
  const exported = JSON.parse(execFileSync(ctx.pulumi, ["stack", "export", "--show-secrets", "--cwd", ctx.dir, "--stack", STACK], { env: ctx.env, encoding: "utf8" })) as {
    deployment: { resources?: { type: string; urn: string; id?: string; outputs?: Record<string, unknown> }[] };
  };
  const encrypted = JSON.parse(execFileSync(ctx.pulumi, ["stack", "export", "--cwd", ctx.dir, "--stack", STACK], { env: ctx.env, encoding: "utf8" })) as typeof exported;
  const rows: Row[] = [];
  const secrets: string[] = [];
  const refs: Ref[] = [];
  for (const r of exported.deployment.resources ?? []) {
    if (!r.type.startsWith(TYPE_PREFIX) || !r.id) continue;
    const kind = r.type.slice(TYPE_PREFIX.length);
    refs.push({ kind, id: r.id, outputs: r.outputs ?? {} });
    const live = await handlerFor(kind).with(environmentSettings()).read(r.id, r.outputs ?? {});
    const p = (live.props ?? {}) as Record<string, unknown>;
    const demo = demoOf(kind);
    const name = demo?.name(p) ?? r.urn.split("::").pop()!;
    // Only some vendors report use through their APIs: those with a lastUsed.
    const lastUsed = demo?.lastUsed ? (demo.lastUsed(p) ?? "never") : "not reported by the API";
    rows.push({ vendor: handlerFor(kind).vendor, kind, name, id: live.id ?? "(gone)", lastUsed });
  }
  for (const r of encrypted.deployment.resources ?? []) {
    if (!r.type.startsWith(TYPE_PREFIX)) continue;
    for (const [k, v] of Object.entries(r.outputs ?? {})) {
      if (typeof v === "object" && v !== null && specialSigKey in v) secrets.push(`${r.type.slice(TYPE_PREFIX.length)}.${k}`);
    }
  }
  rows.sort((a, b) => TABLE_ORDER.indexOf(a.kind) - TABLE_ORDER.indexOf(b.kind));
  return { rows, secrets: [...new Set(secrets)].sort(), refs };
}

function printTable(rows: Row[]): void {
  const cols: (keyof Row)[] = ["vendor", "kind", "name", "id", "lastUsed"];
  const head: Record<keyof Row, string> = { vendor: "VENDOR", kind: "KIND", name: "NAME", id: "ID", lastUsed: "LAST USED" };
  const width = Object.fromEntries(cols.map((c) => [c, Math.max(head[c].length, ...rows.map((r) => r[c].length))])) as Record<keyof Row, number>;
  const line = (r: Record<keyof Row, string>) => "   " + cols.map((c) => r[c].padEnd(width[c])).join("  ");
  say(line(head));
  for (const r of rows) say(line(r));
}

/** The console edits a colleague might make: done through the vendor APIs, outside Pulumi. */
async function consoleEdits(vendors: Vendors, ids: Record<string, string>): Promise<string[]> {
  const done: string[] = [];
  for (const v of VENDORS) {
    const id = v.kinds.map((k) => ids[k.kind]).find((x) => x !== undefined);
    const demo = demoAt(v);
    if (demo.consoleEdit && id !== undefined) done.push(await demo.consoleEdit(vendors[v.name] ?? {}, id));
  }
  return done;
}

export async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { keep: { type: "boolean", default: false } } });
  const started = Date.now();
  say("apiidentity demo: the main job against the local sandbox (no vendor accounts, no network)");
  for (const v of VENDORS) demos.set(v.name, await v.demo());

  heading(0, "Setting up: Pulumi engine, sandbox, a fresh stack of examples/quickstart");
  const engineBin = pulumiEngine();
  say(`   engine:  ${engineBin}`);
  const root = mkdtempSync(join(tmpdir(), "apiidentity-demo-"));
  const sandbox = await startSandbox(join(root, "sandbox-state.json"), join(root, "sandbox.log"));
  say(`   sandbox: ${sandbox.url} (state in ${join(root, "sandbox-state.json")})`);
  const cfg = await json<{ vendors: Vendors; env: Record<string, string> }>(`${sandbox.url}/_sandbox/config`);
  Object.assign(process.env, cfg.env); // for the live reads of step 2
  const dir = join(root, "quickstart");
  cpSync(join(packageRoot, "examples/quickstart"), dir, { recursive: true, filter: (s) => !/node_modules|Pulumi\.[^/]+\.yaml$/.test(s) });
  installLocalPackage(dir);
  const ctx: Ctx = { root, dir, env: { ...offlinePulumiEnv(root, engineBin, "apiidentity-demo"), ...cfg.env }, pulumi: join(engineBin, "pulumi") };
  mkdirSync(join(root, "pulumi-state"));
  const cleanup = () => {
    sandbox.child.kill("SIGTERM");
    rmSync(root, { recursive: true, force: true });
  };
  try {
    await pulumiStep(ctx, ["stack", "init"], { quiet: true }); // the stack name comes from --stack
    for (const v of VENDORS) {
      const config = (await demoAt(v).config?.(cfg.vendors[v.name] ?? {}, demoPassword)) ?? {};
      for (const [key, c] of Object.entries(config)) await pulumiStep(ctx, ["config", "set", ...(c.secret ? ["--secret"] : []), key, c.value], { quiet: true });
    }
    say(`   stack:   ${STACK} in ${dir} (local file backend)`);

    heading(1, `pulumi up — one identity at each of the ${VENDORS.length} vendors`);
    await pulumiStep(ctx, ["up", "--yes", "--skip-preview", "--suppress-progress"]);

    heading(2, "What now exists at each vendor (read live from the vendor APIs)");
    // A program makes its first call with a new credential, so "last used" has a value where it is reported.
    const outs = JSON.parse(await pulumiStep(ctx, ["stack", "output", "--json", "--show-secrets"], { quiet: true })) as Record<string, unknown>;
    for (const v of VENDORS) {
      const use = demoAt(v).use;
      if (use) say(`   (${await use(cfg.vendors[v.name] ?? {}, outs)})`);
    }
    const { rows, secrets, refs } = await vendorTable(ctx);
    printTable(rows);
    say(`   Held encrypted in state: ${secrets.join(", ")}.`);

    heading(3, "Someone edits two identities in the vendor consoles (simulated through the vendor APIs)");
    const ids = Object.fromEntries(rows.map((r) => [r.kind, r.id]));
    for (const d of await consoleEdits(cfg.vendors, ids)) say(`   • ${d}`);

    heading(4, "pulumi preview --refresh — exactly that drift");
    await pulumiStep(ctx, ["preview", "--refresh", "--diff", "--suppress-progress"]);
    say("   In short (apiidentity drift):");
    const opts = { cwd: dir, stack: STACK, pulumi: ctx.pulumi, env: ctx.env };
    const { steps, items: drift } = await runDrift(opts);
    say(formatDrift(drift, "text", STACK).trimEnd().replace(/^/gm, "   "));
    const changes = steps.filter((s) => s.op !== "refresh" && s.op !== "same" && s.urn.includes(TYPE_PREFIX));
    say(`   pulumi plans ${changes.length} change(s): ${changes.map((s) => `${s.op} ${s.urn.split("::").pop()}`).join(", ")}`);

    heading(5, "pulumi up --refresh — putting the declared state back");
    await pulumiStep(ctx, ["up", "--refresh", "--yes", "--skip-preview", "--suppress-progress"]);
    const after = (await runDrift(opts)).items;
    say(after.length ? `   still drifting: ${after.length} properties` : "   No drift left: every identity matches its declaration again.");

    if (values.keep) {
      heading(6, "Kept running (--keep)");
      say(`   sandbox ${sandbox.url} (pid ${sandbox.child.pid}); stop it with: kill ${sandbox.child.pid}`);
      say("   explore the stack:");
      say(`     export PATH=${engineBin}:$PATH PULUMI_HOME=${ctx.env.PULUMI_HOME} PULUMI_BACKEND_URL=${ctx.env.PULUMI_BACKEND_URL} PULUMI_CONFIG_PASSPHRASE=apiidentity-demo`);
      say(`     eval "$(node ${join(packageRoot, "bin/apiidentity-sandbox.js")} env --url ${sandbox.url})"`);
      say(`     cd ${dir} && pulumi stack output --show-secrets && pulumi preview --refresh`);
      say(`     curl ${sandbox.url}/_sandbox/state`);
      say(`   remove everything afterwards: pulumi destroy --yes && kill ${sandbox.child.pid} && rm -rf ${root}`);
      sandbox.child.unref();
      sandbox.child.stdout?.destroy();
      return after.length ? 1 : 0;
    }

    heading(6, "pulumi destroy — and the sandbox stopped, temp files removed");
    await pulumiStep(ctx, ["destroy", "--yes", "--skip-preview", "--suppress-progress"]);
      const left = [];
    for (const r of refs) if ((await handlerFor(r.kind).with(environmentSettings()).read(r.id, r.outputs)).id) left.push(`${r.kind} ${r.id}`);
    say(left.length ? `   still at the vendors: ${left.join(", ")}` : `   All ${refs.length} identities are gone at their vendors.`);
    cleanup();
    say(`\napiidentity demo finished in ${Math.round((Date.now() - started) / 1000)} s.`);
    return after.length || left.length ? 1 : 0;
  } catch (e) {
    say(`\napiidentity demo failed: ${messageOf(e)}`);
    if (!values.keep) cleanup();
    return 1;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = await main(process.argv.slice(2));
}
