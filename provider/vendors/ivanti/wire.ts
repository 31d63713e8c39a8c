// Zod schemas of what Ivanti sends back: the `{errors, result}` envelope, accounts, roles, spaces.
// Unknown fields are dropped (zod strips them, nothing here is strict) so a vendor adding fields never
// breaks parsing; values the vendor may vary (accountType, reasons, role names) are open strings.
import * as z from "zod";

const fieldError = z.object({ code: z.string().nullish(), message: z.string().nullish(), field: z.string().nullish() });
const globalError = z.object({ code: z.string().nullish(), message: z.string().nullish() });

/** Documented: `errors = {globalErrors, fieldErrors}`; item shapes partly INFERRED. */
export const wireErrors = z.object({
  globalErrors: z.array(globalError).nullish(),
  fieldErrors: z.array(fieldError).nullish(),
});
export type WireErrors = z.output<typeof wireErrors>;

/** Every answer: `{"errors": null | {...}, "result": …}` (documented). */
export const wireEnvelope = z.object({ errors: wireErrors.nullish(), result: z.unknown() });

/**
 * A point in time as a tenant may send it: epoch milliseconds (a number, or the same digits as a
 * string) or ISO-8601 text (a real answer in public client code holds both forms). Anything else reads
 * as unknown (null): one odd account must never fail the page or the refresh it is part of.
 */
export function epochMs(v: unknown): number | null {
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v !== "string" || v.trim() === "") return null;
  const t = v.trim();
  if (/^\d+$/.test(t)) return Number(t);
  // Only text that looks like an ISO date: Date.parse accepts far looser forms than a tenant sends.
  if (!/^\d{4}-\d{2}-\d{2}/.test(t)) return null;
  const ms = Date.parse(t);
  return Number.isFinite(ms) ? ms : null;
}
const time = z.unknown().transform(epochMs).optional();

/** A number, or null when the answer holds none or something else (never a parse failure). */
const looseNumber = z
  .unknown()
  .transform((v) => (typeof v === "number" && Number.isFinite(v) ? v : null))
  .optional();

/**
 * The account object (field names documented). `accountType`, `accountSource` and `inviteState` are
 * open strings (a real answer shows their usual values; a value we never saw is kept, never
 * rejected). `apiUser` is an older guess, read only as a fallback when an answer carries it.
 */
export const wireAccount = z.object({
  id: z.number().int(),
  createdAt: time,
  createdBy: looseNumber,
  displayName: z.string().nullish(),
  firstName: z.string().nullish(),
  lastName: z.string().nullish(),
  uid: z.string(),
  emailAddress: z.string().nullish(),
  username: z.string().nullish(),
  accountSource: z.string().nullish(),
  inviteState: z.string().nullish(),
  enabled: z.boolean().nullish(),
  superUser: z.boolean().nullish(),
  accountType: z.string().nullish(),
  apiUser: z.boolean().nullish(),
});
export type WireAccount = z.output<typeof wireAccount>;

/** A field read only when it has the expected shape; otherwise absent (never a parse failure). */
const optional = <S extends z.ZodType>(schema: S) =>
  z
    .unknown()
    .transform((v) => {
      const r = schema.safeParse(v);
      return r.success ? (r.data as z.output<S>) : undefined;
    })
    .optional();

/**
 * Search results (documented): `totalCount` says how many rows all pages hold together. A real
 * answer (public client code) also carries `offset`, `limit`, `queryTime`, `facetedResults` (counts
 * per value of fields such as `ACCOUNTTYPE`) and `totalUnfilteredResultCount`: read when well formed.
 */
export const wireAccountPage = z.object({
  totalCount: z.number(),
  searchResults: z.array(wireAccount),
  offset: optional(z.number()),
  limit: optional(z.number()),
  queryTime: optional(z.number()),
  facetedResults: optional(z.record(z.string(), z.record(z.string(), z.number().nullable()))),
  totalUnfilteredResultCount: optional(z.number()),
});

/** A role of the catalogue (UNDOCUMENTED call). */
export const wireRole = z.object({ id: z.number().int(), name: z.string(), spaceSpecific: z.boolean().nullish() });
export type WireRole = z.output<typeof wireRole>;
export const wireRolePage = z.object({ totalCount: z.number().nullish(), searchResults: z.array(wireRole) });

/** A role an account holds, with the space it is held in (UNDOCUMENTED call). */
export const wireHeldRole = wireRole.extend({ dmPartitionId: z.number().nullish() });
export type WireHeldRole = z.output<typeof wireHeldRole>;
export const wireHeldRolePage = z.object({ totalCount: z.number().nullish(), searchResults: z.array(wireHeldRole) });

/** One answer item of the older bulk delete `DELETE /api/v1/accounts?ids=` (INFERRED shape); `reason` is an open string. */
export const wireDeleted = z.object({
  id: z.number().int(),
  deleted: z.boolean(),
  reason: z.string().nullish(),
  message: z.string().nullish(),
});
export type WireDeleted = z.output<typeof wireDeleted>;

/** "Get Tenant Metadata" (documented call); `defaultDmPartitionId` as public scripts read it. */
export const wireTenantMetadata = z.object({ defaultDmPartitionId: z.union([z.number().int(), z.string().regex(/^\d+$/).transform(Number)]).nullish() });
