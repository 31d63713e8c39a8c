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

/** Kinds of call whose version the client learns separately (each costs a legacy Control Room one extra 404 per process). */
export type CallKind = "login" | "users" | "usersList" | "rolesList";

export const INFERRED = {
  /**
   * A v2 call answered 404 is tried once on v1; the version that answers is remembered per client
   * (Control Room URL and login) for the rest of the process. A 404 from both on a call by user id
   * means "no such user" and teaches nothing.
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
  /** Wire names of the user-management permissions in a login answer's `user.permissions[].action`. */
  permissionActions: { viewUsers: "viewusers", createUsers: "createusers", editUsers: "editusers", deleteUsers: "deleteusers", viewRoles: "viewroles" },
  /** Page length for `/list` calls (no documented default; public v2 clients page roles by at most 100). */
  pageLength: 100,
  /** Error body `{code, details, message}` (INFERRED; read defensively: `details` may be text or a list). */
  errorBody: ["code", "details", "message"],
} as const;
