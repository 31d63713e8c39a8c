// PLACEHOLDER: replaced by the real handler of UptrendsApiAccount.
import { z } from "zod";
import type { ResourceHandler } from "../../resource.js";

const notYet = () => Promise.reject(new Error("UptrendsApiAccount is not implemented yet"));

export const uptrendsApiAccount: ResourceHandler = {
  kind: "UptrendsApiAccount",
  vendor: "Uptrends",
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
