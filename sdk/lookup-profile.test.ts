// A lookup names a settings profile like a resource does: it runs in the program with that
// profile's settings from the stack config; a profile the stack lacks fails before any vendor call.
import * as pulumi from "@pulumi/pulumi";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../sandbox/server.js";
import { tenantSettings } from "../test/e2e/two-tenants.js";
import { getUptrendsOperator } from "./lookups.js";

let a: Sandbox;
let b: Sandbox;
const requestsAt = (sb: Sandbox) => sb.requests().reduce((n, r) => n + r.count, 0);
const profileOf = (sb: Sandbox) => Object.fromEntries(Object.entries(tenantSettings(sb)).map(([name, s]) => [name, s.value]));

beforeAll(async () => {
  [a, b] = await Promise.all([startSandbox(), startSandbox()]);
  // The stack's own settings address sandbox a; the profile 'other' sandbox b.
  pulumi.runtime.setAllConfig({ ...Object.fromEntries(Object.entries(profileOf(a)).map(([k, v]) => [`apiidentity:${k}`, v])), "apiidentity:profiles": JSON.stringify({ other: profileOf(b) }) });
});
afterAll(async () => {
  await Promise.all([a?.close(), b?.close()]);
});

describe("a lookup with a profile", () => {
  it("asks the profile's tenant only", async () => {
    a.clearRequests();
    b.clearRequests();
    const op = await getUptrendsOperator({ email: "admin@sandbox.uptrends.test", profile: "other" });
    expect(op.operatorGuid).toBeTruthy();
    expect(requestsAt(a)).toBe(0);
    expect(requestsAt(b)).toBeGreaterThan(0);
  });

  it("a profile the stack lacks fails before any vendor call, naming it", async () => {
    a.clearRequests();
    b.clearRequests();
    await expect(getUptrendsOperator({ email: "admin@sandbox.uptrends.test", profile: "nowhere" })).rejects.toThrow("the settings profile 'nowhere' does not exist: the stack config 'apiidentity:profiles' holds 'other'");
    expect(requestsAt(a) + requestsAt(b)).toBe(0);
  });
});
