// `apiidentity check verify` against an in-process IBM Verify sandbox, over real HTTP.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../../../sandbox/server.js";
import type { VerifyState } from "../../../sandbox/vendors/ibm-verify/state.js";
import { runProbe } from "../../probe.js";
import { probe } from "./probe.js";
import { SettingsUnderTest } from "../../../test/settings.js";

/** The provider settings of this file's runs (the sandbox's, once it is up). */
const settings = new SettingsUnderTest();

let sandbox: Sandbox;

const state = () => sandbox.store.vendor("ibm-verify") as VerifyState;
const snapshot = () => JSON.stringify(state().apiClients);

beforeAll(async () => {
  sandbox = await startSandbox();
  settings.set(sandbox.config().env);
});

afterAll(async () => {
  settings.restart();
  await sandbox.close();
});

beforeEach(() => {
  sandbox.faults.clear();
});

describe("IBM Verify probe", () => {
  it("is the 'verify' probe", () => {
    expect(probe.key).toBe("ibm-verify");
    expect(probe.vendor).toBe("IBM Verify");
  });

  it("a clean read-only run: authenticated, manageAPIClients granted, nothing contradicted, nothing written", async () => {
    const before = snapshot();
    sandbox.clearRequests();
    const report = await runProbe(probe, { write: false, throwAwayName: "apiidentity-check-unused", settings: settings.value });
    expect(report.status).toBe("ok");
    expect(report.error).toBeUndefined();
    expect(report.auth.ok).toBe(true);
    expect(report.permissions).toEqual([expect.objectContaining({ name: "manageAPIClients", state: "granted" })]);
    expect(report.findings.filter((f) => f.verdict === "contradicted")).toEqual([]);
    const confirmed = report.findings.filter((f) => f.verdict === "confirmed").map((f) => f.topic);
    expect(confirmed).toEqual(
      expect.arrayContaining([
        "the token endpoint is /oauth2/token",
        "the {id} of /v1.0/apiclients/{id} is the object id from the list",
        "clientSecret is in GET answers for a caller holding manageAPIClients or readAPIClientsAndClientSecret",
        'GET /v1.0/apiclients?search=clientName = "<name>" finds a client by its exact name',
        "a bad or expired token is answered 401 on /v1.0/apiclients",
      ]),
    );
    expect(report.findings.filter((f) => f.inferred).length).toBeGreaterThanOrEqual(7);
    expect(report.write).toBeUndefined();
    expect(snapshot()).toBe(before);
    // Read-only calls only.
    const methods = new Set(sandbox.requests().filter((r) => r.vendor === "ibm-verify").map((r) => `${r.method} ${r.route}`));
    expect([...methods].filter((m) => !m.startsWith("GET ") && m !== "POST /oauth2/token")).toEqual([]);
  });

  it("--write creates, updates and deletes one throw-away client and leaves the tenant as it was", async () => {
    const before = snapshot();
    const count = state().apiClients.length;
    const report = await runProbe(probe, { write: true, throwAwayName: "apiidentity-check-1a2b3c", settings: settings.value });
    expect(report.status).toBe("ok");
    expect(report.write).toEqual({ name: "apiidentity-check-1a2b3c", created: true, updated: true, deleted: true, confirmedGone: true });
    expect(report.findings.filter((f) => f.verdict === "contradicted")).toEqual([]);
    expect(report.findings.filter((f) => f.verdict === "confirmed").map((f) => f.topic)).toEqual(
      expect.arrayContaining([
        "description is stored verbatim (the create marker survives)",
        "PUT with id, clientId and the current secret keeps the secret",
        "DELETE /v1.0/apiclients/{id} removes the client (GET then answers 404)",
      ]),
    );
    expect(state().apiClients).toHaveLength(count);
    expect(snapshot()).toBe(before);
    const made = sandbox.requests().filter((r) => r.vendor === "ibm-verify" && r.method === "POST" && r.route === "/v1.0/apiclients");
    expect(made.reduce((n, r) => n + r.count, 0)).toBe(1);
  });

  it("a renamed answer field is a contradiction that names the field", async () => {
    sandbox.faults.add({ vendor: "ibm-verify", effect: { type: "renameField", from: "clientName", to: "name" } });
    const report = await runProbe(probe, { write: false, throwAwayName: "apiidentity-check-unused", settings: settings.value });
    expect(report.status).toBe("contradiction");
    const bad = report.findings.filter((f) => f.verdict === "contradicted");
    expect(bad.length).toBeGreaterThan(0);
    expect(bad[0]!.topic).toBe("GET /v1.0/apiclients answers {apiClients: [APIClientConfig]}");
    expect(bad[0]!.detail).toContain("clientName");
  });

  it("an extra field in every answer is no contradiction (unknown fields are ignored)", async () => {
    sandbox.faults.add({ vendor: "ibm-verify", effect: { type: "addField", name: "newerField", value: { x: 1 } } });
    const report = await runProbe(probe, { write: false, throwAwayName: "apiidentity-check-unused", settings: settings.value });
    expect(report.status).toBe("ok");
  });

  it("a provider client without manageAPIClients is reported as a missing permission", async () => {
    const admin = state().apiClients[0]!;
    const saved = [...admin.entitlements];
    admin.entitlements = ["readAPIClients"];
    try {
      const report = await runProbe(probe, { write: false, throwAwayName: "apiidentity-check-unused", settings: settings.value });
      expect(report.permissions).toEqual([expect.objectContaining({ name: "manageAPIClients", state: "missing" })]);
      expect(report.findings.find((f) => f.topic.startsWith("clientSecret is in GET answers"))?.verdict).toBe("open");
    } finally {
      admin.entitlements = saved;
    }
  });

  it("wrong credentials: status error, auth not ok, the secret not shown", async () => {
    const secret = settings.env.IBM_VERIFY_CLIENT_SECRET!;
    settings.set({ IBM_VERIFY_CLIENT_SECRET: "wrong-secret-value" });
    try {
      const report = await runProbe(probe, { write: false, throwAwayName: "apiidentity-check-unused", settings: settings.value });
      expect(report.status).toBe("error");
      expect(report.auth.ok).toBe(false);
      expect(report.error).toMatch(/invalid_client/);
      expect(JSON.stringify(report)).not.toContain("wrong-secret-value");
    } finally {
      settings.set({ IBM_VERIFY_CLIENT_SECRET: secret });
    }
  });

  it("reports that IBM Verify reports no last use", async () => {
    const report = await runProbe(probe, { write: false, throwAwayName: "apiidentity-check-unused", settings: settings.value });
    expect(report.lastUse).toEqual({ field: null, state: "not reported", detail: "not reported by IBM Verify" });
  });
});
