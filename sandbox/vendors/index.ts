// The emulated vendors: the sandbox's one list of them.
import type { VendorModule } from "../types.js";
import { uptrends } from "./uptrends/index.js";
import { ivanti } from "./ivanti/index.js";
import { automationAnywhere } from "./automation-anywhere/index.js";
import { ibmVerify } from "./ibm-verify/index.js";
import { uipath } from "./uipath/index.js";

export const vendorModules: VendorModule[] = [uptrends, ivanti, automationAnywhere, ibmVerify, uipath] as unknown as VendorModule[];
