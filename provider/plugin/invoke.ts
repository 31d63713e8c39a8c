// The three lookups of schema.json's `functions`, served through Invoke with the provider's settings
// (YAML `fn::invoke`, Python `get_…`). Arguments are validated with the lookup's declared inputs.
import { LOOKUPS } from "../declare.js";
import type { CheckFailure } from "../resource.js";
import type { Settings } from "../settings.js";
import { findRole } from "../vendors/automation-anywhere/roles.js";
import { findUiPathGroup } from "../vendors/uipath/lookup.js";
import { lookupOperator } from "../vendors/uptrends/operators.js";
import { TOKEN_PREFIX } from "./urn.js";
import type { Values } from "./struct.js";

type Lookup = (settings: Settings, args: Values) => Promise<object>;

const LOOKUP_CALLS: Record<string, Lookup> = {
  getUptrendsOperator: (s, a) => lookupOperator(s, a as { name?: string; email?: string }),
  getControlRoomRole: (s, a) => findRole(s, (a as { name: string }).name),
  getUiPathGroup: (s, a) => findUiPathGroup(s, a as { name: string; partitionGlobalId?: string }),
};

/** The function tokens this plugin serves, e.g. `apiidentity:index:getUptrendsOperator`. */
export const FUNCTION_TOKENS = LOOKUPS.map((l) => `${TOKEN_PREFIX}${l.name}`);

export type InvokeAnswer = { result: Values; failures: [] } | { failures: CheckFailure[] };

export async function invoke(tok: string, args: Values, settings: Settings): Promise<InvokeAnswer> {
  const name = tok.startsWith(TOKEN_PREFIX) ? tok.slice(TOKEN_PREFIX.length) : tok;
  const decl = LOOKUPS.find((l) => l.name === name);
  const call = LOOKUP_CALLS[name];
  if (!decl || !call) throw new Error(`apiidentity: unknown function '${tok}': this provider serves ${FUNCTION_TOKENS.join(", ")}`);
  const parsed = decl.inputs.safeParse(args);
  if (!parsed.success) {
    return { failures: parsed.error.issues.map((i) => ({ property: i.path.length ? i.path.map(String).join(".") : "(arguments)", reason: `${name}: ${i.message}` })) };
  }
  return { result: { ...(await call(settings, parsed.data as Values)) } as Values, failures: [] };
}
