// Tolerant reading (issue #9, item 3): whatever a vendor may hold and send back for each property
// parses, becomes inputs that pass check again, and diffs against itself as no change.
import { describe, expect, it } from "vitest";
import { isApiUserAccount } from "./client.js";
import { noSettings } from "../../../test/settings.js";
import { checkInputs, iseApiUser } from "./handler.js";
import { inputsOf, liveOutputs } from "./mappers.js";
import { wireAccount, wireHeldRolePage, wireViability } from "./wire.js";

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

  it("keeps an unknown viability reason", () => {
    expect(wireViability.parse({ id: 1, deletable: false, reason: "HAS_ACTIVE_DEVICES", message: null, extra: 1 })).toEqual({ id: 1, deletable: false, reason: "HAS_ACTIVE_DEVICES", message: null });
  });
});
