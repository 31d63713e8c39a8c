// Shared plumbing of the UiPath contract tests: a real sandbox, a token, and JSON calls over HTTP.
import { startSandbox, type Sandbox } from "../../server.js";
import type { VendorModule } from "../../types.js";
import { uipath } from "./index.js";

export type Harness = {
  sandbox: Sandbox;
  /** Sandbox origin + `/uipath` (what `uipathBaseUrl` takes). */
  base: string;
  organization: string;
  partitionGlobalId: string;
  clientId: string;
  clientSecret: string;
};

export async function startHarness(): Promise<Harness> {
  const sandbox = await startSandbox({ modules: [uipath as unknown as VendorModule] });
  const base = sandbox.baseUrl("uipath");
  const c = sandbox.config().vendors.uipath!;
  return {
    sandbox,
    base,
    organization: c.organization!,
    partitionGlobalId: c.partitionGlobalId!,
    clientId: c.clientId!,
    clientSecret: c.clientSecret!,
  };
}

export type Reply = { status: number; body: unknown; text: string; headers: Headers };

async function reply(res: Response): Promise<Reply> {
  const text = await res.text();
  let body: unknown = undefined;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = text;
  }
  return { status: res.status, body, text, headers: res.headers };
}

export async function tokenRequest(h: Harness, form: Record<string, string>, headers: Record<string, string> = {}): Promise<Reply> {
  const res = await fetch(`${h.base}/identity_/connect/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
    body: new URLSearchParams(form).toString(),
  });
  return reply(res);
}

/** An access token for the seeded external application. */
export async function getToken(h: Harness, scope = "PM.RobotAccount PM.Group"): Promise<string> {
  const r = await tokenRequest(h, { grant_type: "client_credentials", client_id: h.clientId, client_secret: h.clientSecret, scope });
  if (r.status !== 200) throw new Error(`token request failed: ${r.status} ${r.text}`);
  return (r.body as { access_token: string }).access_token;
}

export type CallOptions = { token?: string; body?: unknown; withOrg?: boolean; headers?: Record<string, string> };

/** A call to `{base}/{org}/identity_/api{path}` (or without the org when `withOrg` is false). */
export async function api(h: Harness, method: string, path: string, o: CallOptions = {}): Promise<Reply> {
  const prefix = o.withOrg === false ? "" : `/${h.organization}`;
  const headers: Record<string, string> = { ...(o.headers ?? {}) };
  if (o.token) headers.authorization = `Bearer ${o.token}`;
  if (o.body !== undefined) headers["content-type"] ??= "application/json";
  const res = await fetch(`${h.base}${prefix}/identity_/api${path}`, {
    method,
    headers,
    body: o.body === undefined ? undefined : typeof o.body === "string" ? o.body : JSON.stringify(o.body),
  });
  return reply(res);
}

export async function advanceClock(h: Harness, seconds: number): Promise<void> {
  await fetch(`${h.sandbox.url}/_sandbox/clock`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ advanceSeconds: seconds }),
  });
}

export const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
