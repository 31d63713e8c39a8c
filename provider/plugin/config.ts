// The provider configuration as the engine sends it: CheckConfig and DiffConfig get the `apiidentity:*`
// stack config as provider inputs (keys without the namespace), Configure gets the same inputs as
// `args` (secrets still wrapped) and as `variables` (`apiidentity:config:<key>` or `apiidentity:<key>`,
// every value a string). From those come the settings value the handlers run with, resolved with
// the environment fallbacks exactly as the dynamic provider resolves them.
import { CONFIG_NAMESPACE, SETTINGS, settingOfFormerKey } from "../config.js";
import type { Notes } from "../notes.js";
import { resolveSettings, type Settings } from "../settings.js";
import { holdsUnknown, type CheckFailure } from "../resource.js";
import { reveal, type Values } from "./struct.js";
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
 * once instead of as a missing credential later.
 */
export function checkConfig(news: Values): { inputs: Values; failures: CheckFailure[] } {
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
  return { inputs: news, failures };
}

/**
 * DiffConfig: which settings changed. A changed setting is an update of the provider, never a
 * replacement: new credentials or base URLs reach the same identities, so no resource is replaced.
 */
export function diffConfig(olds: Values, news: Values): DiffAnswer {
  const keys = [...new Set([...Object.keys(olds), ...Object.keys(news)])].filter((k) => !ENGINE_KEYS.has(k) && !k.startsWith("__")).sort();
  const changed = keys.filter((k) => asText(olds[k]) !== asText(news[k]));
  const detailedDiff: DiffAnswer["detailedDiff"] = {};
  for (const k of changed) {
    const before = asText(olds[k]);
    const after = asText(news[k]);
    detailedDiff[k] = { kind: before === undefined ? "add" : after === undefined ? "delete" : "update", inputDiff: true };
  }
  return { changes: changed.length > 0, replaces: [], diffs: changed, detailedDiff, deleteBeforeReplace: false };
}
