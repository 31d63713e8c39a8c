// Every vendor's probe for `apiidentity check`, in the order the README lists the resources.
import type { Probe } from "./check.js";
import { probe as ivanti } from "./vendors/ivanti/check.js";
import { probe as uptrends } from "./vendors/uptrends/check.js";
import { probe as automationAnywhere } from "./vendors/automation-anywhere/check.js";
import { probe as ibmVerify } from "./vendors/ibm-verify/check.js";
import { probe as uipath } from "./vendors/uipath/check.js";

export function allProbes(): Probe[] {
  return [ivanti, uptrends, automationAnywhere, ibmVerify, uipath];
}
