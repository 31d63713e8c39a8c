// examples/yaml through the real engine, the YAML language host and the provider plugin, against the
// sandbox: up (five identities and two lookups through fn::invoke), a preview with no changes, an
// update of one property, an out-of-band change at the vendor that `preview --refresh --json` shows
// in detailedDiff (and `apiidentity drift` reports from it), and destroy, after which the vendors
// hold exactly what they held before.
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../../sandbox/server.js";
import type { VerifyState } from "../../sandbox/vendors/ibm-verify/state.js";
import type { UiPathState } from "../../sandbox/vendors/uipath/state.js";
import { repoRoot } from "./harness.js";
import { drift as driftReport, editUptrendsDescription, exampleConfig, identities, KINDS, pluginProject, pluginResources, stepFor } from "./plugin-programs.js";

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
      await exampleConfig(p, sb);
      await p.up();

      const { resources } = await p.exportStack();
      for (const kind of KINDS) expect(pluginResources(resources, kind), kind).toHaveLength(1);
      const after = identities(sb);
      for (const kind of KINDS) expect(after[kind].length, kind).toBe(before[kind].length + 1);
      const out = await p.outputs();
      // The lookups ran: the robot is in the "Robots" group, the account belongs to the operator.
      const robot = (sb.store.vendor("uipath") as unknown as UiPathState).robotAccounts.find((r) => r.id === out.uipathRobotAccountId);
      expect(robot?.groupIds).toHaveLength(1);
      const monitoring = pluginResources(resources, "UptrendsApiAccount")[0]!;
      expect(monitoring.outputs?.operatorGuid).toBe(sb.config().vendors.uptrends!.operatorGuid);

      const same = await p.preview({ expectNoChanges: true });
      expect(same.code, same.raw.stdout + same.raw.stderr).toBe(0);

      // An update: the Verify client's description, an updatable property.
      await p.setConfig("reportingDescription", "Hourly export of sign-in reports");
      const planned = stepFor((await p.preview()).steps, "reporting");
      expect(planned?.op).toBe("update");
      expect(planned?.detailedDiff).toEqual({ description: { kind: "update", inputDiff: true } });
      await p.up();
      const clientId = pluginResources((await p.exportStack()).resources, "VerifyApiClient")[0]!.id;
      const client = (sb.store.vendor("ibmVerify") as unknown as VerifyState).apiClients.find((c) => c.id === clientId);
      // (IBM Verify descriptions also carry the create marker the provider keeps after the text.)
      expect(client?.description).toMatch(/^Hourly export of sign-in reports( \[apiidentity:[^\]]+\])?$/);
      const settled = await p.preview({ expectNoChanges: true });
      expect(settled.code, settled.raw.stdout + settled.raw.stderr).toBe(0);

      // Out of band: someone edits the Uptrends account's description in the console.
      editUptrendsDescription(sb, monitoring.id!, "edited in the console");
      const drift = await p.preview({ refresh: true });
      const step = stepFor(drift.steps, "monitoring-pipeline");
      expect(step?.op).toBe("update");
      expect(step?.detailedDiff).toEqual({ description: { kind: "update", inputDiff: true } });
      expect(drift.steps.filter((s) => s.op !== "same" && s.op !== "refresh").map((s) => s.urn.split("::").pop())).toEqual(["monitoring-pipeline"]);

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
