// Wire shapes of users and roles, built from stored state (field order as in the vendor examples).
import type { AaState, Permission, StoredRole, StoredUser } from "./state.js";

export type UserView = ReturnType<typeof userView>;
export type RoleView = ReturnType<typeof roleView>;

function rolesOf(state: AaState, user: StoredUser): StoredRole[] {
  return user.roleIds.map((id) => state.roles[String(id)]).filter((r): r is StoredRole => r !== undefined);
}

/** Effective permissions: the union of the user's roles' permissions, by permission id. */
export function permissionsOf(state: AaState, user: StoredUser): Permission[] {
  const byId = new Map<number, Permission>();
  for (const r of rolesOf(state, user)) for (const p of r.permissions) byId.set(p.id, p);
  return [...byId.values()].sort((a, b) => a.id - b.id);
}

export function userView(state: AaState, user: StoredUser) {
  return {
    id: user.id,
    username: user.username,
    domain: user.domain,
    firstName: user.firstName,
    lastName: user.lastName,
    version: user.version,
    principalId: user.id,
    deleted: false,
    roles: rolesOf(state, user).map((r) => ({ name: r.name, id: r.id, version: r.version })),
    sysAssignedRoles: [] as unknown[],
    groupNames: [] as string[],
    permissions: permissionsOf(state, user).map((p) => ({ ...p })),
    licenseFeatures: [...user.licenseFeatures],
    emailVerified: user.emailVerified,
    passwordSet: user.password !== null,
    questionsSet: false,
    enableAutoLogin: user.enableAutoLogin,
    disabled: user.disabled,
    clientRegistered: false,
    description: user.description,
    createdBy: user.createdBy,
    createdOn: user.createdOn,
    updatedBy: user.updatedBy,
    updatedOn: user.updatedOn,
    publicKey: null,
    appType: null,
    routingName: null,
    appUrl: null,
    email: user.email,
  };
}

export function roleView(state: AaState, role: StoredRole) {
  const countPrincipals = Object.values(state.users).filter((u) => u.roleIds.includes(role.id)).length;
  return {
    id: role.id,
    name: role.name,
    description: role.description,
    countPrincipals,
    version: role.version,
    createdBy: role.createdBy,
    createdOn: role.createdOn,
    updatedBy: role.updatedBy,
    updatedOn: role.updatedOn,
    systemRole: role.systemRole,
  };
}
