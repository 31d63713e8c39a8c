// The shared create lifecycle of the five shipped kinds against an in-process sandbox.
// - A create the vendor committed but whose 2xx answer cannot be read (cut short, or empty) is an
//   unknown outcome, settled by the kind's look-up like a lost answer: the identity it made is taken
//   over (or, for Uptrends, whose password only the lost answer held, deleted and made once more),
//   never left behind unmanaged.
// - A create proven not to have happened is sent again within one budget of five sends (with the
//   transport's backoff, not waited for here), and fails saying nothing is left when all five are.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { startSandbox, type Sandbox } from "../sandbox/server.js";
import { vendorIdentities } from "../test/reliability/census.js";
import { CREATE_ROUTES } from "../test/reliability/faults.js";
import { fleet, SANDBOX_KINDS, VENDOR_OF, type Kind } from "../test/reliability/fleet.js";
import { sandboxSettings } from "../test/settings.js";
import { entryFor, type ShippedTable } from "../test/shipped-kinds.js";
import { LostCreateError } from "./errors.js";
import { handlerFor } from "./handlers.js";
import { createRetry } from "./lifecycle.js";
import { recordingNotes } from "./notes.js";

/** The create route of each kind, as the fault rules match it. */
const CREATE_ROUTE_OF: ShippedTable<string> = {
  IseApiUser: CREATE_ROUTES.ivanti,
  UptrendsApiAccount: CREATE_ROUTES.uptrends,
  ControlRoomUser: CREATE_ROUTES["automation-anywhere"],
  VerifyApiClient: CREATE_ROUTES["ibm-verify"],
  UiPathRobotAccount: CREATE_ROUTES.uipath,
};
const createRoute = (kind: Kind) => entryFor(CREATE_ROUTE_OF, kind, "CREATE_ROUTE_OF in provider/lifecycle.integration.test.ts");

let sb: Sandbox;
let operatorGuid = "";
/** The notes this test's handlers wrote, read directly. */
let notes = recordingNotes();
let sleep: { mock: { calls: unknown[][] }; mockRestore(): void };

beforeAll(async () => {
  sb = await startSandbox();
  operatorGuid = sb.config().vendors.uptrends!.operatorGuid!;
});
afterAll(async () => {
  await sb?.close();
});
beforeEach(() => {
  notes = recordingNotes();
  sleep = vi.spyOn(createRetry, "sleep").mockResolvedValue(undefined);
});
afterEach(() => {
  sleep.mockRestore();
  sb.faults.clear();
});

/** The member of kind `kind` of a small fleet named `prefix`, with its inputs as check fills them in. */
async function memberOf(kind: Kind, prefix: string) {
  const m = fleet({ size: SANDBOX_KINDS.length, generation: "v1", uptrendsOperatorGuid: operatorGuid, prefix }).find((x) => x.kind === kind)!;
  const methods = handlerFor(kind).with(sandboxSettings(sb), notes);
  const checked = await methods.check(undefined, m.args);
  expect(checked.failures).toEqual([]);
  return { m, methods, inputs: checked.inputs };
}

const atVendor = async (kind: Kind, key: string) => (await vendorIdentities(sb.url))[kind].filter((i) => i.key === key);

/** Create requests of this kind since the last clear. */
function creates(kind: Kind): number {
  const route = new RegExp("^" + createRoute(kind).split("*").map((p) => p.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join(".*") + "$", "i");
  return sb.requests().filter((r) => r.vendor === VENDOR_OF[kind] && r.method === "POST" && route.test(r.route)).reduce((n, r) => n + r.count, 0);
}

describe.each(["truncateAnswer", "emptyAnswer"] as const)("a create whose 2xx answer cannot be read (%s)", (effect) => {
  let case_ = 0;
  it.each(SANDBOX_KINDS)("%s: the identity it made is taken over: exactly one at the vendor, in the outputs, none left behind", async (kind) => {
    const { m, methods, inputs } = await memberOf(kind, `unread-${effect}-${++case_}`);
    sb.clearRequests();
    sb.faults.add({ vendor: VENDOR_OF[kind], method: "POST", route: createRoute(kind), count: 1, effect: { type: effect } });
    const { id, outs } = await methods.create(inputs);
    const held = await atVendor(kind, m.key);
    expect(held.map((i) => i.id)).toEqual([id]);
    // Taken over from the look-up with one create; Uptrends deletes the one whose password is lost and creates once more.
    expect(creates(kind)).toBe(kind === "UptrendsApiAccount" ? 2 : 1);
    // What state would hold reads back from the vendor.
    expect((await methods.read(id, outs)).id).toBe(id);
    await methods.delete(id, outs);
    expect(await atVendor(kind, m.key)).toEqual([]);
  });
});

describe("a create proven not to have happened (a 503 the vendor did not act on)", () => {
  let case_ = 0;
  it.each(SANDBOX_KINDS)("%s: sent again until it is made, within five sends: one identity, in one go", async (kind) => {
    const { m, methods, inputs } = await memberOf(kind, `resend-${++case_}`);
    sb.clearRequests();
    sb.faults.add({ vendor: VENDOR_OF[kind], method: "POST", route: createRoute(kind), count: 4, effect: { type: "status", status: 503, message: "Injected: service unavailable" } });
    const { id, outs } = await methods.create(inputs);
    expect((await atVendor(kind, m.key)).map((i) => i.id)).toEqual([id]);
    expect(creates(kind)).toBe(5);
    expect(sleep.mock.calls).toHaveLength(4);
    await methods.delete(id, outs);
  });
  it.each(SANDBOX_KINDS)("%s: five sends proven not to have happened: fails saying nothing is left behind, and nothing is", async (kind) => {
    const { m, methods, inputs } = await memberOf(kind, `resend-${++case_}`);
    sb.clearRequests();
    sb.faults.add({ vendor: VENDOR_OF[kind], method: "POST", route: createRoute(kind), count: 5, effect: { type: "status", status: 503, message: "Injected: service unavailable" } });
    const err = await methods.create(inputs).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LostCreateError);
    expect((err as Error).message).toMatch(/; it was attempt 5, and .*\. Nothing is left behind: run 'pulumi up' again\.$/);
    expect(await atVendor(kind, m.key)).toEqual([]);
    expect(creates(kind)).toBe(5);
  });
});

describe("an earlier send that lands late (lost, looked up, then committed just before the resend)", () => {
  let case_ = 0;
  // Unique names: the resend is refused as a duplicate, and the look-up bounded by the first send's
  // start takes the earlier send's identity over. IBM Verify (names not unique): the resend makes a
  // second client, and deleteMadeLate deletes the one the earlier send made.
  it.each(["IseApiUser", "ControlRoomUser", "UiPathRobotAccount", "VerifyApiClient"] as const)("%s: exactly one identity at the vendor, the one in the outputs", async (kind) => {
    const { m, methods, inputs } = await memberOf(kind, `late-${++case_}`);
    sb.clearRequests();
    sb.faults.add({ vendor: VENDOR_OF[kind], method: "POST", route: createRoute(kind), count: 1, effect: { type: "lateCommit" } });
    const { id, outs } = await methods.create(inputs);
    expect((await atVendor(kind, m.key)).map((i) => i.id)).toEqual([id]);
    expect(creates(kind)).toBe(2);
    if (kind !== "VerifyApiClient") {
      const said = notes.written();
      expect(said).toContain(`was sent again and refused as a duplicate; ${kind === "IseApiUser" ? "account" : kind === "ControlRoomUser" ? "user" : "robot account"} ${id} was made by its earlier send (which landed late) and is now managed`);
    }
    expect((await methods.read(id, outs)).id).toBe(id);
    await methods.delete(id, outs);
    expect(await atVendor(kind, m.key)).toEqual([]);
  });

  // Uptrends (names not unique, no marker): the resend makes a second account, and the one the
  // earlier send made late is unusable (its password was only in the lost answer): deleted, and said.
  it("UptrendsApiAccount: the account the earlier send made late is deleted and named in a note; exactly one is left", async () => {
    const { m, methods, inputs } = await memberOf("UptrendsApiAccount", `late-${++case_}`);
    sb.clearRequests();
    sb.faults.add({ vendor: "uptrends", method: "POST", route: CREATE_ROUTES.uptrends, count: 1, effect: { type: "lateCommit" } });
    const { id, outs } = await methods.create(inputs);
    expect((await atVendor("UptrendsApiAccount", m.key)).map((i) => i.id)).toEqual([id]);
    expect(creates("UptrendsApiAccount")).toBe(2);
    const said = notes.written();
    expect(said).toMatch(new RegExp(`needed 2 sends; API account ${id} is managed, and API account [0-9a-f-]{36}, made late by an earlier send of this create \\(its password was only in the lost answer\\), was deleted`));
    expect((await methods.read(id, outs)).id).toBe(id);
    await methods.delete(id, outs);
    expect(await atVendor("UptrendsApiAccount", m.key)).toEqual([]);
  });

  it("UptrendsApiAccount: when deleting the late account fails, a warning note names it and how to remove it; the create stands", async () => {
    const { m, methods, inputs } = await memberOf("UptrendsApiAccount", `late-${++case_}`);
    sb.clearRequests();
    sb.faults.add({ vendor: "uptrends", method: "POST", route: CREATE_ROUTES.uptrends, count: 1, effect: { type: "lateCommit" } });
    sb.faults.add({ vendor: "uptrends", method: "DELETE", route: "/v4/ApiUser/{apiUserGuid}", count: 1, effect: { type: "status", status: 403, message: "Injected: forbidden" } });
    const { id, outs } = await methods.create(inputs);
    const held = (await atVendor("UptrendsApiAccount", m.key)).map((i) => i.id);
    expect(held).toHaveLength(2);
    const late = held.find((x) => x !== id)!;
    const said = notes.written();
    expect(said).toContain(`API account ${id} is managed, but an earlier send of this create also made API account ${late}`);
    expect(said).toContain("in Uptrends (the operator's API management tab)");
    sb.faults.clear();
    await methods.delete(id, outs);
    await methods.delete(late, {});
    expect(await atVendor("UptrendsApiAccount", m.key)).toEqual([]);
  });
});
