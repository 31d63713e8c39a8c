// The emulator's entitlement check and its independence from the provider.
import { readdirSync, readFileSync } from "node:fs";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DOCUMENTED_ENTITLEMENTS, tenantKnows } from "./entitlements.js";
import { startHarness, type Harness } from "./test-helpers.js";
import type { VerifyState } from "./state.js";

let h: Harness;
let admin: string;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});
beforeEach(async () => {
  await h.reset();
  admin = await h.token();
});

describe("IBM Verify emulator: entitlement names", () => {
  it("knows the documented names, case-sensitively", () => {
    expect(DOCUMENTED_ENTITLEMENTS.size).toBe(125);
    expect(tenantKnows("manageAPIClients", undefined)).toBe(true);
    expect(tenantKnows("manageapiclients", undefined)).toBe(false);
  });

  it("refuses an unknown name with IBM's 400 sentence, naming its index", async () => {
    const r = await h.request("POST", "/v1.0/apiclients", { token: admin, body: { clientName: "x", enabled: true, entitlements: ["readUsers", "manageQuantumKeys"] } });
    expect(r.status).toBe(400);
    expect((r.json as { messageDescription: string }).messageDescription).toBe('The JSON input was invalid. entitlements[1]: The entitlement "manageQuantumKeys" is not valid.');
  });

  it("a newer tenant (extraEntitlements) accepts its own names on create and update", async () => {
    (h.sandbox.store.vendor("ibm-verify") as VerifyState).extraEntitlements = ["manageQuantumKeys"];
    const id = await h.create({ clientName: "x", enabled: true, entitlements: ["readUsers", "manageQuantumKeys"] }, admin);
    const cur = await h.get(id, admin);
    const put = await h.request("PUT", `/v1.0/apiclients/${id}`, { token: admin, body: { ...cur, description: "d" } });
    expect(put.status).toBe(204);
    expect((await h.get(id, admin)).entitlements).toEqual(["readUsers", "manageQuantumKeys"]);
  });

  it("no emulator source imports the provider", () => {
    const dir = new URL("./", import.meta.url);
    const sources = readdirSync(dir).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"));
    expect(sources.length).toBeGreaterThan(5);
    for (const f of sources) expect({ f, imports: /from "[^"]*provider\//.test(readFileSync(new URL(f, dir), "utf8")) }).toEqual({ f, imports: false });
  });
});
