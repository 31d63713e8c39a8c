// Named settings profiles: `apiidentity:profiles` in stack config, an object of profile name → the
// usual settings keys, so one program can address several tenants of a vendor. A resource names its
// profile by name (its `profile` input), so state holds the name and never a credential, and new
// credentials in a profile change no resource. A profile stands alone for the vendors' settings (a
// setting it lacks is not taken from the stack's own settings, which may be another tenant's); the
// network settings (proxy, certificate authorities) are the network's, so a profile without them
// takes the stack's and the environment's.
import { CONFIG_NAMESPACE, FORMER_NAMES, SETTINGS, registeredSettings, type SettingName } from "./config.js";
import { ConfigurationError } from "./errors.js";
import { NETWORK_SETTINGS } from "./network-settings.js";
import { markProfile, resolveSettings, type SettingSources, type Settings } from "./settings.js";

/** The stack config key of the profiles. */
export const PROFILES_KEY = `${CONFIG_NAMESPACE}:profiles`;

/** Each profile's settings by setting name. */
export type Profiles = Readonly<Record<string, Readonly<Record<string, string>>>>;

/** Pulumi's mark of a secret value, as a nested secret may still carry it. */
const SECRET_SIG = "4dabf18193072939515e22adb298388d";

function unwrapSecret(v: unknown): unknown {
  return typeof v === "object" && v !== null && SECRET_SIG in v ? (v as { value?: unknown }).value : v;
}

/** Every key a profile may hold: the settings, their former names, and settings registered at run time. */
function knownKeys(): Set<string> {
  return new Set([...Object.keys(SETTINGS), ...Object.values(FORMER_NAMES).map((f) => f!.key), ...registeredSettings().keys()]);
}

const setExample = (profile: string) => `'pulumi config set --path ${PROFILES_KEY}.${profile}.<setting> <value>' (with --secret for a credential)`;

/**
 * The profiles of a stack config value: JSON text (as a program's config and the dynamic provider's
 * configure give it) or an object. Undefined when the stack sets none. A malformed value, a key that
 * is no setting or a value that is not text fails here, naming the profile and the key; the value
 * itself is never shown.
 */
export function parseProfiles(raw: unknown): Profiles | undefined {
  let value = unwrapSecret(raw);
  if (value === undefined || value === null || value === "") return undefined;
  if (typeof value === "string") {
    try {
      value = JSON.parse(value) as unknown;
    } catch {
      throw new ConfigurationError(`apiidentity: the stack config '${PROFILES_KEY}' is not an object of profiles. Set each setting of a profile with ${setExample("<profile>")}.`);
    }
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new ConfigurationError(`apiidentity: the stack config '${PROFILES_KEY}' is not an object of profiles. Set each setting of a profile with ${setExample("<profile>")}.`);
  }
  const known = knownKeys();
  const out: Record<string, Record<string, string>> = {};
  for (const [profile, rawSettings] of Object.entries(value)) {
    const settings = unwrapSecret(rawSettings);
    if (typeof settings !== "object" || settings === null || Array.isArray(settings)) {
      throw new ConfigurationError(`apiidentity: the settings profile '${profile}' in '${PROFILES_KEY}' is not an object of settings. Set each of its settings with ${setExample(profile)}.`);
    }
    const mine: Record<string, string> = {};
    for (const [key, rawValue] of Object.entries(settings)) {
      if (!known.has(key)) {
        throw new ConfigurationError(
          `apiidentity: the settings profile '${profile}' has the key '${key}', which is no provider setting. A profile holds the same keys as the stack config (e.g. ${Object.keys(SETTINGS).slice(0, 2).join(", ")}); remove it with 'pulumi config rm --path ${PROFILES_KEY}.${profile}.${key}'.`,
        );
      }
      const v = unwrapSecret(rawValue);
      if (v === undefined || v === null) continue;
      if (typeof v === "object") throw new ConfigurationError(`apiidentity: the setting '${key}' of the settings profile '${profile}' must be text. Set it with ${setExample(profile)}.`);
      mine[key] = String(v as string | number | boolean);
    }
    out[profile] = mine;
  }
  return out;
}

const NETWORK_NAMES: ReadonlySet<string> = new Set(Object.keys(NETWORK_SETTINGS));

/** Only the network settings' environment variables: a profile's vendor settings never come from the environment. */
function networkEnv(env: Readonly<Record<string, string | undefined>> | undefined): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const name of NETWORK_NAMES) {
    const variable = SETTINGS[name as SettingName];
    if (env?.[variable] !== undefined) out[variable] = env[variable];
  }
  return out;
}

/** The error for a profile name that `profiles` does not hold. */
export function missingProfile(profiles: Profiles | undefined, name: string): ConfigurationError {
  const held = Object.keys(profiles ?? {});
  const where = held.length ? `the stack config '${PROFILES_KEY}' holds ${held.map((p) => `'${p}'`).join(", ")}` : `the stack config has no '${PROFILES_KEY}'`;
  return new ConfigurationError(`apiidentity: the settings profile '${name}' does not exist: ${where}. Add it with ${setExample(name)}, or name one of those in the resource's profile input.`);
}

/**
 * The settings of one profile: its own keys, then the declared defaults; the network settings fall
 * back to `base` (the stack config and the environment). Throws when the profile does not exist.
 */
export function profileSettings(profiles: Profiles | undefined, name: string, base: SettingSources = {}): Settings {
  const profile = profiles?.[name];
  if (profile === undefined) throw missingProfile(profiles, name);
  const settings = resolveSettings({
    config: (key) => {
      const setting = key.slice(key.indexOf(":") + 1);
      if (profile[setting] !== undefined && profile[setting] !== "") return profile[setting];
      return NETWORK_NAMES.has(setting) ? base.config?.(key) : undefined;
    },
    env: networkEnv(base.env),
    ...(base.notes ? { notes: base.notes } : {}),
  });
  return markProfile(settings, name);
}
