// The lookups of schema.json's `functions`, served through Invoke with the provider's settings
// (YAML `fn::invoke`, Python `get_…`). Arguments are validated with the lookup's declared inputs.
import type { CheckFailure } from "../resource.js";
import type { Settings } from "../settings.js";
import { VENDORS } from "../vendors/index.js";
import { ApiIdentityError } from "../error-root.js";
import { TOKEN_PREFIX } from "./urn.js";
import type { Values } from "./struct.js";

/** The Invoke table: each lookup of the registry by its declared name. */
const LOOKUPS = new Map(VENDORS.flatMap((v) => v.lookups.map((l) => [l.name, l] as const)));

/** The function tokens this plugin serves, `apiidentity:index:<lookup name>`. */
export const FUNCTION_TOKENS = [...LOOKUPS.keys()].map((name) => `${TOKEN_PREFIX}${name}`);

export type InvokeAnswer = { result: Values; failures: [] } | { failures: CheckFailure[] };

export async function invoke(tok: string, args: Values, settings: Settings): Promise<InvokeAnswer> {
  const name = tok.startsWith(TOKEN_PREFIX) ? tok.slice(TOKEN_PREFIX.length) : tok;
  const lookup = LOOKUPS.get(name);
  if (!lookup) throw new ApiIdentityError(`apiidentity: unknown function '${tok}': this provider serves ${FUNCTION_TOKENS.join(", ")}`);
  if (args.profile !== undefined) {
    return { failures: [{ property: "profile", reason: `${name}: profile names a settings profile of the TypeScript SDK, which the provider plugin does not read: invoke the lookup with an explicit provider (the provider invoke option) for another tenant.` }] };
  }
  const parsed = lookup.inputs.safeParse(args);
  if (!parsed.success) {
    return { failures: parsed.error.issues.map((i) => ({ property: i.path.length ? i.path.map(String).join(".") : "(arguments)", reason: `${name}: ${i.message}` })) };
  }
  return { result: { ...(await lookup.call(settings, parsed.data as Record<string, unknown>)) } as Values, failures: [] };
}
