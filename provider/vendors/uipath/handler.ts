// PLACEHOLDER: replaced by the real handler of UiPathRobotAccount.
import { z } from "zod";
import type { ResourceHandler } from "../../resource.js";

const notYet = () => Promise.reject(new Error("UiPathRobotAccount is not implemented yet"));

export const uiPathRobotAccount: ResourceHandler = {
  kind: "UiPathRobotAccount",
  vendor: "UiPath",
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
