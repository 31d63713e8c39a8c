import { describe, expect, it } from "vitest";
import { describeAccounts, lostCreateCandidates } from "./lost-create.js";
import type { WireApiUser } from "./wire.js";

const OP = "2f3c9a1e-6b7d-4e58-9a0c-1d2e3f4a5b6c";
const started = Date.parse("2025-03-01T12:00:00.000Z");
const sent = { OperatorGuid: OP, Description: "robot" };
const user = (over: Partial<WireApiUser>): WireApiUser => ({
  ApiUserGuid: "aaaaaaaa-0000-4000-8000-000000000001",
  OperatorGuid: OP,
  Description: "robot",
  UserName: "u1",
  ApiAccessType: "Generic",
  CreatedDate: "2025-03-01T12:00:01.000Z",
  LastUsed: null,
  RequestsLast30Days: 0,
  ...over,
});

describe("lost create candidates", () => {
  it("matches a never-used account of the operator with the sent description, created since the request", () => {
    expect(lostCreateCandidates([user({})], sent, started, new Set())).toHaveLength(1);
    expect(lostCreateCandidates([user({ OperatorGuid: OP.toUpperCase() })], sent, started, new Set())).toHaveLength(1);
  });

  it("allows for a vendor clock somewhat behind ours, not for old accounts", () => {
    expect(lostCreateCandidates([user({ CreatedDate: "2025-03-01T11:57:00.000Z" })], sent, started, new Set())).toHaveLength(1);
    expect(lostCreateCandidates([user({ CreatedDate: "2025-03-01T11:50:00.000Z" })], sent, started, new Set())).toHaveLength(0);
  });

  it("excludes used accounts, other descriptions, other operators, other access types and accounts made by this process", () => {
    const list = [
      user({ LastUsed: "2025-03-01T12:00:02.000Z" }),
      user({ RequestsLast30Days: 3 }),
      user({ Description: "other" }),
      user({ OperatorGuid: "bbbbbbbb-0000-4000-8000-000000000000" }),
      user({ ApiAccessType: "MobileApp" }),
      user({ ApiUserGuid: "AAAAAAAA-0000-4000-8000-000000000009" }),
    ];
    expect(lostCreateCandidates(list, sent, started, new Set(["aaaaaaaa-0000-4000-8000-000000000009"]))).toEqual([]);
  });

  it("an empty description at the vendor matches the default that was sent", () => {
    expect(lostCreateCandidates([user({ Description: null })], { OperatorGuid: OP, Description: "API" }, started, new Set())).toHaveLength(1);
  });

  it("keeps an account without a creation date as a candidate (so a match can only get more ambiguous)", () => {
    expect(lostCreateCandidates([user({ CreatedDate: undefined })], sent, started, new Set())).toHaveLength(1);
  });

  it("names accounts by guid, username and creation time", () => {
    expect(describeAccounts([user({})])).toBe("aaaaaaaa-0000-4000-8000-000000000001 (username u1, created 2025-03-01T12:00:01.000Z)");
  });
});
