// Every input of UiPathRobotAccount, with a group found by name. Provider settings:
// apiidentity:uipathOrganization / uipathPartitionGlobalId / uipathClientId / uipathClientSecret.
import { UiPathRobotAccount, getUiPathGroup } from "pulumi-apiidentity";

export = async () => {
  const robots = await getUiPathGroup({ name: "Robots" });
  const everyone = await getUiPathGroup({ name: "Everyone" });
  const robot = new UiPathRobotAccount("claims-robot", {
    name: "claims-robot", // replaces when changed
    displayName: "Claims intake robot", // defaults to name
    groupIds: [robots.id, everyone.id], // a set: order does not matter
    // partitionGlobalId: "…",          // defaults to apiidentity:uipathPartitionGlobalId; replaces
    // importId: "…",                   // adopt an existing robot account
  });
  return { robotAccountId: robot.robotAccountId, creationTime: robot.creationTime };
};
