// The group lookup behind the SDK's getUiPathGroup, against an in-process sandbox: one token with
// the group scope only, one list call, typed result, and an error that lists the known names.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "../../../sandbox/vendors/uipath/test-helpers.js";
import type { UiPathState } from "../../../sandbox/vendors/uipath/state.js";
import { findUiPathGroup, type FindGroupArgs } from "./lookup.js";
import { SettingsUnderTest } from "../../../test/settings.js";

/** The provider settings of this file's runs (the sandbox's, once it is up). */
const settings = new SettingsUnderTest();
/** The SDK's getUiPathGroup: findUiPathGroup with the program's settings. */
const getUiPathGroup = (args: FindGroupArgs) => findUiPathGroup(settings.value, args);

let sb: Harness;

beforeAll(async () => {
  sb = await startHarness();
});
afterAll(async () => {
  await sb.sandbox.close();
});
beforeEach(() => {
  settings.reset(sb.sandbox.config().env);
  sb.sandbox.clearRequests();
});

describe("getUiPathGroup (sandbox)", () => {
  it("finds a group by name with one token (PM.Group.Read only) and one list call", async () => {
    const g = await getUiPathGroup({ name: "Robots" });
    expect(g).toEqual({ id: "5a6b1e7c-4f8b-4c2e-9a05-7d9e6b1f2c05", name: "Robots", type: "custom", creationTime: "2024-01-15T09:30:00.0000000Z", memberIds: [] });
    const calls = sb.sandbox.requests().map((r) => `${r.method} ${r.route} ${r.status} x${r.count}`);
    expect(calls.sort()).toEqual(["GET /{organization}/identity_/api/Group/{partitionGlobalId} 200 x1", "POST /identity_/connect/token 200 x1"]);
    const state = sb.sandbox.store.vendor("uipath") as unknown as UiPathState;
    expect(state.tokens.at(-1)?.scopes).toEqual(["PM.Group.Read"]);
  });

  it("matches a name case-insensitively when no exact match exists, and built-in groups", async () => {
    expect((await getUiPathGroup({ name: "automation users" })).id).toBe("2d3e8b4f-1c5e-4f9b-8d72-4a6b3e8c9f02");
    expect((await getUiPathGroup({ name: "Everyone" })).type).toBe("builtIn");
  });

  it("fails for an unknown name, listing the known ones", async () => {
    await expect(getUiPathGroup({ name: "Nope" })).rejects.toThrow(
      "getUiPathGroup: no group has the name 'Nope' in UiPath partition '6a0e1c9e-5d2b-4c1f-9f43-2f0b7d3c8a11'; known groups: 'Administrators', 'Automation Users', 'Citizen Developers', 'Everyone', 'Robots'",
    );
  });

  it("fails clearly when the application lacks a group scope", async () => {
    settings.set({ UIPATH_SCOPES: "PM.RobotAccount" });
    await expect(getUiPathGroup({ name: "Robots" })).rejects.toThrow(/names no group scope: group lookups need 'PM.Group.Read'/);
  });
});
