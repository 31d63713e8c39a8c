// Tolerant reading through the real engine: every vendor answer carries fields we never documented
// (a sandbox fault adds them to every JSON object of every answer, tokens and lists included). A
// refresh still succeeds, and the refresh preview after it shows no change for any of the five kinds.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../../sandbox/server.js";
import { PulumiProject, changedInputs } from "./harness.js";

let sandbox: Sandbox;
let p: PulumiProject;

beforeAll(async () => {
  sandbox = await startSandbox();
  const operatorGuid = sandbox.config().vendors.uptrends!.operatorGuid!;
  p = new PulumiProject({
    env: sandbox.config().env,
    program: `import { ControlRoomUser, IseApiUser, UiPathRobotAccount, UptrendsApiAccount, VerifyApiClient } from "pulumi-apiidentity";
new IseApiUser("ise", { emailAddress: "tolerant-ise@example.com", firstName: "Cisco", lastName: "ISE", displayName: "Tolerant ISE", password: "Ex4mple-Ise-Pass" });
new UptrendsApiAccount("monitor", { operatorGuid: ${JSON.stringify(operatorGuid)}, description: "tolerant reading" });
new ControlRoomUser("bot", { username: "svc-tolerant", email: "tolerant@example.com", password: "Ex4mple#Bot1", roles: ["AAE_Basic"], licenseFeatures: ["RUNTIME"] });
new VerifyApiClient("client", { clientName: "tolerant-client", entitlements: ["readUsers"] });
new UiPathRobotAccount("robot", { name: "tolerant-robot", displayName: "Tolerant robot" });
`,
  });
  await p.init();
  await p.up();
}, 300_000);

afterAll(async () => {
  try {
    sandbox.faults.clear();
    await p?.destroy();
  } finally {
    p?.cleanup();
    await sandbox?.close();
  }
}, 300_000);

describe("answers with fields we never documented", () => {
  it("refresh succeeds and the next refresh preview shows no change", async () => {
    // Every object of every answer, at every vendor, gains two extra fields of different types.
    sandbox.faults.add({ effect: { type: "addField", name: "sandboxExtra", value: { nested: ["x"], at: 1 } } });
    sandbox.faults.add({ effect: { type: "addField", name: "vendorFlag", value: true } });
    sandbox.clearRequests();
    const refresh = await p.refresh();
    expect(refresh.stdout).not.toMatch(/error/i);
    // The fault really reached every vendor's answers.
    const rewritten = new Set(sandbox.requests().filter((r) => r.status < 300).map((r) => r.vendor));
    expect([...rewritten].sort()).toEqual(["automation-anywhere", "ibm-verify", "ivanti", "uipath", "uptrends"]);

    const preview = await p.preview({ refresh: true, expectNoChanges: true });
    const changed = preview.steps.filter((s) => s.op !== "same" && s.op !== "refresh").map((s) => `${s.op} ${s.urn} ${changedInputs(s).join(",")}`);
    expect(changed, preview.raw.stdout + preview.raw.stderr).toEqual([]);
    expect(preview.code, preview.raw.stdout + preview.raw.stderr).toBe(0);
    const { resources } = await p.exportStack();
    // Nothing of the extra fields reached state.
    expect(JSON.stringify(resources)).not.toContain("sandboxExtra");
    expect(JSON.stringify(resources)).not.toContain("vendorFlag");
  }, 300_000);
});
