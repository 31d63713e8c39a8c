// Partial failures through the real pulumi CLI: a create that writes more than once at the
// vendor and fails after its first write leaves nothing behind, or names exactly what is left and
// what to do with it; the re-run the error asks for ends with exactly one identity per resource.
//
// Plain creates are one write for every kind (the roles, groups and device space travel in the one
// create call; the handler integration tests count it). The creates that write more than once:
// - IseApiUser adoption (importId): a PUT of the account's fields, then a PUT of its roles;
// - UptrendsApiAccount after a lost create answer: the POST, a DELETE of the account whose password
//   was lost, and the POST again.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../../sandbox/server.js";
import type { IvantiState } from "../../sandbox/vendors/ivanti/state.js";
import type { UptrendsState } from "../../sandbox/vendors/uptrends/state.js";
import { PulumiProject, resourcesOfType } from "./harness.js";

const PASSWORD = "Str0ng-Passw0rd-1";
const ISE_ROLE_ID = 1006;
const EMAIL = "pf-adopt@example.com";
const DESCRIPTION = "partial failure";

const program = (op: string, importId: string) => `
import { IseApiUser, UptrendsApiAccount } from "pulumi-apiidentity";
const ise = new IseApiUser("ise", ${JSON.stringify({ emailAddress: EMAIL, password: PASSWORD, displayName: "ISE adopted", importId })});
const up = new UptrendsApiAccount("uptrends", ${JSON.stringify({ operatorGuid: op, description: DESCRIPTION })});
export const accountId = ise.accountId;
export const apiUserGuid = up.apiUserGuid;
`;

describe("partial failures through the pulumi CLI", () => {
  let sb: Sandbox;
  let p: PulumiProject;
  const ivanti = () => sb.store.vendor("ivanti") as unknown as IvantiState;
  const uptrends = () => sb.store.vendor("uptrends") as unknown as UptrendsState;
  const iseAccounts = () => ivanti().accounts.filter((a) => a.uid.toLowerCase() === EMAIL);
  const apiAccounts = () => uptrends().apiUsers.filter((u) => u.description === DESCRIPTION);

  async function vendor(name: "ivanti" | "uptrends", method: string, path: string, body?: { form?: Record<string, string>; json?: unknown }) {
    const v = sb.config().vendors[name]!;
    const res = await fetch(v.baseUrl + path, {
      method,
      headers: {
        accept: "application/json",
        authorization: "Basic " + Buffer.from(`${v.username!}:${v.password!}`).toString("base64"),
        ...(body?.form ? { "content-type": "application/x-www-form-urlencoded" } : body?.json ? { "content-type": "application/json" } : {}),
      },
      body: body?.form ? new URLSearchParams(body.form).toString() : body?.json ? JSON.stringify(body.json) : undefined,
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : {}) as Record<string, unknown> };
  }

  beforeAll(async () => {
    sb = await startSandbox();
  });
  afterAll(async () => {
    p?.cleanup();
    await sb?.close();
  });

  it("each create failed after its first write is named exactly, and the re-run ends with exactly one identity each", async () => {
    // An account made at the vendor, to be adopted with other fields and roles.
    const pre = await vendor("ivanti", "POST", "/api/v1/accounts?sendInvite=false", {
      form: {
        "accounts[0].emailAddress": EMAIL,
        "accounts[0].accountSource": "LOCAL",
        "accounts[0].displayName": "Old name",
        "accounts[0].password": "0ld-Passw0rd",
        "accounts[0].apiUser": "true",
        "accounts[0].roles[0]": String(ISE_ROLE_ID),
        "accounts[0].roles[1]": "1004",
      },
    });
    const preId = String((pre.body.result as { id: number }).id);
    const op = sb.config().vendors.uptrends!.operatorGuid!;
    p = new PulumiProject({ program: program(op, preId), env: sb.config().env });
    await p.init();

    // Ivanti: the second write of the adoption fails. Uptrends: the create's answer is lost, and the
    // DELETE of the account it made (whose password was lost with the answer) fails.
    sb.faults.add({ vendor: "ivanti", method: "PUT", route: "/api/v1/account/{accountId}/roles", count: 1, effect: { type: "status", status: 500 } });
    sb.faults.add({ vendor: "uptrends", method: "POST", route: "/v4/ApiUser", count: 1, effect: { type: "commitThenReset" } });
    sb.faults.add({ vendor: "uptrends", method: "DELETE", route: "/v4/ApiUser/{apiUserGuid}", count: 1, effect: { type: "status", status: 500 } });
    const injected = () => sb.faults.list().reduce((n, r) => n + r.applied, 0);

    const failed = await p.run(["up", "--yes", "--skip-preview", "--continue-on-error"]);
    const faults = injected();
    sb.faults.clear();
    expect(failed.code).not.toBe(0);
    const out = failed.stdout + failed.stderr;
    expect(faults).toBe(3);

    // Ivanti: nothing new; the one account is named with the importId that finishes it.
    expect(iseAccounts().map((a) => String(a.id))).toEqual([preId]);
    expect(out).toContain(`API user ${preId} holds the new displayName, password already, not the new roles`);
    expect(out).toContain(`importId: "${preId}"`);

    // Uptrends: the one account left is named by its id, with what to do.
    const left = apiAccounts();
    expect(left).toHaveLength(1);
    const orphan = left[0]!.apiUserGuid;
    expect(out).toContain(`the create happened: it made API account ${orphan}`);
    expect(out).toContain("delete it on the operator's API management tab, then run 'pulumi up' again");

    // Nothing of either is in state yet.
    const before = await p.exportStack();
    expect(resourcesOfType(before.resources, "IseApiUser")).toHaveLength(0);
    expect(resourcesOfType(before.resources, "UptrendsApiAccount")).toHaveLength(0);

    // Do as the errors say: delete the unusable Uptrends account, then run 'pulumi up' again.
    expect((await vendor("uptrends", "DELETE", `/ApiUser/${orphan}`)).status).toBe(204);
    await p.up();

    const { resources } = await p.exportStack();
    const ise = resourcesOfType(resources, "IseApiUser");
    const api = resourcesOfType(resources, "UptrendsApiAccount");
    expect(ise.map((r) => r.id)).toEqual([preId]);
    expect(api).toHaveLength(1);
    expect(iseAccounts()).toHaveLength(1);
    expect(iseAccounts()[0]!.roles.map((r) => r.roleId)).toEqual([ISE_ROLE_ID]);
    expect(iseAccounts()[0]!.displayName).toBe("ISE adopted");
    expect(apiAccounts().map((u) => u.apiUserGuid)).toEqual([api[0]!.id]);
    const orphans = iseAccounts().length - ise.length + (apiAccounts().length - api.length);
    expect(orphans).toBe(0);

    console.log(`partial failures: 2 multi-call creates (IseApiUser adoption, UptrendsApiAccount lost-answer recovery), each failed after its first write (${faults} faults injected): 2 named exactly, 0 orphans; the re-run ends with exactly one identity each`);
  }, 180_000);
});
