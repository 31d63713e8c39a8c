// UiPathRobotAccount: a robot account in a UiPath Automation Cloud / Automation Suite organization,
// and getUiPathGroup, the lookup that turns a group name into the id `groupIds` takes.
import * as pulumi from "@pulumi/pulumi";
import provider from "../provider/dynamic/kinds/UiPathRobotAccount.cjs";
import { findUiPathGroup, type FindGroupArgs, type UiPathGroup } from "../provider/vendors/uipath/lookup.js";
import { adviseOn, secretOptions } from "./options.js";
import { useProgramConfig } from "./program-config.js";

export interface UiPathRobotAccountArgs {
  /**
   * The robot account's name (its username), unique in the organization (case-insensitively).
   * Printable ASCII without spaces or `@`, at most 64 characters. UiPath cannot rename a robot
   * account: changing it replaces the account.
   */
  name: pulumi.Input<string>;
  /** The name shown in the portal. Defaults to `name`. Updates in place. */
  displayName?: pulumi.Input<string>;
  /**
   * Ids (GUIDs) of the groups the robot account belongs to, e.g. `getUiPathGroup({ name: "Robots" }).then(g => g.id)`.
   * A set: order and letter case do not matter. Omitted means no groups. Updates in place.
   */
  groupIds?: pulumi.Input<pulumi.Input<string>[]>;
  /**
   * The organization's GUID (`partitionGlobalId`). Defaults to the provider setting
   * `apiidentity:uipathPartitionGlobalId`. Changing it replaces the robot account.
   */
  partitionGlobalId?: pulumi.Input<string>;
  /**
   * Id of an existing robot account to adopt instead of creating one. Its name must equal `name`;
   * the declared display name and groups are then applied. Never causes a diff.
   */
  importId?: pulumi.Input<string>;
}

/** A UiPath robot account (Identity API `RobotAccount`). It has no secret of its own. */
export class UiPathRobotAccount extends pulumi.dynamic.Resource {
  /** The robot account's id (GUID) at UiPath; also the resource id. */
  declare readonly robotAccountId: pulumi.Output<string>;
  /** The robot account's name. */
  declare readonly name: pulumi.Output<string>;
  /** The display name as UiPath stores it. */
  declare readonly displayName: pulumi.Output<string>;
  /** Ids of the groups the robot account belongs to. */
  declare readonly groupIds: pulumi.Output<string[]>;
  /** The organization (partition) GUID the robot account lives in. */
  declare readonly partitionGlobalId: pulumi.Output<string>;
  /** When UiPath created the robot account (UTC, ISO 8601). */
  declare readonly creationTime: pulumi.Output<string | undefined>;
  /** When the robot account last logged in (UTC, ISO 8601), if ever. Never causes a diff. */
  declare readonly lastLoginTime: pulumi.Output<string | undefined>;

  constructor(name: string, args: UiPathRobotAccountArgs, opts?: pulumi.CustomResourceOptions) {
    super(
      provider,
      name,
      {
        name: args.name,
        displayName: args.displayName,
        groupIds: args.groupIds,
        partitionGlobalId: args.partitionGlobalId,
        importId: args.importId,
        robotAccountId: undefined,
        creationTime: undefined,
        lastLoginTime: undefined,
      },
      secretOptions(opts, []),
      "apiidentity",
      "UiPathRobotAccount",
    );
    adviseOn(this, "UiPathRobotAccount", args);
  }
}

export type GetUiPathGroupArgs = FindGroupArgs;
export type { UiPathGroup };

/**
 * Finds a UiPath group by name (one call: `GET /api/Group/{partitionGlobalId}`), in the program
 * process with the `apiidentity:uipath*` stack config (or the UIPATH_* environment variables).
 * Needs the scope `PM.Group.Read` (or `PM.Group`). Throws, listing the known names, when none
 * matches. Use the result in `groupIds`: `getUiPathGroup({ name: "Robots" }).then((g) => g.id)`.
 */
export function getUiPathGroup(args: GetUiPathGroupArgs): Promise<UiPathGroup> {
  useProgramConfig();
  return findUiPathGroup(args);
}
