"""One API identity at each vendor, as a platform team would declare them.

Vendor credentials come from `apiidentity:*` stack config or the environment (see the package
README); the program's own settings from its stack config (Pulumi.yaml lists them).
"""
import pulumi
import pulumi_apiidentity as apiidentity

config = pulumi.Config()

# Cisco ISE queries devices and sends wipe / lock actions through this Ivanti API user.
ise = apiidentity.IseApiUser(
    "ise-integration",
    email_address="ise-integration@example.com",
    first_name="Cisco",
    last_name="ISE",
    display_name="Cisco ISE integration",
    password=config.require_secret("iseApiPassword"),
    roles=["Cisco ISE Operations"],
)

# The synthetic-monitoring pipeline reads check results with this Uptrends API account.
operator = apiidentity.get_uptrends_operator(email=config.require("uptrendsOperatorEmail"))
monitoring = apiidentity.UptrendsApiAccount(
    "monitoring-pipeline",
    operator_guid=operator.operator_guid,
    description="Synthetic-monitoring pipeline",
)

# Unattended bots run under this Control Room user, which holds a runtime license.
bot_runner = apiidentity.ControlRoomUser(
    "bot-runner",
    username="svc-bot-runner",
    email="bot-runner@example.com",
    first_name="Bot",
    last_name="Runner",
    password=config.require_secret("botRunnerPassword"),
    roles=["Bot_Runner"],
    license_features=["RUNTIME"],
)

# Reports are exported nightly with this IBM Verify API client.
reporting = apiidentity.VerifyApiClient(
    "reporting",
    client_name="reporting-export",
    description=config.get("reportingDescription") or "Nightly export of sign-in reports",
    entitlements=["readReports", "readUsers"],
)

# The invoice-processing robot logs in to Orchestrator with this robot account.
robots = apiidentity.get_ui_path_group(name="Robots")
invoice_robot = apiidentity.UiPathRobotAccount(
    "invoice-robot",
    name="invoice-robot",
    display_name="Invoice processing robot",
    group_ids=[robots.id],
)

pulumi.export("iseAccountId", ise.account_id)
pulumi.export("uptrendsApiUserGuid", monitoring.api_user_guid)
pulumi.export("uptrendsPassword", monitoring.password)
pulumi.export("controlRoomUserId", bot_runner.user_id)
pulumi.export("verifyClientId", reporting.client_id)
pulumi.export("verifyClientSecret", reporting.client_secret)
pulumi.export("uipathRobotAccountId", invoice_robot.robot_account_id)
