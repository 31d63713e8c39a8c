// The sandbox HTTP server: routes each vendor prefix to its module, applies fault rules, counts
// requests and serves the `/_sandbox` control API.
import { writeFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import type { AddressInfo } from "node:net";
import { randomUUID } from "node:crypto";
import { FaultTable, gatewayPage, rewriteAnswer, truncatedJson, type FaultEffect } from "./faults.js";
import { RateLimiter, type RateLimitSettings } from "./rate-limits.js";
import { Router } from "./router.js";
import { Store } from "./store.js";
import { makeSandboxTls } from "./tls.js";
import type { RouteContext, SandboxRequest, SandboxResponse, VendorModule, VendorName, VendorState } from "./types.js";
import { vendorIdOf } from "./vendor-id.js";
import { vendorModules } from "./vendors/index.js";

export interface SandboxOptions {
  port?: number;
  /** JSON file that keeps state across restarts. */
  stateFile?: string;
  /** Vendor modules to serve (default: all five). */
  modules?: VendorModule[];
  /** The generation each vendor plays (`VendorModule.profiles`), by id or older id; default: each module's first. */
  profiles?: Partial<Record<VendorName, string>>;
  /**
   * Serve HTTPS with a certificate from a CA made for this run (sandbox/tls.ts); `caFile`, when
   * given, is where the CA's certificate (PEM) is written for clients to trust.
   */
  tls?: { caFile?: string };
  /** Enforce these vendors' published rate limits, their windows divided by `timeScale` (sandbox/rate-limits.ts). */
  rateLimits?: RateLimitSettings;
}

export interface RequestCount {
  vendor: string;
  method: string;
  route: string;
  status: number;
  count: number;
}

export interface Sandbox {
  /** `http://127.0.0.1:<port>`, or `https://` with `tls` */
  url: string;
  /** With `tls`: the CA's certificate (PEM) that signed the server's. */
  caPem?: string;
  port: number;
  store: Store;
  faults: FaultTable;
  /** Base URL of one vendor (origin + prefix), by id or older id. */
  baseUrl(vendor: VendorName): string;
  config(): SandboxConfig;
  requests(): RequestCount[];
  /**
   * How many calls counted so far may have changed something at the vendor, of one vendor or all: any
   * method but GET and HEAD, unless its route changes nothing (`Route.changesNothing`: a login, a token, a search).
   */
  writes(vendor?: VendorName): number;
  clearRequests(): void;
  /** Moves identities' creation and last-use times `days` into the past (`HeldKind.age`); returns how many moved. */
  age(days: number, scope?: { vendor?: VendorName; ids?: readonly string[] }): number;
  /** The generation each vendor plays now. */
  profiles(): Record<string, string>;
  /** Plays another generation of a vendor from the next request on; throws on an unknown name. */
  setProfile(vendor: VendorName, profile: string): void;
  /** Enforces these vendors' published rate limits from now on, with empty windows (no vendors: none). */
  setRateLimits(settings: RateLimitSettings): void;
  close(): Promise<void>;
}

export interface SandboxConfig {
  vendors: Record<string, Record<string, string>>;
  env: Record<string, string>;
}

const MAX_BODY = 1024 * 1024;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new Error("body too large"));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function parseBody(raw: string, contentType: string | undefined): unknown {
  if (!raw) return undefined;
  if (contentType?.includes("application/x-www-form-urlencoded")) {
    return Object.fromEntries(new URLSearchParams(raw));
  }
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

function send(res: ServerResponse, r: SandboxResponse): void {
  const headers: Record<string, string> = { ...(r.headers ?? {}) };
  let payload = "";
  if (r.body !== undefined) {
    if (typeof r.body === "string") {
      payload = r.body;
      headers["content-type"] ??= "text/plain; charset=utf-8";
    } else {
      payload = JSON.stringify(r.body);
      headers["content-type"] ??= "application/json; charset=utf-8";
    }
  }
  headers["content-length"] = String(Buffer.byteLength(payload));
  res.writeHead(r.status, headers);
  res.end(payload);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const DEFAULT_PROFILE = "default";

function profilesOf(m: VendorModule): readonly string[] {
  return m.profiles && m.profiles.length > 0 ? m.profiles : [DEFAULT_PROFILE];
}

export { vendorIdOf };

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const modules = options.modules ?? vendorModules;
  const store = new Store(modules, options.stateFile);
  const faults = new FaultTable(modules);
  const limiter = new RateLimiter(modules);
  /** Vendors by id or older id. */
  const enforce = (s: RateLimitSettings) => limiter.set({ ...s, vendors: s.vendors.map((v) => vendorIdOf(v, modules) ?? v) });
  const startLimits: RateLimitSettings = options.rateLimits ?? { vendors: [] };
  enforce(startLimits);
  const routers = new Map(modules.map((m) => [m.id, new Router(m.routes as never)]));
  const counts = new Map<string, RequestCount>();
  /** The keys of `counts` whose calls may have changed something at the vendor. */
  const writeKeys = new Set<string>();
  let clockOffset = 0;
  /** Requests a `lateCommit` fault held back, by vendor, method and route: handled before the next one. */
  const late = new Map<string, (() => Promise<void>)[]>();
  let origin = "";
  const startProfiles = new Map<string, string>();
  const setProfile = (vendor: string, profile: string, into = profiles) => {
    const m = modules.find((x) => x.id === vendorIdOf(vendor, modules));
    if (!m) throw new Error(`no vendor '${vendor}' in this sandbox`);
    const known = profilesOf(m);
    if (!known.includes(profile)) throw new Error(`${vendor} has no profile '${profile}' (known: ${known.join(", ")})`);
    into.set(m.id, profile);
  };
  const profiles = new Map<string, string>(modules.map((m) => [m.id, profilesOf(m)[0]!]));
  for (const [v, p] of Object.entries(options.profiles ?? {})) setProfile(v, p);
  for (const [v, p] of profiles) startProfiles.set(v, p);
  const profileTable = () => Object.fromEntries(profiles);

  const count = (vendor: string, method: string, route: string, status: number, changesNothing = false) => {
    const key = `${vendor} ${method} ${route} ${status}`;
    if (method !== "GET" && method !== "HEAD" && !changesNothing) writeKeys.add(key);
    const c = counts.get(key) ?? { vendor, method, route, status, count: 0 };
    c.count++;
    counts.set(key, c);
  };

  const writes = (vendor?: string) =>
    [...counts.entries()].filter(([k]) => writeKeys.has(k)).map(([, c]) => c).filter((c) => (vendor === undefined || c.vendor === vendorIdOf(vendor, modules))).reduce((a, c) => a + c.count, 0);

  const age = (days: number, scope: { vendor?: string; ids?: readonly string[] } = {}): number => {
    if (!Number.isFinite(days) || days < 0) throw new Error(`days must be a number of days, 0 or more (got ${String(days)})`);
    const only = scope.vendor === undefined ? undefined : vendorIdOf(scope.vendor, modules);
    if (scope.vendor !== undefined && !only) throw new Error(`no vendor '${scope.vendor}' in this sandbox`);
    const ids = scope.ids ? new Set(scope.ids) : undefined;
    let moved = 0;
    for (const m of modules) {
      if (only && m.id !== only) continue;
      for (const kind of Object.values(m.kinds)) moved += kind.age?.(store.vendor(m.id), days * 86_400_000, ids) ?? 0;
    }
    store.persist();
    return moved;
  };

  const config = (): SandboxConfig => {
    const vendors: Record<string, Record<string, string>> = {};
    const env: Record<string, string> = {};
    for (const m of modules) {
      const base = origin + m.prefix;
      vendors[m.id] = m.config(base, store.vendor(m.id));
      Object.assign(env, m.env(base, store.vendor(m.id)));
    }
    return { vendors, env };
  };

  async function control(req: IncomingMessage, res: ServerResponse, path: string, raw: string): Promise<void> {
    const method = req.method ?? "GET";
    // The control API speaks JSON whatever the content type says (`curl -d` sends a form type).
    const body = parseBody(raw, "application/json");
    const route = `${method} ${path.replace(/\/$/, "")}`;
    switch (route) {
      case "GET /_sandbox/config":
        return send(res, { status: 200, body: config() });
      case "GET /_sandbox/state":
        return send(res, { status: 200, body: { vendors: store.all() } });
      case "POST /_sandbox/reset":
        store.reset();
        faults.clear();
        late.clear();
        counts.clear();
        clockOffset = 0;
        for (const [v, p] of startProfiles) profiles.set(v, p);
        enforce(startLimits);
        return send(res, { status: 200, body: { reset: true } });
      case "GET /_sandbox/profiles":
        return send(res, {
          status: 200,
          body: { profiles: profileTable(), available: Object.fromEntries(modules.map((m) => [m.id, profilesOf(m)])) },
        });
      case "PUT /_sandbox/profiles":
      case "POST /_sandbox/profiles": {
        const wanted = body && typeof body === "object" && !Array.isArray(body) ? Object.entries(body) : [];
        if (wanted.length === 0) return send(res, { status: 400, body: { error: 'profiles: send {"<vendor>": "<profile>"}' } });
        try {
          const next = new Map(profiles);
          for (const [name, p] of wanted) {
            const v = vendorIdOf(name, modules);
            if (!v) throw new Error(`no vendor '${name}' in this sandbox`);
            setProfile(v, String(p), next);
          }
          for (const [v, p] of next) profiles.set(v, p);
        } catch (e) {
          return send(res, { status: 400, body: { error: `profiles: ${(e as Error).message}` } });
        }
        return send(res, { status: 200, body: { profiles: profileTable() } });
      }
      case "GET /_sandbox/requests":
        return send(res, { status: 200, body: { requests: [...counts.values()], total: [...counts.values()].reduce((a, c) => a + c.count, 0), writes: writes() } });
      case "DELETE /_sandbox/requests":
        counts.clear();
        return send(res, { status: 204 });
      case "GET /_sandbox/faults":
        return send(res, { status: 200, body: { faults: faults.list() } });
      case "POST /_sandbox/faults":
        try {
          const rules = Array.isArray(body) ? body.map((b) => faults.add(b)) : [faults.add(body)];
          return send(res, { status: 201, body: { faults: rules } });
        } catch (e) {
          return send(res, { status: 400, body: { error: `invalid fault rule: ${(e as Error).message}` } });
        }
      case "DELETE /_sandbox/faults":
        faults.clear();
        return send(res, { status: 204 });
      case "GET /_sandbox/rate-limits":
        return send(res, { status: 200, body: limiter.settings() });
      case "PUT /_sandbox/rate-limits":
      case "POST /_sandbox/rate-limits": {
        const b = (body ?? {}) as { vendors?: unknown; timeScale?: unknown };
        const names = Array.isArray(b.vendors) ? b.vendors.map(String) : [];
        try {
          enforce({ vendors: names, ...(b.timeScale === undefined ? {} : { timeScale: Number(b.timeScale) }) });
        } catch (e) {
          return send(res, { status: 400, body: { error: `rate-limits: ${(e as Error).message}` } });
        }
        return send(res, { status: 200, body: limiter.settings() });
      }
      case "POST /_sandbox/clock": {
        const b = (body ?? {}) as { advanceSeconds?: unknown; advanceDays?: unknown };
        const secs = Number(b.advanceSeconds ?? 0) + Number(b.advanceDays ?? 0) * 86_400;
        if (!Number.isFinite(secs)) return send(res, { status: 400, body: { error: 'clock: send {"advanceSeconds": N} or {"advanceDays": N}' } });
        clockOffset += secs * 1000;
        return send(res, { status: 200, body: { now: new Date(Date.now() + clockOffset).toISOString() } });
      }
      case "POST /_sandbox/age": {
        const b = (body ?? {}) as { days?: unknown; vendor?: unknown; ids?: unknown };
        try {
          if (b.ids !== undefined && !Array.isArray(b.ids)) throw new Error("ids must be a list of identity ids");
          const aged = age(Number(b.days), { ...(b.vendor !== undefined ? { vendor: String(b.vendor) } : {}), ...(Array.isArray(b.ids) ? { ids: b.ids.map(String) } : {}) });
          return send(res, { status: 200, body: { aged } });
        } catch (e) {
          return send(res, { status: 400, body: { error: `age: ${(e as Error).message}; send {"days": N, "vendor"?: "<vendor>", "ids"?: ["<id>", …]}` } });
        }
      }
      default:
        return send(res, { status: 404, body: { error: `no control route ${route}` } });
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const raw = await readBody(req);
    if (url.pathname.startsWith("/_sandbox/") || url.pathname === "/_sandbox") return control(req, res, url.pathname, raw);

    const module = modules.find((m) => url.pathname === m.prefix || url.pathname.startsWith(m.prefix + "/"));
    if (!module) return send(res, { status: 404, body: { error: `no vendor at ${url.pathname}` } });
    const path = url.pathname.slice(module.prefix.length) || "/";
    const method = (req.method ?? "GET").toUpperCase();
    const profile = profiles.get(module.id)!;
    const match = routers.get(module.id)!.match(method, path, profile);
    if (!match || "methodMismatch" in match) {
      const status = match ? 405 : 404;
      count(module.id, method, "(unmatched)", status);
      return send(res, module.errorResponse(status, status === 404 ? `No route ${method} ${path}` : `Method ${method} not allowed`));
    }
    const template = match.route.template;
    const countHere = (status: number) => count(module.id, method, template, status, match.route.changesNothing);
    const refused = limiter.admit(module, method, path, Date.now());
    if (refused) {
      const r = module.errorResponse(429, "Too many requests");
      countHere(429);
      return send(res, { ...r, headers: { ...(r.headers ?? {}), "retry-after": String(refused.retryAfterSeconds) } });
    }
    // Requests held back by `lateCommit` land now, before this one is looked at.
    const lateKey = `${module.id} ${method} ${template}`;
    for (const land of late.get(lateKey)?.splice(0) ?? []) await land();
    const effects: FaultEffect[] = faults.select(module.id, method, template);
    const state = store.vendor(module.id);
    let commitThenReset = false;
    let lateCommit = false;
    for (const e of effects) {
      switch (e.type) {
        case "latency": {
          const ms = e.ms ?? (e.minMs ?? 0) + Math.random() * Math.max(0, (e.maxMs ?? e.minMs ?? 0) - (e.minMs ?? 0));
          await sleep(ms);
          break;
        }
        case "expireTokens":
          module.expireTokens(state);
          store.persist();
          break;
        case "reset":
          countHere(0);
          req.socket.destroy();
          return;
        case "status":
          countHere(e.status);
          return send(res, module.errorResponse(e.status, e.message ?? `Injected fault ${e.status}`));
        case "rateLimit": {
          const r = module.errorResponse(429, "Too many requests");
          countHere(429);
          return send(res, { ...r, headers: { ...(r.headers ?? {}), "retry-after": String(e.retryAfterSeconds) } });
        }
        case "htmlPage":
          countHere(e.status);
          return send(res, { status: e.status, headers: { "content-type": "text/html; charset=utf-8" }, body: gatewayPage(e.status) });
        case "commitThenReset":
          commitThenReset = true;
          break;
        case "lateCommit":
          lateCommit = true;
          break;
      }
    }
    const request: SandboxRequest = {
      method,
      path,
      params: match.params,
      query: url.searchParams,
      headers: req.headers,
      body: parseBody(raw, req.headers["content-type"]),
      rawBody: raw,
    };
    const ctx: RouteContext<VendorState> = {
      state,
      now: () => Date.now() + clockOffset,
      baseUrl: origin + module.prefix,
      newId: () => randomUUID(),
      profile,
    };
    if (lateCommit) {
      countHere(0);
      req.socket.destroy();
      const held = late.get(lateKey) ?? [];
      held.push(async () => {
        await Promise.resolve(match.route.handler(request, ctx)).catch(() => undefined);
        store.persist();
      });
      late.set(lateKey, held);
      return;
    }
    let response: SandboxResponse;
    try {
      response = await match.route.handler(request, ctx);
    } catch (e) {
      response = module.errorResponse(500, `sandbox handler failed: ${(e as Error).message}`);
    }
    // GETs can change state too (e.g. "last used" stamps), so every vendor call persists.
    store.persist();
    if (commitThenReset) {
      countHere(0);
      req.socket.destroy();
      return;
    }
    const rewrites = effects.filter((e) => e.type === "renameField" || e.type === "addField" || e.type === "setField");
    if (rewrites.length > 0 && response.body !== undefined && typeof response.body !== "string") {
      response = { ...response, body: rewriteAnswer(response.body, rewrites) };
    }
    // Malformed answers to a request that was handled: the write happened, the answer is unreadable.
    for (const e of effects) {
      if (e.type === "emptyAnswer") response = { status: e.status, headers: { ...(response.headers ?? {}), "content-type": "application/json; charset=utf-8" } };
      if (e.type === "truncateAnswer") {
        response = { ...response, headers: { ...(response.headers ?? {}), "content-type": "application/json; charset=utf-8" }, body: truncatedJson(response.body, e.keepFraction) };
      }
    }
    countHere(response.status);
    send(res, response);
  }

  const listener = (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch((e: unknown) => {
      if (!res.headersSent) send(res, { status: 500, body: { error: (e as Error).message } });
    });
  };
  const tls = options.tls ? makeSandboxTls() : undefined;
  if (tls && options.tls?.caFile) writeFileSync(options.tls.caFile, tls.caPem);
  const server: Server = tls ? createHttpsServer({ cert: tls.cert, key: tls.key }, listener) : createServer(listener);
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  origin = `${tls ? "https" : "http"}://127.0.0.1:${port}`;

  return {
    url: origin,
    ...(tls ? { caPem: tls.caPem } : {}),
    port,
    store,
    faults,
    baseUrl: (vendor) => origin + modules.find((m) => m.id === vendorIdOf(vendor, modules))!.prefix,
    config,
    requests: () => [...counts.values()].map((c) => ({ ...c })),
    writes,
    clearRequests: () => counts.clear(),
    age,
    profiles: profileTable,
    setProfile: (vendor, profile) => setProfile(vendor, profile),
    setRateLimits: enforce,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
