// Inputs and outputs of UptrendsApiAccount: the single source of validation, types and schema.json.
import { z } from "zod";
import { DEFAULT_DESCRIPTION } from "./contract.js";

const RESOURCE_DESCRIPTION =
  "An Uptrends API v4 API account (\"API user\"): a generated username and password for HTTP Basic, acting as one operator. " +
  "Uptrends shows the password only when the account is created.";

const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

const guid = (property: string, what: string) =>
  z
    .string({ error: `${property} must be a string: ${what}` })
    .regex(GUID, `${property} must be a GUID in the form 2f3c9a1e-6b7d-4e58-9a0c-1d2e3f4a5b6c (${what}); letter case does not matter`);

export const uptrendsApiAccountInputs = z.object({
  operatorGuid: guid("operatorGuid", "the OperatorGuid of the Uptrends operator the API account acts for").describe(
    "GUID of the Uptrends operator this API account belongs to and acts as (case-insensitive). " +
      "Use getUptrendsOperator() to find it by name or e-mail. The vendor cannot move an API account to " +
      "another operator, so changing it replaces the account (new username and password).",
  ),
  description: z
    .string({ error: "description must be a string" })
    .optional()
    .describe(
      `Free-text description shown in the operator's API management tab. Updated in place. ` +
        `Empty or omitted means the vendor's default "${DEFAULT_DESCRIPTION}".`,
    ),
  importId: guid("importId", "the ApiUserGuid of an existing API account")
    .optional()
    .describe(
      "ApiUserGuid of an existing API account to adopt instead of creating one. Its password cannot be " +
        "retrieved, so the password output of an adopted account stays empty. Never causes a diff.",
    ),
}).describe(RESOURCE_DESCRIPTION);

export const uptrendsApiAccountOutputs = z.object({
  apiUserGuid: z.string().describe("GUID of the API account at Uptrends; also the resource id."),
  username: z.string().describe("Generated username of the API account (HTTP Basic user name)."),
  password: z
    .string()
    .describe(
      "Password of the API account (secret). Uptrends shows it only in the create answer; it is kept from " +
        "state afterwards. Empty for an adopted account (importId).",
    ),
  operatorGuid: z.string().describe("GUID of the operator the API account belongs to (lower case)."),
  description: z.string().describe(`Description at the vendor ("${DEFAULT_DESCRIPTION}" when none was given).`),
  accessType: z.string().describe("Access type at the vendor: Generic, MobileApp or TransactionRecorder (accounts made here are Generic)."),
  createdDate: z.string().describe("When the API account was created (ISO 8601, vendor clock)."),
  lastUsed: z.string().describe("When the API account was last used (ISO 8601); empty while never used. Refresh updates it; never a diff."),
  importId: z.string().optional().describe("The importId this resource adopted, when it was adopted."),
}).describe(RESOURCE_DESCRIPTION);

export type UptrendsApiAccountInputs = z.output<typeof uptrendsApiAccountInputs>;
export type UptrendsApiAccountOutputs = z.output<typeof uptrendsApiAccountOutputs>;

/** Outputs Pulumi keeps as secrets in state. */
export const UPTRENDS_SECRET_OUTPUTS = ["password"] as const;
/** The vendor cannot move an API account to another operator. */
export const UPTRENDS_REPLACE_ON_CHANGES = ["operatorGuid"] as const;
