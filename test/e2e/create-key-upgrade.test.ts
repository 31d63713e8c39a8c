// Upgrade path: a stack made before the SDK classes sent the hidden create key
// (`__createKey`) has none in state. With the current SDK, `pulumi preview --expect-no-changes` shows
// no diff and no replace for any of the five kinds, and the next `pulumi up` (a same step) writes
// the key into state, so a later killed run can be recovered, without any vendor write.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../../sandbox/server.js";
import { fleet, fleetProgram, SANDBOX_KINDS } from "../reliability/fleet.js";
import { PulumiProject } from "./harness.js";

const CREATE_KEY = "__createKey";
let sb: Sandbox;
let p: PulumiProject;

type Deployment = { deployment: { resources?: { type: string; inputs?: Record<string, unknown>; outputs?: Record<string, unknown> }[] } };
const ours = (d: Deployment) => (d.deployment.resources ?? []).filter((r) => r.type.startsWith("pulumi-nodejs:dynamic/apiidentity:"));
const vendorWrites = () => sb.requests().filter((r) => r.method !== "GET" && !/token|login|authenticat/i.test(r.route)).reduce((a, r) => a + r.count, 0);

describe("upgrade: a stack whose state has no create key", () => {
  beforeAll(async () => {
    sb = await startSandbox();
    const members = fleet({ size: SANDBOX_KINDS.length, generation: "v1", uptrendsOperatorGuid: sb.config().vendors.uptrends!.operatorGuid!, prefix: "upg" });
    p = new PulumiProject({ program: fleetProgram(members), env: sb.config().env, stack: "upgrade" });
    await p.init();
    await p.up();
  }, 300_000);
  afterAll(async () => {
    p?.cleanup();
    await sb?.close();
  });

  it("shows no diff and no replace for any kind, and the next up adds the key to state without a vendor write", async () => {
    // The state an older SDK left: the same resources without the create key.
    const state = JSON.parse((await p.exportStack()).raw) as Deployment;
    expect(ours(state).map((r) => typeof r.inputs?.[CREATE_KEY])).toEqual(SANDBOX_KINDS.map(() => "string"));
    for (const r of ours(state)) {
      delete r.inputs?.[CREATE_KEY];
      delete r.outputs?.[CREATE_KEY];
    }
    const file = join(p.root, "old-state.json");
    writeFileSync(file, JSON.stringify(state));
    await p.ok(["stack", "import", "--file", file]);
    expect(ours(JSON.parse((await p.exportStack()).raw) as Deployment).every((r) => r.inputs?.[CREATE_KEY] === undefined)).toBe(true);

    sb.clearRequests();
    const preview = await p.preview({ expectNoChanges: true });
    expect(preview.code, preview.raw.stderr).toBe(0);
    const changed = preview.steps.filter((s) => s.op !== "same");
    expect(changed).toEqual([]);
    // Sames are not listed as steps, only counted: every resource of the program is one.
    expect(Object.keys(preview.changeSummary)).toEqual(["same"]);
    expect(preview.changeSummary.same).toBeGreaterThanOrEqual(SANDBOX_KINDS.length);

    await p.up();
    const after = ours(JSON.parse((await p.exportStack()).raw) as Deployment);
    expect(after.map((r) => typeof r.inputs?.[CREATE_KEY])).toEqual(SANDBOX_KINDS.map(() => "string"));
    expect(vendorWrites()).toBe(0);
    console.log(`upgrade: ${SANDBOX_KINDS.length} kinds with no create key in state: preview --expect-no-changes passed (0 updates, 0 replaces), up added the key, 0 vendor writes`);
  });
});
