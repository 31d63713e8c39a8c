// The released linux-amd64 plugin archive as a YAML user has it, through the real engine with no node
// on PATH (for the CLI, its YAML language host, a Go binary, and the plugin), each case in a fresh
// directory with a fresh PULUMI_HOME, against one sandbox:
// - `pulumi plugin install resource apiidentity <version> --file <archive>`, then examples/yaml with a
//   second tenant (a second sandbox) behind a `pulumi:providers:apiidentity` and one identity through
//   it: up, each tenant holding exactly its own, a preview with no changes, an update whose
//   `preview --json` carries detailedDiff, an out-of-band change that `preview --refresh` and
//   `pulumi refresh` show, and destroy, which leaves both tenants as they were;
// - a local build: `plugins: providers: [{name: apiidentity, path: …}]` in Pulumi.yaml, nothing installed.
// A program asking for a version that is not installed is in release-python.test.ts.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../../sandbox/server.js";
import { releaseArtefacts, type ReleaseArtefacts } from "../release/artefacts.js";
import { engine, repoRoot } from "./harness.js";
import { identities, pluginResources } from "./plugin-programs.js";
import { installArchive, releasedWalk, releaseProject, unpackArchive } from "./release-programs.js";
import { secondTenantYaml } from "./second-tenant.js";

let sb: Sandbox;
/** The second tenant, which the walk's explicit provider addresses. */
let sbB: Sandbox;
let built: ReleaseArtefacts;
const scratch = mkdtempSync(join(tmpdir(), "apiidentity-release-yaml-"));
beforeAll(async () => {
  built = await releaseArtefacts();
  [sb, sbB] = await Promise.all([startSandbox(), startSandbox()]);
}, 600_000);
afterAll(async () => {
  await Promise.all([sb?.close(), sbB?.close()]);
  rmSync(scratch, { recursive: true, force: true });
});

/** A directory holding a Pulumi.yaml of one Uptrends account, with the `plugins` lines given. */
function uptrendsProgram(name: string, plugins: string[]): string {
  const dir = join(scratch, name);
  mkdirSync(dir);
  const lines = [
    `name: ${name}`,
    "runtime: yaml",
    ...plugins,
    "resources:",
    "  monitoring:",
    "    type: apiidentity:index:UptrendsApiAccount",
    "    properties:",
    `      operatorGuid: ${sb.config().vendors.uptrends!.operatorGuid}`,
    "      description: Local build",
  ];
  writeFileSync(join(dir, "Pulumi.yaml"), lines.join("\n") + "\n");
  return dir;
}

describe("the released plugin archive from YAML, with no node on PATH", () => {
  it("plugin install --file; examples/yaml and a second tenant's explicit provider: up, each tenant its own, no changes, an update with detailedDiff, drift on preview --refresh and refresh, destroy", async () => {
    const p = releaseProject({ programDir: join(repoRoot, "examples", "yaml"), env: sb.config().env, stack: "yaml", path: [engine()] });
    try {
      const program = join(p.dir, "Pulumi.yaml");
      writeFileSync(program, secondTenantYaml(readFileSync(program, "utf8"), sbB));
      await installArchive(p, built.version, built.archive);
      await releasedWalk(p, sb, { second: sbB });
    } finally {
      p.cleanup();
    }
  });

  it("a local build: Pulumi.yaml's plugins.providers path runs the unpacked binary, with nothing installed", async () => {
    const binary = await unpackArchive(built.archive, join(scratch, "local-build"));
    const programDir = uptrendsProgram("local-path", ["plugins:", "  providers:", "    - name: apiidentity", `      path: ${dirname(binary)}`]);
    const p = releaseProject({ programDir, env: sb.config().env, stack: "local", path: [engine()] });
    const before = identities(sb);
    try {
      await p.init();
      await p.up();
      expect(existsSync(join(p.env.PULUMI_HOME!, "plugins", `resource-apiidentity-v${built.version}`))).toBe(false);
      const [made] = pluginResources((await p.exportStack()).resources, "UptrendsApiAccount");
      expect(made?.outputs?.description).toBe("Local build");
      expect(identities(sb).UptrendsApiAccount).toEqual([...before.UptrendsApiAccount, made!.id].sort());
      await p.destroy();
      expect(identities(sb)).toEqual(before);
    } finally {
      p.cleanup();
    }
  });
});
