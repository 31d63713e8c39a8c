// What each provider setting (`apiidentity:<name>` stack config) is, declared once: schema.json's
// config section and the docs read it, and whether a setting is secret is never guessed from its name.
import type { SettingName } from "./config.js";

export interface SettingFacts {
  /** Full sentences: what to put there. */
  description: string;
  /** A credential: set it with `pulumi config set --secret`. */
  secret?: boolean;
}

export const SETTING_FACTS: Record<SettingName, SettingFacts> = {
  uptrendsUsername: { description: "Username of the Uptrends API account the provider calls the API with (HTTP Basic)." },
  uptrendsPassword: { description: "Password of that Uptrends API account.", secret: true },
  uptrendsBaseUrl: { description: "Base URL of the Uptrends API v4. Defaults to the public Uptrends API." },
  ivantiBaseUrl: { description: "Base URL of the Ivanti Neurons for MDM tenant (its host, https)." },
  ivantiUsername: { description: "Username of the Ivanti administrator or API user the provider calls the API with." },
  ivantiPassword: { description: "Password of that Ivanti account.", secret: true },
  ivantiDmPartitionId: { description: "Device space (dmPartitionId) roles are assigned in. Defaults to the tenant's default device space." },
  ivantiIseRoleName: { description: "The tenant's own name of the Cisco ISE Operations role, when it spells the role differently; it then also is the default of IseApiUser roles." },
  controlRoomUrl: { description: "Base URL of the Automation Anywhere Control Room." },
  controlRoomUsername: { description: "Username of the Control Room user the provider logs in as." },
  controlRoomApiKey: { description: "API key of that Control Room user; used instead of controlRoomPassword when both are set.", secret: true },
  controlRoomPassword: { description: "Password of that Control Room user (used when no controlRoomApiKey is set).", secret: true },
  verifyTenantUrl: { description: "Base URL of the IBM Verify tenant, e.g. https://example.verify.ibm.com." },
  verifyClientId: { description: "Client id of the IBM Verify API client the provider obtains tokens with." },
  verifyClientSecret: { description: "Client secret of that IBM Verify API client.", secret: true },
  uipathBaseUrl: { description: "Base URL of UiPath Automation Cloud or of an Automation Suite installation. Defaults to UiPath Automation Cloud." },
  uipathOrganization: { description: "Name of the UiPath organization (the first segment of its URLs)." },
  uipathPartitionGlobalId: { description: "GUID of the UiPath organization (partitionGlobalId); the default of UiPathRobotAccount partitionGlobalId." },
  uipathClientId: { description: "Client id of the UiPath external application the provider obtains tokens with." },
  uipathClientSecret: { description: "Client secret of that UiPath external application.", secret: true },
  uipathScopes: { description: "The scopes the UiPath external application was granted, separated by spaces or commas; the provider checks them before each call that needs one." },
};
