// Zod schemas of what Ivanti sends back: the `{errors, result}` envelope, accounts, roles, spaces.
// Unknown fields are kept out (zod strips them) so a vendor adding fields never breaks parsing.
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

/** The account object (field names documented §4.1; `apiUser` INFERRED). */
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
  apiUser: z.boolean().nullish(),
});
export type WireAccount = z.output<typeof wireAccount>;

/** Search results (documented §4.3). */
export const wireAccountPage = z.object({ totalCount: z.number(), searchResults: z.array(wireAccount) });

/** A role of the catalogue (INFERRED). */
export const wireRole = z.object({ id: z.number().int(), name: z.string(), spaceSpecific: z.boolean().nullish() });
export type WireRole = z.output<typeof wireRole>;
export const wireRolePage = z.object({ searchResults: z.array(wireRole) });

/** A role an account holds, with the space it is held in (INFERRED). */
export const wireHeldRole = wireRole.extend({ dmPartitionId: z.number().nullish() });
export type WireHeldRole = z.output<typeof wireHeldRole>;
export const wireHeldRolePage = z.object({ searchResults: z.array(wireHeldRole) });

/** Device spaces (documented [C] §3). */
export const wireSpace = z.object({ id: z.number().int(), name: z.string().nullish(), defaultPartition: z.boolean().nullish() });
export const wireSpacePage = z.object({ totalCount: z.number().nullish(), searchResults: z.array(wireSpace) });
