// Shared set-up of the contract tests: a real sandbox serving only this vendor, spoken to over HTTP.
import { startSandbox, type Sandbox } from "../../server.js";
import type { VendorModule } from "../../types.js";
import { ibmVerify } from "./index.js";

export type Res = { status: number; headers: Headers; text: string; json: unknown };

export class Harness {
  constructor(
    readonly sandbox: Sandbox,
    readonly base: string,
    readonly adminId: string,
    readonly adminSecret: string,
  ) {}

  async request(method: string, path: string, opts: { token?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<Res> {
    const headers: Record<string, string> = { accept: "application/json", ...(opts.headers ?? {}) };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    let body: string | undefined;
    if (opts.body !== undefined) {
      body = typeof opts.body === "string" ? opts.body : JSON.stringify(opts.body);
      headers["content-type"] ??= "application/json";
    }
    const r = await fetch(this.base + path, { method, headers, body });
    const text = await r.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { status: r.status, headers: r.headers, text, json };
  }

  /** Raw token call with a form body. */
  async tokenCall(form: Record<string, string>, opts: { path?: string; headers?: Record<string, string> } = {}): Promise<Res> {
    return this.request("POST", opts.path ?? "/oauth2/token", {
      body: new URLSearchParams(form).toString(),
      headers: { "content-type": "application/x-www-form-urlencoded", ...(opts.headers ?? {}) },
    });
  }

  async token(clientId = this.adminId, clientSecret = this.adminSecret): Promise<string> {
    const r = await this.tokenCall({ grant_type: "client_credentials", client_id: clientId, client_secret: clientSecret });
    if (r.status !== 200) throw new Error(`token failed: ${r.status} ${r.text}`);
    return (r.json as { access_token: string }).access_token;
  }

  /** Creates an API client with the admin token; returns the id from the Location header. */
  async create(body: Record<string, unknown>, token?: string): Promise<string> {
    const r = await this.request("POST", "/v1.0/apiclients", { token: token ?? (await this.token()), body });
    if (r.status !== 201) throw new Error(`create failed: ${r.status} ${r.text}`);
    return r.headers.get("location")!.split("/").pop()!;
  }

  async get(id: string, token?: string): Promise<Record<string, unknown>> {
    const r = await this.request("GET", `/v1.0/apiclients/${id}`, { token: token ?? (await this.token()) });
    if (r.status !== 200) throw new Error(`get failed: ${r.status} ${r.text}`);
    return r.json as Record<string, unknown>;
  }

  async control(method: string, path: string, body?: unknown): Promise<Res> {
    const r = await fetch(this.sandbox.url + path, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await r.text();
    return { status: r.status, headers: r.headers, text, json: text ? (JSON.parse(text) as unknown) : undefined };
  }

  async advanceClock(seconds: number): Promise<void> {
    await this.control("POST", "/_sandbox/clock", { advanceSeconds: seconds });
  }

  async reset(): Promise<void> {
    await this.control("POST", "/_sandbox/reset");
  }

  close(): Promise<void> {
    return this.sandbox.close();
  }
}

/** A sandbox serving only IBM Verify; its state survives a restart when `stateFile` is given. */
export async function startHarness(stateFile?: string): Promise<Harness> {
  const sandbox = await startSandbox({ modules: [ibmVerify as unknown as VendorModule], ...(stateFile ? { stateFile } : {}) });
  const cfg = sandbox.config().vendors["ibm-verify"]!;
  return new Harness(sandbox, cfg.baseUrl!, cfg.clientId!, cfg.clientSecret!);
}
