// Inputs and outputs of UiPathRobotAccount, each property declared once (`.meta()`, see
// provider/property-facts.ts): validation, types, replace rules, schema.json, SDK and docs tables.
import * as z from "zod";
import { profileArgument, profileInput } from "../../profile-input.js";
import { asSet, caseless } from "../../resource.js";
import { ASSUMED_NAME_MAX, identifierText, lengthWarning, nameText } from "../../text-rules.js";
import { NAME_MAX_LENGTH, NAME_PATTERN } from "./contract.js";

/**
 * Warnings for a name that breaks the guessed (INFERRED) length or character rule: UiPath documents
 * neither, so such a name is accepted and may still work.
 */
export function nameWarnings(name: string): string[] {
  const out: string[] = [];
  const guess = "a rule UiPath has not documented; it is our cautious guess, so the name may work, but the create may be refused";
  if (name.length > NAME_MAX_LENGTH) out.push(`name '${name}' has ${name.length} characters, over the guessed limit of at most ${NAME_MAX_LENGTH}: ${guess}`);
  if (name !== "" && !NAME_PATTERN.test(name)) out.push(`name '${name}' has characters outside printable ASCII, or spaces or '@': ${guess}`);
  return out;
}

/** Warnings for valid inputs that break only a guessed (INFERRED) rule: the name's, the display name's length. */
export function adviseInputs(inputs: Partial<RobotAccountInputs>): string[] {
  const out = typeof inputs.name === "string" ? nameWarnings(inputs.name) : [];
  // UiPath's OpenAPI file has no maxLength for displayName either.
  const display = lengthWarning("displayName", inputs.displayName, ASSUMED_NAME_MAX, "UiPath");
  return display ? [...out, display] : out;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isGuid(v: string): boolean {
  return GUID.test(v);
}

const guid = (what: string) =>
  z.string().regex(GUID, `${what} must be a GUID such as 6a0e1c9e-5d2b-4c1f-9f43-2f0b7d3c8a11 (any letter case)`);

const RESOURCE_DESCRIPTION =
  "A robot account in a UiPath Automation Cloud or Automation Suite organization (Identity API RobotAccount), member of groups. It has no secret of its own.";

export const robotAccountInputs = z.object({
  name: identifierText(z.string({ error: "name is required: the robot account's unique name in the organization" }), "name")
    .meta({ description: `The robot account's name (its username), unique in the organization (case-insensitively). UiPath documents no length or character rule; a name that is not printable ASCII without spaces or '@', or longer than ${NAME_MAX_LENGTH} characters, gets a warning (not a refusal). UiPath cannot rename a robot account: changing it replaces the account.`, onChange: "replace" }),
  displayName: nameText(z.string().min(1, "displayName must not be empty: omit it to use the name"), "displayName")
    .optional()
    .meta({ description: "The name shown in the portal. Updates in place.", defaultsTo: "name" }),
  groupIds: z
    .array(guid("each groupIds entry"))
    .superRefine((ids, ctx) => {
      const seen = new Set<string>();
      ids.forEach((id, i) => {
        const k = id.toLowerCase();
        if (seen.has(k)) ctx.addIssue({ code: "custom", path: [i], message: `group ${id} is listed twice` });
        seen.add(k);
      });
    })
    .optional()
    .meta({ description: "Ids (GUIDs) of the groups the robot account belongs to, e.g. from `getUiPathGroup({ name })`. A set: order and letter case do not matter. Updates in place by adding and removing memberships.", compare: asSet, whenOmitted: [] }),
  partitionGlobalId: guid("partitionGlobalId")
    .optional()
    .meta({ description: "The organization's GUID (UiPath's `partitionGlobalId`). Defaults to the provider setting `uipathPartitionGlobalId`. Changing it replaces the robot account.", onChange: "replace", compare: caseless }),
  importId: guid("importId")
    .optional()
    .meta({ description: "Id of an existing robot account to adopt instead of creating one: the provider reads it, applies the declared inputs and manages it from then on. Never causes a diff.", onChange: "none" }),
  profile: profileInput(),
}).meta({ description: RESOURCE_DESCRIPTION });

export type RobotAccountInputs = z.output<typeof robotAccountInputs>;

export const robotAccountOutputs = z.object({
  robotAccountId: z.string().meta({ description: "The robot account's id (GUID) at UiPath; also the resource id." }),
  name: z.string().meta({ description: "The robot account's name." }),
  displayName: z.string().meta({ description: "The display name as UiPath stores it (the name when none was given)." }),
  groupIds: z.array(z.string()).meta({ description: "Ids of the groups the robot account belongs to now, in the program's order and spelling where they match." }),
  partitionGlobalId: z.string().meta({ description: "The organization (partition) the robot account lives in." }),
  creationTime: z.string().optional().meta({ description: "When UiPath created the robot account (UTC, ISO 8601 with `Z`; UiPath sends seven fractional digits, sometimes without the `Z`)." }),
  lastLoginTime: z.string().optional().meta({ description: "When the robot account last logged in (UTC, ISO 8601), if ever. Never causes a diff." }),
  importId: z.string().optional().meta({ description: "The `importId` input the account was adopted with, if any." }),
}).meta({ description: RESOURCE_DESCRIPTION });

export type RobotAccountOutputs = z.output<typeof robotAccountOutputs>;

/** Arguments of the `getUiPathGroup` lookup: its name, types and documentation in schema.json, the SDK and the docs. */
export const getUiPathGroupInputs = z
  .object({
    name: z.string().meta({ description: "The group's name, e.g. `Robots` or the built-in `Automation Users`: an exact match first, then one ignoring case." }),
    partitionGlobalId: z.string().optional().meta({ description: "The organization GUID; defaults to the provider setting `uipathPartitionGlobalId`." }),
    profile: profileArgument(),
  })
  .meta({
    lookup: "getUiPathGroup",
    sdkType: "FindGroupArgs",
    description: "Finds a UiPath group by name, to use its id in groupIds of a UiPathRobotAccount. Needs the scope PM.Group.Read (or PM.Group). Fails, listing the known names, when none matches.",
    sdkDoc:
      "Finds a UiPath group by name (one call: `GET /api/Group/{partitionGlobalId}`), in the program process with the `apiidentity:uipath*` stack config (or the UIPATH_* environment variables). Needs the scope `PM.Group.Read` (or `PM.Group`). Throws, listing the known names, when none matches. Use the result in `groupIds`: `getUiPathGroup({ name: \"Robots\" }).then((g) => g.id)`.",
  });

/** Result of the `getUiPathGroup` lookup. */
export const getUiPathGroupOutputs = z.object({
  id: z.string().meta({ description: "The group's id (GUID), for `groupIds`." }),
  name: z.string().meta({ description: "The group's name." }),
  type: z.string().optional().meta({ description: "`builtIn` or `custom`." }),
  creationTime: z.string().optional().meta({ description: "When the group was created (UTC, ISO 8601)." }),
  lastModificationTime: z.string().optional().meta({ description: "When the group last changed (UTC, ISO 8601); absent until it changes." }),
  memberIds: z.array(z.string()).meta({ description: "Ids of the group's members (users, robot accounts, groups, applications)." }),
}).meta({ sdkType: "UiPathGroup" });

export type FindGroupArgs = z.input<typeof getUiPathGroupInputs>;
export type UiPathGroup = z.output<typeof getUiPathGroupOutputs>;
