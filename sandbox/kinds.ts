// The resource kinds the sandbox's vendors hold and the vendor that holds each, for the tools that
// drive many identities through it and count them per vendor (bench/, test/reliability/).
import type { VendorId } from "./types.js";

export const KINDS = ["IseApiUser", "UptrendsApiAccount", "ControlRoomUser", "VerifyApiClient", "UiPathRobotAccount"] as const;
export type Kind = (typeof KINDS)[number];

/** The sandbox vendor that holds each kind. */
export const VENDOR_OF: Readonly<Record<Kind, VendorId>> = {
  IseApiUser: "ivanti",
  UptrendsApiAccount: "uptrends",
  ControlRoomUser: "automationAnywhere",
  VerifyApiClient: "ibmVerify",
  UiPathRobotAccount: "uipath",
};
