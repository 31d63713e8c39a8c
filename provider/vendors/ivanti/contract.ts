// Everything this client assumes about the Ivanti Neurons for MDM (MobileIron Cloud) Customer
// Integration API, in one place. The vendor's guide lists its user calls by title (Create User with
// and without Password, Get All Accounts, Check Delete User Viability, Delete Users, User Exists,
// Update User Account) and says a call it does not describe is unpublished and unsupported. Items
// marked "evidenced" are what public client code sends or a real answer quoted in it holds; every
// item marked INFERRED is our best guess, and `apiidentity check ise` tries each against a real tenant.
// Facts and their sources: docs/vendors/ivanti-mdm.md.

/** The vendor's name in messages (a constant of this file, which imports nothing, so any module may read it while it loads). */
export const VENDOR = "Ivanti";

/** Every path hangs below the tenant host (`ivantiBaseUrl`). */
export const API_PREFIX = "/api/v1";

/** Paths below the tenant host. */
export const PATHS = {
  /** Documented: "Create User" calls, indexed form `accounts[i].<field>`, `?sendInvite=`. */
  createAccounts: "/api/v1/accounts",
  /** Documented: "Get All Accounts" / search with `fq`, `rows`, `start` (answer has `totalCount`). */
  searchAccounts: "/api/v1/account",
  /** INFERRED path: read one account, and "Update User Account" (the call's title is documented). */
  account: "/api/v1/account/{accountId}",
  /** Evidenced (public client code): delete one account, `DELETE /api/v1/account?id=<id>`. */
  deleteAccount: "/api/v1/account",
  /**
   * INFERRED older form, tried once when the evidenced one answers 404 or 405: "Delete Users" as
   * `DELETE /api/v1/accounts?ids=<id>`. No source shows it (nor a path of "Check Delete User
   * Viability", which the client therefore never calls).
   */
  deleteAccounts: "/api/v1/accounts",
  /** UNDOCUMENTED (no source describes any role call): the roles an account holds; PUT replaces the set. */
  accountRoles: "/api/v1/account/{accountId}/roles",
  /** UNDOCUMENTED: the role catalogue with the ids role assignment takes. */
  roles: "/api/v1/roles",
  /**
   * Documented call ("Get Tenant Metadata", Tenant Admin credentials); its `result.defaultDmPartitionId`
   * (the default device space) is evidenced by public scripts that read it.
   */
  tenantMetadata: "/api/v1/metadata/tenant",
} as const;

/** Query parameters. */
export const QUERY = {
  /** Documented. Always false: an API user gets a password, never an invitation. */
  sendInvite: "sendInvite",
  /** Documented by client code. */
  filter: "fq",
  rows: "rows",
  start: "start",
  /** Documented by client code for device calls; INFERRED: it names the space of space-specific roles. */
  space: "dmPartitionId",
  /** Evidenced (public client code): the one account id of `DELETE /api/v1/account`. */
  id: "id",
  /** INFERRED: the account ids of the older "Delete Users" form. */
  ids: "ids",
} as const;

/** `fq` filters. `UID=<email>` is documented usage (client code); `USERNAME=` is INFERRED. */
export const FILTERS = {
  byUid: (uid: string) => `UID=${uid}`,
  byUsername: (username: string) => `USERNAME=${username}`,
} as const;

/**
 * `rows` asked for on every list call: the documented maximum. The vendor may answer with fewer
 * (documented: calls against the database may return only 50), so paging never assumes a page size:
 * it asks again from the next offset until it holds `totalCount` rows or a page comes back empty.
 */
export const MAX_ROWS = 500;

/** Create form: one account at index 0 (`accounts[0].<field>`). */
export const CREATE_PREFIX = "accounts[0].";

/** Create fields. `emailAddress`, `uid` and `accountSource` are documented; the rest INFERRED. */
export const CREATE_FIELDS = {
  emailAddress: "emailAddress", // documented
  uid: "uid", // documented: "Same as the email address"
  accountSource: "accountSource", // documented: LOCAL
  username: "username", // INFERRED (a documented field of the account object)
  firstName: "firstName", // INFERRED (idem)
  lastName: "lastName", // INFERRED (idem)
  displayName: "displayName", // INFERRED (idem)
  password: "password", // INFERRED ("Create User with Password")
  enabled: "enabled", // INFERRED (a documented field of the account object)
  /** UNDOCUMENTED: `accounts[0].roles[j]=<numeric role id>`. */
  roles: "roles",
} as const;

/** Documented: the only account source the create call takes for local users. */
export const ACCOUNT_SOURCE_LOCAL = "LOCAL";

/**
 * `accountType` on accounts: read by real scripts (client code). Evidenced: a real account list
 * answer quoted in public client code (lawiet47/mobileiron-api `tests/conftest.py`) counts the
 * values SUPPORT, API, PARTNER_USER and USER, so an API user is `API` (read in any case). Any other
 * value is kept as the vendor sends it and means "not an API user".
 */
export const ACCOUNT_TYPE_FIELD = "accountType";
export const API_ACCOUNT_TYPES = ["API"] as const;
/** The `accountType` value of an API user (evidenced, above); INFERRED: the create call takes it to make one. */
export const API_ACCOUNT_TYPE = "API";

/**
 * Evidenced by the same answer, read as open strings (unknown values kept): `accountSource` AAD,
 * LDAP, ROSTER, SALESFORCE, SCIM_AAD, LOCAL, SCIM_OKTA; `inviteState` Completed, Expired, None, Pending.
 */
export const ACCOUNT_SOURCES = ["AAD", "LDAP", "ROSTER", "SALESFORCE", "SCIM_AAD", "LOCAL", "SCIM_OKTA"] as const;
export const INVITE_STATES = ["Completed", "Expired", "None", "Pending"] as const;

/** An older guess (no source): a boolean `apiUser` marker. Read only as a fallback when present. */
export const LEGACY_API_USER_FIELD = "apiUser";

/** INFERRED (title "Update User Account" documented): partial update body (form fields). */
export const UPDATE_FIELDS = {
  firstName: "firstName",
  lastName: "lastName",
  displayName: "displayName",
  enabled: "enabled",
  password: "password",
} as const;

/** UNDOCUMENTED: role assignment form `roles[0]=<id>&roles[1]=…` on `PUT …/roles`. */
export const ROLES_FIELD = "roles";

/**
 * Account object fields read back (documented): `id`, `uid`, `emailAddress`, `username`,
 * `firstName`, `lastName`, `displayName`, `enabled`, `accountSource`, `inviteState`, `createdAt`,
 * `createdBy`, `superUser`; `accountType` (client code). `createdAt` comes as epoch milliseconds
 * (documented samples) or ISO-8601 text (evidenced: the real answer above); a value of any other
 * shape reads as unknown. List answers also carry `offset`, `limit`, `queryTime`, `facetedResults`
 * and `totalUnfilteredResultCount` (evidenced). Role list items (UNDOCUMENTED): `id`, `name`,
 * `spaceSpecific`, and on held roles `dmPartitionId`. Older-form delete items (INFERRED): `id`,
 * `deleted`, `reason`, `message`. The answer of the evidenced delete is not shown by any source:
 * INFERRED, the `{errors, result}` envelope with any `result`, a 404 for an unknown id.
 */

/**
 * The Cisco ISE role. The vendor's own pages spell it two ways: "Cisco ISE Operations" (Assigning
 * Roles) and "API Management Cisco ISE Operations" (Adding an API User). Either spelling, any case,
 * names it; the provider setting `ivantiIseRoleName` names a tenant's own spelling instead.
 */
export const ISE_ROLE_NAMES = ["Cisco ISE Operations", "API Management Cisco ISE Operations"] as const;
/** The default in `roles`. */
export const ISE_ROLE_NAME = ISE_ROLE_NAMES[0];

/**
 * INFERRED: the older "Delete Users" form names an id it does not know with this reason; any other
 * reason means the account is there but cannot be deleted.
 */
export const NOT_FOUND_REASONS = ["NOT_FOUND", "NOTFOUND"] as const;

/**
 * INFERRED: a create refused because the account exists carries this field error code (or a message
 * saying it already exists).
 */
export const DUPLICATE_CODES = ["Duplicate", "DuplicateKey", "AlreadyExists"] as const;

/**
 * The tenant password policy is configurable and no API call reports it. `advise` warns against
 * this INFERRED default; the vendor's own policy error is surfaced on create/update.
 */
export const DEFAULT_PASSWORD_POLICY = { minLength: 8, maxLength: 128, minCharacterClasses: 3 } as const;

/** Text fields the vendor stores (INFERRED limit, Spring `@Size(max = 255)`): a warning, not a refusal. */
export const MAX_TEXT = 255;

/**
 * A lost create is matched to an account created no earlier than this before the request started,
 * to allow for a vendor clock behind ours (`createdAt` is the vendor's clock).
 */
export const LOST_CREATE_CLOCK_SKEW_MS = 2 * 60 * 1000;

/**
 * `apiidentity audit`. Documented: an account's `createdAt` (epoch milliseconds) and `superUser`;
 * the documented account fields name no time of last login or use, so last use is not reported.
 * Administrative: the roles that manage the tenant or its users ("System Management", "User
 * Management", as the Admin Portal names them, documented), and the `superUser` flag, which the
 * audit lists as a role of that name; which roles count as administrative is INFERRED (ours). The
 * probe reads the same roles as the ones that let an account add users.
 */
export const ADMIN_ROLES = ["System Management", "User Management"] as const;
export const SUPER_USER_ROLE = "superUser";
