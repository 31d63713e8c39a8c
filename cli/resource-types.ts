// How the CLI commands that read state (drift, orphans, recover) recognise this package's resources:
// by either type token, the dynamic resources' and the provider plugin's.
import { TOKEN_PREFIX } from "../provider/plugin/urn.js";

/** Type token prefix of the TypeScript SDK's dynamic resources. */
export const DYNAMIC_TYPE_PREFIX = "pulumi-nodejs:dynamic/apiidentity:";
/** Type token prefix of the provider plugin's resources (schema.json). */
export const PLUGIN_TYPE_PREFIX = TOKEN_PREFIX;

const TYPE_PREFIXES = [DYNAMIC_TYPE_PREFIX, PLUGIN_TYPE_PREFIX];

/** The kind of an apiidentity resource type (either token), or undefined for other types. */
export function kindOfEitherToken(type: string): string | undefined {
  const prefix = TYPE_PREFIXES.find((p) => type.startsWith(p));
  return prefix === undefined ? undefined : type.slice(prefix.length);
}
