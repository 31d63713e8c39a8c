// Entitlement names an IBM Verify API client may hold, and "did you mean" suggestions for typos.

/** The table of the create/update operations in IBM's OpenAPI document (reference §7, 109 names). */
const DOCUMENTED = [
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

/** Newer names of the current API reference: the secret-reading entitlement and the split user/group ones. */
const NEWER = [
  "readAPIClientsAndClientSecret",
  "manageGroupMembers", "manageGroups", "manageUsers", "readGroups", "readGroupMembers",
  "readUserGroupMembership", "readUsersGroupMembership", "readUsers", "updateAnyGroupMember",
  "manageStandardGroupMembers", "manageUsersInStandardGroups", "manageStandardGroups",
  "manageUsersStandardGroups", "readStandardGroupMembers", "readUsersStandardGroupMembership",
] as const;

export const ENTITLEMENTS: readonly string[] = [...DOCUMENTED, ...NEWER];
const KNOWN: ReadonlySet<string> = new Set(ENTITLEMENTS);

export function isKnownEntitlement(name: string): boolean {
  return KNOWN.has(name);
}

/** Levenshtein distance, case-insensitive (a wrong case is the most common slip: `manageApiClients`). */
export function editDistance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      row.push(Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost));
    }
    prev = row;
  }
  return prev[y.length]!;
}

/** Up to `max` known names closest to `name`, nearest first; only those close enough to be a typo. */
export function closestEntitlements(name: string, max = 3): string[] {
  const limit = Math.max(3, Math.floor(name.length / 3));
  return ENTITLEMENTS.map((e) => ({ e, d: editDistance(name, e) }))
    .filter((c) => c.d <= limit)
    .sort((p, q) => p.d - q.d || p.e.localeCompare(q.e))
    .slice(0, max)
    .map((c) => c.e);
}

/** The sentence a warning shows for a name this package does not know. */
export function unknownEntitlementReason(name: string): string {
  const near = closestEntitlements(name);
  const hint = near.length ? ` Did you mean ${near.map((n) => `'${n}'`).join(" or ")}?` : "";
  return `'${name}' is not an IBM Verify entitlement this package knows (names are case-sensitive).${hint}`;
}
