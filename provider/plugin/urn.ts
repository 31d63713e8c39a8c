// What the plugin reads from a resource's URN: its stack, project, type and name, and from those the
// create key the TypeScript SDK classes compute in the program (sdk/construct.ts `createKey`), so a
// resource declared in YAML or Python gets the same key, and the same crash recovery, as one in
// TypeScript.
import { formatCreateKey } from "../create-key.js";
import { ApiIdentityError } from "../error-root.js";

/** The package's type tokens: `apiidentity:index:<Kind>`. */
export const TOKEN_PREFIX = "apiidentity:index:";

export interface ParsedUrn {
  stack: string;
  project: string;
  /** The resource's own type token (the last of `parent$child` types). */
  type: string;
  name: string;
}

/** `urn:pulumi:<stack>::<project>::<[parent types$]type>::<name>`; the name may itself hold `::`. */
export function parseUrn(urn: string): ParsedUrn {
  const prefix = "urn:pulumi:";
  if (!urn.startsWith(prefix)) throw new ApiIdentityError(`apiidentity: '${urn}' is not a Pulumi URN`);
  const parts = urn.slice(prefix.length).split("::");
  if (parts.length < 4) throw new ApiIdentityError(`apiidentity: '${urn}' is not a Pulumi URN`);
  const [stack, project, qualifiedType, ...name] = parts as [string, string, string, ...string[]];
  const type = qualifiedType.split("$").pop()!;
  return { stack, project, type, name: name.join("::") };
}

/** The resource kind of a type token (`apiidentity:index:<Kind>` → `<Kind>`). */
export function kindOfPluginToken(type: string): string {
  if (!type.startsWith(TOKEN_PREFIX)) throw new ApiIdentityError(`apiidentity: unknown resource type '${type}': this provider serves ${TOKEN_PREFIX}<Kind>`);
  return type.slice(TOKEN_PREFIX.length);
}

/** The create key of the resource a URN names: `project/stack/Kind/name`, as sdk/construct.ts builds it. */
export function createKeyOfUrn(urn: string): string {
  const u = parseUrn(urn);
  return formatCreateKey(u.project, u.stack, kindOfPluginToken(u.type), u.name);
}
