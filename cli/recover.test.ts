// `apiidentity recover`'s plan against the in-process IBM Verify sandbox: each pending create of a
// killed run settled from what the vendor holds, and the state edit that applies it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../sandbox/server.js";
import { CREATE_KEY } from "../provider/lifecycle.js";
import { verifyApiClient } from "../provider/vendors/ibm-verify/handler.js";
import { sandboxSettings } from "../test/settings.js";
import { applyRecovery, formatRecovery, planRecovery } from "./recover.js";

const T = "pulumi-nodejs:dynamic/apiidentity:";
let sb: Sandbox;
const urn = (kind: string, name: string) => `urn:pulumi:dev::proj::${T}${kind}::${name}`;
const pendingVerify = (name: string) => ({
  type: "creating",
  resource: { urn: urn("VerifyApiClient", name), type: `${T}VerifyApiClient`, inputs: { clientName: name, entitlements: ["readUsers"], [CREATE_KEY]: `proj/dev/VerifyApiClient/${name}` } },
});

beforeAll(async () => {
  sb = await startSandbox();
});
afterAll(async () => {
  await sb.close();
});

describe("apiidentity recover", () => {
  it("imports what a pending create made, drops one that made nothing, leaves state's own clients alone", async () => {
    const settings = sandboxSettings(sb);
    const h = verifyApiClient.with(settings);
    // The killed run: its create of 'made' landed; 'lost' never reached the vendor; 'kept' is in state.
    const create = async (name: string) => h.create((await h.check(undefined, { clientName: name, entitlements: ["readUsers"], [CREATE_KEY]: `proj/dev/VerifyApiClient/${name}` })).inputs);
    const made = await create("rec-made");
    const kept = await create("rec-kept");
    const deployment = {
      resources: [{ urn: urn("VerifyApiClient", "rec-kept"), type: `${T}VerifyApiClient`, id: kept.id }],
      pending_operations: [pendingVerify("rec-made"), pendingVerify("rec-lost"), pendingVerify("rec-kept")],
    };
    const plan = await planRecovery(settings, "dev", deployment);
    expect(plan.settled.map((s) => [s.urn.split("::").pop(), s.action, s.id])).toEqual([
      ["rec-made", "import", made.id],
      ["rec-lost", "clear", undefined],
      ["rec-kept", "clear", undefined],
    ]);
    const after = applyRecovery(deployment, plan);
    expect(after.pending_operations).toEqual([]);
    expect(after.resources!.map((r) => [r.urn.split("::").pop(), r.id])).toEqual([
      ["rec-kept", kept.id],
      ["rec-made", made.id],
    ]);
    expect(formatRecovery(plan, false, true)).toContain("Now run 'pulumi up'");
  });

  it("names a pending create of a kind whose vendor keeps no mark, and changes nothing", async () => {
    const deployment = {
      resources: [],
      pending_operations: [{ type: "creating", resource: { urn: urn("ControlRoomUser", "bot"), type: `${T}ControlRoomUser`, inputs: { username: "bot", [CREATE_KEY]: "k" } } }],
    };
    const plan = await planRecovery(sandboxSettings(sb), "dev", deployment);
    expect(plan.settled).toEqual([{ urn: urn("ControlRoomUser", "bot"), kind: "ControlRoomUser", action: "unresolved", note: expect.stringContaining("adopt it with importId") }]);
    expect(applyRecovery(deployment, plan)).toEqual(deployment);
    expect(formatRecovery(plan, false, false)).toContain("cannot be attributed");
  });
});
