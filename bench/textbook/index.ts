// The hand-written textbook providers by the kind each one stands in for: the kinds of the textbook
// comparison, and what its program constructs.
import { UiPathRobotAccount } from "./uipath-robot-account.js";
import { VerifyApiClient } from "./verify-api-client.js";

export const TEXTBOOK = { UiPathRobotAccount, VerifyApiClient };
