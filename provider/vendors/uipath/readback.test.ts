// Tolerant reading of UiPath answers, and what a refresh (read) or an adoption writes into inputs:
// it must pass check again and diff against the same robot account must show no change.
import { describe, expect, it } from "vitest";
import { sandboxSettings } from "../../../test/settings.js";
import { uiPathRobotAccount } from "./handler.js";
import { toInputs, toOutputs } from "./mappers.js";
import { groupList, robotAccountDto, robotAccountPage } from "./wire.js";

const PG = "6a0e1c9e-5d2b-4c1f-9f43-2f0b7d3c8a11";
/** The provider setting uipathPartitionGlobalId is PG. */
const h = uiPathRobotAccount.with(sandboxSettings({ UIPATH_PARTITION_GLOBAL_ID: PG }));
const G1 = "5a6b1e7c-4f8b-4c2e-9a05-7d9e6b1f2c05";
const ID = "0b5e0f6e-1111-4a2b-9c3d-123456789abc";


const base = { id: ID, name: "ci-bot", displayName: "CI bot", creationTime: "2021-10-19T18:05:17.3465735", lastLoginTime: null, groupIds: [G1] };

describe("UiPath wire schemas read tolerantly", () => {
  it("ignore unknown fields", () => {
    expect(robotAccountDto.parse({ ...base, tenantKey: "x", extra: { a: 1 } })).toEqual(robotAccountDto.parse(base));
  });

  it("keep a group type they have never seen and a member kind they do not know", () => {
    const [g] = groupList.parse([{ id: G1, name: "Ops", type: "dynamic", members: [{ objectType: "DirectoryServicePrincipal", identifier: "x", unknown: 1 }] }]);
    expect(g?.type).toBe("dynamic");
    expect(g?.members?.[0]?.objectType).toBe("DirectoryServicePrincipal");
  });

  it("read a page whose results are null (nullable in the OpenAPI) as empty", () => {
    expect(robotAccountPage.parse({ totalCount: 0, results: null }).results).toEqual([]);
  });

  it("read a robot or group whose name is null (nullable in the OpenAPI) without failing the whole list", () => {
    expect(robotAccountPage.parse({ totalCount: 2, results: [{ ...base, name: null }, base] }).results).toHaveLength(2);
    expect(groupList.parse([{ id: G1, name: null }])[0]?.name).toBe("");
  });
});

const variants: [string, Record<string, unknown>][] = [
  ["an answer with extra fields", { ...base, tenantKey: "t", isExternalLicensed: true }],
  ["a name our guessed rules warn about", { ...base, name: "Robot with spaces@corp" }],
  ["a name longer than the guessed limit", { ...base, name: "r".repeat(120) }],
  ["group ids in upper case, twice", { ...base, groupIds: [G1.toUpperCase(), G1] }],
  ["no display name and no groups (null)", { ...base, displayName: null, groupIds: null }],
  ["a login time and a creation time with Z", { ...base, creationTime: "2021-10-20T15:20:29.1302044Z", lastLoginTime: "2024-01-01T00:00:00.0000000" }],
];

describe("UiPathRobotAccount: values a refresh writes into inputs", () => {
  it.each(variants)("%s pass check and diff as unchanged", async (_what, answer) => {
    const outs = toOutputs(robotAccountDto.parse(answer), { partitionGlobalId: PG });
    const checked = await h.check(undefined, toInputs(outs));
    expect(checked.failures).toEqual([]);
    const d = await h.diff(outs.robotAccountId, outs, checked.inputs);
    expect(d.changes).toBe(false);
  });

  it("an adopted robot's importId passes check again", async () => {
    const outs = toOutputs(robotAccountDto.parse(base), { partitionGlobalId: PG, importId: ID });
    const checked = await h.check(undefined, toInputs(outs));
    expect(checked.failures).toEqual([]);
    expect((await h.diff(ID, outs, checked.inputs)).changes).toBe(false);
  });
});
