// check (offline) and diff of ControlRoomUser: update vs replace, normalisation, importId, unknowns.
import { describe, expect, it } from "vitest";
import { noSettings } from "../../../test/settings.js";
import { controlRoomUser, diff } from "./handler.js";
import type { Inputs, Outputs } from "./inputs.js";

const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
// No settings: check must not try to reach a vendor.
const h = controlRoomUser.with(noSettings());

const news: Inputs = { username: "svc-bot", email: "svc@example.com", password: "Passw0rd!", roles: ["AAE_Basic", "Bot_Runner"], disabled: false, licenseFeatures: ["RUNTIME", "DEVELOPMENT"] };
const olds: Outputs = { ...news, userId: "2001", roleIds: [2, 26], passwordSet: true, emailVerified: false, createdOn: "2024-01-01T00:00:00.000Z" };

describe("ControlRoomUser check", () => {
  it("validates offline and names the property", async () => {
    const r = await h.check(undefined, { ...news, email: "nope", __provider: "x" });
    expect(r.failures).toEqual([{ property: "email", reason: expect.stringContaining("valid email") }]);
  });

  it("returns the parsed inputs with defaults and without engine keys", async () => {
    const r = await h.check(undefined, { username: "a", email: "a@example.com", password: "Passw0rd!", roles: ["AAE_Basic"], __provider: "x" });
    expect(r).toEqual({ inputs: { username: "a", email: "a@example.com", password: "Passw0rd!", roles: ["AAE_Basic"], disabled: false }, failures: [] });
  });

  it("leaves values not known yet (preview) to be checked at up", async () => {
    const r = await h.check(undefined, { username: "a", email: UNKNOWN, roles: [UNKNOWN], domain: UNKNOWN });
    expect(r.failures).toEqual([]);
    const r2 = await h.check(undefined, { username: "a", email: UNKNOWN, roles: [], password: "short" });
    expect(r2.failures.map((f) => f.property).sort()).toEqual(["password", "roles"]);
  });
});

describe("ControlRoomUser diff", () => {
  it("no change when only order or case of set-like values differs", () => {
    expect(diff(olds, { ...news, roles: ["bot_runner", "aae_basic"], licenseFeatures: ["DEVELOPMENT", "RUNTIME"], username: "SVC-bot" })).toMatchObject({ changes: false, replaces: [], changed: [] });
  });

  it("no change for vendor defaults left out, nor for importId", () => {
    const o: Outputs = { ...olds, enableAutoLogin: false, licenseFeatures: [] };
    const { licenseFeatures: _l, ...n } = news;
    expect(diff(o, { ...n, importId: "2001" }).changes).toBe(false);
    expect(diff({ ...olds, importId: "2001" }, news).changes).toBe(false);
  });

  it("updates in place what the PUT can change", () => {
    for (const [k, v] of Object.entries({ email: "x@example.com", password: "Other_Pass1", roles: ["AAE_Admin"], firstName: "A", lastName: "B", description: "d", disabled: true, enableAutoLogin: true, licenseFeatures: ["RUNTIME"] })) {
      const d = diff(olds, { ...news, [k]: v });
      expect(d, k).toMatchObject({ changes: true, replaces: [], changed: [k], deleteBeforeReplace: false });
    }
  });

  it("replaces on username (create first) and domain (delete first: the name stays taken)", () => {
    expect(diff(olds, { ...news, username: "svc-bot-2" })).toMatchObject({ changes: true, replaces: ["username"], deleteBeforeReplace: false });
    expect(diff(olds, { ...news, domain: "corp.example.com" })).toMatchObject({ changes: true, replaces: ["domain"], deleteBeforeReplace: true });
  });
});
