// Everything this client assumes about the Uptrends API v4 ApiUser and Operator endpoints, in one
// place. The endpoints are documented (KB "ApiUser API", Swagger 2022); the ApiUser field names other
// than OperatorGuid and Description, the status codes and the empty-description default are INFERRED.
// Sources and the documented/INFERRED status of each fact: docs/vendors/uptrends.md. `apiidentity
// check uptrends` (probe.ts) tries each INFERRED item against a real account.

/** The vendor's name in messages (a constant of this file, which imports nothing, so any module may read it while it loads). */
export const VENDOR = "Uptrends";

/** Paths below the base URL (which already ends in `/v4`). Documented. */
export const PATHS = {
  apiUsers: "/ApiUser",
  apiUser: "/ApiUser/{apiUserGuid}",
  apiUsersOfOperator: "/ApiUser/Operator/{operatorGuid}",
  operators: "/Operator",
  /** The operator's rights, a list of names such as `AccountAdministrator` (SWAGGER-2022). */
  operatorAuthorizations: "/Operator/{operatorGuid}/Authorization",
} as const;

/**
 * Field names are read whatever their letter case: the documented answers are PascalCase, but
 * Uptrends is known to vary between PascalCase and camelCase. Requests are always sent PascalCase.
 */
export const FIELD_NAME_CASE_INSENSITIVE = true;

/**
 * Access types. Generic, MobileApp and TransactionRecorder are documented (KB "ApiUser API", which
 * gives them as examples); Grafana is named by the KB article "API user overview" (see
 * docs/vendors/uptrends.md for what our searches reached). Read as an open list: any other value is kept.
 */
export const ACCESS_TYPES = ["Generic", "MobileApp", "TransactionRecorder", "Grafana"] as const;

/** The operator right that lets an API account manage other operators' API users (documented, changelog Nov 2022). */
export const ADMIN_AUTHORIZATION = "AccountAdministrator";

/** Wire field names of the ApiUser object. `OperatorGuid` and `Description` are documented; the rest INFERRED. */
export const API_USER_FIELDS = {
  guid: "ApiUserGuid", // INFERRED (the path parameter is {apiUserGuid})
  operatorGuid: "OperatorGuid", // documented
  description: "Description", // documented
  username: "UserName", // INFERRED (spelling of RegistrationResponse)
  password: "Password", // INFERRED: only in the POST response
  accessType: "ApiAccessType", // INFERRED name; values documented
  createdDate: "CreatedDate", // INFERRED
  lastUsed: "LastUsed", // INFERRED: null or absent while never used
} as const;

/**
 * What the vendor stores for an empty or missing Description. Documented for `/Register`
 * ("If this is empty, it will be defaulted to 'API'"); INFERRED for `POST`/`PUT /ApiUser`.
 */
export const DEFAULT_DESCRIPTION = "API";

/**
 * Statuses. INFERRED (the pattern of every other Uptrends GUID resource): POST 201 with the object
 * and its password, PUT 204, DELETE 204, unknown GUID 404.
 */
export const STATUS = { created: 201, noContent: 204, notFound: 404 } as const;

/**
 * A lost create is matched to accounts created no earlier than this before the request started, to
 * allow for a vendor clock behind ours. Our own choice (INFERRED: CreatedDate is the vendor's clock).
 */
export const LOST_CREATE_CLOCK_SKEW_MS = 5 * 60 * 1000;

/**
 * `apiidentity audit`: an API account acts with its operator's rights, so it counts as
 * administrative when that operator is an account administrator (`IsAccountAdministrator` on the
 * Operator object, documented). The UI shows "Unknown" as last use for accounts made before Uptrends
 * tracked it (documented); that this began with the November 2022 API-management release, and that
 * the API then sends `LastUsed` null as for "not yet used", is INFERRED.
 */
export const LAST_USED_TRACKED_SINCE = Date.parse("2022-11-01T00:00:00Z");
