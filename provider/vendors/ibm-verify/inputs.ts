// Inputs and outputs of VerifyApiClient, each property declared once (`.meta()`, see
// provider/property-facts.ts): validation, types, secret rules, schema.json, SDK and docs tables.
import { isIP } from "node:net";
import * as z from "zod";
import { profileInput } from "../../profile-input.js";
import { checkWith, deepEqual, stripInternal, type CheckResult } from "../../resource.js";
import { ASSUMED_DESCRIPTION_MAX, ASSUMED_NAME_MAX, freeText, identifierText, lengthWarning } from "../../text-rules.js";
import { asText, ipSet, nameSet, scopeSet } from "./compare.js";
import { MARKER_PREFIX, OVERRIDE_DEFAULTS } from "./contract.js";
import { isKnownEntitlement, unknownEntitlementReason } from "./entitlements.js";

/** An IPv4/IPv6 address, or a CIDR block of either family. */
export function isIpOrCidr(entry: string): boolean {
  const parts = entry.split("/");
  if (parts.length > 2) return false;
  const [addr = "", bits] = parts;
  const family = isIP(addr);
  if (family === 0) return false;
  if (bits === undefined) return true;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128);
}

/**
 * Properties whose value the vendor already holds: equal in the new inputs and the old ones (the
 * inputs a refresh or adoption wrote, or that passed check before). Such a value is not judged
 * again by the rules for new values: IBM holds it, so IBM accepted it ("strict writing, tolerant
 * reading"). Empty when there are no old inputs (a create).
 */
export function heldProperties(news: Record<string, unknown>, olds: unknown): Set<string> {
  const o = stripInternal(olds);
  const held = new Set<string>();
  if (Object.keys(o).length === 0) return held;
  for (const p of ["clientName", "entitlements", "description", "ipFilterOp", "ipFilters", "scopes"]) {
    if (deepEqual(news[p], o[p])) held.add(p);
  }
  return held;
}

const RESOURCE_DESCRIPTION =
  "An IBM Verify API client: a non-human identity that obtains tokens with the client_credentials grant and holds entitlements. IBM Verify generates its clientId and clientSecret.";

/** The input schema; properties in `held` take any value of the wire type (see heldProperties). */
function inputsSchema(held: ReadonlySet<string> = new Set()) {
  const lenient = (p: string) => held.has(p);
  const scope = z
    .object({
      name: lenient("scopes") ? z.string() : identifierText(z.string(), "a scope name").meta({ description: "OAuth scope name." }),
      description: (lenient("scopes") ? z.string() : freeText(z.string(), "a scope description")).optional().meta({ description: "What the scope is for (shown in the admin console)." }),
    })
    .strict()
    .meta({ description: "One scope of an API client's override settings.", typeName: "VerifyApiClientScope" });
  return z
    .object({
      clientName: (lenient("clientName") ? z.string() : identifierText(z.string(), "clientName")).meta({ description: "Display name of the API client. Names are not unique at IBM Verify; changing it updates the client in place." }),
      entitlements: (lenient("entitlements")
        ? z.array(z.string())
        : z
            .array(z.string().min(1, "an entitlement name must not be empty"))
            .min(1, "entitlements must hold at least one IBM Verify entitlement name, e.g. 'readUsers'")
      ).meta({ description: "Entitlements (permissions) of the client, e.g. `readUsers`, `manageUserGroups`. A set: order and duplicates do not matter. Names are case-sensitive. A name this package does not know gives a warning, not an error: IBM Verify decides.", compare: nameSet }),
      description: (lenient("description")
        ? z.string()
        : freeText(z.string().refine((s) => !s.includes(MARKER_PREFIX), `description must not contain '${MARKER_PREFIX}' (the provider's create marker)`), "description")
      )
        .optional()
        .meta({ description: "Free-text description of the client." }),
      enabled: z.boolean().default(true).meta({ description: "Whether the client can obtain tokens. Default true." }),
      ipFilterOp: (lenient("ipFilterOp")
        ? z.string()
        : z.enum(["allow", "deny"], { error: "ipFilterOp must be 'allow' (only the listed addresses may get tokens) or 'deny' (all but the listed addresses)" })
      )
        .optional()
        .meta({ description: "`allow`: only `ipFilters` may obtain tokens; `deny`: every address except `ipFilters`. Unset: no IP filter." }),
      ipFilters: (lenient("ipFilters")
        ? z.array(z.string())
        : z.array(z.string().refine(isIpOrCidr, { error: (i) => `${JSON.stringify(i.input)} is not an IP address or CIDR block (e.g. 203.0.113.7 or 10.0.0.0/8)` }))
      )
        .optional()
        .meta({ description: "IP addresses or CIDR blocks the `ipFilterOp` applies to. A set: order does not matter.", compare: ipSet }),
      restrictScopes: z.boolean().optional().meta({ description: "When true the client may request only the `scopes` listed.", whenOmitted: OVERRIDE_DEFAULTS.restrictScopes }),
      scopes: z.array(scope).optional().meta({ description: "Scopes of the client's override settings. A set keyed by name: order does not matter.", compare: scopeSet }),
      secretRotation: z
        .union([z.string(), z.number()], { error: "secretRotation must be a string or a number" })
        .optional()
        .meta({ description: "Any value; changing it makes IBM Verify generate a new client secret in place (same clientId, same apiClientId). The new secret appears in `clientSecret`. Removing it changes nothing at IBM Verify.", compare: asText }),
      importId: z
        .string()
        .trim()
        .min(1, "importId must be the id of an existing API client")
        .optional()
        .meta({ description: "Adopt an existing API client instead of creating one: its object id (the last segment of the create call's Location, shown as `id` by GET /v1.0/apiclients). Never causes a diff.", onChange: "none" }),
      profile: profileInput(),
    })
    .strict()
    .meta({ description: RESOURCE_DESCRIPTION })
    .superRefine((v, ctx) => {
      // Our own rules (IBM documents a null ipFilterOp as "filter off"): not applied to a pair IBM holds.
      if (!(lenient("ipFilterOp") && lenient("ipFilters"))) {
        if (v.ipFilters !== undefined && v.ipFilters.length > 0 && v.ipFilterOp === undefined) {
          ctx.addIssue({ code: "custom", path: ["ipFilterOp"], message: "ipFilters has no effect without ipFilterOp: set ipFilterOp to 'allow' or 'deny'" });
        }
        if (v.ipFilterOp !== undefined && (v.ipFilters === undefined || v.ipFilters.length === 0)) {
          const what = v.ipFilterOp === "allow" ? "no address could obtain a token" : "the filter would do nothing";
          ctx.addIssue({ code: "custom", path: ["ipFilters"], message: `ipFilterOp '${v.ipFilterOp}' needs at least one entry in ipFilters (otherwise ${what})` });
        }
      }
      if (lenient("scopes")) return;
      const seen = new Set<string>();
      for (const [i, s] of (v.scopes ?? []).entries()) {
        if (seen.has(s.name)) ctx.addIssue({ code: "custom", path: ["scopes", i, "name"], message: `scope '${s.name}' is listed twice` });
        seen.add(s.name);
      }
    });
}

/** The rules for values a user writes (and the source of schema.json). */
export const verifyApiClientInputs = inputsSchema();

export const verifyApiClientOutputs = z.object({
  ...verifyApiClientInputs.shape,
  apiClientId: z.string().meta({ description: "The API client's object id at IBM Verify (the resource id; used in /v1.0/apiclients/{id})." }),
  clientId: z.string().meta({ description: "The generated OAuth client id to request tokens with; it never changes." }),
  clientSecret: z.string().meta({ description: "The generated OAuth client secret (a Pulumi secret). It changes only when `secretRotation` changes, or when someone rotates it outside Pulumi.", secret: true }),
}).meta({ description: RESOURCE_DESCRIPTION });

/** `ipFilterOp` is read as any string: IBM documents two values, but a refresh keeps what IBM holds. */
export type VerifyApiClientInputs = Omit<z.output<typeof verifyApiClientInputs>, "ipFilterOp"> & { ipFilterOp?: string };
export type VerifyApiClientOutputs = z.output<typeof verifyApiClientOutputs>;
export type Scope = NonNullable<VerifyApiClientInputs["scopes"]>[number];

/** What the engine puts in place of a value not known yet during preview (`rpc.unknownValue`). */
export { UNKNOWN as UNKNOWN_VALUE } from "../../resource.js";

/**
 * Validates the inputs. A property whose value is not known yet during preview (it comes from
 * another resource's output) is not judged now: the engine checks again once it is known. A value
 * equal to the old inputs' is one IBM holds and is accepted as it is (see heldProperties).
 */
export function checkInputs(news: unknown, olds?: unknown): CheckResult<VerifyApiClientInputs> {
  const held = heldProperties(stripInternal(news), olds);
  return checkWith(held.size > 0 ? inputsSchema(held) : verifyApiClientInputs, news) as CheckResult<VerifyApiClientInputs>;
}

/**
 * Warnings for valid inputs that break only a rule we guessed: an entitlement name that is not in
 * the list this package knows (IBM's table and newer docs). IBM Verify is the judge of its names.
 */
export function adviseInputs(inputs: Partial<VerifyApiClientInputs>): string[] {
  const unknown = [...new Set((inputs.entitlements ?? []).filter((e) => typeof e === "string" && !isKnownEntitlement(e)))];
  const out = unknown.map(
    (e) =>
      `entitlements: ${unknownEntitlementReason(e)} It is sent as written; IBM Verify refuses the create or update with its own message if it does not know the name.`,
  );
  // IBM's OpenAPI file gives no maxLength for an API client's fields: every limit here is assumed.
  const lengths = [
    lengthWarning("clientName", inputs.clientName, ASSUMED_NAME_MAX, "IBM Verify"),
    lengthWarning("description", inputs.description, ASSUMED_DESCRIPTION_MAX, "IBM Verify"),
    ...(inputs.scopes ?? []).flatMap((sc, i) => [
      lengthWarning(`scopes.${i}.name`, sc.name, ASSUMED_NAME_MAX, "IBM Verify"),
      lengthWarning(`scopes.${i}.description`, sc.description, ASSUMED_DESCRIPTION_MAX, "IBM Verify"),
    ]),
  ];
  return [...out, ...lengths.filter((w): w is string => w !== undefined)];
}
