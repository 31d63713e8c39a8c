// What a program uses beside the generated ControlRoomUser class and the lookup: the licence type
// and the conversion of looked-up roles into the role names the provider takes.
import * as pulumi from "@pulumi/pulumi";
import type { LicenseFeature } from "./inputs.js";
import type { ControlRoomRole } from "./inputs.js";

/** A documented device licence, or another name the Control Room knows (e.g. ATTENDEDRUNTIME; passed through with a warning). */
export type ControlRoomLicenseFeature = LicenseFeature | (string & {});

/** `ControlRoomUser` roles as the provider takes them: role names, whether given as names or as looked-up roles. */
export function roleNames(roles: pulumi.Input<pulumi.Input<string | ControlRoomRole>[]> | undefined): pulumi.Output<string[]> | undefined {
  if (roles === undefined) return undefined;
  // Not a list: left as it is, so the resource's check names the property instead of the program crashing.
  return pulumi.output(roles).apply((rs) => (Array.isArray(rs) ? rs.map((r) => (typeof r === "string" ? r : r.name)) : rs));
}
