// Wire ↔ outputs/inputs mapping of UiPathRobotAccount.
import { describe, expect, it } from "vitest";
import { groupDelta, keepSpelling, normaliseTime, parseVendorTime, toInputs, toOutputs } from "./mappers.js";

const PG = "6a0e1c9e-5d2b-4c1f-9f43-2f0b7d3c8a11";
const G1 = "5a6b1e7c-4f8b-4c2e-9a05-7d9e6b1f2c05";
const G2 = "2d3e8b4f-1c5e-4f9b-8d72-4a6b3e8c9f02";
const G3 = "3e4f9c5a-2d6f-4a0c-9e83-5b7c4f9d0a03";

const dto = {
  id: "0b5e0f6e-1111-4a2b-9c3d-123456789abc",
  name: "ci-bot",
  displayName: "CI bot",
  creationTime: "2021-10-19T18:05:17.3465735",
  lastLoginTime: null,
  groupIds: [G2, G1],
};

describe("times", () => {
  it("adds the Z UiPath leaves off on reads, keeps one that is there", () => {
    expect(normaliseTime("2021-10-19T18:05:17.3465735")).toBe("2021-10-19T18:05:17.3465735Z");
    expect(normaliseTime("2021-10-20T15:20:29.1302044Z")).toBe("2021-10-20T15:20:29.1302044Z");
    expect(normaliseTime(null)).toBeUndefined();
  });
  it("parses 7 fractional digits as UTC", () => {
    expect(parseVendorTime("2021-10-19T18:05:17.3465735")).toBe(Date.parse("2021-10-19T18:05:17.346Z"));
    expect(parseVendorTime("2021-10-19T18:05:17.3465735Z")).toBe(Date.parse("2021-10-19T18:05:17.346Z"));
    expect(parseVendorTime(undefined)).toBeNaN();
  });
});

describe("toOutputs / toInputs", () => {
  it("maps a RobotAccountDto, keeping the user's group order and case and partition spelling", () => {
    const out = toOutputs(dto, { partitionGlobalId: PG.toUpperCase(), groupIds: [G1.toUpperCase(), G2] });
    expect(out).toEqual({
      robotAccountId: dto.id,
      name: "ci-bot",
      displayName: "CI bot",
      groupIds: [G1.toUpperCase(), G2],
      partitionGlobalId: PG.toUpperCase(),
      creationTime: "2021-10-19T18:05:17.3465735Z",
    });
    expect(toInputs(out)).toEqual({ name: "ci-bot", displayName: "CI bot", groupIds: [G1.toUpperCase(), G2], partitionGlobalId: PG.toUpperCase() });
  });

  it("falls back to the name for a missing display name, and carries lastLoginTime and importId", () => {
    const out = toOutputs({ ...dto, displayName: null, lastLoginTime: "2025-01-02T03:04:05.0000000", groupIds: null }, { partitionGlobalId: PG, importId: dto.id });
    expect(out.displayName).toBe("ci-bot");
    expect(out.groupIds).toEqual([]);
    expect(out.lastLoginTime).toBe("2025-01-02T03:04:05.0000000Z");
    expect(toInputs(out).importId).toBe(dto.id);
  });
});

describe("keepSpelling", () => {
  it("returns the user's list when the sets are equal", () => {
    expect(keepSpelling([G1.toUpperCase(), G2], [G2, G1])).toEqual([G1.toUpperCase(), G2]);
  });
  it("drops what is gone and appends what appeared (drift shows as a real difference)", () => {
    expect(keepSpelling([G1, G2], [G3, G2])).toEqual([G2, G3]);
    expect(keepSpelling(undefined, [G3, G3])).toEqual([G3]);
  });
});

describe("groupDelta", () => {
  it("computes additions and removals case-insensitively", () => {
    expect(groupDelta([G1, G2], [G2.toUpperCase(), G3])).toEqual({ toAdd: [G3], toRemove: [G1] });
    expect(groupDelta([], [G1, G1])).toEqual({ toAdd: [G1], toRemove: [] });
    expect(groupDelta([G1], [G1.toUpperCase()])).toEqual({ toAdd: [], toRemove: [] });
  });
});
