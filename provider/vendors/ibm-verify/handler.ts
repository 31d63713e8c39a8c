// PLACEHOLDER: replaced by the real handler of VerifyApiClient.
import { z } from "zod";
import type { ResourceHandler } from "../../resource.js";

const notYet = () => Promise.reject(new Error("VerifyApiClient is not implemented yet"));

export const verifyApiClient: ResourceHandler = {
  kind: "VerifyApiClient",
  vendor: "IBM Verify",
  inputs: z.object({}),
  outputs: z.object({}),
  secretOutputs: [],
  replaceOnChanges: [],
  check: notYet,
  diff: notYet,
  create: notYet,
  read: notYet,
  update: notYet,
  delete: notYet,
};
