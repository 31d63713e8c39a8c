// IseApiUser handler against the in-process sandbox: real HTTP, the emulated Ivanti semantics.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, onTestFinished, vi } from "vitest";
import { startSandbox, type Sandbox } from "../../../sandbox/server.js";
import type { VendorModule } from "../../../sandbox/types.js";
import { ivanti as ivantiModule } from "../../../sandbox/vendors/ivanti/index.js";
import { setIseRoleName, type IvantiAccount, type IvantiState } from "../../../sandbox/vendors/ivanti/state.js";
import { iseApiUser } from "./handler.js";
import type { IseApiUserInputs, IseApiUserOutputs } from "./inputs.js";
import { SettingsUnderTest } from "../../../test/settings.js";
import { tally } from "../../../test/tally.js";
import { recordingNotes } from "../../notes.js";

/** The provider settings of this file's runs (the sandbox's, once it is up). */
const settings = new SettingsUnderTest();
/** What the handler tells the user, read directly. */
const notes = recordingNotes();
const h = settings.bind(iseApiUser, notes);

const PASSWORD = "Str0ng-Passw0rd-1";
const ISE_ROLE_ID = 1006;

let sb: Sandbox;
let ADMIN = { username: "", password: "" };
let seq = 0;

const state = () => sb.store.vendor("ivanti") as unknown as IvantiState;
const accountsWithUid = (uid: string): IvantiAccount[] => state().accounts.filter((a) => a.uid.toLowerCase() === uid.toLowerCase());
const byId = (id: string | number): IvantiAccount | undefined => state().accounts.find((a) => a.id === Number(id));
const email = () => `ise-${++seq}@example.com`;

/** Ivanti calls since the last clear, as "METHOD route status" -> count (Basic auth: no token calls exist). */
const calls = (): Record<string, number> => tally(sb, "ivanti");

/** A direct vendor call (the out-of-band side), form-encoded like the real API. */
async function vendor(method: string, path: string, form?: Record<string, string>, creds = ADMIN): Promise<{ status: number; body: { errors: unknown; result: unknown } }> {
  const res = await fetch(sb.baseUrl("ivanti") + path, {
    method,
    headers: {
      accept: "application/json",
      authorization: "Basic " + Buffer.from(`${creds.username}:${creds.password}`).toString("base64"),
      ...(form ? { "content-type": "application/x-www-form-urlencoded" } : {}),
    },
    body: form ? new URLSearchParams(form).toString() : undefined,
  });
  return { status: res.status, body: (await res.json()) as { errors: unknown; result: unknown } };
}

/** An account made directly at Ivanti (out of band), a local one: its id. `fields` are its create form's `accounts[0].*` fields. */
async function existingAccount(fields: Record<string, string>): Promise<string> {
  const form = Object.fromEntries(Object.entries({ accountSource: "LOCAL", ...fields }).map(([k, v]) => [`accounts[0].${k}`, v]));
  const made = await vendor("POST", "/api/v1/accounts?sendInvite=false", form);
  return String((made.body.result as { id: number }).id);
}

async function check(news: Record<string, unknown>): Promise<IseApiUserInputs> {
  const r = await h.check(undefined, news);
  expect(r.failures).toEqual([]);
  return r.inputs;
}

async function create(news: Record<string, unknown>): Promise<{ id: string; outs: IseApiUserOutputs; inputs: IseApiUserInputs }> {
  const inputs = await check(news);
  const r = await h.create(inputs);
  return { ...r, inputs };
}

const failure = async (p: Promise<unknown>): Promise<Error> => {
  try {
    await p;
  } catch (e) {
    return e as Error;
  }
  throw new Error("expected a failure");
};

beforeAll(async () => {
  sb = await startSandbox({ modules: [ivantiModule as unknown as VendorModule] });
  settings.set(sb.config().env);
  const v = sb.config().vendors.ivanti!;
  ADMIN = { username: v.username!, password: v.password! };
});
afterAll(async () => {
  await sb.close();
});
beforeEach(() => {
  // Each test starts like a fresh provider process: no cached role catalogue or device space.
  settings.restart();
  sb.clearRequests();
});
afterEach(() => {
  sb.faults.clear();
  vi.restoreAllMocks();
});

describe("IseApiUser against the Ivanti sandbox", () => {
  it("creates an API user in one POST (plus the role catalogue once per process)", async () => {
    const e = email();
    const { id, outs, inputs } = await create({ emailAddress: e, firstName: "Ise", lastName: "Robot", password: PASSWORD });
    expect(calls()).toEqual({ "GET /api/v1/roles 200": 1, "POST /api/v1/accounts 200": 1 });
    const a = byId(id)!;
    expect(a).toMatchObject({ uid: e, emailAddress: e, username: e, firstName: "Ise", lastName: "Robot", displayName: "Ise Robot", isApiUser: true, enabled: true, password: PASSWORD });
    expect(a.roles).toEqual([{ roleId: ISE_ROLE_ID, dmPartitionId: null }]);
    expect(outs).toEqual({ ...inputs, accountId: id, uid: e, inviteState: "None", createdAt: new Date(a.createdAt!).toISOString() });

    // The role catalogue is cached for the process: a second create is one call.
    sb.clearRequests();
    await create({ emailAddress: email(), password: PASSWORD });
    expect(calls()).toEqual({ "POST /api/v1/accounts 200": 1 });
  });

  it("the API user's own credentials work for Cisco ISE's device calls", async () => {
    const e = email();
    await create({ emailAddress: e, password: PASSWORD });
    const r = await vendor("GET", "/api/v1/device?dmPartitionId=100001&rows=1", undefined, { username: e, password: PASSWORD });
    expect(r.status).toBe(200);
  });

  it("space-specific roles go to the default space, looked up once per process", async () => {
    const { id } = await create({ emailAddress: email(), password: PASSWORD, roles: ["Cisco ISE Operations", "device read only"] });
    expect(calls()).toEqual({ "GET /api/v1/roles 200": 1, "GET /api/v1/metadata/tenant 200": 1, "POST /api/v1/accounts 200": 1 });
    expect(byId(id)!.roles).toEqual([
      { roleId: ISE_ROLE_ID, dmPartitionId: null },
      { roleId: 2002, dmPartitionId: 100001 },
    ]);
    sb.clearRequests();
    await create({ emailAddress: email(), password: PASSWORD, roles: ["Cisco ISE Operations", "Device Read Only"] });
    expect(calls()).toEqual({ "POST /api/v1/accounts 200": 1 });
  });

  it("the default space is the one Get Tenant Metadata names (defaultDmPartitionId), not the first one listed", async () => {
    // Two spaces; the tenant's default is the second.
    state().partitions[0]!.defaultPartition = false;
    state().partitions.push({ ...state().partitions[0]!, id: 100002, name: "Main", defaultPartition: true });
    try {
      const { id } = await create({ emailAddress: email(), password: PASSWORD, roles: ["Cisco ISE Operations", "Device Read Only"] });
      expect(calls()).toEqual({ "GET /api/v1/roles 200": 1, "GET /api/v1/metadata/tenant 200": 1, "POST /api/v1/accounts 200": 1 });
      expect(byId(id)!.roles).toContainEqual({ roleId: 2002, dmPartitionId: 100002 });
    } finally {
      state().partitions.pop();
      state().partitions[0]!.defaultPartition = true;
    }
  });

  it("a tenant metadata answer without defaultDmPartitionId fails naming the call and the setting to use, and nothing is created", async () => {
    sb.faults.add({ vendor: "ivanti", route: "/api/v1/metadata/tenant", effect: { type: "renameField", from: "defaultDmPartitionId", to: "defaultSpace" } });
    const e = email();
    const err = await failure(create({ emailAddress: e, password: PASSWORD, roles: ["Cisco ISE Operations", "Device Read Only"] }));
    expect(err.message).toContain("GET /api/v1/metadata/tenant");
    expect(err.message).toContain("ivantiDmPartitionId");
    expect(accountsWithUid(e)).toEqual([]);
  });

  it("ivantiDmPartitionId chooses the device space of space-specific roles, with no space lookup", async () => {
    state().partitions.push({ ...state().partitions[0]!, id: 100002, name: "Kiosks", defaultPartition: false });
    settings.set({ IVANTI_DM_PARTITION_ID: "100002" });
    try {
      const { id } = await create({ emailAddress: email(), password: PASSWORD, roles: ["Cisco ISE Operations", "Device Read Only"] });
      expect(calls()).toEqual({ "GET /api/v1/roles 200": 1, "POST /api/v1/accounts 200": 1 });
      expect(byId(id)!.roles).toContainEqual({ roleId: 2002, dmPartitionId: 100002 });
      settings.set({ IVANTI_DM_PARTITION_ID: "kiosks" });
      const err = await failure(create({ emailAddress: email(), password: PASSWORD, roles: ["Cisco ISE Operations", "Device Read Only"] }));
      expect(err.message).toContain("provider setting 'ivantiDmPartitionId' (IVANTI_DM_PARTITION_ID) must be a device space id");
    } finally {
      settings.set({ IVANTI_DM_PARTITION_ID: undefined });
      state().partitions.pop();
    }
  });

  it("an unknown role name fails before any create, listing the tenant's roles", async () => {
    const e = email();
    const err = await failure(create({ emailAddress: e, password: PASSWORD, roles: ["Cisco ISE Operations", "Wizard"] }));
    expect(err.message).toMatch(/^IseApiUser: roles: Ivanti has no role named "Wizard"\. Roles this tenant lists: .*Cisco ISE Operations/);
    // Fetched twice: once cached, once again on the miss.
    expect(calls()).toEqual({ "GET /api/v1/roles 200": 2 });
    expect(accountsWithUid(e)).toHaveLength(0);
  });

  it("surfaces the tenant's own password policy error, without the password", async () => {
    state().passwordPolicy.minLength = 20;
    try {
      const err = await failure(create({ emailAddress: email(), password: PASSWORD }));
      expect(err.message).toContain("IseApiUser: creating API user");
      expect(err.message).toContain("Ivanti POST /api/v1/accounts failed with HTTP 400: Password must be between 20 and 128 characters long (Size on password)");
      expect(err.message).not.toContain(PASSWORD);
    } finally {
      state().passwordPolicy.minLength = 8;
    }
  });

  it("a duplicate email address names the situation and how to adopt it, not the generic 400 hint", async () => {
    const e = email();
    const { id } = await create({ emailAddress: e, password: PASSWORD });
    const err = await failure(create({ emailAddress: e.toUpperCase(), password: PASSWORD }));
    expect(err.message).toMatch(/HTTP 400: An account with UID .* already exists \(Duplicate on uid\)/);
    expect(err.message).toContain(`already exists at Ivanti (id ${id})`);
    expect(err.message).toContain(`importId: "${id}"`);
    expect(err.message).not.toContain("Check the resource's inputs");
    expect(accountsWithUid(e)).toHaveLength(1);
  });

  it("lists every account by totalCount although a page holds only 50 rows", async () => {
    const base = state().accounts[0]!;
    for (let i = 0; i < 120; i++) state().accounts.push({ ...base, id: 30000 + i, superUser: false, uid: `bulk${i}@example.com`, username: `bulk${i}@example.com`, emailAddress: `bulk${i}@example.com`, roles: [] });
    try {
      const { ivantiClient } = await import("./client.js");
      const all = await ivantiClient(settings.value).listAccounts();
      expect(all).toHaveLength(state().accounts.length);
      expect(calls()["GET /api/v1/account 200"]).toBe(Math.ceil(state().accounts.length / 50));
    } finally {
      state().accounts = state().accounts.filter((a) => a.id < 30000 || a.id >= 30120);
    }
  });

  describe("the ISE role under either spelling", () => {
    afterEach(() => setIseRoleName(state(), "Cisco ISE Operations"));

    it("a tenant naming it 'API Management Cisco ISE Operations' takes the default roles, and reads back with no diff", async () => {
      setIseRoleName(state(), "API Management Cisco ISE Operations");
      const { id, outs, inputs } = await create({ emailAddress: email(), password: PASSWORD });
      expect(inputs.roles).toEqual(["Cisco ISE Operations"]);
      expect(byId(id)!.roles).toEqual([{ roleId: ISE_ROLE_ID, dmPartitionId: null }]);
      const r = await h.read(id, outs);
      expect(r.inputs).toEqual(inputs);
      expect((await h.diff(id, r.props!, inputs)).changes).toBe(false);
    });

    it("either spelling in the program finds the tenant's role", async () => {
      const { id, outs } = await create({ emailAddress: email(), password: PASSWORD, roles: ["api management cisco ise operations"] });
      expect(byId(id)!.roles).toEqual([{ roleId: ISE_ROLE_ID, dmPartitionId: null }]);
      expect((await h.read(id, outs)).inputs?.roles).toEqual(["api management cisco ise operations"]);
    });

    it("the provider setting ivantiIseRoleName names a tenant's own spelling", async () => {
      setIseRoleName(state(), "ISE Ops (custom)");
      settings.set({ IVANTI_ISE_ROLE_NAME: "ISE Ops (custom)" });
      try {
        const { id, inputs } = await create({ emailAddress: email(), password: PASSWORD });
        expect(byId(id)!.roles).toEqual([{ roleId: ISE_ROLE_ID, dmPartitionId: null }]);
        expect(inputs.roles).toEqual(["ISE Ops (custom)"]);
      } finally {
        settings.set({ IVANTI_ISE_ROLE_NAME: undefined });
      }
    });

    it("without the setting, a tenant with neither spelling gets an error that names the setting", async () => {
      setIseRoleName(state(), "ISE Ops (custom)");
      const err = await failure(create({ emailAddress: email(), password: PASSWORD }));
      expect(err.message).toContain('Ivanti has no role named "Cisco ISE Operations"');
      expect(err.message).toContain("ivantiIseRoleName");
    });
  });

  it("reads an unchanged API user back as exactly its inputs", async () => {
    const { id, outs, inputs } = await create({ emailAddress: `Mixed.${email()}`, password: PASSWORD, roles: ["cisco ise operations"], firstName: "Ise" });
    sb.clearRequests();
    const r = await h.read(id, outs);
    expect(calls()).toEqual({ "GET /api/v1/account/{accountId} 200": 1, "GET /api/v1/account/{accountId}/roles 200": 1 });
    expect(r).toEqual({ id, props: outs, inputs });
  });

  it("read shows out-of-band changes on the right properties", async () => {
    const { id, outs } = await create({ emailAddress: email(), password: PASSWORD, displayName: "ISE" });
    expect((await vendor("PUT", `/api/v1/account/${id}`, { displayName: "Changed", enabled: "false" })).status).toBe(200);
    expect((await vendor("PUT", `/api/v1/account/${id}/roles`, { "roles[0]": String(ISE_ROLE_ID), "roles[1]": "1004" })).status).toBe(200);
    const r = await h.read(id, outs);
    expect(r.inputs).toEqual({ ...(await check({ emailAddress: outs.emailAddress, password: PASSWORD, displayName: "Changed", enabled: false })), roles: ["Cisco ISE Operations", "User Read Only"] });
    expect((await h.diff(id, r.props!, await check({ emailAddress: outs.emailAddress, password: PASSWORD, displayName: "ISE" }))).changed).toEqual(["displayName", "roles", "enabled"]);
  });

  it("a vanished API user reads as gone; deleting it again succeeds", async () => {
    const { id, outs } = await create({ emailAddress: email(), password: PASSWORD });
    state().accounts = state().accounts.filter((a) => a.id !== Number(id));
    sb.clearRequests();
    expect(await h.read(id, outs)).toEqual({});
    // The 404 of the INFERRED path is confirmed through the documented search.
    expect(calls()).toEqual({ "GET /api/v1/account/{accountId} 404": 1, "GET /api/v1/account 200": 1 });
    sb.clearRequests();
    await h.delete(id, outs);
    // The delete answers 404; this process has not learnt the tenant's delete form yet, so the older
    // form is tried once (405: not served), and the documented search confirms the account is gone.
    expect(calls()).toEqual({ "DELETE /api/v1/account 404": 1, "DELETE /api/v1/accounts 405": 1, "GET /api/v1/account 200": 1 });
    // Once the delete form is known, a 404 goes straight to the search.
    const other = await create({ emailAddress: email(), password: PASSWORD });
    await h.delete(other.id, other.outs);
    state().accounts = state().accounts.filter((a) => a.id !== Number(id));
    sb.clearRequests();
    await h.delete(id, outs);
    expect(calls()).toEqual({ "DELETE /api/v1/account 404": 1, "GET /api/v1/account 200": 1 });
  });

  it("a 404 while the documented search still lists the account is an error, not 'gone'", async () => {
    const { id, outs } = await create({ emailAddress: email(), password: PASSWORD });
    sb.faults.add({ vendor: "ivanti", method: "GET", route: "/api/v1/account/{accountId}", count: 1, effect: { type: "status", status: 404 } });
    const err = await failure(h.read(id, outs));
    expect(err.message).toContain("INFERRED per-account path does not match");
    expect(byId(id)).toBeDefined();
  });

  it("deletes with one DELETE /api/v1/account?id=, the form public client code uses", async () => {
    const { id, outs } = await create({ emailAddress: email(), password: PASSWORD });
    sb.clearRequests();
    await h.delete(id, outs);
    expect(calls()).toEqual({ "DELETE /api/v1/account 200": 1 });
    expect(byId(id)).toBeUndefined();
  });

  it("an account the vendor says cannot be deleted is an error naming the reason, and nothing is deleted", async () => {
    // The provider signed in as the very account it is asked to delete: the vendor answers SELF.
    const e = email();
    const { id, outs } = await create({ emailAddress: e, password: PASSWORD, roles: ["Cisco ISE Operations", "User Management"] });
    settings.set({ IVANTI_USERNAME: e });
    settings.set({ IVANTI_PASSWORD: PASSWORD });
    try {
      sb.clearRequests();
      const err = await failure(h.delete(id, outs));
      expect(err.message).toMatch(/^IseApiUser: delete API user \d+: Ivanti did not delete it \(You cannot delete the account you are signed in with\)\. Fix that in the Admin Portal/);
      expect(calls()).toEqual({ "DELETE /api/v1/account 400": 1 });
      expect(byId(id)).toBeDefined();
    } finally {
      settings.set({ IVANTI_USERNAME: ADMIN.username });
      settings.set({ IVANTI_PASSWORD: ADMIN.password });
    }
  });

  it("on a tenant of the older bulk form, a delete whose per-id result says not deleted (and not gone) is an error", async () => {
    sb.setProfile("ivanti", "bulk-delete");
    onTestFinished(() => sb.setProfile("ivanti", "current"));
    const { id, outs } = await create({ emailAddress: email(), password: PASSWORD });
    // The answer says the account stayed, for a reason the sandbox itself never gives.
    const rewrite = (field: string, value: unknown) => {
      sb.faults.add({ vendor: "ivanti", method: "DELETE", route: "/api/v1/accounts", effect: { type: "renameField", from: field, to: `${field}Was` } });
      sb.faults.add({ vendor: "ivanti", method: "DELETE", route: "/api/v1/accounts", effect: { type: "addField", name: field, value } });
    };
    rewrite("deleted", false);
    rewrite("reason", "HAS_DEVICES");
    rewrite("message", "Retire the devices first");
    const err = await failure(h.delete(id, outs));
    expect(err.message).toMatch(/^IseApiUser: delete API user \d+: Ivanti did not delete it \(HAS_DEVICES: Retire the devices first\)/);
  });

  describe("update", () => {
    it("sends only what changed, in one PUT; the password only when it changed", async () => {
      const { id, outs } = await create({ emailAddress: email(), password: PASSWORD, firstName: "Ise" });
      const before = byId(id)!;
      sb.clearRequests();
      const news = await check({ emailAddress: outs.emailAddress, password: PASSWORD, firstName: "Cisco", enabled: false });
      const up = await h.update(id, outs, news);
      expect(calls()).toEqual({ "PUT /api/v1/account/{accountId} 200": 1 });
      expect(byId(id)).toMatchObject({ firstName: "Cisco", displayName: "Cisco", enabled: false, password: PASSWORD, passwordExpiresAt: before.passwordExpiresAt });
      expect(up).toMatchObject({ accountId: id, firstName: "Cisco", enabled: false });

      sb.clearRequests();
      const pw2 = "An0ther-Passw0rd!";
      const up2 = await h.update(id, up, { ...news, password: pw2 });
      expect(calls()).toEqual({ "PUT /api/v1/account/{accountId} 200": 1 });
      expect(byId(id)!.password).toBe(pw2);
      expect(up2.password).toBe(pw2);

      sb.clearRequests();
      expect(await h.update(id, up2, { ...news, password: pw2 })).toEqual(up2);
      expect(calls()).toEqual({});
    });

    it("changes roles with one PUT of the set (catalogue once per process)", async () => {
      const { id, outs } = await create({ emailAddress: email(), password: PASSWORD });
      settings.restart();
      sb.clearRequests();
      const up = await h.update(id, outs, await check({ emailAddress: outs.emailAddress, password: PASSWORD, roles: ["Cisco ISE Operations", "User Read Only"] }));
      expect(calls()).toEqual({ "GET /api/v1/roles 200": 1, "PUT /api/v1/account/{accountId}/roles 200": 1 });
      expect(byId(id)!.roles.map((r) => r.roleId)).toEqual([ISE_ROLE_ID, 1004]);
      expect(up.roles).toEqual(["Cisco ISE Operations", "User Read Only"]);
    });

    it("a password the tenant refuses fails with the vendor's message and no secret", async () => {
      const { id, outs } = await create({ emailAddress: email(), password: PASSWORD });
      state().passwordPolicy.minCharacterClasses = 4;
      try {
        const weak = "Weak3r-passw0rd".replace("-", "x");
        const err = await failure(h.update(id, outs, { ...(await check({ emailAddress: outs.emailAddress, password: weak })) }));
        expect(err.message).toMatch(/^IseApiUser: update API user \d+ \(password\) failed: Ivanti PUT \/api\/v1\/account\/\{accountId\} failed with HTTP 400: Password must contain .*\(PasswordComplexity on password\)/);
        expect(err.message).not.toContain(weak);
        expect(byId(id)!.password).toBe(PASSWORD);
      } finally {
        state().passwordPolicy.minCharacterClasses = 3;
      }
    });
  });

  describe("lost create answers", () => {
    it("takes the account a committed-then-reset create made, without a duplicate", async () => {
      const e = email();
      notes.clear();
      sb.faults.add({ vendor: "ivanti", method: "POST", route: "/api/v1/accounts", count: 1, effect: { type: "commitThenReset" } });
      const { id, outs } = await create({ emailAddress: e, password: PASSWORD, firstName: "Ise" });
      expect(accountsWithUid(e)).toHaveLength(1);
      expect(String(accountsWithUid(e)[0]!.id)).toBe(id);
      expect(outs.accountId).toBe(id);
      expect(calls()).toMatchObject({ "POST /api/v1/accounts 0": 1, "GET /api/v1/account 200": 2, "GET /api/v1/account/{accountId}/roles 200": 1 });
      expect(calls()["POST /api/v1/accounts 200"]).toBeUndefined();
      expect(notes.written()).toContain(`lost its answer`);
    });

    it("sends again only when the lookup proves nothing was created", async () => {
      const e = email();
      sb.faults.add({ vendor: "ivanti", method: "POST", route: "/api/v1/accounts", count: 1, effect: { type: "status", status: 503 } });
      const { id } = await create({ emailAddress: e, password: PASSWORD });
      expect(accountsWithUid(e).map((a) => String(a.id))).toEqual([id]);
      expect(calls()).toMatchObject({ "POST /api/v1/accounts 503": 1, "GET /api/v1/account 200": 1, "POST /api/v1/accounts 200": 1 });
    });

    it("does not take an account whose accountType says it is not an API user", async () => {
      const e = email();
      sb.faults.add({ vendor: "ivanti", method: "POST", route: "/api/v1/accounts", count: 1, effect: { type: "commitThenReset" } });
      sb.faults.add({ vendor: "ivanti", method: "GET", route: "/api/v1/account", effect: { type: "renameField", from: "accountType", to: "accountTypeX" } });
      sb.faults.add({ vendor: "ivanti", method: "GET", route: "/api/v1/account", effect: { type: "addField", name: "accountType", value: "USER" } });
      const err = await failure(create({ emailAddress: e, password: PASSWORD }));
      expect(err.message).toContain("it is not an API user (accountType USER)");
    });

    it("does not take an account that existed before, and names it", async () => {
      const e = email();
      const preId = await existingAccount({ emailAddress: e, password: PASSWORD });
      byId(preId)!.createdAt = Date.now() - 3_600_000;
      sb.faults.add({ vendor: "ivanti", method: "POST", route: "/api/v1/accounts", count: 1, effect: { type: "reset" } });
      const err = await failure(create({ emailAddress: e, password: PASSWORD }));
      expect(err.message).toContain(`IseApiUser: creating API user ${e} lost its answer`);
      expect(err.message).toContain(`(id ${preId}`);
      expect(err.message).toContain(`importId: "${preId}"`);
      expect(err.message).toContain("it was created before this request");
      expect(err.message).not.toContain(PASSWORD);
      expect(accountsWithUid(e)).toHaveLength(1);
    });
  });

  describe("credentials", () => {
    it("Basic auth has no token: expireTokens changes nothing and costs no call", async () => {
      sb.faults.add({ vendor: "ivanti", effect: { type: "expireTokens" } });
      await create({ emailAddress: email(), password: PASSWORD });
      expect(calls()).toEqual({ "GET /api/v1/roles 200": 1, "POST /api/v1/accounts 200": 1 });
    });

    it("wrong provider credentials fail once, clearly, without the secret", async () => {
      const wrong = "Wr0ng-Admin-Secret";
      settings.set({ IVANTI_PASSWORD: wrong });
      try {
        const err = await failure(create({ emailAddress: email(), password: PASSWORD }));
        expect(err.message).toContain("HTTP 401: Bad credentials");
        expect(err.message).toContain("apiidentity:*");
        expect(err.message).not.toContain(wrong);
        expect(err.message).not.toContain(Buffer.from(`${ADMIN.username}:${wrong}`).toString("base64"));
        expect(calls()).toEqual({ "GET /api/v1/roles 401": 1 });
      } finally {
        settings.set({ IVANTI_PASSWORD: ADMIN.password });
      }
    });

    it("a missing setting names the config key and the environment variable", async () => {
      settings.set({ IVANTI_BASE_URL: undefined });
      try {
        const err = await failure(create({ emailAddress: email(), password: PASSWORD }));
        expect(err.message).toContain("apiidentity:ivantiBaseUrl");
        expect(err.message).toContain("IVANTI_BASE_URL");
      } finally {
        settings.set({ IVANTI_BASE_URL: sb.baseUrl("ivanti") });
      }
    });
  });

  describe("adoption (importId)", () => {
    it("adopts an account Ivanti does not report as an API user as it is, and says so in a warning note", async () => {
      const e = email();
      const preId = await existingAccount({ emailAddress: e, password: "0ld-Passw0rd", apiUser: "false", "roles[0]": String(ISE_ROLE_ID) });
      notes.clear();
      const { id } = await create({ emailAddress: e, importId: preId });
      expect(id).toBe(preId);
      expect(notes.recorded.filter((n) => n.severity === "warning").map((n) => n.text)).toEqual([
        expect.stringMatching(new RegExp(`^IseApiUser importId "${preId}": Ivanti reports this account as accountType \\S+, not an API user; it is adopted as it is$`)),
      ]);
      expect(notes.written()).toContain(`apiidentity: adopted IseApiUser ${preId}; changed:`);
    });

    it("takes an existing account under management with no create call and applies the inputs", async () => {
      const e = email();
      const preId = await existingAccount({ emailAddress: e, displayName: "Old name", password: "0ld-Passw0rd", apiUser: "true", "roles[0]": String(ISE_ROLE_ID), "roles[1]": "1004" });
      notes.clear();
      sb.clearRequests();
      const { id, outs, inputs } = await create({ emailAddress: e, password: PASSWORD, displayName: "ISE", importId: preId });
      expect(id).toBe(preId);
      expect(calls()["POST /api/v1/accounts 200"]).toBeUndefined();
      expect(calls()).toEqual({
        "GET /api/v1/account/{accountId} 200": 1,
        "GET /api/v1/account/{accountId}/roles 200": 1,
        "PUT /api/v1/account/{accountId} 200": 1,
        "GET /api/v1/roles 200": 1,
        "PUT /api/v1/account/{accountId}/roles 200": 1,
      });
      expect(byId(id)).toMatchObject({ displayName: "ISE", password: PASSWORD });
      expect(byId(id)!.roles.map((r) => r.roleId)).toEqual([ISE_ROLE_ID]);
      expect(notes.written()).toContain(`apiidentity: adopted IseApiUser ${id}; changed: displayName, password, roles`);
      // Afterwards a refresh sees exactly the program's inputs.
      const r = await h.read(id, outs);
      expect(r.inputs).toEqual(inputs);
    });

    it("without a declared password the adopted API user keeps its own (no password write); declaring one later sets it", async () => {
      const e = email();
      const preId = await existingAccount({ emailAddress: e, password: "0ld-Passw0rd", apiUser: "true", "roles[0]": String(ISE_ROLE_ID) });
      const expiresAt = byId(preId)!.passwordExpiresAt;
      notes.clear();
      sb.clearRequests();
      const { id, outs, inputs } = await create({ emailAddress: e, importId: preId });
      expect(id).toBe(preId);
      // Read the account and its roles; nothing to write.
      expect(calls()).toEqual({ "GET /api/v1/account/{accountId} 200": 1, "GET /api/v1/account/{accountId}/roles 200": 1 });
      expect(byId(id)).toMatchObject({ password: "0ld-Passw0rd", passwordExpiresAt: expiresAt });
      expect(outs).not.toHaveProperty("password");
      expect(notes.written()).toContain(`apiidentity: adopted IseApiUser ${id}; changed: nothing`);
      // The old password still works for Cisco ISE's calls.
      expect((await vendor("GET", "/api/v1/device?dmPartitionId=100001&rows=1", undefined, { username: e, password: "0ld-Passw0rd" })).status).toBe(200);

      // Refresh: exactly the inputs, no diff.
      const r = await h.read(id, outs);
      expect(r.inputs).toEqual(inputs);
      expect((await h.diff(id, r.props!, inputs)).changes).toBe(false);

      // Declared later: the diff shows it, the update sends it (one PUT) and Ivanti holds it.
      const withPassword = await check({ emailAddress: e, importId: preId, password: PASSWORD });
      expect(await h.diff(id, r.props!, withPassword)).toMatchObject({ changes: true, replaces: [], changed: ["password"] });
      sb.clearRequests();
      const up = await h.update(id, r.props!, withPassword);
      expect(calls()).toEqual({ "PUT /api/v1/account/{accountId} 200": 1 });
      expect(byId(id)!.password).toBe(PASSWORD);
      expect(up.password).toBe(PASSWORD);
    });

    it("an unknown id is a clear error naming the id and the vendor", async () => {
      const err = await failure(create({ emailAddress: email(), password: PASSWORD, importId: "99999" }));
      expect(err.message).toBe(
        'IseApiUser: importId "99999": Ivanti has no account with this id (GET /api/v1/account/{accountId} answered 404). Check the id in the Admin Portal (Users) or remove importId to create a new API user.',
      );
    });

    it("refuses an account whose email differs, and the super user", async () => {
      const { id } = await create({ emailAddress: email(), password: PASSWORD });
      const err = await failure(create({ emailAddress: email(), password: PASSWORD, importId: id }));
      expect(err.message).toMatch(/importId "\d+": it is the account .* but emailAddress is/);
      const err2 = await failure(create({ emailAddress: ADMIN.username, password: PASSWORD, importId: "10000" }));
      expect(err2.message).toContain("super user");
    });
  });
});
