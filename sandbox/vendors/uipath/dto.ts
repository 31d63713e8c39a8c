// Wire shapes of the Identity API (UiPath/uipathcli definitions/identity.yaml): RobotAccountDto and
// GroupDto, with the exact field names and casing of the OpenAPI.
import type { Group, RobotAccount, UiPathState } from "./state.js";
import { formatTime } from "./validation.js";

export function robotAccountDto(r: RobotAccount, utc = false) {
  return {
    id: r.id,
    name: r.name,
    displayName: r.displayName,
    creationTime: formatTime(r.creationTime, utc),
    lastLoginTime: r.lastLoginTime === null ? null : formatTime(r.lastLoginTime, utc),
    groupIds: [...r.groupIds],
  };
}

/** Robot accounts show up among a group's members as `DirectoryRobotUser` entities. */
export function groupDto(g: Group, state: UiPathState) {
  const members = state.robotAccounts
    .filter((r) => r.partitionGlobalId === g.partitionGlobalId && r.groupIds.includes(g.id))
    .map((r) => ({
      objectType: "DirectoryRobotUser",
      source: "local",
      identifier: r.id,
      name: r.name,
      email: null,
      displayName: r.displayName,
    }));
  return {
    id: g.id,
    name: g.name,
    displayName: g.name,
    type: g.type,
    creationTime: formatTime(g.creationTime, false),
    lastModificationTime: g.lastModificationTime === null ? null : formatTime(g.lastModificationTime, false),
    members,
  };
}
