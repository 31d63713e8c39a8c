// Shared plumbing of the Uptrends contract tests: a real sandbox and a tiny HTTP client for it.
import { startSandbox, type Sandbox } from "../../server.js";
import type { VendorModule } from "../../types.js";
import { uptrends } from "./index.js";
import { SEED } from "./state.js";

export interface Reply {
  status: number;
  headers: Headers;
  text: string;
  // Tests index into bodies freely; the assertions check the shape.
  body: unknown;
}

export interface Creds {
  username: string;
  password: string;
}

export const ADMIN: Creds = { username: SEED.apiUserName, password: SEED.apiPassword };
export const OPERATOR_LOGIN: Creds = { username: SEED.operatorEmail, password: SEED.operatorPassword };

export function basic(c: Creds): string {
  return "Basic " + Buffer.from(`${c.username}:${c.password}`).toString("base64");
}

/** The started sandbox (serving only Uptrends) the helpers below speak to. */
export type Harness = Sandbox;

export async function startHarness(): Promise<Harness> {
  return startSandbox({ modules: [uptrends as unknown as VendorModule] });
}

export function client(sb: Sandbox) {
  const base = `${sb.url}/uptrends/v4`;
  return async function call(method: string, path: string, opts: { auth?: Creds | null; body?: unknown; rawBody?: string } = {}): Promise<Reply> {
    const headers: Record<string, string> = { accept: "application/json" };
    const auth = opts.auth === undefined ? ADMIN : opts.auth;
    if (auth) headers.authorization = basic(auth);
    let payload: string | undefined;
    if (opts.rawBody !== undefined) payload = opts.rawBody;
    else if (opts.body !== undefined) payload = JSON.stringify(opts.body);
    if (payload !== undefined) headers["content-type"] = "application/json";
    const res = await fetch(base + path, { method, headers, body: payload });
    const text = await res.text();
    let body: unknown = undefined;
    if (text) {
      try {
        body = JSON.parse(text);
      } catch {
        body = text;
      }
    }
    return { status: res.status, headers: res.headers, text, body };
  };
}

export async function control(sb: Sandbox, method: string, path: string, body?: unknown): Promise<unknown> {
  const res = await fetch(sb.url + path, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return text ? JSON.parse(text) : undefined;
}

export const reset = (sb: Sandbox) => control(sb, "POST", "/_sandbox/reset");
export const advance = (sb: Sandbox, seconds: number) => control(sb, "POST", "/_sandbox/clock", { advanceSeconds: seconds });

export const GUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function messages(reply: Reply): string[] {
  const b = reply.body as { Messages?: { Message?: string }[] };
  return (b.Messages ?? []).map((m) => m.Message ?? "");
}

/** Body as a record, for field access in assertions. */
export function obj(reply: Reply): Record<string, unknown> {
  return reply.body as Record<string, unknown>;
}

export function list(reply: Reply): Record<string, unknown>[] {
  return reply.body as Record<string, unknown>[];
}

/** Creates a non-admin operator with a login password and returns its guid. */
export async function createOperator(call: ReturnType<typeof client>, email: string, extra: Record<string, unknown> = {}): Promise<string> {
  const r = await call("POST", "/Operator", { body: { FullName: `Operator ${email}`, Email: email, Password: "Op-Login-Password-1", ...extra } });
  if (r.status !== 201) throw new Error(`create operator failed: ${r.status} ${r.text}`);
  return obj(r).OperatorGuid as string;
}

/** Creates an API user for an operator (as the admin) and returns its guid and credentials. */
export async function createApiUser(call: ReturnType<typeof client>, operatorGuid: string, description = "test"): Promise<{ guid: string; creds: Creds }> {
  const r = await call("POST", "/ApiUser", { body: { OperatorGuid: operatorGuid, Description: description } });
  if (r.status !== 201) throw new Error(`create api user failed: ${r.status} ${r.text}`);
  const b = obj(r);
  return { guid: b.ApiUserGuid as string, creds: { username: b.UserName as string, password: b.Password as string } };
}
