// PLACEHOLDER: replaced by the real handler of ControlRoomUser.
import { z } from "zod";
import type { ResourceHandler } from "../../resource.js";

const notYet = () => Promise.reject(new Error("ControlRoomUser is not implemented yet"));

export const controlRoomUser: ResourceHandler = {
  kind: "ControlRoomUser",
  vendor: "Automation Anywhere",
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
