// Request-body rules of the documented create/update user pages and of the login call.
import * as z from "zod";
import type { SandboxResponse } from "../../types.js";
import { errors } from "./errors.js";
import { LICENSE_FEATURES } from "./state.js";

/** 8–15 characters from a-z A-Z 0-9 @ - _ ! # $ % & . (create-user page). */
export const PASSWORD_RULE = /^[A-Za-z0-9@\-_!#$%&.]{8,15}$/;

const password = z
  .string()
  .regex(PASSWORD_RULE, "password must be 8 to 15 characters from a-z A-Z 0-9 @ - _ ! # $ % & .");

const roleRefs = z
  .array(z.looseObject({ id: z.number("role id must be an integer").int("role id must be an integer") }), "roles must be a list of {id}")
  .min(1, "at least one role is required");

const licenseFeatures = z.array(
  z.enum(LICENSE_FEATURES, `licenseFeatures entries must be one of ${LICENSE_FEATURES.join(", ")}`),
  "licenseFeatures must be a list",
);

const optionalText = z.string("must be a string").nullable().optional();
const optionalFlag = z.boolean("must be true or false").optional();

// Unknown fields (e.g. `sysAssignedRoles`, `id`, `principalId` echoed back) are ignored, as a lenient JSON binder does.
export const createUserSchema = z.looseObject({
  username: z.string("username is required").min(1, "username is required").max(255, "username must be at most 255 characters"),
  email: z.email("email must be a valid email address"),
  password: password.optional(),
  roles: roleRefs,
  domain: optionalText,
  firstName: optionalText,
  lastName: optionalText,
  description: optionalText,
  disabled: optionalFlag,
  enableAutoLogin: optionalFlag,
  licenseFeatures: licenseFeatures.optional(),
});

export const updateUserSchema = z.looseObject({
  username: z.string().optional(),
  email: z.email("email must be a valid email address"),
  // Not in the vendor's update example; accepted as the third-party spec lists it (INFERRED).
  password: password.optional(),
  roles: roleRefs,
  firstName: optionalText,
  lastName: optionalText,
  description: optionalText,
  disabled: optionalFlag,
  enableAutoLogin: optionalFlag,
  licenseFeatures: licenseFeatures.optional(),
  version: z.number().int().optional(),
});

export const loginSchema = z.looseObject({
  username: z.string("username is required").min(1, "username is required"),
  password: z.string().optional(),
  apiKey: z.string().optional(),
  multipleLogin: z.boolean("multipleLogin must be true or false").optional(),
  mfaCode: z.string().optional(),
});

export const tokenBodySchema = z.looseObject({ token: z.string("token is required").min(1, "token is required") });

export type CreateUserBody = z.output<typeof createUserSchema>;
export type UpdateUserBody = z.output<typeof updateUserSchema>;

/** Parses a body, or answers 400 with every problem named by its field path. */
export function parseBody<T extends z.ZodType>(schema: T, body: unknown): { data: z.output<T> } | { error: SandboxResponse } {
  if (body === null || typeof body !== "object" || Array.isArray(body)) return { error: errors.validation("Request body must be a JSON object") };
  const r = schema.safeParse(body);
  if (r.success) return { data: r.data };
  const messages = r.error.issues.map((i) => (i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message));
  return { error: errors.validation(messages[0] ?? "Invalid request", messages.join("; ")) };
}
