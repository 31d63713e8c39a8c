// Everything the Control Room client relies on that the vendor does not state outright is named
// here, in one place, so the docs' "Vendor contract" table can list it and a fix touches one file.
// Sources: /work/shared/reference/automation-anywhere.md ("ref §n").

/** Display name in errors. */
export const VENDOR = "Automation Anywhere";

export const PATHS = {
  /** Token generation moved to v2 on current Control Rooms (INFERRED, ref §2); older ones only serve v1. */
  loginV2: "/v2/authentication",
  loginV1: "/v1/authentication",
  users: "/v1/usermanagement/users",
  user: "/v1/usermanagement/users/{userId}",
  usersList: "/v1/usermanagement/users/list",
  rolesList: "/v1/usermanagement/roles/list",
} as const;

export const INFERRED = {
  /** Fall back from v2 to v1 login when v2 answers 404 (ref §2: client recommendation). */
  loginFallbackStatus: 404,
  /** No `expires_in` in the login answer: read `exp` from the JWT, else assume the documented 20 minutes (ref §2). */
  defaultTokenLifetimeSeconds: 1200,
  /** Create answers 201 per the generic return-code page; 200 is accepted too (ref §3). */
  createStatuses: [200, 201],
  /** Duplicate username on create: 409 (ref §3 INFERRED); some builds may answer 400 instead. */
  duplicateStatuses: [400, 409],
  /** Unknown user id on GET / PUT / DELETE: 404 (ref §3 INFERRED). */
  notFoundStatus: 404,
  /** DELETE answers 200 with the user body (endpoint page) or 204 (generic page); both are success. */
  deleteStatuses: [200, 204],
  /** Look-up by username with `eq` on `username` in `/users/list` (ref §7: `eq` on username INFERRED). */
  usernameFilterOperator: "eq",
  /** Usernames are unique case-insensitively (ref §7 INFERRED): a replace that keeps the name must delete first. */
  usernamesCaseInsensitive: true,
  /** PUT is a full replacement of the mutable fields (ref §3 INFERRED): every field is sent on update. */
  putReplacesWholeUser: true,
  /** `username` and `domain` cannot change through PUT (ref §3 INFERRED): they replace the user. */
  immutableFields: ["username", "domain"],
  /** PUT accepts `password` (ref §3: only the third-party spec lists it). */
  putAcceptsPassword: true,
  /** A user object with `deleted: true` counts as gone (ref §8 INFERRED). */
  deletedFlagMeansGone: true,
  /** Page length for `/list` calls (ref §5: no documented default or maximum). */
  pageLength: 100,
  /** Error body `{code, details, message}` (ref §6 INFERRED; parsed defensively). */
  errorBody: ["code", "details", "message"],
} as const;
