// The one HTTP transport every vendor client uses (undici): keep-alive pools per origin, timeouts,
// retry with backoff, per-origin concurrency, token refresh on 401, typed and redacted errors.
// Each HttpClient owns its undici Agent, so its limits are its own and close() frees its sockets.
import { Agent, errors as undiciErrors, request, type Dispatcher } from "undici";
import { backoffDelay, parseRetryAfter, type BackoffOptions } from "./backoff.js";
import { TransportError, VendorError, type TransportErrorCode } from "./errors.js";
import { redactText, redactValue } from "./redact.js";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** Supplies auth headers; `invalidate` drops a cached token so the next call fetches a new one. */
export interface AuthProvider {
  headers(): Promise<Record<string, string>>;
  invalidate?(): void;
  /** Secret values this provider uses (for redaction). */
  secrets?(): string[];
}

export interface HttpClientOptions {
  /** Vendor name shown in errors, e.g. "Uptrends". */
  vendor: string;
  /** Absolute base URL; request paths are appended to it. */
  baseUrl: string;
  auth?: AuthProvider;
  connectTimeoutMs?: number;
  /** Time allowed for response headers, and again for the body. */
  requestTimeoutMs?: number;
  /** Retries after the first attempt. */
  maxRetries?: number;
  backoff?: BackoffOptions;
  /** Upper bound for honouring `Retry-After`. */
  retryAfterCapMs?: number;
  /**
   * Requests in flight per origin: undici's own connection limit of this client's pool (one request
   * per connection, no pipelining), so further requests wait in undici's queue, untimed.
   */
  concurrency?: number;
  /** Pulls the vendor's own message and request id out of an error answer. */
  describeError?: (body: unknown, headers: Record<string, string>) => { message?: string; requestId?: string };
  /** Overridable for tests. */
  sleep?: (ms: number) => Promise<void>;
}

export interface RequestOptions {
  method: HttpMethod;
  /** Path template below baseUrl, with `{name}` placeholders filled from `params`. */
  path: string;
  params?: Record<string, string>;
  query?: Record<string, string | number | boolean | undefined>;
  headers?: Record<string, string>;
  json?: unknown;
  form?: Record<string, string>;
  /** Statuses treated as success besides 2xx (e.g. 404 for a read that may find nothing). */
  accept?: number[];
  /** Marks a non-idempotent call as safe to retry (the vendor dedupes it, or it has no effect). */
  retrySafe?: boolean;
  /** Skip the auth provider (token endpoints). */
  noAuth?: boolean;
  /** Extra secret values to keep out of errors (e.g. a password in this body). */
  secrets?: string[];
}

export interface HttpResponse<T = unknown> {
  status: number;
  headers: Record<string, string>;
  body: T;
}

const IDEMPOTENT = new Set<HttpMethod>(["GET", "PUT", "DELETE"]);
const RETRY_STATUS = new Set([429, 502, 503, 504]);
const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export function debugEnabled(): boolean {
  return /^(1|true|yes)$/i.test(process.env.APIIDENTITY_DEBUG ?? "");
}

function fillPath(template: string, params: Record<string, string> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const v = params[name];
    if (v === undefined) throw new Error(`internal: no value for {${name}} in ${template}`);
    return encodeURIComponent(v);
  });
}

function flatHeaders(h: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(", ") : v;
  return out;
}

function classify(e: unknown): { code: TransportErrorCode; detail: string; sent: boolean } {
  const err = e as { code?: string; message?: string; name?: string };
  const code = err.code ?? "";
  if (e instanceof undiciErrors.ConnectTimeoutError || code === "UND_ERR_CONNECT_TIMEOUT") return { code: "TIMEOUT", detail: "connect timed out", sent: false };
  if (code === "UND_ERR_HEADERS_TIMEOUT" || code === "UND_ERR_BODY_TIMEOUT") return { code: "TIMEOUT", detail: "no answer in time", sent: true };
  if (code === "ECONNREFUSED" || code === "ENOTFOUND" || code === "EAI_AGAIN") return { code: "CONNECTION", detail: `cannot connect (${code})`, sent: false };
  if (code === "UND_ERR_ABORTED" || err.name === "AbortError") return { code: "ABORTED", detail: "aborted", sent: true };
  return { code: "CONNECTION", detail: `connection failed (${code || err.message || "unknown"})`, sent: true };
}

export class HttpClient {
  readonly vendor: string;
  private readonly base: URL;
  private readonly o: Required<Omit<HttpClientOptions, "auth" | "describeError">> & Pick<HttpClientOptions, "auth" | "describeError">;
  /** This client's keep-alive pools, one per origin, each with at most `concurrency` connections. */
  private readonly agent: Agent;

  constructor(options: HttpClientOptions) {
    this.vendor = options.vendor;
    this.base = new URL(options.baseUrl.endsWith("/") ? options.baseUrl : options.baseUrl + "/");
    assertSafeUrl(this.base, options.vendor);
    this.o = {
      connectTimeoutMs: 10_000,
      requestTimeoutMs: 30_000,
      maxRetries: 4,
      backoff: { baseMs: 300, maxMs: 8_000 },
      retryAfterCapMs: 30_000,
      concurrency: 8,
      sleep: defaultSleep,
      ...options,
    };
    // One request per connection (pipelining 1): the connection limit is the in-flight limit.
    this.agent = new Agent({ keepAliveTimeout: 10_000, connect: { timeout: this.o.connectTimeoutMs }, connections: this.o.concurrency, pipelining: 1 });
  }

  /** Closes this client's connections once the requests in flight are done. */
  close(): Promise<void> {
    return this.agent.close();
  }

  async request<T = unknown>(opts: RequestOptions): Promise<HttpResponse<T>> {
    const url = new URL(fillPath(opts.path, opts.params).replace(/^\//, ""), this.base);
    for (const [k, v] of Object.entries(opts.query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
    const retryable = IDEMPOTENT.has(opts.method) || opts.retrySafe === true;
    let body: string | undefined;
    const headers: Record<string, string> = { accept: "application/json", ...(opts.headers ?? {}) };
    if (opts.json !== undefined) {
      body = JSON.stringify(opts.json);
      headers["content-type"] = "application/json";
    } else if (opts.form) {
      body = new URLSearchParams(opts.form).toString();
      headers["content-type"] = "application/x-www-form-urlencoded";
    }

    let refreshedAuth = false;
    for (let attempt = 0; ; attempt++) {
      const authHeaders = opts.noAuth || !this.o.auth ? {} : await this.o.auth.headers();
      const started = Date.now();
      let res: Dispatcher.ResponseData;
      try {
        res = await request(url, {
          method: opts.method,
          headers: { ...headers, ...authHeaders },
          body,
          dispatcher: this.agent,
          headersTimeout: this.o.requestTimeoutMs,
          bodyTimeout: this.o.requestTimeoutMs,
        });
      } catch (e) {
        const c = classify(e);
        this.debug(opts, `${c.detail} after ${Date.now() - started} ms`);
        // An unsent request is always safe to try again; a sent one only when idempotent.
        if ((retryable || !c.sent) && attempt < this.o.maxRetries) {
          await this.o.sleep(backoffDelay(attempt, this.o.backoff));
          continue;
        }
        throw new TransportError({
          vendor: this.vendor,
          method: opts.method,
          pathTemplate: opts.path,
          code: c.code,
          detail: `${c.detail}${attempt > 0 ? ` after ${attempt + 1} attempts` : ""}`,
          outcomeUnknown: c.sent && !IDEMPOTENT.has(opts.method),
        });
      }
      let text: string;
      try {
        text = await res.body.text();
      } catch (e) {
        const c = classify(e);
        throw new TransportError({ vendor: this.vendor, method: opts.method, pathTemplate: opts.path, code: c.code, detail: `${c.detail} while reading the answer`, outcomeUnknown: !IDEMPOTENT.has(opts.method) });
      }
      const resHeaders = flatHeaders(res.headers);
      this.debug(opts, `HTTP ${res.statusCode} in ${Date.now() - started} ms${resHeaders["x-request-id"] ? ` request-id ${resHeaders["x-request-id"]}` : ""}`);
      const parsed = parseBody(text, resHeaders["content-type"]);
      const status = res.statusCode;

      if ((status >= 200 && status < 300) || opts.accept?.includes(status)) {
        return { status, headers: resHeaders, body: parsed as T };
      }
      if (status === 401 && !refreshedAuth && !opts.noAuth && this.o.auth?.invalidate) {
        // A cached token may have expired or been revoked: fetch a new one, once.
        refreshedAuth = true;
        this.o.auth.invalidate();
        attempt--;
        continue;
      }
      // 429 means the vendor did not act on the request, so even a POST may be sent again.
      if (RETRY_STATUS.has(status) && (retryable || status === 429) && attempt < this.o.maxRetries) {
        const wait = parseRetryAfter(resHeaders["retry-after"], this.o.retryAfterCapMs) ?? backoffDelay(attempt, this.o.backoff);
        await this.o.sleep(wait);
        continue;
      }
      throw this.vendorError(opts, status, parsed, resHeaders);
    }
  }

  private vendorError(opts: RequestOptions, status: number, parsed: unknown, headers: Record<string, string>): VendorError {
    const secrets = [...(opts.secrets ?? []), ...(this.o.auth?.secrets?.() ?? [])];
    const described = this.o.describeError?.(parsed, headers) ?? {};
    const fallback = typeof parsed === "string" ? parsed.slice(0, 300) : "";
    return new VendorError({
      vendor: this.vendor,
      method: opts.method,
      pathTemplate: opts.path,
      status,
      vendorMessage: redactText((described.message ?? fallback).trim(), secrets),
      requestId: described.requestId ?? headers["x-request-id"] ?? headers["x-correlation-id"],
      body: redactValue(parsed, secrets),
    });
  }

  private debug(opts: RequestOptions, what: string): void {
    if (debugEnabled()) process.stderr.write(`apiidentity: ${this.vendor} ${opts.method} ${opts.path}: ${what}\n`);
  }
}

function parseBody(text: string, contentType: string | undefined): unknown {
  if (!text) return undefined;
  if (contentType?.includes("json") || /^[[{]/.test(text.trim())) {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  return text;
}

const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]", "::1"]);

/** Credentials never travel in clear text, except to a local emulator. */
export function assertSafeUrl(url: URL, vendor: string): void {
  if (url.protocol === "https:") return;
  if (url.protocol === "http:" && (LOOPBACK.has(url.hostname) || url.hostname.startsWith("127."))) return;
  throw new Error(`${vendor}: base URL ${url.origin} is refused: use https:// (http:// is allowed only for loopback hosts such as the sandbox)`);
}
