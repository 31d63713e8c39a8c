// What a refresh (read) or an adoption writes into inputs must pass check again, and diff against
// the same account must show no change, whatever values the vendor holds.
import { describe, expect, it } from "vitest";
import { noSettings } from "../../../test/settings.js";
import { uptrendsApiAccount } from "./handler.js";

const h = uptrendsApiAccount.with(noSettings());
import { toInputs, toOutputs } from "./mappers.js";
import { wireApiUser } from "./wire.js";

const base = {
  apiUserGuid: "3F0C0000-1111-4222-8333-444455556666",
  operatorGuid: "2F3C9A1E-6B7D-4E58-9A0C-1D2E3F4A5B6C",
  description: "robot",
  userName: "0123456789abcdef",
  apiAccessType: "Generic",
  createdDate: "2025-01-02T03:04:05.678Z",
  lastUsed: null,
};

const variants: [string, Record<string, unknown>][] = [
  ["camelCase answer with extra fields", { ...base, hash: "x", isLocked: true }],
  ["an access type we never saw", { ...base, apiAccessType: "SomethingNew" }],
  ["no access type, dates or usage", { apiUserGuid: base.apiUserGuid, operatorGuid: base.operatorGuid, userName: "u" }],
  ["a null description (the vendor default)", { ...base, description: null }],
  ["an empty description", { ...base, description: "" }],
  ["a description with any characters", { ...base, description: "  ünïcode, <tags> & \"quotes\"\n" }],
];

describe("UptrendsApiAccount: values a refresh writes into inputs", () => {
  it.each(variants)("%s pass check and diff as unchanged", async (_what, answer) => {
    const outs = toOutputs(wireApiUser.parse(answer), { password: "" });
    const refreshed = toInputs(outs);
    const checked = await h.check(undefined, refreshed);
    expect(checked.failures).toEqual([]);
    const d = await h.diff(outs.apiUserGuid, outs, checked.inputs);
    expect(d.changes).toBe(false);
  });

  it("an adopted account's importId passes check again", async () => {
    const outs = toOutputs(wireApiUser.parse(base), { password: "", importId: base.apiUserGuid.toLowerCase() });
    const checked = await h.check(undefined, toInputs(outs));
    expect(checked.failures).toEqual([]);
    expect((await h.diff(outs.apiUserGuid, outs, checked.inputs)).changes).toBe(false);
  });
});
