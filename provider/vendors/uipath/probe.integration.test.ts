// `apiidentity check uipath` against the in-process sandbox: a clean run, a write trial that leaves
// the organization as it was, and a renamed answer field reported as a contradiction naming the field.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { api, getToken, startHarness, type Harness } from "../../../sandbox/vendors/uipath/test-helpers.js";
import type { UiPathState } from "../../../sandbox/vendors/uipath/state.js";
import { runProbe } from "../../probe.js";
import { probe } from "./probe.js";
import { jwtScopes } from "./client.js";
import { SettingsUnderTest } from "../../../test/settings.js";

/** The provider settings of this file's runs (the sandbox's, once it is up). */
const settings = new SettingsUnderTest();

let sb: Harness;
const state = () => sb.sandbox.store.vendor("uipath") as unknown as UiPathState;
const NAME = "apiidentity-check-7b2e4d";

beforeAll(async () => {
  sb = await startHarness();
  settings.set(sb.sandbox.config().env);
  // One robot account that is not ours: the check must leave it alone.
  const token = await getToken(sb);
  const r = await api(sb, "POST", "/RobotAccount", { token, body: { partitionGlobalId: sb.partitionGlobalId, name: "someone-elses-robot" } });
  expect(r.status).toBe(201);
});
afterAll(async () => {
  await sb.sandbox.close();
});
beforeEach(() => settings.restart());
afterEach(() => sb.sandbox.faults.clear());

const robots = () => state().robotAccounts.map((r) => `${r.id} ${r.name} ${r.displayName ?? ""}`).sort();

describe("UiPath probe", () => {
  it("a clean read-only run: token scopes granted, no contradiction, nothing written", async () => {
    const before = robots();
    sb.sandbox.clearRequests();
    const r = await runProbe(probe, { write: false, throwAwayName: NAME, settings: settings.value });
    expect(r.key).toBe("uipath");
    expect(r.status).toBe("ok");
    expect(r.auth.ok).toBe(true);
    expect(r.findings.filter((f) => f.verdict === "contradicted")).toEqual([]);
    expect(r.permissions.map((p) => [p.name, p.state])).toEqual([
      ["PM.RobotAccount or PM.RobotAccount.Read + PM.RobotAccount.Write", "granted"],
      ["PM.Group.Read or PM.Group", "granted"],
    ]);
    expect(r.findings.find((f) => f.topic === "an unknown robot-account id answers 404 while the partition is known")?.verdict).toBe("confirmed");
    expect(r.write).toBeUndefined();
    expect(robots()).toEqual(before);
    const writes = sb.sandbox.requests().filter((q) => q.vendor === "uipath" && q.method !== "GET" && !q.route.includes("connect/token"));
    expect(writes).toEqual([]);
  });

  it("--write creates, updates and deletes one throw-away robot and leaves the organization as it was", async () => {
    const before = robots();
    const r = await runProbe(probe, { write: true, throwAwayName: NAME, settings: settings.value });
    expect(r.status).toBe("ok");
    expect(r.write).toEqual({ name: NAME, created: true, updated: true, deleted: true, confirmedGone: true });
    expect(r.findings.find((f) => f.topic.startsWith("a duplicate name is refused"))?.verdict).toBe("confirmed");
    expect(robots()).toEqual(before);
  });

  it("an answer field renamed at the vendor is a contradiction naming the field", async () => {
    sb.sandbox.faults.add({ vendor: "uipath", method: "GET", route: "*RobotAccount*", effect: { type: "renameField", from: "results", to: "items" } });
    const r = await runProbe(probe, { write: false, throwAwayName: NAME, settings: settings.value });
    expect(r.status).toBe("contradiction");
    const bad = r.findings.filter((f) => f.verdict === "contradicted");
    expect(bad.length).toBeGreaterThanOrEqual(1);
    expect(bad[0]!.detail).toContain("results");
  });

  it("extra fields in every answer are not a contradiction", async () => {
    sb.sandbox.faults.add({ vendor: "uipath", effect: { type: "addField", name: "somethingNew", value: 1 } });
    const r = await runProbe(probe, { write: true, throwAwayName: NAME, settings: settings.value });
    expect(r.findings.filter((f) => f.verdict === "contradicted")).toEqual([]);
    expect(r.status).toBe("ok");
  });

  it("a missing scope is reported as a missing permission", async () => {
    settings.set({ UIPATH_SCOPES: "PM.RobotAccount" });
    try {
      const r = await runProbe(probe, { write: false, throwAwayName: NAME, settings: settings.value });
      expect(r.auth.ok).toBe(true);
      expect(r.permissions.find((p) => p.name === "PM.Group.Read or PM.Group")?.state).toBe("missing");
      expect(r.permissions.find((p) => p.name.startsWith("PM.RobotAccount"))?.state).toBe("granted");
    } finally {
      settings.set({ UIPATH_SCOPES: sb.sandbox.config().env.UIPATH_SCOPES });
    }
  });

  it("a wrong client secret: the check cannot run", async () => {
    settings.set({ UIPATH_CLIENT_SECRET: "wrong" });
    try {
      const r = await runProbe(probe, { write: false, throwAwayName: NAME, settings: settings.value });
      expect(r.status).toBe("error");
      expect(r.auth.ok).toBe(false);
      expect(r.error).toContain("invalid_client");
      expect(JSON.stringify(r)).not.toContain(sb.clientSecret);
    } finally {
      settings.set({ UIPATH_CLIENT_SECRET: sb.clientSecret });
    }
  });

  it("reads scopes from a JWT's scope claim", () => {
    const jwt = (claims: object) => `h.${Buffer.from(JSON.stringify(claims)).toString("base64url")}.s`;
    expect(jwtScopes(jwt({ scope: ["PM.Group"] }))).toEqual(["PM.Group"]);
    expect(jwtScopes(jwt({ scope: "A B" }))).toEqual(["A", "B"]);
    expect(jwtScopes("opaque")).toBeUndefined();
  });

  it("reports whether the robot accounts carry lastLoginTime, and says so when an answer leaves it out", async () => {
    const r = await runProbe(probe, { write: false, throwAwayName: NAME, settings: settings.value });
    expect(r.lastUse).toMatchObject({ field: "lastLoginTime", state: "reported" });
    sb.sandbox.faults.add({ vendor: "uipath", method: "GET", route: "*RobotAccount*", effect: { type: "renameField", from: "lastLoginTime", to: "lastSeen" } });
    settings.restart();
    const renamed = await runProbe(probe, { write: false, throwAwayName: NAME, settings: settings.value });
    expect(renamed.lastUse).toMatchObject({ field: "lastLoginTime", state: "missing" });
  });
});
