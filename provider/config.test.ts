// Settings as a value: stack config first, then the environment, then the defaults; the message of a
// missing setting names both places it can come from, and `--secret` exactly for declared secrets.
import { describe, expect, it } from "vitest";
import { SETTINGS, registerSetting } from "./config.js";
import { registeredSetting, requireOneOf, requireSetting, resolveSettings, sameSettings } from "./settings.js";

describe("requireSetting", () => {
  it("names the config key and the environment variable; suggests --secret for a declared secret only", () => {
    const none = resolveSettings({ env: {} });
    expect(() => requireSetting(none, "verifyClientSecret", "IBM Verify")).toThrow(
      "IBM Verify: missing provider setting 'verifyClientSecret'. Set it with 'pulumi config set apiidentity:verifyClientSecret <value> --secret' or the environment variable VERIFY_CLIENT_SECRET.",
    );
    expect(() => requireSetting(none, "verifyClientId", "IBM Verify")).toThrow("'pulumi config set apiidentity:verifyClientId <value>' or");
  });

  it("takes the environment when stack config does not set it", () => {
    const settings = resolveSettings({ config: () => undefined, env: { [SETTINGS.uipathOrganization]: "acme" } });
    expect(requireSetting(settings, "uipathOrganization", "UiPath")).toBe("acme");
  });
});

describe("resolveSettings", () => {
  it("takes stack config `apiidentity:<name>` before the environment, and an empty value as unset", () => {
    const config = (key: string) => ({ "apiidentity:uptrendsUsername": "from-config", "apiidentity:uptrendsPassword": "" })[key];
    const s = resolveSettings({ config, env: { UPTRENDS_USERNAME: "from-env", UPTRENDS_PASSWORD: "pw-from-env" } });
    expect(s.uptrendsUsername).toBe("from-config");
    expect(s.uptrendsPassword).toBe("pw-from-env");
  });

  it("fills the defaults, reads nothing it is not given, and cannot be changed", () => {
    const s = resolveSettings({ env: {} });
    expect(s.uptrendsBaseUrl).toBe("https://api.uptrends.com/v4");
    expect(s.uipathBaseUrl).toBe("https://cloud.uipath.com");
    expect(Object.keys(s).sort()).toEqual(Object.keys(SETTINGS).sort());
    expect(Object.values(s).filter((v) => v !== undefined)).toHaveLength(2);
    expect(Object.isFrozen(s)).toBe(true);
  });

  it("names both alternatives when neither is set, and prefers the first", () => {
    expect(() => requireOneOf(resolveSettings({}), ["controlRoomApiKey", "controlRoomPassword"], "Automation Anywhere")).toThrow(
      "Automation Anywhere: missing provider setting: set 'apiidentity:controlRoomApiKey' (or CONTROL_ROOM_API_KEY) or 'apiidentity:controlRoomPassword' (or CONTROL_ROOM_PASSWORD).",
    );
    const both = resolveSettings({ env: { CONTROL_ROOM_API_KEY: "key", CONTROL_ROOM_PASSWORD: "pw" } });
    expect(requireOneOf(both, ["controlRoomApiKey", "controlRoomPassword"], "Automation Anywhere")).toEqual({ name: "controlRoomApiKey", value: "key" });
  });

  it("compares by the settings held", () => {
    const a = resolveSettings({ env: { UPTRENDS_USERNAME: "u" } });
    expect(sameSettings(a, resolveSettings({ config: (k) => (k === "apiidentity:uptrendsUsername" ? "u" : undefined) }))).toBe(true);
    expect(sameSettings(a, resolveSettings({ env: { UPTRENDS_USERNAME: "v" } }))).toBe(false);
  });
});

describe("settings of a registered kind", () => {
  it("resolve from stack config, then the environment, beside the package's own; a package setting cannot be taken", () => {
    registerSetting("testOnlyToken", "APIIDENTITY_TEST_ONLY_TOKEN");
    const fromConfig = resolveSettings({ config: (k) => (k === "apiidentity:testOnlyToken" ? "c" : undefined), env: { APIIDENTITY_TEST_ONLY_TOKEN: "e" } });
    const fromEnv = resolveSettings({ env: { APIIDENTITY_TEST_ONLY_TOKEN: "e" } });
    expect(registeredSetting(fromConfig, "testOnlyToken")).toBe("c");
    expect(registeredSetting(fromEnv, "testOnlyToken")).toBe("e");
    expect(registeredSetting(resolveSettings({}), "testOnlyToken")).toBeUndefined();
    expect("testOnlyToken" in fromConfig).toBe(false);
    expect(sameSettings(fromConfig, fromEnv)).toBe(false);
    expect(sameSettings(fromEnv, resolveSettings({ env: { APIIDENTITY_TEST_ONLY_TOKEN: "e" } }))).toBe(true);
    expect(() => registerSetting("verifyClientSecret", "X")).toThrow(/setting of this package/);
  });
});
