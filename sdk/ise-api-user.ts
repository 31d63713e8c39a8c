// IseApiUser: an Ivanti Neurons for MDM API user holding "Cisco ISE Operations", for Cisco ISE.
import * as pulumi from "@pulumi/pulumi";
import provider from "../provider/dynamic/kinds/IseApiUser.cjs";
import { adviseOn, secretInput, secretOptions } from "./options.js";

/** Outputs kept as Pulumi secrets in state. */
const SECRET_OUTPUTS = ["password"] as const;

export interface IseApiUserArgs {
  /** Email address of the API user; also its UID (login name, unique in the tenant). Changing it replaces the API user. */
  emailAddress: pulumi.Input<string>;
  /** Username, a second login name. Defaults to the email address. Changing it replaces the API user. */
  username?: pulumi.Input<string>;
  /** First name. */
  firstName?: pulumi.Input<string>;
  /** Last name. */
  lastName?: pulumi.Input<string>;
  /** Display name. Defaults to "<firstName> <lastName>" when either is set. */
  displayName?: pulumi.Input<string>;
  /**
   * Password Cisco ISE uses to call the API (HTTP Basic). Stored as a secret; never read back from
   * Ivanti; sent only when it changes. The tenant's password policy decides at create/update; a
   * password outside the usual one (8-128 characters, 3 of lowercase, uppercase, digits, special
   * characters) gets a warning at preview.
   */
  password: pulumi.Input<string>;
  /**
   * Role names (a set). Default `["Cisco ISE Operations"]` (or the provider setting
   * `ivantiIseRoleName`); must contain the Cisco ISE role: "Cisco ISE Operations" or "API Management
   * Cisco ISE Operations" (any case), or the name set in `ivantiIseRoleName`.
   */
  roles?: pulumi.Input<pulumi.Input<string>[]>;
  /** Whether the API user may sign in. Default true. */
  enabled?: pulumi.Input<boolean>;
  /** Adopt the existing Ivanti account with this numeric id instead of creating one. Never causes a diff. */
  importId?: pulumi.Input<string>;
}

/**
 * An Ivanti Neurons for MDM API user for Cisco ISE: a local account that cannot log into the Admin
 * Portal and holds the "Cisco ISE Operations" role, so ISE can query devices and send wipe, PIN-lock
 * and message actions with its credentials.
 */
export class IseApiUser extends pulumi.dynamic.Resource {
  /** Ivanti's numeric account id (also the resource id). */
  declare readonly accountId: pulumi.Output<string>;
  /** The account's UID as Ivanti stores it (the email address). */
  declare readonly uid: pulumi.Output<string>;
  /** Email address of the API user. */
  declare readonly emailAddress: pulumi.Output<string>;
  /** Username (defaults to the email address). */
  declare readonly username: pulumi.Output<string>;
  /** First name, if set. */
  declare readonly firstName: pulumi.Output<string | undefined>;
  /** Last name, if set. */
  declare readonly lastName: pulumi.Output<string | undefined>;
  /** Display name, if set. */
  declare readonly displayName: pulumi.Output<string | undefined>;
  /** The password (a Pulumi secret). */
  declare readonly password: pulumi.Output<string>;
  /** Names of the roles the API user holds. */
  declare readonly roles: pulumi.Output<string[]>;
  /** Whether the API user may sign in. */
  declare readonly enabled: pulumi.Output<boolean>;
  /** Invitation state as Ivanti reports it ("None" for an API user with a password). */
  declare readonly inviteState: pulumi.Output<string | null>;
  /** When the account was created (ISO 8601), as Ivanti reports it. */
  declare readonly createdAt: pulumi.Output<string | null>;
  /** The adopted account id, when the resource was adopted with `importId`. */
  declare readonly importId: pulumi.Output<string | undefined>;

  constructor(name: string, args: IseApiUserArgs, opts?: pulumi.CustomResourceOptions) {
    super(
      provider,
      name,
      {
        // Every output is seeded so that it is visible to programs, set or not.
        username: undefined,
        firstName: undefined,
        lastName: undefined,
        displayName: undefined,
        roles: undefined,
        enabled: undefined,
        importId: undefined,
        ...args,
        password: secretInput(args.password),
        accountId: undefined,
        uid: undefined,
        inviteState: undefined,
        createdAt: undefined,
      },
      secretOptions(opts, SECRET_OUTPUTS),
      "apiidentity",
      "IseApiUser",
    );
    adviseOn(this, "IseApiUser", args);
  }
}
