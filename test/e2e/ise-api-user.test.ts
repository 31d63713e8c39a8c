// IseApiUser end to end through the real pulumi CLI against the in-process Ivanti sandbox, on both
// generations of the account delete ("current": DELETE /api/v1/account?id=, the form public client
// code uses; "bulk-delete": the older DELETE /api/v1/accounts?ids=): create -> update in place ->
// replace -> drift found and repaired -> out-of-band delete -> destroy, then adoption with importId.
// Every step's Ivanti calls are counted against the minimum the API needs (Basic auth: there are no
// token calls; each pulumi command is a new provider process, so the role catalogue is fetched once
// per command that resolves role names, and on the older generation each command that deletes pays
// one 405 of the current form before it learns the older one).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../../sandbox/server.js";
import { GENERATIONS, type Generation } from "../../sandbox/vendors/ivanti/generations.js";
import { setIseRoleName, type IvantiAccount, type IvantiState } from "../../sandbox/vendors/ivanti/state.js";
import { changedInputs, PulumiProject, resourcesOfType } from "./harness.js";

const PASSWORD = "E2e-Ise-Passw0rd-7c1d";
const SECRET_SIG = "4dabf18193072939515e22adb298388d";

interface Args {
  emailAddress: string;
  displayName?: string;
  firstName?: string;
  roles?: string[];
  importId?: string;
}

const program = (args: Args) => `
import { IseApiUser } from "pulumi-apiidentity";
const u = new IseApiUser("ise", ${JSON.stringify({ ...args, password: PASSWORD })});
export const accountId = u.accountId;
export const uid = u.uid;
export const username = u.username;
export const displayName = u.displayName;
export const roles = u.roles;
export const enabled = u.enabled;
export const inviteState = u.inviteState;
export const createdAt = u.createdAt;
export const password = u.password;
`;

/** The Ivanti calls of one delete in a fresh provider process, on each generation. */
function deleteCalls(generation: Generation): Record<string, number> {
  return generation === "current" ? { "DELETE /api/v1/account 200": 1 } : { "DELETE /api/v1/account 405": 1, "DELETE /api/v1/accounts 200": 1 };
}

describe.each(GENERATIONS)("IseApiUser through the pulumi CLI (%s delete generation)", (generation) => {
  let sb: Sandbox;
  let p: PulumiProject;

  const state = () => sb.store.vendor("ivanti") as unknown as IvantiState;
  const byId = (id: unknown): IvantiAccount | undefined => state().accounts.find((a) => a.id === Number(id));
  const byUid = (uid: string): IvantiAccount[] => state().accounts.filter((a) => a.uid.toLowerCase() === uid.toLowerCase());

  /** Ivanti calls since the last clear, "METHOD route status" -> count. */
  function calls(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const r of sb.requests()) {
      if (r.vendor !== "ivanti") continue;
      const k = `${r.method} ${r.route} ${r.status}`;
      out[k] = (out[k] ?? 0) + r.count;
    }
    return out;
  }

  /** Real HTTP to the sandbox's Ivanti endpoints with the tenant admin's credentials (out of band). */
  async function vendor(method: string, path: string, form?: Record<string, string>): Promise<{ status: number; result: unknown }> {
    const v = sb.config().vendors.ivanti!;
    const res = await fetch(v.baseUrl + path, {
      method,
      headers: {
        accept: "application/json",
        authorization: "Basic " + Buffer.from(`${v.username}:${v.password}`).toString("base64"),
        ...(form ? { "content-type": "application/x-www-form-urlencoded" } : {}),
      },
      body: form ? new URLSearchParams(form).toString() : undefined,
    });
    const body = (await res.json()) as { result: unknown };
    return { status: res.status, result: body.result };
  }

  const step = async <T>(fn: () => Promise<T>): Promise<{ value: T; calls: Record<string, number> }> => {
    sb.clearRequests();
    const value = await fn();
    return { value, calls: calls() };
  };

  beforeAll(async () => {
    sb = await startSandbox({ profiles: { ivanti: generation } });
    p = new PulumiProject({ program: program({ emailAddress: "ise-e2e@example.com", firstName: "Ise", displayName: "Cisco ISE" }), env: sb.config().env });
    await p.init();
  });
  afterAll(async () => {
    p?.cleanup();
    await sb?.close();
  });

  let firstId = "";
  let secondId = "";

  it("creates: one POST plus the role catalogue; the password is encrypted in state", async () => {
    const s = await step(() => p.up());
    expect(s.calls).toEqual({ "GET /api/v1/roles 200": 1, "POST /api/v1/accounts 200": 1 });

    const out = await p.outputs();
    firstId = out.accountId as string;
    expect(out).toMatchObject({ uid: "ise-e2e@example.com", username: "ise-e2e@example.com", displayName: "Cisco ISE", roles: ["Cisco ISE Operations"], enabled: true, inviteState: "None", password: PASSWORD });
    expect(Date.parse(out.createdAt as string)).toBeGreaterThan(0);
    expect(byId(firstId)).toMatchObject({ uid: "ise-e2e@example.com", firstName: "Ise", displayName: "Cisco ISE", isApiUser: true, password: PASSWORD });

    const { raw, resources } = await p.exportStack();
    expect(raw).not.toContain(PASSWORD);
    const [res] = resourcesOfType(resources, "IseApiUser");
    expect(res?.id).toBe(firstId);
    for (const bag of [res!.inputs!, res!.outputs!]) {
      expect(bag.password).toMatchObject({ [SECRET_SIG]: "1b47061264138c4ac30d75fd1eb44270", ciphertext: expect.any(String) });
    }
  });

  it("updates an updatable property in place with one PUT", async () => {
    p.writeProgram(program({ emailAddress: "ise-e2e@example.com", firstName: "Ise", displayName: "Cisco ISE prod" }));
    const s = await step(() => p.up());
    expect(s.calls).toEqual({ "PUT /api/v1/account/{accountId} 200": 1 });
    const out = await p.outputs();
    expect(out.accountId).toBe(firstId);
    expect(byId(firstId)?.displayName).toBe("Cisco ISE prod");
  });

  it("replaces on an email change: the new account first, then the old one goes", async () => {
    p.writeProgram(program({ emailAddress: "ise-e2e-2@example.com", firstName: "Ise", displayName: "Cisco ISE prod" }));
    const s = await step(() => p.up());
    // One delete of the old account, in the form this generation serves.
    expect(s.calls).toEqual({ "GET /api/v1/roles 200": 1, "POST /api/v1/accounts 200": 1, ...deleteCalls(generation) });
    secondId = (await p.outputs()).accountId as string;
    expect(secondId).not.toBe(firstId);
    expect(byId(firstId)).toBeUndefined();
    expect(byId(secondId)).toMatchObject({ uid: "ise-e2e-2@example.com", displayName: "Cisco ISE prod" });
  });

  it("preview --refresh reports an out-of-band change on that property; up --refresh restores it", async () => {
    expect((await vendor("PUT", `/api/v1/account/${secondId}`, { displayName: "Tampered" })).status).toBe(200);

    const pv = await step(() => p.preview({ refresh: true }));
    expect(pv.calls).toEqual({ "GET /api/v1/account/{accountId} 200": 1, "GET /api/v1/account/{accountId}/roles 200": 1 });
    const s = pv.value.steps.find((x) => x.urn.endsWith("::ise") && x.op !== "refresh");
    expect(s?.op).toBe("update");
    expect(changedInputs(s!)).toEqual(["displayName"]);

    const up = await step(() => p.up({ refresh: true }));
    expect(up.calls).toEqual({ "GET /api/v1/account/{accountId} 200": 1, "GET /api/v1/account/{accountId}/roles 200": 1, "PUT /api/v1/account/{accountId} 200": 1 });
    expect(byId(secondId)?.displayName).toBe("Cisco ISE prod");

    const clean = await step(() => p.preview({ refresh: true, expectNoChanges: true }));
    expect(clean.value.code).toBe(0);
    expect(clean.calls).toEqual({ "GET /api/v1/account/{accountId} 200": 1, "GET /api/v1/account/{accountId}/roles 200": 1 });
  });

  it("refresh drops an account deleted out of band, and up creates it again", async () => {
    const outOfBand = generation === "current" ? `/api/v1/account?id=${secondId}` : `/api/v1/accounts?ids=${secondId}`;
    expect((await vendor("DELETE", outOfBand)).status).toBe(200);

    const r = await step(() => p.refresh());
    // The 404 of the INFERRED path is confirmed by the documented search.
    expect(r.calls).toEqual({ "GET /api/v1/account/{accountId} 404": 1, "GET /api/v1/account 200": 1 });
    expect(resourcesOfType((await p.exportStack()).resources, "IseApiUser")).toHaveLength(0);

    const up = await step(() => p.up());
    expect(up.calls).toEqual({ "GET /api/v1/roles 200": 1, "POST /api/v1/accounts 200": 1 });
    const id = (await p.outputs()).accountId as string;
    expect(id).not.toBe(secondId);
    expect(byUid("ise-e2e-2@example.com").map((a) => String(a.id))).toEqual([id]);
  });

  it("destroy leaves nothing at the vendor", async () => {
    const d = await step(() => p.destroy());
    expect(d.calls).toEqual(deleteCalls(generation));
    expect(state().accounts.filter((a) => !a.superUser)).toEqual([]);
  });

  it("adopts an account made directly at the vendor (importId), with no create call", async () => {
    const made = await vendor("POST", "/api/v1/accounts?sendInvite=false", {
      "accounts[0].emailAddress": "ise-adopt@example.com",
      "accounts[0].uid": "ise-adopt@example.com",
      "accounts[0].accountSource": "LOCAL",
      "accounts[0].displayName": "Made by hand",
      "accounts[0].password": "Hand-Made-Passw0rd",
      "accounts[0].accountType": "API",
      "accounts[0].roles[0]": "1006",
    });
    expect(made.status).toBe(200);
    const id = String((made.result as { id: number }).id);

    p.writeProgram(program({ emailAddress: "ise-adopt@example.com", displayName: "Cisco ISE adopted", importId: id }));
    const up = await step(() => p.up());
    // Read the account and its roles, then one PUT (displayName, and the password: the current one cannot be read).
    expect(up.calls).toEqual({ "GET /api/v1/account/{accountId} 200": 1, "GET /api/v1/account/{accountId}/roles 200": 1, "PUT /api/v1/account/{accountId} 200": 1 });
    expect(up.value.stdout + up.value.stderr).toContain(`adopted IseApiUser ${id}; changed: displayName, password`);
    expect((await p.outputs()).accountId).toBe(id);
    expect(byUid("ise-adopt@example.com")).toHaveLength(1);
    expect(byId(id)).toMatchObject({ displayName: "Cisco ISE adopted", password: PASSWORD });

    const clean = await step(() => p.preview({ refresh: true, expectNoChanges: true }));
    expect(clean.value.code).toBe(0);
    expect(clean.calls).toEqual({ "GET /api/v1/account/{accountId} 200": 1, "GET /api/v1/account/{accountId}/roles 200": 1 });

    const d = await step(() => p.destroy());
    expect(d.calls).toEqual(deleteCalls(generation));
    expect(state().accounts.filter((a) => !a.superUser)).toEqual([]);
  });

  it("a tenant that spells the ISE role 'API Management Cisco ISE Operations' and adds fields to every answer: up, then a refresh shows no change", async () => {
    setIseRoleName(state(), "API Management Cisco ISE Operations");
    sb.faults.add({ vendor: "ivanti", effect: { type: "addField", name: "vendorExtra", value: { added: true } } });
    try {
      p.writeProgram(program({ emailAddress: "ise-spelling@example.com", displayName: "Cisco ISE" }));
      const up = await step(() => p.up());
      expect(up.calls).toEqual({ "GET /api/v1/roles 200": 1, "POST /api/v1/accounts 200": 1 });
      const out = await p.outputs();
      expect(out.roles).toEqual(["Cisco ISE Operations"]);
      expect(byId(out.accountId)?.roles.map((r) => r.roleId)).toEqual([1006]);

      const clean = await step(() => p.preview({ refresh: true, expectNoChanges: true }));
      expect(clean.value.code).toBe(0);
      expect(clean.calls).toEqual({ "GET /api/v1/account/{accountId} 200": 1, "GET /api/v1/account/{accountId}/roles 200": 1 });

      const d = await step(() => p.destroy());
      expect(d.calls).toEqual(deleteCalls(generation));
    } finally {
      sb.faults.clear();
      setIseRoleName(state(), "Cisco ISE Operations");
    }
  });
});
