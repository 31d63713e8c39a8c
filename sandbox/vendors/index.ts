// The emulated vendors: the sandbox's one list of them, one line each, in the provider registry's order.
import type { VendorId, VendorModule } from "../types.js";
import { ivanti } from "./ivanti/index.js";
import { uptrends } from "./uptrends/index.js";
import { automationAnywhere } from "./automation-anywhere/index.js";
import { ibmVerify } from "./ibm-verify/index.js";
import { uipath } from "./uipath/index.js";

/** The list with each module's own types (its kinds by name). */
export const VENDOR_LIST = [ivanti, uptrends, automationAnywhere, ibmVerify, uipath] as const;

export const vendorModules: VendorModule[] = VENDOR_LIST as unknown as VendorModule[];

/** Every vendor's id, in the list's order. */
export const VENDOR_IDS: readonly VendorId[] = VENDOR_LIST.map((m) => m.id);
