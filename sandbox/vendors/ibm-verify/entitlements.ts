// Entitlement names an API client may hold. Unknown names are refused with the documented 400.

/** The entitlement table of the create/update operations in IBM's OpenAPI document ([OAS] §7). */
const OAS_ENTITLEMENTS = [
  "manageDeployment", "manageCerts", "readCerts", "manageAPIClients", "readAPIClients",
  "manageIdentitySources", "readIdentitySources", "manageMFAMethods", "readMFAMethods",
  "manageEnrollMFAMethodAnyUser", "readEnrollMFAMethodAnyUser", "authnAnyUser", "manageAuthenticatorsConfig",
  "readAuthenticatorsConfig", "manageAuthenticatorsAnyUser", "readAuthenticatorsAnyUser", "manageUserGroups",
  "readUserGroups", "manageAllUserGroups", "manageUsersPwdReset", "manageUserStandardGroups",
  "manageAdminGroup", "readAdminGroup", "managePwdPolicy", "readPwdPolicy", "AnalyticsDataSyncToCloud",
  "AnalyticsSatelliteOnBoard", "manageOIDCGrants", "readOIDCGrants", "recoverUsername", "manageFederations",
  "readFederations", "resetPassword", "manageAppAccessAdmin", "manageAppAccessOwner", "manageSubscriptions",
  "manageAccessPolicies", "readAccessPolicies", "managePushCreds", "readPushCreds", "manageAccessRequest",
  "manageAccessWorkflow", "manageOIDCConsents", "readOIDCConsents", "manageReports", "readReports",
  "updateAnyUser", "resetPasswordAnyUser", "readTenantProperties", "manageTenantProperties",
  "manageAttributes", "readAttributes", "generateOTP", "readAppConfig", "manageTemplates", "readTemplates",
  "reviewCertRecords", "readEntitlements", "manageNotificationProviders", "readNotificationProviders",
  "manageCertifications", "readExternalAgents", "manageExternalAgents", "runExternalAgent",
  "manageOidcDynamicClient", "readPurpose", "managePurpose", "manageAppPurpose", "readPrivacyConsent",
  "managePrivacyConsent", "readPrivacyPolicy", "managePrivacyPolicy", "createPrivacyConsent", "performDSP",
  "performDUA", "certCampaignSupervisor", "managePwdVaultAnyUser", "managePwdVault", "readPwdVaultAnyUser",
  "readPwdVault", "managePwdVaultConfig", "readPwdVaultConfig", "mfaPush", "readPrivacyProfile",
  "managePrivacyProfile", "manageEntitlements", "manageDevicesAnyUser", "readDevicesAnyUser",
  "manageDevices", "readDevices", "manageRecaptcha", "readRecaptcha", "manageLoginSessions",
  "manageRelyingParty", "readRelyingParty", "manageWebhooks", "readWebhooks", "readSTSClients",
  "manageSTSClients", "manageVerifiableLinks", "readSelfOidcGrants", "manageSelfOidcGrants",
  "diManageAgency", "diReadAgency", "diManageAgentsAny", "diReadAgentsAny", "manageMyOrg",
  "diIssueCredentials", "diVerifyCredentials",
] as const;

/** Newer names from the current docs: the secret-reading entitlement and the split user/group ones. */
const NEWER_ENTITLEMENTS = [
  "readAPIClientsAndClientSecret",
  "manageGroupMembers", "manageGroups", "manageUsers", "readGroups", "readGroupMembers",
  "readUserGroupMembership", "readUsersGroupMembership", "readUsers", "updateAnyGroupMember",
  "manageStandardGroupMembers", "manageUsersInStandardGroups", "manageStandardGroups",
  "manageUsersStandardGroups", "readStandardGroupMembers", "readUsersStandardGroupMembership",
] as const;

export const KNOWN_ENTITLEMENTS: ReadonlySet<string> = new Set<string>([...OAS_ENTITLEMENTS, ...NEWER_ENTITLEMENTS]);

/** Entitlements that let a caller read API clients; the ones that also reveal `clientSecret`. */
export const READ_CLIENTS = ["manageAPIClients", "readAPIClients", "readAPIClientsAndClientSecret"] as const;
export const READ_SECRETS = ["manageAPIClients", "readAPIClientsAndClientSecret"] as const;
export const MANAGE_CLIENTS = ["manageAPIClients"] as const;
