// The provider configuration as the engine sends it: CheckConfig and DiffConfig get the `apiidentity:*`
// stack config as provider inputs (keys without the namespace), Configure gets the same inputs as
// `args` (secrets still wrapped) and as `variables` (`apiidentity:config:<key>` or `apiidentity:<key>`,
// every value a string). From those come the settings value the handlers run with, resolved with
// the environment fallbacks exactly as the dynamic provider resolves them.
import { CONFIG_NAMESPACE, FORMER_NAMES, isSecretSetting, SETTINGS, settingOfFormerKey, tenantSettingNames, type SettingName } from "../config.js";
import type { Notes } from "../notes.js";
import { resolveSettings, type Settings } from "../settings.js";
import { holdsUnknown, UNKNOWN, type CheckFailure } from "../resource.js";
import { isSecret, reveal, secret, type Values } from "./struct.js";
import type { DiffAnswer } from "./diff.js";

/** Inputs the engine itself may add to a provider's configuration. */
const ENGINE_KEYS = new Set(["version", "pluginDownloadURL"]);

/** A setting's key, or a deprecated former key of one (read as that setting, schema.json marks it deprecated). */
const isSetting = (key: string): boolean => Object.hasOwn(SETTINGS, key) || settingOfFormerKey(key) !== undefined;

/** A configuration value as the one string a setting holds (other JSON values as JSON, as the engine does). */
function asText(v: unknown): string | undefined {
  const plain = reveal(v);
  if (plain === undefined || plain === null) return undefined;
  return typeof plain === "string" ? plain : JSON.stringify(plain);
}

/**
 * The settings a Configure request holds: `args` first, then `variables`, then the environment;
 * `notes` hears of a setting given under its former name.
 */
export function settingsFromConfigure(variables: ReadonlyMap<string, string>, args: Values, env: Readonly<Record<string, string | undefined>>, notes?: Notes): Settings {
  const config = (key: string): string | undefined => {
    const name = key.startsWith(`${CONFIG_NAMESPACE}:`) ? key.slice(CONFIG_NAMESPACE.length + 1) : key;
    return asText(args[name]) ?? variables.get(`${CONFIG_NAMESPACE}:config:${name}`) ?? variables.get(`${CONFIG_NAMESPACE}:${name}`);
  };
  return resolveSettings({ config, env, ...(notes ? { notes } : {}) });
}

/**
 * CheckConfig: every key must be a setting of this provider and hold text. A key that is no setting
 * is refused by name rather than ignored, so a typo in `pulumi config set apiidentity:…` is found at
 * once instead of as a missing credential later. Each secret setting comes back a secret, however the
 * program gave it (a generated SDK's Provider reads its environment variable as plain text), so the
 * engine never keeps one plain in state.
 */
export function checkConfig(news: Values): { inputs: Values; failures: CheckFailure[] } {
  return { inputs: secretSettings(news), failures: configFailures(news) };
}

/** `news` with each secret setting's value a secret; `news` itself when each already is. */
function secretSettings(news: Values): Values {
  const plain = Object.keys(news).filter((key) => {
    const name = Object.hasOwn(SETTINGS, key) ? (key as SettingName) : settingOfFormerKey(key);
    const v = news[key];
    return name !== undefined && isSecretSetting(name) && v !== undefined && v !== null && !isSecret(v);
  });
  if (plain.length === 0) return news;
  return { ...news, ...Object.fromEntries(plain.map((key) => [key, secret(news[key])])) };
}

function configFailures(news: Values): CheckFailure[] {
  const failures: CheckFailure[] = [];
  for (const [key, raw] of Object.entries(news)) {
    if (ENGINE_KEYS.has(key) || key.startsWith("__")) continue;
    if (!isSetting(key)) {
      failures.push({ property: key, reason: `'${CONFIG_NAMESPACE}:${key}' is not a setting of the apiidentity provider; the settings are ${Object.keys(SETTINGS).join(", ")}.` });
      continue;
    }
    const v = reveal(raw);
    if (v !== undefined && v !== null && typeof v !== "string" && !holdsUnknown(v)) {
      failures.push({ property: key, reason: `'${CONFIG_NAMESPACE}:${key}' must be a string, not ${Array.isArray(v) ? "a list" : typeof v}.` });
    }
  }
  return failures;
}

/**
 * DiffConfig: which settings changed, and which of them replace. A setting that names the tenant
 * (its declaration's `namesTenant`) given a new value points the provider at other identities, so
 * its resources are replaced; new credentials or network settings reach the same identities and only
 * update the provider. A tenant setting given where there was none, or taken away, is no replacement:
 * the environment may name the same tenant, and the diff cannot see it.
 */
export function diffConfig(olds: Values, news: Values): DiffAnswer {
  const keys = [...new Set([...Object.keys(olds), ...Object.keys(news)])].filter((k) => !ENGINE_KEYS.has(k) && !k.startsWith("__")).sort();
  const changed = keys.filter((k) => asText(olds[k]) !== asText(news[k]));
  const replaces: string[] = tenantSettingNames().filter((name) => newTenant(tenantValue(olds, name), tenantValue(news, name)));
  const detailedDiff: DiffAnswer["detailedDiff"] = {};
  for (const k of [...changed, ...replaces]) {
    const before = asText(olds[k]);
    const after = asText(news[k]);
    const kind = before === undefined ? "add" : after === undefined ? "delete" : "update";
    detailedDiff[k] = { kind: replaces.includes(k) ? `${kind}-replace` : kind, inputDiff: true };
  }
  const diffs = [...new Set([...changed, ...replaces])].sort();
  return { changes: diffs.length > 0, replaces, diffs, detailedDiff, deleteBeforeReplace: false };
}

/** A tenant setting's value under its current key, else its former one. */
function tenantValue(values: Values, name: SettingName): string | undefined {
  const former = FORMER_NAMES[name]?.key;
  const v = asText(values[name]) ?? (former === undefined ? undefined : asText(values[former]));
  return v === "" ? undefined : v;
}

/** Whether two values of a tenant setting name different tenants (a URL's trailing slash aside); a value not known yet may. */
function newTenant(before: string | undefined, after: string | undefined): boolean {
  if (before === undefined || after === undefined) return false;
  if (after === UNKNOWN) return true;
  const plain = (v: string) => v.trim().replace(/\/+$/, "");
  return plain(before) !== plain(after);
}
