// Inputs and outputs of UiPathRobotAccount: the single source of validation, types, schema.json and
// the docs' property tables.
import { z } from "zod";
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

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isGuid(v: string): boolean {
  return GUID.test(v);
}

const guid = (what: string) =>
  z.string().regex(GUID, `${what} must be a GUID such as 6a0e1c9e-5d2b-4c1f-9f43-2f0b7d3c8a11 (any letter case)`);

export const robotAccountInputs = z.object({
  name: z
    .string({ error: "name is required: the robot account's unique name in the organization" })
    .min(1, "name must not be empty")
    .describe(
      `The robot account's name (its username), unique in the organization (case-insensitively). UiPath documents no length or character rule; a name that is not printable ASCII without spaces or '@', or longer than ${NAME_MAX_LENGTH} characters, gets a warning (not a refusal). UiPath cannot rename a robot account: changing it replaces the account.`,
    ),
  displayName: z
    .string()
    .min(1, "displayName must not be empty: omit it to use the name")
    .optional()
    .describe("The name shown in the portal. Defaults to `name`. Updates in place."),
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
    .describe(
      "Ids (GUIDs) of the groups the robot account belongs to, e.g. from `getUiPathGroup({ name })`. A set: order and letter case do not matter. Omitted means no groups. Updates in place by adding and removing memberships.",
    ),
  partitionGlobalId: guid("partitionGlobalId")
    .optional()
    .describe(
      "The organization's GUID (UiPath's `partitionGlobalId`). Defaults to the provider setting `uipathPartitionGlobalId`. Changing it replaces the robot account.",
    ),
  importId: guid("importId")
    .optional()
    .describe(
      "Id of an existing robot account to adopt instead of creating one: the provider reads it, applies the declared inputs and manages it from then on. Never causes a diff.",
    ),
});

export type RobotAccountInputs = z.output<typeof robotAccountInputs>;

export const robotAccountOutputs = z.object({
  robotAccountId: z.string().describe("The robot account's id (GUID) at UiPath; also the resource id."),
  name: z.string().describe("The robot account's name."),
  displayName: z.string().describe("The display name as UiPath stores it."),
  groupIds: z.array(z.string()).describe("Ids of the groups the robot account belongs to."),
  partitionGlobalId: z.string().describe("The organization (partition) the robot account lives in."),
  creationTime: z.string().optional().describe("When UiPath created the robot account (UTC, ISO 8601)."),
  lastLoginTime: z.string().optional().describe("When the robot account last logged in (UTC, ISO 8601), if ever. Never causes a diff."),
  importId: z.string().optional().describe("The `importId` input the account was adopted with, if any."),
});

export type RobotAccountOutputs = z.output<typeof robotAccountOutputs>;
