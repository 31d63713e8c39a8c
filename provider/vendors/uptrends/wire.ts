// Wire shapes of the Uptrends answers this client reads. Tolerant: field names are matched whatever
// their letter case (the documented answers are PascalCase, but Uptrends is known to vary), unknown
// fields are dropped, and enum-like values (access type, operator role) are kept as plain strings.
// Field names and which of them are documented: contract.ts and docs/vendors/uptrends.md.
import * as z from "zod";
import { caseInsensitiveObject } from "../../http/index.js";

const apiUserShape = {
  ApiUserGuid: z.string(),
  OperatorGuid: z.string(),
  Description: z.string().nullish(),
  UserName: z.string(),
  // Documented values Generic, MobileApp, TransactionRecorder; any other is kept (open enum).
  ApiAccessType: z.string().nullish(),
  CreatedDate: z.string().nullish(),
  // null or absent while the account was never used (or before the vendor tracked it).
  LastUsed: z.string().nullish(),
  RequestsLast30Days: z.number().nullish(),
};

/** An API account ("API user"). Field names: see contract.ts (most are INFERRED). */
export const wireApiUser = caseInsensitiveObject(apiUserShape);
export type WireApiUser = z.output<typeof wireApiUser>;

/** `POST /ApiUser` answer: the account plus its password, shown this once. */
export const wireCreatedApiUser = caseInsensitiveObject({ ...apiUserShape, Password: z.string().min(1) });
export type WireCreatedApiUser = z.output<typeof wireCreatedApiUser>;

export const wireApiUserList = z.array(wireApiUser);

/** The Operator object (SWAGGER-2022); only the fields the lookup returns. */
export const wireOperator = caseInsensitiveObject({
  OperatorGuid: z.string(),
  FullName: z.string().nullish(),
  Email: z.string().nullish(),
  IsAccountAdministrator: z.boolean().nullish(),
  IsOnDuty: z.boolean().nullish(),
  // Open enum: any role name is kept.
  OperatorRole: z.string().nullish(),
});
export type WireOperator = z.output<typeof wireOperator>;
export const wireOperatorList = z.array(wireOperator);

/** `GET /Operator/{operatorGuid}/Authorization`: the operator's rights, a list of names (open enum). */
export const wireAuthorizationList = z.array(z.string());

/** `MessageList`, the error body of every documented 4xx. */
export const wireMessageList = caseInsensitiveObject({
  Messages: z.array(caseInsensitiveObject({ Message: z.string().nullish() })).nullish(),
});

/** Request body of POST and PUT: only these two fields are writable (documented). Always PascalCase. */
export interface WireApiUserBody {
  OperatorGuid: string;
  Description: string;
}
