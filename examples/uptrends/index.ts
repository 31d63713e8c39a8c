// Every input of UptrendsApiAccount, with the operator found by e-mail. Provider settings:
// apiidentity:uptrendsUsername / uptrendsPassword / uptrendsBaseUrl (or UPTRENDS_*).
import * as pulumi from "@pulumi/pulumi";
import { UptrendsApiAccount, getUptrendsOperator } from "pulumi-apiidentity";

const config = new pulumi.Config();

export = async () => {
  const operator = await getUptrendsOperator({ email: config.require("operatorEmail") });
  const account = new UptrendsApiAccount("status-page", {
    operatorGuid: operator.operatorGuid, // replaces when changed
    description: "Status page reads monitor results", // updates in place
    // importId: "a1b2c3d4-…",            // adopt an existing API account (its password stays unknown)
  });
  return {
    apiUserGuid: account.apiUserGuid,
    username: account.username,
    password: account.password, // secret: only the create answer has it
    lastUsed: account.lastUsed,
  };
};
