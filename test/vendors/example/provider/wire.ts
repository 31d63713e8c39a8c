// Wire shapes of the Example API's answers: unknown fields are dropped.
import * as z from "zod";

export const wireAccount = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullish(),
  groupId: z.string().nullish(),
  /** The create key of the resource that made it (this provider's mark), when one was sent. */
  createdBy: z.string().nullish(),
  createdAt: z.string(),
});
export type WireAccount = z.output<typeof wireAccount>;

/** `POST /service-accounts` answer: the account plus its token, shown this once. */
export const wireCreatedAccount = wireAccount.extend({ token: z.string().min(1) });
export type WireCreatedAccount = z.output<typeof wireCreatedAccount>;

export const wireAccountList = z.array(wireAccount);

export const wireGroup = z.object({ id: z.string(), name: z.string() });
export type WireGroup = z.output<typeof wireGroup>;
export const wireGroupList = z.array(wireGroup);

/** The error body of every 4xx: `{ "error": "…" }`. */
export const wireError = z.object({ error: z.string() });

export interface WireAccountBody {
  name: string;
  description: string;
  groupId?: string;
  createdBy?: string;
}
