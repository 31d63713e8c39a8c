// The Cisco ISE role under the names it goes by: either spelling the vendor's pages use, or the
// tenant's own spelling from the provider setting `ivantiIseRoleName` (IVANTI_ISE_ROLE_NAME).
import { setting } from "../../config.js";
import { asSet, type Normaliser } from "../../resource.js";
import { ISE_ROLE_NAME, ISE_ROLE_NAMES } from "./contract.js";

/** The tenant's own name of the ISE role, when the provider setting gives one. */
export function configuredIseRoleName(): string | undefined {
  const v = setting("ivantiIseRoleName")?.trim();
  return v ? v : undefined;
}

/** Every name that means the ISE role here: the configured one (if any), then both documented spellings. */
export function iseRoleNames(): string[] {
  const configured = configuredIseRoleName();
  return [...(configured ? [configured] : []), ...ISE_ROLE_NAMES];
}

/** Whether a role name means the ISE role (any case). */
export function isIseRoleName(name: string): boolean {
  const n = name.trim().toLowerCase();
  return iseRoleNames().some((x) => x.toLowerCase() === n);
}

/** The ISE role name `roles` defaults to: the configured spelling, else "Cisco ISE Operations". */
export function defaultIseRoleName(): string {
  return configuredIseRoleName() ?? ISE_ROLE_NAME;
}

/** Stands for the ISE role in comparisons, whatever it is called. */
const ISE = "\u0000cisco-ise-operations";

/** A set of role names (order, case, repeats aside) where every name of the ISE role is the same. */
export const roleSet: Normaliser = (v) => (Array.isArray(v) ? asSet(v.map((x) => (typeof x === "string" && isIseRoleName(x) ? ISE : x))) : v);
