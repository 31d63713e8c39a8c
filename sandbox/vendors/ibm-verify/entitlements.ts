// Entitlement names an API client may hold, written for the emulator from IBM's own sources (see
// docs/vendors/ibm-verify.md, "Entitlements"). The provider keeps its own copy for its warnings; a
// test compares the two, so a wrong entry on either side shows. Unknown names are refused with a 400
// (IBM's reaction is undocumented: INFERRED), unless the tenant knows them (`extraEntitlements`).

/**
 * The table of the create and update operations in IBM's OpenAPI document, grouped by area.
 * Offering codes as IBM gives them: "any" unless noted.
 */
const OPENAPI_TABLE = {
  tenant: ["manageDeployment", "manageCerts", "readCerts", "readTenantProperties", "manageTenantProperties", "manageSubscriptions"],
  apiClients: ["manageAPIClients", "readAPIClients"],
  identitySources: ["manageIdentitySources", "readIdentitySources", "manageAttributes", "readAttributes", "manageFederations", "readFederations"],
  mfa: [
    "manageMFAMethods", "readMFAMethods", "manageEnrollMFAMethodAnyUser", "readEnrollMFAMethodAnyUser", "authnAnyUser",
    "manageAuthenticatorsConfig", "readAuthenticatorsConfig", "manageAuthenticatorsAnyUser", "readAuthenticatorsAnyUser",
    "generateOTP", "mfaPush", "managePushCreds", "readPushCreds",
  ],
  usersAndGroups: [
    "manageUserGroups", "readUserGroups", "manageAllUserGroups", "manageUsersPwdReset", "manageUserStandardGroups",
    "manageAdminGroup", "readAdminGroup", "updateAnyUser", "resetPasswordAnyUser", "resetPassword", "recoverUsername",
  ],
  passwords: ["managePwdPolicy", "readPwdPolicy", "managePwdVaultAnyUser", "managePwdVault", "readPwdVaultAnyUser", "readPwdVault", "managePwdVaultConfig", "readPwdVaultConfig"],
  analytics: ["AnalyticsDataSyncToCloud", "AnalyticsSatelliteOnBoard"],
  oauth: ["manageOIDCGrants", "readOIDCGrants", "manageOIDCConsents", "readOIDCConsents", "manageOidcDynamicClient", "readSelfOidcGrants", "manageSelfOidcGrants"],
  applications: ["manageAppAccessAdmin", "manageAppAccessOwner", "readAppConfig", "manageEntitlements", "readEntitlements"],
  policies: ["manageAccessPolicies", "readAccessPolicies", "manageRecaptcha", "readRecaptcha", "manageLoginSessions"],
  governance: ["manageAccessRequest", "manageAccessWorkflow", "reviewCertRecords", "manageCertifications", "certCampaignSupervisor", "manageMyOrg"],
  reports: ["manageReports", "readReports"],
  customisation: ["manageTemplates", "readTemplates", "manageNotificationProviders", "readNotificationProviders"],
  externalAgents: ["readExternalAgents", "manageExternalAgents", "runExternalAgent"],
  privacy: [
    "readPurpose", "managePurpose", "manageAppPurpose", "readPrivacyConsent", "managePrivacyConsent", "readPrivacyPolicy",
    "managePrivacyPolicy", "createPrivacyConsent", "performDSP", "performDUA", "readPrivacyProfile", "managePrivacyProfile",
  ],
  devices: ["manageDevicesAnyUser", "readDevicesAnyUser", "manageDevices", "readDevices"],
  integration: ["manageRelyingParty", "readRelyingParty", "manageWebhooks", "readWebhooks", "readSTSClients", "manageSTSClients", "manageVerifiableLinks"],
  decentralisedIdentity: ["diManageAgency", "diReadAgency", "diManageAgentsAny", "diReadAgentsAny", "diIssueCredentials", "diVerifyCredentials"],
} as const;

/** Names in IBM's newer documentation but not in that table: the secret-reading one and the split user/group ones. */
const NEWER_DOCS = {
  apiClients: ["readAPIClientsAndClientSecret"],
  restrictableToGroups: ["manageGroupMembers", "manageGroups", "manageUsers", "readGroups", "readGroupMembers", "readUserGroupMembership", "readUsers", "updateAnyGroupMember"],
  standardGroups: [
    "manageStandardGroupMembers", "manageUsersInStandardGroups", "manageStandardGroups", "manageUsersStandardGroups",
    "readStandardGroupMembers", "readUsersStandardGroupMembership", "readUsersGroupMembership",
  ],
} as const;

export const DOCUMENTED_ENTITLEMENTS: ReadonlySet<string> = new Set<string>([...Object.values(OPENAPI_TABLE).flat(), ...Object.values(NEWER_DOCS).flat()]);

/** Whether the emulated tenant knows a name: a documented one, or one the tenant was given as newer. */
export function tenantKnows(name: string, extra: readonly string[] | undefined): boolean {
  return DOCUMENTED_ENTITLEMENTS.has(name) || (extra ?? []).includes(name);
}

/** Entitlements that let a caller read API clients; the ones that also reveal `clientSecret`. */
export const READ_CLIENTS = ["manageAPIClients", "readAPIClients", "readAPIClientsAndClientSecret"] as const;
export const READ_SECRETS = ["manageAPIClients", "readAPIClientsAndClientSecret"] as const;
export const MANAGE_CLIENTS = ["manageAPIClients"] as const;
