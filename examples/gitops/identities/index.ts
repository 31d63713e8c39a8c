// The identities this team owns. A pull request that changes this file gets a preview and a drift
// report as a comment; merging applies it; a nightly job fails when a console edit drifted anything.
import { UiPathRobotAccount, VerifyApiClient, getUiPathGroup } from "pulumi-apiidentity";

export = async () => {
  const robots = await getUiPathGroup({ name: "Robots" });
  for (const name of ["invoice-robot", "payroll-robot"]) {
    new UiPathRobotAccount(name, { name, groupIds: [robots.id] });
  }
  const scim = new VerifyApiClient("hr-provisioning", {
    clientName: "hr-user-provisioning",
    entitlements: ["manageUsers", "readUsers", "manageGroups", "readGroups"],
    // Bump to rotate the client secret in place (same client id).
    secretRotation: 1,
  });
  return { scimClientId: scim.clientId };
};
