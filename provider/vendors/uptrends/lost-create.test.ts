import { describe, expect, it } from "vitest";
import type { UptrendsClient } from "./client.js";
import { describeAccounts, lostCreateCandidates, deleteMadeLate } from "./lost-create.js";
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

describe("deleteMadeLate (after a create that needed resends)", () => {
  /** A client holding `list`; DELETE refused for the GUIDs in `refuse`. */
  function fake(list: WireApiUser[], refuse: string[] = []) {
    const deleted: string[] = [];
    const client = {
      listApiUsersOfOperator: async () => list,
      deleteApiUser: async (guid: string) => {
        if (refuse.includes(guid)) throw new Error("Uptrends DELETE /ApiUser/{apiUserGuid} failed with HTTP 403: Forbidden");
        deleted.push(guid);
      },
    } as unknown as UptrendsClient;
    return { client, deleted };
  }
  const made = "cccccccc-0000-4000-8000-00000000000c";
  const late = "aaaaaaaa-0000-4000-8000-000000000001";
  const notes = () => {
    const said: string[] = [];
    return { said, ctx: { since: started, note: (s: string) => said.push(s) } };
  };

  it("deletes the account an earlier send made late, never the one just made, and says so", async () => {
    const { client, deleted } = fake([user({}), user({ ApiUserGuid: made })]);
    const { said, ctx } = notes();
    expect(await deleteMadeLate(client, [sent], made, ctx)).toBeUndefined();
    expect(deleted).toEqual([late]);
    expect(said).toEqual([`API account ${late}, made late by an earlier send of this create (its password was only in the lost answer), was deleted`]);
  });

  it("nothing late: no delete, nothing said", async () => {
    const { client, deleted } = fake([user({ ApiUserGuid: made }), user({ ApiUserGuid: "dddddddd-0000-4000-8000-00000000000d", Description: "other" })]);
    const { said, ctx } = notes();
    expect(await deleteMadeLate(client, [sent], made, ctx)).toBeUndefined();
    expect(deleted).toEqual([]);
    expect(said).toEqual([]);
  });

  it("more candidates than earlier sends cannot be attributed: named, none deleted", async () => {
    const other = "eeeeeeee-0000-4000-8000-00000000000e";
    const { client, deleted } = fake([user({}), user({ ApiUserGuid: other, UserName: "u2" })]);
    const left = await deleteMadeLate(client, [sent], made, notes().ctx);
    expect(deleted).toEqual([]);
    expect(left).toContain(`2 never-used API accounts of operator ${OP} with description "robot" were created since this create began, more than its 1 earlier send can have made`);
    expect(left).toContain(late);
    expect(left).toContain(other);
    expect(left).toContain("none was deleted");
  });

  it("a refused delete names the account and where to delete it", async () => {
    const { client } = fake([user({})], [late]);
    const left = await deleteMadeLate(client, [sent], made, notes().ctx);
    expect(left).toContain(`an earlier send of this create also made API account ${late} (username u1`);
    expect(left).toContain("HTTP 403");
    expect(left).toContain("delete it in Uptrends (the operator's API management tab)");
  });
});
