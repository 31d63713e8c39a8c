// The one HTTP transport every vendor client uses (undici): keep-alive pools per origin, timeouts,
// retry with backoff, per-origin concurrency, token refresh on 401, typed and redacted errors.
// Each HttpClient owns its undici Agent, so its limits are its own and close() frees its sockets.
// A request waits for one of its origin's `concurrency` slots before it reads its auth headers, so
// it never goes out with a token that was replaced while it waited.
import { errors as undiciErrors, type Dispatcher } from "undici";
import { ApiIdentityError, ConfigurationError } from "../error-root.js";
import { backoffDelay, parseRetryAfter, type BackoffOptions } from "./backoff.js";
import { RateLimitError, TransportError, VendorError, type TransportErrorCode } from "./errors.js";
import { currentNetwork, networkDispatcher, ProxyError, proxySource, type Network } from "./network.js";
import { pacerFor, type Clock, type PacingOptions, type RateLimits, type TenantPacer } from "./pacer.js";
import { currentPacing, pacingNote } from "./pacing-settings.js";
import { redactText, redactValue } from "./redact.js";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** Supplies auth headers; `invalidate` drops a cached token so the next call fetches a new one. */
export interface AuthProvider {
  headers(): Promise<Record<string, string>>;
  /**
   * The headers for one request, and whether getting them waited for a new credential (a token
   * fetch this call started or joined). Without it, `headers()` is used and counts as new.
   */
  acquire?(): Promise<{ headers: Record<string, string>; fetched: boolean }>;
  /**
   * A request carrying `refused` (headers as this provider gave them) was answered 401: drop that
   * token if it is still the one in use, so the next call fetches a new one. A token already
   * replaced stays replaced: a late 401 never throws away its successor.
   */
  invalidate?(refused: Record<string, string>): void;
  /** Secret values this provider uses (for redaction). */
  secrets?(): string[];
}

export interface HttpClientOptions {
  /** Vendor name shown in errors (the vendor module's display name). */
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
   * Requests in flight per origin. Requests with auth wait, untimed and in order, for one of this
   * many slots and read their auth headers only once they hold one; every request (token requests
   * too) is also bounded by undici's connection limit of this client's pool, the same number (one
   * request per connection, no pipelining).
   */
  concurrency?: number;
  /** Pulls the vendor's own message and request id out of an error answer. */
  describeError?: (body: unknown, headers: Record<string, string>) => { message?: string; requestId?: string };
  /** Overridable for tests. */
  sleep?: (ms: number) => Promise<void>;
  /** The clock the pacer reads (tests); Date.now otherwise. */
  now?: () => number;
  /** The vendor's published rate limits for calls to this base URL (the vendor module's `rateLimits`). */
  rateLimits?: RateLimits;
  /** Default: the pacing of the settings whose clients are being made (the rateLimit* settings). */
  pacing?: PacingOptions;
  /**
   * Proxy and certificate authorities (the `proxyUrl` and `caCertificates` settings). Default: the
   * network of the settings whose clients are being made (provider/http/network.ts), else the
   * environment's (HTTPS_PROXY, HTTP_PROXY, NO_PROXY, NODE_EXTRA_CA_CERTS).
   */
  network?: Network;
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
/** New tokens one request may ask for after 401s, one per distinct refused token. */
const MAX_TOKEN_RENEWALS = 3;
const RETRY_STATUS = new Set([429, 502, 503, 504]);
/** Refusals for rate one request may meet while paced; the wait budget usually stops it long before. */
const MAX_RATE_REFUSALS = 10;
const RATE_SETTING = "apiidentity:rateLimitWaitSeconds, or APIIDENTITY_RATE_LIMIT_WAIT_SECONDS";
const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export function debugEnabled(): boolean {
  return /^(1|true|yes)$/i.test(process.env.APIIDENTITY_DEBUG ?? "");
}

function fillPath(template: string, params: Record<string, string> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const v = params[name];
    if (v === undefined) throw new ApiIdentityError(`internal: no value for {${name}} in ${template}`);
    return encodeURIComponent(v);
  });
}

function flatHeaders(h: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(", ") : v;
  return out;
}

/** Error codes of a certificate refused during the TLS handshake (Node's and OpenSSL's). */
const CERT_CODE = /CERT|^UNABLE_TO_VERIFY_LEAF_SIGNATURE$|^SELF_SIGNED_|^ERR_TLS_CERT/;

/** The first `code` along an error's `cause` chain. */
function errorCode(e: unknown): string {
  let err = e as { code?: unknown; cause?: unknown } | undefined;
  for (let depth = 0; err && depth < 5; depth++, err = err.cause as typeof err) {
    if (typeof err.code === "string" && err.code !== "") return err.code;
  }
  return "";
}

/** The ProxyError along an error's `cause` chain. */
function proxyErrorIn(e: unknown): ProxyError | undefined {
  let err = e;
  for (let depth = 0; err instanceof Error && depth < 5; depth++, err = err.cause) if (err instanceof ProxyError) return err;
  return undefined;
}

function proxyAdvice(p: ProxyError): string {
  if (p.status === 407) return "the proxy asks for credentials; give them in the proxy URL (http://user:password@host:port)";
  if (p.status !== undefined) return "the proxy refused this destination; ask its administrators to allow the vendor's host, or list the host in NO_PROXY if it is reachable directly";
  const code = errorCode(p.cause);
  return `the connection to the proxy failed (${code || "closed"}); check that the proxy runs and its host and port are right`;
}

/**
 * What a failed request means: `sent` when it may have reached the vendor (its outcome is unknown),
 * `final` when trying again cannot help (a refused certificate).
 */
export function classify(e: unknown): { code: TransportErrorCode; detail: string; sent: boolean; final: boolean } {
  const err = e as { code?: string; message?: string; name?: string };
  const proxy = proxyErrorIn(e);
  // The tunnel is opened before anything is sent: the vendor was not reached.
  if (proxy) return { code: "PROXY", detail: `${proxy.message}, so nothing reached the vendor: ${proxyAdvice(proxy)}`, sent: false, final: proxy.final };
  const code = errorCode(e);
  if (e instanceof undiciErrors.ConnectTimeoutError || code === "UND_ERR_CONNECT_TIMEOUT") return { code: "TIMEOUT", detail: "connect timed out", sent: false, final: false };
  if (code === "UND_ERR_HEADERS_TIMEOUT" || code === "UND_ERR_BODY_TIMEOUT") return { code: "TIMEOUT", detail: "no answer in time", sent: true, final: false };
  if (code === "ECONNREFUSED" || code === "ENOTFOUND" || code === "EAI_AGAIN") return { code: "CONNECTION", detail: `cannot connect (${code})`, sent: false, final: false };
  // The handshake comes before the request: a failed one sent nothing.
  if (CERT_CODE.test(code)) {
    return {
      code: "TLS",
      detail: `TLS handshake failed, so nothing was sent: the server's certificate was refused (${code}); it must be valid for this host and issued by an authority Node.js trusts (a private one: the caCertificates setting, or NODE_EXTRA_CA_CERTS set before the process starts)`,
      sent: false,
      final: true,
    };
  }
  if (code.startsWith("ERR_TLS_") || code.startsWith("ERR_SSL_")) return { code: "TLS", detail: `TLS handshake failed, so nothing was sent (${code})`, sent: false, final: false };
  if (code === "UND_ERR_ABORTED" || err.name === "AbortError") return { code: "ABORTED", detail: "aborted", sent: true, final: false };
  return { code: "CONNECTION", detail: `connection failed (${code || err.message || "unknown"})`, sent: true, final: false };
}

/** A counting semaphore: at most `size` holders, the others wait in order. */
class Slots {
  private free: number;
  private readonly waiting: (() => void)[] = [];

  constructor(size: number) {
    this.free = Math.max(1, size);
  }

  async take(): Promise<void> {
    if (this.free > 0) {
      this.free--;
      return;
    }
    await new Promise<void>((r) => this.waiting.push(r));
  }

  give(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.free++;
  }
}

export class HttpClient {
  readonly vendor: string;
  private readonly base: URL;
  private readonly o: Required<Omit<HttpClientOptions, "auth" | "describeError" | "network" | "rateLimits" | "pacing">> & Pick<HttpClientOptions, "auth" | "describeError">;
  /** This client's keep-alive pools, one per origin, each with at most `concurrency` connections (through the proxy, if any). */
  private readonly agent: Dispatcher;
  private readonly network: Network;
  /** Per origin, the `concurrency` slots of requests that carry auth headers. */
  private readonly slots = new Map<string, Slots>();
  private readonly pacing: PacingOptions;
  /** This tenant's budget, shared with every client of the process that calls the same vendor and base URL. */
  private readonly pacer: TenantPacer;
  private readonly clock: Clock;

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
      now: Date.now,
      ...options,
    };
    this.pacing = options.pacing ?? currentPacing();
    this.pacer = pacerFor(this.vendor, this.base.href, options.rateLimits, pacingNote);
    this.clock = { now: this.o.now, sleep: this.o.sleep };
    this.network = options.network ?? currentNetwork() ?? {};
    // One request per connection (pipelining 1): the connection limit is the in-flight limit.
    this.agent = networkDispatcher(this.network, { keepAliveTimeoutMs: 10_000, connectTimeoutMs: this.o.connectTimeoutMs, connections: this.o.concurrency });
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

    // Tokens refused during this request (their headers), each renewed once.
    const refused = new Set<string>();
    let staleRefusal = false;
    let rateRefusals = 0;
    for (let attempt = 0; ; attempt++) {
      // Token requests are not paced: a paced request may be waiting for that very token.
      let markSent: () => void = () => undefined;
      if (this.pacing.on && !opts.noAuth) {
        markSent = this.pacer.tryAcquire(opts.method, this.pacing, this.clock) ?? (await this.pacer.acquire(opts.method, this.pacing, this.clock));
        if (this.pacer.stoppedBy() !== undefined) throw this.stoppedError(opts);
      }
      // A request with auth waits for a slot first and reads its headers only then, right before it
      // is sent: a token renewed while it waited is the one it carries. Token requests (noAuth) do
      // not wait for a slot, as a request holding one may be waiting for that very token; undici's
      // connection limit still bounds them.
      const auth = opts.noAuth ? undefined : this.o.auth;
      const slots = auth ? this.slotsFor(url.origin) : undefined;
      if (slots) await slots.take();
      // While it waited for a slot, the vendor may have refused a call of its class for rate.
      if (this.pacing.on && !opts.noAuth && (this.pacer.stoppedBy() !== undefined || this.pacer.paused(opts.method, this.pacing, this.clock))) {
        slots?.give();
        if (this.pacer.stoppedBy() !== undefined) throw this.stoppedError(opts);
        attempt--;
        continue;
      }
      let authHeaders: Record<string, string> = {};
      let fetched = true;
      try {
        if (auth?.acquire) ({ headers: authHeaders, fetched } = await auth.acquire());
        else if (auth) authHeaders = await auth.headers();
      } catch (e) {
        slots?.give();
        throw e;
      }
      const started = Date.now();
      markSent();
      let res: Dispatcher.ResponseData;
      try {
        // The dispatcher's own request (not undici's top-level helper), so the provider runtime
        // bundle needs only the dispatcher classes (scripts/bundle.mjs).
        res = await this.agent.request({
          origin: url.origin,
          path: url.pathname + url.search,
          method: opts.method,
          headers: { ...headers, ...authHeaders },
          body,
          headersTimeout: this.o.requestTimeoutMs,
          bodyTimeout: this.o.requestTimeoutMs,
        });
      } catch (e) {
        slots?.give();
        const c = classify(e);
        this.debug(opts, `${c.detail} after ${Date.now() - started} ms`);
        // An unsent request is always safe to try again; a sent one only when idempotent.
        if (!c.final && (retryable || !c.sent) && attempt < this.o.maxRetries) {
          await this.o.sleep(backoffDelay(attempt, this.o.backoff));
          continue;
        }
        throw new TransportError({
          vendor: this.vendor,
          method: opts.method,
          pathTemplate: opts.path,
          code: c.code,
          detail: `${c.detail}${c.code === "PROXY" ? ` (the proxy comes from ${proxySource(this.network)})` : ""}${attempt > 0 ? ` after ${attempt + 1} attempts` : ""}`,
          outcomeUnknown: c.sent && !IDEMPOTENT.has(opts.method),
          cause: e,
        });
      }
      let text: string;
      try {
        text = await res.body.text();
      } catch (e) {
        const c = classify(e);
        throw new TransportError({ vendor: this.vendor, method: opts.method, pathTemplate: opts.path, code: c.code, detail: `${c.detail} while reading the answer`, outcomeUnknown: !IDEMPOTENT.has(opts.method), cause: e });
      } finally {
        slots?.give();
      }
      const resHeaders = flatHeaders(res.headers);
      this.debug(opts, `HTTP ${res.statusCode} in ${Date.now() - started} ms${resHeaders["x-request-id"] ? ` request-id ${resHeaders["x-request-id"]}` : ""}`);
      const parsed = parseBody(text, resHeaders["content-type"]);
      const status = res.statusCode;

      if ((status >= 200 && status < 300) || opts.accept?.includes(status)) {
        return { status, headers: resHeaders, body: parsed as T };
      }
      if (status === 401 && auth?.invalidate) {
        // The token may have expired or been revoked: renew it, once per distinct refused token and
        // at most MAX_TOKEN_RENEWALS times, so that a request that meets a second expiry still
        // succeeds. A token refused again (the vendor gave the same one back) is final.
        const key = JSON.stringify(authHeaders);
        if (!refused.has(key) && refused.size < MAX_TOKEN_RENEWALS) {
          refused.add(key);
          auth.invalidate(authHeaders);
          attempt--;
          continue;
        }
        // Only a token fetched for this very attempt says the credentials are wrong; one that was
        // already in use may simply have expired too (tokens dying faster than requests complete).
        staleRefusal = !fetched && !refused.has(key);
        if (staleRefusal) refused.add(key);
      }
      // 429 means the vendor did not act on the request, so even a POST may be sent again. Paced, a
      // refusal for rate holds back the tenant's whole call class as long as the vendor asks.
      const refusedForRate = status === 429 || (status === 503 && retryable && resHeaders["retry-after"] !== undefined);
      if (this.pacing.on && !opts.noAuth && refusedForRate && rateRefusals < MAX_RATE_REFUSALS) {
        rateRefusals++;
        // Without Retry-After, the delta-seconds of RateLimit-Reset (an IETF draft some vendors follow).
        const asked = resHeaders["retry-after"] ?? resHeaders["ratelimit-reset"];
        const outcome = this.pacer.rateLimited(opts.method, parseRetryAfter(asked, Number.MAX_SAFE_INTEGER), this.pacing, RATE_SETTING, this.clock);
        if (outcome.stop) throw outcome.first ? new RateLimitError(this.vendor, opts.method, opts.path, true, outcome.message) : this.stoppedError(opts);
        attempt--;
        continue;
      }
      if (RETRY_STATUS.has(status) && (retryable || status === 429) && attempt < this.o.maxRetries) {
        const wait = parseRetryAfter(resHeaders["retry-after"], this.o.retryAfterCapMs / this.pacing.timeScale) ?? backoffDelay(attempt, this.o.backoff);
        await this.o.sleep(wait);
        continue;
      }
      throw this.vendorError(opts, status, parsed, resHeaders, status === 401 && staleRefusal ? refused.size : 0);
    }
  }

  /** A call of a tenant whose rate limit stopped the run: short, the first such error explains. */
  private stoppedError(opts: RequestOptions): RateLimitError {
    return new RateLimitError(this.vendor, opts.method, opts.path, false, `not sent: the vendor's rate limit stopped this run's calls to ${this.pacer.tenant} (the first such error says why and which setting to raise)`);
  }

  private slotsFor(origin: string): Slots {
    let s = this.slots.get(origin);
    if (!s) this.slots.set(origin, (s = new Slots(this.o.concurrency)));
    return s;
  }

  /** `staleTokens`: on a final 401, how many tokens were refused in turn, the last one already in use before (0: none). */
  private vendorError(opts: RequestOptions, status: number, parsed: unknown, headers: Record<string, string>, staleTokens = 0): VendorError {
    const secrets = [...(opts.secrets ?? []), ...(this.o.auth?.secrets?.() ?? [])];
    const described = this.o.describeError?.(parsed, headers) ?? {};
    // Redacted before it is cut short, so that no part of a secret survives the cut.
    const fallback = typeof parsed === "string" ? describeText(redactText(parsed, secrets), headers["content-type"]) : "";
    let message = redactText((described.message ?? fallback).trim(), secrets);
    if (staleTokens > 0) {
      message = `${message || "no message"}; ${staleTokens} tokens were refused in turn, the last one already in use before this request: tokens expire or are revoked faster than requests complete, run again`;
    }
    return new VendorError({
      vendor: this.vendor,
      method: opts.method,
      pathTemplate: opts.path,
      status,
      vendorMessage: message,
      requestId: described.requestId ?? headers["x-request-id"] ?? headers["x-correlation-id"],
      body: redactValue(parsed, secrets),
      staleToken: staleTokens > 0,
    });
  }

  /** A trace line for whoever set APIIDENTITY_DEBUG, never a user note (provider/notes.ts): path templates, statuses and times only. */
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

/** An IPv4 literal in 127.0.0.0/8 (the URL parser has already normalised forms such as `127.1`). */
const LOOPBACK_V4 = /^127\.(25[0-5]|2[0-4]\d|1?\d?\d)\.(25[0-5]|2[0-4]\d|1?\d?\d)\.(25[0-5]|2[0-4]\d|1?\d?\d)$/;

/** Loopback hosts: an IPv4 literal in 127.0.0.0/8, `localhost` and `[::1]`. Never a name that merely starts like one. */
export function isLoopbackHost(hostname: string): boolean {
  return hostname === "localhost" || hostname === "[::1]" || LOOPBACK_V4.test(hostname);
}

/**
 * Credentials never travel in clear text, except to a local emulator, and never in a URL: a base URL
 * with `user:password@` is refused (the message shows the origin, which leaves them out).
 */
export function assertSafeUrl(url: URL, vendor: string): void {
  if (url.protocol === "https:" || (url.protocol === "http:" && isLoopbackHost(url.hostname))) {
    if (url.username !== "" || url.password !== "") {
      throw new ConfigurationError(`${vendor}: base URL ${url.origin} is refused: it carries a user name or password (user:password@); give credentials in the provider settings, not in the URL`);
    }
    return;
  }
  throw new ConfigurationError(`${vendor}: base URL ${url.origin} is refused: use https:// (http:// is allowed only for loopback hosts such as the sandbox)`);
}

const HTML_START = /^\s*(<!doctype\s+html|<html[\s>])/i;
const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

/**
 * A text error body as a message: an HTML page (a gateway's or a login page) by its title, never
 * quoted; other text cut at 300 characters.
 */
function describeText(text: string, contentType: string | undefined): string {
  if (!/html/i.test(contentType ?? "") && !HTML_START.test(text)) return text.slice(0, 300);
  const raw = /<title[^>]*>([\s\S]*?)<\/title\s*>/i.exec(text.slice(0, 20_000))?.[1];
  const title = (raw ?? "")
    .replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]+);/gi, (m, name: string) => {
      if (!name.startsWith("#")) return ENTITIES[name.toLowerCase()] ?? m;
      const n = /^#x/i.test(name) ? parseInt(name.slice(2), 16) : Number(name.slice(1));
      return n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : "?";
    })
    .replace(/[\u0000-\u001f\u007f\s]+/g, " ")
    .trim();
  if (!title) return "an HTML page (no title)";
  return `an HTML page (title: ${title.length > 80 ? title.slice(0, 80).trimEnd() + "…" : title})`;
}
