// `apiidentity recover`'s plan against the in-process IBM Verify sandbox: each pending create of a
// killed run settled from what the vendor holds, and the state edit that applies it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../sandbox/server.js";
import { CREATE_KEY } from "../provider/lifecycle.js";
import { verifyApiClient } from "../provider/vendors/ibm-verify/handler.js";
import { sandboxSettings } from "../test/settings.js";
import { handlerFor } from "../provider/handlers.js";
import { madeHere } from "../provider/vendors/uptrends/lost-create.js";
import { vendorIdentities } from "../test/reliability/census.js";
import { fleet, SANDBOX_KINDS, type Kind } from "../test/reliability/fleet.js";
import { applyRecovery, earliestSend, formatRecovery, planRecovery } from "./recover.js";

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

  it("a pending create made by an older SDK (no create key) of VerifyApiClient is named, nothing changed", async () => {
    const deployment = {
      resources: [],
      pending_operations: [{ type: "creating", resource: { urn: urn("VerifyApiClient", "old"), type: `${T}VerifyApiClient`, inputs: { clientName: "old", entitlements: ["readUsers"] } } }],
    };
    const plan = await planRecovery(sandboxSettings(sb), "dev", deployment);
    expect(plan.settled).toEqual([{ urn: urn("VerifyApiClient", "old"), kind: "VerifyApiClient", action: "unresolved", note: expect.stringContaining("adopt it with importId") }]);
    expect(applyRecovery(deployment, plan)).toEqual(deployment);
    expect(formatRecovery(plan, false, false)).toContain("cannot be attributed");
  });
});

describe("apiidentity recover: the four kinds whose vendors keep no mark", () => {
  const UNIQUE = ["IseApiUser", "ControlRoomUser", "UiPathRobotAccount"] as const;
  let n = 0;
  /** A member of `kind`, its checked inputs (with a create key) and the handler's methods. */
  async function member(kind: Kind) {
    const operatorGuid = sb.config().vendors.uptrends!.operatorGuid!;
    const m = fleet({ size: SANDBOX_KINDS.length, generation: "v1", uptrendsOperatorGuid: operatorGuid, prefix: `rec${++n}` }).find((x) => x.kind === kind)!;
    const h = handlerFor(kind).with(sandboxSettings(sb));
    const inputs = (await h.check(undefined, { ...m.args, [CREATE_KEY]: `proj/dev/${kind}/${m.name}` })).inputs as Record<string, unknown>;
    const pending = { type: "creating", resource: { urn: urn(kind, m.name), type: `${T}${kind}`, inputs } };
    return { m, h, inputs, pending };
  }
  /** The stack resource of a run that started at `at`: the lower bound of its sends. */
  const stackAt = (at: number) => ({ urn: "urn:pulumi:dev::proj::pulumi:pulumi:Stack::proj-dev", type: "pulumi:pulumi:Stack", created: new Date(at).toISOString() });
  const atVendor = async (kind: Kind, key: string) => (await vendorIdentities(sb.url))[kind].filter((i) => i.key === key);

  it.each(UNIQUE)("%s: the identity the killed run's create made is imported; one it never made is cleared", async (kind) => {
    const started = Date.now();
    const made = await member(kind);
    const { id } = await made.h.create(made.inputs as never);
    const lost = await member(kind);
    const deployment = { resources: [stackAt(started)], pending_operations: [made.pending, lost.pending] };
    const plan = await planRecovery(sandboxSettings(sb), "dev", deployment);
    expect(plan.settled.map((s) => [s.action, s.id])).toEqual([
      ["import", id],
      ["clear", undefined],
    ]);
    expect(applyRecovery(deployment, plan).resources!.map((r) => r.id)).toContain(id);
  });

  it.each(UNIQUE)("%s: an identity a resource in state holds is never taken; the pending create made none", async (kind) => {
    const started = Date.now();
    const made = await member(kind);
    const { id } = await made.h.create(made.inputs as never);
    const deployment = { resources: [stackAt(started), { urn: urn(kind, "other"), type: `${T}${kind}`, id }], pending_operations: [made.pending] };
    const plan = await planRecovery(sandboxSettings(sb), "dev", deployment);
    expect(plan.settled.map((s) => [s.action, s.id])).toEqual([["clear", undefined]]);
  });

  it.each(UNIQUE)("%s: an identity created before the killed run can have sent its create is named, not taken, nothing changed", async (kind) => {
    const made = await member(kind);
    await made.h.create(made.inputs as never);
    // The run started an hour after the identity was made (beyond every kind's clock allowance).
    const deployment = { resources: [stackAt(Date.now() + 3_600_000)], pending_operations: [made.pending] };
    const plan = await planRecovery(sandboxSettings(sb), "dev", deployment);
    expect(plan.settled).toEqual([expect.objectContaining({ action: "unresolved", note: expect.stringMatching(/cannot be proven to be what this create made \(.*creat.*\).*importId/) })]);
    expect(applyRecovery(deployment, plan)).toEqual(deployment);
  });

  it("secret inputs as state holds them (ciphertext) do not stand in the way: the look-ups compare no secret", async () => {
    const started = Date.now();
    const made = await member("ControlRoomUser");
    const { id } = await made.h.create(made.inputs as never);
    const cipher = { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", ciphertext: "v1:abc" };
    const pending = { ...made.pending, resource: { ...made.pending.resource, inputs: { ...made.inputs, password: cipher } } };
    const plan = await planRecovery(sandboxSettings(sb), "dev", { resources: [stackAt(started)], pending_operations: [pending] });
    expect(plan.settled.map((s) => [s.action, s.id])).toEqual([["import", id]]);
  });

  it("a pending create of the provider plugin (type apiidentity:index:<Kind>) is settled alike", async () => {
    const started = Date.now();
    const made = await member("UiPathRobotAccount");
    const { id } = await made.h.create(made.inputs as never);
    const pending = { type: "creating", resource: { ...made.pending.resource, type: "apiidentity:index:UiPathRobotAccount" } };
    const plan = await planRecovery(sandboxSettings(sb), "dev", { resources: [stackAt(started)], pending_operations: [pending] });
    expect(plan.settled.map((s) => [s.kind, s.action, s.id])).toEqual([["UiPathRobotAccount", "import", id]]);
  });

  it("no time bound in state (no stack resource, no history): nothing is proven, each is named", async () => {
    const made = await member("ControlRoomUser");
    const plan = await planRecovery(sandboxSettings(sb), "dev", { resources: [], pending_operations: [made.pending] });
    expect(plan.settled[0]).toMatchObject({ action: "unresolved", note: expect.stringContaining("no time the killed run started after") });
  });

  it("the stack's last completed update bounds the sends when it is later than the stack resource", async () => {
    expect(earliestSend({ resources: [stackAt(1_000)] }, 5_000)).toBe(5_000);
    expect(earliestSend({ resources: [stackAt(9_000)] }, 5_000)).toBe(9_000);
    expect(earliestSend({ resources: [] })).toBeUndefined();
  });

  it("UptrendsApiAccount: the account a pending create provably made is deleted (its password was only in the lost answer) and the create cleared; --dry-run deletes nothing", async () => {
    const started = Date.now();
    const made = await member("UptrendsApiAccount");
    const { id } = await made.h.create(made.inputs as never);
    // The killed run's provider made it, not this process (recover runs in a process of its own).
    madeHere.delete(id.toLowerCase());
    const deployment = { resources: [stackAt(started)], pending_operations: [made.pending] };
    const dry = await planRecovery(sandboxSettings(sb), "dev", deployment, { dryRun: true });
    expect(dry.settled).toEqual([expect.objectContaining({ action: "clear", note: expect.stringContaining(`${id} (username`) })]);
    expect(dry.settled[0]!.note).toContain("would be deleted");
    expect((await atVendor("UptrendsApiAccount", made.m.key)).map((i) => i.id)).toEqual([id]);
    const plan = await planRecovery(sandboxSettings(sb), "dev", deployment);
    expect(plan.settled).toEqual([expect.objectContaining({ action: "clear", note: expect.stringContaining(`the account it made (${id}) was deleted`) })]);
    expect(await atVendor("UptrendsApiAccount", made.m.key)).toEqual([]);
  });

  it("UptrendsApiAccount: an account some resource in state holds is never deleted", async () => {
    const started = Date.now();
    const made = await member("UptrendsApiAccount");
    const { id } = await made.h.create(made.inputs as never);
    const deployment = { resources: [stackAt(started), { urn: urn("UptrendsApiAccount", "kept"), type: `${T}UptrendsApiAccount`, id }], pending_operations: [made.pending] };
    const plan = await planRecovery(sandboxSettings(sb), "dev", deployment);
    expect(plan.settled.map((s) => s.action)).toEqual(["clear"]);
    expect((await atVendor("UptrendsApiAccount", made.m.key)).map((i) => i.id)).toEqual([id]);
  });
});

describe("apiidentity recover with several tenants", () => {
  let other: Sandbox;
  beforeAll(async () => {
    other = await startSandbox();
  });
  afterAll(async () => {
    await other.close();
  });

  it("settles each pending create with the settings of the profile or explicit provider it used, and names that tenant", async () => {
    const { tenantSettings } = await import("../test/e2e/two-tenants.js");
    const profile = Object.fromEntries(Object.entries(tenantSettings(other)).map(([k, s]) => [k, s.value]));
    // The killed run made 'rec-eu' at the profile's tenant (the other sandbox) and 'rec-prod' at the explicit provider's.
    const h = verifyApiClient.with(sandboxSettings(other));
    const create = async (name: string) => h.create((await h.check(undefined, { clientName: name, entitlements: ["readUsers"], [CREATE_KEY]: `proj/dev/VerifyApiClient/${name}` })).inputs);
    const eu = await create("rec-eu");
    const prod = await create("rec-prod");
    const P = "apiidentity:index:";
    const providerUrn = "urn:pulumi:dev::proj::pulumi:providers:apiidentity::prod";
    const deployment = {
      resources: [{ urn: providerUrn, type: "pulumi:providers:apiidentity", id: "pid", inputs: profile }],
      pending_operations: [
        { type: "creating", resource: { ...pendingVerify("rec-eu").resource, inputs: { ...pendingVerify("rec-eu").resource.inputs, profile: "eu" } } },
        { type: "creating", resource: { urn: `urn:pulumi:dev::proj::${P}VerifyApiClient::rec-prod`, type: `${P}VerifyApiClient`, provider: `${providerUrn}::pid`, inputs: { clientName: "rec-prod", entitlements: ["readUsers"], [CREATE_KEY]: "proj/dev/VerifyApiClient/rec-prod" } } },
      ],
    };
    // The stack's own settings address the first sandbox, where neither identity is.
    const config = { "apiidentity:profiles": { value: JSON.stringify({ eu: profile }), secret: true } };
    const plan = await planRecovery(sandboxSettings(sb), "dev", deployment, { stackConfig: config });
    expect(plan.settled.map((s) => [s.urn.split("::").pop(), s.action, s.id, s.tenant])).toEqual([
      ["rec-eu", "import", eu.id, "profile eu"],
      ["rec-prod", "import", prod.id, `provider prod (${other.config().vendors["ibm-verify"]!.baseUrl})`],
    ]);
    expect(formatRecovery(plan, false, false)).toContain("(tenant profile eu)");
  });
});
