// What `npm run demo` shows of UiPath: the robot account and its last sign-in, which the API reports.
import { text } from "../../demo-calls.js";
import type { VendorDemo } from "../../vendor-module.js";

export const demo: VendorDemo = {
  name: (p) => text(p, "name"),
  lastUsed: (p) => text(p, "lastLoginTime"),
};
