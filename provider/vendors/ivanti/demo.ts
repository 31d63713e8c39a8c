// What `npm run demo` does at Ivanti: the quickstart's API user needs a password of the demo's own.
import { text } from "../../demo-calls.js";
import type { VendorDemo } from "../../vendor-module.js";

export const demo: VendorDemo = {
  config: async (_sandbox, password) => ({ iseApiPassword: { value: password(), secret: true } }),
  name: (p) => text(p, "username") ?? text(p, "emailAddress"),
};
