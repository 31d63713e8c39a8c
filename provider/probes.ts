// Every vendor's probe for `apiidentity check`, in the registry's order.
import type { Probe } from "./probe.js";
import { VENDORS } from "./vendors/index.js";

export function allProbes(): Probe[] {
  return VENDORS.map((v) => v.probe);
}
