// One API identity at each vendor, as a platform team would declare them. Credentials for the
// vendors come from `apiidentity:*` stack config or the environment (see the package README).
import * as pulumi from "@pulumi/pulumi";
import {
  ControlRoomUser,
  IseApiUser,
  UiPathRobotAccount,
  UptrendsApiAccount,
  VerifyApiClient,
  getUiPathGroup,
  getUptrendsOperator,
} from "pulumi-apiidentity";

const config = new pulumi.Config();

export = async () => {
  // Cisco ISE queries devices and sends wipe / lock actions through this Ivanti API user.
  const ise = new IseApiUser("ise-integration", {
    emailAddress: "ise-integration@example.com",
    firstName: "Cisco",
    lastName: "ISE",
    displayName: "Cisco ISE integration",
    password: config.requireSecret("iseApiPassword"),
    roles: ["Cisco ISE Operations"],
  });

  // The synthetic-monitoring pipeline reads check results with this Uptrends API account.
  const operator = await getUptrendsOperator({ email: config.require("uptrendsOperatorEmail") });
  const monitoring = new UptrendsApiAccount("monitoring-pipeline", {
    operatorGuid: operator.operatorGuid,
    description: "Synthetic-monitoring pipeline",
  });

  // Unattended bots run under this Control Room user, which holds a runtime license.
  const botRunner = new ControlRoomUser("bot-runner", {
    username: "svc-bot-runner",
    email: "bot-runner@example.com",
    firstName: "Bot",
    lastName: "Runner",
    description: "Runs the unattended finance bots",
    password: config.requireSecret("botRunnerPassword"),
    roles: ["Bot_Runner"],
    licenseFeatures: ["RUNTIME"],
  });

  // The HR system provisions users and groups into IBM Verify with this API client.
  const provisioning = new VerifyApiClient("user-provisioning", {
    clientName: "hr-user-provisioning",
    description: "SCIM provisioning from the HR system",
    entitlements: ["manageUsers", "readUsers", "manageGroups", "readGroups", "manageUserGroups"],
  });

  // The invoice-processing robot logs in to Orchestrator with this robot account.
  const robots = await getUiPathGroup({ name: "Robots" });
  const invoiceRobot = new UiPathRobotAccount("invoice-robot", {
    name: "invoice-robot",
    displayName: "Invoice processing robot",
    groupIds: [robots.id],
  });

  return {
    iseAccountId: ise.accountId,
    uptrendsApiUserGuid: monitoring.apiUserGuid,
    uptrendsUsername: monitoring.username,
    uptrendsPassword: monitoring.password,
    controlRoomUserId: botRunner.userId,
    verifyClientId: provisioning.clientId,
    verifyClientSecret: provisioning.clientSecret,
    uipathRobotAccountId: invoiceRobot.robotAccountId,
  };
};
