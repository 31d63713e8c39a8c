// Every input of ControlRoomUser, with a role found by name. Provider settings:
// apiidentity:automationAnywhereUrl / automationAnywhereUsername / automationAnywhereApiKey or automationAnywherePassword.
import * as pulumi from "@pulumi/pulumi";
import { ControlRoomUser, getControlRoomRole } from "pulumi-apiidentity";

const config = new pulumi.Config();

export = async () => {
  const runner = await getControlRoomRole({ name: "Bot_Runner" });
  const user = new ControlRoomUser("finance-bots", {
    username: "svc-finance-bots", // replaces when changed
    email: "finance-bots@example.com",
    password: config.requireSecret("botPassword"), // 8–15 characters; secret; sent only when it changes
    roles: [runner, "AAE_Basic"], // role objects or names; the whole list is what the user holds
    firstName: "Finance",
    lastName: "Bots",
    description: "Unattended finance bots",
    disabled: false,
    enableAutoLogin: false,
    licenseFeatures: ["RUNTIME"],
    // domain: "CORP",                 // AD/SAML users: no password; replaces when changed
    // importId: "17",                 // adopt an existing user
  });
  return { userId: user.userId, roleIds: user.roleIds };
};
