// examples/yaml through the real engine, the YAML language host and the provider plugin, against the
// sandbox: up (five identities and two lookups through fn::invoke), a preview with no changes, an
// update of one property, an out-of-band change at the vendor that `preview --refresh --json` shows
// in detailedDiff (and `apiidentity drift` reports from it), and destroy, after which the vendors
// hold exactly what they held before.
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../../sandbox/server.js";
import { repoRoot } from "./harness.js";
import { drift as driftReport, exampleWalk, identities, pluginProject, pluginResources } from "./plugin-programs.js";

let sb: Sandbox;
beforeAll(async () => {
  sb = await startSandbox();
});
afterAll(() => sb?.close());

describe("examples/yaml", () => {
  it("up, no changes, an update, drift in detailedDiff on preview --refresh, destroy", async () => {
    const before = identities(sb);
    const p = pluginProject({ programDir: join(repoRoot, "examples", "yaml"), env: sb.config().env, stack: "yaml" });
    try {
      await p.init();
      const { monitoring } = await exampleWalk(p, sb, before);

      // `apiidentity drift` reads the same engine diff (through the Automation API's events).
      const report = await driftReport(p);
      expect(report.code, report.stderr).toBe(1);
      expect((JSON.parse(report.stdout) as { items: unknown[] }).items).toEqual([
        {
          vendor: "Uptrends",
          kind: "UptrendsApiAccount",
          name: "monitoring-pipeline",
          id: monitoring.id,
          property: "description",
          inState: "Synthetic-monitoring pipeline",
          atVendor: "edited in the console",
          change: "update",
        },
      ]);

      await p.destroy();
      expect(pluginResources((await p.exportStack()).resources)).toHaveLength(0);
      expect(identities(sb)).toEqual(before);
    } finally {
      p.cleanup();
    }
  });
});
