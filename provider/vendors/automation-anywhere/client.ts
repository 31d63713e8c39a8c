// The Control Room client: login (API key preferred, else password) with a token cached per provider
// process, the user and role endpoints on the generation the login showed (v2, else v1, learnt once
// per process and Control Room), and the role-name cache. One client per settings value,
// kept in module scope so every resource of one `pulumi` run shares the token and the role list.
import type * as z from "zod";
import { HttpClient, parseAnswer, PerSettings, tokenAuth, VendorError, type HttpResponse, type RequestOptions, type TokenAuth } from "../../http/index.js";
import { requireOneOf, requireSetting, type Settings } from "../../settings.js";
import { INFERRED, PATHS, VENDOR, type ApiVersion } from "./contract.js";
import { wireError, wireLogin, wireRoleList, wireUser, wireUserList, type ListRequest, type UserBody, type WirePermission, type WireRole, type WireUser } from "./wire.js";

export interface ControlRoomSettings {
  url: string;
  username: string;
  credential: { kind: "apiKey" | "password"; value: string };
}

/** What the Control Room client needs of the provider settings (the API key wins over a password). */
export function controlRoomSettings(settings: Settings): ControlRoomSettings {
  const url = requireSetting(settings, "automationAnywhereUrl", VENDOR);
  const username = requireSetting(settings, "automationAnywhereUsername", VENDOR);
  const c = requireOneOf(settings, ["automationAnywhereApiKey", "automationAnywherePassword"], VENDOR);
  return { url, username, credential: { kind: c.name === "automationAnywhereApiKey" ? "apiKey" : "password", value: c.value } };
}

/** True when every setting a call needs is there (check only talks to the vendor then). */
export function hasSettings(settings: Settings): boolean {
  return (
    settings.automationAnywhereUrl !== undefined &&
    settings.automationAnywhereUsername !== undefined &&
    (settings.automationAnywhereApiKey !== undefined || settings.automationAnywherePassword !== undefined)
  );
}

/** Text of one error-body field: strings as they are, lists joined with "; ", anything else as JSON. */
function fieldText(v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === "string") return v.trim() || undefined;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (Array.isArray(v)) return v.map(fieldText).filter(Boolean).join("; ") || undefined;
  try {
    return JSON.stringify(v);
  } catch {
    return undefined;
  }
}

/** Pulls the vendor's own message out of an error body (`details` as text, list or anything else). */
export function describeControlRoomError(body: unknown): { message?: string } {
  const parsed = wireError.safeParse(body);
  if (!parsed.success) return {};
  const message = fieldText(parsed.data.message);
  const details = fieldText(parsed.data.details);
  const code = fieldText(parsed.data.code);
  const parts = [message, details && details !== message ? (message ? `(${details})` : details) : undefined, code ? `[${code}]` : undefined];
  const text = parts.filter(Boolean).join(" ");
  return text ? { message: text } : {};
}

/** The `iat`/`exp` claims of a JWT, when it is one we can read (the signature is not ours to check). */
export function tokenClaims(token: string): { iat?: number; exp?: number } {
  try {
    const payload = JSON.parse(Buffer.from(token.split(".")[1] ?? "", "base64url").toString("utf8")) as { iat?: unknown; exp?: unknown };
    return {
      ...(typeof payload.iat === "number" ? { iat: payload.iat } : {}),
      ...(typeof payload.exp === "number" ? { exp: payload.exp } : {}),
    };
  } catch {
    return {};
  }
}

/** Seconds the token lives, from its own `iat`/`exp` (clock differences cancel out), else the documented 20 minutes. */
export function tokenLifetimeSeconds(token: string): number {
  const { iat, exp } = tokenClaims(token);
  return iat !== undefined && exp !== undefined && exp > iat ? exp - iat : INFERRED.defaultTokenLifetimeSeconds;
}

/** The readable Action | Resource type pairs of a login answer's `user.permissions` (odd entries are skipped). */
export function heldPermissions(list: readonly (WirePermission | null)[]): HeldPermission[] {
  return list.flatMap((p) => (p?.action && p.resourceType ? [{ action: p.action, resourceType: p.resourceType }] : []));
}

function parse<S extends z.ZodType>(schema: S, body: unknown, what: string): z.output<S> {
  return parseAnswer(schema, body, VENDOR, what);
}

/** What the login answer says about the provider's own user (for lost-create checks and `apiidentity check`). */
export interface LoginUser {
  id: number;
  username?: string;
  roleNames: string[];
  /** `user.permissions[]` as Action | Resource type pairs, when the answer lists them. */
  permissions: HeldPermission[] | undefined;
}

/** How the last roles list was read: pages, rows and the total the Control Room reported. */
export interface RolePaging {
  pages: number;
  rows: number;
  pageLength: number;
  total: number | undefined;
}

type UserManagementRequest = Omit<RequestOptions, "path"> & { paths: Record<ApiVersion, string>; byId?: boolean };

/** One permission of the login answer: the documented Action | Resource type pair. */
export interface HeldPermission {
  action: string;
  resourceType: string;
}
export class ControlRoomClient {
  readonly http: HttpClient;
  /** The Control Room's address, as the settings give it (for messages). */
  readonly url: string;
  private readonly auth: TokenAuth;
  /** The Control Room's generation, learnt from the first login that answers; kept for the process. */
  private learnt: ApiVersion | undefined;
  private roles: Promise<WireRole[]> | undefined;
  /** Id of the user the provider logs in as (from the login answer): lost-create checks use it. */
  callerId: number | undefined;
  /** The login answer's user, as far as it was readable. */
  loginUser: LoginUser | undefined;
  /** Control Room clock minus ours (ms, from the token's `iat`), so lost-create checks compare like with like. */
  clockOffsetMs: number | undefined;
  /** Paging of the last roles list (for `apiidentity check`). */
  rolePaging: RolePaging | undefined;

  constructor(private readonly settings: ControlRoomSettings) {
    this.url = settings.url;
    this.auth = tokenAuth({
      fetch: () => this.login(),
      header: (token) => ({ "x-authorization": token }),
      earlyRefreshSeconds: 60,
      credentials: () => [settings.credential.value],
    });
    this.http = new HttpClient({ vendor: VENDOR, baseUrl: settings.url, auth: this.auth, describeError: describeControlRoomError });
  }

  /** Closes the client's connections. */
  close(): Promise<void> {
    return this.http.close();
  }

  /** The generation this Control Room answered on in this process (after the first login). */
  get generation(): ApiVersion | undefined {
    return this.learnt;
  }

  /**
   * The login call: on the learnt generation once known; else v2 first and, on a 404, v1 once.
   * Whichever answers (any status but 404: a 401 too shows the call exists) is this Control Room's
   * generation for the rest of the process, for login and user management alike.
   */
  private async loginCall(o: Omit<RequestOptions, "path">): Promise<HttpResponse> {
    const paths = { v2: PATHS.v2.login, v1: PATHS.v1.login };
    if (this.learnt) return this.http.request({ ...o, path: paths[this.learnt] });
    const notFound = INFERRED.versionFallbackStatus;
    const attempt = async (version: ApiVersion): Promise<HttpResponse> => {
      try {
        const res = await this.http.request({ ...o, path: paths[version], accept: [...(o.accept ?? []), notFound] });
        if (res.status !== notFound) this.learnt = version;
        return res;
      } catch (e) {
        if (e instanceof VendorError) this.learnt = version;
        throw e;
      }
    };
    const v2 = await attempt("v2");
    if (v2.status !== notFound) return v2;
    const v1 = await attempt("v1");
    if (v1.status !== notFound) return v1;
    const m2 = describeControlRoomError(v2.body).message ?? "not found";
    const m1 = describeControlRoomError(v1.body).message ?? "not found";
    throw new VendorError({
      vendor: VENDOR,
      method: o.method,
      pathTemplate: paths.v2,
      status: notFound,
      vendorMessage: `${m2}; ${paths.v1} answered 404 as well (${m1}). Check that automationAnywhereUrl is the Control Room's address, with no path after the host`,
    });
  }

  /**
   * A user-management call on the generation the login showed: never on the other one, so a current
   * Control Room sees no discontinued v1 call from us. A 404 of a call by user id means the user is
   * gone; any other 404 says the call is missing here, and names the generation it was sent on.
   */
  private async userManagement(o: UserManagementRequest): Promise<HttpResponse> {
    const { paths, byId, ...rest } = o;
    // The login (cached once made) decides the generation before the path is chosen.
    await this.auth.token();
    const version = this.learnt ?? "v2";
    try {
      return await this.http.request({ ...rest, path: paths[version] });
    } catch (e) {
      if (byId || !(e instanceof VendorError) || e.status !== INFERRED.versionFallbackStatus) throw e;
      const login = PATHS[version].login;
      throw new VendorError({
        vendor: VENDOR,
        method: rest.method,
        pathTemplate: paths[version],
        status: e.status,
        requestId: e.requestId,
        body: e.body,
        vendorMessage: `${e.vendorMessage || "not found"}; this Control Room's login answered on ${login}, so ${version} user management was expected. Check that automationAnywhereUrl is the Control Room's address, with no path after the host`,
      });
    }
  }

  private async login(): Promise<{ token: string; expiresInSeconds: number }> {
    const body = { username: this.settings.username, [this.settings.credential.kind]: this.settings.credential.value };
    const sentAt = Date.now();
    const res = await this.loginCall({
      method: "POST",
      json: body,
      noAuth: true,
      retrySafe: true,
      secrets: [this.settings.credential.value],
    });
    const login = parse(wireLogin, res.body, "the login");
    this.callerId = login.user?.id;
    this.loginUser = login.user
      ? {
          id: login.user.id,
          ...(login.user.username ? { username: login.user.username } : {}),
          roleNames: (login.user.roles ?? []).map((r) => r.name ?? String(r.id)),
          permissions: login.user.permissions ? heldPermissions(login.user.permissions) : undefined,
        }
      : undefined;
    const { iat } = tokenClaims(login.token);
    // `iat` is whole seconds taken between sending and answering: the offset is exact to about a second.
    this.clockOffsetMs = iat !== undefined ? iat * 1000 - sentAt : undefined;
    return { token: login.token, expiresInSeconds: tokenLifetimeSeconds(login.token) };
  }

  /** The cached token, if any (for `apiidentity check` to read its lifetime; never printed). */
  tokenValue(): string | undefined {
    return this.auth.cached();
  }

  /** Logs in now (unless a token is cached) and says which version answered. */
  async authenticate(): Promise<ApiVersion> {
    await this.auth.token();
    return this.learnt ?? "v2";
  }

  async createUser(body: UserBody): Promise<WireUser> {
    const res = await this.userManagement({ paths: { v2: PATHS.v2.users, v1: PATHS.v1.users }, method: "POST", json: body, secrets: body.password ? [body.password] : [] });
    return parse(wireUser, res.body, "the user create");
  }

  /** The user, or undefined when it is gone (404 or flagged deleted). */
  async getUser(id: string): Promise<WireUser | undefined> {
    const res = await this.userManagement({ paths: { v2: PATHS.v2.user, v1: PATHS.v1.user }, byId: true, method: "GET", params: { userId: id }, accept: [INFERRED.notFoundStatus] });
    if (res.status === INFERRED.notFoundStatus) return undefined;
    const user = parse(wireUser, res.body, "the user read");
    return user.deleted ? undefined : user;
  }

  async updateUser(id: string, body: UserBody): Promise<WireUser> {
    const res = await this.userManagement({ paths: { v2: PATHS.v2.user, v1: PATHS.v1.user }, byId: true, method: "PUT", params: { userId: id }, json: body, secrets: body.password ? [body.password] : [] });
    return parse(wireUser, res.body, "the user update");
  }

  /** Deletes the user; false when it was already gone. */
  async deleteUser(id: string): Promise<boolean> {
    const res = await this.userManagement({ paths: { v2: PATHS.v2.user, v1: PATHS.v1.user }, byId: true, method: "DELETE", params: { userId: id }, accept: [INFERRED.notFoundStatus] });
    return res.status !== INFERRED.notFoundStatus;
  }

  private usersListPage(req: ListRequest): Promise<HttpResponse> {
    return this.userManagement({ paths: { v2: PATHS.v2.usersList, v1: PATHS.v1.usersList }, method: "POST", json: req, retrySafe: true });
  }

  /** Users whose username equals `username` (case-insensitively, as the vendor compares them). */
  async findUsersByName(username: string): Promise<WireUser[]> {
    const req: ListRequest = {
      filter: { operator: INFERRED.usernameFilterOperator, field: "username", value: username },
      page: { offset: 0, length: INFERRED.pageLength },
      fields: [],
    };
    const res = await this.usersListPage(req);
    // Filter again locally: a Control Room that reads `eq` differently must not hand us a near-miss.
    return parse(wireUserList, res.body, "the user search").list.filter((u) => u.username.toLowerCase() === username.toLowerCase() && !u.deleted);
  }

  /** Every user, page by page (for `apiidentity discover`, `check` and `audit`); `onPage` gets the running count after each page. */
  async listUsers(onPage?: (listed: number) => void): Promise<WireUser[]> {
    const all: WireUser[] = [];
    for (let offset = 0; ; offset += INFERRED.pageLength) {
      const req: ListRequest = { sort: [{ field: "id", direction: "asc" }], filter: {}, page: { offset, length: INFERRED.pageLength }, fields: [] };
      const page = parse(wireUserList, (await this.usersListPage(req)).body, "the user list");
      all.push(...page.list.filter((u) => !u.deleted));
      onPage?.(all.length);
      const total = page.page?.totalFilter ?? page.page?.total;
      if (page.list.length < INFERRED.pageLength || (total !== undefined && total !== null && offset + page.list.length >= total)) return all;
    }
  }

  /** True when a roles list is cached (or being fetched). */
  hasRoles(): boolean {
    return this.roles !== undefined;
  }

  /** Every role, fetched once per client (provider process); `refresh` fetches again. */
  listRoles(refresh = false): Promise<WireRole[]> {
    if (refresh || !this.roles) {
      const p = this.fetchRoles();
      this.roles = p;
      // A failed fetch must not stick in the cache.
      p.catch(() => {
        if (this.roles === p) this.roles = undefined;
      });
    }
    return this.roles;
  }

  private async fetchRoles(): Promise<WireRole[]> {
    const all: WireRole[] = [];
    let pages = 0;
    let total: number | undefined;
    for (let offset = 0; ; offset += INFERRED.pageLength) {
      const req: ListRequest = { sort: [{ field: "name", direction: "asc" }], filter: {}, page: { offset, length: INFERRED.pageLength }, fields: [] };
        // A list is a read: safe to send again after a lost answer.
      const res = await this.userManagement({ paths: { v2: PATHS.v2.rolesList, v1: PATHS.v1.rolesList }, method: "POST", json: req, retrySafe: true });
      const page = parse(wireRoleList, res.body, "the role list");
      pages++;
      all.push(...page.list);
      total = page.page?.totalFilter ?? page.page?.total ?? undefined;
      if (page.list.length < INFERRED.pageLength || (total !== undefined && all.length >= total)) {
        this.rolePaging = { pages, rows: all.length, pageLength: INFERRED.pageLength, total };
        return all;
      }
    }
  }
}

const clients = new PerSettings((settings: Settings) => new ControlRoomClient(controlRoomSettings(settings)));

/** The client for these settings: one per settings value (its token and role list with it). */
export function controlRoomClient(settings: Settings): ControlRoomClient {
  return clients.get(settings);
}
