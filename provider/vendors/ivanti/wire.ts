// Zod schemas of what Ivanti sends back: the `{errors, result}` envelope, accounts, roles, spaces.
// Unknown fields are dropped (zod strips them, nothing here is strict) so a vendor adding fields never
// breaks parsing; values the vendor may vary (accountType, reasons, role names) are open strings.
import { z } from "zod";

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
 * The account object (field names documented). `accountType` comes from client code and is an open
 * string: a value we never saw is kept, never rejected. `apiUser` is an older guess, read only as a
 * fallback when an answer carries it.
 */
export const wireAccount = z.object({
  id: z.number().int(),
  createdAt: z.number().nullish(),
  createdBy: z.number().nullish(),
  displayName: z.string().nullish(),
  firstName: z.string().nullish(),
  lastName: z.string().nullish(),
  uid: z.string(),
  emailAddress: z.string().nullish(),
  username: z.string().nullish(),
  inviteState: z.string().nullish(),
  enabled: z.boolean().nullish(),
  superUser: z.boolean().nullish(),
  accountType: z.string().nullish(),
  apiUser: z.boolean().nullish(),
});
export type WireAccount = z.output<typeof wireAccount>;

/** Search results (documented): `totalCount` says how many rows all pages hold together. */
export const wireAccountPage = z.object({ totalCount: z.number(), searchResults: z.array(wireAccount) });

/** A role of the catalogue (UNDOCUMENTED call). */
export const wireRole = z.object({ id: z.number().int(), name: z.string(), spaceSpecific: z.boolean().nullish() });
export type WireRole = z.output<typeof wireRole>;
export const wireRolePage = z.object({ totalCount: z.number().nullish(), searchResults: z.array(wireRole) });

/** A role an account holds, with the space it is held in (UNDOCUMENTED call). */
export const wireHeldRole = wireRole.extend({ dmPartitionId: z.number().nullish() });
export type WireHeldRole = z.output<typeof wireHeldRole>;
export const wireHeldRolePage = z.object({ totalCount: z.number().nullish(), searchResults: z.array(wireHeldRole) });

/** One answer item of "Check Delete User Viability" (INFERRED shape); `reason` is an open string. */
export const wireViability = z.object({
  id: z.number().int(),
  deletable: z.boolean(),
  reason: z.string().nullish(),
  message: z.string().nullish(),
});
export type WireViability = z.output<typeof wireViability>;

/** One answer item of "Delete Users" (INFERRED shape). */
export const wireDeleted = z.object({
  id: z.number().int(),
  deleted: z.boolean(),
  reason: z.string().nullish(),
  message: z.string().nullish(),
});
export type WireDeleted = z.output<typeof wireDeleted>;

/** Device spaces (documented by client code). */
export const wireSpace = z.object({ id: z.number().int(), name: z.string().nullish(), defaultPartition: z.boolean().nullish() });
export const wireSpacePage = z.object({ totalCount: z.number().nullish(), searchResults: z.array(wireSpace) });
