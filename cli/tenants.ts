// Which tenant a resource in state belongs to, for the commands that report per tenant: a dynamic
// resource names its settings profile (its `profile` input; none: the stack's own settings), a
// resource of the provider plugin names its explicit provider, whose settings state keeps.
import { PROFILES_KEY, parseProfiles, profileSettings } from "../provider/profiles.js";
import { resolveSettings, type Settings } from "../provider/settings.js";
import type { VendorModule } from "../provider/vendor-module.js";
import { VENDORS } from "../provider/vendors/index.js";
import { specialSigKey } from "@pulumi/pulumi/runtime/rpc.js";

/** A resource as `stack export` holds it, with what tells its tenant. */
export interface TenantStateResource {
  urn: string;
  type: string;
  inputs?: Record<string, unknown>;
  /** `<provider urn>::<provider id>`, for resources of the provider plugin. */
  provider?: string;
}

/** The type of the provider plugin's provider resources. */
export const PROVIDER_TYPE = "pulumi:providers:apiidentity";

/** The vendor module a kind belongs to. */
export function vendorOfKind(kind: string): (typeof VENDORS)[number] | undefined {
  return VENDORS.find((v) => v.kinds.some((k) => k.kind === kind));
}

/** A state value as a string setting; a secret one (encrypted or shown) is never read here. */
function plainSetting(v: unknown): string | undefined {
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  return undefined;
}

/** The settings an explicit provider was configured with, as its state inputs hold them (secrets decrypted by `--show-secrets` included). */
export function providerSettings(inputs: Readonly<Record<string, unknown>>): Settings {
  return resolveSettings({
    config: (key) => {
      const v = inputs[key.slice(key.indexOf(":") + 1)];
      if (typeof v === "object" && v !== null && specialSigKey in v) {
        const shown = (v as { plaintext?: unknown }).plaintext;
        if (typeof shown !== "string") return undefined;
        try {
          return plainSetting(JSON.parse(shown));
        } catch {
          return undefined;
        }
      }
      return plainSetting(v);
    },
  });
}

/**
 * The URL of the tenant these settings address at a vendor: its base URL setting, and the
 * organization where the vendor's URLs carry one. Undefined when the settings name none.
 */
export function tenantUrl(vendor: Pick<VendorModule, "settings">, settings: Settings): string | undefined {
  const names = Object.keys(vendor.settings);
  const value = (suffix: string) => {
    const name = names.find((n) => n.endsWith(suffix));
    return name === undefined ? undefined : (settings as Readonly<Record<string, string | undefined>>)[name];
  };
  const url = value("Url");
  if (url === undefined) return undefined;
  const org = value("Organization");
  return org === undefined ? url : `${url.replace(/\/+$/, "")}/${org}`;
}

const nameOfUrn = (urn: string) => urn.split("::").pop() ?? urn;

/**
 * The tenant of an apiidentity resource of `kind`: `profile <name>`, or `provider <name> (<tenant
 * URL>)` for an explicit provider; undefined for the stack's own settings (no profile, the default provider).
 */
export function tenantOf(r: TenantStateResource, kind: string, state: readonly TenantStateResource[]): string | undefined {
  const profile = r.inputs?.profile;
  if (typeof profile === "string" && profile !== "") return `profile ${profile}`;
  if (!r.provider) return undefined;
  const providerUrn = r.provider.slice(0, r.provider.lastIndexOf("::"));
  const name = nameOfUrn(providerUrn);
  if (name.startsWith("default")) return undefined;
  const p = explicitProviderOf(r, state);
  const vendor = vendorOfKind(kind);
  const url = p && vendor ? tenantUrl(vendor, providerSettings(p.inputs ?? {})) : undefined;
  return url === undefined ? `provider ${name}` : `provider ${name} (${url})`;
}

/** A stack's config as `pulumi config --show-secrets --json` prints it (`{"apiidentity:<name>": {value, secret}}`). */
export type StackConfigJson = Readonly<Record<string, { value?: unknown }>>;

/** The stack config by full key, as the provider reads it. */
export function configGetter(config: StackConfigJson): (key: string) => string | undefined {
  return (key) => {
    const v = config[key]?.value;
    return typeof v === "string" ? v : undefined;
  };
}

/** The settings of the named profile of a stack's config, as the dynamic provider resolves them. */
export function profileSettingsOf(config: StackConfigJson, name: string, env: Readonly<Record<string, string | undefined>> = process.env): Settings {
  return profileSettings(parseProfiles(config[PROFILES_KEY]?.value), name, { config: configGetter(config), env });
}

/** The explicit provider (not a default one) a resource of the plugin names, found in state. */
export function explicitProviderOf(r: TenantStateResource, state: readonly TenantStateResource[]): TenantStateResource | undefined {
  if (!r.provider) return undefined;
  const providerUrn = r.provider.slice(0, r.provider.lastIndexOf("::"));
  if (nameOfUrn(providerUrn).startsWith("default")) return undefined;
  return state.find((s) => s.urn === providerUrn && s.type === PROVIDER_TYPE);
}

/**
 * The settings a resource in state was managed with: its profile's (from the stack config), its
 * explicit provider's (from that provider's state, secrets shown), else the stack's own.
 */
export function settingsOfResource(r: TenantStateResource, state: readonly TenantStateResource[], stack: { settings: Settings; config: StackConfigJson; env?: Readonly<Record<string, string | undefined>> }): Settings {
  const profile = r.inputs?.profile;
  if (typeof profile === "string" && profile !== "") return profileSettingsOf(stack.config, profile, stack.env ?? process.env);
  const provider = explicitProviderOf(r, state);
  return provider ? providerSettings(provider.inputs ?? {}) : stack.settings;
}
