// Which provider settings exist and where each comes from: stack config key `apiidentity:<name>`,
// else the environment variable named here, else a default. settings.ts resolves them into a value.
import { ConfigurationError } from "./errors.js";
import { SETTING_FACTS, type SettingFacts } from "./setting-facts.js";

export const SETTINGS = {
  uptrendsUsername: "UPTRENDS_USERNAME",
  uptrendsPassword: "UPTRENDS_PASSWORD",
  uptrendsBaseUrl: "UPTRENDS_BASE_URL",
  ivantiBaseUrl: "IVANTI_BASE_URL",
  ivantiUsername: "IVANTI_USERNAME",
  ivantiPassword: "IVANTI_PASSWORD",
  ivantiDmPartitionId: "IVANTI_DM_PARTITION_ID",
  ivantiIseRoleName: "IVANTI_ISE_ROLE_NAME",
  controlRoomUrl: "CONTROL_ROOM_URL",
  controlRoomUsername: "CONTROL_ROOM_USERNAME",
  controlRoomApiKey: "CONTROL_ROOM_API_KEY",
  controlRoomPassword: "CONTROL_ROOM_PASSWORD",
  verifyTenantUrl: "VERIFY_TENANT_URL",
  verifyClientId: "VERIFY_CLIENT_ID",
  verifyClientSecret: "VERIFY_CLIENT_SECRET",
  uipathBaseUrl: "UIPATH_BASE_URL",
  uipathOrganization: "UIPATH_ORGANIZATION",
  uipathPartitionGlobalId: "UIPATH_PARTITION_GLOBAL_ID",
  uipathClientId: "UIPATH_CLIENT_ID",
  uipathClientSecret: "UIPATH_CLIENT_SECRET",
  uipathScopes: "UIPATH_SCOPES",
} as const;

export type SettingName = keyof typeof SETTINGS;

/** Settings of kinds registered at run time (this package's tests add one): name → environment variable. */
const registered = new Map<string, string>();

/** Lets a kind registered with `registerHandler` read a setting of its own (`apiidentity:<name>` or `env`). */
export function registerSetting(name: string, env: string): void {
  if (name in SETTINGS) throw new Error(`apiidentity: '${name}' is a setting of this package and cannot be registered again`);
  registered.set(name, env);
}

export function registeredSettings(): ReadonlyMap<string, string> {
  return registered;
}

/** Whether a setting is a credential, as its declaration says (never guessed from its name). */
export function isSecretSetting(name: SettingName): boolean {
  const facts: Partial<Record<SettingName, SettingFacts>> = SETTING_FACTS;
  return facts[name]?.secret === true;
}

export const CONFIG_NAMESPACE = "apiidentity";

/** What a setting is when neither stack config nor the environment sets it. */
export const DEFAULTS: Partial<Record<SettingName, string>> = {
  uptrendsBaseUrl: "https://api.uptrends.com/v4",
  uipathBaseUrl: "https://cloud.uipath.com",
};

/** A provider setting is missing or unusable: the message names the config key and the variable. */
export class ConfigError extends ConfigurationError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "ConfigError";
  }
}
