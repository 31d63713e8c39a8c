// examples/yaml through the real engine, the YAML language host and the provider plugin, against the
// sandbox: up (five identities and two lookups through fn::invoke), a preview with no changes, an
// update of one property, an out-of-band change at the vendor that `preview --refresh --json` shows
// in detailedDiff (and `apiidentity drift` reports from it), and destroy, after which the vendors
// hold exactly what they held before. IBM Verify and Automation Anywhere are configured under their
// settings' former names, which stay accepted.
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
    // Two vendors' settings under their former names, deprecated but still read: IBM Verify's as stack
    // config keys (which the plugin's CheckConfig accepts), Automation Anywhere's as environment variables.
    const { IBM_VERIFY_TENANT_URL, IBM_VERIFY_CLIENT_ID, IBM_VERIFY_CLIENT_SECRET, ...env } = sb.config().env;
    for (const [name, value] of Object.entries(env)) {
      if (!name.startsWith("AUTOMATION_ANYWHERE_")) continue;
      delete env[name];
      env[name.replace("AUTOMATION_ANYWHERE_", "CONTROL_ROOM_")] = value;
    }
    const p = pluginProject({ programDir: join(repoRoot, "examples", "yaml"), env, stack: "yaml" });
    try {
      await p.init();
      await p.setConfig("apiidentity:verifyTenantUrl", IBM_VERIFY_TENANT_URL!);
      await p.setConfig("apiidentity:verifyClientId", IBM_VERIFY_CLIENT_ID!);
      await p.setConfig("apiidentity:verifyClientSecret", IBM_VERIFY_CLIENT_SECRET!, true);
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
