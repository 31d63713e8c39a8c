// State of the emulated Control Room: users, roles and issued tokens, plus the seed.
import { randomSecret } from "../../http-util.js";

/** The `licenseFeatures` values the create-user page lists (2021). */
export const DOCUMENTED_LICENSE_FEATURES = ["DEVELOPMENT", "RUNTIME", "IQBOTRUNTIME", "ANALYTICSCLIENT", "ANALYTICSAPI"] as const;
/**
 * Every value this Control Room accepts: the documented five plus the device licence newer Control
 * Rooms also hold (`ATTENDEDRUNTIME`, seen in public client code; INFERRED). Anything else is 400.
 */
export const LICENSE_FEATURES = [...DOCUMENTED_LICENSE_FEATURES, "ATTENDEDRUNTIME"] as const;
export type LicenseFeature = (typeof LICENSE_FEATURES)[number];

/** Token lifetime: the vendor's documented default of 20 minutes. */
export const TOKEN_TTL_MS = 20 * 60 * 1000;

export type Permission = { id: number; action: string; resourceId: null; resourceType: string };

export type StoredRole = {
  id: number;
  name: string;
  description: string;
  version: number;
  createdBy: number;
  createdOn: string;
  updatedBy: number;
  updatedOn: string;
  systemRole: boolean;
  permissions: Permission[];
};

export type StoredUser = {
  id: number;
  username: string;
  domain: string | null;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  description: string | null;
  version: number;
  roleIds: number[];
  licenseFeatures: LicenseFeature[];
  emailVerified: boolean;
  disabled: boolean;
  enableAutoLogin: boolean;
  createdBy: number;
  createdOn: string;
  updatedBy: number;
  updatedOn: string;
  /** Write-only secrets: never part of any response. */
  password: string | null;
  apiKey: string | null;
};

export type IssuedToken = { userId: number; issuedAt: number; expiresAt: number };

// `type` (not `interface`) so that it is assignable to the framework's Record-based VendorState.
export type AaState = {
  nextUserId: number;
  users: Record<string, StoredUser>;
  roles: Record<string, StoredRole>;
  /** Keyed by the token string itself. */
  tokens: Record<string, IssuedToken>;
};

/** An Administration permission as the vendor names it on the wire: an Action | Resource type pair. */
export type PermissionPair = { action: string; resourceType: string };

/**
 * The users-and-roles Administration permissions of the vendor's "Administration permissions" page
 * (documented): a route needs one pair, and only a permission with that action AND that resource
 * type grants it.
 */
export const PERMS = {
  viewUsers: { action: "usermanagement", resourceType: "usermanagement" },
  createUsers: { action: "createuser", resourceType: "usermanagement" },
  editUsers: { action: "updateuser", resourceType: "usermanagement" },
  deleteUsers: { action: "deleteuser", resourceType: "usermanagement" },
  viewRoles: { action: "rolesview", resourceType: "rolesmanagement" },
  manageRoles: { action: "rolesmanagement", resourceType: "rolesmanagement" },
  basicInfo: { action: "viewuserrolebasicinfo", resourceType: "usermanagement" },
} as const satisfies Record<string, PermissionPair>;

/** True when `held` grants `needed`: the action and the resource type both match. */
export function grants(held: PermissionPair, needed: PermissionPair): boolean {
  return held.action === needed.action && held.resourceType === needed.resourceType;
}

const SEED_TIME = "2024-01-01T00:00:00.000Z";
export const ADMIN_ID = 1;
export const ADMIN_USERNAME = "admin";
/** 8–15 characters from the allowed set, like any Control Room password. */
export const ADMIN_PASSWORD = "Sandbox_Admin1";

function perm(id: number, pair: PermissionPair): Permission {
  return { id, action: pair.action, resourceId: null, resourceType: pair.resourceType };
}

function role(id: number, name: string, description: string, systemRole: boolean, permissions: Permission[]): StoredRole {
  return { id, name, description, version: 0, createdBy: ADMIN_ID, createdOn: SEED_TIME, updatedBy: ADMIN_ID, updatedOn: SEED_TIME, systemRole, permissions };
}

export function seed(): AaState {
  const basic = perm(7526, PERMS.basicInfo); // id and action from the vendor's user example
  // Ids are tenant-specific at the vendor (a real login answer has eight-digit ones): these are ours.
  const adminPerms = [
    perm(7520, PERMS.viewUsers),
    perm(7521, PERMS.createUsers),
    perm(7522, PERMS.editUsers),
    perm(7523, PERMS.deleteUsers),
    perm(7524, PERMS.viewRoles),
    perm(7525, PERMS.manageRoles),
    basic,
  ];
  // Ids 1 and 2 are documented; 24 appears in the roles-list example, 26 and 169 in the user-update example.
  const roles = [
    role(1, "AAE_Admin", "Control Room administrator: all user-management permissions", true, adminPerms),
    role(2, "AAE_Basic", "Basic role every user gets", true, [basic]),
    role(24, "Device_admin", "Manages devices and device pools", false, []),
    role(26, "Bot_Runner", "Runs bots on unattended Bot Runners", false, []),
    role(169, "Bot_Creator", "Builds and edits bots", false, []),
  ];
  const admin: StoredUser = {
    id: ADMIN_ID,
    username: ADMIN_USERNAME,
    domain: null,
    firstName: "Sandbox",
    lastName: "Administrator",
    email: "admin@sandbox.example",
    description: "Seeded Control Room administrator of the apiidentity sandbox",
    version: 0,
    roleIds: [1, 2],
    licenseFeatures: ["DEVELOPMENT"],
    emailVerified: true,
    disabled: false,
    enableAutoLogin: false,
    createdBy: ADMIN_ID,
    createdOn: SEED_TIME,
    updatedBy: ADMIN_ID,
    updatedOn: SEED_TIME,
    password: ADMIN_PASSWORD,
    // A Control Room API key is a 40-character string generated in the UI.
    apiKey: randomSecret(40),
  };
  return {
    nextUserId: 2001,
    users: { [String(admin.id)]: admin },
    roles: Object.fromEntries(roles.map((r) => [String(r.id), r])),
    tokens: {},
  };
}

export function findUserByName(state: AaState, username: string): StoredUser | undefined {
  const wanted = username.toLowerCase();
  return Object.values(state.users).find((u) => u.username.toLowerCase() === wanted);
}

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}
