// The bundles of dist/provider/bundles/ (scripts/bundle.mjs) and their loader with its code cache
// (provider/bundles/load.cts), as the dynamic-provider and program processes use them: each case runs
// in a fresh node process on the built package, as `npm test` builds it before the tests.
import { execFile } from "node:child_process";
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { createRequire, isBuiltin } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../sandbox/server.js";

const run = promisify(execFile);
const root = join(import.meta.dirname, "..");
const bundles = join(root, "dist/provider/bundles");
const loader = join(bundles, "load.cjs");
const runtimeFile = join(bundles, "dynamic-runtime.cjs");
const adviceFile = join(bundles, "advice.cjs");

/** Runs a CommonJS script in a fresh node process; its stdout parsed as JSON. */
async function inNode<T>(script: string, env: Record<string, string> = {}): Promise<T> {
  const { stdout } = await run(process.execPath, ["-e", script], { cwd: root, env: { ...process.env, ...env } });
  return JSON.parse(stdout) as T;
}

/** The modules esbuild put into a bundle, from the path comment it writes before each one. */
function modulesIn(file: string): string[] {
  return [...readFileSync(file, "utf8").matchAll(/^\/\/ ((?:dist|node_modules|provider)\/\S+\.c?js)$/gm)].map((m) => m[1]!);
}

let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "apiidentity-bundles-"));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("what the bundles hold", () => {
  it("the build made both bundles, each self-contained: Node's built-in modules are all they require", () => {
    for (const file of [runtimeFile, adviceFile]) {
      const text = readFileSync(file, "utf8");
      const required = [...text.matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => m[1]!);
      expect(required.length, file).toBeGreaterThan(0);
      expect(required.filter((r) => !isBuiltin(r)), file).toEqual([]);
      expect(text, file).not.toMatch(/require\("@pulumi/);
    }
  });

  it("the runtime holds the provider with undici's dispatchers, not its fetch, WebSocket, caches or mocks, and no demo", () => {
    const mods = modulesIn(runtimeFile);
    expect(mods).toContain("dist/provider/dynamic/dispatch.js");
    expect(mods).toContain("node_modules/undici/lib/dispatcher/agent.js");
    expect(mods).toContain("node_modules/undici/lib/dispatcher/env-http-proxy-agent.js");
    // The body helpers of undici's dispatcher API live beside fetch; fetch itself is not in.
    expect(mods.filter((m) => /undici\/lib\/(web\/fetch\/index|web\/websocket\/|web\/eventsource\/|web\/cache\/|mock\/|cache\/)/.test(m))).toEqual([]);
    expect(mods.filter((m) => /demo/.test(m))).toEqual([]);
    expect(mods.some((m) => m.startsWith("node_modules/zod/"))).toBe(true);
  });

  it("the advice bundle holds the kinds' input modules and zod, no client, handler or transport", () => {
    const mods = modulesIn(adviceFile);
    expect(mods.filter((m) => /^dist\/provider\/vendors\/[^/]+\/inputs\.js$/.test(m)).length).toBeGreaterThanOrEqual(5);
    expect(mods.filter((m) => /\/(client|handler|probe|audit)\.js$/.test(m) || m.startsWith("dist/provider/http/") || m.includes("undici"))).toEqual([]);
  });

  it("every value the provider imports from undici is in the subset the runtime gets, as undici's own class", () => {
    const sources = ["provider/http/client.ts", "provider/http/network.ts"].map((f) => readFileSync(join(root, f), "utf8"));
    const names = sources.flatMap((s) =>
      [...s.matchAll(/import \{([^}]*)\} from "undici";/g)].flatMap((m) =>
        m[1]!.split(",").map((x) => x.trim()).filter((x) => x && !x.startsWith("type ")).map((x) => x.split(/\s+as\s+/)[0]!),
      ),
    );
    expect(names.sort()).toEqual(["Agent", "EnvHttpProxyAgent", "Pool", "errors"]);
    // Every other import of undici in the provider is a type.
    const others = readdirSync(join(root, "provider"), { recursive: true, encoding: "utf8" })
      .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts") && !["http/client.ts", "http/network.ts"].includes(f))
      .filter((f) => /from "undici"/.test(readFileSync(join(root, "provider", f), "utf8").replace(/import type [^;]+;/g, "")));
    expect(others).toEqual([]);
    const req = createRequire(import.meta.url);
    const subset = req(join(root, "provider/http/undici-subset.cjs")) as Record<string, unknown>;
    const undici = req("undici") as Record<string, unknown>;
    for (const name of names) expect(subset[name], name).toBe(undici[name]);
  });
});

describe("the dynamic provider runtime, bundled", () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox();
  });
  afterAll(async () => {
    await sandbox?.close();
  });

  it("creates, reads and deletes an identity at the sandbox through the bundled transport", async () => {
    sandbox.clearRequests();
    const env = { ...sandbox.config().env, APIIDENTITY_CODE_CACHE: join(work, "walk-cache") };
    const script = `
const { bundle } = require(${JSON.stringify(loader)});
const { dispatch } = bundle("dynamic-runtime");
(async () => {
  const { exampleInputs } = await import(${JSON.stringify(join(root, "dist/sandbox/kinds.js"))});
  await dispatch("UptrendsApiAccount", "configure", [{ config: new Map() }]);
  const inputs = { ...exampleInputs("UptrendsApiAccount", { index: 1, name: "bundle-walk", label: "bundle walk" }), __createKey: "p/s/UptrendsApiAccount/bundle-walk" };
  const checked = await dispatch("UptrendsApiAccount", "check", [{}, inputs]);
  if (checked.failures?.length) throw new Error(JSON.stringify(checked.failures));
  const made = await dispatch("UptrendsApiAccount", "create", [checked.inputs]);
  const read = await dispatch("UptrendsApiAccount", "read", [made.id, made.outs]);
  await dispatch("UptrendsApiAccount", "delete", [made.id, read.props]);
  process.stdout.write(JSON.stringify({ id: made.id, readId: read.id, description: read.props.description }));
})().catch((e) => { console.error(e); process.exit(1); });`;
    const out = await inNode<{ id: string; readId: string; description: string }>(script, env);
    expect(out.id).toBeTruthy();
    expect(out.readId).toBe(out.id);
    expect(out.description).toBe("bundle walk");
    const calls = sandbox
      .requests()
      .filter((r) => r.vendor === "uptrends")
      .map((r) => `${r.method} ${r.status}`)
      .sort();
    // One create and one delete went out through the bundled dispatcher, every answer a success.
    expect(calls.filter((c) => c.startsWith("POST 2")).length).toBe(1);
    expect(calls.filter((c) => c.startsWith("DELETE 2")).length).toBe(1);
    expect(calls.filter((c) => !/ 2\d\d$/.test(c))).toEqual([]);
  });
});

describe("the adapter Pulumi serialises", () => {
  it("serves the package's own kinds from the bundle, without loading the package's modules, and a registered kind from those modules", async () => {
    const adapter = join(root, "dist/provider/dynamic/adapter.cjs");
    const handlers = join(root, "dist/provider/handlers.js");
    const script = `
const { registerHooks } = require("node:module");
const seen = [];
registerHooks({ load(url, context, next) { seen.push(url); return next(url, context); } });
const { providerFor } = require(${JSON.stringify(adapter)});
(async () => {
  const own = await providerFor("UptrendsApiAccount").check({}, { description: "x" });
  const before = seen.filter((u) => u.includes("/dist/provider/") && !u.includes("/dist/provider/bundles/") && !u.includes("/dist/provider/dynamic/adapter.cjs"));
  const { registerHandler } = await import(${JSON.stringify(handlers)});
  const z = await import("zod");
  registerHandler({ kind: "BundleRouteProbe", vendor: "Probe", inputs: z.object({}), outputs: z.object({}), secretOutputs: [], replaceOnChanges: [],
    with: () => ({ check: async () => ({ inputs: { routed: "modules" }, failures: [] }) }) });
  const registered = await providerFor("BundleRouteProbe").check({}, {});
  process.stdout.write(JSON.stringify({ ownFailures: own.failures.map((f) => f.property), before, registered: registered.inputs }));
})().catch((e) => { console.error(e); process.exit(1); });`;
    const out = await inNode<{ ownFailures: string[]; before: string[]; registered: Record<string, string> }>(script, { APIIDENTITY_CODE_CACHE: "off" });
    // The bundle's own check ran (it refuses the missing operator) and no module of the package was loaded for it.
    expect(out.ownFailures).toContain("operatorGuid");
    expect(out.before).toEqual([]);
    expect(out.registered).toEqual({ routed: "modules" });
  });
});

describe("the code cache", () => {
  /** Loads `file` with the loader in a fresh process: how the cache was used, and the cache file. */
  const load = (file: string, env: Record<string, string>) =>
    inNode<{ cache: string; cacheFile?: string; exports: string[] }>(
      `const r = require(${JSON.stringify(loader)}).loadFile(${JSON.stringify(file)}, process.env, 0);
process.stdout.write(JSON.stringify({ cache: r.cache, cacheFile: r.cacheFile, exports: Object.keys(r.exports) }));`,
      env,
    );

  it("is written on the first load and used by the next process; a damaged file is rejected and replaced", async () => {
    const dir = join(work, "cache");
    const first = await load(runtimeFile, { APIIDENTITY_CODE_CACHE: dir });
    expect(first.cache).toBe("none yet");
    expect(first.exports).toContain("dispatch");
    expect(existsSync(first.cacheFile!)).toBe(true);
    // Only this user may read or write it.
    expect(statSync(dir).mode & 0o077).toBe(0);
    expect(statSync(first.cacheFile!).mode & 0o077).toBe(0);
    const second = await load(runtimeFile, { APIIDENTITY_CODE_CACHE: dir });
    expect(second).toEqual({ ...first, cache: "used" });
    const good = readFileSync(first.cacheFile!);
    writeFileSync(first.cacheFile!, Buffer.alloc(good.length, 7));
    const damaged = await load(runtimeFile, { APIIDENTITY_CODE_CACHE: dir });
    expect(damaged.cache).toBe("rejected");
    expect(damaged.exports).toContain("dispatch");
    expect((await load(runtimeFile, { APIIDENTITY_CODE_CACHE: dir })).cache).toBe("used");
  });

  it("is keyed by the whole source: a changed bundle of the same length never gets the old code", async () => {
    const dir = join(work, "cache-content");
    const copy = join(work, "runtime-copy.cjs");
    cpSync(runtimeFile, copy);
    const a = await load(copy, { APIIDENTITY_CODE_CACHE: dir });
    const text = readFileSync(copy, "utf8");
    const i = text.indexOf("apiidentity");
    writeFileSync(copy, text.slice(0, i) + "APIidentity" + text.slice(i + "apiidentity".length));
    expect(statSync(copy).size).toBe(statSync(runtimeFile).size);
    const b = await load(copy, { APIIDENTITY_CODE_CACHE: dir });
    expect(b.cache).toBe("none yet");
    expect(b.cacheFile).not.toBe(a.cacheFile);
  });

  it("is not used in a directory others may write to, nor when turned off, and the bundle loads all the same", async () => {
    const open = join(work, "open");
    await load(adviceFile, { APIIDENTITY_CODE_CACHE: open });
    chmodSync(open, 0o777);
    const shared = await load(adviceFile, { APIIDENTITY_CODE_CACHE: open });
    expect(shared.cache).toBe("unusable directory");
    expect(shared.cacheFile).toBeUndefined();
    expect(shared.exports).toContain("adviceOf");
    const off = await load(adviceFile, { APIIDENTITY_CODE_CACHE: "off" });
    expect(off).toEqual({ cache: "off", exports: shared.exports });
  });

  it("keeps the eight newest files of a bundle, so that upgrades and rebuilds do not pile up", async () => {
    const dir = join(work, "cache-prune");
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const old = Array.from({ length: 10 }, (_, i) => join(dir, `advice-v0.${i}-x64-${String(i).repeat(32)}.bin`));
    old.forEach((f, i) => {
      writeFileSync(f, "old");
      utimesSync(f, new Date(2020, 0, 1 + i), new Date(2020, 0, 1 + i));
    });
    const other = join(dir, "dynamic-runtime-v0.0-x64-" + "a".repeat(32) + ".bin");
    writeFileSync(other, "another bundle's");
    utimesSync(other, new Date(2019, 0, 1), new Date(2019, 0, 1));
    const r = await load(adviceFile, { APIIDENTITY_CODE_CACHE: dir });
    const left = readdirSync(dir).sort();
    expect(left.filter((f) => f.startsWith("advice-"))).toEqual([...old.slice(3).map((f) => f.slice(dir.length + 1)), r.cacheFile!.slice(dir.length + 1)].sort());
    expect(left).toContain(other.slice(dir.length + 1));
  });

  it("lives under the user's cache directory unless APIIDENTITY_CODE_CACHE names another", () => {
    const { cacheDirectory } = createRequire(import.meta.url)(loader) as { cacheDirectory(env: NodeJS.ProcessEnv): string | undefined };
    expect(cacheDirectory({ XDG_CACHE_HOME: "/x/cache" })).toBe("/x/cache/apiidentity/code-cache");
    expect(cacheDirectory({ XDG_CACHE_HOME: "/x/cache", APIIDENTITY_CODE_CACHE: "/y" })).toBe("/y");
    expect(cacheDirectory({ APIIDENTITY_CODE_CACHE: "off" })).toBeUndefined();
  });
});
