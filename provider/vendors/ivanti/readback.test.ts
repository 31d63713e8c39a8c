// Tolerant reading: whatever a vendor may hold and send back for each property
// parses, becomes inputs that pass check again, and diffs against itself as no change.
import { describe, expect, it } from "vitest";
import { isApiUserAccount } from "./client.js";
import { noSettings } from "../../../test/settings.js";
import { checkInputs, iseApiUser } from "./handler.js";
import { inputsOf, liveOutputs } from "./mappers.js";
import { wireAccount, wireAccountPage, wireDeleted, wireHeldRolePage } from "./wire.js";

const PASSWORD = "Str0ng-Passw0rd";

/** An account answer as a real tenant might send it: extra fields, values we never documented. */
const account = (over: Record<string, unknown>) =>
  wireAccount.parse({
    id: 10042,
    createdAt: 1509633426359,
    createdBy: 10000,
    uid: "ise@example.com",
    emailAddress: "ise@example.com",
    username: "ise@example.com",
    inviteState: "None",
    enabled: true,
    superUser: false,
    accountType: "API",
    // Fields this client does not know: dropped, never a failure.
    trackingId: "x-1",
    gdprProfile: { obfuscated: ["uid"] },
    ...over,
  });

const held = (names: string[]) =>
  wireHeldRolePage.parse({ totalCount: names.length, searchResults: names.map((name, i) => ({ id: 1000 + i, name, spaceSpecific: false, dmPartitionId: null, description: "new field" })) })
    .searchResults;

/** Refresh: live account -> outputs -> inputs; then check them and diff them against the outputs. */
async function roundTrip(over: Record<string, unknown>, roles = ["Cisco ISE Operations"]) {
  const outs = liveOutputs(account(over), held(roles), { password: PASSWORD });
  const inputs = inputsOf(outs);
  const checked = checkInputs(inputs, noSettings());
  const d = await iseApiUser.with(noSettings()).diff(outs.accountId, outs, checked.inputs);
  return { outs, inputs, failures: checked.failures, diff: d };
}

describe("IseApiUser read-back values pass check again and show no change", () => {
  const cases: Array<[string, Record<string, unknown>, string[]?]> = [
    ["emailAddress in another letter case", { emailAddress: "ISE@Example.COM", uid: "ISE@Example.COM" }],
    ["a username that is not an email address", { username: "svc-ise" }],
    ["an empty username (falls back to the email address)", { username: "" }],
    ["a first name with padding", { firstName: " Ise " }],
    ["a last name longer than the guessed 255 limit", { lastName: "L".repeat(300) }],
    ["an empty display name", { displayName: "" }],
    ["a display name Ivanti filled in", { firstName: "Ise", lastName: "Robot", displayName: "Ise Robot" }],
    ["enabled false", { enabled: false }],
    ["enabled missing", { enabled: null }],
    ["an accountType we never saw", { accountType: "SERVICE_PRINCIPAL" }],
    ["no accountType at all", { accountType: undefined }],
    ["roles with the other ISE spelling", {}, ["API Management Cisco ISE Operations"]],
    ["roles with a role name we never heard of", {}, ["Cisco ISE Operations", "Quantum Device Wrangler"]],
    ["the same role held in two spaces", {}, ["Cisco ISE Operations", "Device Read Only", "Device Read Only"]],
  ];
  for (const [name, over, roles] of cases) {
    it(name, async () => {
      const r = await roundTrip(over, roles);
      expect(r.failures).toEqual([]);
      expect(r.diff.changes).toBe(false);
      expect(r.diff.changed).toEqual([]);
    });
  }

  it("keeps an unknown accountType as the vendor sends it and does not call it an API user", () => {
    const a = account({ accountType: "SERVICE_PRINCIPAL" });
    expect(a.accountType).toBe("SERVICE_PRINCIPAL");
    expect(isApiUserAccount(a)).toBe(false);
    expect(isApiUserAccount(account({ accountType: "api" }))).toBe(true);
    expect(isApiUserAccount(account({ accountType: null, apiUser: true }))).toBe(true);
    expect(isApiUserAccount(account({ accountType: undefined }))).toBeUndefined();
    expect(a).not.toHaveProperty("trackingId");
  });

  it("keeps an unknown delete reason", () => {
    expect(wireDeleted.parse({ id: 1, deleted: false, reason: "HAS_ACTIVE_DEVICES", message: null, extra: 1 })).toEqual({ id: 1, deleted: false, reason: "HAS_ACTIVE_DEVICES", message: null });
  });
});

describe("IseApiUser reads createdAt in every form a tenant sends", () => {
  // Epoch milliseconds (the account samples), the same as a numeric string, and ISO-8601 text (the
  // public client's fixture of a real answer).
  const forms: Array<[string, unknown, string | null]> = [
    ["epoch milliseconds", 1633523724000, "2021-10-06T12:35:24.000Z"],
    ["epoch milliseconds as a numeric string", "1633523724000", "2021-10-06T12:35:24.000Z"],
    ["ISO-8601 text", "2021-10-06T12:35:24Z", "2021-10-06T12:35:24.000Z"],
    ["ISO-8601 text with an offset", "2021-10-06T14:35:24+02:00", "2021-10-06T12:35:24.000Z"],
    ["null", null, null],
    ["text that is no time", "yesterday", null],
    ["an object", { epoch: 1 }, null],
    ["a boolean", true, null],
  ];
  for (const [name, createdAt, iso] of forms) {
    it(`${name}: read back as ${iso ?? "unknown"}, and the round trip shows no change`, async () => {
      const r = await roundTrip({ createdAt });
      expect(r.outs.createdAt).toBe(iso);
      expect(r.failures).toEqual([]);
      expect(r.diff.changes).toBe(false);
    });
  }

  it("one account with an odd createdAt does not fail the page it is on", () => {
    const page = wireAccountPage.parse({
      totalCount: 2,
      searchResults: [
        { id: 1, uid: "a@example.com", createdAt: "2021-10-06T12:35:24Z" },
        { id: 2, uid: "b@example.com", createdAt: ["not", "a", "time"], createdBy: "someone" },
      ],
    });
    expect(page.searchResults.map((a) => a.createdAt)).toEqual([Date.UTC(2021, 9, 6, 12, 35, 24), null]);
    expect(page.searchResults[1]!.createdBy).toBeNull();
  });
});

describe("the account list answer of a real tenant (the public client's fixture) parses", () => {
  it("keeps accountType, accountSource and inviteState values, known or not, and reads the page fields", () => {
    const page = wireAccountPage.parse({
      totalCount: 3,
      searchResults: [
        { id: 1, uid: "a@example.com", accountType: "USER", accountSource: "AAD", inviteState: "Completed" },
        { id: 2, uid: "b@example.com", accountType: "API", accountSource: "LOCAL", inviteState: "None" },
        { id: 3, uid: "c@example.com", accountType: "ROBOT", accountSource: "SCIM_SOMETHING", inviteState: "Bounced" },
      ],
      offset: 0,
      limit: 3,
      queryTime: 231,
      facetedResults: { ACCOUNTTYPE: { SUPPORT: 3, API: 2, PARTNER_USER: 0, USER: 9581 }, ACCOUNTGROUP: { "MDM all": null } },
      totalUnfilteredResultCount: 0,
    });
    expect(page.searchResults.map((a) => [a.accountType, a.accountSource, a.inviteState])).toEqual([
      ["USER", "AAD", "Completed"],
      ["API", "LOCAL", "None"],
      ["ROBOT", "SCIM_SOMETHING", "Bounced"],
    ]);
    expect(page.searchResults.map(isApiUserAccount)).toEqual([false, true, false]);
    expect(page.facetedResults?.ACCOUNTTYPE).toEqual({ SUPPORT: 3, API: 2, PARTNER_USER: 0, USER: 9581 });
    expect([page.offset, page.limit, page.queryTime, page.totalUnfilteredResultCount]).toEqual([0, 3, 231, 0]);
  });

  it("a page whose extra fields have odd shapes still parses", () => {
    const page = wireAccountPage.parse({ totalCount: 0, searchResults: [], offset: "0", facetedResults: "none", queryTime: null });
    expect(page.searchResults).toEqual([]);
    expect(page.facetedResults).toBeUndefined();
  });
});
