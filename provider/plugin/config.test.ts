import { describe, expect, it } from "vitest";
import { UNKNOWN } from "../resource.js";
import { isSecretSetting, tenantSettingNames } from "../config.js";
import { checkConfig, diffConfig, settingsFromConfigure } from "./config.js";
import { secret } from "./struct.js";

describe("Configure: settings from the request", () => {
  it("reads args (secrets unwrapped) first, then variables in either spelling, then the environment", () => {
    const s = settingsFromConfigure(
      new Map([
        ["apiidentity:config:uptrendsUsername", "from-variables"],
        ["apiidentity:ivantiBaseUrl", "https://ivanti.example"],
      ]),
      { uptrendsUsername: "from-args", uptrendsPassword: secret("pw-from-args") },
      { UPTRENDS_USERNAME: "from-env", IBM_VERIFY_TENANT_URL: "https://verify.example", IVANTI_BASE_URL: "https://env.example" },
    );
    expect(s.uptrendsUsername).toBe("from-args");
    expect(s.uptrendsPassword).toBe("pw-from-args");
    expect(s.ivantiBaseUrl).toBe("https://ivanti.example");
    expect(s.ibmVerifyTenantUrl).toBe("https://verify.example");
    expect(s.uptrendsBaseUrl).toBe("https://api.uptrends.com/v4");
  });

  it("a variables-only request (an engine that sends no args) is enough", () => {
    const s = settingsFromConfigure(new Map([["apiidentity:config:automationAnywhereUrl", "https://cr.example"]]), {}, {});
    expect(s.automationAnywhereUrl).toBe("https://cr.example");
  });

  it("an empty value counts as unset, so the environment fills in", () => {
    const s = settingsFromConfigure(new Map(), { uipathOrganization: "" }, { UIPATH_ORGANIZATION: "org" });
    expect(s.uipathOrganization).toBe("org");
  });
});

describe("CheckConfig", () => {
  it("accepts the provider's settings, the engine's own keys and unknown values", () => {
    expect(checkConfig({ uptrendsUsername: "u", uptrendsPassword: secret("p"), version: "0.1.0", ibmVerifyTenantUrl: UNKNOWN }).failures).toEqual([]);
  });

  it("refuses a key that is no setting, naming it and the settings there are", () => {
    const r = checkConfig({ uptrendsUser: "u" });
    expect(r.failures).toHaveLength(1);
    expect(r.failures[0]!.property).toBe("uptrendsUser");
    expect(r.failures[0]!.reason).toMatch(/'apiidentity:uptrendsUser' is not a setting.*uptrendsUsername/);
  });

  it("refuses a setting that is not text", () => {
    expect(checkConfig({ uipathScopes: ["a", "b"] }).failures[0]!.reason).toMatch(/must be a string, not a list/);
  });

  it("makes each secret setting a secret, however the program gave it (plain text, the environment), so state never holds it plain", () => {
    const r = checkConfig({ uptrendsPassword: "p", uptrendsUsername: "u", verifyClientSecret: "s", proxyUrl: "http://user:pw@proxy:3128", ibmVerifyClientSecret: UNKNOWN });
    expect(r.failures).toEqual([]);
    expect(r.inputs).toEqual({
      uptrendsPassword: secret("p"),
      uptrendsUsername: "u",
      verifyClientSecret: secret("s"),
      proxyUrl: secret("http://user:pw@proxy:3128"),
      ibmVerifyClientSecret: secret(UNKNOWN),
    });
  });

  it("returns the inputs as given", () => {
    const news = { uptrendsPassword: secret("p") };
    expect(checkConfig(news).inputs).toBe(news);
  });
});

describe("DiffConfig", () => {
  it("no change when the settings are equal, secrets compared by value", () => {
    expect(diffConfig({ uptrendsPassword: secret("p"), version: "1" }, { uptrendsPassword: "p", version: "2" }).changes).toBe(false);
  });

  it("a changed setting is an update of the provider, never a replacement", () => {
    const d = diffConfig({ uptrendsPassword: "a", ivantiBaseUrl: "https://x" }, { uptrendsPassword: "b", uipathOrganization: "org" });
    expect(d.changes).toBe(true);
    expect(d.replaces).toEqual([]);
    expect(d.detailedDiff).toEqual({
      ivantiBaseUrl: { kind: "delete", inputDiff: true },
      uipathOrganization: { kind: "add", inputDiff: true },
      uptrendsPassword: { kind: "update", inputDiff: true },
    });
  });

  it("a new value of a setting that names the tenant replaces the provider's resources", () => {
    for (const key of ["ivantiBaseUrl", "uptrendsBaseUrl", "automationAnywhereUrl", "ibmVerifyTenantUrl", "uipathBaseUrl", "uipathOrganization", "uipathPartitionGlobalId"]) {
      const d = diffConfig({ [key]: "https://one.example", uipathClientSecret: secret("s") }, { [key]: "https://two.example", uipathClientSecret: secret("s") });
      expect(d.replaces, key).toEqual([key]);
      expect(d.detailedDiff, key).toEqual({ [key]: { kind: "update-replace", inputDiff: true } });
    }
  });

  it("new credentials, accounts or network settings change no resource", () => {
    const olds = { uipathClientId: "a", uipathClientSecret: secret("a"), uptrendsUsername: "u", uptrendsPassword: secret("p"), ivantiIseRoleName: "r", proxyUrl: secret("http://p:1") };
    const news = { uipathClientId: "b", uipathClientSecret: secret("b"), uptrendsUsername: "v", uptrendsPassword: secret("q"), ivantiIseRoleName: "s", proxyUrl: secret("http://p:2") };
    const d = diffConfig(olds, news);
    expect(d.changes).toBe(true);
    expect(d.replaces).toEqual([]);
    expect(d.diffs).toEqual(Object.keys(olds).sort());
  });

  it("a tenant URL that differs only by a trailing slash, or moves between a former and the current key, is the same tenant", () => {
    expect(diffConfig({ uipathBaseUrl: "https://cloud.uipath.com/" }, { uipathBaseUrl: "https://cloud.uipath.com" }).replaces).toEqual([]);
    const moved = diffConfig({ verifyTenantUrl: "https://t.example" }, { ibmVerifyTenantUrl: "https://t.example" });
    expect(moved.replaces).toEqual([]);
    expect(diffConfig({ verifyTenantUrl: "https://t.example" }, { ibmVerifyTenantUrl: "https://u.example" }).replaces).toEqual(["ibmVerifyTenantUrl"]);
  });

  it("a tenant setting given where there was none, or taken away, is no replacement: the environment may name the same tenant", () => {
    expect(diffConfig({}, { uipathBaseUrl: "https://cloud.uipath.com" }).replaces).toEqual([]);
    expect(diffConfig({ uipathBaseUrl: "https://cloud.uipath.com" }, {}).replaces).toEqual([]);
  });

  it("a tenant setting not known yet (computed by the program) replaces", () => {
    expect(diffConfig({ ivantiBaseUrl: "https://one.example" }, { ivantiBaseUrl: UNKNOWN }).replaces).toEqual(["ivantiBaseUrl"]);
  });
});

describe("settings that name the tenant", () => {
  it("are the declared base URLs, tenant URLs and UiPath's organization, nothing else", () => {
    expect(tenantSettingNames().sort()).toEqual(["automationAnywhereUrl", "ibmVerifyTenantUrl", "ivantiBaseUrl", "uipathBaseUrl", "uipathOrganization", "uipathPartitionGlobalId", "uptrendsBaseUrl"]);
  });

  it("no secret setting names a tenant (a tenant change is never hidden in state)", () => {
    for (const name of tenantSettingNames()) expect(isSecretSetting(name), name).toBe(false);
  });
});
