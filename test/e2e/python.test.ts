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
import type { VerifyState } from "../../sandbox/vendors/ibm-verify/state.js";
import type { UiPathState } from "../../sandbox/vendors/uipath/state.js";
import { repoRoot } from "./harness.js";
import {
  discover,
  editUptrendsDescription,
  exampleConfig,
  identities,
  iseSignsIn,
  KINDS,
  LEGACY_ISE_PASSWORD,
  pluginProject,
  pluginResources,
  pluginResourceSteps,
  pythonVenv,
  seedAtVendors,
  stepFor,
  VENDOR_KEYS,
} from "./plugin-programs.js";

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
      await exampleConfig(p, sb);
      await p.up();

      const { resources } = await p.exportStack();
      for (const kind of KINDS) expect(pluginResources(resources, kind), kind).toHaveLength(1);
      const after = identities(sb);
      for (const kind of KINDS) expect(after[kind].length, kind).toBe(before[kind].length + 1);
      const out = await p.outputs();
      const robot = (sb.store.vendor("uipath") as unknown as UiPathState).robotAccounts.find((r) => r.id === out.uipathRobotAccountId);
      expect(robot?.groupIds).toHaveLength(1);
      const monitoring = pluginResources(resources, "UptrendsApiAccount")[0]!;
      expect(monitoring.outputs?.operatorGuid).toBe(sb.config().vendors.uptrends!.operatorGuid);
      expect(typeof out.uptrendsPassword).toBe("string");

      const same = await p.preview({ expectNoChanges: true });
      expect(same.code, same.raw.stdout + same.raw.stderr).toBe(0);

      await p.setConfig("reportingDescription", "Hourly export of sign-in reports");
      const planned = stepFor((await p.preview()).steps, "reporting");
      expect(planned?.op).toBe("update");
      expect(planned?.detailedDiff).toEqual({ description: { kind: "update", inputDiff: true } });
      await p.up();
      const clientId = pluginResources((await p.exportStack()).resources, "VerifyApiClient")[0]!.id;
      const client = (sb.store.vendor("ibmVerify") as unknown as VerifyState).apiClients.find((c) => c.id === clientId);
      expect(client?.description).toMatch(/^Hourly export of sign-in reports( \[apiidentity:[^\]]+\])?$/);
      const settled = await p.preview({ expectNoChanges: true });
      expect(settled.code, settled.raw.stdout + settled.raw.stderr).toBe(0);

      editUptrendsDescription(sb, monitoring.id!, "edited in the console");
      const drift = await p.preview({ refresh: true });
      const step = stepFor(drift.steps, "monitoring-pipeline");
      expect(step?.op).toBe("update");
      expect(step?.detailedDiff).toEqual({ description: { kind: "update", inputDiff: true } });
      expect(drift.steps.filter((s) => s.op !== "same" && s.op !== "refresh").map((s) => s.urn.split("::").pop())).toEqual(["monitoring-pipeline"]);

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
        writeFileSync(join(p.dir, `discovered_${vendor}.py`), r.stdout);
      }
      writeFileSync(join(p.dir, "__main__.py"), VENDOR_KEYS.map((v) => `import discovered_${v}  # noqa: F401`).join("\n") + "\n");
      await p.init();

      // Each of the five is an import step with no property diff (no update after it).
      const first = await p.preview();
      expect(first.code, first.raw.stdout + first.raw.stderr).toBe(0);
      const planned = pluginResourceSteps(first.steps);
      expect(planned.map((s) => [s.op, s.detailedDiff ?? {}]), JSON.stringify(planned)).toEqual(KINDS.map(() => ["import", {}]));
      sb.clearRequests();
      await p.up();
      const writes = sb.requests().filter((r) => r.method !== "GET" && !/authentication|token/.test(r.route));
      expect(writes, JSON.stringify(writes)).toEqual([]);
      expect(await iseSignsIn(sb, LEGACY_ISE_PASSWORD)).toBe(true);
      const { resources } = await p.exportStack();
      for (const kind of KINDS) expect(pluginResources(resources, kind).map((r) => r.id), kind).toEqual([ids[kind]]);

      const none = await p.preview({ refresh: true, expectNoChanges: true });
      expect(none.code, none.raw.stdout + none.raw.stderr).toBe(0);
      await p.destroy();
      expect(identities(sb)).toEqual(baseline);
    } finally {
      p.cleanup();
    }
  });
});
