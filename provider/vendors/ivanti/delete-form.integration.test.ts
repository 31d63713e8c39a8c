// The two delete forms as vendor generations, through the client against the sandbox: the form
// public client code uses (DELETE /api/v1/account?id=) first, the older bulk form once on a 404 or
// 405, and whichever answered kept for the life of the client (the provider process).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../../../sandbox/server.js";
import type { VendorModule } from "../../../sandbox/types.js";
import { ivanti as ivantiModule } from "../../../sandbox/vendors/ivanti/index.js";
import type { IvantiState } from "../../../sandbox/vendors/ivanti/state.js";
import { basicAuth, HttpClient } from "../../http/index.js";
import { describeIvantiError, IvantiClient, VENDOR } from "./client.js";

let sb: Sandbox;
const state = () => sb.store.vendor("ivanti") as unknown as IvantiState;

/** A fresh client: a new provider process that has learnt nothing about the tenant. */
function freshClient(): IvantiClient {
  const v = sb.config().vendors.ivanti!;
  return new IvantiClient(new HttpClient({ vendor: VENDOR, baseUrl: v.baseUrl!, auth: basicAuth(v.username!, v.password!), describeError: describeIvantiError }), v.username!);
}

/** A plain account made straight in the sandbox state: its id. */
function account(): string {
  const base = state().accounts[0]!;
  const id = state().nextAccountId++;
  state().accounts.push({ ...base, id, superUser: false, uid: `del-${id}@example.com`, emailAddress: `del-${id}@example.com`, username: `del-${id}@example.com`, roles: [] });
  return String(id);
}

/** DELETE calls since the last clear, as "METHOD route status", one entry per call, sorted. */
const deletes = () =>
  sb
    .requests()
    .filter((r) => r.vendor === "ivanti" && r.method === "DELETE")
    .flatMap((r) => Array.from({ length: r.count }, () => `${r.method} ${r.route} ${r.status}`))
    .sort();

beforeAll(async () => {
  sb = await startSandbox({ modules: [ivantiModule as unknown as VendorModule] });
});
afterAll(async () => {
  await sb.close();
});
beforeEach(async () => {
  await fetch(sb.url + "/_sandbox/reset", { method: "POST" });
  sb.setProfile("ivanti", "current");
  sb.faults.clear();
  sb.clearRequests();
});

describe("a tenant of the current form (DELETE /api/v1/account?id=)", () => {
  it("deletes in one call and keeps the form; a later 404 means not found at once", async () => {
    const c = freshClient();
    expect(c.deleteForm).toBeUndefined();
    const a = account();
    expect(await c.deleteAccount(a)).toEqual({ form: "single", outcome: "deleted" });
    expect(c.deleteForm).toBe("single");
    expect(state().accounts.some((x) => String(x.id) === a)).toBe(false);
    expect(await c.deleteAccount(account())).toEqual({ form: "single", outcome: "deleted" });
    expect(await c.deleteAccount("777777")).toEqual({ form: "single", outcome: "notFound" });
    expect(deletes()).toEqual(["DELETE /api/v1/account 200", "DELETE /api/v1/account 200", "DELETE /api/v1/account 404"].sort());
  });

  it("a first 404 tries the older form once; its 405 settles the form, and the id is not found", async () => {
    const c = freshClient();
    expect(await c.deleteAccount("777777")).toEqual({ form: "single", outcome: "notFound" });
    expect(c.deleteForm).toBe("single");
    expect(await c.deleteAccount("777778")).toEqual({ form: "single", outcome: "notFound" });
    expect(deletes()).toEqual(["DELETE /api/v1/account 404", "DELETE /api/v1/accounts 405", "DELETE /api/v1/account 404"].sort());
  });

  it("a refusal is the vendor's reason, not an error", async () => {
    const c = freshClient();
    expect(await c.deleteAccount("10000")).toEqual({ form: "single", outcome: "refused", reason: "You cannot delete the account you are signed in with" });
  });

  it("a tenant that answers 405 on both forms fails naming the evidenced call", async () => {
    sb.faults.add({ vendor: "ivanti", method: "DELETE", route: "/api/v1/account", effect: { type: "status", status: 405 } });
    const c = freshClient();
    await expect(c.deleteAccount(account())).rejects.toThrow(/^Ivanti DELETE \/api\/v1\/account failed with HTTP 405/);
    expect(c.deleteForm).toBeUndefined();
    expect(deletes()).toEqual(["DELETE /api/v1/account 405", "DELETE /api/v1/accounts 405"].sort());
  });
});

describe("a tenant of the older bulk form (DELETE /api/v1/accounts?ids=)", () => {
  beforeEach(() => sb.setProfile("ivanti", "bulk-delete"));

  it("falls back once on the 405 and remembers the older form for the process", async () => {
    const c = freshClient();
    const a = account();
    expect(await c.deleteAccount(a)).toEqual({ form: "bulk", outcome: "deleted" });
    expect(c.deleteForm).toBe("bulk");
    expect(state().accounts.some((x) => String(x.id) === a)).toBe(false);
    expect(await c.deleteAccount(account())).toEqual({ form: "bulk", outcome: "deleted" });
    expect(await c.deleteAccount("777777")).toEqual({ form: "bulk", outcome: "notFound" });
    expect(await c.deleteAccount("10000")).toEqual({ form: "bulk", outcome: "refused", reason: "SELF: You cannot delete the account you are signed in with" });
    expect(deletes()).toEqual(["DELETE /api/v1/account 405", "DELETE /api/v1/accounts 200", "DELETE /api/v1/accounts 200", "DELETE /api/v1/accounts 200", "DELETE /api/v1/accounts 200"].sort());
  });

  it("a new process learns again: one 405 first", async () => {
    await freshClient().deleteAccount(account());
    sb.clearRequests();
    await freshClient().deleteAccount(account());
    expect(deletes()).toEqual(["DELETE /api/v1/account 405", "DELETE /api/v1/accounts 200"].sort());
  });
});
