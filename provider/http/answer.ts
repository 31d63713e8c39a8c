// Reading a vendor's answer with its zod wire schema. A mismatch names fields and rules only, never
// values: answers can hold passwords and secrets.
import type * as z from "zod";
import { ApiIdentityError } from "../error-root.js";

/** A vendor answered, but not in the shape its wire schema reads. */
export class UnexpectedAnswerError extends ApiIdentityError {
  constructor(vendor: string, call: string, error: z.ZodError, hint = "the API may have changed") {
    const what = error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; ");
    super(`${vendor}: unexpected answer to ${call} (${what}); ${hint}`);
  }
}

/** `call` says what was asked, e.g. `GET /ApiUser/{apiUserGuid}` or `the user search`. */
export function parseAnswer<S extends z.ZodType>(schema: S, body: unknown, vendor: string, call: string, hint?: string): z.output<S> {
  const r = schema.safeParse(body);
  if (!r.success) throw new UnexpectedAnswerError(vendor, call, r.error, hint);
  return r.data;
}
