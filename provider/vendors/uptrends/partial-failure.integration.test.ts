// Partial failures of UptrendsApiAccount creates: the create itself is one POST; the only create that
// writes more than once is the lost-answer recovery (POST, then DELETE of the account whose password
// was lost, then POST again). A fault on the DELETE must leave the account named, never unreported.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { startSandbox, type Sandbox } from "../../../sandbox/server.js";
import { uptrends as uptrendsModule } from "../../../sandbox/vendors/uptrends/index.js";
import type { UptrendsState } from "../../../sandbox/vendors/uptrends/state.js";
import type { VendorModule } from "../../../sandbox/types.js";
import { createRetry } from "../../lifecycle.js";
import { uptrendsApiAccount } from "./handler.js";
import { SettingsUnderTest } from "../../../test/settings.js";
import { tally } from "../../../test/tally.js";

const settings = new SettingsUnderTest();
const h = settings.bind(uptrendsApiAccount);
let sb: Sandbox;
let OP: string;
const state = () => sb.store.vendor("uptrends") as unknown as UptrendsState;
const accountsWith = (description: string) => state().apiUsers.filter((u) => u.description === description);
const calls = (): Record<string, number> => tally(sb, "uptrends");
async function create(news: Record<string, unknown>) {
  const r = await h.check(undefined, news);
  expect(r.failures).toEqual([]);
  return h.create(r.inputs);
}

beforeAll(async () => {
  sb = await startSandbox({ modules: [uptrendsModule as unknown as VendorModule] });
  settings.set(sb.config().env);
  OP = sb.config().vendors.uptrends!.operatorGuid!;
});
afterAll(async () => {
  await sb?.close();
});
beforeEach(() => {
  sb.faults.clear();
  sb.clearRequests();
});

describe("UptrendsApiAccount: a create that fails after its first write", () => {
  it("plain create is one write: one POST, nothing to leave half done", async () => {
    const { id } = await create({ operatorGuid: OP, description: "pf one write" });
    expect(calls()).toEqual({ "POST /v4/ApiUser 201": 1 });
    expect(accountsWith("pf one write").map((u) => u.apiUserGuid)).toEqual([id]);
  });

  it("lost answer, then the DELETE of the unusable account fails: names that account and what to do, touches nothing else", async () => {
    sb.faults.add({ vendor: "uptrends", method: "POST", route: "/v4/ApiUser", count: 1, effect: { type: "commitThenReset" } });
    sb.faults.add({ vendor: "uptrends", method: "DELETE", route: "/v4/ApiUser/{apiUserGuid}", count: 1, effect: { type: "status", status: 500 } });
    const err = (await create({ operatorGuid: OP, description: "pf delete 500" }).catch((e: Error) => e)) as Error;
    expect(err).toBeInstanceOf(Error);
    const left = accountsWith("pf delete 500");
    expect(left).toHaveLength(1);
    const guid = left[0]!.apiUserGuid;
    expect(calls()).toEqual({ "POST /v4/ApiUser 0": 1, "GET /v4/ApiUser/Operator/{operatorGuid} 200": 1, "DELETE /v4/ApiUser/{apiUserGuid} 500": 1 });
    // Exactly what is left, why it cannot be adopted usefully, and what to do; no "not known".
    expect(err.message).toContain(`the create happened: it made API account ${guid} (username ${left[0]!.userName},`);
    expect(err.message).toMatch(/deleting it failed \(Uptrends DELETE \/ApiUser\/\{apiUserGuid\} failed with HTTP 500/);
    expect(err.message).toContain("cannot be used or adopted, as its password was only in the lost answer");
    expect(err.message).toMatch(/delete it on the operator's API management tab, then run 'pulumi up' again/);
    expect(err.message).not.toMatch(/is not known/);
    // The user does as told; the next create leaves exactly one account.
    sb.faults.clear();
    await h.delete(guid, {} as never);
    const { id } = await create({ operatorGuid: OP, description: "pf delete 500" });
    expect(accountsWith("pf delete 500").map((u) => u.apiUserGuid)).toEqual([id]);
  });

  it("lost answer, then the DELETE is reset once: retried, the account is gone, the create ends with one account", async () => {
    sb.faults.add({ vendor: "uptrends", method: "POST", route: "/v4/ApiUser", count: 1, effect: { type: "commitThenReset" } });
    sb.faults.add({ vendor: "uptrends", method: "DELETE", route: "/v4/ApiUser/{apiUserGuid}", count: 1, effect: { type: "reset" } });
    const { id } = await create({ operatorGuid: OP, description: "pf delete reset" });
    expect(accountsWith("pf delete reset").map((u) => u.apiUserGuid)).toEqual([id]);
    expect(calls()["DELETE /v4/ApiUser/{apiUserGuid} 204"]).toBe(1);
  });

  it("lost answer, deleted, then the second POST fails for good: nothing is left, and the error says so", async () => {
    sb.faults.add({ vendor: "uptrends", method: "POST", route: "/v4/ApiUser", count: 1, effect: { type: "commitThenReset" } });
    // The resend is refused: the rule is added in the pause before it, after the DELETE.
    const sleep = vi.spyOn(createRetry, "sleep").mockImplementation(async () => {
      sb.faults.add({ vendor: "uptrends", method: "POST", route: "/v4/ApiUser", count: 1, effect: { type: "status", status: 400, message: "Refused" } });
    });
    const err = (await create({ operatorGuid: OP, description: "pf resend 400" }).catch((e: Error) => e)) as Error;
    sleep.mockRestore();
    expect(err).toBeInstanceOf(Error);
    expect(accountsWith("pf resend 400")).toHaveLength(0);
    expect(calls()["DELETE /v4/ApiUser/{apiUserGuid} 204"]).toBe(1);
    expect(err.message).toMatch(/HTTP 400/);
  });
});
