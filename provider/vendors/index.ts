// Every vendor this package serves, one line each: the only list of vendors. Everything else (the
// handlers, settings, lookups, probes, the CLI, the generated SDK, schema and docs) is derived from it.
import { vendor as ivanti } from "./ivanti/index.js";
import { vendor as uptrends } from "./uptrends/index.js";
import { vendor as automationAnywhere } from "./automation-anywhere/index.js";
import { vendor as ibmVerify } from "./ibm-verify/index.js";
import { vendor as uipath } from "./uipath/index.js";

/** In the order the README and the docs present them. */
export const VENDORS = [ivanti, uptrends, automationAnywhere, ibmVerify, uipath] as const;
