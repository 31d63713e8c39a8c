// Where credentials come from: stack config (namespace `apiidentity`, set through the dynamic
// provider's configure()), then environment variables, read at call time so nothing is captured.
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
  // Used only by the test handler that proves the dynamic adapter captures no credential.
  memoToken: "APIIDENTITY_MEMO_TOKEN",
  memoStore: "APIIDENTITY_MEMO_STORE",
} as const;

export type SettingName = keyof typeof SETTINGS;

/** Whether a setting is a credential, as its declaration says (never guessed from its name). */
function isSecretSetting(name: SettingName): boolean {
  const facts: Partial<Record<SettingName, SettingFacts>> = SETTING_FACTS;
  return facts[name]?.secret === true;
}

export const CONFIG_NAMESPACE = "apiidentity";

const DEFAULTS: Partial<Record<SettingName, string>> = {
  uptrendsBaseUrl: "https://api.uptrends.com/v4",
  uipathBaseUrl: "https://cloud.uipath.com",
};

/** Stack config as handed to configure(); keys are `apiidentity:<name>`. */
let stackConfig: (key: string) => string | undefined = () => undefined;

export function setStackConfig(get: (key: string) => string | undefined): void {
  stackConfig = get;
}

/** A provider setting is missing or unusable: the message names the config key and the variable. */
export class ConfigError extends ConfigurationError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "ConfigError";
  }
}

/** A setting from stack config, else the environment, else its default. */
export function setting(name: SettingName): string | undefined {
  const fromConfig = stackConfig(`${CONFIG_NAMESPACE}:${name}`);
  if (fromConfig !== undefined && fromConfig !== "") return fromConfig;
  const fromEnv = process.env[SETTINGS[name]];
  if (fromEnv !== undefined && fromEnv !== "") return fromEnv;
  return DEFAULTS[name];
}

/** A setting that must be there; the error names both places it can come from. */
export function requireSetting(name: SettingName, vendor: string): string {
  const v = setting(name);
  if (v === undefined) {
    throw new ConfigError(
      `${vendor}: missing provider setting '${name}'. Set it with 'pulumi config set ${CONFIG_NAMESPACE}:${name} <value>${isSecretSetting(name) ? " --secret" : ""}' or the environment variable ${SETTINGS[name]}.`,
    );
  }
  return v;
}

/** The first of several alternative settings that is set (e.g. API key or password). */
export function requireOneOf(names: SettingName[], vendor: string): { name: SettingName; value: string } {
  for (const name of names) {
    const v = setting(name);
    if (v !== undefined) return { name, value: v };
  }
  const list = names.map((n) => `'${CONFIG_NAMESPACE}:${n}' (or ${SETTINGS[n]})`).join(" or ");
  throw new ConfigError(`${vendor}: missing provider setting: set ${list}.`);
}
