// Validation of UiPathRobotAccount inputs (check): each rule, defaults, and the failure messages.
import { describe, expect, it } from "vitest";
import { sandboxSettings } from "../../../test/settings.js";
import { uiPathRobotAccount } from "./handler.js";

const PG = "6a0e1c9e-5d2b-4c1f-9f43-2f0b7d3c8a11";
/** The provider setting uipathPartitionGlobalId is PG. */
const h = uiPathRobotAccount.with(sandboxSettings({ UIPATH_PARTITION_GLOBAL_ID: PG }));
const G1 = "5a6b1e7c-4f8b-4c2e-9a05-7d9e6b1f2c05";


const failuresOf = async (news: Record<string, unknown>, handler = h) => (await handler.check(undefined, news)).failures;

describe("UiPathRobotAccount check", () => {
  it("accepts a minimal robot and fills in the defaults", async () => {
    const r = await h.check(undefined, { name: "ci-bot" });
    expect(r.failures).toEqual([]);
    expect(r.inputs).toEqual({ name: "ci-bot", displayName: "ci-bot", groupIds: [], partitionGlobalId: PG });
  });

  it("keeps given values as written (no case folding) and drops engine keys", async () => {
    const r = await h.check(undefined, { name: "Bot_1", displayName: "Bot one", groupIds: [G1.toUpperCase()], partitionGlobalId: PG.toUpperCase(), __provider: "x" });
    expect(r.failures).toEqual([]);
    expect(r.inputs).toEqual({ name: "Bot_1", displayName: "Bot one", groupIds: [G1.toUpperCase()], partitionGlobalId: PG.toUpperCase() });
  });

  it("requires a name", async () => {
    expect(await failuresOf({})).toEqual([{ property: "name", reason: expect.stringContaining("name is required") }]);
    expect(await failuresOf({ name: "" })).toEqual([{ property: "name", reason: expect.stringContaining("must not be empty") }]);
  });

  // UiPath documents no length or character rule for robot-account names, so the guessed
  // rule (printable ASCII without spaces or '@', at most 64 characters) is a warning, not a refusal.
  it.each([
    ["with space", "spaces or '@'"],
    ["bot@corp", "spaces or '@'"],
    ["bøt", "spaces or '@'"],
    ["a".repeat(65), "at most 64"],
  ])("accepts the name %j with a warning about the guessed rule", async (name, warning) => {
    const r = await h.check(undefined, { name });
    expect(r.failures).toEqual([]);
    const w = uiPathRobotAccount.advise!(r.inputs);
    expect(w).toHaveLength(1);
    expect(w[0]).toContain("name");
    expect(w[0]).toContain(warning);
    expect(w[0]).toContain("not documented");
  });

  it("gives no warning for a 64-character name or punctuation other than '@'", async () => {
    expect(await failuresOf({ name: "a".repeat(64) })).toEqual([]);
    expect(await failuresOf({ name: "bot.ci-01_x+y" })).toEqual([]);
    expect(uiPathRobotAccount.advise!((await h.check(undefined, { name: "a".repeat(64) })).inputs)).toEqual([]);
    expect(uiPathRobotAccount.advise!((await h.check(undefined, { name: "bot.ci-01_x+y" })).inputs)).toEqual([]);
  });

  it("warns once per guessed rule a name breaks", async () => {
    expect(uiPathRobotAccount.advise!((await h.check(undefined, { name: "a b".repeat(30) })).inputs)).toHaveLength(2);
  });

  it("rejects an empty displayName, telling to omit it", async () => {
    expect(await failuresOf({ name: "b", displayName: "" })).toEqual([{ property: "displayName", reason: expect.stringContaining("omit it") }]);
  });

  it("rejects a group id that is not a GUID, naming its index", async () => {
    const f = await failuresOf({ name: "b", groupIds: [G1, "Robots"] });
    expect(f).toEqual([{ property: "groupIds.1", reason: expect.stringContaining("must be a GUID") }]);
  });

  it("rejects a group listed twice, whatever the case", async () => {
    const f = await failuresOf({ name: "b", groupIds: [G1, G1.toUpperCase()] });
    expect(f).toEqual([{ property: "groupIds.1", reason: expect.stringContaining("listed twice") }]);
  });

  it("rejects a partitionGlobalId or importId that is not a GUID", async () => {
    expect(await failuresOf({ name: "b", partitionGlobalId: "DatacomGroup" })).toEqual([
      { property: "partitionGlobalId", reason: expect.stringContaining("must be a GUID") },
    ]);
    expect(await failuresOf({ name: "b", importId: "rb-12" })).toEqual([{ property: "importId", reason: expect.stringContaining("must be a GUID") }]);
  });

  it("fails without partitionGlobalId and provider setting, naming the setting", async () => {
    const f = await failuresOf({ name: "b" }, uiPathRobotAccount.with(sandboxSettings({})));
    expect(f).toEqual([{ property: "partitionGlobalId", reason: expect.stringContaining("apiidentity:uipathPartitionGlobalId") }]);
    expect(f[0]!.reason).toContain("UIPATH_PARTITION_GLOBAL_ID");
  });

  it("fails when the provider setting is not a GUID", async () => {
    expect(await failuresOf({ name: "b" }, uiPathRobotAccount.with(sandboxSettings({ UIPATH_PARTITION_GLOBAL_ID: "my-org" })))).toEqual([{ property: "partitionGlobalId", reason: expect.stringContaining("is not a GUID") }]);
  });

  it("keeps importId for the first create and while nothing replaces, drops it when a replacement will create", async () => {
    const ID = "0b5e0f6e-1111-4a2b-9c3d-123456789abc";
    expect((await h.check({}, { name: "b", importId: ID })).inputs.importId).toBe(ID);
    const olds = { name: "b", displayName: "b", groupIds: [], partitionGlobalId: PG, importId: ID };
    expect((await h.check(olds, { name: "b", displayName: "B", importId: ID })).inputs.importId).toBe(ID);
    expect((await h.check(olds, { name: "b", partitionGlobalId: PG.toUpperCase(), importId: ID })).inputs.importId).toBe(ID);
    expect((await h.check(olds, { name: "b2", importId: ID })).inputs.importId).toBeUndefined();
    expect((await h.check(olds, { name: "b", partitionGlobalId: G1, importId: ID })).inputs.importId).toBeUndefined();
  });
});
