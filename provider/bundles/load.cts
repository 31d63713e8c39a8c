// Loads one of the bundles beside this file (scripts/bundle.mjs builds them into dist/provider/bundles/)
// as a CommonJS module, once per process, with a V8 code cache:
// - dynamic-runtime.cjs: dispatch.ts and all it needs, in the engine's dynamic-provider process;
// - advice.cjs: the advice rules and input schemas the SDK checks in the program process.
// Each `pulumi` command starts both processes anew and waits for these loads; from the compiled
// code of an earlier process they take about half as long (docs/performance.md, "Start-up").
//
// The cache is one file per bundle content and Node.js version, in a directory only this user may
// write: V8 runs the bytecode it is given for any source of the same length, so the file name
// carries a hash of the whole source, and a directory others can write is never used.
// A cache that cannot be read or written only means compiling as without one.
import fs = require("node:fs");
import os = require("node:os");
import path = require("node:path");
import vm = require("node:vm");
import crypto = require("node:crypto");
import Module = require("node:module");

/** How a load used the cache (tests and APIIDENTITY_DEBUG). */
type CacheUse = "off" | "unusable directory" | "none yet" | "used" | "rejected";

interface Loaded {
  exports: unknown;
  cache: CacheUse;
  /** The cache file used or to be written; absent when there is none. */
  cacheFile?: string;
}

/** APIIDENTITY_CODE_CACHE: "off", or the directory to use; else the user's cache directory. */
function cacheDirectory(env: NodeJS.ProcessEnv): string | undefined {
  const setting = env.APIIDENTITY_CODE_CACHE;
  if (setting !== undefined && /^(off|0|false|no)$/i.test(setting)) return undefined;
  if (setting) return path.resolve(setting);
  const base = env.XDG_CACHE_HOME || path.join(os.homedir(), ".cache");
  return path.join(base, "apiidentity", "code-cache");
}

/** The directory, made if missing; undefined when it is not this user's or others may write to it. */
function privateDirectory(dir: string): string | undefined {
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const st = fs.statSync(dir);
    if (!st.isDirectory()) return undefined;
    if (typeof process.getuid === "function" && (st.uid !== process.getuid() || (st.mode & 0o022) !== 0)) return undefined;
    return dir;
  } catch {
    return undefined;
  }
}

function debug(env: NodeJS.ProcessEnv, what: string): void {
  if (/^(1|true|yes)$/i.test(env.APIIDENTITY_DEBUG ?? "")) process.stderr.write(`apiidentity: ${what}\n`);
}

/** Cache files kept per bundle: one per package version and Node.js version in use, the newest first. */
const KEEP = 8;

/** Removes all but the KEEP newest cache files of a bundle, so that upgrades and rebuilds do not pile up. */
function prune(dir: string, name: string): void {
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.startsWith(`${name}-`) && f.endsWith(".bin"))
    .map((f) => ({ f, at: fs.statSync(path.join(dir, f)).mtimeMs }))
    .sort((a, b) => b.at - a.at);
  for (const { f } of files.slice(KEEP)) fs.rmSync(path.join(dir, f), { force: true });
}

/**
 * Loads `file` with the code cache. A missing or rejected cache is written `writeAfterMs` later
 * (or at exit, if sooner) rather than at once, so that it also holds the functions the first calls
 * compiled; 0 writes it at once.
 */
function loadFile(file: string, env: NodeJS.ProcessEnv = process.env, writeAfterMs = 250): Loaded {
  const source = fs.readFileSync(file, "utf8");
  const wanted = cacheDirectory(env);
  const dir = wanted === undefined ? undefined : privateDirectory(wanted);
  const cacheFile = dir && path.join(dir, `${path.basename(file, ".cjs")}-${process.version}-${process.arch}-${crypto.createHash("sha256").update(source).digest("hex").slice(0, 32)}.bin`);
  let cachedData: Buffer | undefined;
  if (cacheFile) {
    try {
      cachedData = fs.readFileSync(cacheFile);
    } catch {
      cachedData = undefined;
    }
  }
  const script = new vm.Script(Module.wrap(source), {
    filename: file,
    cachedData,
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const mod = { exports: {} };
  (script.runInThisContext() as (...a: unknown[]) => void).call(mod.exports, mod.exports, Module.createRequire(file), mod, file, path.dirname(file));
  const cache: CacheUse = wanted === undefined ? "off" : !cacheFile ? "unusable directory" : !cachedData ? "none yet" : script.cachedDataRejected ? "rejected" : "used";
  debug(env, `${path.basename(file)}: code cache ${cache}${cacheFile ? ` (${cacheFile})` : ""}`);
  if (cacheFile && cache !== "used") {
    let pending = true;
    const write = () => {
      if (!pending) return;
      pending = false;
      try {
        const tmp = `${cacheFile}.${process.pid}.tmp`;
        fs.writeFileSync(tmp, script.createCachedData(), { mode: 0o600 });
        fs.renameSync(tmp, cacheFile);
        prune(path.dirname(cacheFile), path.basename(file, ".cjs"));
      } catch (e) {
        debug(env, `${path.basename(file)}: code cache not written: ${e instanceof Error ? e.message : String(e)}`);
      }
    };
    if (writeAfterMs <= 0) write();
    else {
      setTimeout(write, writeAfterMs).unref();
      // A process that ends sooner (a short program) writes it on its way out.
      process.once("exit", write);
    }
  }
  return { exports: mod.exports, ...(cacheFile ? { cacheFile } : {}), cache };
}

const loaded = new Map<string, unknown>();

/** The bundle `name` (dist/provider/bundles/<name>.cjs), loaded once per process. */
function bundle<Exports>(name: "dynamic-runtime" | "advice"): Exports {
  if (!loaded.has(name)) loaded.set(name, loadFile(path.join(__dirname, `${name}.cjs`)).exports);
  return loaded.get(name) as Exports;
}

export = { bundle, loadFile, cacheDirectory };
