// Shared helpers of the Ivanti contract tests: a real sandbox, and HTTP calls through fetch.
import { startSandbox, type Sandbox } from "../../server.js";
import type { VendorModule } from "../../types.js";
import { createIvanti } from "./index.js";
import { ADMIN_PASSWORD, ADMIN_UID, type IvantiState, type SeedOptions } from "./state.js";

export type FieldErrorWire = { code: string; message: string; field: string };
export type ErrorsWire = { globalErrors: Array<{ code: string; message: string }> | null; fieldErrors: FieldErrorWire[] | null };
export type Envelope<R> = { errors: ErrorsWire | null; result: R };

export type AccountWire = {
  id: number;
  createdAt: number | null;
  createdBy: number | null;
  modifiedAt: number | null;
  modifiedBy: number | null;
  displayName: string | null;
  firstName: string | null;
  lastName: string | null;
  uid: string;
  emailAddress: string;
  username: string;
  accountSource: string;
  inviteState: string;
  inviteLastSentAt: number | null;
  enabled: boolean;
  locked: boolean;
  superUser: boolean;
  passwordExpiresAt: number | null;
  accountType: string;
} & Record<string, unknown>;

export type ListWire<T> = { totalCount: number; queryTime?: number; searchResults: T[]; offset?: number; limit?: number };
export type RoleWire = { id: number; key: string; name: string; description: string; spaceSpecific: boolean; dmPartitionId?: number | null };

export const ADMIN = { username: ADMIN_UID, password: ADMIN_PASSWORD };
export const STRONG_PASSWORD = "Str0ng-Passw0rd";

export const basic = (username: string, password: string) => "Basic " + Buffer.from(`${username}:${password}`).toString("base64");

export type CallOptions = {
  /** Credentials; `null` sends no Authorization header. Default: the seeded admin. */
  auth?: { username: string; password: string } | null;
  /** Raw Authorization header (overrides `auth`). */
  authorization?: string;
  /** Form fields (`application/x-www-form-urlencoded`); arrays repeat the key. */
  form?: Record<string, string | string[]>;
  json?: unknown;
  query?: Record<string, string>;
};

export type CallResult<R> = { status: number; headers: Headers; body: Envelope<R> };

export class Harness {
  constructor(
    readonly sandbox: Sandbox,
    readonly base: string,
  ) {}

  state(): IvantiState {
    return this.sandbox.store.vendor("ivanti") as unknown as IvantiState;
  }

  async call<R = unknown>(method: string, path: string, o: CallOptions = {}): Promise<CallResult<R>> {
    const headers: Record<string, string> = {};
    const auth = o.auth === undefined ? ADMIN : o.auth;
    if (o.authorization !== undefined) headers.authorization = o.authorization;
    else if (auth) headers.authorization = basic(auth.username, auth.password);
    let body: string | undefined;
    if (o.form) {
      const p = new URLSearchParams();
      for (const [k, v] of Object.entries(o.form)) for (const x of Array.isArray(v) ? v : [v]) p.append(k, x);
      body = p.toString();
      headers["content-type"] = "application/x-www-form-urlencoded";
    } else if (o.json !== undefined) {
      body = JSON.stringify(o.json);
      headers["content-type"] = "application/json";
    }
    const qs = o.query ? "?" + new URLSearchParams(o.query).toString() : "";
    const res = await fetch(this.base + path + qs, { method, headers, body });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: (text ? JSON.parse(text) : undefined) as Envelope<R> };
  }

  /** Creates one account through the documented form call and returns it. */
  async create(fields: Record<string, string | string[]>, query: Record<string, string> = {}): Promise<AccountWire> {
    const form: Record<string, string | string[]> = { "accounts[0].accountSource": "LOCAL" };
    for (const [k, v] of Object.entries(fields)) form[`accounts[0].${k}`] = v;
    const r = await this.call<AccountWire>("POST", "/api/v1/accounts", { form, query });
    if (r.status !== 200) throw new Error(`create failed: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body.result;
  }

  /** Creates an API user with a password and the given role ids. */
  async createApiUser(email: string, roleIds: number[], password = STRONG_PASSWORD): Promise<AccountWire> {
    const roles = Object.fromEntries(roleIds.map((id, i) => [`roles[${i}]`, String(id)]));
    return this.create({ emailAddress: email, uid: email, password, accountType: "API", ...roles });
  }

  roleId(name: string): number {
    // Either spelling of the ISE role finds it, whichever the seed uses.
    const ise = /cisco ise operations$/i.test(name);
    const role = this.state().roles.find((r) => r.name === name || (ise && r.key === "CISCO_ISE_OPERATIONS"));
    if (!role) throw new Error(`no role ${name}`);
    return role.id;
  }

  reset(): Promise<Response> {
    return fetch(this.sandbox.url + "/_sandbox/reset", { method: "POST" });
  }
}

export async function startHarness(options: SeedOptions = {}): Promise<Harness> {
  const sandbox = await startSandbox({ modules: [createIvanti(options) as unknown as VendorModule] });
  return new Harness(sandbox, sandbox.baseUrl("ivanti"));
}
