import { describe, expect, it } from "vitest";
import { ConfigurationError } from "./errors.js";
import { parseProfiles, profileSettings } from "./profiles.js";
import { requireSetting } from "./settings.js";

const SIG = "4dabf18193072939515e22adb298388d";
const raw = JSON.stringify({
  eu: { uipathOrganization: "org-eu", uipathClientId: "id-eu", uipathClientSecret: "secret-eu" },
  us: { uipathOrganization: "org-us", uipathBaseUrl: "https://us.example.com" },
});

describe("parseProfiles", () => {
  it("reads JSON text and objects, with secret leaves unwrapped", () => {
    expect(parseProfiles(raw)?.eu?.uipathClientSecret).toBe("secret-eu");
    expect(parseProfiles({ eu: { uipathClientSecret: { [SIG]: "1b47061264138c4ac30d75fd1eb44270", value: "s" } } })?.eu?.uipathClientSecret).toBe("s");
    expect(parseProfiles(undefined)).toBeUndefined();
    expect(parseProfiles("")).toBeUndefined();
  });
  it("a key that is no setting fails, naming the profile and the key, and shows no value", () => {
    const e = (() => {
      try {
        parseProfiles({ eu: { uipathClientSecet: "hunter2" } });
      } catch (err) {
        return err as Error;
      }
    })();
    expect(e).toBeInstanceOf(ConfigurationError);
    expect(e?.message).toContain("profile 'eu' has the key 'uipathClientSecet'");
    expect(e?.message).not.toContain("hunter2");
  });
  it("a value that is not an object of profiles fails and says how to set one", () => {
    expect(() => parseProfiles("[1]")).toThrow(/'apiidentity:profiles' is not an object of profiles.*pulumi config set --path apiidentity:profiles\./);
    expect(() => parseProfiles("{not json")).toThrow(ConfigurationError);
    expect(() => parseProfiles({ eu: "x" })).toThrow(/profile 'eu'.*not an object of settings/);
  });
});

describe("profileSettings", () => {
  const profiles = parseProfiles(raw);
  it("takes the profile's own settings, then the declared defaults; never the stack's or the environment's vendor settings", () => {
    const eu = profileSettings(profiles, "eu", { config: (k) => (k === "apiidentity:uipathClientId" ? "stack-id" : k === "apiidentity:uipathBaseUrl" ? "https://stack.example.com" : undefined), env: { UIPATH_CLIENT_SECRET: "env-secret" } });
    expect(eu.uipathOrganization).toBe("org-eu");
    expect(eu.uipathClientId).toBe("id-eu");
    expect(eu.uipathBaseUrl).toBe("https://cloud.uipath.com");
    const us = profileSettings(profiles, "us", { env: { UIPATH_CLIENT_SECRET: "env-secret" } });
    expect(us.uipathBaseUrl).toBe("https://us.example.com");
    expect(us.uipathClientSecret).toBeUndefined();
  });
  it("the network settings apply per profile, else the stack's and the environment's", () => {
    const withProxy = parseProfiles({ eu: { proxyUrl: "http://eu-proxy:3128" }, us: {} });
    expect(profileSettings(withProxy, "eu", { env: { APIIDENTITY_PROXY_URL: "http://env-proxy:1" } }).proxyUrl).toBe("http://eu-proxy:3128");
    expect(profileSettings(withProxy, "us", { env: { APIIDENTITY_PROXY_URL: "http://env-proxy:1" } }).proxyUrl).toBe("http://env-proxy:1");
    expect(profileSettings(withProxy, "us", { config: (k) => (k === "apiidentity:caCertificates" ? "/ca.pem" : undefined) }).caCertificates).toBe("/ca.pem");
  });
  it("a profile that does not exist fails, naming it, the profiles there are and what to do", () => {
    expect(() => profileSettings(profiles, "apac")).toThrow("the settings profile 'apac' does not exist: the stack config 'apiidentity:profiles' holds 'eu', 'us'. Add it with 'pulumi config set --path apiidentity:profiles.apac.<setting> <value>'");
    expect(() => profileSettings(undefined, "eu")).toThrow("the settings profile 'eu' does not exist: the stack config has no 'apiidentity:profiles'");
  });
  it("a setting the profile lacks fails where it is needed, naming the profile and the key", () => {
    const us = profileSettings(profiles, "us");
    expect(() => requireSetting(us, "uipathClientSecret", "UiPath")).toThrow(
      "UiPath: the settings profile 'us' lacks the setting 'uipathClientSecret'. Set it with 'pulumi config set --path apiidentity:profiles.us.uipathClientSecret <value> --secret'.",
    );
    expect(requireSetting(profileSettings(profiles, "eu"), "uipathClientSecret", "UiPath")).toBe("secret-eu");
  });
});
