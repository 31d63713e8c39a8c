// Two tenants of every vendor for the end-to-end walks of several tenants in one program: two
// sandboxes, each playing one tenant of each of the five vendors (its own base URLs, its own store),
// the settings that address each tenant (by setting name, as stack config, provider inputs or a
// profile take them), the setting secrets that must never be plain in state, and how many identities
// of each kind each tenant holds.
import { isSecretSetting, SETTINGS, type SettingName } from "../../provider/config.js";
import { heldIdentities, SANDBOX_KINDS, VENDOR_OF, type Kind } from "../../sandbox/kinds.js";
import { startSandbox, type Sandbox } from "../../sandbox/server.js";

/** The two tenants' sandboxes, `a` and `b`. */
export interface TwoTenants {
  a: Sandbox;
  b: Sandbox;
  /** Both, in the order a, b. */
  all: readonly [Sandbox, Sandbox];
  close(): Promise<void>;
}

/** One setting's value for a tenant, and whether its declaration makes it a credential. */
export interface TenantSetting {
  value: string;
  secret: boolean;
}

/** Starts two sandboxes, two tenants of every vendor. */
export async function startTwoTenants(): Promise<TwoTenants> {
  const [a, b] = await Promise.all([startSandbox(), startSandbox()]);
  return {
    a,
    b,
    all: [a, b],
    close: async () => {
      await Promise.all([a.close(), b.close()]);
    },
  };
}

/** The setting names, by the environment variable each is read from. */
const settingOfEnv = (): ReadonlyMap<string, SettingName> => new Map((Object.entries(SETTINGS) as [SettingName, string][]).map(([name, env]) => [env, name]));

/** A Python SDK name of a schema name (`uipathBaseUrl` → `uipath_base_url`). */
export const pythonName = (name: string): string => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * Every setting that addresses this tenant, by setting name (`uipathBaseUrl`, `uptrendsPassword`, …):
 * what `pulumi config set apiidentity:<name>`, a provider's inputs or a profile take.
 */
export function tenantSettings(sb: Sandbox): Record<string, TenantSetting> {
  const names = settingOfEnv();
  const out: Record<string, TenantSetting> = {};
  for (const [env, value] of Object.entries(sb.config().env)) {
    const name = names.get(env);
    if (name === undefined) throw new Error(`the sandbox gives ${env}, which no provider setting reads`);
    out[name] = { value, secret: isSecretSetting(name) };
  }
  return out;
}

/** The values of this tenant's secret settings: none may appear in plain text in `pulumi stack export`. */
export function settingSecrets(sb: Sandbox): string[] {
  return Object.values(tenantSettings(sb))
    .filter((s) => s.secret)
    .map((s) => s.value);
}

/** The secret settings of this tenant whose values appear in plain text in `text`, by name (never the values, for messages). */
export function plainSecretsIn(text: string, sb: Sandbox): string[] {
  return Object.entries(tenantSettings(sb))
    .filter(([, s]) => s.secret && text.includes(s.value))
    .map(([name]) => name);
}

/** How many identities of each kind this tenant holds now (the provider's own login accounts included). */
export function heldCounts(sb: Sandbox): Record<Kind, number> {
  return Object.fromEntries(SANDBOX_KINDS.map((kind) => [kind, heldIdentities(kind, sb.store.vendor(VENDOR_OF[kind])).length])) as Record<Kind, number>;
}

/** The identities of each kind this tenant holds now, by id (sorted). */
export function heldIds(sb: Sandbox): Record<Kind, string[]> {
  return Object.fromEntries(SANDBOX_KINDS.map((kind) => [kind, heldIdentities(kind, sb.store.vendor(VENDOR_OF[kind])).map((i) => i.id).sort()])) as Record<Kind, string[]>;
}

/** How many identities of each kind this tenant holds beyond `before` (a heldCounts taken earlier). */
export function countsSince(sb: Sandbox, before: Record<Kind, number>): Record<Kind, number> {
  const now = heldCounts(sb);
  return Object.fromEntries(SANDBOX_KINDS.map((kind) => [kind, now[kind] - before[kind]])) as Record<Kind, number>;
}

/** `n` of every kind: what countsSince answers when each kind gained `n` identities. */
export function eachKind(n: number): Record<Kind, number> {
  return Object.fromEntries(SANDBOX_KINDS.map((kind) => [kind, n])) as Record<Kind, number>;
}
