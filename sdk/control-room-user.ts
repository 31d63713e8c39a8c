// ControlRoomUser: a user of an Automation Anywhere Automation 360 Control Room, and the
// `getControlRoomRole` lookup whose result can name the user's roles.
import * as pulumi from "@pulumi/pulumi";
import provider from "../provider/dynamic/kinds/ControlRoomUser.cjs";
import { SECRET_OUTPUTS, type LicenseFeature } from "../provider/vendors/automation-anywhere/inputs.js";
import { findRole, type ControlRoomRole } from "../provider/vendors/automation-anywhere/roles.js";
import { adviseOn, secretInput, secretOptions } from "./options.js";
import { useProgramConfig } from "./program-config.js";

/** A documented device licence, or another name the Control Room knows (e.g. ATTENDEDRUNTIME; passed through with a warning). */
export type ControlRoomLicenseFeature = LicenseFeature | (string & {});

export type { ControlRoomRole };

export interface ControlRoomUserArgs {
  /** Login name, unique in the Control Room (ignoring case), at most 255 characters. Changing it replaces the user. */
  username: pulumi.Input<string>;
  /** Email address of the user. */
  email: pulumi.Input<string>;
  /**
   * Password for Control Room (database) authentication: 8 to 15 characters from
   * `a-z A-Z 0-9 @ - _ ! # $ % & .`. Required unless `domain` is set. Stored as a secret; sent to the
   * vendor only when it changes.
   */
  password?: pulumi.Input<string>;
  /** Roles the user holds (at least one): role names, or roles returned by `getControlRoomRole`. Order does not matter. */
  roles: pulumi.Input<pulumi.Input<string | ControlRoomRole>[]>;
  /** First name. */
  firstName?: pulumi.Input<string>;
  /** Last name. */
  lastName?: pulumi.Input<string>;
  /** Free-text description. */
  description?: pulumi.Input<string>;
  /** Whether the user is disabled (cannot log in). Default false. */
  disabled?: pulumi.Input<boolean>;
  /** Whether auto-login is enabled for the user's device. Default false. */
  enableAutoLogin?: pulumi.Input<boolean>;
  /** Device licenses, e.g. DEVELOPMENT, RUNTIME, IQBOTRUNTIME, ANALYTICSCLIENT, ANALYTICSAPI (others are passed through with a warning). Order does not matter. */
  licenseFeatures?: pulumi.Input<pulumi.Input<ControlRoomLicenseFeature>[]>;
  /** Active Directory / SAML domain, for directory users (who need no password). Changing it replaces the user. */
  domain?: pulumi.Input<string>;
  /** Adopt the existing Control Room user with this numeric id instead of creating one. Never causes a diff. */
  importId?: pulumi.Input<string>;
}

/** A user of an Automation 360 Control Room, with its roles and device licenses. */
export class ControlRoomUser extends pulumi.dynamic.Resource {
  /** Numeric Control Room id of the user (also the resource id). */
  declare readonly userId: pulumi.Output<string>;
  /** Login name. */
  declare readonly username: pulumi.Output<string>;
  /** Email address. */
  declare readonly email: pulumi.Output<string>;
  /** The password (a secret); undefined for directory users. */
  declare readonly password: pulumi.Output<string | undefined>;
  /** Role names as declared. */
  declare readonly roles: pulumi.Output<string[]>;
  /** Role ids, in the order of `roles`. */
  declare readonly roleIds: pulumi.Output<number[]>;
  /** First name. */
  declare readonly firstName: pulumi.Output<string | undefined>;
  /** Last name. */
  declare readonly lastName: pulumi.Output<string | undefined>;
  /** Description. */
  declare readonly description: pulumi.Output<string | undefined>;
  /** Whether the user is disabled. */
  declare readonly disabled: pulumi.Output<boolean>;
  /** Whether auto-login is enabled. */
  declare readonly enableAutoLogin: pulumi.Output<boolean | undefined>;
  /** Device licenses. */
  declare readonly licenseFeatures: pulumi.Output<ControlRoomLicenseFeature[] | undefined>;
  /** Directory domain, for AD / SAML users. */
  declare readonly domain: pulumi.Output<string | undefined>;
  /** Whether the user has a Control Room password. */
  declare readonly passwordSet: pulumi.Output<boolean>;
  /** Whether the user verified the email address. */
  declare readonly emailVerified: pulumi.Output<boolean>;
  /** When the user was created (ISO-8601, UTC). */
  declare readonly createdOn: pulumi.Output<string | undefined>;
  /** When the user was last changed (ISO-8601, UTC). */
  declare readonly updatedOn: pulumi.Output<string | undefined>;

  constructor(name: string, args: ControlRoomUserArgs, opts?: pulumi.CustomResourceOptions) {
    const roles = pulumi.output(args.roles).apply((rs) => rs.map((r) => (typeof r === "string" ? r : r.name)));
    super(
      provider,
      name,
      {
        ...args,
        roles,
        password: secretInput(args.password),
        userId: undefined,
        roleIds: undefined,
        passwordSet: undefined,
        emailVerified: undefined,
        createdOn: undefined,
        updatedOn: undefined,
      },
      secretOptions(opts, SECRET_OUTPUTS),
      "apiidentity",
      "ControlRoomUser",
    );
    adviseOn(this, "ControlRoomUser", args);
  }
}

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
  useProgramConfig();
  return findRole(args.name);
}
