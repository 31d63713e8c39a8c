// Ivanti Neurons for MDM client: HTTP Basic with Tenant Admin credentials on every call (no token, no
// session), the `{errors, result}` envelope, and the account, role and space endpoints the IseApiUser
// resource needs. Paths and field names come from contract.ts only.
import type { z } from "zod";
import { requireSetting } from "../../config.js";
import { basicAuth, HttpClient, parseAnswer, PerSettings, VendorError, type HttpMethod } from "../../http/index.js";
import { API_PREFIX, FILTERS, MAX_ROWS, PATHS, QUERY, ROLES_FIELD } from "./contract.js";
import {
  wireAccount,
  wireAccountPage,
  wireEnvelope,
  wireHeldRolePage,
  wireRolePage,
  wireSpacePage,
  type WireAccount,
  type WireErrors,
  type WireHeldRole,
  type WireRole,
} from "./wire.js";

export const VENDOR = "Ivanti";

export interface IvantiSettings {
  /** Tenant host, e.g. `https://na1.mobileiron.com` (without `/api/v1`). */
  baseUrl: string;
  username: string;
  password: string;
}

/** Settings from stack config or environment, read at call time. */
export function ivantiSettings(): IvantiSettings {
  const raw = requireSetting("ivantiBaseUrl", VENDOR);
  // Accept a base URL pasted with the API prefix: every path in contract.ts already carries it.
  const baseUrl = raw.replace(/\/+$/, "").replace(new RegExp(`${API_PREFIX.replace(/\//g, "\\/")}$`), "");
  return { baseUrl, username: requireSetting("ivantiUsername", VENDOR), password: requireSetting("ivantiPassword", VENDOR) };
}

/** Pre-emptive Basic credentials (the vendor sends no challenge first). A 401 is final. */
/** `errors` as one line: global messages, then `message (code on field)` for each field error. */
export function describeErrors(errors: WireErrors | null | undefined): string | undefined {
  if (!errors) return undefined;
  const parts: string[] = [];
  for (const g of errors.globalErrors ?? []) {
    const text = g.message?.trim() || g.code?.trim();
    if (text) parts.push(text);
  }
  for (const f of errors.fieldErrors ?? []) {
    // `accounts[0].password` reads better as `password`: this client only ever posts one account.
    // "field: message" would look like a secret pair to the redactor, so the field goes last.
    const field = f.field?.replace(/^accounts\[\d+\]\./, "");
    const where = [f.code, field ? `on ${field}` : ""].filter(Boolean).join(" ");
    const text = [f.message?.trim() ?? "", where ? `(${where})` : ""].filter(Boolean).join(" ");
    if (text) parts.push(text);
  }
  return parts.length ? parts.join("; ") : undefined;
}

/** The vendor's message from an error answer, for the transport's VendorError. */
export function describeIvantiError(body: unknown): { message?: string } {
  const env = wireEnvelope.safeParse(body);
  const message = env.success ? describeErrors(env.data.errors) : undefined;
  if (message) return { message };
  if (typeof body === "string" && body.trim()) return { message: body.trim().slice(0, 300) };
  return {};
}

const CONTRACT_HINT = "the API may differ from the INFERRED contract (see the Vendor contract of IseApiUser)";

export class IvantiClient {
  private catalogue: Promise<WireRole[]> | undefined;
  private defaultSpace: Promise<number> | undefined;
  private self: Promise<number | undefined> | undefined;

  constructor(
    readonly http: HttpClient,
    /** The provider's own login name (to recognise accounts it created). */
    readonly login: string,
  ) {}

  /** The envelope's `result`, parsed; errors riding in a 2xx envelope still fail (reference §5). */
  private unwrap<S extends z.ZodType>(schema: S, method: HttpMethod, path: string, status: number, body: unknown): z.output<S> {
    const env = parseAnswer(wireEnvelope, body, VENDOR, `${method} ${path}`, CONTRACT_HINT);
    const message = describeErrors(env.errors);
    if (message) throw new VendorError({ vendor: VENDOR, method, pathTemplate: path, status, vendorMessage: message });
    return parseAnswer(schema, env.result, VENDOR, `${method} ${path}`, CONTRACT_HINT);
  }

  /**
   * `POST /api/v1/accounts?sendInvite=false` with one account; the answer is that account. `space`
   * names the device space of space-specific roles (INFERRED), sent only when there are such roles.
   */
  async createAccount(form: Record<string, string>, secrets: string[], space?: number): Promise<WireAccount> {
    const query = { [QUERY.sendInvite]: false, [QUERY.space]: space };
    const r = await this.http.request({ method: "POST", path: PATHS.createAccounts, query, form, secrets });
    const result = this.unwrap(wireAccount.or(wireAccount.array().min(1)), "POST", PATHS.createAccounts, r.status, r.body);
    // INFERRED: several posted accounts answer with an array; one answers with the object.
    return Array.isArray(result) ? result[0]! : result;
  }

  /** `GET /api/v1/account/{id}`; undefined on 404. */
  async getAccount(id: string): Promise<WireAccount | undefined> {
    const r = await this.http.request({ method: "GET", path: PATHS.account, params: { accountId: id }, accept: [404] });
    if (r.status === 404) return undefined;
    return this.unwrap(wireAccount, "GET", PATHS.account, r.status, r.body);
  }

  /** `GET /api/v1/account/{id}/roles`; undefined on 404. */
  async heldRoles(id: string): Promise<WireHeldRole[] | undefined> {
    const r = await this.http.request({ method: "GET", path: PATHS.accountRoles, params: { accountId: id }, accept: [404] });
    if (r.status === 404) return undefined;
    return this.unwrap(wireHeldRolePage, "GET", PATHS.accountRoles, r.status, r.body).searchResults;
  }

  /** Documented search `GET /api/v1/account?fq=…`, narrowed to exact (case-insensitive) matches. */
  async findAccounts(by: "uid" | "username", value: string): Promise<WireAccount[]> {
    const fq = by === "uid" ? FILTERS.byUid(value) : FILTERS.byUsername(value);
    const r = await this.http.request({ method: "GET", path: PATHS.searchAccounts, query: { [QUERY.filter]: fq, [QUERY.rows]: MAX_ROWS, [QUERY.start]: 0 } });
    const page = this.unwrap(wireAccountPage, "GET", PATHS.searchAccounts, r.status, r.body);
    const want = value.toLowerCase();
    return page.searchResults.filter((a) => (by === "uid" ? a.uid : (a.username ?? "")).toLowerCase() === want);
  }

  /** Every account of the tenant, page by page (documented `start`/`rows` paging). */
  async listAccounts(): Promise<WireAccount[]> {
    const all: WireAccount[] = [];
    for (let start = 0; ; start += MAX_ROWS) {
      const r = await this.http.request({ method: "GET", path: PATHS.searchAccounts, query: { [QUERY.rows]: MAX_ROWS, [QUERY.start]: start } });
      const page = this.unwrap(wireAccountPage, "GET", PATHS.searchAccounts, r.status, r.body);
      all.push(...page.searchResults);
      if (page.searchResults.length < MAX_ROWS) return all;
    }
  }

  /** `PUT /api/v1/account/{id}` with only the given fields (INFERRED partial update). */
  async updateAccount(id: string, form: Record<string, string>, secrets: string[]): Promise<WireAccount> {
    const r = await this.http.request({ method: "PUT", path: PATHS.account, params: { accountId: id }, form, secrets });
    return this.unwrap(wireAccount, "PUT", PATHS.account, r.status, r.body);
  }

  /** `PUT /api/v1/account/{id}/roles`: replaces the whole set (INFERRED). */
  async replaceRoles(id: string, roleIds: number[], space: number | undefined): Promise<WireHeldRole[]> {
    const form = Object.fromEntries(roleIds.map((r, i) => [`${ROLES_FIELD}[${i}]`, String(r)]));
    const r = await this.http.request({
      method: "PUT",
      path: PATHS.accountRoles,
      params: { accountId: id },
      query: { [QUERY.space]: space },
      form,
    });
    return this.unwrap(wireHeldRolePage, "PUT", PATHS.accountRoles, r.status, r.body).searchResults;
  }

  /** `DELETE /api/v1/account/{id}`; false when the vendor answered 404. */
  async deleteAccount(id: string): Promise<boolean> {
    const r = await this.http.request({ method: "DELETE", path: PATHS.account, params: { accountId: id }, accept: [404] });
    if (r.status === 404) return false;
    this.unwrap(wireEnvelope.shape.result, "DELETE", PATHS.account, r.status, r.body);
    return true;
  }

  /** The role catalogue, fetched once per provider process (`refresh` fetches it again). */
  roles(refresh = false): Promise<WireRole[]> {
    if (refresh || !this.catalogue) {
      const p = this.http.request({ method: "GET", path: PATHS.roles }).then((r) => this.unwrap(wireRolePage, "GET", PATHS.roles, r.status, r.body).searchResults);
      // A failed fetch is not cached: the next resource tries again.
      p.catch(() => {
        if (this.catalogue === p) this.catalogue = undefined;
      });
      this.catalogue = p;
    }
    return this.catalogue;
  }

  /** The default device space (`defaultPartition: true`), looked up once per provider process. */
  defaultSpaceId(): Promise<number> {
    if (!this.defaultSpace) {
      const p = this.http.request({ method: "GET", path: PATHS.spaces, query: { [QUERY.start]: 0, [QUERY.rows]: MAX_ROWS } }).then((r) => {
        const spaces = this.unwrap(wireSpacePage, "GET", PATHS.spaces, r.status, r.body).searchResults;
        const found = spaces.find((s) => s.defaultPartition === true) ?? (spaces.length === 1 ? spaces[0] : undefined);
        if (!found) throw new Error(`${VENDOR} GET ${PATHS.spaces} lists no default device space (defaultPartition: true)`);
        return found.id;
      });
      p.catch(() => {
        if (this.defaultSpace === p) this.defaultSpace = undefined;
      });
      this.defaultSpace = p;
    }
    return this.defaultSpace;
  }

  /** The provider's own account id (login is a uid or a username); undefined if not found. */
  selfId(): Promise<number | undefined> {
    if (!this.self) {
      const p = (async () => {
        const byUid = await this.findAccounts("uid", this.login);
        if (byUid[0]) return byUid[0].id;
        return (await this.findAccounts("username", this.login))[0]?.id;
      })();
      p.catch(() => {
        if (this.self === p) this.self = undefined;
      });
      this.self = p;
    }
    return this.self;
  }
}

/** One client per distinct settings, for the life of the provider process. */
const clients = new PerSettings(
  (settings: IvantiSettings) =>
    new IvantiClient(
      new HttpClient({ vendor: VENDOR, baseUrl: settings.baseUrl, auth: basicAuth(settings.username, settings.password), describeError: describeIvantiError }),
      settings.username,
    ),
);

/** The client for the current settings: one per distinct settings in this provider process. */
export function ivantiClient(settings: IvantiSettings = ivantiSettings()): IvantiClient {
  return clients.get(settings);
}

/** Drops the cached clients (and their role and space caches), as a new provider process would start. */
export function forgetIvantiClients(): void {
  clients.clear();
}
