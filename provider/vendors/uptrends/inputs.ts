// Inputs and outputs of UptrendsApiAccount, each property declared once (`.meta()`, see
// provider/property-facts.ts): validation, types, secret and replace rules, schema.json, SDK, docs.
import * as z from "zod";
import { profileArgument, profileInput } from "../../profile-input.js";
import { caseless } from "../../resource.js";
import { ASSUMED_DESCRIPTION_MAX, freeText, lengthWarning } from "../../text-rules.js";
import { ACCESS_TYPES, DEFAULT_DESCRIPTION } from "./contract.js";
import { descriptionNormaliser } from "./mappers.js";

const RESOURCE_DESCRIPTION =
  "An Uptrends API v4 API account (\"API user\"): a generated username and password for HTTP Basic, acting as one operator. " +
  "Uptrends shows the password only when the account is created.";

const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

const guid = (property: string, what: string) =>
  z
    .string({ error: `${property} must be a string: ${what}` })
    .regex(GUID, `${property} must be a GUID in the form 2f3c9a1e-6b7d-4e58-9a0c-1d2e3f4a5b6c (${what}); letter case does not matter`);

export const uptrendsApiAccountInputs = z.object({
  operatorGuid: guid("operatorGuid", "the OperatorGuid of the Uptrends operator the API account acts for").meta({
    description:
      "GUID of the Uptrends operator this API account belongs to and acts as (case-insensitive). " +
      "Use getUptrendsOperator() to find it by name or e-mail. The vendor cannot move an API account to " +
      "another operator, so changing it replaces the account (new username and password).",
    onChange: "replace",
    compare: caseless,
  }),
  description: freeText(z.string({ error: "description must be a string" }), "description")
    .optional()
    .meta({
      description:
        `Free-text description shown in the operator's API management tab. Updated in place. ` +
        `Empty or omitted means the vendor's default "${DEFAULT_DESCRIPTION}".`,
      // Descriptions the vendor stores alike (empty, omitted, its default) compare equal.
      compare: descriptionNormaliser,
    }),
  importId: guid("importId", "the ApiUserGuid of an existing API account")
    .optional()
    .meta({
      description:
        "ApiUserGuid of an existing API account to adopt instead of creating one. Its password cannot be " +
        "retrieved, so the password output of an adopted account stays empty. Never causes a diff.",
      onChange: "none",
    }),
  profile: profileInput(),
}).meta({ description: RESOURCE_DESCRIPTION });

export const uptrendsApiAccountOutputs = z.object({
  apiUserGuid: z.string().meta({ description: "GUID of the API account at Uptrends; also the resource id." }),
  username: z.string().meta({ description: "Generated username of the API account (HTTP Basic user name)." }),
  password: z.string().meta({
    description:
      "Password of the API account (secret). Uptrends shows it only in the create answer; it is kept from " +
      "state afterwards. Empty for an adopted account (importId).",
    secret: true,
  }),
  operatorGuid: z.string().meta({ description: "GUID of the operator the API account belongs to (lower case)." }),
  description: z.string().meta({ description: `Description at the vendor ("${DEFAULT_DESCRIPTION}" when none was given).` }),
  accessType: z.string().meta({ description: `Access type at the vendor, e.g. ${ACCESS_TYPES.join(", ")}; any other value is kept as the vendor sends it (accounts made here are Generic).` }),
  createdDate: z.string().meta({ description: "When the API account was created (ISO 8601, vendor clock)." }),
  lastUsed: z.string().meta({ description: "When the API account was last used (ISO 8601); empty while never used. Refresh updates it; never a diff." }),
  importId: z.string().optional().meta({ description: "The importId this resource adopted, when it was adopted." }),
}).meta({ description: RESOURCE_DESCRIPTION });

export type UptrendsApiAccountInputs = z.output<typeof uptrendsApiAccountInputs>;

/** Warnings for valid inputs that break only a guessed (INFERRED) rule: Uptrends documents no description length. */
export function adviseInputs(inputs: Partial<UptrendsApiAccountInputs>): string[] {
  const w = lengthWarning("description", inputs.description, ASSUMED_DESCRIPTION_MAX, "Uptrends");
  return w ? [w] : [];
}
export type UptrendsApiAccountOutputs = z.output<typeof uptrendsApiAccountOutputs>;

/** Arguments of the `getUptrendsOperator` lookup: its name, types and documentation in schema.json, the SDK and the docs. */
export const getUptrendsOperatorInputs = z
  .object({
    name: z.string().optional().meta({ description: "Full name of the operator, compared case-insensitively." }),
    email: z.string().optional().meta({ description: "E-mail (login name) of the operator, compared case-insensitively." }),
    profile: profileArgument(),
  })
  .meta({
    lookup: "getUptrendsOperator",
    sdkType: "UptrendsOperatorQuery",
    description: "Finds an Uptrends operator by full name and/or e-mail, to use its operatorGuid for an UptrendsApiAccount. Fails when no operator or more than one matches, listing the account's operators.",
    sdkDoc:
      "Finds an Uptrends operator by full name and/or e-mail (both case-insensitive), to use its `operatorGuid` for an `UptrendsApiAccount`. Runs in the program with the provider settings (`apiidentity:uptrends*` stack config, else `UPTRENDS_*` environment variables). Throws when no operator or more than one matches, listing the account's operators.",
  });

/** Result of the `getUptrendsOperator` lookup. */
export const getUptrendsOperatorOutputs = z.object({
  operatorGuid: z.string().meta({ description: "GUID of the operator: pass it as operatorGuid of an UptrendsApiAccount." }),
  fullName: z.string().meta({ description: "Full name of the operator." }),
  email: z.string().meta({ description: "E-mail (login name) of the operator." }),
  isAccountAdministrator: z.boolean().meta({ description: "Whether the operator is an account administrator." }),
  operatorRole: z.string().optional().meta({ description: "The operator's role, when the API returns one." }),
}).meta({ sdkType: "UptrendsOperator" });

export type UptrendsOperatorQuery = z.input<typeof getUptrendsOperatorInputs>;
export type UptrendsOperator = z.output<typeof getUptrendsOperatorOutputs>;
