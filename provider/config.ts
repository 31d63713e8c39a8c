// Which provider settings exist and where each comes from: stack config key `apiidentity:<name>`,
// else the environment variable named here, else a default. settings.ts resolves them into a value.
import { ConfigurationError } from "./errors.js";
import { lazyRecord } from "./lazy-record.js";
import { NETWORK_SETTINGS, type NetworkSettingName } from "./network-settings.js";
import { RATE_LIMIT_SETTINGS, type RateLimitSettingName } from "./rate-limit-settings.js";
import { envNameOf, formerNameOf, settingsPrefixOf } from "./setting-names.js";
import type { SettingDeclaration, VendorModule } from "./vendor-module.js";
import { VENDORS } from "./vendors/index.js";

/** Every setting each vendor module declares, by name, then the provider-wide network and rate-limit settings. */
const declared = lazyRecord((): Record<string, SettingDeclaration> => ({ ...Object.fromEntries(VENDORS.flatMap((v) => Object.entries(v.settings))), ...NETWORK_SETTINGS, ...RATE_LIMIT_SETTINGS }));

/** Each setting's environment variable, by setting name. */
export const SETTINGS: Readonly<Record<SettingName, string>> = lazyRecord(() => Object.fromEntries(Object.entries(declared).map(([name, d]) => [name, d.env])));

export type SettingName = ((typeof VENDORS)[number] extends infer V ? (V extends VendorModule<infer S> ? keyof S & string : never) : never) | NetworkSettingName | RateLimitSettingName;

/** Settings of kinds registered at run time (this package's tests add one): name → environment variable. */
const registered = new Map<string, string>();

/** Lets a kind registered with `registerHandler` read a setting of its own (`apiidentity:<name>` or `env`). */
export function registerSetting(name: string, env: string): void {
  if (name in SETTINGS) throw new ConfigurationError(`apiidentity: '${name}' is a setting of this package and cannot be registered again`);
  registered.set(name, env);
}

export function registeredSettings(): ReadonlyMap<string, string> {
  return registered;
}

/** Whether a setting is a credential, as its declaration says (never guessed from its name). */
export function isSecretSetting(name: SettingName): boolean {
  return declared[name]?.secret === true;
}

/** Whether a setting names the tenant, as its declaration says: a new value replaces a provider's resources. */
export function namesTenant(name: string): boolean {
  return declared[name]?.namesTenant === true;
}

/** The settings that name a tenant. */
export function tenantSettingNames(): SettingName[] {
  return (Object.keys(declared) as SettingName[]).filter(namesTenant);
}

export const CONFIG_NAMESPACE = "apiidentity";

/** What a setting is when neither stack config nor the environment sets it. */
export const DEFAULTS: Readonly<Partial<Record<SettingName, string>>> = lazyRecord(() =>
  Object.fromEntries(Object.entries(declared).flatMap(([name, d]) => (d.default === undefined ? [] : [[name, d.default]]))),
);

/** A setting's deprecated names: the stack config key (without namespace) and environment variable it had. */
export interface FormerNames {
  key: string;
  env: string;
}

/** The former names of each setting whose vendor declares a `formerSettingsPrefix`, by setting name. */
export const FORMER_NAMES: Readonly<Partial<Record<SettingName, FormerNames>>> = lazyRecord(() =>
  Object.fromEntries(
    VENDORS.flatMap((v) => {
      const former = v.formerSettingsPrefix;
      if (former === undefined) return [];
      return Object.keys(v.settings).map((name): [string, FormerNames] => {
        const key = formerNameOf(name, settingsPrefixOf(v.name), former);
        return [name, { key, env: envNameOf(key) }];
      });
    }),
  ),
);

/** The setting a deprecated stack config key stands for, if any. */
export function settingOfFormerKey(key: string): SettingName | undefined {
  return (Object.keys(FORMER_NAMES) as SettingName[]).find((name) => FORMER_NAMES[name]?.key === key);
}
