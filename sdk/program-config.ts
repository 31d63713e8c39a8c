// Lookups run in the program process, not in the dynamic provider: they use the provider settings
// as the program sees them, its stack config (namespace `apiidentity`) first, then the environment.
import * as pulumi from "@pulumi/pulumi";
import { CONFIG_NAMESPACE } from "../provider/config.js";
import { PROFILES_KEY, parseProfiles, profileSettings } from "../provider/profiles.js";
import { resolveSettings, type Settings } from "../provider/settings.js";

let resolved: Settings | undefined;

/** The program's provider settings, resolved once per program, so lookups share their clients. */
export function programSettings(): Settings {
  resolved ??= resolveSettings({ config: stackConfig(), env: process.env });
  return resolved;
}

const perProfile = new Map<string, Settings>();

/** The settings of a profile of the program's `apiidentity:profiles`, resolved once per profile. */
export function programProfileSettings(name: string): Settings {
  let s = perProfile.get(name);
  if (!s) {
    const config = stackConfig();
    perProfile.set(name, (s = profileSettings(parseProfiles(config(PROFILES_KEY)), name, { config, env: process.env })));
  }
  return s;
}

/** The program's stack config by full key `apiidentity:<name>`; nothing outside a Pulumi program. */
function stackConfig(): (key: string) => string | undefined {
  let cfg: pulumi.Config | undefined;
  return (key) => {
    const [ns, name] = key.split(":");
    if (ns !== CONFIG_NAMESPACE || !name) return undefined;
    try {
      cfg ??= new pulumi.Config(CONFIG_NAMESPACE);
      return cfg.get(name);
    } catch {
      // Outside a Pulumi program (e.g. a plain script) there is no stack config.
      return undefined;
    }
  };
}
