// The ControlRoomUser handler against an in-process Control Room sandbox, on both Control Room
// generations: "current" (v2 login and user management; no v1 call is ever sent) and "legacy" (v1 only).
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { startSandbox, type Sandbox } from "../../../sandbox/server.js";
import type { VendorModule } from "../../../sandbox/types.js";
import { automationAnywhere } from "../../../sandbox/vendors/automation-anywhere/index.js";
import type { AaState } from "../../../sandbox/vendors/automation-anywhere/state.js";
import { GENERATIONS, type Generation } from "../../../sandbox/vendors/automation-anywhere/generations.js";
import { HttpClient, type RequestOptions } from "../../http/index.js";
import { controlRoomClient } from "./client.js";
import { controlRoomUser } from "./handler.js";
import type { Inputs, Outputs } from "./inputs.js";
import { SettingsUnderTest } from "../../../test/settings.js";
import { tally } from "../../../test/tally.js";
import { noteLine, recordingNotes } from "../../notes.js";

/** The provider settings of this file's runs (the sandbox's, once it is up). */
const settings = new SettingsUnderTest();
/** What the handler tells the user, read directly. */
const notes = recordingNotes();
const h = settings.bind(controlRoomUser, notes);

type Kind = "login" | "users" | "usersList" | "rolesList";

/**
 * The requests one provider process makes, as `calls()` counts them. The first login of a process
 * goes to v2 and, on a legacy Control Room, after its 404 to v1: that login decides the generation,
 * and every later call goes straight to it (a 404 by id included: the user is gone). A current
 * Control Room therefore never sees a v1 call.
 */
function expectedCalls(generation: Generation) {
  const served = generation === "current" ? "v2" : "v1";
  let learnt = false;
  let out: Record<string, number> = {};
  const add = (k: string) => (out[k] = (out[k] ?? 0) + 1);
  const path = (v: string, kind: Kind, suffix: string) => (kind === "login" ? `/${v}/authentication` : `/${v}/usermanagement${suffix}`);
  const p = {
    /** This process logged in (and so learnt the generation) before the counted part. */
    knows() {
      learnt = true;
      return p;
    },
    call(kind: Kind, method: string, suffix: string, status: number) {
      add(`${method} ${path(served, kind, suffix)} ${status}`);
      return p;
    },
    login(status = 200) {
      if (!learnt && served === "v1") add(`POST ${path("v2", "login", "")} 404`);
      // Any answer but 404 (and a lost answer, 0) shows the generation.
      if (status !== 404 && status !== 0) learnt = true;
      return p.call("login", "POST", "", status);
    },
    /** The counts so far; starts a new count (what was learnt stays learnt). */
    take(): Record<string, number> {
      const r = out;
      out = {};
      return r;
    },
  };
  return p;
}

describe.each(GENERATIONS)("%s Control Room", (generation) => {
  let sandbox: Sandbox;
  let seq = 0;
  const uniqueName = (stem: string) => `${stem}-${Date.now().toString(36)}-${++seq}`;
  const PASSWORD = "Svc_Pass-2024";
  const V = "automation-anywhere";
  const ver = generation === "current" ? "v2" : "v1";

  const state = () => sandbox.store.vendor(V) as unknown as AaState;
  const stored = (id: string) => state().users[id];

  /** Requests per route since the last clear, as "METHOD route status" → count. */
  const calls = (): Record<string, number> => tally(sandbox, V);

  async function inputsFor(overrides: Partial<Inputs> = {}): Promise<Inputs> {
    const r = await h.check(undefined, { username: uniqueName("svc"), email: "svc@example.com", password: PASSWORD, roles: ["AAE_Basic"], description: "managed by pulumi", licenseFeatures: ["RUNTIME"], ...overrides });
    expect(r.failures).toEqual([]);
    return r.inputs;
  }

  beforeAll(async () => {
    sandbox = await startSandbox({ modules: [automationAnywhere as unknown as VendorModule], profiles: { "automation-anywhere": generation } });
    settings.set(sandbox.config().env);
  });
  afterAll(async () => {
    await sandbox.close();
  });
  beforeEach(() => {
    settings.restart();
    sandbox.faults.clear();
    sandbox.clearRequests();
  });
  afterEach(() => vi.restoreAllMocks());

  /** Captures the JSON bodies the client sends. */
  function spyBodies(): RequestOptions[] {
    const seen: RequestOptions[] = [];
    const original = HttpClient.prototype.request;
    vi.spyOn(HttpClient.prototype, "request").mockImplementation(function (this: HttpClient, o: RequestOptions) {
      seen.push(o);
      return original.call(this, o);
    } as typeof original);
    return seen;
  }

  describe("ControlRoomUser lifecycle", () => {
    it("creates, reads, updates in place and deletes with the fewest calls", async () => {
      const news = await inputsFor({ firstName: "Svc", roles: ["Bot_Runner", "aae_basic"] });
      // check resolved the new role names: one login and one roles list (legacy: each after a v2 404).
      const x = expectedCalls(generation);
      expect(calls()).toEqual(x.login().call("rolesList", "POST", "/roles/list", 200).take());
      sandbox.clearRequests();

      const { id, outs } = await h.create(news);
      expect(calls()).toEqual(x.call("users", "POST", "/users", 201).take());
      expect(id).toMatch(/^\d+$/);
      expect(outs).toMatchObject({ userId: id, username: news.username, roles: ["Bot_Runner", "aae_basic"], roleIds: [26, 2], passwordSet: true, emailVerified: false, password: PASSWORD, disabled: false });
      expect(stored(id)).toMatchObject({ username: news.username, password: PASSWORD, roleIds: [26, 2], licenseFeatures: ["RUNTIME"], firstName: "Svc" });

      sandbox.clearRequests();
      const read = await h.read(id, outs);
      expect(calls()).toEqual(x.call("users", "GET", "/users/{userId}", 200).take());
      expect(read.inputs).toEqual(news);
      expect(read.props).toEqual(outs);
      expect((await h.diff(id, read.props!, news)).changes).toBe(false);

      // Email and description change: one PUT carrying the unchanged username, every mutable field and no password.
      const seen = spyBodies();
      sandbox.clearRequests();
      const changed = { ...news, email: "owner@example.com", description: undefined };
      const d = await h.diff(id, outs, changed);
      expect(d).toMatchObject({ changes: true, replaces: [], changed: ["email", "description"] });
      const outs2 = await h.update(id, outs, changed);
      expect(calls()).toEqual(x.call("users", "PUT", "/users/{userId}", 200).take());
      const put = seen.find((o) => o.method === "PUT")!;
      expect(put.json).toEqual({ username: news.username, email: "owner@example.com", roles: [{ id: 26 }, { id: 2 }], firstName: "Svc", lastName: null, description: null, disabled: false, enableAutoLogin: false, licenseFeatures: ["RUNTIME"] });
      expect(outs2).toMatchObject({ email: "owner@example.com", userId: id, password: PASSWORD });
      expect(outs2.description).toBeUndefined();
      expect(stored(id)).toMatchObject({ email: "owner@example.com", description: null, password: PASSWORD, version: 1 });

      // A new password is sent, once; an unchanged role set needs no roles list.
      sandbox.clearRequests();
      seen.length = 0;
      const outs3 = await h.update(id, outs2, { ...changed, password: "N3w_Secret#1" });
      expect(calls()).toEqual(x.call("users", "PUT", "/users/{userId}", 200).take());
      expect((seen[0]!.json as { password?: string }).password).toBe("N3w_Secret#1");
      expect(stored(id)?.password).toBe("N3w_Secret#1");
      expect(outs3.password).toBe("N3w_Secret#1");

      // Roles replaced whole: the cached roles list answers, the PUT carries the complete new set.
      sandbox.clearRequests();
      const outs4 = await h.update(id, outs3, { ...changed, password: "N3w_Secret#1", roles: ["Bot_Creator"], disabled: true });
      expect(calls()).toEqual(x.call("users", "PUT", "/users/{userId}", 200).take());
      expect(outs4).toMatchObject({ roles: ["Bot_Creator"], roleIds: [169], disabled: true });
      expect(stored(id)?.roleIds).toEqual([169]);

      sandbox.clearRequests();
      await h.delete(id, outs4);
      expect(calls()).toEqual(x.call("users", "DELETE", "/users/{userId}", 200).take());
      expect(stored(id)).toBeUndefined();

      // Vanished: read is empty, a second delete succeeds.
      expect(await h.read(id, outs4)).toEqual({});
      await expect(h.delete(id, outs4)).resolves.toBeUndefined();
    });

    it("refresh reports out-of-band changes on the right properties and keeps the program's spelling", async () => {
      const news = await inputsFor({ roles: ["aae_basic", "Bot_Runner"], licenseFeatures: ["RUNTIME", "DEVELOPMENT"] });
      const { id, outs } = await h.create(news);
      // Same content, other order and case at the vendor: no change.
      const u = stored(id)!;
      u.roleIds = [26, 2];
      u.licenseFeatures = ["DEVELOPMENT", "RUNTIME"];
      let read = await h.read(id, outs);
      expect(read.inputs).toEqual(news);

      u.description = "edited";
      u.enableAutoLogin = true;
      u.roleIds = [2];
      read = await h.read(id, outs);
      expect(read.inputs).toMatchObject({ description: "edited", enableAutoLogin: true, roles: ["AAE_Basic"] });
      expect(read.props?.roleIds).toEqual([2]);
      expect(read.props?.password).toBe(PASSWORD);
      const d = await h.diff(id, read.props!, news);
      expect(d.changed.sort()).toEqual(["description", "enableAutoLogin", "roles"]);
      expect(d.replaces).toEqual([]);
      await h.delete(id, outs);
    });
  });

  describe("ControlRoomUser lost and refused creates", () => {
    it("adopts the user a create made before its answer was lost, with no duplicate", async () => {
      const news = await inputsFor();
      sandbox.clearRequests();
      sandbox.faults.add({ vendor: V, method: "POST", route: `/${ver}/usermanagement/users`, count: 1, effect: { type: "commitThenReset" } });
      const { id, outs } = await h.create(news);
      expect(calls()).toEqual(expectedCalls(generation).call("users", "POST", "/users", 0).call("usersList", "POST", "/users/list", 200).take());
      expect(Object.values(state().users).filter((x) => x.username === news.username)).toHaveLength(1);
      expect(outs.userId).toBe(id);
      expect(stored(id)?.username).toBe(news.username);
      await h.delete(id, outs);
    });

    it("creates again when the lost create provably did not happen", async () => {
      const news = await inputsFor();
      sandbox.clearRequests();
      sandbox.faults.add({ vendor: V, method: "POST", route: `/${ver}/usermanagement/users`, count: 1, effect: { type: "status", status: 500 } });
      const { id, outs } = await h.create(news);
      expect(calls()).toEqual(expectedCalls(generation).call("users", "POST", "/users", 500).call("usersList", "POST", "/users/list", 200).call("users", "POST", "/users", 201).take());
      expect(Object.values(state().users).filter((x) => x.username === news.username)).toHaveLength(1);
      await h.delete(id, outs);
    });

    it("refuses to take a same-named user it cannot prove it created, and names it", async () => {
      const news = await inputsFor();
      const other = await controlRoomClient(settings.value).createUser({ username: news.username, email: "someone-else@example.com", roles: [{ id: 2 }], firstName: null, lastName: null, description: null, disabled: false, enableAutoLogin: false, licenseFeatures: [] });
      sandbox.faults.add({ vendor: V, method: "POST", route: `/${ver}/usermanagement/users`, count: 1, effect: { type: "status", status: 503 } });
      const err = await h.create(news).catch((e: Error) => e);
      expect(err).toBeInstanceOf(Error);
      expect((err as Error).message).toContain(`id ${other.id}`);
      expect((err as Error).message).toContain(`importId: "${other.id}"`);
      expect((err as Error).message).toMatch(/^ControlRoomUser: /);
      await h.delete(String(other.id), {} as Outputs);
    });

    it("a duplicate username fails with the existing user's id", async () => {
      const news = await inputsFor();
      const first = await h.create(news);
      const err = await h.create(news).catch((e: Error) => e);
      expect((err as Error).message).toContain(`already exists at Automation Anywhere (id ${first.id})`);
      expect((err as Error).message).not.toContain(PASSWORD);
      await h.delete(first.id, first.outs);
    });
  });

  describe("ControlRoomUser adoption", () => {
    it("takes an existing user with no create call and applies the declared inputs", async () => {
      const username = uniqueName("adopt");
      const existing = await controlRoomClient(settings.value).createUser({ username, email: "old@example.com", password: "Old_Pass-1", roles: [{ id: 2 }], firstName: null, lastName: null, description: null, disabled: false, enableAutoLogin: false, licenseFeatures: ["RUNTIME"] });
      // No password declared: the adopted user keeps its own.
      const news = await inputsFor({ username, importId: String(existing.id), email: "new@example.com", description: undefined, password: undefined });
      notes.clear();
      sandbox.clearRequests();
      const { id, outs } = await h.create(news);
      expect(id).toBe(String(existing.id));
      // The login of this process (for the create above) showed which generation serves user calls.
      expect(calls()).toEqual(expectedCalls(generation).knows().call("users", "GET", "/users/{userId}", 200).call("users", "PUT", "/users/{userId}", 200).take());
      expect(notes.written()).toContain(`apiidentity: adopted ControlRoomUser ${id}; changed: email\n`);
      expect(stored(id)).toMatchObject({ email: "new@example.com", password: "Old_Pass-1" });
      expect(outs).toMatchObject({ importId: id, passwordSet: true });
      expect(outs.password).toBeUndefined();
      const read = await h.read(id, outs);
      expect(read.inputs).toEqual(news);
      expect((await h.diff(id, read.props!, news)).changes).toBe(false);

      // Adopting again with a declared password sets it, and says so.
      notes.clear();
      const again = await h.create({ ...news, password: "Adopt_Pass-1" });
      expect(notes.written()).toContain(`changed: password\n`);
      expect(stored(id)?.password).toBe("Adopt_Pass-1");
      await h.delete(id, again.outs);
    });

    it("adoption with nothing to change makes only the read", async () => {
      const username = uniqueName("adopt");
      const existing = await controlRoomClient(settings.value).createUser({ username, email: "same@example.com", roles: [{ id: 2 }], firstName: null, lastName: null, description: null, disabled: false, enableAutoLogin: false, licenseFeatures: [], domain: "corp.example.com" });
      const news = await inputsFor({ username, importId: String(existing.id), email: "same@example.com", description: undefined, password: undefined, licenseFeatures: undefined, domain: "corp.example.com" });
      notes.clear();
      sandbox.clearRequests();
      const { id, outs } = await h.create(news);
      expect(calls()).toEqual(expectedCalls(generation).knows().call("users", "GET", "/users/{userId}", 200).take());
      expect(notes.recorded.map((n) => noteLine(n.text))).toContain(`apiidentity: adopted ControlRoomUser ${id}; changed: nothing\n`);
      await h.delete(id, outs);
    });

    it("a new username with importId still declared replaces the adopted user: a new user is made, the adopted one is deleted", async () => {
      const username = uniqueName("adopt");
      const existing = await controlRoomClient(settings.value).createUser({ username, email: "a@example.com", password: "Old_Pass-1", roles: [{ id: 2 }], firstName: null, lastName: null, description: null, disabled: false, enableAutoLogin: false, licenseFeatures: [] });
      notes.clear();
      const first = await inputsFor({ username, email: "a@example.com", importId: String(existing.id), password: undefined, description: undefined, licenseFeatures: undefined });
      const adopted = await h.create(first);
      // The engine's steps for a replacing change: check against the old inputs, diff, create, delete the replaced.
      const renamed = uniqueName("renamed");
      const checked = await h.check(first, { ...first, username: renamed, password: PASSWORD });
      expect(checked.failures).toEqual([]);
      expect(checked.inputs).not.toHaveProperty("importId");
      expect((await h.diff(adopted.id, adopted.outs, checked.inputs)).replaces).toContain("username");
      const replacement = await h.create(checked.inputs);
      await h.delete(adopted.id, adopted.outs);
      expect(replacement.id).not.toBe(adopted.id);
      expect(stored(adopted.id)).toBeUndefined();
      expect(stored(replacement.id)).toMatchObject({ username: renamed, password: PASSWORD });
      // A new user needs a password: without one the replacement is refused at check, naming it.
      const noPassword = await h.check(first, { ...first, username: uniqueName("renamed") });
      expect(noPassword.failures.map((f) => f.property)).toContain("password");
      await h.delete(replacement.id, replacement.outs);
    });

    it("refuses to adopt a user whose username differs", async () => {
      const existing = await controlRoomClient(settings.value).createUser({ username: uniqueName("adopt"), email: "a@example.com", password: "Old_Pass-1", roles: [{ id: 2 }], firstName: null, lastName: null, description: null, disabled: false, enableAutoLogin: false, licenseFeatures: [] });
      const news = await inputsFor({ importId: String(existing.id) });
      await expect(h.create(news)).rejects.toThrow(`importId "${existing.id}": it is the user '${existing.username}', but username is '${news.username}'`);
      await controlRoomClient(settings.value).deleteUser(String(existing.id));
    });

    it("refuses to adopt the provider's own login user", async () => {
      const news = await inputsFor({ username: "admin", importId: "1" });
      await expect(h.create(news)).rejects.toThrow(`importId "1": it is the user the provider logs in with ('admin')`);
    });

    it("an unknown importId fails naming the id and the vendor", async () => {
      const news = await inputsFor({ importId: "999999" });
      await expect(h.create(news)).rejects.toThrow(/importId "999999": Automation Anywhere has no user with this id at /);
    });
  });

  describe("ControlRoomUser auth and errors", () => {
    it("logs in again after the token expired, once", async () => {
      const news = await inputsFor();
      const { id, outs } = await h.create(news);
      sandbox.clearRequests();
      sandbox.faults.add({ vendor: V, method: "GET", route: `/${ver}/usermanagement/users/{userId}`, count: 1, effect: { type: "expireTokens" } });
      const read = await h.read(id, outs);
      expect(read.id).toBe(id);
      expect(calls()).toEqual(expectedCalls(generation).knows().call("users", "GET", "/users/{userId}", 401).login().call("users", "GET", "/users/{userId}", 200).take());
      await h.delete(id, outs);
    });

    it("a URL that serves neither version fails naming both paths and the setting to check", async () => {
      const url = settings.env.AUTOMATION_ANYWHERE_URL!;
      settings.set({ AUTOMATION_ANYWHERE_URL: `${sandbox.url}/not-a-control-room` });
      settings.restart();
      try {
        const err = await h.read("2001", {} as Outputs).catch((e: Error) => e);
        expect((err as Error).message).toMatch(/POST \/v2\/authentication failed with HTTP 404: .*\/v1\/authentication answered 404 as well.*Check that automationAnywhereUrl is the Control Room's address/);
      } finally {
        settings.set({ AUTOMATION_ANYWHERE_URL: url });
      }
    });

    it("learns the generation once per process from the login: a second read makes no extra call, a new process learns again", async () => {
      const news = await inputsFor();
      const { id, outs } = await h.create(news);
      settings.restart();
      sandbox.clearRequests();
      await h.read(id, outs);
      await h.read(id, outs);
      const x = expectedCalls(generation);
      expect(calls()).toEqual(x.login().call("users", "GET", "/users/{userId}", 200).call("users", "GET", "/users/{userId}", 200).take());
      expect(controlRoomClient(settings.value).generation).toBe(ver);
      await h.delete(id, outs);
    });

    it("a user deleted out of band reads as gone with one call on the learnt generation", async () => {
      const news = await inputsFor();
      const { id, outs } = await h.create(news);
      delete state().users[id];
      sandbox.clearRequests();
      expect(await h.read(id, outs)).toEqual({});
      // On a current Control Room a v2 404 by id means the user is gone: no v1 call.
      expect(calls()).toEqual(expectedCalls(generation).knows().call("users", "GET", "/users/{userId}", 404).take());
      expect(await h.delete(id, outs)).toBeUndefined();
    });

    it("check finds an unknown role name and lists the known ones", async () => {
      const r = await h.check(undefined, { username: "x", email: "x@example.com", password: PASSWORD, roles: ["AAE_Basic", "Bot_Wizard"] });
      expect(r.failures).toEqual([{ property: "roles", reason: expect.stringContaining("unknown Control Room role 'Bot_Wizard'; known roles: AAE_Admin, AAE_Basic, Bot_Creator, Bot_Runner, Device_admin") }]);
    });

    it("check makes no vendor call when another rule fails", async () => {
      sandbox.clearRequests();
      const r = await h.check(undefined, { username: "x", email: "x@example.com", password: "short", roles: ["Bot_Wizard"] });
      expect(r.failures.map((f) => f.property)).toEqual(["password"]);
      expect(calls()).toEqual({});
    });

    it("check makes no call for role names the old inputs already had", async () => {
      sandbox.clearRequests();
      const r = await h.check({ roles: ["aae_basic"] }, { username: "x", email: "x@example.com", password: PASSWORD, roles: ["AAE_Basic"] });
      expect(r.failures).toEqual([]);
      expect(calls()).toEqual({});
    });

    it("keeps passwords, the API key and the token out of error messages", async () => {
      const news = await inputsFor();
      const err = await h.update("987654", { ...news, userId: "987654", roleIds: [2], passwordSet: true, emailVerified: false, password: "Other_Pass1" }, news).catch((e: Error) => e);
      // The id is unknown: the error names the call on this Control Room's generation and keeps the vendor's "not found" message.
      expect((err as Error).message).toMatch(new RegExp(`^ControlRoomUser: updating user 987654 failed: Automation Anywhere PUT /${ver}/usermanagement/users/\\{userId\\} failed with HTTP 404: User with id 987654 not found`));
      expect((err as Error).message).not.toContain(PASSWORD);

      const apiKey = settings.env.AUTOMATION_ANYWHERE_API_KEY!;
      settings.set({ AUTOMATION_ANYWHERE_API_KEY: "wrong-key-" + apiKey.slice(10) });
      settings.restart();
      try {
        const e2 = await h.read("2001", {} as Outputs).catch((e: Error) => e);
        expect((e2 as Error).message).toMatch(/ControlRoomUser: reading user 2001 failed: .*HTTP 401/);
        expect((e2 as Error).message).not.toContain(settings.env.AUTOMATION_ANYWHERE_API_KEY);
        expect((e2 as Error).message).not.toContain(apiKey);
      } finally {
        settings.set({ AUTOMATION_ANYWHERE_API_KEY: apiKey });
      }
    });
  });
});
