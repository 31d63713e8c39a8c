// What `npm run demo` does at Example: its quickstart declares no Example resource, so only the
// table's name of an account is needed.
import { text } from "../../demo-calls.js";
import type { VendorDemo } from "../../vendor-module.js";

export const demo: VendorDemo = { name: (p) => text(p, "name") };
