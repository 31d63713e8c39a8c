// Everything the Control Room client relies on that the vendor does not state outright is named
// here, in one place, so the docs' "Vendor contract" table can list it and a fix touches one file.
// Sources for every entry: docs/vendors/automation-anywhere.md.

/** Display name in errors. */
export const VENDOR = "Automation Anywhere";

/** A Control Room generation: `v2` (Automation 360 v.33 and later) or `v1` (older, "legacy"). */
export type ApiVersion = "v2" | "v1";

/**
 * The calls whose version differs between generations. From v.33 the vendor discontinued
 * `POST v1/authentication`, `POST v1/authentication/token` and `v1/usermanagement` in favour of
 * their v2 versions (documented). That the v2 calls take the same bodies and answer the same shapes
 * as v1 is INFERRED: the vendor names them "the v2 versions", and public v2 clients read the same
 * `token`, `list` and `page` fields.
 */
export const PATHS = {
  v2: {
    login: "/v2/authentication",
    users: "/v2/usermanagement/users",
    user: "/v2/usermanagement/users/{userId}",
    usersList: "/v2/usermanagement/users/list",
    rolesList: "/v2/usermanagement/roles/list",
  },
  v1: {
    login: "/v1/authentication",
    users: "/v1/usermanagement/users",
    user: "/v1/usermanagement/users/{userId}",
    usersList: "/v1/usermanagement/users/list",
    rolesList: "/v1/usermanagement/roles/list",
  },
} as const satisfies Record<ApiVersion, Record<string, string>>;

/**
 * The Administration permissions the provider needs, as the vendor's "Administration permissions"
 * page for the Control Room API names them on the wire: each an Action | Resource type pair, held
 * only when both match (documented; a real login answer quoted by camunda/connectors carries
 * `usermanagement` and `viewuserrolebasicinfo` with resource type `usermanagement` in the same
 * `{id, action, resourceId, resourceType}` form). View users must be held before create, update or delete.
 */
export const PERMISSIONS = [
  { name: "View users", action: "usermanagement", resourceType: "usermanagement", neededFor: "reading users (refresh, adoption, lost-create checks, discover)" },
  { name: "Create users", action: "createuser", resourceType: "usermanagement", neededFor: "creating users" },
  { name: "Edit users", action: "updateuser", resourceType: "usermanagement", neededFor: "updating users in place" },
  { name: "Delete users", action: "deleteuser", resourceType: "usermanagement", neededFor: "deleting users (destroy, replace)" },
  { name: "View roles", action: "rolesview", resourceType: "rolesmanagement", neededFor: "resolving role names to ids (check, getControlRoomRole)" },
] as const;

/** The role that holds every Administration permission (documented: "Users with the AAE_Admin role can create custom roles and assign roles to users"). */
export const ADMIN_ROLE = "AAE_Admin";

export const INFERRED = {
  /**
   * The generation is learnt from the login: v2 first, and on a 404 v1 once. Whichever answers is
   * remembered per client (Control Room URL and login) for the rest of the process, and user
   * management goes to the same generation: v2 login and v2 user management arrived together as far
   * as the sources show (the v.33 notice retires both v1 forms at once), so after a v2 answer no v1
   * call is made again, and a v2 404 for a user id means the user is gone.
   */
  versionFallbackStatus: 404,
  /** No `expires_in` in the login answer: read `exp` from the JWT, else assume the documented 20 minutes */
  defaultTokenLifetimeSeconds: 1200,
  /** Create answers 201 per the generic return-code page; 200 is accepted too */
  createStatuses: [200, 201],
  /** Duplicate username on create: 409; some builds may answer 400 instead. */
  duplicateStatuses: [400, 409],
  /** Unknown user id on GET / PUT / DELETE: 404 */
  notFoundStatus: 404,
  /** DELETE answers 200 with the user body (endpoint page) or 204 (generic page); both are success. */
  deleteStatuses: [200, 204],
  /** Look-up by username with `eq` on `username` in `/users/list` (`eq` on username INFERRED). */
  usernameFilterOperator: "eq",
  /** Usernames are unique case-insensitively: a replace that keeps the name must delete first. */
  usernamesCaseInsensitive: true,
  /** PUT is a full replacement of the mutable fields: every field is sent on update. */
  putReplacesWholeUser: true,
  /**
   * PUT carries the user's `username`, unchanged: the v11.3 update page lists it as mandatory, the
   * Automation 360 example leaves it out (both documented); that sending it is accepted where it is
   * optional is INFERRED, and `apiidentity check --write` reports it.
   */
  putCarriesUsername: true,
  /** `username` and `domain` cannot change through PUT: they replace the user. */
  immutableFields: ["username", "domain"],
  /** PUT accepts `password` (only a third-party spec lists it). */
  putAcceptsPassword: true,
  /** A user object with `deleted: true` counts as gone */
  deletedFlagMeansGone: true,
  /**
   * The documented licence features (2021 create-user page). Real Control Rooms hold more (e.g.
   * `ATTENDEDRUNTIME`): others are read and kept, and a declared one is a warning, not a refusal.
   */
  documentedLicenseFeatures: ["DEVELOPMENT", "RUNTIME", "IQBOTRUNTIME", "ANALYTICSCLIENT", "ANALYTICSAPI"],
  /** Email format: the vendor says "standard email format"; a stricter pattern than `local@domain` is only a warning. */
  strictEmailIsGuess: true,
  /** Role names compared ignoring case when matching (two roles differing only in case are told apart by exact spelling). */
  roleNamesCaseInsensitive: true,
  /** Page length for `/list` calls (no documented default; public v2 clients page roles by at most 100). */
  pageLength: 100,
  /** Error body `{code, details, message}` (INFERRED; read defensively: `details` may be text or a list). */
  errorBody: ["code", "details", "message"],
} as const;

/**
 * `apiidentity audit`: a user's creation is `createdOn` (documented user object). The documented
 * user object carries no time of last login or use, so the audit reports last use as not reported.
 */
export const CREATED_FIELD = "createdOn";
