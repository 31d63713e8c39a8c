// Zod schemas of what the Control Room sends back. Loose on purpose: unknown fields are kept out of
// the way, optional-looking fields tolerate null, so a newer Control Room build does not break us.
import * as z from "zod";

const text = z.string().nullish();
const flag = z.boolean().nullish();

export const wireRoleRef = z.looseObject({ id: z.number(), name: z.string().nullish() });

export const wireUser = z.looseObject({
  id: z.number(),
  username: z.string(),
  domain: text,
  firstName: text,
  lastName: text,
  email: text,
  description: text,
  version: z.number().nullish(),
  deleted: flag,
  roles: z.array(wireRoleRef).nullish(),
  // Kept as strings: a Control Room with more license kinds than we know must still be readable.
  licenseFeatures: z.array(z.string()).nullish(),
  emailVerified: flag,
  passwordSet: flag,
  enableAutoLogin: flag,
  disabled: flag,
  createdBy: z.number().nullish(),
  createdOn: text,
  updatedOn: text,
});
export type WireUser = z.output<typeof wireUser>;

export const wireRole = z.looseObject({
  id: z.number(),
  name: z.string(),
  description: text,
});
export type WireRole = z.output<typeof wireRole>;

const page = z.looseObject({ offset: z.number().nullish(), total: z.number().nullish(), totalFilter: z.number().nullish() });

export const wireUserList = z.looseObject({ page: page.nullish(), list: z.array(wireUser) });
export const wireRoleList = z.looseObject({ page: page.nullish(), list: z.array(wireRole) });

/**
 * One entry of a user's `permissions`: `{id, action, resourceId, resourceType}` (a real login answer
 * carries `resourceId` as null or as a string id). Only `action` and `resourceType` are needed; an
 * entry of another shape is read as null rather than failing the login.
 */
export const wirePermission = z.looseObject({
  id: z.union([z.number(), z.string()]).nullish(),
  action: text,
  resourceType: text,
  resourceId: z.union([z.string(), z.number()]).nullish(),
});
export type WirePermission = z.output<typeof wirePermission>;

export const wireLogin = z.looseObject({
  token: z.string().min(1),
  user: z
    .looseObject({
      id: z.number(),
      username: z.string().nullish(),
      roles: z.array(wireRoleRef).nullish(),
      permissions: z.array(wirePermission.nullable().catch(null)).nullish(),
    })
    .nullish(),
});

/**
 * `{code, details, message}` (INFERRED shape, see contract.ts). Every field is read as whatever it
 * is: `details` comes as one string or as a list of strings, and a build may send something else.
 */
export const wireError = z.looseObject({ code: z.unknown().optional(), details: z.unknown().optional(), message: z.unknown().optional() });

/** Body of create and of the full-replace update (which carries the unchanged `username` too). */
export interface UserBody {
  username: string;
  email: string;
  password?: string;
  roles: { id: number }[];
  firstName: string | null;
  lastName: string | null;
  description: string | null;
  disabled: boolean;
  enableAutoLogin: boolean;
  licenseFeatures: string[];
  domain?: string | null;
}

/** The `/list` request grammar (docs/vendors/automation-anywhere.md, "Users"). */
export interface ListRequest {
  filter?: { operator: string; field: string; value: string } | Record<string, never>;
  sort?: { field: string; direction: "asc" | "desc" }[];
  page: { offset: number; length: number };
  fields: string[];
}
