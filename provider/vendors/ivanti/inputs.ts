// The IseApiUser input and output schemas, each property declared once (`.meta()`, see
// provider/property-facts.ts): validation, types, secret and replace rules, schema.json, SDK, docs.
import * as z from "zod";
import { profileInput } from "../../profile-input.js";
import { withDeclaredDefaults } from "../../property-facts.js";
import { caseless } from "../../resource.js";
import { nameText } from "../../text-rules.js";
import { DEFAULT_PASSWORD_POLICY, ISE_ROLE_NAME, ISE_ROLE_NAMES, MAX_TEXT } from "./contract.js";
import { DOCUMENTED_ISE_ROLE, type IseRole } from "./ise-role.js";

const CHARACTER_CLASSES: Array<[string, RegExp]> = [
  ["lowercase letters", /[a-z]/],
  ["uppercase letters", /[A-Z]/],
  ["digits", /[0-9]/],
  ["special characters", /[^A-Za-z0-9]/],
];

/** Problems of a password under the default tenant policy (INFERRED, see contract.ts). */
export function passwordProblems(password: string, policy = DEFAULT_PASSWORD_POLICY): string[] {
  const out: string[] = [];
  if (password.length < policy.minLength || password.length > policy.maxLength) {
    out.push(`must be ${policy.minLength} to ${policy.maxLength} characters long (it has ${password.length})`);
  }
  const classes = CHARACTER_CLASSES.filter(([, re]) => re.test(password)).length;
  if (classes < policy.minCharacterClasses) {
    out.push(`must mix at least ${policy.minCharacterClasses} of: ${CHARACTER_CLASSES.map(([n]) => n).join(", ")} (it has ${classes})`);
  }
  return out;
}

/**
 * A name: no empty value (omit it instead), no control characters, not only whitespace (the
 * universal rules, provider/text-rules.ts). The length limit and trimming are INFERRED, so they
 * are warnings (`adviseInputs`), not refusals: a value the vendor holds always passes check.
 */
const text = (what: string) => nameText(z.string().min(1, `${what} must not be empty; omit it instead`), what);

/** Warnings for valid inputs that break only a guessed (INFERRED) rule of the vendor. */
export function adviseInputs(i: Partial<Record<string, unknown>>): string[] {
  const out: string[] = [];
  for (const f of ["emailAddress", "username", "firstName", "lastName", "displayName"]) {
    const v = i[f];
    if (typeof v !== "string") continue;
    // The username defaults to the email address: one warning is enough.
    if (f === "username" && v.toLowerCase() === String(i.emailAddress ?? "").toLowerCase()) continue;
    if (v.length > MAX_TEXT) out.push(`${f} has ${v.length} characters; Ivanti may refuse more than ${MAX_TEXT} (a guess, not documented).`);
    if (f !== "emailAddress" && v.trim() !== v) out.push(`${f} starts or ends with whitespace; Ivanti may trim it, and the next refresh would then show a change.`);
  }
  if (typeof i.password === "string") {
    for (const p of passwordProblems(i.password)) out.push(`password ${p}: the usual tenant password policy (a guess; the tenant's own policy decides on create).`);
  }
  return out;
}

/** `roles`: a list that holds the ISE role under one of the names `ise` knows. */
function rolesInput(ise: IseRole) {
  return z
    .array(z.string().min(1, "a role name must not be empty"), { error: "roles must be a list of role names" })
    .refine(
      (r) => r.some(ise.is),
      `roles must contain "${ISE_ROLE_NAME}" (the role that makes this an ISE API user; "${ISE_ROLE_NAMES[1]}" or the provider setting ivantiIseRoleName name it too)`,
    )
    .default([ISE_ROLE_NAME])
    // Every name of the ISE role is the same role; order, case and repeats do not matter.
    .meta({ compare: ise.roleSet });
}

export const iseApiUserInputs = z
  .object({
    emailAddress: z
      .email(`emailAddress must be a valid email address, e.g. "ise-api@example.com"`)
      .meta({ description: "Email address of the API user; also its UID (its login name, unique in the tenant). Changing it replaces the API user.", onChange: "replace", compare: caseless }),
    username: text("username")
      .refine((v) => !v.includes(":"), "username must not contain ':' (it is a login name for HTTP Basic)")
      .optional()
      .meta({ description: "Username (a second login name, unique in the tenant); the Admin Portal advises the email address. Changing it replaces the API user.", onChange: "replace", compare: caseless, defaultsTo: "emailAddress" }),
    firstName: text("firstName").optional().meta({ description: "First name." }),
    lastName: text("lastName").optional().meta({ description: "Last name." }),
    displayName: text("displayName")
      .optional()
      .meta({ description: 'Display name. Defaults to "<firstName> <lastName>" (what Ivanti fills in) when either name is set.' }),
    password: z
      .string()
      .min(1, "password must not be empty")
      .optional()
      .meta({ description: `Password Cisco ISE uses to call the API (HTTP Basic). Required to create an API user; an API user adopted with importId (or by pulumi import) keeps the password it has until one is declared. Secret; never read back from Ivanti. A password outside the usual tenant policy (${DEFAULT_PASSWORD_POLICY.minLength}-${DEFAULT_PASSWORD_POLICY.maxLength} characters, ${DEFAULT_PASSWORD_POLICY.minCharacterClasses} of lowercase, uppercase, digits, special characters) gets a warning; the tenant's own policy is enforced by Ivanti on create/update. Sent only when it changes.`, secret: true, writeOnly: true }),
    roles: rolesInput(DOCUMENTED_ISE_ROLE).meta({
        description: `Names of the roles the API user holds, as the Admin Portal lists them (a set: order, case and repeats do not matter). Must contain the Cisco ISE role: "${ISE_ROLE_NAME}" or "${ISE_ROLE_NAMES[1]}" (the vendor uses both), or the tenant's own spelling set in the provider setting ivantiIseRoleName, which is then also the default. Space-specific roles are held in the tenant's default device space.`,
      }),
    enabled: z.boolean({ error: "enabled must be true or false" }).default(true).meta({ description: "Whether the API user may sign in. A disabled API user's calls are refused." }),
    importId: z
      .string()
      .regex(/^\d+$/, "importId must be the numeric account id of an existing Ivanti account, e.g. \"10005\"")
      .optional()
      .meta({ description: "Adopt the existing Ivanti account with this numeric id instead of creating one (its inputs are then applied). Never causes a diff.", onChange: "none" }),
    profile: profileInput(),
  })
  .meta({ description: "An Ivanti Neurons for MDM API user holding the Cisco ISE Operations role, for Cisco ISE's MDM integration." });

export const iseApiUserOutputs = iseApiUserInputs
  .extend({
    username: z.string().meta({ description: "Username (defaults to the email address)." }),
    roles: z.array(z.string()).meta({ description: "Names of the roles the API user holds." }),
    enabled: z.boolean().meta({ description: "Whether the API user may sign in." }),
    accountId: z.string().meta({ description: "Ivanti's numeric account id (the resource id)." }),
    uid: z.string().meta({ description: "The account's UID as Ivanti stores it (the email address)." }),
    inviteState: z.string().nullable().meta({ description: 'Invitation state as Ivanti reports it ("None" for an API user with a password).' }),
    createdAt: z.string().nullable().meta({ description: "When the account was created (ISO 8601), as Ivanti reports it." }),
  })
  .meta({ description: "An Ivanti Neurons for MDM API user holding the Cisco ISE Operations role." });

export type IseApiUserInputs = z.output<typeof iseApiUserInputs>;

/** The input schema for a tenant whose ISE role may have its own name (provider setting ivantiIseRoleName). */
export function iseApiUserInputsFor(ise: IseRole) {
  return ise.configured === undefined ? iseApiUserInputs : iseApiUserInputs.extend({ roles: rolesInput(ise) });
}

export type IseApiUserOutputs = z.output<typeof iseApiUserOutputs>;

/** What Ivanti fills in for a missing display name (INFERRED): the names joined by a space. */
export function defaultDisplayName(firstName: string | undefined, lastName: string | undefined): string | undefined {
  return [firstName, lastName].filter(Boolean).join(" ") || undefined;
}

/** Inputs with the defaults that depend on other inputs filled in (username as declared, displayName as Ivanti fills it in). */
export function withDefaults(i: IseApiUserInputs): IseApiUserInputs {
  const out = withDeclaredDefaults(iseApiUserInputs, i);
  const display = i.displayName ?? defaultDisplayName(i.firstName, i.lastName);
  if (display !== undefined) out.displayName = display;
  return out;
}
