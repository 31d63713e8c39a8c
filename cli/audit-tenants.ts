// Which tenants `apiidentity audit` lists and which identities the given stacks manage there, from the
// stacks' config and exported state: each stack's own settings, each settings profile (named with
// --profile or by a resource) and each explicit provider of the plugin are a source of settings; a
// resource is managed at the tenant URL its own settings address.
import type { Settings } from "../provider/settings.js";
import type { AuditVendor, ManagedResource, TenantSource } from "./audit-core.js";
import { kindOfEitherToken } from "./resource-types.js";
import { PROVIDER_TYPE, profileSettingsOf, providerSettings, settingsOfResource, tenantUrl, type StackConfigJson, type TenantStateResource } from "./tenants.js";

/** One given stack: its own settings (its config, then the environment), its config and its exported resources. */
export interface StackState {
  stack: string;
  settings: Settings;
  config: StackConfigJson;
  resources: readonly (TenantStateResource & { id?: string })[];
}

type Env = Readonly<Record<string, string | undefined>>;

const nameOf = (urn: string) => urn.split("::").pop() ?? urn;

/**
 * The sources of settings to audit with: each stack's own, each `--profile` (from the first stack's
 * config), then each profile and explicit provider a resource of the stacks uses.
 */
export function sourcesOf(stacks: readonly StackState[], profiles: readonly string[], env: Env = process.env): TenantSource[] {
  const out: TenantSource[] = stacks.map((s) => ({ source: `stack ${s.stack}`, settings: s.settings }));
  const seen = new Set<string>();
  const add = (key: string, source: string, settings: () => Settings) => {
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ source, settings: settings() });
  };
  for (const p of profiles) add(`profile ${p}\0${stacks[0]!.stack}`, `profile ${p}`, () => profileSettingsOf(stacks[0]!.config, p, env));
  for (const s of stacks) {
    for (const r of s.resources) {
      if (r.type === PROVIDER_TYPE && !nameOf(r.urn).startsWith("default")) {
        add(r.urn, `provider ${nameOf(r.urn)}`, () => providerSettings(r.inputs ?? {}));
        continue;
      }
      const profile = r.inputs?.profile;
      if (kindOfEitherToken(r.type) !== undefined && typeof profile === "string" && profile !== "") {
        add(`profile ${profile}\0${s.stack}`, `profile ${profile}`, () => profileSettingsOf(s.config, profile, env));
      }
    }
  }
  return out;
}

/** Every apiidentity resource of the stacks (either type token) with its kind, vendor id and tenant URL. */
export function managedOf(stacks: readonly StackState[], vendors: readonly Pick<AuditVendor, "settings" | "kinds">[], env: Env = process.env): ManagedResource[] {
  const out: ManagedResource[] = [];
  for (const s of stacks) {
    for (const r of s.resources) {
      const kind = kindOfEitherToken(r.type);
      if (kind === undefined || !r.id) continue;
      const vendor = vendors.find((v) => v.kinds.some((k) => k.kind === kind));
      const settings = settingsOfResource(r, s.resources, { settings: s.settings, config: s.config, env });
      out.push({ stack: s.stack, urn: r.urn, kind, id: r.id, tenant: vendor ? tenantUrl(vendor, settings) : undefined });
    }
  }
  return out;
}
