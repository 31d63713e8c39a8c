// UiPath Identity client: provider settings, the client-credentials token (cached per provider
// process and per scope set, renewed before expiry and once on a 401), and the robot-account and
// group endpoints. Paths and INFERRED behaviours come from contract.ts.
import { ConfigurationError } from "../../errors.js";
import { HttpClient, PerSettings, TokenError, tokenAuth, VendorError, type TokenAuth } from "../../http/index.js";
import { requireSetting, type Settings } from "../../settings.js";
import {
  apiRoot,
  DEFAULT_GRANTED_SCOPES,
  GROUP_SCOPES,
  MAX_PAGE,
  PARTITION_PROBE_TOP,
  PATHS,
  RATE_LIMITS,
  ROBOT_SCOPES,
  TOKEN_PATH,
  VENDOR,
} from "./contract.js";
import {
  groupList,
  parseWire,
  problemDetails,
  robotAccountDto,
  robotAccountPage,
  tokenResponse,
  type CreateRobotAccountCommand,
  type GroupDto,
  type RobotAccountDto,
  type UpdateRobotAccountCommand,
} from "./wire.js";

export { VENDOR };

export interface UiPathSettings {
  /** Host root, e.g. `https://cloud.uipath.com` (or the sandbox's `http://127.0.0.1:PORT/uipath`). */
  baseUrl: string;
  /** Organization name for the `/{organization}/identity_/api` form; absent → `/identity_/api`. */
  organization: string | undefined;
  /** Default partition (organization GUID) for resources that do not name one. */
  partitionGlobalId: string | undefined;
  clientId: string;
  clientSecret: string;
  /** Scopes the external application was granted; the client requests only the subset a call needs. */
  grantedScopes: string[];
}

/** What the UiPath client needs of the provider settings. */
export function uiPathSettings(settings: Settings): UiPathSettings {
  return {
    baseUrl: requireSetting(settings, "uipathBaseUrl", VENDOR),
    organization: settings.uipathOrganization,
    partitionGlobalId: settings.uipathPartitionGlobalId,
    clientId: requireSetting(settings, "uipathClientId", VENDOR),
    clientSecret: requireSetting(settings, "uipathClientSecret", VENDOR),
    grantedScopes: (settings.uipathScopes ?? DEFAULT_GRANTED_SCOPES).split(/[\s,]+/).filter(Boolean),
  };
}

/** `audit` reads robot accounts and their groups with one token: `apiidentity audit` authenticates once. */
export type Purpose = "robotAccounts" | "groups" | "audit";

/**
 * The fewest scopes a purpose needs, chosen from what the application holds: the umbrella scope
 * when granted, else the `.Read`/`.Write` halves (robot accounts), or `PM.Group.Read` before `PM.Group`.
 */
export function scopesFor(purpose: Purpose, granted: readonly string[]): string[] {
  const has = (s: string) => granted.includes(s);
  if (purpose === "audit") {
    // Reading is all an audit does: the read half when granted, and the group scope only when held (else groups stay ids).
    const robots = has(ROBOT_SCOPES.read) ? [ROBOT_SCOPES.read] : has(ROBOT_SCOPES.all) ? [ROBOT_SCOPES.all] : [];
    if (!robots.length) {
      throw new ConfigurationError(
        `${VENDOR}: the provider setting 'uipathScopes' (${granted.join(" ") || "empty"}) names no scope that reads robot accounts: the audit needs '${ROBOT_SCOPES.read}' (or '${ROBOT_SCOPES.all}').`,
      );
    }
    const groups = has(GROUP_SCOPES.read) ? [GROUP_SCOPES.read] : has(GROUP_SCOPES.all) ? [GROUP_SCOPES.all] : [];
    return [...robots, ...groups];
  }
  if (purpose === "robotAccounts") {
    if (has(ROBOT_SCOPES.all)) return [ROBOT_SCOPES.all];
    const halves = [ROBOT_SCOPES.read, ROBOT_SCOPES.write].filter(has);
    if (halves.length) return halves;
    throw new ConfigurationError(
      `${VENDOR}: the provider setting 'uipathScopes' (${granted.join(" ") || "empty"}) names no robot-account scope: the external application needs '${ROBOT_SCOPES.all}' (or '${ROBOT_SCOPES.read}' and '${ROBOT_SCOPES.write}').`,
    );
  }
  if (has(GROUP_SCOPES.read)) return [GROUP_SCOPES.read];
  if (has(GROUP_SCOPES.all)) return [GROUP_SCOPES.all];
  throw new ConfigurationError(
    `${VENDOR}: the provider setting 'uipathScopes' (${granted.join(" ") || "empty"}) names no group scope: group lookups need '${GROUP_SCOPES.read}' (or '${GROUP_SCOPES.all}').`,
  );
}

const TOKEN_HINTS: Record<string, string> = {
  invalid_client: "check apiidentity:uipathClientId and apiidentity:uipathClientSecret (UIPATH_CLIENT_ID / UIPATH_CLIENT_SECRET)",
  invalid_scope:
    "the external application was not granted these scopes: grant them in Admin > External Applications, or set apiidentity:uipathScopes to the scopes it holds",
  unauthorized_client: "the external application must be confidential with application scopes (client credentials grant)",
  unsupported_grant_type: "the external application must be confidential with application scopes (client credentials grant)",
};

/** The vendor's message out of a ProblemDetails body, or out of the headers of an empty 401/403. */
export function describeUiPathError(body: unknown, headers: Record<string, string>, scopes?: readonly string[]): { message?: string; requestId?: string } {
  const p = problemDetails.safeParse(body);
  if (p.success && typeof body === "object" && body !== null) {
    const d = p.data;
    if (d.error) return { message: [d.error, d.error_description].filter(Boolean).join(": ") };
    const fields = Object.entries(d.errors ?? {}).map(([f, msgs]) => `${f || "(body)"}: ${msgs.join(" ")}`);
    const message = [d.title, d.detail, ...fields].filter(Boolean).join(" ");
    return { message, requestId: d.traceId };
  }
  const challenge = headers["www-authenticate"];
  if (challenge) {
    const desc = /error_description="([^"]*)"/.exec(challenge)?.[1];
    return { message: `bearer token rejected${desc ? ` (${desc})` : ""}` };
  }
  if (body === undefined && scopes) {
    return { message: `access denied; the token holds '${scopes.join(" ")}' (or the partition belongs to another organization)` };
  }
  return {};
}

/** The `scope` claim of a JWT access token (space-separated string or array), if it is a JWT that has one. */
export function jwtScopes(token: string): string[] | undefined {
  const payload = token.split(".")[1];
  if (!payload) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as { scope?: unknown };
    if (typeof claims.scope === "string") return claims.scope.split(/\s+/).filter(Boolean);
    if (Array.isArray(claims.scope)) return claims.scope.filter((x): x is string => typeof x === "string");
  } catch {
    return undefined;
  }
  return undefined;
}

export interface NameLookup {
  /** Robot accounts whose name equals the searched one (case-insensitively). */
  matches: RobotAccountDto[];
  /** The vendor's clock at the answer (`Date` header), ms since the epoch, when it sent one. */
  vendorNow?: number;
  /** Our clock when the answer arrived. */
  receivedAt: number;
}

export class UiPathClient {
  private readonly tokenHttp: HttpClient;
  private readonly apis = new Map<Purpose, HttpClient>();
  /** One token per purpose: each asks only for the scopes its calls need. */
  private readonly auths = new Map<Purpose, TokenAuth>();
  /** Token requests made by this client (tests and debugging). */
  tokenRequests = 0;
  /** Scopes the last token of each purpose carries (its `scope` field, else the JWT's `scope` claim). */
  private readonly granted = new Map<Purpose, string[] | undefined>();

  constructor(readonly settings: UiPathSettings) {
    const base = settings.baseUrl.replace(/\/+$/, "");
    this.tokenHttp = new HttpClient({ vendor: VENDOR, baseUrl: base, describeError: (b, h) => describeUiPathError(b, h) });
    for (const purpose of ["robotAccounts", "groups", "audit"] as const) {
      this.auths.set(
        purpose,
        tokenAuth({
          fetch: () => this.fetchToken(purpose),
          header: (token) => ({ authorization: `Bearer ${token}` }),
          credentials: () => [settings.clientSecret],
        }),
      );
      this.apis.set(
        purpose,
        new HttpClient({
          vendor: VENDOR,
          baseUrl: base + apiRoot(settings.organization),
          auth: this.auth(purpose),
          rateLimits: RATE_LIMITS,
          describeError: (b, h) => describeUiPathError(b, h, this.scopes(purpose)),
        }),
      );
    }
  }

  private scopes(purpose: Purpose): string[] {
    return scopesFor(purpose, this.settings.grantedScopes);
  }

  private auth(purpose: Purpose): TokenAuth {
    return this.auths.get(purpose)!;
  }

  /** Closes the client's connections (token endpoint and both APIs). */
  async close(): Promise<void> {
    await Promise.all([this.tokenHttp.close(), ...[...this.apis.values()].map((h) => h.close())]);
  }

  private async fetchToken(purpose: Purpose): Promise<{ token: string; expiresInSeconds: number }> {
    const scope = this.scopes(purpose).join(" ");
    this.tokenRequests++;
    try {
      const res = await this.tokenHttp.request({
        method: "POST",
        path: TOKEN_PATH,
        form: { grant_type: "client_credentials", client_id: this.settings.clientId, client_secret: this.settings.clientSecret, scope },
        noAuth: true,
        // A token request changes nothing at the vendor: safe to send again after a lost answer.
        retrySafe: true,
        secrets: [this.settings.clientSecret],
      });
      const t = parseWire(tokenResponse, res.body, `POST ${TOKEN_PATH}`);
      this.granted.set(purpose, t.scope !== undefined ? t.scope.split(/\s+/).filter(Boolean) : jwtScopes(t.access_token));
      return { token: t.access_token, expiresInSeconds: t.expires_in };
    } catch (e) {
      if (e instanceof VendorError) {
        const code = /^(\w+)/.exec(e.vendorMessage)?.[1] ?? "";
        const hint = TOKEN_HINTS[code] ?? "check the apiidentity:uipath* provider settings";
        throw new TokenError(`${VENDOR} POST ${TOKEN_PATH} (scope '${scope}') failed with HTTP ${e.status}: ${e.vendorMessage || "no message"}; ${hint}`, { cause: e });
      }
      throw e;
    }
  }

  /**
   * Gets (or reuses) the token for a purpose and tells which scopes were asked for and which the
   * token carries (undefined when neither the answer nor the token says). Never returns the token.
   */
  async tokenScopes(purpose: Purpose): Promise<{ requested: string[]; granted: string[] | undefined }> {
    await this.auth(purpose).token();
    return { requested: this.scopes(purpose), granted: this.granted.get(purpose) };
  }

  private api(purpose: Purpose): HttpClient {
    return this.apis.get(purpose)!;
  }

  async createRobot(cmd: CreateRobotAccountCommand): Promise<RobotAccountDto> {
    const res = await this.api("robotAccounts").request({ method: "POST", path: PATHS.createRobot, json: cmd });
    return parseWire(robotAccountDto, res.body, `POST ${PATHS.createRobot}`);
  }

  /** The robot account, or undefined when it does not exist (after making sure the partition does). */
  async getRobot(partitionGlobalId: string, robotAccountId: string): Promise<RobotAccountDto | undefined> {
    const res = await this.api("robotAccounts").request({
      method: "GET",
      path: PATHS.robot,
      params: { partitionGlobalId, robotAccountId },
      accept: [404],
    });
    if (res.status === 404) {
      await this.assertPartitionExists(partitionGlobalId);
      return undefined;
    }
    return parseWire(robotAccountDto, res.body, `GET ${PATHS.robot}`);
  }

  async updateRobot(robotAccountId: string, cmd: UpdateRobotAccountCommand): Promise<RobotAccountDto> {
    const res = await this.api("robotAccounts").request({ method: "PUT", path: PATHS.updateRobot, params: { robotAccountId }, json: cmd });
    return parseWire(robotAccountDto, res.body, `PUT ${PATHS.updateRobot}`);
  }

  /** True when deleted now, false when it was already gone. */
  async deleteRobot(partitionGlobalId: string, robotAccountId: string): Promise<boolean> {
    const res = await this.api("robotAccounts").request({
      method: "DELETE",
      path: PATHS.robot,
      params: { partitionGlobalId, robotAccountId },
      accept: [404],
    });
    if (res.status === 404) {
      await this.assertPartitionExists(partitionGlobalId);
      return false;
    }
    return true;
  }

  /** Robot accounts named exactly `name` (case-insensitive): `searchTerm` is a substring match. */
  async findRobotsByName(partitionGlobalId: string, name: string): Promise<NameLookup> {
    const matches: RobotAccountDto[] = [];
    let vendorNow: number | undefined;
    let receivedAt = Date.now();
    for (let skip = 0; ; skip += MAX_PAGE) {
      const res = await this.api("robotAccounts").request({
        method: "GET",
        path: PATHS.listRobots,
        params: { partitionGlobalId },
        query: { searchTerm: name, top: MAX_PAGE, skip },
      });
      receivedAt = Date.now();
      const date = res.headers.date ? Date.parse(res.headers.date) : NaN;
      if (!Number.isNaN(date)) vendorNow = date;
      const page = parseWire(robotAccountPage, res.body, `GET ${PATHS.listRobots}`);
      matches.push(...page.results.filter((r) => r.name.toLowerCase() === name.toLowerCase()));
      if (page.results.length === 0 || skip + MAX_PAGE >= page.totalCount) break;
    }
    return { matches, vendorNow, receivedAt };
  }

  /** Every robot account of the partition, page by page; `onPage` gets the running count after each page. */
  async listRobots(partitionGlobalId: string, options: { purpose?: Purpose; onPage?: (listed: number) => void } = {}): Promise<RobotAccountDto[]> {
    const all: RobotAccountDto[] = [];
    for (let skip = 0; ; skip += MAX_PAGE) {
      const res = await this.api(options.purpose ?? "robotAccounts").request({ method: "GET", path: PATHS.listRobots, params: { partitionGlobalId }, query: { top: MAX_PAGE, skip } });
      const page = parseWire(robotAccountPage, res.body, `GET ${PATHS.listRobots}`);
      all.push(...page.results);
      options.onPage?.(all.length);
      if (page.results.length === 0 || skip + MAX_PAGE >= page.totalCount) return all;
    }
  }

  /** Every group of the partition (one call: the list is not paged). */
  async listGroups(partitionGlobalId: string, purpose: Purpose = "groups"): Promise<GroupDto[]> {
    const res = await this.api(purpose).request({ method: "GET", path: PATHS.listGroups, params: { partitionGlobalId } });
    return parseWire(groupList, res.body, `GET ${PATHS.listGroups}`);
  }

  /**
   * A 404 on a robot means "gone" only if the partition and organization exist: the same status
   * answers an unknown organization or partition, which must not make resources vanish from state.
   */
  private async assertPartitionExists(partitionGlobalId: string): Promise<void> {
    const res = await this.api("robotAccounts").request({
      method: "GET",
      path: PATHS.listRobots,
      params: { partitionGlobalId },
      query: { top: PARTITION_PROBE_TOP },
      accept: [404],
    });
    if (res.status === 404) {
      const org = this.settings.organization ? `organization '${this.settings.organization}' or ` : "";
      throw new ConfigurationError(
        `${VENDOR} does not know the ${org}partition '${partitionGlobalId}' (HTTP 404 on GET ${PATHS.listRobots}); check apiidentity:uipathOrganization and the partitionGlobalId`,
      );
    }
  }
}

const clients = new PerSettings((settings: Settings) => new UiPathClient(uiPathSettings(settings)));

/** One client (and so one token cache) per settings value, for the life of the process. */
export function uiPathClient(settings: Settings): UiPathClient {
  return clients.get(settings);
}
