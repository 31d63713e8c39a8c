// `apiidentity check uptrends` against the in-process sandbox: a clean run, a write trial that leaves
// the account as it was, and a renamed answer field reported as a contradiction naming the field.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../../../sandbox/server.js";
import { uptrends as uptrendsModule } from "../../../sandbox/vendors/uptrends/index.js";
import type { UptrendsState } from "../../../sandbox/vendors/uptrends/state.js";
import type { VendorModule } from "../../../sandbox/types.js";
import { runProbe } from "../../probe.js";
import { probe } from "./probe.js";
import { SettingsUnderTest } from "../../../test/settings.js";

/** The provider settings of this file's runs (the sandbox's, once it is up). */
const settings = new SettingsUnderTest();

let sb: Sandbox;
const state = () => sb.store.vendor("uptrends") as unknown as UptrendsState;

beforeAll(async () => {
  sb = await startSandbox({ modules: [uptrendsModule as unknown as VendorModule] });
  settings.set(sb.config().env);
});
afterAll(async () => {
  await sb.close();
});
afterEach(() => sb.faults.clear());

const NAME = "apiidentity-check-3f9a1c";

describe("Uptrends probe", () => {
  it("a clean read-only run: authenticated, administrator right granted, no contradiction, nothing written", async () => {
    const before = JSON.stringify(state().apiUsers.map((u) => [u.apiUserGuid, u.description]));
    const r = await runProbe(probe, { write: false, throwAwayName: NAME, settings: settings.value });
    expect(r.key).toBe("uptrends");
    expect(r.status).toBe("ok");
    expect(r.auth.ok).toBe(true);
    expect(r.findings.filter((f) => f.verdict === "contradicted")).toEqual([]);
    expect(r.permissions).toEqual([expect.objectContaining({ name: "AccountAdministrator", state: "granted" })]);
    expect(r.findings.some((f) => f.inferred && f.verdict === "confirmed" && f.topic.includes("ApiUserGuid"))).toBe(true);
    expect(r.findings.find((f) => f.topic === "an unknown ApiUserGuid answers 404")?.verdict).toBe("confirmed");
    expect(r.write).toBeUndefined();
    expect(JSON.stringify(state().apiUsers.map((u) => [u.apiUserGuid, u.description]))).toBe(before);
    const writes = sb.requests().filter((q) => q.vendor === "uptrends" && q.method !== "GET");
    expect(writes).toEqual([]);
  });

  it("--write creates, updates and deletes one throw-away account and leaves the vendor as it was", async () => {
    const before = state().apiUsers.map((u) => u.apiUserGuid).sort();
    const r = await runProbe(probe, { write: true, throwAwayName: NAME, settings: settings.value });
    expect(r.status).toBe("ok");
    expect(r.write).toEqual({ name: NAME, created: true, updated: true, deleted: true, confirmedGone: true });
    expect(r.findings.find((f) => f.topic === "the password appears only in the create answer")?.verdict).toBe("confirmed");
    expect(state().apiUsers.map((u) => u.apiUserGuid).sort()).toEqual(before);
  });

  it("an answer field renamed at the vendor is a contradiction naming the field", async () => {
    sb.faults.add({ vendor: "uptrends", route: "/v4/ApiUser", method: "GET", effect: { type: "renameField", from: "UserName", to: "Login" } });
    const r = await runProbe(probe, { write: false, throwAwayName: NAME, settings: settings.value });
    expect(r.status).toBe("contradiction");
    const bad = r.findings.filter((f) => f.verdict === "contradicted");
    expect(bad).toHaveLength(1);
    expect(bad[0]!.detail).toContain("UserName");
  });

  it("a field in camelCase is not a contradiction", async () => {
    sb.faults.add({ vendor: "uptrends", effect: { type: "renameField", from: "ApiUserGuid", to: "apiUserGuid" } });
    sb.faults.add({ vendor: "uptrends", effect: { type: "addField", name: "SomethingNew", value: 1 } });
    const r = await runProbe(probe, { write: true, throwAwayName: NAME, settings: settings.value });
    expect(r.findings.filter((f) => f.verdict === "contradicted")).toEqual([]);
    expect(r.status).toBe("ok");
  });

  it("wrong credentials: the check cannot run", async () => {
    const pw = settings.env.UPTRENDS_PASSWORD;
    settings.set({ UPTRENDS_PASSWORD: "wrong" });
    try {
      const r = await runProbe(probe, { write: false, throwAwayName: NAME, settings: settings.value });
      expect(r.status).toBe("error");
      expect(r.auth.ok).toBe(false);
      expect(r.error).toContain("401");
    } finally {
      settings.set({ UPTRENDS_PASSWORD: pw });
    }
  });

  it("reports whether the API accounts carry LastUsed", async () => {
    const r = await runProbe(probe, { write: false, throwAwayName: NAME, settings: settings.value });
    expect(r.lastUse).toMatchObject({ field: "LastUsed", state: "reported" });
  });
});
