// examples/python through the real engine, the Python language host and the provider plugin, against
// the sandbox, with the SDK generated from schema.json and installed with PyPI's pulumi into a venv
// (scripts/python-sdk.sh): up, a preview with no changes, an update of one property, an out-of-band
// change at the vendor that `preview --refresh --json` shows in detailedDiff, and destroy, after which
// the vendors hold exactly what they held before. And `apiidentity discover --format python` for
// the five vendors, run as a program: up imports all five, then no changes.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../../sandbox/server.js";
import { repoRoot } from "./harness.js";
import { discover, exampleWalk, identities, importDiscovered, pluginProject, pluginResources, pythonModuleOf, pythonVenv, seedAtVendors, VENDOR_KEYS } from "./plugin-programs.js";

let sb: Sandbox;
let venv: string;
beforeAll(async () => {
  sb = await startSandbox();
  venv = await pythonVenv(); // the first run generates the SDK and installs from PyPI: about a minute
}, 600_000);
afterAll(() => sb?.close());

describe("Python programs through the provider plugin", () => {
  it("examples/python: up, no changes, an update, drift in detailedDiff on preview --refresh, destroy", async () => {
    const before = identities(sb);
    const p = pluginProject({ programDir: join(repoRoot, "examples", "python"), env: { ...sb.config().env, VIRTUAL_ENV: venv }, stack: "python" });
    // As `source <venv>/bin/activate` does: the language host runs the venv's python.
    p.env.PATH = `${join(venv, "bin")}:${p.env.PATH}`;
    try {
      await p.init();
      const { out } = await exampleWalk(p, sb, before);
      expect(typeof out.uptrendsPassword).toBe("string");

      await p.destroy();
      expect(pluginResources((await p.exportStack()).resources)).toHaveLength(0);
      expect(identities(sb)).toEqual(before);
    } finally {
      p.cleanup();
    }
  });

  it("apiidentity discover --format python: the declarations import all five with up, then no changes", async () => {
    const baseline = identities(sb);
    const ids = await seedAtVendors(sb);
    const p = pluginProject({ program: "", env: { ...sb.config().env, VIRTUAL_ENV: venv }, stack: "discovered" });
    p.env.PATH = `${join(venv, "bin")}:${p.env.PATH}`;
    try {
      writeFileSync(join(p.dir, "Pulumi.yaml"), "name: discovered\nruntime: python\n");
      for (const vendor of VENDOR_KEYS) {
        const r = await discover(vendor, "python", sb.config().env);
        expect(r.code, r.stderr).toBe(0);
        expect(r.stdout).toContain("opts=pulumi.ResourceOptions(import_=");
        writeFileSync(join(p.dir, `${pythonModuleOf(vendor)}.py`), r.stdout);
      }
      writeFileSync(join(p.dir, "__main__.py"), VENDOR_KEYS.map((v) => `import ${pythonModuleOf(v)}  # noqa: F401`).join("\n") + "\n");
      await importDiscovered(p, sb, ids);
      await p.destroy();
      expect(identities(sb)).toEqual(baseline);
    } finally {
      p.cleanup();
    }
  });
});
