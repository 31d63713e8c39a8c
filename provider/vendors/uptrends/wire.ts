// Wire shapes of the Uptrends answers this client reads (PascalCase). Lenient: unknown fields are
// kept, and INFERRED fields are optional so a differently shaped live API fails only where it matters.
import { z } from "zod";

/** An API account ("API user"). Field names: see contract.ts (most are INFERRED). */
export const wireApiUser = z.looseObject({
  ApiUserGuid: z.string(),
  OperatorGuid: z.string(),
  Description: z.string().nullish(),
  UserName: z.string(),
  ApiAccessType: z.string().nullish(),
  CreatedDate: z.string().nullish(),
  // null or absent while the account was never used (or before the vendor tracked it).
  LastUsed: z.string().nullish(),
  RequestsLast30Days: z.number().nullish(),
});
export type WireApiUser = z.output<typeof wireApiUser>;

/** `POST /ApiUser` answer: the account plus its password, shown this once. */
export const wireCreatedApiUser = wireApiUser.extend({ Password: z.string().min(1) });
export type WireCreatedApiUser = z.output<typeof wireCreatedApiUser>;

export const wireApiUserList = z.array(wireApiUser);

/** The Operator object (SWAGGER-2022); only the fields the lookup returns. */
export const wireOperator = z.looseObject({
  OperatorGuid: z.string(),
  FullName: z.string().nullish(),
  Email: z.string().nullish(),
  IsAccountAdministrator: z.boolean().nullish(),
  IsOnDuty: z.boolean().nullish(),
  OperatorRole: z.string().nullish(),
});
export type WireOperator = z.output<typeof wireOperator>;
export const wireOperatorList = z.array(wireOperator);

/** `MessageList`, the error body of every documented 4xx. */
export const wireMessageList = z.looseObject({
  Messages: z.array(z.looseObject({ Message: z.string().nullish() })).nullish(),
});

/** Request body of POST and PUT: only these two fields are writable (documented). */
export interface WireApiUserBody {
  OperatorGuid: string;
  Description: string;
}
