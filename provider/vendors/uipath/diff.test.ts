// diff of UiPathRobotAccount: update in place vs replace, normalisation, defaults and importId.
import { describe, expect, it } from "vitest";
import { sandboxSettings } from "../../../test/settings.js";
import { uiPathRobotAccount } from "./handler.js";
import type { RobotAccountInputs, RobotAccountOutputs } from "./inputs.js";

const PG = "6a0e1c9e-5d2b-4c1f-9f43-2f0b7d3c8a11";
/** The provider setting uipathPartitionGlobalId is PG. */
const h = uiPathRobotAccount.with(sandboxSettings({ UIPATH_PARTITION_GLOBAL_ID: PG }));
const PG2 = "7b1f2d0a-6e3c-4d2a-8a54-3a1c8e4d9b22";
const G1 = "5a6b1e7c-4f8b-4c2e-9a05-7d9e6b1f2c05";
const G2 = "2d3e8b4f-1c5e-4f9b-8d72-4a6b3e8c9f02";

const olds: RobotAccountOutputs = {
  robotAccountId: "0b5e0f6e-1111-4a2b-9c3d-123456789abc",
  name: "ci-bot",
  displayName: "CI bot",
  groupIds: [G1, G2],
  partitionGlobalId: PG,
  creationTime: "2024-01-01T00:00:00.0000000Z",
};
const same: RobotAccountInputs = { name: "ci-bot", displayName: "CI bot", groupIds: [G1, G2], partitionGlobalId: PG };
const diff = (news: Partial<RobotAccountInputs>, o: RobotAccountOutputs = olds) => h.diff(o.robotAccountId, o, { ...same, ...news } as RobotAccountInputs);


describe("UiPathRobotAccount diff", () => {
  it("no change for identical inputs", async () => {
    expect(await diff({})).toMatchObject({ changes: false, replaces: [], changed: [] });
  });

  it("no change when groups differ only in order and GUID case", async () => {
    expect((await diff({ groupIds: [G2.toUpperCase(), G1] })).changes).toBe(false);
  });

  it("no change when the partition differs only in case, or is omitted and equals the setting", async () => {
    expect((await diff({ partitionGlobalId: PG.toUpperCase() })).changes).toBe(false);
    expect((await diff({ partitionGlobalId: undefined })).changes).toBe(false);
  });

  it("no change when displayName is omitted and equals the name", async () => {
    const o = { ...olds, displayName: "ci-bot" };
    expect((await diff({ displayName: undefined }, o)).changes).toBe(false);
  });

  it("no change from importId, or from output-only values", async () => {
    expect((await diff({ importId: olds.robotAccountId })).changes).toBe(false);
    const o = { ...olds, lastLoginTime: "2025-05-01T10:00:00.0000000Z", creationTime: "2020-01-01T00:00:00Z" };
    expect((await diff({}, o)).changes).toBe(false);
  });

  it("updates displayName in place", async () => {
    expect(await diff({ displayName: "CI robot" })).toMatchObject({ changes: true, replaces: [], changed: ["displayName"] });
  });

  it("updates groups in place (added, removed, emptied, omitted)", async () => {
    expect(await diff({ groupIds: [G1] })).toMatchObject({ changes: true, replaces: [], changed: ["groupIds"] });
    expect(await diff({ groupIds: [] })).toMatchObject({ changes: true, replaces: [], changed: ["groupIds"] });
    expect(await diff({ groupIds: undefined })).toMatchObject({ changes: true, replaces: [], changed: ["groupIds"] });
    expect((await diff({ groupIds: undefined }, { ...olds, groupIds: [] })).changes).toBe(false);
  });

  it("replaces on a new name (create first), and deletes first when only the case changes", async () => {
    const r = await diff({ name: "ci-bot-2", displayName: "CI bot" });
    expect(r).toMatchObject({ changes: true, replaces: ["name"] });
    expect(r.deleteBeforeReplace).toBeFalsy();
    const c = await diff({ name: "CI-Bot", displayName: "CI bot" });
    expect(c).toMatchObject({ changes: true, replaces: ["name"], deleteBeforeReplace: true });
  });

  it("replaces on a new partition", async () => {
    const r = await diff({ partitionGlobalId: PG2 });
    expect(r).toMatchObject({ changes: true, replaces: ["partitionGlobalId"] });
    expect(r.deleteBeforeReplace).toBeFalsy();
  });
});
