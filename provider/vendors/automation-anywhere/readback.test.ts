// Tolerant reading, strict writing: whatever a refresh or an adoption writes into inputs passes
// check again and shows no change against itself, for every property, with values a real Control
// Room may hold that our documentation never listed.
import { describe, expect, it } from "vitest";
import { noSettings } from "../../../test/settings.js";
import { controlRoomUser, diff } from "./handler.js";
import type { Outputs } from "./inputs.js";
import { liveInputs, toOutputs } from "./mappers.js";
import { wireUser, type WireUser } from "./wire.js";

const h = controlRoomUser.with(noSettings());

const base: WireUser = {
  id: 3001,
  username: "svc-bot",
  domain: null,
  firstName: null,
  lastName: null,
  email: "svc@example.com",
  description: null,
  version: 3,
  deleted: false,
  roles: [{ id: 2, name: "AAE_Basic" }],
  licenseFeatures: [],
  emailVerified: true,
  passwordSet: true,
  enableAutoLogin: false,
  disabled: false,
  createdBy: 1,
  createdOn: "2024-01-01T00:00:00.000Z",
  updatedOn: "2024-01-01T00:00:00.000Z",
};

/** Per property: a value the vendor may hold that our documentation does not promise. */
const HELD: [string, Partial<WireUser>][] = [
  ["username", { username: "Svc.Bot@Corp" }],
  ["email", { email: "ops@localhost" }],
  ["email", { email: null }],
  ["email", { email: "First.Last+tag@sub.corp.example" }],
  ["roles", { roles: [{ id: 3, name: "Team" }, { id: 4, name: "TEAM" }] }],
  ["roles", { roles: [{ id: 26, name: null }] }],
  ["firstName", { firstName: "" }],
  ["lastName", { lastName: "Ünïcödé Ñame" }],
  ["description", { description: "x".repeat(5000) }],
  ["disabled", { disabled: null }],
  ["enableAutoLogin", { enableAutoLogin: true }],
  ["licenseFeatures", { licenseFeatures: ["ATTENDEDRUNTIME", "RUNTIME", "SOMETHINGNEW"] }],
  ["licenseFeatures", { licenseFeatures: ["RUNTIME", "RUNTIME"] }],
  ["domain", { domain: "" }],
  ["domain", { domain: "corp.example.com" }],
];

async function roundTrip(user: WireUser, prior: Record<string, unknown>): Promise<void> {
  const refreshed = liveInputs(user, prior);
  // check with no provider settings makes no vendor call: only the rules are judged.
  const checked = await h.check(undefined, refreshed);
  expect(checked.failures).toEqual([]);
  const outs: Outputs = toOutputs(user, refreshed);
  expect((await diff(outs, checked.inputs)).changes).toBe(false);
}

describe("a refresh writes only inputs that check accepts again", () => {
  it.each(HELD.map(([p, held], i) => [`${p} #${i}`, held] as const))("%s", async (_label, held) => {
    const user = wireUser.parse({ ...base, ...held });
    // Refresh of a managed user (the prior state knows the password and the declared email) …
    await roundTrip(user, { password: "Passw0rd!", email: "svc@example.com" });
    // … and adoption of an existing one (importId, no password).
    await roundTrip(user, { importId: "3001", email: "svc@example.com" });
  });

  it("an answer with fields nobody documented reads the same as without them", () => {
    const extra = wireUser.parse({ ...base, newField: { nested: true }, anotherOne: [1, 2], licenseFeatures: ["ATTENDEDRUNTIME"] });
    expect(liveInputs(extra, {})).toEqual(liveInputs(wireUser.parse({ ...base, licenseFeatures: ["ATTENDEDRUNTIME"] }), {}));
  });
});
