import { describe, expect, it } from "vitest";
import { fakeVendor, tenantSettings } from "../test/audit-fixture.js";
import { managedOf, sourcesOf, type StackState } from "./audit-tenants.js";
import type { StackConfigJson } from "./tenants.js";

const SIG = "4dabf18193072939515e22adb298388d";
const A = "https://a.example.com";
const B = "https://b.example.com";
const C = "https://c.example.com";
const DYN = "pulumi-nodejs:dynamic/apiidentity:";
const PLUGIN = "apiidentity:index:";
const euProvider = "urn:pulumi:dev::p::pulumi:providers:apiidentity::eu";
const config: StackConfigJson = { "apiidentity:profiles": { value: JSON.stringify({ b: { ibmVerifyTenantUrl: B, ibmVerifyClientId: "x" }, c: { ibmVerifyTenantUrl: C, ibmVerifyClientId: "y" } }) } };

const dev: StackState = {
  stack: "dev",
  settings: tenantSettings(A, undefined),
  config,
  resources: [
    { urn: "urn:pulumi:dev::p::pulumi:pulumi:Stack::p-dev", type: "pulumi:pulumi:Stack" },
    { urn: `urn:pulumi:dev::p::${DYN}VerifyApiClient::own`, type: `${DYN}VerifyApiClient`, id: "c1", inputs: {} },
    { urn: `urn:pulumi:dev::p::${DYN}VerifyApiClient::viaProfile`, type: `${DYN}VerifyApiClient`, id: "c2", inputs: { profile: "b" } },
    { urn: euProvider, type: "pulumi:providers:apiidentity", id: "pid", inputs: { ibmVerifyTenantUrl: "https://eu.example.com", ibmVerifyClientId: "eu", ibmVerifyClientSecret: { [SIG]: "1b47061264138c4ac30d75fd1eb44270", plaintext: '"shown"' } } },
    { urn: "urn:pulumi:dev::p::pulumi:providers:apiidentity::default_0_1_0", type: "pulumi:providers:apiidentity", id: "d" },
    { urn: `urn:pulumi:dev::p::${PLUGIN}VerifyApiClient::viaProvider`, type: `${PLUGIN}VerifyApiClient`, id: "c3", provider: `${euProvider}::pid` },
    { urn: `urn:pulumi:dev::p::${PLUGIN}VerifyApiClient::viaDefault`, type: `${PLUGIN}VerifyApiClient`, id: "c4", provider: "urn:pulumi:dev::p::pulumi:providers:apiidentity::default_0_1_0::d" },
    { urn: `urn:pulumi:dev::p::${DYN}VerifyApiClient::pending`, type: `${DYN}VerifyApiClient`, inputs: {} },
  ],
};

describe("audit tenants and cross-reference", () => {
  it("sources: each stack's own settings, each --profile, then the profiles and explicit providers the state uses", () => {
    const s = sourcesOf([dev], ["c"], {});
    expect(s.map((x) => [x.source, x.settings.ibmVerifyTenantUrl])).toEqual([
      ["stack dev", A],
      ["profile c", C],
      ["profile b", B],
      ["provider eu", "https://eu.example.com"],
    ]);
    expect(s[3]!.settings.ibmVerifyClientSecret).toBe("shown");
  });

  it("an unknown --profile is refused with the profiles there are", () => {
    expect(() => sourcesOf([dev], ["nope"], {})).toThrow("the settings profile 'nope' does not exist");
  });

  it("each resource of either type token is managed at the tenant its own settings address: stack, profile, explicit or default provider", () => {
    const m = managedOf([dev], [fakeVendor("ibm-verify", {})], {});
    expect(m.map((r) => [r.urn.split("::").pop(), r.kind, r.id, r.tenant])).toEqual([
      ["own", "VerifyApiClient", "c1", A],
      ["viaProfile", "VerifyApiClient", "c2", B],
      ["viaProvider", "VerifyApiClient", "c3", "https://eu.example.com"],
      ["viaDefault", "VerifyApiClient", "c4", A],
    ]);
    expect(m.every((r) => r.stack === "dev")).toBe(true);
  });
});
