// One release build of what the tests need (the linux-amd64 archive and the Python wheel and sdist),
// shared by every test file that uses it: cached under ~/.cache/apiidentity/release-build/, keyed by
// the build's inputs, and made by one process while the others wait for it.
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { promisify } from "node:util";
import { packageRoot } from "../../provider/plugin/package-info.js";

const run = promisify(execFile);

export interface ReleaseArtefacts {
  version: string;
  /** The --out directory: the archives, the Python packages, SHA256SUMS and build/. */
  out: string;
  /** What `npm run release` printed. */
  log: string;
  archive: string;
  /** The linux-amd64 binary as the build left it (the archive holds the same file). */
  binary: string;
  wheel: string;
  sdist: string;
}

/** Everything the release build reads: the plugin's sources, the schema, the build scripts, the dependencies. */
const INPUTS = ["provider", "scripts/release", "scripts/pulumi-codegen", "scripts/pulumi-codegen.sh", "scripts/pulumi-gomod.sh", "schema.json", "package.json", "package-lock.json"];

function inputFiles(path: string): string[] {
  const abs = join(packageRoot, path);
  if (!existsSync(abs)) return [];
  if (!statSync(abs).isDirectory()) return [path];
  return readdirSync(abs)
    .sort()
    .flatMap((e) => (/\.test\.ts$/.test(e) ? [] : inputFiles(join(path, e))));
}

function buildKey(): string {
  const hash = createHash("sha256").update(process.version);
  for (const f of INPUTS.flatMap(inputFiles)) hash.update(f).update("\0").update(readFileSync(join(packageRoot, f)));
  return hash.digest("hex").slice(0, 16);
}

const cacheRoot = () => process.env.APIIDENTITY_RELEASE_CACHE ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), ".cache"), "apiidentity", "release-build");

function describeBuild(dir: string): ReleaseArtefacts {
  const out = join(dir, "release");
  const version = (JSON.parse(readFileSync(join(packageRoot, "package.json"), "utf8")) as { version: string }).version;
  const find = (re: RegExp) => {
    const f = readdirSync(out).find((n) => re.test(n));
    if (!f) throw new Error(`the release build in ${out} has no file matching ${re}`);
    return join(out, f);
  };
  return {
    version,
    out,
    log: readFileSync(join(dir, "build.log"), "utf8"),
    archive: join(out, `pulumi-resource-apiidentity-v${version}-linux-amd64.tar.gz`),
    binary: join(out, "build", "linux-amd64", "pulumi-resource-apiidentity"),
    wheel: find(/^pulumi_apiidentity-.*-py3-none-any\.whl$/),
    sdist: find(/^pulumi_apiidentity-.*\.tar\.gz$/),
  };
}

let made: Promise<ReleaseArtefacts> | undefined;

/** The build of this checkout's inputs, made now unless the cache has it (about 15 s with warm Node binaries). */
export function releaseArtefacts(): Promise<ReleaseArtefacts> {
  return (made ??= findOrBuild());
}

async function findOrBuild(): Promise<ReleaseArtefacts> {
  const root = cacheRoot();
  const key = buildKey();
  const dir = join(root, key);
  const lock = `${dir}.lock`;
  mkdirSync(root, { recursive: true });
  for (;;) {
    if (existsSync(join(dir, ".ready"))) return describeBuild(dir);
    try {
      mkdirSync(lock);
      break;
    } catch {
      // Another test process is building it; a lock older than 10 minutes was left by a killed one.
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 600_000) rmSync(lock, { recursive: true, force: true });
      await sleep(1000);
    }
  }
  try {
    if (existsSync(join(dir, ".ready"))) return describeBuild(dir);
    const work = `${dir}.tmp${process.pid}`;
    rmSync(work, { recursive: true, force: true });
    mkdirSync(work);
    const built = await run(process.execPath, [join(packageRoot, "scripts/release/main.mjs"), "--targets", "linux-amd64", "--out", join(work, "release")], {
      cwd: packageRoot,
      maxBuffer: 16 << 20,
    }).catch((e: Error & { stdout?: string; stderr?: string }) => {
      rmSync(work, { recursive: true, force: true });
      throw new Error(`npm run release -- --targets linux-amd64 failed\n${e.stdout ?? ""}\n${e.stderr ?? e.message}`);
    });
    writeFileSync(join(work, "build.log"), built.stdout);
    writeFileSync(join(work, ".ready"), "");
    rmSync(dir, { recursive: true, force: true });
    renameSync(work, dir);
    // Older builds (other inputs) are 300 MB each: keep only this one.
    for (const other of readdirSync(root)) if (other !== key && !other.endsWith(".lock") && !other.includes(".tmp")) rmSync(join(root, other), { recursive: true, force: true });
    return describeBuild(dir);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
