// Every input of IseApiUser. Provider settings: apiidentity:ivantiBaseUrl / ivantiUsername /
// ivantiPassword (or IVANTI_BASE_URL, IVANTI_USERNAME, IVANTI_PASSWORD).
import * as pulumi from "@pulumi/pulumi";
import { IseApiUser } from "pulumi-apiidentity";

const config = new pulumi.Config();

const ise = new IseApiUser("ise-prod", {
  emailAddress: "ise-prod@example.com", // replaces when changed
  username: "ise-prod@example.com", // defaults to emailAddress; replaces when changed
  firstName: "Cisco",
  lastName: "ISE",
  displayName: "Cisco ISE (production)",
  password: config.requireSecret("isePassword"), // secret; sent only when it changes
  roles: ["Cisco ISE Operations", "Device Read Only"], // must contain "Cisco ISE Operations"
  enabled: true,
  // importId: "10042",                       // adopt an existing API user instead of creating one
});

export const accountId = ise.accountId;
export const uid = ise.uid;
export const inviteState = ise.inviteState;
