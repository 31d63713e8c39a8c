// Inputs and outputs of ControlRoomUser: the single source of validation, types and schema.json.
// Rules are the vendor's documented create-user rules (docs/vendors/automation-anywhere.md); where
// only a guess exists, the guess is a warning (`advise`), not a refusal.
// Each property is declared once (`.meta()`, see provider/property-facts.ts).
import * as z from "zod";
import { profileArgument, profileInput } from "../../profile-input.js";
import { updatableOf } from "../../property-facts.js";
import { asSet, caseless } from "../../resource.js";
import { ASSUMED_DESCRIPTION_MAX, ASSUMED_NAME_MAX, freeText, identifierText, lengthWarning, nameText } from "../../text-rules.js";
import { INFERRED } from "./contract.js";

/** The licence features the vendor documents; others are passed through for the Control Room to judge. */
export const LICENSE_FEATURES = INFERRED.documentedLicenseFeatures;
export type LicenseFeature = (typeof LICENSE_FEATURES)[number];
/** `local@domain` with no spaces: what "standard email format" surely means; anything stricter is a guess. */
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+$/;

/** 8–15 characters from a-z A-Z 0-9 @ - _ ! # $ % & . (create-user page). */
export const PASSWORD_RULE = /^[A-Za-z0-9@\-_!#$%&.]{8,15}$/;
const PASSWORD_REASON = "password must be 8 to 15 characters, each one of a-z A-Z 0-9 @ - _ ! # $ % & .";

const optionalName = (what: string) => nameText(z.string(`${what} must be a string`), what).optional();

const RESOURCE_DESCRIPTION =
  "A user of an Automation Anywhere Automation 360 Control Room (a bot runner or API user), with its roles and device licenses.";

export const baseInputs = z.object({
  username: identifierText(
    z.string("username is required and must be a string").max(255, "username must be at most 255 characters"),
    "username",
  )
    .meta({ description: "Login name of the user, unique in the Control Room (compared ignoring case). At most 255 characters. Changing it replaces the user.", onChange: "replace", compare: caseless }),
  email: nameText(z.string("email is required and must be a string").regex(EMAIL_SHAPE, "email must be a valid email address, e.g. bot-owner@example.com"), "email")
    .meta({ description: "Email address of the user (a valid address)." }),
  password: z
    .string("password must be a string")
    .regex(PASSWORD_RULE, PASSWORD_REASON)
    .optional()
    .meta({ description: "Password for Control Room (database) authentication: 8 to 15 characters from a-z A-Z 0-9 @ - _ ! # $ % & . Required unless `domain` is set (Active Directory / SAML users) or an existing user is adopted with `importId` (it then keeps its password). Write-only: stored as a secret, sent to the vendor only when it changes.", secret: true, writeOnly: true }),
  roles: z
    .array(z.string("each role must be a role name").min(1, "a role name must not be empty"), "roles must be a list of role names")
    .min(1, "roles must name at least one role (e.g. AAE_Basic)")
    .refine((rs) => new Set(rs).size === rs.length, "roles must not name the same role twice")
    .meta({ description: "Names of the roles the user holds (at least one, e.g. `AAE_Basic`); order does not matter. Resolved to role ids through the Control Room roles list; an update replaces the whole list at the vendor. The SDK also takes the roles `getControlRoomRole` returns.", compare: asSet }),
  firstName: optionalName("firstName").meta({ description: "First name." }),
  lastName: optionalName("lastName").meta({ description: "Last name." }),
  description: freeText(z.string("description must be a string"), "description").optional().meta({ description: "Free-text description of the user." }),
  disabled: z.boolean("disabled must be true or false").default(false).meta({ description: "Whether the user is disabled (cannot log in). Default false." }),
  enableAutoLogin: z.boolean("enableAutoLogin must be true or false").optional().meta({ description: "Whether auto-login is enabled for the user's device (the vendor's default when omitted).", whenOmitted: false }),
  licenseFeatures: z
    .array(z.string("each licenseFeatures entry must be a feature name").min(1, "a licenseFeatures entry must not be empty"), "licenseFeatures must be a list")
    .refine((ls) => new Set(ls).size === ls.length, "licenseFeatures must not list the same feature twice")
    .optional()
    .meta({ description: `Device licenses of the user, e.g. ${LICENSE_FEATURES.join(", ")} (the documented ones), each at most once; order does not matter. Other names a Control Room knows (such as ATTENDEDRUNTIME) are passed through with a warning: the Control Room decides.`, compare: asSet, whenOmitted: [] }),
  domain: nameText(z.string("domain must be a string").min(1, "domain must not be empty (leave it out for a Control Room user)"), "domain")
    .optional()
    .meta({ description: "Active Directory / SAML domain of the user. Set for directory users, who need no password. Changing it replaces the user.", onChange: "replace" }),
  importId: z
    .string("importId must be a string")
    .regex(/^\d+$/, "importId must be the numeric Control Room user id, e.g. '2075'")
    .optional()
    .meta({ description: "Adopt an existing Control Room user (its numeric id) instead of creating one. Never causes a diff.", onChange: "none" }),
  profile: profileInput(),
}).meta({ description: RESOURCE_DESCRIPTION });

export const inputs = baseInputs.superRefine((v, ctx) => {
  // An adopted user keeps the password it has: adoption must not force a password reset.
  if (v.password === undefined && v.domain === undefined && v.importId === undefined) {
    ctx.addIssue({ code: "custom", path: ["password"], message: "password is required for a Control Room (database) user; leave it out only for directory users, which set `domain` (or when adopting a user with `importId`)" });
  }
});

export const outputs = baseInputs.extend({
  userId: z.string().meta({ description: "Numeric Control Room id of the user (also the resource id)." }),
  roleIds: z.array(z.number()).meta({ description: "Ids of the roles the user holds, in the order of `roles`." }),
  passwordSet: z.boolean().meta({ description: "Whether the user has a Control Room password (the password itself is never returned)." }),
  emailVerified: z.boolean().meta({ description: "Whether the user has verified the email address." }),
  createdOn: z.string().optional().meta({ description: "When the user was created (ISO-8601, UTC)." }),
  updatedOn: z.string().optional().meta({ description: "When the user was last changed (ISO-8601, UTC)." }),
}).meta({ description: RESOURCE_DESCRIPTION });

export type Inputs = z.output<typeof inputs>;

/**
 * Warnings for valid inputs that break only a rule we guessed (INFERRED in contract.ts): an
 * undocumented licence feature, an email the strict "standard format" reading refuses, two role
 * names that differ only in case.
 */
export function advise(i: Partial<Inputs>): string[] {
  const out: string[] = [];
  // The create-user page limits username only; the other lengths are our assumption.
  for (const f of ["email", "firstName", "lastName"] as const) {
    const w = lengthWarning(f, i[f], ASSUMED_NAME_MAX, "the Control Room");
    if (w) out.push(w);
  }
  const long = lengthWarning("description", i.description, ASSUMED_DESCRIPTION_MAX, "the Control Room");
  if (long) out.push(long);
  const known = new Set<string>(LICENSE_FEATURES);
  for (const f of i.licenseFeatures ?? []) {
    if (typeof f === "string" && !known.has(f)) {
      out.push(`licenseFeatures: '${f}' is not one of the documented features (${LICENSE_FEATURES.join(", ")}); it is sent as written and the Control Room decides whether it knows it`);
    }
  }
  if (typeof i.email === "string" && !z.email().safeParse(i.email).success) {
    out.push(`email: '${i.email}' may not pass the Control Room's "standard email format" check (name@domain.tld); it is sent as written`);
  }
  const roles = (i.roles ?? []).filter((r): r is string => typeof r === "string");
  const seen = new Map<string, string>();
  for (const r of roles) {
    const other = seen.get(r.toLowerCase());
    if (other !== undefined && other !== r) out.push(`roles: '${other}' and '${r}' differ only in letter case; unless the Control Room has both, they name the same role`);
    seen.set(r.toLowerCase(), r);
  }
  return out;
}
export type Outputs = z.output<typeof outputs>;

/** Updatable in place through the full-replace PUT (declared above). */
export const UPDATABLE = updatableOf(baseInputs);

/** Arguments of the `getControlRoomRole` lookup: its name, types and documentation in schema.json, the SDK and the docs. */
export const getControlRoomRoleInputs = z
  .object({
    name: z.string().meta({ description: "Role name, e.g. `AAE_Basic`: an exact match first, else the one role whose name matches ignoring case." }),
    profile: profileArgument(),
  })
  .meta({
    lookup: "getControlRoomRole",
    sdkType: "GetControlRoomRoleArgs",
    description: "Finds a Control Room role by name, with the provider settings of the stack. Fails with the list of known role names when there is no such role.",
    sdkDoc: "Looks a Control Room role up by name, in the program process, with the provider settings of the stack (`apiidentity:automationAnywhere*`, else the AUTOMATION_ANYWHERE_* environment variables). Throws an error listing the known role names when there is no such role.",
  });

/** Result of the `getControlRoomRole` lookup. */
export const getControlRoomRoleOutputs = z.object({
  id: z.number().meta({ description: "Numeric role id." }),
  name: z.string().meta({ description: "Role name, e.g. `AAE_Basic`." }),
  description: z.string().optional().meta({ description: "The role's description, when it has one." }),
}).meta({ sdkType: "ControlRoomRole" });

export type GetControlRoomRoleArgs = z.input<typeof getControlRoomRoleInputs>;
export type ControlRoomRole = z.output<typeof getControlRoomRoleOutputs>;
