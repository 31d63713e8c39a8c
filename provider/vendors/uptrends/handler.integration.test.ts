// UptrendsApiAccount handler against the in-process sandbox: real HTTP, real vendor semantics.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { startSandbox, type Sandbox } from "../../../sandbox/server.js";
import { uptrends as uptrendsModule } from "../../../sandbox/vendors/uptrends/index.js";
import type { UptrendsState } from "../../../sandbox/vendors/uptrends/state.js";
import type { VendorModule } from "../../../sandbox/types.js";
import { createRetry } from "../../lifecycle.js";
import { uptrendsApiAccount } from "./handler.js";
import { lookupOperator, type UptrendsOperatorQuery } from "./operators.js";
import type { UptrendsApiAccountInputs, UptrendsApiAccountOutputs } from "./inputs.js";
import { SettingsUnderTest } from "../../../test/settings.js";
import { tally } from "../../../test/tally.js";
import { noteLine, recordingNotes } from "../../notes.js";

/** The provider settings of this file's runs (the sandbox's, once it is up). */
const settings = new SettingsUnderTest();
/** What the handler tells the user, read directly. */
const notes = recordingNotes();
const h = settings.bind(uptrendsApiAccount, notes);
const getUptrendsOperator = (q: UptrendsOperatorQuery) => lookupOperator(settings.value, q);

let sb: Sandbox;
let OP: string;
let ADMIN = { username: "", password: "" };

const state = () => sb.store.vendor("uptrends") as unknown as UptrendsState;

/** Vendor calls since the last clear, as "METHOD route status" -> count (token calls would show here too). */
const calls = (): Record<string, number> => tally(sb, "uptrends");

/** Direct vendor call (the "out of band" side), with any API account's Basic credentials. */
async function vendor(method: string, path: string, body?: unknown, creds = ADMIN): Promise<{ status: number; body: unknown }> {
  const res = await fetch(sb.config().vendors.uptrends!.baseUrl + path, {
    method,
    headers: {
      accept: "application/json",
      authorization: "Basic " + Buffer.from(`${creds.username}:${creds.password}`).toString("base64"),
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as unknown) : undefined };
}

async function check(news: Record<string, unknown>): Promise<UptrendsApiAccountInputs> {
  const r = await h.check(undefined, news);
  expect(r.failures).toEqual([]);
  return r.inputs;
}

async function create(news: Record<string, unknown>): Promise<{ id: string; outs: UptrendsApiAccountOutputs }> {
  return h.create(await check(news));
}

const accountsWith = (description: string) => state().apiUsers.filter((u) => u.description === description);

beforeAll(async () => {
  sb = await startSandbox({ modules: [uptrendsModule as unknown as VendorModule] });
  settings.set(sb.config().env);
  const v = sb.config().vendors.uptrends!;
  OP = v.operatorGuid!;
  ADMIN = { username: v.username!, password: v.password! };
});
afterAll(async () => {
  await sb?.close();
});
beforeEach(() => {
  sb.faults.clear();
  sb.clearRequests();
});

describe("UptrendsApiAccount handler against the sandbox", () => {
  it("create: one POST; outputs from the answer; the password works", async () => {
    const { id, outs } = await create({ operatorGuid: OP.toUpperCase(), description: "crud" });
    expect(calls()).toEqual({ "POST /v4/ApiUser 201": 1 });
    expect(id).toBe(outs.apiUserGuid);
    expect(outs).toMatchObject({ operatorGuid: OP, description: "crud", accessType: "Generic", lastUsed: "" });
    expect(outs.username).toMatch(/^[0-9a-f]{32}$/);
    expect(outs.password.length).toBeGreaterThan(10);
    expect(Date.parse(outs.createdDate)).not.toBeNaN();
    expect((await vendor("GET", "/Account", undefined, { username: outs.username, password: outs.password })).status).toBe(200);
  });

  it("read: one GET; keeps the password, refreshes lastUsed, and gives back exactly the program's inputs", async () => {
    const news = await check({ operatorGuid: OP.toUpperCase() });
    const { id, outs } = await h.create(news);
    expect(outs.description).toBe("API");
    sb.clearRequests();
    const r1 = await h.read(id, outs);
    expect(calls()).toEqual({ "GET /v4/ApiUser/{apiUserGuid} 200": 1 });
    expect(r1).toEqual({ id, props: outs, inputs: news });

    // Someone uses the account: lastUsed moves in state, and that is never a diff.
    await vendor("GET", "/Account", undefined, { username: outs.username, password: outs.password });
    const r2 = await h.read(id, outs);
    expect(r2.props?.lastUsed).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(r2.props?.password).toBe(outs.password);
    expect(r2.inputs).toEqual(news);
    expect((await h.diff(id, r2.props!, news)).changes).toBe(false);
  });

  it("read sees an out-of-band description change on that property only", async () => {
    const news = await check({ operatorGuid: OP, description: "before" });
    const { id, outs } = await h.create(news);
    expect((await vendor("PUT", `/ApiUser/${id}`, { OperatorGuid: OP, Description: "edited" })).status).toBe(204);
    const r = await h.read(id, outs);
    expect(r.inputs).toEqual({ operatorGuid: OP, description: "edited" });
    expect(await h.diff(id, r.props!, news)).toMatchObject({ changes: true, replaces: [], changed: ["description"] });
  });

  it("update: one PUT with the unchanged operator, nothing when only importId or spelling differs", async () => {
    const { id, outs } = await create({ operatorGuid: OP, description: "old" });
    sb.clearRequests();
    const updated = await h.update(id, outs, await check({ operatorGuid: OP, description: "new" }));
    expect(calls()).toEqual({ "PUT /v4/ApiUser/{apiUserGuid} 204": 1 });
    expect(updated).toEqual({ ...outs, description: "new" });
    expect(state().apiUsers.find((u) => u.apiUserGuid === id)?.description).toBe("new");

    sb.clearRequests();
    const same = await h.update(id, updated, await check({ operatorGuid: OP.toUpperCase(), description: "new" }));
    expect(calls()).toEqual({});
    expect(same).toEqual(updated);
  });

  it("update back to an empty description sends the vendor default", async () => {
    const { id, outs } = await create({ operatorGuid: OP, description: "named" });
    const updated = await h.update(id, outs, await check({ operatorGuid: OP }));
    expect(updated.description).toBe("API");
    expect(state().apiUsers.find((u) => u.apiUserGuid === id)?.description).toBe("API");
  });

  it("delete: one DELETE, the account and its credentials are gone; a vanished account reads as gone and deletes fine", async () => {
    const { id, outs } = await create({ operatorGuid: OP, description: "to delete" });
    sb.clearRequests();
    await h.delete(id, outs);
    expect(calls()).toEqual({ "DELETE /v4/ApiUser/{apiUserGuid} 204": 1 });
    expect(state().apiUsers.some((u) => u.apiUserGuid === id)).toBe(false);
    expect((await vendor("GET", "/Account", undefined, { username: outs.username, password: outs.password })).status).toBe(401);

    expect(await h.read(id, outs)).toEqual({});
    sb.clearRequests();
    await h.delete(id, outs);
    expect(calls()).toEqual({ "DELETE /v4/ApiUser/{apiUserGuid} 404": 1 });
  });

  it("lost create (committed, connection reset): finds the unusable account, deletes it, creates once more", async () => {
    sb.faults.add({ vendor: "uptrends", method: "POST", route: "/v4/ApiUser", count: 1, effect: { type: "commitThenReset" } });
    const { id, outs } = await create({ operatorGuid: OP, description: "lost once" });
    expect(calls()).toEqual({
      "POST /v4/ApiUser 0": 1,
      // The look-up after the lost answer, and the one after the resend (deleteMadeLate: did a send land late?).
      "GET /v4/ApiUser/Operator/{operatorGuid} 200": 2,
      "DELETE /v4/ApiUser/{apiUserGuid} 204": 1,
      "POST /v4/ApiUser 201": 1,
    });
    // No duplicate: the only account with that description is the managed one, and its password works.
    expect(accountsWith("lost once").map((u) => u.apiUserGuid)).toEqual([id]);
    expect((await vendor("GET", "/Account", undefined, { username: outs.username, password: outs.password })).status).toBe(200);
  });

  it("lost create (reset before it was handled): finds nothing, creates once more", async () => {
    sb.faults.add({ vendor: "uptrends", method: "POST", route: "/v4/ApiUser", count: 1, effect: { type: "reset" } });
    const { id } = await create({ operatorGuid: OP, description: "never arrived" });
    expect(calls()).toEqual({ "POST /v4/ApiUser 0": 1, "GET /v4/ApiUser/Operator/{operatorGuid} 200": 2, "POST /v4/ApiUser 201": 1 });
    expect(accountsWith("never arrived").map((u) => u.apiUserGuid)).toEqual([id]);
  });

  it("lost create (HTTP 500): looked up, not blindly retried", async () => {
    sb.faults.add({ vendor: "uptrends", method: "POST", route: "/v4/ApiUser", count: 1, effect: { type: "status", status: 500 } });
    await create({ operatorGuid: OP, description: "five hundred" });
    expect(calls()).toEqual({ "POST /v4/ApiUser 500": 1, "GET /v4/ApiUser/Operator/{operatorGuid} 200": 2, "POST /v4/ApiUser 201": 1 });
    expect(accountsWith("five hundred")).toHaveLength(1);
  });

  it("lost twice: deletes each account whose password was lost, sends again, ends with one account", async () => {
    const sleep = vi.spyOn(createRetry, "sleep").mockResolvedValue(undefined);
    sb.faults.add({ vendor: "uptrends", method: "POST", route: "/v4/ApiUser", count: 2, effect: { type: "commitThenReset" } });
    const { id } = await create({ operatorGuid: OP, description: "lost twice" });
    expect(accountsWith("lost twice").map((u) => u.apiUserGuid)).toEqual([id]);
    expect(calls()).toEqual({ "POST /v4/ApiUser 0": 2, "GET /v4/ApiUser/Operator/{operatorGuid} 200": 3, "DELETE /v4/ApiUser/{apiUserGuid} 204": 2, "POST /v4/ApiUser 201": 1 });
    expect(sleep).toHaveBeenCalledTimes(2);
    sleep.mockRestore();
  });

  it("lost on every send of the budget: deletes what each made and fails saying nothing is left behind", async () => {
    const sleep = vi.spyOn(createRetry, "sleep").mockResolvedValue(undefined);
    sb.faults.add({ vendor: "uptrends", method: "POST", route: "/v4/ApiUser", count: 5, effect: { type: "commitThenReset" } });
    const err = await create({ operatorGuid: OP, description: "lost five times" }).catch((e: Error) => e);
    sleep.mockRestore();
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toMatch(/^UptrendsApiAccount: creating an API account for operator .* lost its answer \(Uptrends POST \/ApiUser: connection failed .*\); it was attempt 5, and the account it made \(.*\) was deleted.*Nothing is left behind/);
    expect(accountsWith("lost five times")).toHaveLength(0);
    expect(calls()["DELETE /v4/ApiUser/{apiUserGuid} 204"]).toBe(5);
  });

  it("lost create with look-alikes it cannot tell apart: touches nothing and names them all", async () => {
    const a = await vendor("POST", "/ApiUser", { OperatorGuid: OP, Description: "look-alike" });
    const b = await vendor("POST", "/ApiUser", { OperatorGuid: OP, Description: "look-alike" });
    sb.faults.add({ vendor: "uptrends", method: "POST", route: "/v4/ApiUser", count: 1, effect: { type: "commitThenReset" } });
    const err = (await create({ operatorGuid: OP, description: "look-alike" }).catch((e: Error) => e)) as Error;
    expect(err.message).toMatch(/lost its answer \(Uptrends POST \/ApiUser: .*\); the create may have happened: /);
    expect(err.message).toMatch(/3 never-used API accounts of operator .* "look-alike"/);
    for (const r of [a, b]) expect(err.message).toContain((r.body as { ApiUserGuid: string }).ApiUserGuid);
    expect(accountsWith("look-alike")).toHaveLength(3);
    expect(calls()["DELETE /v4/ApiUser/{apiUserGuid} 204"]).toBeUndefined();
  });

  it("accounts this process created are never taken for a lost one", async () => {
    const { id: first } = await create({ operatorGuid: OP, description: "sibling" });
    sb.faults.add({ vendor: "uptrends", method: "POST", route: "/v4/ApiUser", count: 1, effect: { type: "commitThenReset" } });
    const { id: second } = await create({ operatorGuid: OP, description: "sibling" });
    expect(accountsWith("sibling").map((u) => u.apiUserGuid).sort()).toEqual([first, second].sort());
  });

  it("a rate-limited create is retried (429 means not acted on)", async () => {
    sb.faults.add({ vendor: "uptrends", method: "POST", route: "/v4/ApiUser", count: 1, effect: { type: "rateLimit", retryAfterSeconds: 0 } });
    await create({ operatorGuid: OP, description: "rate limited" });
    expect(calls()).toEqual({ "POST /v4/ApiUser 429": 1, "POST /v4/ApiUser 201": 1 });
  });

  it("expireTokens changes nothing: Basic auth has no token, so no extra call", async () => {
    const { id, outs } = await create({ operatorGuid: OP, description: "no tokens" });
    sb.clearRequests();
    sb.faults.add({ vendor: "uptrends", effect: { type: "expireTokens" } });
    expect((await h.read(id, outs)).id).toBe(id);
    await h.update(id, outs, await check({ operatorGuid: OP, description: "still no tokens" }));
    expect(calls()).toEqual({ "GET /v4/ApiUser/{apiUserGuid} 200": 1, "PUT /v4/ApiUser/{apiUserGuid} 204": 1 });
  });

  it("a rejected credential fails at once, in one line, without the password", async () => {
    const wrong = "Wrong-Uptrends-Password-42";
    settings.set({ UPTRENDS_PASSWORD: wrong });
    try {
      const err = (await create({ operatorGuid: OP, description: "denied" }).catch((e: Error) => e)) as Error;
      expect(err.message).toBe(
        `UptrendsApiAccount: creating an API account for operator ${OP} failed: Uptrends POST /ApiUser failed with HTTP 401: Authorization has been denied for this request. ` +
          "The provider credentials were rejected: check the apiidentity:* stack config or the environment variables for this vendor.",
      );
      expect(err.message).not.toContain(wrong);
      expect(err.message).not.toContain(Buffer.from(`${ADMIN.username}:${wrong}`).toString("base64"));
      expect(calls()).toEqual({ "POST /v4/ApiUser 401": 1 });
    } finally {
      settings.set({ UPTRENDS_PASSWORD: ADMIN.password });
    }
  });

  it("vendor errors name the call, the vendor message and status, and hold no secret", async () => {
    const err = (await create({ operatorGuid: "00000000-0000-4000-8000-000000000000" }).catch((e: Error) => e)) as Error;
    expect(err.message).toMatch(/^UptrendsApiAccount: creating an API account for operator 00000000-.* failed: Uptrends POST \/ApiUser failed with HTTP 404: The specified operator was not found\. /);
    expect(err.message).not.toContain(ADMIN.password);

    const { id, outs } = await create({ operatorGuid: OP, description: "secret check" });
    sb.faults.add({ vendor: "uptrends", method: "PUT", effect: { type: "status", status: 403, message: "Only account administrators can manage API users of other operators." } });
    const e2 = (await h.update(id, outs, await check({ operatorGuid: OP, description: "x" })).catch((e: Error) => e)) as Error;
    expect(e2.message).toMatch(/^UptrendsApiAccount: updating the description of API account .* failed: Uptrends PUT \/ApiUser\/\{apiUserGuid\} failed with HTTP 403: Only account administrators/);
    for (const s of [outs.password, ADMIN.password]) expect(e2.message).not.toContain(s);
  });

  describe("adoption (importId)", () => {
    it("takes an existing account without a create call, applies the description, says what it changed", async () => {
      const made = await vendor("POST", "/ApiUser", { OperatorGuid: OP, Description: "made by hand" });
      const guid = (made.body as { ApiUserGuid: string }).ApiUserGuid;
      notes.clear();
      sb.clearRequests();
      const r = await create({ operatorGuid: OP, description: "now managed", importId: guid.toUpperCase() });
      const lines = notes.recorded.map((n) => noteLine(n.text));
      expect(calls()).toEqual({ "GET /v4/ApiUser/{apiUserGuid} 200": 1, "PUT /v4/ApiUser/{apiUserGuid} 204": 1 });
      expect(lines).toContain(`apiidentity: adopted UptrendsApiAccount ${guid}; changed: description\n`);
      expect(r.id).toBe(guid);
      expect(r.outs).toMatchObject({ apiUserGuid: guid, password: "", description: "now managed", importId: guid });
      // Refresh afterwards gives back exactly the program's inputs (importId included).
      const read = await h.read(r.id, r.outs);
      expect(read.inputs).toEqual({ operatorGuid: OP, description: "now managed", importId: guid });
    });

    it("an unchanged adopted account gets no write", async () => {
      const made = await vendor("POST", "/ApiUser", { OperatorGuid: OP });
      const guid = (made.body as { ApiUserGuid: string }).ApiUserGuid;
      notes.clear();
      sb.clearRequests();
      await create({ operatorGuid: OP, importId: guid });
      const lines = notes.recorded.map((n) => noteLine(n.text));
      expect(calls()).toEqual({ "GET /v4/ApiUser/{apiUserGuid} 200": 1 });
      expect(lines).toContain(`apiidentity: adopted UptrendsApiAccount ${guid}; changed: nothing\n`);
    });

    it("an unknown importId fails naming the id and the vendor", async () => {
      const id = "12345678-aaaa-4bbb-8ccc-1234567890ab";
      await expect(create({ operatorGuid: OP, importId: id })).rejects.toThrow(
        `UptrendsApiAccount: importId "${id}": Uptrends has no API account with this id (ApiUserGuid)`,
      );
      expect(calls()).toEqual({ "GET /v4/ApiUser/{apiUserGuid} 404": 1 });
    });

    it("the provider's own account cannot be adopted", async () => {
      const own = state().apiUsers.find((u) => u.userName === ADMIN.username)!;
      await expect(create({ operatorGuid: OP, importId: own.apiUserGuid })).rejects.toThrow(/it is the account the provider logs in with/);
      expect(calls()).toEqual({ "GET /v4/ApiUser/{apiUserGuid} 200": 1 });
    });

    it("an account of another operator cannot be adopted under this one", async () => {
      const other = await vendor("POST", "/Operator", { FullName: "Other Op", Email: "other-op@example.com", Password: "Other-Op-Login-1" });
      const otherGuid = (other.body as { OperatorGuid: string }).OperatorGuid;
      const made = await vendor("POST", "/ApiUser", { OperatorGuid: otherGuid });
      const guid = (made.body as { ApiUserGuid: string }).ApiUserGuid;
      await expect(create({ operatorGuid: OP, importId: guid })).rejects.toThrow(/belongs to operator .*cannot move an API account/);
    });
  });

  // The SDK's getUptrendsOperator is this with the program's settings; the e2e test calls it in a real program.
  describe("getUptrendsOperator (program-side lookup)", () => {
    it("finds the seeded operator by e-mail and by name, usable as operatorGuid", async () => {
      const byEmail = await getUptrendsOperator({ email: "ADMIN@sandbox.uptrends.test" });
      expect(byEmail).toMatchObject({ operatorGuid: OP, fullName: "Sandbox Administrator", email: "admin@sandbox.uptrends.test", isAccountAdministrator: true });
      expect((await getUptrendsOperator({ name: "sandbox administrator" })).operatorGuid).toBe(OP);
      const { outs } = await create({ operatorGuid: byEmail.operatorGuid, description: "via lookup" });
      expect(outs.operatorGuid).toBe(OP);
    });

    it("fails clearly, listing the operators that exist", async () => {
      await expect(getUptrendsOperator({ email: "nobody@example.com" })).rejects.toThrow(
        /^getUptrendsOperator: no Uptrends operator has e-mail 'nobody@example.com'\. The account's operators: .*Sandbox Administrator <admin@sandbox.uptrends.test>/,
      );
    });

    it("a vendor failure names the call and status", async () => {
      sb.faults.add({ vendor: "uptrends", method: "GET", route: "/v4/Operator", count: 1, effect: { type: "status", status: 403, message: "Not allowed." } });
      await expect(getUptrendsOperator({ email: "admin@sandbox.uptrends.test" })).rejects.toThrow(
        /^getUptrendsOperator: listing Uptrends operators \(GET \/Operator\) failed: Uptrends GET \/Operator failed with HTTP 403: Not allowed\./,
      );
    });
  });
});
