// Partial failures of IseApiUser creates. A plain create is one write (POST /accounts carries the
// roles and the device space). The create that writes more than once is an adoption (importId): a
// PUT of the account's fields, then a PUT of its roles. A fault on the second write must name the
// account, what it holds already and how to finish, and a re-run must end with exactly that account.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../../../sandbox/server.js";
import type { VendorModule } from "../../../sandbox/types.js";
import { ivanti as ivantiModule } from "../../../sandbox/vendors/ivanti/index.js";
import type { IvantiState } from "../../../sandbox/vendors/ivanti/state.js";
import { iseApiUser } from "./handler.js";
import { SettingsUnderTest } from "../../../test/settings.js";
import { tally } from "../../../test/tally.js";

const settings = new SettingsUnderTest();
const h = settings.bind(iseApiUser);
const PASSWORD = "Str0ng-Passw0rd-1";
const ISE_ROLE_ID = 1006;
let sb: Sandbox;
let ADMIN = { username: "", password: "" };
const state = () => sb.store.vendor("ivanti") as unknown as IvantiState;
const calls = (): Record<string, number> => tally(sb, "ivanti");
async function vendor(method: string, path: string, form?: Record<string, string>) {
  const res = await fetch(sb.baseUrl("ivanti") + path, {
    method,
    headers: { accept: "application/json", authorization: "Basic " + Buffer.from(`${ADMIN.username}:${ADMIN.password}`).toString("base64"), ...(form ? { "content-type": "application/x-www-form-urlencoded" } : {}) },
    body: form ? new URLSearchParams(form).toString() : undefined,
  });
  return { status: res.status, body: (await res.json()) as { errors: unknown; result: unknown } };
}
async function create(news: Record<string, unknown>) {
  const r = await h.check(undefined, news);
  expect(r.failures).toEqual([]);
  return h.create(r.inputs);
}
beforeAll(async () => {
  sb = await startSandbox({ modules: [ivantiModule as unknown as VendorModule] });
  settings.set(sb.config().env);
  const v = sb.config().vendors.ivanti!;
  ADMIN = { username: v.username!, password: v.password! };
});
afterAll(async () => {
  await sb?.close();
});
beforeEach(() => {
  sb.faults.clear();
  sb.clearRequests();
});
async function preExisting(e: string): Promise<string> {
  const pre = await vendor("POST", "/api/v1/accounts?sendInvite=false", {
    "accounts[0].emailAddress": e,
    "accounts[0].accountSource": "LOCAL",
    "accounts[0].displayName": "Old name",
    "accounts[0].password": "0ld-Passw0rd",
    "accounts[0].apiUser": "true",
    "accounts[0].roles[0]": String(ISE_ROLE_ID),
    "accounts[0].roles[1]": "1004",
  });
  return String((pre.body.result as { id: number }).id);
}
const withUid = (e: string) => state().accounts.filter((a) => a.uid.toLowerCase() === e.toLowerCase());

describe("IseApiUser: a create that fails after its first write", () => {
  it("a plain create is one write: roles and device space travel in the one POST", async () => {
    const { id } = await create({ emailAddress: "pf-one@example.com", password: PASSWORD, roles: ["Cisco ISE Operations", "Device Read Only"] });
    const writes = Object.entries(calls()).filter(([k]) => !k.startsWith("GET "));
    expect(writes).toEqual([["POST /api/v1/accounts 200", 1]]);
    expect(withUid("pf-one@example.com").map((a) => String(a.id))).toEqual([id]);
  });

  for (const effect of [{ type: "status", status: 500 }, { type: "reset" }] as const) {
    it(`adoption: the roles PUT fails (${effect.type}) after the fields PUT: names the account, what it holds already and how to finish; a re-run adopts it`, async () => {
      const e = `pf-adopt-${effect.type}@example.com`;
      const preId = await preExisting(e);
      sb.clearRequests();
      // A reset on a PUT is retried by the transport: fault every try so that the failure is final.
      sb.faults.add({ vendor: "ivanti", method: "PUT", route: "/api/v1/account/{accountId}/roles", count: 5, effect });
      const err = (await create({ emailAddress: e, password: PASSWORD, displayName: "ISE", importId: preId }).catch((x: Error) => x)) as Error;
      expect(err).toBeInstanceOf(Error);
      expect(calls()["PUT /api/v1/account/{accountId} 200"]).toBe(1);
      // Nothing new at the vendor: the one account, with the fields written and the roles not.
      expect(withUid(e).map((a) => String(a.id))).toEqual([preId]);
      expect(err.message).toContain(`set the roles of API user ${preId} failed`);
      expect(err.message).toContain(`API user ${preId} holds the new displayName, password already, not the new roles`);
      expect(err.message).toContain(`importId: "${preId}"`);
      expect(err.message).toMatch(/run 'pulumi up' again/);
      // The re-run the message asks for ends with exactly that account, holding the inputs.
      sb.faults.clear();
      const { id } = await create({ emailAddress: e, password: PASSWORD, displayName: "ISE", importId: preId });
      expect(id).toBe(preId);
      expect(withUid(e)).toHaveLength(1);
      expect(withUid(e)[0]!.roles.map((r) => r.roleId)).toEqual([ISE_ROLE_ID]);
      expect(withUid(e)[0]!.displayName).toBe("ISE");
    });
  }
});
