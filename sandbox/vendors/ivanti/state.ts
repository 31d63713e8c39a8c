// State of the emulated Ivanti Neurons for MDM tenant: accounts, the role catalogue, device spaces,
// the password policy and the knobs for behaviours the reference marks INFERRED.

/** One role held by an account; space-specific roles are held in one device space. */
export type RoleAssignment = { roleId: number; dmPartitionId: number | null };

/**
 * An account as stored. The fields from `id` to `objectGuid` are the documented wire fields; the
 * rest is sandbox-internal (`password` is never sent back, `isApiUser` is exposed under the name
 * `settings.apiUserField`).
 */
export type IvantiAccount = {
  id: number;
  createdAt: number | null;
  createdBy: number | null;
  modifiedAt: number | null;
  modifiedBy: number | null;
  displayName: string | null;
  firstName: string | null;
  lastName: string | null;
  ldapServerId: number | null;
  uid: string;
  emailAddress: string;
  username: string;
  accountSource: "LOCAL";
  inviteState: string;
  inviteResendCount: number;
  inviteLastSentAt: number | null;
  locale: string | null;
  enabled: boolean;
  locked: boolean;
  superUser: boolean;
  termsAccepted: boolean;
  passwordExpiresAt: number | null;
  distinguishedName: string | null;
  objectGuid: string | null;
  isApiUser: boolean;
  password: string | null;
  roles: RoleAssignment[];
};

export type IvantiRole = {
  id: number;
  /** Stable machine name (INFERRED; the UI shows only `name`). */
  key: string;
  name: string;
  description: string;
  spaceSpecific: boolean;
};

/** A device space, with the fields of the `tenant/partition/device` sample. */
export type IvantiPartition = {
  id: number;
  createdAt: number;
  createdBy: number;
  modifiedAt: number;
  modifiedBy: number;
  name: string;
  description: string | null;
  domainRule: string | null;
  defaultPartition: boolean;
  priority: number;
  guid: string | null;
  appCount: number;
  contentCount: number;
  memberCount: number;
  countLastUpdatedAt: number | null;
  treeView: null;
  deviceCount: number;
  configurationCount: number;
  policyCount: number;
  deviceGroupCount: number;
};

/** Tenant password complexity (Users › User Settings); the defaults are INFERRED. */
export type PasswordPolicy = {
  minLength: number;
  maxLength: number;
  /** How many of lowercase, uppercase, digit, special a password must mix. */
  minCharacterClasses: number;
  /** Days until a new password expires; null = never (sets `passwordExpiresAt`). */
  expirationDays: number | null;
};

export type IvantiSettings = {
  /** Wire name of the API-user marker on accounts (INFERRED; the real name is unconfirmed). */
  apiUserField: string;
  /** How a bulk delete reports ids it could not delete: only per id, or also in `errors.globalErrors`. */
  bulkDeleteErrors: "perIdResult" | "globalErrors";
  /** `rows` when the caller sends none. */
  defaultRows: number;
  /** Largest `rows` accepted (documented: 500). */
  maxRows: number;
};

export type IvantiState = {
  accounts: IvantiAccount[];
  roles: IvantiRole[];
  partitions: IvantiPartition[];
  nextAccountId: number;
  passwordPolicy: PasswordPolicy;
  settings: IvantiSettings;
};

export const ADMIN_UID = "admin@sandbox-tenant.example.com";
export const ADMIN_PASSWORD = "Sandbox-Admin-Pass-1";
export const DEFAULT_PARTITION_ID = 100001;

export const ROLE_KEYS = {
  systemManagement: "SYSTEM_MANAGEMENT",
  userManagement: "USER_MANAGEMENT",
  userReadOnly: "USER_READ_ONLY",
  ciscoIseOperations: "CISCO_ISE_OPERATIONS",
  deviceManagement: "DEVICE_MANAGEMENT",
  deviceReadOnly: "DEVICE_READ_ONLY",
  deviceActions: "DEVICE_ACTIONS",
} as const;

/** Role names as the Admin Portal lists them (Assigning_Roles.htm); ids and keys are INFERRED. */
export function seedRoles(): IvantiRole[] {
  const cross = (id: number, key: string, name: string, description: string): IvantiRole => ({ id, key, name, description, spaceSpecific: false });
  const space = (id: number, key: string, name: string, description: string): IvantiRole => ({ id, key, name, description, spaceSpecific: true });
  return [
    cross(1001, ROLE_KEYS.systemManagement, "System Management", "Manage tenant-level settings."),
    cross(1002, "SYSTEM_READ_ONLY", "System Read Only", "View tenant-level settings."),
    cross(1003, ROLE_KEYS.userManagement, "User Management", "Add and remove users, assign roles, manage user groups."),
    cross(1004, ROLE_KEYS.userReadOnly, "User Read Only", "View users and user groups."),
    cross(1005, "LDAP_USER_IMPORT_AND_INVITE", "LDAP User Import and Invite", "Import and invite LDAP users."),
    cross(1006, ROLE_KEYS.ciscoIseOperations, "Cisco ISE Operations", "API Management: lets Cisco ISE query devices and send wipe, PIN-lock and message actions."),
    cross(1007, "SCHEDULED_TASK_MANAGEMENT", "Scheduled Task Management", "Manage scheduled tasks."),
    space(2001, ROLE_KEYS.deviceManagement, "Device Management", "Manage device groups, configurations and policies, and perform all device actions."),
    space(2002, ROLE_KEYS.deviceReadOnly, "Device Read Only", "View device groups, configurations and policies."),
    space(2003, "APP_CONTENT_MANAGEMENT", "App & Content Management", "Add, distribute and remove apps and content."),
    space(2004, "APP_CONTENT_READ_ONLY", "App & Content Read Only", "View apps and content."),
    space(2005, ROLE_KEYS.deviceActions, "Device Actions", "Perform device actions."),
  ];
}

export function seed(): IvantiState {
  const now = Date.now();
  const roles = seedRoles();
  const admin: IvantiAccount = {
    id: 10000,
    createdAt: now,
    createdBy: null,
    modifiedAt: now,
    modifiedBy: null,
    displayName: "Sandbox Tenant Admin",
    firstName: "Sandbox",
    lastName: "Admin",
    ldapServerId: null,
    uid: ADMIN_UID,
    emailAddress: ADMIN_UID,
    username: ADMIN_UID,
    accountSource: "LOCAL",
    inviteState: "None",
    inviteResendCount: 0,
    inviteLastSentAt: null,
    locale: "en_US",
    enabled: true,
    locked: false,
    superUser: true,
    termsAccepted: true,
    passwordExpiresAt: null,
    distinguishedName: null,
    objectGuid: null,
    isApiUser: false,
    password: ADMIN_PASSWORD,
    // The tenant's Super Admin holds every role, Cisco ISE Operations included (documented default).
    roles: roles.map((r) => ({ roleId: r.id, dmPartitionId: r.spaceSpecific ? DEFAULT_PARTITION_ID : null })),
  };
  const defaultSpace: IvantiPartition = {
    id: DEFAULT_PARTITION_ID,
    createdAt: now,
    createdBy: 1,
    modifiedAt: now,
    modifiedBy: 1,
    name: "Default Space",
    description: "Default device management Space.",
    domainRule: null,
    defaultPartition: true,
    priority: 1,
    guid: null,
    appCount: 0,
    contentCount: 0,
    memberCount: 0,
    countLastUpdatedAt: null,
    treeView: null,
    deviceCount: 0,
    configurationCount: 0,
    policyCount: 0,
    deviceGroupCount: 0,
  };
  return {
    accounts: [admin],
    roles,
    partitions: [defaultSpace],
    nextAccountId: 10001,
    passwordPolicy: { minLength: 8, maxLength: 128, minCharacterClasses: 3, expirationDays: null },
    settings: { apiUserField: "apiUser", bulkDeleteErrors: "perIdResult", defaultRows: 50, maxRows: 500 },
  };
}
