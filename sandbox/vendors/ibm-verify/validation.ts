// Request bodies of create (`APIClientConfigRequest`) and update (`APIClientConfig`), per [OAS].
import * as z from "zod";
import { isIpFilterEntry } from "./ip-filter.js";


const overrideSettings = z.object({
  restrictScopes: z.boolean().optional(),
  scopes: z.array(z.object({ name: z.string().min(1), description: z.string().optional() })).optional(),
});

const additionalConfig = z.object({
  clientAuthMethod: z.string().optional(),
  validateClientAssertionJti: z.boolean().optional(),
  allowedClientAssertionVerificationKeys: z.array(z.string()).optional(),
});

/** Fields shared by create and update; unknown fields are dropped, as IBM's Go client tolerates (INFERRED). */
const common = {
  clientName: z.string().trim().min(1, "clientName must not be empty."),
  entitlements: z.array(z.string()),
  clientSecret: z.string().min(1).nullish(),
  description: z.string().nullish(),
  overrideSettings: overrideSettings.nullish(),
  // "The default setting is null, which means that the ip filter is disabled" ([OAS]).
  ipFilterOp: z.enum(["allow", "deny"]).nullish(),
  ipFilters: z
    .array(z.string().refine(isIpFilterEntry, { error: (i) => `${JSON.stringify(i.input)} is not an IP address or CIDR block.` }))
    .nullish(),
  jwkUri: z.string().nullish(),
  additionalConfig: additionalConfig.nullish(),
  additionalProperties: z.record(z.string(), z.unknown()).nullish(),
};

/** The entitlement names a tenant does not know, as issues in the shape of the body's own ones. */
export function unknownEntitlementIssues(entitlements: readonly string[], knows: (name: string) => boolean): string | undefined {
  const bad = entitlements.map((e, i) => [e, i] as const).filter(([e]) => !knows(e));
  if (bad.length === 0) return undefined;
  return bad
    .slice(0, 5)
    .map(([e, i]) => `entitlements[${i}]: The entitlement ${JSON.stringify(e)} is not valid.`)
    .join(" ");
}

/** POST: required clientName, enabled, entitlements; clientId may be chosen by the caller (INFERRED). */
export const createSchema = z.object({
  ...common,
  enabled: z.boolean(),
  clientId: z.string().min(1).nullish(),
});

/** PUT: required clientName, entitlements; `id` and `clientId` cannot be modified. */
export const updateSchema = z.object({
  ...common,
  enabled: z.boolean().optional(),
  id: z.string().optional(),
  clientId: z.string().optional(),
});

export type CreateBody = z.infer<typeof createSchema>;
export type UpdateBody = z.infer<typeof updateSchema>;

/** One sentence per issue, naming the field path, for `messageDescription`. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => {
      const path = i.path.map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`)).join("").replace(/^\./, "");
      return path ? `${path}: ${i.message}` : i.message;
    })
    .join(" ");
}
