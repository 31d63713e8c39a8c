// Every path, field and behaviour of UiPath Identity this client relies on, in one place, each
// tagged documented or INFERRED. Sources: docs/vendors/uipath.md (UiPath's OpenAPI file, docs pages);
// docs/resources/UiPathRobotAccount.md, "Vendor contract", lists the same items. `apiidentity check
// uipath` (probe.ts) tries the INFERRED ones against a real organization.

/** The vendor's name in messages (a constant of this file, which imports nothing, so any module may read it while it loads). */
export const VENDOR = "UiPath";

/** Token endpoint below `{uipathBaseUrl}`, never with the organization segment (documented). */
export const TOKEN_PATH = "/identity_/connect/token";

/**
 * API root below `{uipathBaseUrl}`: `/{organization}/identity_/api` (current docs), or
 * `/identity_/api` when no organization is configured (older docs and the OpenAPI `servers`).
 * That both forms reach the same API is INFERRED.
 */
export function apiRoot(organization: string | undefined): string {
  return organization ? `/${encodeURIComponent(organization)}/identity_/api` : "/identity_/api";
}

/**
 * Identity Server's published rate limits, per organization and rolling 5-minute window; beyond
 * them it answers 429 (documented: "API rate limits for Identity Server", docs/vendors/uipath.md).
 * The robot-account and group calls are Identity Server calls. That the token endpoint, which has
 * no organization in its path, counts apart is INFERRED.
 */
export const RATE_LIMITS = {
  per: "organization",
  limits: [
    { methods: ["GET"], requests: 300, windowSeconds: 300 },
    { methods: ["POST"], requests: 24_000, windowSeconds: 300 },
    { methods: ["PUT"], requests: 160, windowSeconds: 300 },
    { methods: ["PATCH"], requests: 160, windowSeconds: 300 },
    { methods: ["DELETE"], requests: 160, windowSeconds: 300 },
  ],
} as const;

export const PATHS = {
  /** POST, `CreateRobotAccountCommand` → 201 RobotAccountDto (documented). */
  createRobot: "/RobotAccount",
  /** GET `?searchTerm&top&skip` → `{totalCount, results}` (documented). */
  listRobots: "/RobotAccount/{partitionGlobalId}",
  /** GET → RobotAccountDto; DELETE → 204 (documented). 404 for an unknown id: INFERRED. */
  robot: "/RobotAccount/{partitionGlobalId}/{robotAccountId}",
  /** PUT, `UpdateRobotAccountCommand`; no partition in the path (documented). */
  updateRobot: "/RobotAccount/{robotAccountId}",
  /** GET → plain `GroupDto[]`, no paging (documented). */
  listGroups: "/Group/{partitionGlobalId}",
} as const;

/** `top` may not exceed 1000 (documented range 0–1000); the default is 10 (documented). */
export const MAX_PAGE = 1000;

/** Scopes (documented): the umbrella scope, or its `.Read` / `.Write` half. */
export const ROBOT_SCOPES = { all: "PM.RobotAccount", read: "PM.RobotAccount.Read", write: "PM.RobotAccount.Write" } as const;
export const GROUP_SCOPES = { all: "PM.Group", read: "PM.Group.Read" } as const;
/** What the external application is assumed to hold when `uipathScopes` is unset: the two documented umbrella scopes. */
export const DEFAULT_GRANTED_SCOPES = "PM.RobotAccount PM.Group";

/**
 * Robot-account name rules. Documented: a name is given at create, unique per organization and
 * immutable. Not documented: length and characters. INFERRED (a cautious guess, enforced by the
 * sandbox): printable ASCII without spaces or `@`, at most 64 characters. A name breaking the guess
 * passes check with a warning (advise). Uniqueness is case-insensitive (INFERRED).
 */
export const NAME_MAX_LENGTH = 64;
export const NAME_PATTERN = /^[\x21-\x3F\x41-\x7E]+$/;

/**
 * Duplicate name on create: undocumented status. INFERRED 409, or a 400 whose `errors.name`
 * mentions the name.
 */
export function isDuplicateName(status: number, fieldErrors: Record<string, string[]> | undefined): boolean {
  if (status === 409) return true;
  return status === 400 && (fieldErrors?.name ?? []).some((m) => /exist|taken|duplicate|already/i.test(m));
}

/**
 * `creationTime` has 7 fractional digits, with `Z` on the create response and without any offset
 * on reads (documented examples); both are UTC (INFERRED).
 */
export const TIME_WITHOUT_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?$/;

/**
 * A 404 from a robot-account call means "no such robot" only when the partition itself is known:
 * the same status also answers an unknown organization or partition (INFERRED), which the client
 * tells apart with a list call on the partition.
 */
export const PARTITION_PROBE_TOP = 1;

/**
 * `apiidentity audit`: robot accounts report their last login in `lastLoginTime` and their creation
 * in `creationTime` (both in the OpenAPI's RobotAccountDto). `Administrators` is a documented
 * built-in group; that membership of it is what makes an identity an organization administrator is
 * INFERRED from its name.
 */
export const LAST_USED_FIELD = "lastLoginTime";
export const ADMIN_GROUPS = ["Administrators"] as const;
