// Everything this client assumes about the Ivanti Neurons for MDM (MobileIron Cloud) Customer
// Integration API, in one place. Much of the user API is not published in detail: every item marked
// INFERRED comes from reference/ivanti-mdm.md's best guess and must be checked against the vendor's
// "MDM Customer Integration API Guide" (PDF pages 46-75) before trusting it on a real tenant.

/** Every path hangs below the tenant host (`ivantiBaseUrl`). */
export const API_PREFIX = "/api/v1";

/** Paths below the tenant host. */
export const PATHS = {
  /** Documented (§4.1): "Create User", indexed form `accounts[i].<field>`, `?sendInvite=`. */
  createAccounts: "/api/v1/accounts",
  /** Documented (§4.3): list/search accounts with `fq`, `rows`, `start`. */
  searchAccounts: "/api/v1/account",
  /** INFERRED (§4.3/§4.4/§4.5): get, update ("Update User Account") and delete one account. */
  account: "/api/v1/account/{accountId}",
  /** INFERRED (§4.2): the roles an account holds; PUT replaces the whole set. */
  accountRoles: "/api/v1/account/{accountId}/roles",
  /** INFERRED (§2): the role catalogue with the ids role assignment takes. */
  roles: "/api/v1/roles",
  /** Documented [C] (§3): device spaces; the default one has `defaultPartition: true`. */
  spaces: "/api/v1/tenant/partition/device",
} as const;

/** Query parameters. */
export const QUERY = {
  /** Documented (§4.1). Always false: an API user gets a password, never an invitation. */
  sendInvite: "sendInvite",
  /** Documented [C] (§4.3). */
  filter: "fq",
  rows: "rows",
  start: "start",
  /** Documented [C] (§3) for device calls; INFERRED: it names the space of space-specific roles. */
  space: "dmPartitionId",
} as const;

/** `fq` filters. `UID=<email>` is documented usage [C]; `USERNAME=` is INFERRED. */
export const FILTERS = {
  byUid: (uid: string) => `UID=${uid}`,
  byUsername: (username: string) => `USERNAME=${username}`,
} as const;

/** Largest page the API serves (documented: 500). */
export const MAX_ROWS = 500;

/** Create form: one account at index 0 (`accounts[0].<field>`). */
export const CREATE_PREFIX = "accounts[0].";

/** Create fields. `emailAddress`, `uid` and `accountSource` are documented; the rest INFERRED (§4.2). */
export const CREATE_FIELDS = {
  emailAddress: "emailAddress", // documented
  uid: "uid", // documented: "Same as the email address"
  accountSource: "accountSource", // documented: LOCAL
  username: "username", // INFERRED
  firstName: "firstName", // INFERRED
  lastName: "lastName", // INFERRED
  displayName: "displayName", // INFERRED
  password: "password", // INFERRED ("Create User with Password")
  enabled: "enabled", // INFERRED
  /** INFERRED: `accounts[0].roles[j]=<numeric role id>`. */
  roles: "roles",
} as const;

/** Documented: the only account source the create call takes for local users. */
export const ACCOUNT_SOURCE_LOCAL = "LOCAL";

/**
 * INFERRED (§4.2, unconfirmed): the marker that makes an account an API user (no Admin Portal
 * login). Sent on create; never relied on when reading or matching.
 */
export const API_USER_FIELD = "apiUser";

/** INFERRED (§4.4): partial update body of `PUT /api/v1/account/{id}` (form fields). */
export const UPDATE_FIELDS = {
  firstName: "firstName",
  lastName: "lastName",
  displayName: "displayName",
  enabled: "enabled",
  password: "password",
} as const;

/** INFERRED: role assignment form `roles[0]=<id>&roles[1]=…` on `PUT …/roles`. */
export const ROLES_FIELD = "roles";

/**
 * Account object fields read back (documented §4.1): `id`, `uid`, `emailAddress`, `username`,
 * `firstName`, `lastName`, `displayName`, `enabled`, `inviteState`, `createdAt`, `createdBy`.
 * Role list items (INFERRED): `id`, `name`, `spaceSpecific`, and on held roles `dmPartitionId`.
 */

/** Documented role name (Admin Portal, "API Management Cisco ISE Operations"). */
export const ISE_ROLE_NAME = "Cisco ISE Operations";

/**
 * The tenant password policy is configurable and no API call reports it (§4.2). `check` applies this
 * INFERRED default; the vendor's own policy error is surfaced on create/update.
 */
export const DEFAULT_PASSWORD_POLICY = { minLength: 8, maxLength: 128, minCharacterClasses: 3 } as const;

/** Text fields the vendor stores (INFERRED limit, Spring `@Size(max = 255)`). */
export const MAX_TEXT = 255;

/**
 * A lost create is matched to an account created no earlier than this before the request started,
 * to allow for a vendor clock behind ours (`createdAt` is the vendor's clock, epoch ms).
 */
export const LOST_CREATE_CLOCK_SKEW_MS = 2 * 60 * 1000;
