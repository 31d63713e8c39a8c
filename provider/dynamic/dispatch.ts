// Engine-side half of the adapter: routes a dynamic-provider call to the handler of a resource kind
// and shapes the result as @pulumi/pulumi/dynamic expects (its own result types, its argument order).
// The provider settings are resolved here, once per provider process, and handed to the handler.
// A resource that names a settings profile (its `profile` input) runs with that profile's settings;
// the input is handled here, so no handler sees it, and state keeps only the profile's name.
import type { CheckResult, ConfigureRequest, CreateResult, DiffResult, ReadResult, UpdateResult } from "@pulumi/pulumi/dynamic/index.js";
import { handlerFor } from "../handlers.js";
import { stderrNotes } from "../notes.js";
import { PROFILES_KEY, parseProfiles, profileSettings, type Profiles } from "../profiles.js";
import { environmentSettings, resolveSettings, sameSettings, type SettingSources, type Settings } from "../settings.js";
import { UNKNOWN } from "./unknown.js";

export type Method = "configure" | "check" | "diff" | "create" | "read" | "update" | "delete";

type Answer = CheckResult | DiffResult | CreateResult | ReadResult | UpdateResult | undefined;

/** This process's settings: from configure (stack config, then environment), else the environment. */
let settings: Settings | undefined;

/**
 * The engine configures each kind's provider object on its first use, all with the same stack
 * config: equal settings keep the value resolved first, and with it the vendor clients (tokens,
 * pools, caches) every kind of this process shares.
 */
function configure(req: ConfigureRequest | undefined): void {
  const config = (key: string): string | undefined => req?.config?.get(key);
  const next = resolveSettings({ config, env: process.env });
  if (settings === undefined || !sameSettings(settings, next)) {
    settings = next;
    perProfile.clear();
  }
  base = { config, env: process.env };
  let parsed: Profiles | undefined;
  try {
    parsed = parseProfiles(req?.config?.get(PROFILES_KEY));
    profilesError = undefined;
  } catch (e) {
    profilesError = e;
  }
  if (JSON.stringify(parsed) !== JSON.stringify(profiles)) {
    profiles = parsed;
    perProfile.clear();
  }
}

/** The settings profiles of the stack config, and what the network settings of a profile fall back to. */
let profiles: Profiles | undefined;
let profilesError: unknown;
let base: SettingSources = { env: process.env };
/** One settings value per profile, so the calls of a profile share its vendor clients. */
const perProfile = new Map<string, Settings>();

/** The profile a resource's inputs or outputs name; undefined when none. */
function profileIn(props: unknown): unknown {
  return props !== null && typeof props === "object" ? (props as Record<string, unknown>).profile : undefined;
}

/** The properties without the `profile` input, which only this layer reads. */
function withoutProfile<T>(props: T): T {
  if (props === null || typeof props !== "object" || !("profile" in props)) return props;
  const { profile: _profile, ...rest } = props as Record<string, unknown>;
  return rest as T;
}

/** The properties with the profile's name put back, when the resource names one. */
function withProfile<T>(props: T, profile: unknown): T {
  if (profile === undefined || props === null || typeof props !== "object") return props;
  return { ...props, profile } as T;
}

/** The settings a resource runs with: its profile's, else the stack's. */
function settingsOf(profile: unknown): Settings {
  // A method before any configure (an engine that does not send one) runs with the environment.
  if (profile === undefined || profile === "") return (settings ??= environmentSettings());
  if (typeof profile !== "string") throw new TypeError(`profile must be the name of a settings profile in ${PROFILES_KEY}`);
  if (profilesError !== undefined) throw profilesError;
  let s = perProfile.get(profile);
  if (!s) perProfile.set(profile, (s = profileSettings(profiles, profile, base)));
  return s;
}

export async function dispatch(kind: string, method: Method, args: unknown[]): Promise<Answer> {
  if (method === "configure") {
    configure(args[0] as ConfigureRequest | undefined);
    return undefined;
  }
  // The new inputs name the profile where there are some; read and delete have only the outputs.
  const profile = profileIn(method === "check" || method === "diff" || method === "update" ? args[method === "check" ? 1 : 2] : method === "create" ? args[0] : args[1]);
  if (method === "check" && profile !== UNKNOWN) {
    try {
      settingsOf(profile);
    } catch (e) {
      // Before any vendor call: the engine names the resource with the failure.
      return { inputs: args[1], failures: [{ property: "profile", reason: e instanceof Error ? e.message : String(e) }] };
    }
  }
  if (method === "diff" && profileIn(args[1]) !== profile) {
    // Another profile is another tenant: the identity there is a new one.
    return { changes: true, replaces: ["profile"], deleteBeforeReplace: false };
  }
  // The engine shows a dynamic provider's stderr to the user: that is where its notes go.
  const h = handlerFor(kind).with(profile === UNKNOWN ? (settings ??= environmentSettings()) : settingsOf(profile), stderrNotes);
  switch (method) {
    case "check": {
      const [olds, news] = args;
      const r = await h.check(withoutProfile(olds), withoutProfile(news));
      return { inputs: withProfile(r.inputs, profile), failures: r.failures };
    }
    case "diff": {
      const [id, olds, news] = args as [string, object, object];
      const r = await h.diff(id, withoutProfile(olds), withoutProfile(news));
      return { changes: r.changes, replaces: r.replaces, deleteBeforeReplace: r.deleteBeforeReplace ?? false };
    }
    case "create": {
      const r = await h.create(withoutProfile(args[0] as object));
      return { id: r.id, outs: withProfile(r.outs, profile) };
    }
    case "read": {
      const [id, props] = args as [string, object];
      const r = await h.read(id, withoutProfile(props));
      return r.id === undefined ? {} : { id: r.id, props: withProfile(r.props, profile), inputs: withProfile(r.inputs, profile) };
    }
    case "update": {
      const [id, olds, news] = args as [string, object, object];
      return { outs: withProfile(await h.update(id, withoutProfile(olds), withoutProfile(news)), profile) };
    }
    case "delete": {
      const [id, props] = args as [string, object];
      await h.delete(id, withoutProfile(props));
      return undefined;
    }
  }
}
