// Request validation. Failures become Spring-style field errors ({code, message, field}) with the
// binding path of the offending form field, e.g. `accounts[0].password`.
import * as z from "zod";
import type { FieldError } from "./errors.js";
import type { PasswordPolicy } from "./state.js";

/** Form fields arrive as strings; JSON may send real booleans. */
export const boolish = z.union([z.boolean(), z.enum(["true", "false", "TRUE", "FALSE", "True", "False"]).transform((v) => v.toLowerCase() === "true")]);
export const idish = z.union([z.number().int().positive(), z.string().regex(/^\d+$/).transform(Number)]);

/** Optional free text: empty means "not set". */
const text = z
  .string()
  .max(255, { error: "size must be between 0 and 255" })
  .transform((v) => (v.trim() === "" ? null : v.trim()))
  .optional();

/**
 * One element of `accounts[i]` on create (documented fields plus the INFERRED password-call ones).
 * The API-user marker has a configurable name, so it is read separately (`boolish`).
 */
export const createAccountSchema = z.object({
  emailAddress: z
    .string({ error: (iss) => (iss.input === undefined ? "must not be null" : "must be a string") })
    .trim()
    .min(1, { error: "must not be blank" })
    .max(255, { error: "size must be between 0 and 255" })
    .pipe(z.email({ error: "must be a well-formed email address" })),
  uid: z.string().trim().optional(),
  accountSource: z.enum(["LOCAL"], { error: (iss) => (iss.input === undefined ? "must not be null" : "must be LOCAL") }),
  username: z.string().trim().max(255, { error: "size must be between 0 and 255" }).optional(),
  firstName: text,
  lastName: text,
  displayName: text,
  locale: text,
  password: z.string().optional(),
  enabled: boolish.optional(),
  roles: z.array(idish).optional(),
});

/** Body of the INFERRED "Update User Account" call: what the Admin Portal's Edit lets change. */
export const updateAccountSchema = z.object({
  firstName: text,
  lastName: text,
  displayName: text,
  locale: text,
  password: z.string().optional(),
  enabled: boolish.optional(),
});

export const rolesBodySchema = z.object({ roles: z.array(idish, { error: "must not be null" }) });

/** Maps zod issues to field errors, one per field (the first wins), under `prefix`. */
export function toFieldErrors(error: z.ZodError, prefix = ""): FieldError[] {
  const seen = new Set<string>();
  const out: FieldError[] = [];
  for (const issue of error.issues) {
    const field = prefix + issue.path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 && !prefix ? String(p) : `.${String(p)}`)).join("");
    if (seen.has(field)) continue;
    seen.add(field);
    out.push({ code: springCode(issue), message: issue.message, field });
  }
  return out;
}

function springCode(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "invalid_type":
      return issue.message === "must not be null" ? "NotNull" : "typeMismatch";
    case "too_small":
      return "NotBlank";
    case "too_big":
      return "Size";
    case "invalid_format":
      return "Email";
    case "invalid_value":
      return issue.message === "must not be null" ? "NotNull" : "Invalid";
    default:
      return "typeMismatch";
  }
}

const CLASSES: Array<[string, RegExp]> = [
  ["lowercase letters", /[a-z]/],
  ["uppercase letters", /[A-Z]/],
  ["digits", /[0-9]/],
  ["special characters", /[^A-Za-z0-9]/],
];

/** The tenant password policy (INFERRED default: 8..128 characters, 3 of 4 character classes). */
export function passwordErrors(password: string, policy: PasswordPolicy, field: string): FieldError[] {
  const errors: FieldError[] = [];
  if (password.length < policy.minLength || password.length > policy.maxLength) {
    errors.push({ code: "Size", field, message: `Password must be between ${policy.minLength} and ${policy.maxLength} characters long` });
  }
  const classes = CLASSES.filter(([, re]) => re.test(password)).length;
  if (classes < policy.minCharacterClasses) {
    errors.push({
      code: "PasswordComplexity",
      field,
      message: `Password must contain characters from at least ${policy.minCharacterClasses} of: ${CLASSES.map(([n]) => n).join(", ")}`,
    });
  }
  return errors;
}
