// Ivanti Neurons for MDM client: HTTP Basic with Tenant Admin credentials on every call (no token, no
// session), the `{errors, result}` envelope, and the account, role and space endpoints the IseApiUser
// resource needs. Paths and field names come from contract.ts only.
import { sameCaseless } from "../../caseless.js";
import type * as z from "zod";
import { basicAuth, HttpClient, parseAnswer, PerSettings, VendorError, type HttpMethod } from "../../http/index.js";
import { requireSetting, type Settings } from "../../settings.js";
import { DOCUMENTED_ISE_ROLE, iseRoleOf, type IseRole } from "./ise-role.js";
import { API_ACCOUNT_TYPES, API_PREFIX, FILTERS, MAX_ROWS, NOT_FOUND_REASONS, PATHS, QUERY, ROLES_FIELD, VENDOR } from "./contract.js";
import {
  wireAccount,
  wireAccountPage,
  wireDeleted,
  wireEnvelope,
  wireHeldRolePage,
  wireRolePage,
  wireTenantMetadata,
  type WireAccount,
  type WireDeleted,
  type WireErrors,
  type WireHeldRole,
  type WireRole,
} from "./wire.js";

export { VENDOR };

export interface IvantiSettings {
  /** Tenant host, e.g. `https://na1.mobileiron.com` (without `/api/v1`). */
  baseUrl: string;
  username: string;
  password: string;
}

/** What the Ivanti client needs to log in, from the provider settings. */
export function ivantiSettings(settings: Settings): IvantiSettings {
  const raw = requireSetting(settings, "ivantiBaseUrl", VENDOR);
  // Accept a base URL pasted with the API prefix: every path in contract.ts already carries it.
  const baseUrl = raw.replace(/\/+$/, "").replace(new RegExp(`${API_PREFIX.replace(/\//g, "\\/")}$`), "");
  return { baseUrl, username: requireSetting(settings, "ivantiUsername", VENDOR), password: requireSetting(settings, "ivantiPassword", VENDOR) };
}

/** What the tenant is like, as the provider settings describe it (neither is needed to log in). */
export interface IvantiTenant {
  /** The ISE role under this tenant's names (ivantiIseRoleName). */
  iseRole: IseRole;
  /** `ivantiDmPartitionId` as set (checked where it is used): the device space of space-specific roles. */
  dmPartitionId: string | undefined;
}

/**
 * Whether an account is an API user: by `accountType` when the answer has it (`API`, evidenced; any
 * case), else by the older boolean `apiUser` when present; undefined when the answer says neither.
 */
export function isApiUserAccount(a: Pick<WireAccount, "accountType" | "apiUser">): boolean | undefined {
  if (typeof a.accountType === "string" && a.accountType.trim() !== "") {
    const t = a.accountType.trim().toUpperCase();
    return (API_ACCOUNT_TYPES as readonly string[]).includes(t);
  }
  return typeof a.apiUser === "boolean" ? a.apiUser : undefined;
}

/** Whether `a` is the account the provider logs in with (`login`: its uid or username, any case). */
export function isLoginAccount(a: Pick<WireAccount, "uid" | "username">, login: string | undefined): boolean {
  return sameCaseless(a.uid, login) || sameCaseless(a.username, login);
}

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

/**
 * The two forms of the account delete, as vendor generations: `single` is the evidenced
 * `DELETE /api/v1/account?id=`, `bulk` the older INFERRED `DELETE /api/v1/accounts?ids=`.
 */
export type DeleteForm = "single" | "bulk";

/** What one delete did: gone now, not there to begin with, or refused with the vendor's reason. */
export type DeleteOutcome = { form: DeleteForm } & ({ outcome: "deleted" } | { outcome: "notFound" } | { outcome: "refused"; reason: string });

/** One page of a list: its rows, and how many rows all pages hold (when the answer says). */
type Page<T> = { rows: T[]; totalCount: number | null | undefined };

/**
 * Every row of a list, page by page: asks for MAX_ROWS from the next offset until it holds
 * `totalCount` rows or a page is empty. Never assumes a page size: the vendor may send fewer rows
 * than asked (documented: 50 for calls against the database). Without a `totalCount`, a page with
 * fewer rows than asked is the last. `enough` stops early once the caller has what it wants.
 */
export async function collectPages<T>(fetchPage: (start: number, rows: number) => Promise<Page<T>>, enough?: (rows: T[]) => boolean): Promise<T[]> {
  const all: T[] = [];
  for (;;) {
    const page = await fetchPage(all.length, MAX_ROWS);
    all.push(...page.rows);
    if (page.rows.length === 0 || enough?.(all)) return all;
    if (typeof page.totalCount === "number" ? all.length >= page.totalCount : page.rows.length < MAX_ROWS) return all;
  }
}

export class IvantiClient {
  private catalogue: Promise<WireRole[]> | undefined;
  private defaultSpace: Promise<number> | undefined;
  private self: Promise<number | undefined> | undefined;
  /** The delete form this tenant answered, once it has (kept for the life of the process). */
  private learnedDelete: DeleteForm | undefined;

  constructor(
    readonly http: HttpClient,
    /** The provider's own login name (to recognise accounts it created). */
    readonly login: string,
    readonly tenant: IvantiTenant = { iseRole: DOCUMENTED_ISE_ROLE, dmPartitionId: undefined },
  ) {}

  /** Closes the client's connections. */
  close(): Promise<void> {
    return this.http.close();
  }

  /** The envelope's `result`, parsed; errors riding in a 2xx envelope still fail. */
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

  /** `GET /api/v1/account/{id}/roles` (UNDOCUMENTED), every page; undefined on 404. */
  async heldRoles(id: string): Promise<WireHeldRole[] | undefined> {
    let gone = false;
    const rows = await collectPages(async (start, n) => {
      const r = await this.http.request({ method: "GET", path: PATHS.accountRoles, params: { accountId: id }, query: start > 0 ? { [QUERY.start]: start, [QUERY.rows]: n } : undefined, accept: [404] });
      if (r.status === 404) {
        gone = true;
        return { rows: [], totalCount: 0 };
      }
      const page = this.unwrap(wireHeldRolePage, "GET", PATHS.accountRoles, r.status, r.body);
      return { rows: page.searchResults, totalCount: page.totalCount ?? page.searchResults.length };
    });
    return gone ? undefined : rows;
  }

  /** One page of the documented account list/search, with `totalCount`. */
  async accountPage(start: number, rows: number, fq?: string): Promise<Page<WireAccount>> {
    const query = { ...(fq ? { [QUERY.filter]: fq } : {}), [QUERY.rows]: rows, [QUERY.start]: start };
    const r = await this.http.request({ method: "GET", path: PATHS.searchAccounts, query });
    const page = this.unwrap(wireAccountPage, "GET", PATHS.searchAccounts, r.status, r.body);
    return { rows: page.searchResults, totalCount: page.totalCount };
  }

  /** Documented search `GET /api/v1/account?fq=…` (every page), narrowed to exact (case-insensitive) matches. */
  async findAccounts(by: "uid" | "username", value: string): Promise<WireAccount[]> {
    const fq = by === "uid" ? FILTERS.byUid(value) : FILTERS.byUsername(value);
    const rows = await collectPages((start, n) => this.accountPage(start, n, fq));
    const want = value.toLowerCase();
    return rows.filter((a) => (by === "uid" ? a.uid : (a.username ?? "")).toLowerCase() === want);
  }

  /** Every account of the tenant, paged by `totalCount` (documented `start`/`rows` paging); `onPage` gets the running count after each page. */
  listAccounts(onPage?: (listed: number) => void): Promise<WireAccount[]> {
    let listed = 0;
    return collectPages(async (start, n) => {
      const page = await this.accountPage(start, n);
      onPage?.((listed += page.rows.length));
      return page;
    });
  }

  /** "Update User Account" (INFERRED path `PUT /api/v1/account/{id}`) with only the given fields. */
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

  /** The delete form this tenant has answered in this process, if any. */
  get deleteForm(): DeleteForm | undefined {
    return this.learnedDelete;
  }

  /**
   * Deletes one account. The evidenced form first; a 404 or 405 from it, while this process has not
   * learnt the tenant's form, is tried once on the older form, and whichever form answers is kept.
   * A 404 of the evidenced form on a tenant that does not serve the older one means the account is
   * not there. Once the evidenced form has answered, its 404 means that at once.
   */
  async deleteAccount(id: string): Promise<DeleteOutcome> {
    if (this.learnedDelete === "bulk") return this.deleteBulk(id);
    const r = await this.http.request({ method: "DELETE", path: PATHS.deleteAccount, query: { [QUERY.id]: id }, accept: [400, 404, 405] });
    if (r.status === 400) {
      // The path exists and the vendor refused this account (INFERRED): its own reason is the answer.
      this.learnedDelete = "single";
      return { form: "single", outcome: "refused", reason: describeIvantiError(r.body).message ?? "HTTP 400 with no message" };
    }
    if (r.status !== 404 && r.status !== 405) {
      this.learnedDelete = "single";
      this.unwrap(wireEnvelope.shape.result, "DELETE", PATHS.deleteAccount, r.status, r.body);
      return { form: "single", outcome: "deleted" };
    }
    if (this.learnedDelete === "single") {
      if (r.status === 404) return { form: "single", outcome: "notFound" };
      throw this.refusal("DELETE", PATHS.deleteAccount, r.status, r.body);
    }
    const older = await this.http.request({ method: "DELETE", path: PATHS.deleteAccounts, query: { [QUERY.ids]: id }, accept: [404, 405] });
    if (older.status === 404 || older.status === 405) {
      // Neither form is the older one here: the evidenced path exists and the 404 was the account's.
      if (r.status === 405) throw this.refusal("DELETE", PATHS.deleteAccount, r.status, r.body);
      this.learnedDelete = "single";
      return { form: "single", outcome: "notFound" };
    }
    this.learnedDelete = "bulk";
    return this.readBulk(id, older.status, older.body);
  }

  /** The older form, `DELETE /api/v1/accounts?ids=<id>`. */
  private async deleteBulk(id: string): Promise<DeleteOutcome> {
    const r = await this.http.request({ method: "DELETE", path: PATHS.deleteAccounts, query: { [QUERY.ids]: id } });
    return this.readBulk(id, r.status, r.body);
  }

  /** The per-id item of an older-form answer; failures the vendor also lists in `errors` are read from the item. */
  private readBulk(id: string, status: number, body: unknown): DeleteOutcome {
    const where = `DELETE ${PATHS.deleteAccounts}`;
    const env = parseAnswer(wireEnvelope, body, VENDOR, where, CONTRACT_HINT);
    const items = parseAnswer(wireDeleted.array().nullable(), env.result ?? null, VENDOR, where, CONTRACT_HINT);
    const item: WireDeleted | undefined = items?.find((d) => String(d.id) === id);
    if (!item) {
      const message = describeErrors(env.errors);
      if (message) throw new VendorError({ vendor: VENDOR, method: "DELETE", pathTemplate: PATHS.deleteAccounts, status, vendorMessage: message });
      return { form: "bulk", outcome: "notFound" };
    }
    if (item.deleted) return { form: "bulk", outcome: "deleted" };
    if (item.reason && (NOT_FOUND_REASONS as readonly string[]).includes(item.reason.toUpperCase())) return { form: "bulk", outcome: "notFound" };
    return { form: "bulk", outcome: "refused", reason: [item.reason, item.message].filter(Boolean).join(": ") || "no reason given" };
  }

  /** The error for an answer the caller accepted for inspection but cannot use. */
  private refusal(method: HttpMethod, path: string, status: number, body: unknown): VendorError {
    return new VendorError({ vendor: VENDOR, method, pathTemplate: path, status, vendorMessage: describeIvantiError(body).message ?? "", body });
  }

  /** The role catalogue (UNDOCUMENTED call), every page, fetched once per provider process (`refresh` fetches it again). */
  roles(refresh = false): Promise<WireRole[]> {
    if (refresh || !this.catalogue) {
      const p = collectPages(async (start, n) => {
        // The first page is asked for plainly; later ones name their offset.
        const r = await this.http.request({ method: "GET", path: PATHS.roles, query: start > 0 ? { [QUERY.start]: start, [QUERY.rows]: n } : undefined });
        const page = this.unwrap(wireRolePage, "GET", PATHS.roles, r.status, r.body);
        return { rows: page.searchResults, totalCount: page.totalCount ?? page.searchResults.length };
      });
      // A failed fetch is not cached: the next resource tries again.
      p.catch(() => {
        if (this.catalogue === p) this.catalogue = undefined;
      });
      this.catalogue = p;
    }
    return this.catalogue;
  }

  /**
   * The tenant's default device space, from "Get Tenant Metadata" (`result.defaultDmPartitionId`, as
   * public scripts read it), looked up once per provider process.
   */
  defaultSpaceId(): Promise<number> {
    if (!this.defaultSpace) {
      const p = (async () => {
        const r = await this.http.request({ method: "GET", path: PATHS.tenantMetadata });
        const meta = this.unwrap(wireTenantMetadata, "GET", PATHS.tenantMetadata, r.status, r.body);
        const id = meta.defaultDmPartitionId;
        if (typeof id !== "number") {
          throw new VendorError({
            vendor: VENDOR,
            method: "GET",
            pathTemplate: PATHS.tenantMetadata,
            status: r.status,
            vendorMessage: "the answer names no defaultDmPartitionId; set the provider setting ivantiDmPartitionId (IVANTI_DM_PARTITION_ID) to the device space of space-specific roles",
          });
        }
        return id;
      })();
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

/** One client per settings value, for the life of the provider process. */
const clients = new PerSettings((settings: Settings) => {
  const s = ivantiSettings(settings);
  return new IvantiClient(
    new HttpClient({ vendor: VENDOR, baseUrl: s.baseUrl, auth: basicAuth(s.username, s.password), describeError: describeIvantiError }),
    s.username,
    { iseRole: iseRoleOf(settings), dmPartitionId: settings.ivantiDmPartitionId },
  );
});

/** The client for these settings: one per settings value (its role and space caches with it). */
export function ivantiClient(settings: Settings): IvantiClient {
  return clients.get(settings);
}
