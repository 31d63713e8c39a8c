// What each provider setting (`apiidentity:<name>` stack config) is, as the vendor modules declare
// it: schema.json's config section and the docs read it, and whether a setting is secret is never
// guessed from its name.
import type { SettingName } from "./config.js";
import { lazyRecord } from "./lazy-record.js";
import { NETWORK_SETTINGS } from "./network-settings.js";
import { RATE_LIMIT_SETTINGS } from "./rate-limit-settings.js";
import type { SettingDeclaration } from "./vendor-module.js";
import { VENDORS } from "./vendors/index.js";

export interface SettingFacts {
  /** Full sentences: what to put there. */
  description: string;
  /** A credential: set it with `pulumi config set --secret`. */
  secret?: boolean;
}

export const SETTING_FACTS: Readonly<Record<SettingName, SettingFacts>> = lazyRecord(() =>
  Object.fromEntries(
    [...VENDORS.map((v): Readonly<Record<string, SettingDeclaration>> => v.settings), NETWORK_SETTINGS, RATE_LIMIT_SETTINGS].flatMap((declared: Readonly<Record<string, SettingDeclaration>>) =>
      Object.entries(declared).map(([name, d]): [string, SettingFacts] => [name, { description: d.description, ...(d.secret ? { secret: true } : {}) }]),
    ),
  ),
);
