// `npm run release -- --version X.Y.Z --repository owner/name` on a temporary copy of what the build
// reads (never the tree): every artefact names the stamped version and repository. The binary prints
// the version with no node on PATH, the Python wheel's pulumi-plugin.json pins the plugin version and
// its download URL, the TypeScript plugin SDK names the new download URL, and schema.json and
// package.json carry both.
import { execFile } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { packageRoot } from "../../provider/plugin/package-info.js";

const run = promisify(execFile);
const VERSION = "9.8.7-rc.1";
const REPOSITORY = "someone/pulumi-apiidentity-fork";
const DOWNLOAD = `github://api.github.com/${REPOSITORY}`;
/** What the release build reads (test/release/artefacts.ts lists the same), plus the plugin SDK it regenerates. */
const COPIED = ["provider", "scripts", "plugin-sdk", "schema.json", "package.json", "package-lock.json"];

const dir = mkdtempSync(join(tmpdir(), "apiidentity-stamped-"));
const copy = join(dir, "repo");
const out = join(copy, "release");
const unpacked = join(dir, "plugin");
const emptyPath = join(dir, "empty-path");
let log = "";

beforeAll(async () => {
  mkdirSync(copy);
  for (const p of COPIED) if (existsSync(join(packageRoot, p))) cpSync(join(packageRoot, p), join(copy, p), { recursive: true, filter: (src) => !/\.test\.ts$/.test(src) });
  symlinkSync(join(packageRoot, "node_modules"), join(copy, "node_modules"));
  const built = await run(process.execPath, [join(copy, "scripts/release/main.mjs"), "--version", VERSION, "--repository", REPOSITORY, "--targets", "linux-amd64", "--out", out], {
    cwd: copy,
    maxBuffer: 16 << 20,
  });
  log = built.stdout;
  mkdirSync(unpacked);
  mkdirSync(emptyPath);
  await run("tar", ["-xzf", join(out, `pulumi-resource-apiidentity-v${VERSION}-linux-amd64.tar.gz`), "-C", unpacked]);
}, 600_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const json = (path: string) => JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>;

describe("npm run release -- --version --repository, on a copy", () => {
  it("says what it stamped, and names the archive by the stamped version", () => {
    expect(log).toContain(`release: stamped version ${VERSION} and repository ${REPOSITORY} into package.json, package-lock.json, schema.json, plugin-sdk/`);
    expect(readFileSync(join(out, "SHA256SUMS"), "utf8")).toContain(`  pulumi-resource-apiidentity-v${VERSION}-linux-amd64.tar.gz\n`);
  });

  it("stamps package.json and schema.json", () => {
    expect(json(join(copy, "package.json"))).toMatchObject({ version: VERSION, repository: { type: "git", url: `git+https://github.com/${REPOSITORY}.git` } });
    expect(json(join(copy, "schema.json"))).toMatchObject({ version: VERSION, publisher: "someone", pluginDownloadURL: DOWNLOAD });
  });

  it("the binary prints the stamped version with --version, with no node on PATH", async () => {
    const { stdout } = await run(join(unpacked, "pulumi-resource-apiidentity"), ["--version"], { cwd: unpacked, env: { PATH: emptyPath }, timeout: 20_000 });
    expect(stdout).toBe(`${VERSION}\n`);
  });

  it("the Python wheel pins the plugin at the stamped version and its download URL", async () => {
    const wheel = join(out, `pulumi_apiidentity-${VERSION.replace("-rc.", "rc")}-py3-none-any.whl`);
    const read = "import sys, zipfile; print(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]).decode())";
    const { stdout } = await run("python3", ["-c", read, wheel, "pulumi_apiidentity/pulumi-plugin.json"]);
    expect(JSON.parse(stdout)).toEqual({ resource: true, name: "apiidentity", version: VERSION, server: DOWNLOAD });
  });

  it("the TypeScript plugin SDK, regenerated, asks for the plugin from the stamped repository", () => {
    expect(readFileSync(join(copy, "plugin-sdk", "utilities.ts"), "utf8")).toContain(`pluginDownloadURL: "${DOWNLOAD}"`);
  });
});
