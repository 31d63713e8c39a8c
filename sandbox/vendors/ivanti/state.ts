// State of the emulated Ivanti Neurons for MDM tenant: accounts, the role catalogue, device spaces,
// the password policy and the knobs for behaviours docs/vendors/ivanti-mdm.md marks INFERRED.

/** One role held by an account; space-specific roles are held in one device space. */
export type RoleAssignment = { roleId: number; dmPartitionId: number | null };

/**
 * An account as stored. The fields from `id` to `objectGuid` are the documented wire fields; the
 * rest is sandbox-internal (`password` is never sent back; `isApiUser` is sent as `accountType`, and
 * also as a boolean under `settings.apiUserField` when that is set).
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
  /** `LOCAL` for every account the create call makes; other sources (directory sync) only by seeding. */
  accountSource: string;
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
  /**
   * A second, boolean API-user marker on accounts under this name (an older guess found in no
   * source); null = not sent. `accountType` is always sent.
   */
  apiUserField: string | null;
  /** How a bulk delete reports ids it could not delete: only per id, or also in `errors.globalErrors`. */
  bulkDeleteErrors: "perIdResult" | "globalErrors";
  /** `rows` when the caller sends none. */
  defaultRows: number;
  /** Largest `rows` accepted (documented: 500). */
  maxRows: number;
  /**
   * Most rows one page of a list holds, whatever `rows` asks (documented: calls against the database
   * may return only 50). Applies to accounts, roles, held roles and spaces.
   */
  databaseRowsCap: number;
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

/**
 * `accountType` of an API user and of an ordinary account. Evidenced: a real account list answer
 * (public client code) counts SUPPORT, API, PARTNER_USER and USER; the account facet lists all four.
 */
export const ACCOUNT_TYPES = { api: "API", user: "USER" } as const;
export const ACCOUNT_TYPE_VALUES = ["SUPPORT", "API", "PARTNER_USER", "USER"] as const;
/** `accountSource` and `inviteState` values of the same answer (its facets list them all). */
export const ACCOUNT_SOURCE_VALUES = ["AAD", "LDAP", "ROSTER", "SALESFORCE", "SCIM_AAD", "LOCAL", "SCIM_OKTA"] as const;
export const INVITE_STATE_VALUES = ["Completed", "Expired", "None", "Pending"] as const;


/**
 * The vendor's pages name the ISE role both ways (Assigning_Roles.htm vs Adding_an_API_User.htm);
 * the seed uses the first unless told otherwise.
 */
export const ISE_ROLE_SPELLINGS = ["Cisco ISE Operations", "API Management Cisco ISE Operations"] as const;
export type IseRoleSpelling = (typeof ISE_ROLE_SPELLINGS)[number];

export type SeedOptions = {
  /** Name of the seeded Cisco ISE role (default: the first spelling). */
  iseRoleName?: string;
};

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
export function seedRoles(iseRoleName: string = ISE_ROLE_SPELLINGS[0]): IvantiRole[] {
  const cross = (id: number, key: string, name: string, description: string): IvantiRole => ({ id, key, name, description, spaceSpecific: false });
  const space = (id: number, key: string, name: string, description: string): IvantiRole => ({ id, key, name, description, spaceSpecific: true });
  return [
    cross(1001, ROLE_KEYS.systemManagement, "System Management", "Manage tenant-level settings."),
    cross(1002, "SYSTEM_READ_ONLY", "System Read Only", "View tenant-level settings."),
    cross(1003, ROLE_KEYS.userManagement, "User Management", "Add and remove users, assign roles, manage user groups."),
    cross(1004, ROLE_KEYS.userReadOnly, "User Read Only", "View users and user groups."),
    cross(1005, "LDAP_USER_IMPORT_AND_INVITE", "LDAP User Import and Invite", "Import and invite LDAP users."),
    cross(1006, ROLE_KEYS.ciscoIseOperations, iseRoleName, "API Management: lets Cisco ISE query devices and send wipe, PIN-lock and message actions."),
    cross(1007, "SCHEDULED_TASK_MANAGEMENT", "Scheduled Task Management", "Manage scheduled tasks."),
    space(2001, ROLE_KEYS.deviceManagement, "Device Management", "Manage device groups, configurations and policies, and perform all device actions."),
    space(2002, ROLE_KEYS.deviceReadOnly, "Device Read Only", "View device groups, configurations and policies."),
    space(2003, "APP_CONTENT_MANAGEMENT", "App & Content Management", "Add, distribute and remove apps and content."),
    space(2004, "APP_CONTENT_READ_ONLY", "App & Content Read Only", "View apps and content."),
    space(2005, ROLE_KEYS.deviceActions, "Device Actions", "Perform device actions."),
  ];
}

/** Renames the seeded Cisco ISE role, e.g. to the other spelling the vendor uses. */
export function setIseRoleName(state: IvantiState, name: string): void {
  const role = state.roles.find((r) => r.key === ROLE_KEYS.ciscoIseOperations);
  if (role) role.name = name;
}

export function seed(options: SeedOptions = {}): IvantiState {
  const now = Date.now();
  const roles = seedRoles(options.iseRoleName);
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
    settings: { apiUserField: null, bulkDeleteErrors: "perIdResult", defaultRows: 50, maxRows: 500, databaseRowsCap: 50 },
  };
}
