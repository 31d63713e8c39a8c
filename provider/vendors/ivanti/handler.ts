// PLACEHOLDER: replaced by the real handler of IseApiUser.
import { z } from "zod";
import type { ResourceHandler } from "../../resource.js";

const notYet = () => Promise.reject(new Error("IseApiUser is not implemented yet"));

export const iseApiUser: ResourceHandler = {
  kind: "IseApiUser",
  vendor: "Ivanti",
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
