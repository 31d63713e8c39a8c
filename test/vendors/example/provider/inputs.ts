// Inputs and outputs of ExampleServiceAccount and of the getExampleGroup lookup, each property
// declared once with `.meta()`: validation, types, secret and replace rules, schema.json, SDK, docs.
import * as z from "zod";
import { freeText, identifierText } from "../../text-rules.js";

const RESOURCE_DESCRIPTION = "A service account of the Example API (a test-only vendor): a name, a description, an optional group and a token the vendor shows once.";

export const exampleServiceAccountInputs = z
  .object({
    name: identifierText(z.string({ error: "name must be a string" }), "name").meta({
      description: "Name of the service account, unique at the vendor. The vendor cannot rename one, so changing it replaces the account (and its token).",
      onChange: "replace",
    }),
    description: freeText(z.string({ error: "description must be a string" }), "description")
      .optional()
      .meta({ description: "Free text shown beside the account. Updated in place.", whenOmitted: "" }),
    groupId: z.string({ error: "groupId must be a string" }).optional().meta({ description: "Id of the group the account belongs to (getExampleGroup finds it by name). Updated in place." }),
    importId: z.string({ error: "importId must be a string" }).optional().meta({
      description: "Id of an existing service account to adopt instead of creating one; its token cannot be read, so the token output stays empty. Never causes a diff.",
      onChange: "none",
    }),
  })
  .meta({ description: RESOURCE_DESCRIPTION });

export const exampleServiceAccountOutputs = z
  .object({
    accountId: z.string().meta({ description: "Id of the service account at the vendor; also the resource id." }),
    name: z.string().meta({ description: "Name of the service account." }),
    description: z.string().meta({ description: "Description at the vendor (empty when none was given)." }),
    groupId: z.string().optional().meta({ description: "Id of its group, when it has one." }),
    token: z.string().meta({ description: "The account's API token (secret), shown by the vendor only when the account is created; kept from state afterwards. Empty for an adopted account.", secret: true }),
    createdAt: z.string().meta({ description: "When the account was created (ISO 8601, vendor clock)." }),
    importId: z.string().optional().meta({ description: "The importId this resource adopted, when it was adopted." }),
  })
  .meta({ description: RESOURCE_DESCRIPTION });

export type ExampleServiceAccountInputs = z.output<typeof exampleServiceAccountInputs>;
export type ExampleServiceAccountOutputs = z.output<typeof exampleServiceAccountOutputs>;

export const getExampleGroupInputs = z
  .object({ name: z.string().meta({ description: "Name of the group, compared exactly." }) })
  .meta({
    lookup: "getExampleGroup",
    sdkType: "ExampleGroupQuery",
    description: "Finds an Example group by name, to use its id as groupId of an ExampleServiceAccount. Fails when no group has the name, listing the groups.",
    sdkDoc: "Finds an Example group by name, to use its `id` as `groupId` of an `ExampleServiceAccount`. Throws, listing the groups, when none has the name.",
  });

export const getExampleGroupOutputs = z
  .object({
    id: z.string().meta({ description: "Id of the group: pass it as groupId." }),
    name: z.string().meta({ description: "Name of the group." }),
  })
  .meta({ sdkType: "ExampleGroup" });

export type ExampleGroupQuery = z.input<typeof getExampleGroupInputs>;
export type ExampleGroup = z.output<typeof getExampleGroupOutputs>;
