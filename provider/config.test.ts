// Settings as a value: stack config first, then the environment, then the defaults; the message of a
// missing setting names both places it can come from, and `--secret` exactly for declared secrets;
// settings renamed with their vendor's one name are still read under their former names, with a note.
import { describe, expect, it } from "vitest";
import { FORMER_NAMES, SETTINGS, registerSetting, settingOfFormerKey } from "./config.js";
import { recordingNotes } from "./notes.js";
import { registeredSetting, requireOneOf, requireSetting, resolveSettings, sameSettings } from "./settings.js";

describe("requireSetting", () => {
  it("names the config key and the environment variable; suggests --secret for a declared secret only", () => {
    const none = resolveSettings({ env: {} });
    expect(() => requireSetting(none, "ibmVerifyClientSecret", "IBM Verify")).toThrow(
      "IBM Verify: missing provider setting 'ibmVerifyClientSecret'. Set it with 'pulumi config set apiidentity:ibmVerifyClientSecret <value> --secret' or the environment variable IBM_VERIFY_CLIENT_SECRET.",
    );
    expect(() => requireSetting(none, "ibmVerifyClientId", "IBM Verify")).toThrow("'pulumi config set apiidentity:ibmVerifyClientId <value>' or");
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
    expect(s.rateLimitPacing).toBe("on");
    expect(s.rateLimitWaitSeconds).toBe("300");
    expect(Object.keys(s).sort()).toEqual(Object.keys(SETTINGS).sort());
    expect(Object.values(s).filter((v) => v !== undefined)).toHaveLength(4);
    expect(Object.isFrozen(s)).toBe(true);
  });

  it("names both alternatives when neither is set, and prefers the first", () => {
    expect(() => requireOneOf(resolveSettings({}), ["automationAnywhereApiKey", "automationAnywherePassword"], "Automation Anywhere")).toThrow(
      "Automation Anywhere: missing provider setting: set 'apiidentity:automationAnywhereApiKey' (or AUTOMATION_ANYWHERE_API_KEY) or 'apiidentity:automationAnywherePassword' (or AUTOMATION_ANYWHERE_PASSWORD).",
    );
    const both = resolveSettings({ env: { AUTOMATION_ANYWHERE_API_KEY: "key", AUTOMATION_ANYWHERE_PASSWORD: "pw" } });
    expect(requireOneOf(both, ["automationAnywhereApiKey", "automationAnywherePassword"], "Automation Anywhere")).toEqual({ name: "automationAnywhereApiKey", value: "key" });
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
    expect(() => registerSetting("ibmVerifyClientSecret", "X")).toThrow(/setting of this package/);
  });
});

describe("former setting names (before the settings followed the vendor's one name)", () => {
  const formerConfig = (values: Record<string, string>) => (k: string) => values[k];

  it("a former stack config key is read, with one note per name naming the current key and never the value", () => {
    const notes = recordingNotes();
    const config = formerConfig({ "apiidentity:controlRoomUrl": "https://cr.example", "apiidentity:verifyClientSecret": "s3cret-value" });
    const s = resolveSettings({ config, env: {}, notes });
    expect(s.automationAnywhereUrl).toBe("https://cr.example");
    expect(s.ibmVerifyClientSecret).toBe("s3cret-value");
    resolveSettings({ config, env: {}, notes });
    expect(notes.recorded).toEqual([
      {
        severity: "warning",
        text: "The stack config key 'apiidentity:controlRoomUrl' is a deprecated name of the setting 'apiidentity:automationAnywhereUrl'; it is still read, but rename it to 'apiidentity:automationAnywhereUrl'.",
      },
      {
        severity: "warning",
        text: "The stack config key 'apiidentity:verifyClientSecret' is a deprecated name of the setting 'apiidentity:ibmVerifyClientSecret'; it is still read, but rename it to 'apiidentity:ibmVerifyClientSecret'.",
      },
    ]);
    expect(notes.written()).not.toContain("s3cret-value");
  });

  it("order: current key, former key, current environment variable, former environment variable", () => {
    const notes = recordingNotes();
    const all = { "apiidentity:automationAnywhereUrl": "new-key", "apiidentity:controlRoomUrl": "old-key" };
    const env = { AUTOMATION_ANYWHERE_URL: "new-env", CONTROL_ROOM_URL: "old-env" };
    expect(resolveSettings({ config: formerConfig(all), env, notes }).automationAnywhereUrl).toBe("new-key");
    expect(notes.recorded).toEqual([]);
    expect(resolveSettings({ config: formerConfig({ "apiidentity:controlRoomUrl": "old-key" }), env, notes }).automationAnywhereUrl).toBe("old-key");
    expect(resolveSettings({ env, notes }).automationAnywhereUrl).toBe("new-env");
    expect(notes.recorded).toHaveLength(1);
    expect(resolveSettings({ env: { CONTROL_ROOM_URL: "old-env" }, notes }).automationAnywhereUrl).toBe("old-env");
    expect(notes.recorded.at(-1)!.text).toBe(
      "The environment variable CONTROL_ROOM_URL is a deprecated name of the setting AUTOMATION_ANYWHERE_URL; it is still read, but rename it to AUTOMATION_ANYWHERE_URL.",
    );
    expect(resolveSettings({ env: { VERIFY_TENANT_URL: "https://v.example", VERIFY_CLIENT_ID: "c" }, notes })).toMatchObject({ ibmVerifyTenantUrl: "https://v.example", ibmVerifyClientId: "c" });
  });

  it("every former name is its vendor's former prefix on the current name; only renamed vendors have them", () => {
    expect(FORMER_NAMES.automationAnywhereApiKey).toEqual({ key: "controlRoomApiKey", env: "CONTROL_ROOM_API_KEY" });
    expect(FORMER_NAMES.ibmVerifyTenantUrl).toEqual({ key: "verifyTenantUrl", env: "VERIFY_TENANT_URL" });
    expect(Object.keys(FORMER_NAMES).sort()).toEqual([
      "automationAnywhereApiKey",
      "automationAnywherePassword",
      "automationAnywhereUrl",
      "automationAnywhereUsername",
      "ibmVerifyClientId",
      "ibmVerifyClientSecret",
      "ibmVerifyTenantUrl",
    ]);
    expect(settingOfFormerKey("controlRoomPassword")).toBe("automationAnywherePassword");
    expect(settingOfFormerKey("uptrendsUsername")).toBeUndefined();
  });

  it("a missing setting is named by its current key and variable only", () => {
    expect(() => requireSetting(resolveSettings({ env: { CONTROL_ROOM_USERNAME: "u" }, notes: recordingNotes() }), "automationAnywhereUrl", "Automation Anywhere")).toThrow(
      "Automation Anywhere: missing provider setting 'automationAnywhereUrl'. Set it with 'pulumi config set apiidentity:automationAnywhereUrl <value>' or the environment variable AUTOMATION_ANYWHERE_URL.",
    );
  });
});
