// Each per-vendor example runs against the sandbox through the real pulumi CLI (TypeScript programs,
// as users write them): up, a refresh preview that must show no change, destroy.
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../../sandbox/server.js";
import { PulumiProject, repoRoot, resourcesOfType } from "./harness.js";

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox?.close());

async function operatorEmail(): Promise<string> {
  const up = sandbox.config().vendors.uptrends!;
  const r = await fetch(`${up.baseUrl}/Operator/${up.operatorGuid}`, {
    headers: { authorization: "Basic " + Buffer.from(`${up.username}:${up.password}`).toString("base64") },
  });
  return ((await r.json()) as { Email: string }).Email;
}

const cases: { dir: string; kind: string; config: () => Promise<[string, string, boolean][]> }[] = [
  { dir: "ivanti", kind: "IseApiUser", config: async () => [["isePassword", "Ex4mple-Ise-Pass", true]] },
  { dir: "uptrends", kind: "UptrendsApiAccount", config: async () => [["operatorEmail", await operatorEmail(), false]] },
  { dir: "automation-anywhere", kind: "ControlRoomUser", config: async () => [["botPassword", "Ex4mple#Bot1", true]] },
  { dir: "ibm-verify", kind: "VerifyApiClient", config: async () => [] },
  { dir: "uipath", kind: "UiPathRobotAccount", config: async () => [] },
];

describe.each(cases)("examples/$dir", ({ dir, kind, config }) => {
  it("up, no drift on refresh, destroy", async () => {
    const p = new PulumiProject({ programDir: join(repoRoot, "examples", dir), env: sandbox.config().env, stack: "example" });
    try {
      await p.init();
      for (const [k, v, secret] of await config()) await p.setConfig(k, v, secret);
      await p.up();
      const { resources } = await p.exportStack();
      expect(resourcesOfType(resources, kind)).toHaveLength(1);
      const preview = await p.preview({ refresh: true, expectNoChanges: true });
      expect(preview.code, preview.raw.stdout + preview.raw.stderr).toBe(0);
      await p.destroy();
      expect(resourcesOfType((await p.exportStack()).resources, kind)).toHaveLength(0);
    } finally {
      p.cleanup();
    }
  });
});
