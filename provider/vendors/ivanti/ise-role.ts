// The Cisco ISE role under the names it goes by: either spelling the vendor's pages use, or the
// tenant's own spelling from the provider setting `ivantiIseRoleName` (IVANTI_ISE_ROLE_NAME).
import { asSet, type Normaliser } from "../../resource.js";
import type { Settings } from "../../settings.js";
import { ISE_ROLE_NAME, ISE_ROLE_NAMES } from "./contract.js";

/** The ISE role as one tenant names it. */
export interface IseRole {
  /** The tenant's own name of the ISE role, when the provider setting gives one. */
  readonly configured: string | undefined;
  /** Every name that means the ISE role here: the configured one (if any), then both documented spellings. */
  readonly names: readonly string[];
  /** Whether a role name means the ISE role (any case). */
  is(name: string): boolean;
  /** The ISE role name `roles` defaults to: the configured spelling, else "Cisco ISE Operations". */
  readonly defaultName: string;
  /** A set of role names (order, case, repeats aside) where every name of the ISE role is the same. */
  readonly roleSet: Normaliser;
}

/** Stands for the ISE role in comparisons, whatever it is called. */
const ISE = "\u0000cisco-ise-operations";

/** The ISE role when the tenant's own spelling is `configured` (the raw setting, trimmed here). */
export function iseRoleNamed(configured: string | undefined): IseRole {
  const own = configured?.trim() || undefined;
  const names = [...(own ? [own] : []), ...ISE_ROLE_NAMES];
  const is = (name: string) => {
    const n = name.trim().toLowerCase();
    return names.some((x) => x.toLowerCase() === n);
  };
  return {
    configured: own,
    names,
    is,
    defaultName: own ?? ISE_ROLE_NAME,
    roleSet: (v) => (Array.isArray(v) ? asSet(v.map((x) => (typeof x === "string" && is(x) ? ISE : x))) : v),
  };
}

/** The ISE role as the provider settings name it. */
export function iseRoleOf(settings: Settings): IseRole {
  return iseRoleNamed(settings.ivantiIseRoleName);
}

/** The ISE role under its documented spellings only (no provider setting). */
export const DOCUMENTED_ISE_ROLE = iseRoleNamed(undefined);
