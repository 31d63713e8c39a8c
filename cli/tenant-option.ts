// `--profile NAME` and `--provider NAME` of `apiidentity check` and `discover`: the settings of one
// tenant of a stack, a settings profile of its config or an explicit provider of its state, instead of
// the environment's.
import { ConfigurationError } from "../provider/errors.js";
import type { Settings } from "../provider/settings.js";
import { CommandRunError, UsageError } from "./errors.js";
import { pulumiSaid, stacksOrSelected, workspaceAt } from "./workspace.js";
import { PROVIDER_TYPE, profileSettingsOf, providerSettings, type StackConfigJson, type TenantStateResource } from "./tenants.js";

export interface TenantChoice {
  cwd: string;
  stack?: string;
  profile?: string;
  provider?: string;
}

/** The options the commands take for it (node:util parseArgs). */
export const TENANT_OPTIONS = {
  profile: { type: "string" },
  provider: { type: "string" },
  cwd: { type: "string", default: process.cwd() },
  stack: { type: "string" },
} as const;

/** The explicit provider named `name` in state; the error lists the ones there are. */
export function providerNamed(resources: readonly TenantStateResource[], name: string, stack: string): TenantStateResource {
  const providers = resources.filter((r) => r.type === PROVIDER_TYPE && !r.urn.split("::").pop()!.startsWith("default"));
  const found = providers.find((r) => r.urn.split("::").pop() === name);
  if (found) return found;
  const names = providers.map((r) => `'${r.urn.split("::").pop()}'`);
  throw new UsageError(`stack ${stack} has no explicit provider named '${name}'${names.length ? `: it has ${names.join(", ")}` : ": it has none"}. Name one of them with --provider, or a settings profile with --profile.`);
}

/** The tenant's label and settings; undefined when neither --profile nor --provider is given. */
export async function chosenTenant(o: TenantChoice): Promise<{ tenant: string; settings: Settings } | undefined> {
  if (o.profile === undefined && o.provider === undefined) return undefined;
  if (o.profile !== undefined && o.provider !== undefined) throw new UsageError("give --profile or --provider, not both");
  const ws = await workspaceAt(o.cwd);
  const stack = (await stacksOrSelected(ws, o.stack ? [o.stack] : [], o.cwd))[0]!;
  try {
    if (o.profile !== undefined) {
      const config = (await ws.getAllConfig(stack)) as StackConfigJson;
      return { tenant: `profile ${o.profile}`, settings: profileSettingsOf(config, o.profile) };
    }
    // Secrets shown: the provider's credentials are read from its state.
    const exported = (await ws.exportStack(stack)) as { deployment?: { resources?: TenantStateResource[] } };
    const provider = providerNamed(exported.deployment?.resources ?? [], o.provider!, stack);
    return { tenant: `provider ${o.provider}`, settings: providerSettings(provider.inputs ?? {}) };
  } catch (e) {
    if (e instanceof UsageError || e instanceof ConfigurationError) throw e;
    throw new CommandRunError(`reading stack ${stack} failed: ${pulumiSaid(e)}`, { cause: e });
  }
}
