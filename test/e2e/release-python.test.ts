// The released Python wheel and linux-amd64 plugin archive as a Python user has them, through the real
// engine: a fresh virtual environment holding only the wheel and PyPI's pulumi (installed by pip, with
// no node and no go on PATH), and each case in a fresh directory with a fresh PULUMI_HOME, with no node
// and no go on PATH for the CLI, the Python language host and the plugin, against one sandbox:
// - the sdist, installed by pip alone, gives the same package files as the wheel;
// - `pulumi plugin install resource apiidentity <version> --file <archive>`, then examples/python with
//   a second tenant (a second sandbox) behind an `apiidentity.Provider` and one identity through it:
//   up, each tenant holding exactly its own, a preview with no changes, an update whose
//   `preview --json` carries detailedDiff, an out-of-band change that `preview --refresh` and
//   `pulumi refresh` show, and destroy, which leaves both tenants as they were;
// - the wheel asks for the plugin version it was built with, and only another one is installed: the
//   CLI, failing to fetch it from pluginDownloadURL, names the version and the install command, and no
//   request reaches any vendor.
import { execFile } from "node:child_process";
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../../sandbox/server.js";
import { releaseArtefacts, type ReleaseArtefacts } from "../release/artefacts.js";
import { engine, repoRoot } from "./harness.js";
import { identities, pluginResources } from "./plugin-programs.js";
import { installArchive, releasedWalk, releaseProject } from "./release-programs.js";
import { secondTenantPython } from "./second-tenant.js";

const run = promisify(execFile);
const PULUMI = (JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as { dependencies: Record<string, string> }).dependencies["@pulumi/pulumi"]!.replace(/^[~^]/, "");

let sb: Sandbox;
/** The second tenant, which the walk's explicit provider addresses. */
let sbB: Sandbox;
let built: ReleaseArtefacts;
const scratch = mkdtempSync(join(tmpdir(), "apiidentity-release-python-"));
const venv = join(scratch, "venv");
/** pip's own settings (its certificate bundle, an index mirror) and a proxy, if the machine has them. */
const pipEnv = () => Object.fromEntries(Object.entries(process.env).filter(([k]) => /^(PIP_|HOME$|https?_proxy$|HTTPS?_PROXY$|NO_PROXY$|no_proxy$)/.test(k))) as Record<string, string>;

beforeAll(async () => {
  built = await releaseArtefacts();
  [sb, sbB] = await Promise.all([startSandbox(), startSandbox()]);
  await run(process.env.APIIDENTITY_PYTHON ?? "python3", ["-m", "venv", venv]);
  // pip alone, with nothing but the venv on PATH: the wheel and PyPI's pulumi and their dependencies.
  await run(join(venv, "bin", "python"), ["-m", "pip", "install", "--quiet", "--disable-pip-version-check", built.wheel, `pulumi==${PULUMI}`], {
    env: { ...pipEnv(), PATH: join(venv, "bin") },
    maxBuffer: 16 << 20,
    timeout: 600_000,
  });
}, 900_000);
afterAll(async () => {
  await Promise.all([sb?.close(), sbB?.close()]);
  rmSync(scratch, { recursive: true, force: true });
});

/** A project of examples/python run with the venv as `source <venv>/bin/activate` leaves it. */
const pythonProject = (stack: string) =>
  releaseProject({ programDir: join(repoRoot, "examples", "python"), env: { ...sb.config().env, VIRTUAL_ENV: venv }, stack, path: [join(venv, "bin"), engine()] });

describe("the released Python wheel and plugin archive, with no node and no go on PATH", () => {
  it("the venv holds the wheel's package, PyPI's pulumi and their dependencies, no other SDK", async () => {
    const { stdout } = await run(join(venv, "bin", "python"), ["-m", "pip", "list", "--format", "json"], { env: { ...pipEnv(), PATH: join(venv, "bin") } });
    const names = (JSON.parse(stdout) as { name: string; version: string }[]).map((p) => [p.name.toLowerCase().replaceAll("_", "-"), p.version]);
    expect(names).toContainEqual(["pulumi-apiidentity", built.version]);
    expect(names).toContainEqual(["pulumi", PULUMI]);
    const site = readdirSync(join(venv, "lib")).map((v) => join(venv, "lib", v, "site-packages"))[0]!;
    expect(readdirSync(site).filter((f) => /^pulumi_apiidentity/.test(f)).sort()).toEqual(["pulumi_apiidentity", `pulumi_apiidentity-${built.version}.dist-info`]);
    expect(JSON.parse(readFileSync(join(site, "pulumi_apiidentity", "pulumi-plugin.json"), "utf8"))).toMatchObject({ resource: true, name: "apiidentity", version: built.version });
  });

  it("the sdist builds and installs with pip alone (setuptools fetched for the build) into the same package files as the wheel", async () => {
    const target = join(scratch, "from-sdist");
    await run(join(venv, "bin", "python"), ["-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--no-deps", "--target", target, built.sdist], {
      env: { ...pipEnv(), PATH: join(venv, "bin") },
      maxBuffer: 16 << 20,
      timeout: 600_000,
    });
    const site = readdirSync(join(venv, "lib")).map((v) => join(venv, "lib", v, "site-packages"))[0]!;
    const files = (dir: string): string[] =>
      readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile() && !e.parentPath.includes("__pycache__"))
        .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
        .sort();
    const fromSdist = files(join(target, "pulumi_apiidentity"));
    expect(fromSdist).toContain("pulumi-plugin.json");
    expect(fromSdist).toContain("uptrends_api_account.py");
    expect(fromSdist).toEqual(files(join(site, "pulumi_apiidentity")));
  });

  it("plugin install --file; examples/python and a second tenant's explicit provider: up, each tenant its own, no changes, an update with detailedDiff, drift on preview --refresh and refresh, destroy", async () => {
    const p = pythonProject("python");
    try {
      appendFileSync(join(p.dir, "__main__.py"), secondTenantPython(sbB));
      await installArchive(p, built.version, built.archive);
      await releasedWalk(p, sb, { second: sbB });
    } finally {
      p.cleanup();
    }
  });

  it("a plugin of another version installed: the CLI names the version the wheel asks for and the install command, no vendor sees a request", async () => {
    const p = pythonProject("mismatch");
    const other = "0.0.99";
    const before = identities(sb);
    try {
      await installArchive(p, other, built.archive);
      await p.init();
      await p.setConfig("uptrendsOperatorEmail", "nobody@example.com");
      await p.setConfig("iseApiPassword", "Ex4mple-Ise-Pass", true);
      await p.setConfig("botRunnerPassword", "Ex4mple#Bot1", true);
      sb.clearRequests();
      // As a user has it, the CLI tries to fetch the missing version from the schema's pluginDownloadURL;
      // here through a proxy that refuses at once, so the test needs no network and stays quick.
      const r = await p.run(["up", "--yes", "--skip-preview"], { PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "false", HTTPS_PROXY: "http://127.0.0.1:9", HTTP_PROXY: "http://127.0.0.1:9" });
      expect(r.code, r.stdout + r.stderr).not.toBe(0);
      const said = r.stdout + r.stderr;
      expect(said).toContain(`resource plugin 'pulumi-resource-apiidentity' at version v${built.version}`);
      expect(said).toContain(`install the plugin using \`pulumi plugin install resource apiidentity v${built.version} --server github://`);
      expect(said).not.toContain("api.github.com on ");
      expect(sb.requests()).toEqual([]);
      expect(identities(sb)).toEqual(before);
      expect(pluginResources((await p.exportStack()).resources)).toEqual([]);
    } finally {
      p.cleanup();
    }
  });
});
