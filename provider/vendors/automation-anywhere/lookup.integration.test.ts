// The core of getControlRoomRole (the program-side lookup of the public SDK) against the sandbox.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../../../sandbox/server.js";
import type { VendorModule } from "../../../sandbox/types.js";
import { automationAnywhere } from "../../../sandbox/vendors/automation-anywhere/index.js";
import { findRole } from "./roles.js";
import { SettingsUnderTest } from "../../../test/settings.js";

/** The provider settings of this file's runs (the sandbox's, once it is up). */
const settings = new SettingsUnderTest();

// The SDK's getControlRoomRole is findRole() with the program's settings; the e2e test runs it in a real program.
const getControlRoomRole = (a: { name: string }) => findRole(settings.value, a.name);

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ modules: [automationAnywhere as unknown as VendorModule] });
  settings.set(sandbox.config().env);
});
afterAll(async () => {
  await sandbox.close();
});

describe("getControlRoomRole", () => {
  it("returns the typed role, with one login and one roles list per process", async () => {
    sandbox.clearRequests();
    expect(await getControlRoomRole({ name: "Bot_Runner" })).toEqual({ id: 26, name: "Bot_Runner", description: expect.any(String) });
    expect(await getControlRoomRole({ name: "aae_basic" })).toMatchObject({ id: 2, name: "AAE_Basic" });
    const n = (route: string) => sandbox.requests().filter((r) => r.route === route).reduce((a, r) => a + r.count, 0);
    expect(n("/v2/authentication")).toBe(1);
    expect(n("/v2/usermanagement/roles/list")).toBe(1);
  });

  it("throws a clear error listing the known role names", async () => {
    await expect(getControlRoomRole({ name: "Bot_Wizard" })).rejects.toThrow(
      "getControlRoomRole: unknown Control Room role 'Bot_Wizard'; known roles: AAE_Admin, AAE_Basic, Bot_Creator, Bot_Runner, Device_admin",
    );
  });

  it("names the missing setting when the provider is not configured", async () => {
    const url = settings.env.AUTOMATION_ANYWHERE_URL;
    settings.set({ AUTOMATION_ANYWHERE_URL: undefined });
    try {
      await expect(getControlRoomRole({ name: "AAE_Basic" })).rejects.toThrow(/automationAnywhereUrl.*AUTOMATION_ANYWHERE_URL/);
    } finally {
      settings.set({ AUTOMATION_ANYWHERE_URL: url });
    }
  });
});

describe("role cache", () => {
  it("fetches again, once, for a name missing from an earlier list (a role made since)", async () => {
    settings.restart();
    await findRole(settings.value, "AAE_Basic");
    const roles = (sandbox.store.vendor("automation-anywhere") as unknown as { roles: Record<string, Record<string, unknown>> }).roles;
    roles["500"] = { ...roles["26"]!, id: 500, name: "Made_Later" };
    sandbox.clearRequests();
    expect(await findRole(settings.value, "Made_Later")).toMatchObject({ id: 500 });
    await expect(findRole(settings.value, "Never_Made")).rejects.toThrow(/unknown Control Room role 'Never_Made'/);
    const lists = sandbox.requests().filter((r) => r.route === "/v2/usermanagement/roles/list").reduce((a, r) => a + r.count, 0);
    expect(lists).toBe(2);
    delete roles["500"];
  });
});
