import { describe, expect, it } from "vitest";
import { noSettings } from "../../../test/settings.js";
import { verifyApiClient as declared } from "./handler.js";

const verifyApiClient = declared.with(noSettings());
import type { VerifyApiClientInputs, VerifyApiClientOutputs } from "./inputs.js";

const olds: VerifyApiClientOutputs = {
  clientName: "ci-robot",
  entitlements: ["readUsers", "manageUserGroups"],
  enabled: true,
  description: "robot",
  ipFilterOp: "allow",
  ipFilters: ["10.0.0.0/8", "2001:db8::1"],
  scopes: [{ name: "openid" }, { name: "profile", description: "p" }],
  secretRotation: 1,
  apiClientId: "obj-1",
  clientId: "oauth-1",
  clientSecret: "s",
};
const { apiClientId: _a, clientId: _c, clientSecret: _s, ...same } = olds;

const diff = (news: Partial<VerifyApiClientInputs>) => verifyApiClient.diff("obj-1", olds, { ...same, ...news } as VerifyApiClientInputs);

describe("VerifyApiClient diff", () => {
  it("no change for identical inputs", async () => {
    expect(await diff({})).toEqual({ changes: false, replaces: [], changed: [] });
  });

  it("no change for values equal under normalisation", async () => {
    const r = await diff({
      entitlements: ["manageUserGroups", "readUsers", "readUsers"],
      ipFilters: ["2001:DB8::1", "10.0.0.0/8"],
      scopes: [{ name: "profile", description: "p" }, { name: "openid", description: "" }],
      secretRotation: "1",
      restrictScopes: false,
    });
    expect(r.changes).toBe(false);
  });

  it("enabled defaults to true", async () => {
    const { enabled: _e, ...withoutEnabled } = same;
    expect((await verifyApiClient.diff("obj-1", olds, withoutEnabled as VerifyApiClientInputs)).changes).toBe(false);
  });

  it("importId never causes a diff", async () => {
    expect((await diff({ importId: "obj-1" })).changes).toBe(false);
    expect((await verifyApiClient.diff("obj-1", { ...olds, importId: "a" }, { ...same, importId: "b" })).changes).toBe(false);
  });

  it.each([
    ["clientName", { clientName: "renamed" }],
    ["entitlements", { entitlements: ["readUsers"] }],
    ["description", { description: "other" }],
    ["enabled", { enabled: false }],
    ["ipFilterOp", { ipFilterOp: "deny" as const }],
    ["ipFilters", { ipFilters: ["10.0.0.0/8"] }],
    ["restrictScopes", { restrictScopes: true }],
    ["scopes", { scopes: [{ name: "openid" }] }],
    ["secretRotation", { secretRotation: 2 }],
  ])("%s updates in place (nothing replaces)", async (prop, news) => {
    const r = await diff(news);
    expect(r).toEqual({ changes: true, replaces: [], changed: [prop] });
  });

  it("declares no replace-on-change property of the client (only the settings profile, another tenant)", () => {
    expect(declared.replaceOnChanges).toEqual(["profile"]);
    expect(declared.secretOutputs).toEqual(["clientSecret"]);
  });
});
