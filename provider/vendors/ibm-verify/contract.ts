// Every vendor behaviour this client relies on that IBM does not document outright (INFERRED), in one
// place, so that docs/resources/VerifyApiClient.md can list them and a fix touches one file.
// Documented facts are noted beside the code that uses them. Source tags ([OAS], [SDK], [TOK], ...)
// are those of docs/vendors/ibm-verify.md, which lists every fact with its public source.
//
// INFERRED behaviours without a constant of their own:
// - A 401 from /v1.0/apiclients means the bearer token is missing, expired or revoked (IBM's SDK maps
//   401 to "login again"; the OpenAPI lists no 401). The transport fetches a new token once.
// - Client names are not unique (IBM's SDK resolves a name by `search` and an exact match; no
//   duplicate-name error is documented): hence the create marker below.
// - Absent optional fields are omitted from GET answers or sent as `null`; both are accepted.
// - PUT accepts the `id` and `clientId` it already has (both "cannot be modified"). IBM's own SDK
//   sends `id` in the PUT body although the OpenAPI marks it read-only; we do the same.
// - Fields of the GET answer this resource does not manage (`jwkUri`, `additionalConfig`,
//   `additionalProperties`, newer fields) are accepted back unchanged by PUT.

/** The vendor's name in messages (a constant of this file, which imports nothing, so any module may read it while it loads). */
export const VENDOR = "IBM Verify";

/**
 * Token endpoint. Both `/oauth2/token` ([OAS], IBM's Go SDK) and `/v1.0/endpoint/default/token`
 * ([TOK]) are in use; we follow IBM's current SDK. INFERRED: the former works on every tenant.
 */
export const TOKEN_PATH = "/oauth2/token";

/**
 * The `{clientId}` path parameter of `/v1.0/apiclients/{clientId}` takes the object `id` (the last
 * segment of the create call's `Location`), not the OAuth `clientId`. IBM's SDK and the IBM Verify
 * Access guide use it that way; the OpenAPI text only says "the unique ID of a client". INFERRED.
 */
export const ITEM_PATH = "/v1.0/apiclients/{id}";
export const COLLECTION_PATH = "/v1.0/apiclients";

/**
 * A caller holding `manageAPIClients` sees `clientSecret` in GET answers; `readAPIClients` alone
 * does not ([ENT]), `readAPIClientsAndClientSecret` does ([REF-C]). A third-party provider claims
 * IBM never returns the secret on GET. INFERRED: it depends on the caller's entitlements.
 */
export const SECRET_VISIBLE_WITH = ["manageAPIClients", "readAPIClientsAndClientSecret"] as const;

/**
 * `search` takes `clientName = "<value>"` with the value in double quotes; clauses are joined by `&`.
 * How a `"` inside a value is escaped is not documented, so names holding `"`, `&` or `\` are looked
 * up by listing every client instead (no `search`). INFERRED.
 */
export const SEARCHABLE_NAME = /^[^"&\\]*$/;

/** `overrideSettings` when none was set: `{restrictScopes:false, scopes:[]}`. INFERRED. */
export const OVERRIDE_DEFAULTS = { restrictScopes: false } as const;

/**
 * The create marker the provider appends to `description` (the vendor has no creation timestamp or
 * idempotency key): `[apiidentity:<nonce>]`, the nonce derived from the resource's create key and the
 * send number (random without a key). After a lost create answer the handler looks the name up and
 * takes the one client whose description carries this create's nonce; after a killed run
 * `apiidentity recover` finds its pending creates' clients the same way. It is stripped again on
 * read. INFERRED: IBM stores `description` verbatim (no documented length limit or trimming).
 */
export const MARKER_PREFIX = "[apiidentity:";
export const MARKER_PATTERN = / ?\[apiidentity:([A-Za-z0-9-]{8,64})\]$/;

/**
 * `apiidentity audit`: the API client object (`APIClientConfig` in IBM's OpenAPI) carries neither a
 * creation time nor a time of last use, so the audit reports both as not reported. Entitlements
 * whose name starts with `manage` grant write access to a part of the tenant (the OpenAPI's
 * entitlement table pairs each `manage…` with a read-only `read…`): they count as administrative.
 */
export const ADMIN_ENTITLEMENT = /^manage/;
