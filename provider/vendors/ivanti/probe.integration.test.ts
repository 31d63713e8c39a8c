// `apiidentity check ise` against the in-process Ivanti sandbox: a clean run, a write run that
// leaves the tenant as it was, and a renamed answer field reported as a contradiction naming it.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../../../sandbox/server.js";
import type { VendorModule } from "../../../sandbox/types.js";
import { ivanti as ivantiModule } from "../../../sandbox/vendors/ivanti/index.js";
import { setIseRoleName, type IvantiState } from "../../../sandbox/vendors/ivanti/state.js";
import { runProbe } from "../../probe.js";
import { probe } from "./probe.js";
import { SettingsUnderTest } from "../../../test/settings.js";

/** The provider settings of this file's runs (the sandbox's, once it is up). */
const settings = new SettingsUnderTest();

let sb: Sandbox;
const state = () => sb.store.vendor("ivanti") as unknown as IvantiState;
const NAME = "apiidentity-check-7f3a9c";

beforeAll(async () => {
  sb = await startSandbox({ modules: [ivantiModule as unknown as VendorModule] });
  settings.set(sb.config().env);
});
afterAll(async () => {
  await sb.close();
});
beforeEach(async () => {
  await fetch(sb.url + "/_sandbox/reset", { method: "POST" });
  sb.faults.clear();
  settings.restart();
});

/** Ivanti calls by method, as "METHOD route" -> count. */
function writes(): string[] {
  return sb.requests().filter((r) => r.vendor === "ivanti" && r.method !== "GET").map((r) => `${r.method} ${r.route} ${r.status}`);
}

describe("apiidentity check ise", () => {
  it("a clean read-only run: authenticated, nothing contradicted, permissions and the ISE role found, no write", async () => {
    sb.clearRequests();
    const r = await runProbe(probe, { write: false, throwAwayName: NAME, settings: settings.value });
    expect(r.status).toBe("ok");
    expect(r.key).toBe("ivanti");
    expect(r.auth.ok).toBe(true);
    expect(r.findings.filter((f) => f.verdict === "contradicted")).toEqual([]);
    expect(r.findings).toContainEqual(expect.objectContaining({ topic: "the Cisco ISE role is in the catalogue", verdict: "confirmed", detail: expect.stringContaining('"Cisco ISE Operations"') }));
    expect(r.findings).toContainEqual(expect.objectContaining({ topic: "accounts carry accountType", verdict: "confirmed" }));
    // The INFERRED write calls, and which delete form the tenant answers, stay open without --write.
    expect(r.findings.filter((f) => f.verdict === "open" && f.inferred).map((f) => f.topic)).toEqual(expect.arrayContaining([expect.stringContaining("Update User Account")]));
    expect(r.findings).toContainEqual(expect.objectContaining({ topic: expect.stringMatching(/^delete form: DELETE \/api\/v1\/account\?id=/), verdict: "open" }));
    expect(r.findings.map((f) => f.topic).join("\n")).not.toContain("Viability");
    // The default device space comes from Get Tenant Metadata.
    expect(r.findings).toContainEqual(expect.objectContaining({ topic: expect.stringContaining("GET /api/v1/metadata/tenant"), verdict: "confirmed", detail: "default space 100001" }));
    expect(r.permissions.map((p) => p.state)).toEqual(["granted", "granted"]);
    expect(r.write).toBeUndefined();
    expect(writes()).toEqual([]);
  });

  it("pages the account list by totalCount when a page holds fewer rows than asked", async () => {
    const base = state().accounts[0]!;
    for (let i = 0; i < 60; i++) state().accounts.push({ ...base, id: 40000 + i, superUser: false, uid: `many${i}@example.com`, username: `many${i}@example.com`, emailAddress: `many${i}@example.com`, roles: [] });
    const r = await runProbe(probe, { write: false, throwAwayName: NAME, settings: settings.value });
    expect(r.findings).toContainEqual(expect.objectContaining({ verdict: "confirmed", detail: expect.stringMatching(/^61 accounts read; totalCount 61; the first page held 50 rows/) }));
  });

  it("finds the ISE role under the other spelling, and under the provider setting", async () => {
    setIseRoleName(state(), "API Management Cisco ISE Operations");
    const other = await runProbe(probe, { write: false, throwAwayName: NAME, settings: settings.value });
    expect(other.findings).toContainEqual(expect.objectContaining({ topic: "the Cisco ISE role is in the catalogue", verdict: "confirmed", detail: expect.stringContaining("API Management Cisco ISE Operations") }));

    setIseRoleName(state(), "ISE Ops (custom)");
    settings.restart();
    const missing = await runProbe(probe, { write: false, throwAwayName: NAME, settings: settings.value });
    expect(missing.status).toBe("contradiction");
    expect(missing.findings).toContainEqual(expect.objectContaining({ topic: "the Cisco ISE role is in the catalogue", verdict: "contradicted", detail: expect.stringContaining("ivantiIseRoleName") }));

    settings.set({ IVANTI_ISE_ROLE_NAME: "ISE Ops (custom)" });
    try {
      settings.restart();
      const configured = await runProbe(probe, { write: false, throwAwayName: NAME, settings: settings.value });
      expect(configured.status).toBe("ok");
    } finally {
      settings.set({ IVANTI_ISE_ROLE_NAME: undefined });
    }
  });

  it("--write creates, updates and deletes one throw-away API user and leaves the tenant as it was", async () => {
    const before = JSON.stringify(state().accounts.map((a) => a.id));
    sb.clearRequests();
    const r = await runProbe(probe, { write: true, throwAwayName: NAME, settings: settings.value });
    expect(r.status).toBe("ok");
    expect(r.write).toEqual({ name: NAME, created: true, updated: true, deleted: true, confirmedGone: true });
    expect(JSON.stringify(state().accounts.map((a) => a.id))).toBe(before);
    // Every INFERRED write call was tried; "API users seen in the list" stays open (the seed has none).
    expect(r.findings.filter((f) => f.inferred && f.verdict === "open").map((f) => f.topic)).toEqual([]);
    expect(r.findings).toContainEqual(expect.objectContaining({ topic: "API users have accountType API", verdict: "open" }));
    // The report names the delete form the tenant answered.
    expect(r.findings).toContainEqual(
      expect.objectContaining({ topic: expect.stringMatching(/^delete form:/), verdict: "confirmed", detail: expect.stringMatching(/^the tenant answered DELETE \/api\/v1\/account\?id= \(the form of public client code\): account \d+ deleted$/) }),
    );
    expect(r.findings).toContainEqual(expect.objectContaining({ topic: "accountType=API on create makes an API user", verdict: "confirmed" }));
    // Only the throw-away account was written to.
    const created = writes().filter((w) => w.startsWith("POST"));
    expect(created).toEqual(["POST /api/v1/accounts 200"]);
    expect(writes()).toEqual(["POST /api/v1/accounts 200", "PUT /api/v1/account/{accountId} 200", "PUT /api/v1/account/{accountId}/roles 200", "DELETE /api/v1/account 200"]);
  });

  it("--write on a tenant of the older bulk delete form: reports that form, after one 405 of the evidenced one", async () => {
    sb.setProfile("ivanti", "bulk-delete");
    try {
      const before = JSON.stringify(state().accounts.map((a) => a.id));
      sb.clearRequests();
      const r = await runProbe(probe, { write: true, throwAwayName: NAME, settings: settings.value });
      expect(r.status).toBe("ok");
      expect(r.write).toEqual({ name: NAME, created: true, updated: true, deleted: true, confirmedGone: true });
      expect(r.findings).toContainEqual(
        expect.objectContaining({ topic: expect.stringMatching(/^delete form:/), verdict: "confirmed", detail: expect.stringMatching(/^the tenant answered DELETE \/api\/v1\/accounts\?ids= \(the older form; DELETE \/api\/v1\/account\?id= answered 404 or 405\): account \d+ deleted$/) }),
      );
      expect(writes()).toEqual(["POST /api/v1/accounts 200", "PUT /api/v1/account/{accountId} 200", "PUT /api/v1/account/{accountId}/roles 200", "DELETE /api/v1/account 405", "DELETE /api/v1/accounts 200"]);
      expect(JSON.stringify(state().accounts.map((a) => a.id))).toBe(before);
    } finally {
      sb.setProfile("ivanti", "current");
    }
  });

  it("a renamed answer field is a contradiction that names the field", async () => {
    sb.faults.add({ vendor: "ivanti", route: "/api/v1/roles", effect: { type: "renameField", from: "name", to: "roleName" } });
    const r = await runProbe(probe, { write: false, throwAwayName: NAME, settings: settings.value });
    expect(r.status).toBe("contradiction");
    const c = r.findings.filter((f) => f.verdict === "contradicted");
    expect(c).toEqual([expect.objectContaining({ topic: expect.stringContaining("/api/v1/roles"), detail: expect.stringContaining("searchResults.0.name") })]);
  });

  it("a renamed field of the account list contradicts at the first call, naming it", async () => {
    sb.faults.add({ vendor: "ivanti", route: "/api/v1/account", effect: { type: "renameField", from: "totalCount", to: "total" } });
    const r = await runProbe(probe, { write: false, throwAwayName: NAME, settings: settings.value });
    expect(r.status).toBe("contradiction");
    expect(r.findings.find((f) => f.verdict === "contradicted")?.detail).toContain("totalCount");
  });

  it("wrong credentials: the check cannot run, and the secret is not shown", async () => {
    settings.set({ IVANTI_PASSWORD: "Wr0ng-Secret-Value" });
    try {
      const r = await runProbe(probe, { write: false, throwAwayName: NAME, settings: settings.value });
      expect(r.status).toBe("error");
      expect(r.auth.ok).toBe(false);
      expect(JSON.stringify(r)).not.toContain("Wr0ng-Secret-Value");
    } finally {
      settings.set({ IVANTI_PASSWORD: sb.config().env.IVANTI_PASSWORD });
    }
  });

  it("reports that Ivanti reports no last use", async () => {
    const r = await runProbe(probe, { write: false, throwAwayName: NAME, settings: settings.value });
    expect(r.lastUse?.state).toBe("not reported");
    expect(r.lastUse?.detail).toMatch(/^not reported by Ivanti/);
  });
});
