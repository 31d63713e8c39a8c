// `apiidentity check controlroom` against the in-process sandbox, on both Control Room generations:
// a clean read-only run, a write trial that leaves the Control Room as it was, and a renamed answer
// field reported as a contradiction naming the field.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../../../sandbox/server.js";
import type { VendorModule } from "../../../sandbox/types.js";
import { GENERATIONS } from "../../../sandbox/vendors/automation-anywhere/generations.js";
import { automationAnywhere } from "../../../sandbox/vendors/automation-anywhere/index.js";
import type { AaState } from "../../../sandbox/vendors/automation-anywhere/state.js";
import { runProbe } from "../../probe.js";
import { probe } from "./probe.js";
import { SettingsUnderTest } from "../../../test/settings.js";

/** The provider settings of this file's runs (the sandbox's, once it is up). */
const settings = new SettingsUnderTest();

const NAME = "apiidentity-check-7c2e9a";
const V = "automation-anywhere";

describe.each(GENERATIONS)("Control Room probe, %s generation", (generation) => {
  const ver = generation === "current" ? "v2" : "v1";
  let sb: Sandbox;
  const state = () => sb.store.vendor(V) as unknown as AaState;
  const users = () => JSON.stringify(Object.values(state().users).map((u) => [u.id, u.username, u.version, u.description]));

  beforeAll(async () => {
    sb = await startSandbox({ modules: [automationAnywhere as unknown as VendorModule], profiles: { "automation-anywhere": generation } });
    settings.set(sb.config().env);
  });
  afterAll(async () => {
    await sb.close();
  });
  afterEach(() => sb.faults.clear());

  it("a clean read-only run: authenticated, generation named, permissions granted, no contradiction, nothing written", async () => {
    const before = users();
    sb.clearRequests();
    const r = await runProbe(probe, { write: false, throwAwayName: NAME, settings: settings.value });
    expect(r.key).toBe("automation-anywhere");
    expect(r.status).toBe("ok");
    expect(r.auth.ok).toBe(true);
    expect(r.findings.filter((f) => f.verdict === "contradicted")).toEqual([]);
    expect(r.findings.find((f) => f.topic === "user-management generation")?.detail).toContain(generation === "current" ? "a current Control Room" : "a legacy Control Room");
    expect(r.findings.find((f) => f.topic === "login path")?.detail).toContain(generation === "current" ? "POST /v2/authentication answered" : "POST /v1/authentication answered");
    expect(r.permissions.map((p) => [p.name, p.state])).toEqual([
      ["View users", "granted"],
      ["Create users", "granted"],
      ["Edit users", "granted"],
      ["Delete users", "granted"],
      ["View roles", "granted"],
    ]);
    for (const topic of ["users/list filters with eq on username", "usernames compare ignoring case", "an unknown user id answers 404", "error body {code, details, message}", `roles/list pages of 100 rows until the total`]) {
      expect(r.findings.find((f) => f.topic === topic), topic).toMatchObject({ verdict: "confirmed", inferred: true });
    }
    expect(r.write).toBeUndefined();
    expect(users()).toBe(before);
    // Read-only: the only writes are the login and the list searches (POST by the vendor's design).
    const writes = sb.requests().filter((q) => q.vendor === V && (q.method === "PUT" || q.method === "DELETE" || (q.method === "POST" && q.route.endsWith("/usermanagement/users"))));
    expect(writes).toEqual([]);
  });

  it(generation === "current" ? "a current Control Room gets no v1 request at all" : "a legacy Control Room gets no v2 user-management request, and one v2 login (404)", async () => {
    sb.clearRequests();
    const r = await runProbe(probe, { write: true, throwAwayName: NAME, settings: settings.value });
    expect(r.status).toBe("ok");
    const mine = sb.requests().filter((q) => q.vendor === V);
    if (generation === "current") expect(mine.filter((q) => q.route.startsWith("/v1/"))).toEqual([]);
    else expect(mine.filter((q) => q.route.startsWith("/v2/"))).toEqual([{ vendor: V, method: "POST", route: "/v2/authentication", status: 404, count: 1 }]);
  });

  describe("a caller without AAE_Admin, holding the documented Administration pairs", () => {
    const DOCUMENTED = [
      { action: "usermanagement", resourceType: "usermanagement" },
      { action: "createuser", resourceType: "usermanagement" },
      { action: "updateuser", resourceType: "usermanagement" },
      { action: "deleteuser", resourceType: "usermanagement" },
      { action: "rolesview", resourceType: "rolesmanagement" },
      { action: "rolesmanagement", resourceType: "rolesmanagement" },
      { action: "viewuserrolebasicinfo", resourceType: "usermanagement" },
    ];
    const NEEDED: [string, string][] = [
      ["View users", "usermanagement|usermanagement"],
      ["Create users", "createuser|usermanagement"],
      ["Edit users", "updateuser|usermanagement"],
      ["Delete users", "deleteuser|usermanagement"],
      ["View roles", "rolesview|rolesmanagement"],
    ];
    const ROLE = 9_100;
    const USER = 9_101;
    const PASSWORD = "User_Admin-1";

    /** A role of exactly these pairs, and a user holding only it, as the probe's login. */
    function caller(pairs: { action: string; resourceType: string }[]): void {
      const s = state();
      s.roles[String(ROLE)] = { ...s.roles["2"]!, id: ROLE, name: "User_Administrators", systemRole: false, permissions: pairs.map((p, i) => ({ id: 13_044_600 + i, resourceId: null, ...p })) };
      s.users[String(USER)] = { ...s.users["1"]!, id: USER, username: "user-admin", email: "user-admin@example.com", roleIds: [ROLE], password: PASSWORD, apiKey: null };
      settings.set({ AUTOMATION_ANYWHERE_USERNAME: "user-admin", AUTOMATION_ANYWHERE_PASSWORD: PASSWORD, AUTOMATION_ANYWHERE_API_KEY: undefined });
    }
    let saved: Record<string, string | undefined> = {};
    beforeAll(() => {
      saved = { AUTOMATION_ANYWHERE_USERNAME: settings.env.AUTOMATION_ANYWHERE_USERNAME, AUTOMATION_ANYWHERE_PASSWORD: settings.env.AUTOMATION_ANYWHERE_PASSWORD, AUTOMATION_ANYWHERE_API_KEY: settings.env.AUTOMATION_ANYWHERE_API_KEY };
    });
    afterEach(() => {
      settings.set(saved);
      delete state().users[String(USER)];
      delete state().roles[String(ROLE)];
    });

    it("exactly the documented pairs: every permission the provider needs is present, each from its pair", async () => {
      caller(DOCUMENTED);
      const r = await runProbe(probe, { write: true, throwAwayName: NAME, settings: settings.value });
      expect(r.status).toBe("ok");
      expect(r.permissions.map((p) => [p.name, p.state, p.detail])).toEqual(NEEDED.map(([name, pair]) => [name, "granted", `the login answer lists ${pair}`]));
      expect(r.findings.find((f) => f.topic === "permissions listed as Action | Resource type pairs")).toMatchObject({ verdict: "confirmed", detail: `the login answer lists ${NEEDED.map(([, pair]) => pair).join(", ")}` });
      expect(r.write).toEqual({ name: NAME, created: true, updated: true, deleted: true, confirmedGone: true });
    });

    it.each(NEEDED)("the same answer without the pair of %s names that pair as missing", async (name, pair) => {
      caller(DOCUMENTED.filter((p) => `${p.action}|${p.resourceType}` !== pair));
      const r = await runProbe(probe, { write: false, throwAwayName: NAME, settings: settings.value });
      expect(r.permissions.filter((p) => p.state !== "granted")).toEqual([{ name, state: "missing", neededFor: expect.any(String), detail: expect.stringContaining(`none is ${pair}`) }]);
    });

    it("an action under another resource type does not count", async () => {
      caller(DOCUMENTED.map((p) => (p.action === "createuser" ? { ...p, resourceType: "rolesmanagement" } : p)));
      const r = await runProbe(probe, { write: false, throwAwayName: NAME, settings: settings.value });
      expect(r.permissions.find((p) => p.name === "Create users")).toMatchObject({ state: "missing", detail: expect.stringContaining("none is createuser|usermanagement") });
    });
  });

  it("reads roles page by page, 100 at a time", async () => {
    const roles = state().roles;
    const template = roles["2"]!;
    for (let i = 0; i < 130; i++) roles[String(10_000 + i)] = { ...template, id: 10_000 + i, name: `Extra_${i}`, systemRole: false, permissions: [] };
    try {
      sb.clearRequests();
      const r = await runProbe(probe, { write: false, throwAwayName: NAME, settings: settings.value });
      expect(r.findings.find((f) => f.topic === "roles/list pages of 100 rows until the total")).toMatchObject({ verdict: "confirmed", detail: expect.stringContaining("135 roles in 2 page(s)") });
      expect(sb.requests().find((q) => q.route === `/${ver}/usermanagement/roles/list` && q.status === 200)?.count).toBe(2);
    } finally {
      for (let i = 0; i < 130; i++) delete roles[String(10_000 + i)];
    }
  });

  it("--write creates, updates and deletes one throw-away user and leaves the Control Room as it was", async () => {
    const before = Object.keys(state().users).sort();
    const r = await runProbe(probe, { write: true, throwAwayName: NAME, settings: settings.value });
    expect(r.status).toBe("ok");
    expect(r.write).toEqual({ name: NAME, created: true, updated: true, deleted: true, confirmedGone: true });
    expect(r.findings.find((f) => f.topic === "the password is never returned, only passwordSet")?.verdict).toBe("confirmed");
    expect(r.findings.find((f) => f.topic.startsWith("PUT carrying the unchanged username"))).toMatchObject({
      verdict: "confirmed",
      detail: expect.stringContaining(`accepted a PUT /${ver}/usermanagement/users/{userId} carrying username '${NAME}' unchanged`),
    });
    expect(Object.keys(state().users).sort()).toEqual(before);
    expect(Object.values(state().users).some((u) => u.username === NAME)).toBe(false);
  });

  it("--write reports a Control Room that refuses the username in a PUT, and still deletes the throw-away user", async () => {
    const before = Object.keys(state().users).sort();
    sb.faults.add({ vendor: V, route: `/${ver}/usermanagement/users/{userId}`, method: "PUT", effect: { type: "status", status: 400, message: "username is not allowed here" } });
    const r = await runProbe(probe, { write: true, throwAwayName: NAME, settings: settings.value });
    expect(r.status).toBe("contradiction");
    expect(r.write).toMatchObject({ created: true, updated: false, deleted: true, confirmedGone: true, problem: expect.stringContaining(`did not accept a PUT /${ver}/usermanagement/users/{userId} carrying the unchanged username '${NAME}'`) });
    expect(r.findings.find((f) => f.topic.startsWith("PUT carrying the unchanged username"))).toMatchObject({ verdict: "contradicted", detail: expect.stringContaining("username is not allowed here") });
    expect(Object.keys(state().users).sort()).toEqual(before);
  });

  it("--write refuses to touch a user that already has the throw-away name", async () => {
    const taken = state().users["1"]!;
    const r = await runProbe(probe, { write: true, throwAwayName: taken.username, settings: settings.value });
    expect(r.write).toMatchObject({ created: false, problem: expect.stringContaining("already exists") });
    expect(state().users["1"]).toEqual(taken);
  });

  it("an answer field renamed at the vendor is a contradiction naming the field", async () => {
    sb.faults.add({ vendor: V, route: `/${ver}/usermanagement/users/list`, method: "POST", effect: { type: "renameField", from: "username", to: "userName" } });
    const r = await runProbe(probe, { write: false, throwAwayName: NAME, settings: settings.value });
    expect(r.status).toBe("contradiction");
    const bad = r.findings.filter((f) => f.verdict === "contradicted");
    expect(bad.length).toBeGreaterThan(0);
    expect(bad[0]!.topic).toBe("users/list answers {page, list[user]}");
    expect(bad[0]!.detail).toContain("username");
  });

  it("settings missing: the check cannot run and says which", async () => {
    const url = settings.env.AUTOMATION_ANYWHERE_URL;
    settings.set({ AUTOMATION_ANYWHERE_URL: undefined });
    try {
      const r = await runProbe(probe, { write: false, throwAwayName: NAME, settings: settings.value });
      expect(r.status).toBe("error");
      expect(r.error).toMatch(/automationAnywhereUrl|AUTOMATION_ANYWHERE_URL/);
    } finally {
      settings.set({ AUTOMATION_ANYWHERE_URL: url });
    }
  });

  it("reports that Automation Anywhere reports no last use", async () => {
    const r = await runProbe(probe, { write: false, throwAwayName: NAME, settings: settings.value });
    expect(r.lastUse).toEqual({ field: null, state: "not reported", detail: "not reported by Automation Anywhere" });
  });
});
