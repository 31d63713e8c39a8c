// The provider settings as one value: resolved once (stack config, then the environment, then the
// defaults) and passed to handlers and clients, so no code reads configuration from ambient state.
// A setting renamed with its vendor's one name is still read under its former names, after the
// current ones: current key, former key, current environment variable, former environment variable.
// A name of the stack wins over one of the environment, as it always did, and the current name wins
// over the former one where both are given; using a former name gives one note naming the current one.
import { ConfigurationError } from "./errors.js";
import { CONFIG_NAMESPACE, DEFAULTS, FORMER_NAMES, SETTINGS, isSecretSetting, registeredSettings, type FormerNames, type SettingName } from "./config.js";
import { stderrNotes, type Notes } from "./notes.js";
import { markFreshResolution } from "./http/per-settings.js";

/** Every provider setting by name; undefined when neither source nor a default sets it. */
export type Settings = Readonly<Record<SettingName, string | undefined>>;

export interface SettingSources {
  /** Stack config by full key, `apiidentity:<name>` (the dynamic provider's configure, or a program's config). */
  config?: (key: string) => string | undefined;
  /** Environment variables by name (`process.env`, or a test's own map). */
  env?: Readonly<Record<string, string | undefined>>;
  /** Where the note about a former setting name goes (default: stderr); each name is noted once per Notes. */
  notes?: Notes;
}

/** The former names each Notes was already told about. */
const noted = new WeakMap<Notes, Set<string>>();

function noteFormer(notes: Notes, former: string, current: string): void {
  const told = noted.get(notes) ?? new Set<string>();
  noted.set(notes, told);
  if (told.has(former)) return;
  told.add(former);
  notes.warn(`${former} is a deprecated name of the setting ${current}; it is still read, but rename it to ${current}.`);
}

const given = (v: string | undefined): v is string => v !== undefined && v !== "";

/**
 * Stack config first, then the environment, then the default; an empty value counts as unset. Each
 * value resolved is one provider process to the client caches: it gets vendor clients of its own.
 */
export function resolveSettings(from: SettingSources = {}): Settings {
  const notes = from.notes ?? stderrNotes;
  const pick = (name: string, env: string, former?: FormerNames) => {
    const key = `${CONFIG_NAMESPACE}:${name}`;
    const fromConfig = from.config?.(key);
    if (given(fromConfig)) return fromConfig;
    const fromFormerConfig = former && from.config?.(`${CONFIG_NAMESPACE}:${former.key}`);
    if (given(fromFormerConfig)) {
      noteFormer(notes, `The stack config key '${CONFIG_NAMESPACE}:${former!.key}'`, `'${key}'`);
      return fromFormerConfig;
    }
    const fromEnv = from.env?.[env];
    if (given(fromEnv)) return fromEnv;
    const fromFormerEnv = former && from.env?.[former.env];
    if (given(fromFormerEnv)) {
      noteFormer(notes, `The environment variable ${former!.env}`, env);
      return fromFormerEnv;
    }
    return undefined;
  };
  const out = {} as Record<SettingName, string | undefined>;
  for (const name of Object.keys(SETTINGS) as SettingName[]) out[name] = pick(name, SETTINGS[name], FORMER_NAMES[name]) ?? DEFAULTS[name];
  const settings = markFreshResolution(Object.freeze(out));
  extras.set(settings, new Map([...registeredSettings()].map(([name, env]) => [name, pick(name, env)])));
  return settings;
}

/** The values of registered settings (`registerSetting`), kept beside the settings value they came with. */
const extras = new WeakMap<Settings, ReadonlyMap<string, string | undefined>>();

/** A setting a registered kind declared with `registerSetting`, as resolved with these settings. */
export function registeredSetting(settings: Settings, name: string): string | undefined {
  return extras.get(settings)?.get(name);
}

/** The settings of a process that has only its environment (the CLI, or a provider not configured yet). */
export function environmentSettings(): Settings {
  return resolveSettings({ env: process.env });
}

/** Whether two settings values hold the same settings (a provider configured again keeps its clients). */
export function sameSettings(a: Settings, b: Settings): boolean {
  const names = [...registeredSettings().keys()];
  return (Object.keys(SETTINGS) as SettingName[]).every((n) => a[n] === b[n]) && names.every((n) => registeredSetting(a, n) === registeredSetting(b, n));
}

/** The settings profile each settings value was resolved from (provider/profiles.ts). */
const profiles = new WeakMap<Settings, string>();

/** Marks a settings value as the settings of the named profile: messages then name it and its keys. */
export function markProfile(settings: Settings, profile: string): Settings {
  profiles.set(settings, profile);
  return settings;
}

/** The settings profile a settings value stands for; undefined for the stack's own settings. */
export function profileOf(settings: Settings): string | undefined {
  return profiles.get(settings);
}

/** How to set one setting of a profile (a `--path` key of `apiidentity:profiles`). */
export function profileSetCommand(profile: string, name: string): string {
  return `'pulumi config set --path ${CONFIG_NAMESPACE}:profiles.${profile}.${name} <value>${isSecretSetting(name as SettingName) ? " --secret" : ""}'`;
}

/** A setting that must be there; the error names both places it can come from. */
export function requireSetting(settings: Settings, name: SettingName, vendor: string): string {
  const v = settings[name];
  const profile = profileOf(settings);
  if (v === undefined && profile !== undefined) {
    throw new ConfigurationError(`${vendor}: the settings profile '${profile}' lacks the setting '${name}'. Set it with ${profileSetCommand(profile, name)}.`);
  }
  if (v === undefined) {
    throw new ConfigurationError(
      `${vendor}: missing provider setting '${name}'. Set it with 'pulumi config set ${CONFIG_NAMESPACE}:${name} <value>${isSecretSetting(name) ? " --secret" : ""}' or the environment variable ${SETTINGS[name]}.`,
    );
  }
  return v;
}

/** The first of several alternative settings that is set (e.g. API key or password). */
export function requireOneOf(settings: Settings, names: readonly SettingName[], vendor: string): { name: SettingName; value: string } {
  for (const name of names) {
    const v = settings[name];
    if (v !== undefined) return { name, value: v };
  }
  const profile = profileOf(settings);
  if (profile !== undefined) {
    throw new ConfigurationError(`${vendor}: the settings profile '${profile}' lacks a setting: set ${names.map((n) => `'${n}' (${profileSetCommand(profile, n)})`).join(" or ")}.`);
  }
  const list = names.map((n) => `'${CONFIG_NAMESPACE}:${n}' (or ${SETTINGS[n]})`).join(" or ");
  throw new ConfigurationError(`${vendor}: missing provider setting: set ${list}.`);
}
