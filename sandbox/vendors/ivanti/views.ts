// Wire views: what the vendor sends back for accounts and roles.
import { ACCOUNT_TYPES, type IvantiAccount, type IvantiRole, type IvantiState, type RoleAssignment } from "./state.js";

/** The account object, in the documented field order; never the password. */
export function accountView(state: IvantiState, a: IvantiAccount): Record<string, unknown> {
  return {
    id: a.id,
    createdAt: a.createdAt,
    createdBy: a.createdBy,
    modifiedAt: a.modifiedAt,
    modifiedBy: a.modifiedBy,
    displayName: a.displayName,
    firstName: a.firstName,
    lastName: a.lastName,
    ldapServerId: a.ldapServerId,
    uid: a.uid,
    emailAddress: a.emailAddress,
    username: a.username,
    accountSource: a.accountSource,
    inviteState: a.inviteState,
    inviteResendCount: a.inviteResendCount,
    inviteLastSentAt: a.inviteLastSentAt,
    locale: a.locale,
    enabled: a.enabled,
    locked: a.locked,
    superUser: a.superUser,
    termsAccepted: a.termsAccepted,
    passwordExpiresAt: a.passwordExpiresAt,
    distinguishedName: a.distinguishedName,
    objectGuid: a.objectGuid,
    // Real scripts read `accountType` on accounts; the values are INFERRED.
    accountType: a.isApiUser ? ACCOUNT_TYPES.api : ACCOUNT_TYPES.user,
    // An older guess (a boolean marker), sent only when a test asks for it.
    ...(state.settings.apiUserField ? { [state.settings.apiUserField]: a.isApiUser } : {}),
  };
}

export function roleView(r: IvantiRole): Record<string, unknown> {
  return { id: r.id, key: r.key, name: r.name, description: r.description, spaceSpecific: r.spaceSpecific };
}

/** A role an account holds, with the space it holds it in (null for cross-space roles). */
export function assignmentView(state: IvantiState, a: RoleAssignment): Record<string, unknown> | undefined {
  const role = state.roles.find((r) => r.id === a.roleId);
  return role ? { ...roleView(role), dmPartitionId: a.dmPartitionId } : undefined;
}
