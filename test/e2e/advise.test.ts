// Valid inputs that break only a rule we guessed at (INFERRED) are not refused: the engine shows
// the handler's advice as a warning on the resource, and the run goes on.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../../sandbox/server.js";
import { PulumiProject } from "./harness.js";

let sandbox: Sandbox;
let p: PulumiProject;

beforeAll(async () => {
  sandbox = await startSandbox();
  p = new PulumiProject({
    env: sandbox.config().env,
    program: `import { UiPathRobotAccount } from "pulumi-apiidentity";
new UiPathRobotAccount("long", { name: "robot with spaces", displayName: "Guessed rules" });
`,
  });
  await p.init();
}, 120_000);

afterAll(async () => {
  p?.cleanup();
  await sandbox?.close();
});

describe("advice on guessed rules", () => {
  it("preview warns on the resource, names the property and the guess, and goes on", async () => {
    const r = await p.run(["preview"]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/warning: name 'robot with spaces' has characters .*a rule UiPath has not documented/);
    expect(r.stdout).toContain("UiPathRobotAccount (long)");
  }, 120_000);
});
