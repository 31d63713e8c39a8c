// The lookups a program calls to find the ids resources take, and the SDK types built on their
// results. Hand-written: each runs in the program process with the stack's provider settings.
import * as pulumi from "@pulumi/pulumi";
// The vendor clients (and the HTTP transport under them) are loaded when a lookup is called, not
// when the SDK is: most programs call none (docs/performance.md, findings).
import type { LicenseFeature } from "../provider/vendors/automation-anywhere/inputs.js";
import type { ControlRoomRole } from "../provider/vendors/automation-anywhere/roles.js";
import type { FindGroupArgs, UiPathGroup } from "../provider/vendors/uipath/lookup.js";
import type { UptrendsOperator, UptrendsOperatorQuery } from "../provider/vendors/uptrends/operators.js";

export type { ControlRoomRole, UiPathGroup, UptrendsOperator, UptrendsOperatorQuery };

/**
 * Finds an Uptrends operator by full name and/or e-mail (both case-insensitive), to use its
 * `operatorGuid` for an `UptrendsApiAccount`. Runs in the program with the provider settings
 * (`apiidentity:uptrends*` stack config, else `UPTRENDS_*` environment variables). Throws when no
 * operator or more than one matches, listing the account's operators.
 */
export async function getUptrendsOperator(query: UptrendsOperatorQuery): Promise<UptrendsOperator> {
  const [{ lookupOperator }, { programSettings }] = await Promise.all([import("../provider/vendors/uptrends/operators.js"), import("./program-config.js")]);
  return lookupOperator(programSettings(), query);
}

/** A documented device licence, or another name the Control Room knows (e.g. ATTENDEDRUNTIME; passed through with a warning). */
export type ControlRoomLicenseFeature = LicenseFeature | (string & {});

export interface GetControlRoomRoleArgs {
  /** Role name, e.g. `AAE_Basic` (an exact match first, else the one role matching ignoring case). */
  name: string;
}

/**
 * Looks a Control Room role up by name, in the program process, with the provider settings of the
 * stack (`apiidentity:controlRoom*`, else the CONTROL_ROOM_* environment variables). Throws an error
 * listing the known role names when there is no such role.
 */
export async function getControlRoomRole(args: GetControlRoomRoleArgs): Promise<ControlRoomRole> {
  const [{ findRole }, { programSettings }] = await Promise.all([import("../provider/vendors/automation-anywhere/roles.js"), import("./program-config.js")]);
  return findRole(programSettings(), args.name);
}

/** `ControlRoomUser` roles as the provider takes them: role names, whether given as names or as looked-up roles. */
export function roleNames(roles: pulumi.Input<pulumi.Input<string | ControlRoomRole>[]> | undefined): pulumi.Output<string[]> | undefined {
  if (roles === undefined) return undefined;
  // Not a list: left as it is, so the resource's check names the property instead of the program crashing.
  return pulumi.output(roles).apply((rs) => (Array.isArray(rs) ? rs.map((r) => (typeof r === "string" ? r : r.name)) : rs));
}

export type GetUiPathGroupArgs = FindGroupArgs;

/**
 * Finds a UiPath group by name (one call: `GET /api/Group/{partitionGlobalId}`), in the program
 * process with the `apiidentity:uipath*` stack config (or the UIPATH_* environment variables).
 * Needs the scope `PM.Group.Read` (or `PM.Group`). Throws, listing the known names, when none
 * matches. Use the result in `groupIds`: `getUiPathGroup({ name: "Robots" }).then((g) => g.id)`.
 */
export async function getUiPathGroup(args: GetUiPathGroupArgs): Promise<UiPathGroup> {
  const [{ findUiPathGroup }, { programSettings }] = await Promise.all([import("../provider/vendors/uipath/lookup.js"), import("./program-config.js")]);
  return findUiPathGroup(programSettings(), args);
}
