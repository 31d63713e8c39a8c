import { describe, expect, it } from "vitest";
import { providerSettings, profileSettingsOf, settingsOfResource, tenantOf, tenantUrl, vendorOfKind, type TenantStateResource } from "./tenants.js";
import { resolveSettings } from "../provider/settings.js";

const SIG = "4dabf18193072939515e22adb298388d";
const P = "apiidentity:index:";
const prodUrn = "urn:pulumi:dev::p::pulumi:providers:apiidentity::prod";
const state: TenantStateResource[] = [
  { urn: prodUrn, type: "pulumi:providers:apiidentity", inputs: { uipathBaseUrl: "https://prod.example.com/", uipathOrganization: "acme", uipathClientSecret: { [SIG]: "1b47061264138c4ac30d75fd1eb44270", plaintext: '"shown-secret"' } } },
  { urn: `urn:pulumi:dev::p::${P}UiPathRobotAccount::r`, type: `${P}UiPathRobotAccount`, provider: `${prodUrn}::id` },
  { urn: `urn:pulumi:dev::p::${P}UiPathRobotAccount::d`, type: `${P}UiPathRobotAccount`, provider: "urn:pulumi:dev::p::pulumi:providers:apiidentity::default_1_0_0::id" },
  { urn: "urn:pulumi:dev::p::pulumi-nodejs:dynamic/apiidentity:UiPathRobotAccount::e", type: "pulumi-nodejs:dynamic/apiidentity:UiPathRobotAccount", inputs: { profile: "eu" } },
];
const config = { "apiidentity:profiles": { value: JSON.stringify({ eu: { uipathOrganization: "eu-org" } }) }, "apiidentity:uipathOrganization": { value: "stack-org" } };

describe("the tenant of a resource in state", () => {
  it("is its profile, its explicit provider with the tenant URL, or none for the stack's own settings", () => {
    expect(tenantOf(state[1]!, "UiPathRobotAccount", state)).toBe("provider prod (https://prod.example.com/acme)");
    expect(tenantOf(state[2]!, "UiPathRobotAccount", state)).toBeUndefined();
    expect(tenantOf(state[3]!, "UiPathRobotAccount", state)).toBe("profile eu");
  });
  it("the tenant URL comes from the vendor's declared settings", () => {
    expect(tenantUrl(vendorOfKind("UptrendsApiAccount")!, resolveSettings({}))).toBe("https://api.uptrends.com/v4");
  });
});

describe("the settings a resource in state was managed with", () => {
  const stack = { settings: resolveSettings({ config: (k) => (k === "apiidentity:uipathOrganization" ? "stack-org" : undefined) }), config };
  it("an explicit provider's from its state, secrets as --show-secrets shows them", () => {
    const s = settingsOfResource(state[1]!, state, stack);
    expect([s.uipathOrganization, s.uipathClientSecret]).toEqual(["acme", "shown-secret"]);
    expect(providerSettings({ uipathClientSecret: { [SIG]: "1b47061264138c4ac30d75fd1eb44270", ciphertext: "x" } }).uipathClientSecret).toBeUndefined();
  });
  it("a profile's from the stack config, the stack's own for the others", () => {
    expect(settingsOfResource(state[3]!, state, stack).uipathOrganization).toBe("eu-org");
    expect(settingsOfResource(state[2]!, state, stack)).toBe(stack.settings);
    expect(() => profileSettingsOf(config, "apac", {})).toThrow("the settings profile 'apac' does not exist");
  });
});
