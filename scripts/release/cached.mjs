// One release build of what the tests and the bench need (the linux-amd64 archive and the Python
// wheel and sdist), cached under ~/.cache/apiidentity/release-build/ and keyed by the build's inputs,
// so the test files and the bench that use it in one run share it. One process builds while the
// others wait for it.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { archiveName, binaryName, TARGETS } from "./targets.mjs";
import { packageVersion } from "./version.mjs";

/** Everything the release build reads: the plugin's sources, the schema, the build scripts, the dependencies. */
const INPUTS = ["provider", "scripts/release", "scripts/pulumi-codegen", "scripts/pulumi-codegen.sh", "scripts/pulumi-gomod.sh", "schema.json", "package.json", "package-lock.json"];

function inputFiles(root, path) {
  const abs = join(root, path);
  if (!existsSync(abs)) return [];
  if (!statSync(abs).isDirectory()) return [path];
  return readdirSync(abs)
    .sort()
    .flatMap((e) => (/\.test\.ts$/.test(e) ? [] : inputFiles(root, join(path, e))));
}

/** The cache key of `root`'s build inputs and the Node that runs the build. */
export function buildKey(root) {
  const hash = createHash("sha256").update(process.version);
  for (const f of INPUTS.flatMap((p) => inputFiles(root, p))) hash.update(f).update("\0").update(readFileSync(join(root, f)));
  return hash.digest("hex").slice(0, 16);
}

function describeBuild(root, dir) {
  const out = join(dir, "release");
  const version = packageVersion(root);
  const target = TARGETS.find((t) => t.name === "linux-amd64");
  const find = (re) => {
    const f = readdirSync(out).find((n) => re.test(n));
    if (!f) throw new Error(`the release build in ${out} has no file matching ${re}`);
    return join(out, f);
  };
  return {
    version,
    out,
    log: readFileSync(join(dir, "build.log"), "utf8"),
    archive: join(out, archiveName(version, target)),
    binary: join(out, "build", target.name, binaryName(target)),
    wheel: find(/^pulumi_apiidentity-.*-py3-none-any\.whl$/),
    sdist: find(/^pulumi_apiidentity-.*\.tar\.gz$/),
  };
}

const pause = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * The build of `root` as it is now: found in the cache, or made with
 * `scripts/release/main.mjs --targets linux-amd64` (about 15 s once the Node binaries are cached).
 */
export function cachedReleaseBuild(root) {
  const cache = process.env.APIIDENTITY_RELEASE_CACHE ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), ".cache"), "apiidentity", "release-build");
  const key = buildKey(root);
  const dir = join(cache, key);
  const lock = `${dir}.lock`;
  mkdirSync(cache, { recursive: true });
  for (;;) {
    if (existsSync(join(dir, ".ready"))) return describeBuild(root, dir);
    try {
      mkdirSync(lock);
      break;
    } catch {
      // Another process is building it; a lock older than 10 minutes was left by a killed one.
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 600_000) rmSync(lock, { recursive: true, force: true });
      pause(1000);
    }
  }
  const work = `${dir}.tmp${process.pid}`;
  try {
    if (existsSync(join(dir, ".ready"))) return describeBuild(root, dir);
    rmSync(work, { recursive: true, force: true });
    mkdirSync(work);
    let log;
    try {
      log = execFileSync(process.execPath, [join(root, "scripts/release/main.mjs"), "--targets", "linux-amd64", "--out", join(work, "release")], { cwd: root, encoding: "utf8", maxBuffer: 16 << 20, stdio: ["ignore", "pipe", "pipe"] });
    } catch (e) {
      throw new Error(`npm run release -- --targets linux-amd64 failed\n${e.stdout ?? ""}\n${e.stderr ?? e.message}`);
    }
    writeFileSync(join(work, "build.log"), log);
    writeFileSync(join(work, ".ready"), "");
    rmSync(dir, { recursive: true, force: true });
    renameSync(work, dir);
    // Builds of other inputs are 300 MB each: drop those made over an hour ago (a younger one may be
    // in use by another test run of a checkout that differs from this one).
    for (const other of readdirSync(cache)) {
      const ready = join(cache, other, ".ready");
      if (other !== key && existsSync(ready) && Date.now() - statSync(ready).mtimeMs > 3_600_000) rmSync(join(cache, other), { recursive: true, force: true });
    }
    return describeBuild(root, dir);
  } finally {
    rmSync(work, { recursive: true, force: true });
    rmSync(lock, { recursive: true, force: true });
  }
}
