// The transport against a real local HTTP server: retries, backoff, Retry-After, timeouts,
// 401 refresh, typed errors and redaction.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { HttpClient, classify, type HttpClientOptions } from "./client.js";
import { RateLimitError, TransportError, VendorError, isOutcomeUnknown } from "./errors.js";
import { forgetPacers } from "./pacer.js";
import { hang, reset, startTestServer, status, type Answer, type TestServer } from "./test-server.js";
import { tokenAuth } from "./token.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());
afterEach(() => {
  server.seen.length = 0;
  // Every test's clients call the same server: each test starts with a tenant nobody slowed down.
  forgetPacers();
});

function client(extra: Partial<HttpClientOptions> = {}) {
  const sleeps: number[] = [];
  // The pacer's clock: sleeps move it at once.
  let now = 0;
  const c = new HttpClient({
    vendor: "TestVendor",
    baseUrl: server.url + "/api",
    backoff: { baseMs: 1, maxMs: 4 },
    sleep: async (ms) => {
      sleeps.push(ms);
      now += ms;
    },
    now: () => now,
    describeError: (body) => ({ message: (body as { message?: string } | undefined)?.message }),
    ...extra,
  });
  return { c, sleeps };
}

describe("HttpClient retries", () => {
  it.each([429, 502, 503, 504])("retries a GET on %i and then succeeds", async (code) => {
    server.answer(status(code, { message: "busy" }), status(200, { ok: true }));
    const { c } = client();
    const r = await c.request<{ ok: boolean }>({ method: "GET", path: "/things" });
    expect(r.body.ok).toBe(true);
    expect(server.seen).toHaveLength(2);
  });

  it("gives up after maxRetries and throws a VendorError with the vendor's message", async () => {
    server.answer(status(503, { message: "down for maintenance" }));
    const { c } = client({ maxRetries: 2 });
    const e = await c.request({ method: "GET", path: "/things/{id}", params: { id: "abc" } }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(VendorError);
    const ve = e as VendorError;
    expect(ve.status).toBe(503);
    expect(ve.vendorMessage).toBe("down for maintenance");
    expect(ve.pathTemplate).toBe("/things/{id}");
    expect(ve.message).toContain("TestVendor GET /things/{id} failed with HTTP 503: down for maintenance");
    expect(server.seen).toHaveLength(3);
  });

  it.each([400, 401, 403, 404, 409])("does not retry %i", async (code) => {
    server.answer(status(code, { message: "no" }), status(200, {}));
    const { c } = client();
    await expect(c.request({ method: "GET", path: "/x" })).rejects.toBeInstanceOf(VendorError);
    expect(server.seen).toHaveLength(1);
  });

  it("does not retry a POST on 503 unless marked safe", async () => {
    server.answer(status(503, {}), status(201, { id: 1 }));
    const { c } = client();
    await expect(c.request({ method: "POST", path: "/x", json: {} })).rejects.toBeInstanceOf(VendorError);
    expect(server.seen).toHaveLength(1);
    server.seen.length = 0;
    server.answer(status(503, {}), status(201, { id: 1 }));
    const r = await c.request({ method: "POST", path: "/x", json: {}, retrySafe: true });
    expect(r.status).toBe(201);
    expect(server.seen).toHaveLength(2);
  });

  it("retries a POST on 429: the vendor did not act on it", async () => {
    server.answer(status(429, {}, { "retry-after": "1" }), status(201, { id: 1 }));
    const { c } = client();
    expect((await c.request({ method: "POST", path: "/x", json: {} })).status).toBe(201);
    expect(server.seen).toHaveLength(2);
  });

  it("retries a GET after a connection reset, but not a POST, which is then outcome-unknown", async () => {
    server.answer(reset, status(200, { ok: 1 }));
    const { c } = client();
    expect((await c.request({ method: "GET", path: "/x" })).status).toBe(200);
    server.seen.length = 0;
    server.answer(reset, status(201, {}));
    const e = await c.request({ method: "POST", path: "/x", json: {} }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(TransportError);
    expect((e as TransportError).outcomeUnknown).toBe(true);
    expect(isOutcomeUnknown(e)).toBe(true);
    expect(server.seen).toHaveLength(1);
  });

  it("retries even a POST when the connection was refused (nothing was sent)", async () => {
    const { c } = client({ baseUrl: "http://127.0.0.1:9/api", maxRetries: 2 });
    const e = await c.request({ method: "POST", path: "/x", json: {} }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(TransportError);
    expect((e as TransportError).outcomeUnknown).toBe(false);
    expect((e as TransportError).message).toContain("after 3 attempts");
  });
});

describe("backoff and Retry-After", () => {
  it("waits what Retry-After says in seconds", async () => {
    server.answer(status(429, {}, { "retry-after": "3" }), status(200, {}));
    const { c, sleeps } = client();
    await c.request({ method: "GET", path: "/x" });
    expect(sleeps).toEqual([3000]);
  });

  it("with pacing off, understands an HTTP date and caps long waits", async () => {
    const at = new Date(Date.now() + 3600_000).toUTCString();
    server.answer(status(503, {}, { "retry-after": at }), status(200, {}));
    const { c, sleeps } = client({ retryAfterCapMs: 5000, pacing: { on: false, waitBudgetMs: 300_000, timeScale: 1 } });
    await c.request({ method: "GET", path: "/x" });
    expect(sleeps).toEqual([5000]);
  });

  it("paced, honours a Retry-After beyond the 30 s cap (an HTTP date too) within the wait budget", async () => {
    const at = new Date(Date.now() + 45_000).toUTCString();
    server.answer(status(503, {}, { "retry-after": at }), status(429, {}, { "retry-after": "40" }), status(200, {}));
    const { c, sleeps } = client();
    await c.request({ method: "GET", path: "/x" });
    expect(sleeps).toHaveLength(2);
    expect(sleeps[0]).toBeGreaterThan(43_000);
    expect(sleeps[0]).toBeLessThanOrEqual(45_000);
    expect(sleeps[1]).toBe(40_000);
  });

  it("paced, a refusal beyond the wait budget fails once with the reason and the setting; later calls to the tenant are not sent", async () => {
    server.answer(status(429, {}, { "retry-after": "3600" }), status(200, {}));
    const { c } = client();
    const e = await c.request({ method: "PUT", path: "/x/{id}", params: { id: "1" }, json: {} }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(RateLimitError);
    expect((e as RateLimitError).first).toBe(true);
    expect((e as Error).message).toMatch(/^TestVendor PUT \/x\/\{id\}: TestVendor \(http:\/\/127\.0\.0\.1:\d+\/api\/\) keeps refusing PUT calls for their rate \(HTTP 429; it publishes no limit\): it asks to wait 60 min more/);
    expect((e as Error).message).toContain("apiidentity:rateLimitWaitSeconds, or APIIDENTITY_RATE_LIMIT_WAIT_SECONDS");
    expect(server.seen).toHaveLength(1);
    const later = await c.request({ method: "GET", path: "/y" }).catch((x: unknown) => x);
    expect(later).toBeInstanceOf(RateLimitError);
    expect((later as RateLimitError).first).toBe(false);
    expect((later as Error).message).toContain("TestVendor GET /y: not sent: the vendor's rate limit stopped this run's calls to");
    expect(server.seen).toHaveLength(1);
  });

  it("paced, a 429 without Retry-After waits what RateLimit-Reset says", async () => {
    server.answer(status(429, {}, { "ratelimit-reset": "4" }), status(200, {}));
    const { c, sleeps } = client();
    await c.request({ method: "GET", path: "/x" });
    expect(sleeps).toEqual([4000]);
  });

  it("paced, a 429 holds back the tenant's other calls of that method too, not only the refused one", async () => {
    server.answer(status(429, {}, { "retry-after": "2" }), status(200, {}));
    const { c, sleeps } = client();
    await c.request({ method: "GET", path: "/x" });
    await c.request({ method: "GET", path: "/x" });
    // The second request waits for the slow-down's spacing after the first's retry.
    expect(sleeps).toEqual([2000, 10]);
    expect(server.seen).toHaveLength(3);
  });

  it("without Retry-After uses exponential backoff with full jitter under the ceiling", async () => {
    server.answer(status(503, {}), status(503, {}), status(503, {}), status(200, {}));
    const { c, sleeps } = client({ backoff: { baseMs: 100, maxMs: 250 } });
    await c.request({ method: "GET", path: "/x" });
    expect(sleeps).toHaveLength(3);
    const ceilings = [100, 200, 250];
    sleeps.forEach((s, i) => {
      expect(s).toBeGreaterThanOrEqual(0);
      expect(s).toBeLessThan(ceilings[i]!);
    });
  });
});

describe("timeouts", () => {
  it("a request with no answer times out, and a GET is retried", async () => {
    server.answer(hang);
    const { c } = client({ requestTimeoutMs: 150, maxRetries: 1 });
    const started = Date.now();
    const e = await c.request({ method: "GET", path: "/slow" }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(TransportError);
    expect((e as TransportError).code).toBe("TIMEOUT");
    expect(server.seen).toHaveLength(2);
    expect(Date.now() - started).toBeLessThan(5000);
  });
});

describe("auth and redaction", () => {
  it("refreshes the token once on a 401", async () => {
    let n = 0;
    let invalidated = 0;
    server.answer(status(401, { message: "expired" }), status(200, { ok: 1 }));
    const { c } = client({
      auth: {
        headers: async () => ({ authorization: `Bearer tok-${++n}` }),
        invalidate: () => void invalidated++,
      },
    });
    await c.request({ method: "POST", path: "/x", json: {} });
    expect(invalidated).toBe(1);
    expect(server.seen.map((s) => s.headers.authorization)).toEqual(["Bearer tok-1", "Bearer tok-2"]);
  });

  it("a 401 for the same token again is final", async () => {
    server.answer(status(401, { message: "bad credentials" }));
    const { c } = client({ auth: { headers: async () => ({ authorization: "Bearer t" }), invalidate: () => {} } });
    await expect(c.request({ method: "GET", path: "/x" })).rejects.toMatchObject({ status: 401 });
    expect(server.seen).toHaveLength(2);
  });

  it("never puts a secret, a token or an Authorization header in an error", async () => {
    const secret = "Sup3r-Secret-Passw0rd";
    server.answer(
      status(400, {
        message: `password ${secret} rejected for header Authorization: Bearer abcdefghijklmnop`,
        password: secret,
        nested: { client_secret: "cs-123456" },
      }),
    );
    const { c } = client({ auth: { headers: async () => ({ authorization: "Bearer abcdefghijklmnop" }), secrets: () => ["abcdefghijklmnop"] } });
    const e = (await c.request({ method: "POST", path: "/users", json: { password: secret }, secrets: [secret] }).catch((x: unknown) => x)) as VendorError;
    const everything = JSON.stringify({ m: e.message, v: e.vendorMessage, b: e.body, s: String(e) });
    expect(everything).not.toContain(secret);
    expect(everything).not.toContain("abcdefghijklmnop");
    expect(everything).not.toContain("cs-123456");
    expect(e.message).toContain("[REDACTED]");
  });

  it("debug logging names calls but never credentials", async () => {
    server.answer(status(200, {}));
    const lines: string[] = [];
    const orig = process.stderr.write.bind(process.stderr);
    process.env.APIIDENTITY_DEBUG = "1";
    process.stderr.write = ((s: string) => (lines.push(String(s)), true)) as typeof process.stderr.write;
    try {
      const { c } = client({ auth: { headers: async () => ({ authorization: "Basic dXNlcjpwYXNzd29yZA==" }) } });
      await c.request({ method: "GET", path: "/x" });
    } finally {
      process.stderr.write = orig;
      delete process.env.APIIDENTITY_DEBUG;
    }
    expect(lines.join("")).toContain("TestVendor GET /x: HTTP 200");
    expect(lines.join("")).not.toContain("dXNlcjpwYXNzd29yZA==");
  });

  it("refuses http:// to anything but loopback", () => {
    expect(() => new HttpClient({ vendor: "V", baseUrl: "http://example.com/api" })).toThrow(/use https:\/\//);
    expect(() => new HttpClient({ vendor: "V", baseUrl: "https://example.com/api" })).not.toThrow();
  });
});

describe("per-origin concurrency", () => {
  it("keeps at most `concurrency` requests in flight", async () => {
    let inFlight = 0;
    let peak = 0;
    server.answer((_req, res) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      setTimeout(() => {
        inFlight--;
        res.writeHead(200).end("{}");
      }, 30);
    });
    const { c } = client({ concurrency: 2, baseUrl: server.url.replace("127.0.0.1", "localhost") + "/api" });
    await Promise.all(Array.from({ length: 6 }, () => c.request({ method: "GET", path: "/x" })));
    expect(peak).toBe(2);
  });
});

describe("limits per client", () => {
  it("two clients on the same origin with different limits each keep their own", async () => {
    let inFlight = 0;
    let peak = 0;
    const peaks: number[] = [];
    server.answer((_req, res) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      setTimeout(() => {
        inFlight--;
        res.writeHead(200).end("{}");
      }, 30);
    });
    const one = client({ concurrency: 1 }).c;
    const three = client({ concurrency: 3 }).c;
    for (const c of [three, one, three]) {
      peak = 0;
      await Promise.all(Array.from({ length: 6 }, () => c.request({ method: "GET", path: "/x" })));
      peaks.push(peak);
    }
    // The first client's limit did not become the second's, nor the other way round.
    expect(peaks).toEqual([3, 1, 3]);
    await Promise.all([one.close(), three.close()]);
  });

  it("close() lets requests in flight finish, then refuses new ones", async () => {
    server.answer(status(200, { ok: 1 }));
    const { c } = client({ maxRetries: 0 });
    const pending = c.request({ method: "GET", path: "/x" });
    await c.close();
    expect((await pending).status).toBe(200);
    await expect(c.request({ method: "GET", path: "/x" })).rejects.toThrow();
  });
});

/**
 * A token vendor in miniature: tokens it issued are valid until it expires them all, which it does
 * just before handling the API requests numbered in `expireAt` (counted from 1). Answers take `delayMs`.
 */
function tokenVendor(o: { expireAt?: number[]; delayMs?: number } = {}) {
  const valid = new Set<string>();
  const expireAt = new Set(o.expireAt ?? []);
  let issued = 0;
  let requests = 0;
  const auth = tokenAuth({
    fetch: async () => {
      const token = `tok-${++issued}`;
      valid.add(token);
      return { token, expiresInSeconds: 3600 };
    },
    header: (token) => ({ authorization: `Bearer ${token}` }),
  });
  const answer: Answer = (req, res) => {
    if (expireAt.has(++requests)) valid.clear();
    const ok = valid.has(String(req.headers.authorization ?? "").replace(/^Bearer /, ""));
    setTimeout(() => {
      res.writeHead(ok ? 200 : 401, { "content-type": "application/json" }).end(JSON.stringify(ok ? { ok: 1 } : { message: "token expired" }));
    }, o.delayMs ?? 0);
  };
  return {
    auth,
    answer,
    expireAll: () => valid.clear(),
    get issued() {
      return issued;
    },
  };
}

const tokensSent = () => server.seen.map((s) => String(s.headers.authorization).replace(/^Bearer /, ""));

describe("token expiry", () => {
  it("one expiry costs one new token, however many requests were queued or in flight with the old one", async () => {
    const v = tokenVendor({ delayMs: 20 });
    server.answer(v.answer);
    const { c } = client({ auth: v.auth, concurrency: 2 });
    await c.request({ method: "GET", path: "/x" });
    v.expireAll();
    server.seen.length = 0;
    // Two go out with tok-1 and come back refused; the four waiting for a connection must not
    // carry tok-1 too (their headers are read when they are sent), and no late 401 for tok-1
    // throws away tok-2.
    const all = await Promise.all(Array.from({ length: 6 }, () => c.request({ method: "GET", path: "/x" })));
    expect(all.map((r) => r.status)).toEqual(Array(6).fill(200));
    expect(v.issued).toBe(2);
    expect(tokensSent().filter((t) => t === "tok-1")).toHaveLength(2);
    expect(tokensSent().filter((t) => t === "tok-2")).toHaveLength(6);
    await c.close();
  });

  it("requests in flight together all refused: one new token for all of them", async () => {
    const v = tokenVendor({ delayMs: 10 });
    server.answer(v.answer);
    const { c } = client({ auth: v.auth, concurrency: 8 });
    await c.request({ method: "GET", path: "/x" });
    v.expireAll();
    const all = await Promise.all(Array.from({ length: 8 }, () => c.request({ method: "POST", path: "/x", json: {} })));
    expect(all.map((r) => r.status)).toEqual(Array(8).fill(200));
    expect(v.issued).toBe(2);
    await c.close();
  });

  it("a request that meets a second expiry renews again and succeeds", async () => {
    // Request 1 (tok-1) meets the first expiry, its retry (tok-2) the second, the next one (tok-3) passes.
    const v = tokenVendor({ expireAt: [1, 2] });
    server.answer(v.answer);
    const { c } = client({ auth: v.auth });
    const r = await c.request({ method: "POST", path: "/x", json: {} });
    expect(r.status).toBe(200);
    expect(tokensSent()).toEqual(["tok-1", "tok-2", "tok-3"]);
    expect(v.issued).toBe(3);
  });

  it("renews at most three times in one request, then fails with the 401 as credentials rejected", async () => {
    const v = tokenVendor({ expireAt: [1, 2, 3, 4, 5, 6] });
    server.answer(v.answer);
    const { c } = client({ auth: v.auth });
    const e = (await c.request({ method: "GET", path: "/x" }).catch((x: unknown) => x)) as VendorError;
    expect(e).toBeInstanceOf(VendorError);
    expect(e.status).toBe(401);
    expect(tokensSent()).toEqual(["tok-1", "tok-2", "tok-3", "tok-4"]);
    // The last refused token was fetched for this very request: the credentials are in question.
    expect(e.staleToken).toBe(false);
    expect(e.message).toBe("TestVendor GET /x failed with HTTP 401: token expired");
  });

  it("a token fetched just now refused: no fourth token, the credentials were rejected", async () => {
    // A vendor that answers every fetch with the same token (and refuses it) is not asked again.
    let fetches = 0;
    const auth = tokenAuth({ fetch: async () => (fetches++, { token: "the-only-token", expiresInSeconds: 3600 }), header: (t) => ({ authorization: `Bearer ${t}` }) });
    server.answer(status(401, { message: "invalid token" }));
    const { c } = client({ auth });
    const e = (await c.request({ method: "GET", path: "/x" }).catch((x: unknown) => x)) as VendorError;
    expect(e.status).toBe(401);
    expect(e.staleToken).toBe(false);
    expect(server.seen).toHaveLength(2);
    expect(fetches).toBe(2);
  });

  it("refused again and again with tokens others had used: the error says they expired, not that the credentials are wrong", async () => {
    let n = 0;
    const auth = {
      headers: async () => ({ authorization: `Bearer shared-${++n}` }),
      acquire: async () => ({ headers: { authorization: `Bearer shared-${++n}` }, fetched: false }),
      invalidate: () => {},
    };
    server.answer(status(401, { message: "token expired" }));
    const { c } = client({ auth });
    const e = (await c.request({ method: "GET", path: "/x" }).catch((x: unknown) => x)) as VendorError;
    expect(server.seen).toHaveLength(4);
    expect(e.status).toBe(401);
    expect(e.staleToken).toBe(true);
    expect(e.message).toMatch(/^TestVendor GET \/x failed with HTTP 401: token expired; 4 tokens were refused in turn, the last one already in use before this request: tokens expire or are revoked faster than requests complete, run again$/);
  });

  it("a token request (noAuth) is never retried on a 401 and renews nothing", async () => {
    let invalidated = 0;
    server.answer(status(401, { message: "invalid_client" }));
    const { c } = client({ auth: { headers: async () => ({ authorization: "Bearer t" }), invalidate: () => void invalidated++ } });
    await expect(c.request({ method: "POST", path: "/token", form: { a: "b" }, noAuth: true, retrySafe: true })).rejects.toMatchObject({ status: 401 });
    expect(server.seen).toHaveLength(1);
    expect(server.seen[0]!.headers.authorization).toBeUndefined();
    expect(invalidated).toBe(0);
  });
});

const html = (code: number, page: string, contentType = "text/html; charset=utf-8"): Answer => (_req, res) => {
  res.writeHead(code, { "content-type": contentType }).end(page);
};

describe("HTML error pages", () => {
  it("names an HTML page by its title instead of quoting it", async () => {
    const page = `<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>502 Bad Gateway</title><style>body{font:12px}</style></head>\n<body><h1>Bad Gateway</h1><p>upstream: 10.2.3.4:8443</p></body></html>`;
    server.answer(html(502, page));
    const { c } = client({ maxRetries: 0 });
    const e = (await c.request({ method: "GET", path: "/things" }).catch((x: unknown) => x)) as VendorError;
    expect(e).toBeInstanceOf(VendorError);
    expect(e.message).toBe("TestVendor GET /things failed with HTTP 502: an HTML page (title: 502 Bad Gateway)");
    expect(e.vendorMessage).toBe("an HTML page (title: 502 Bad Gateway)");
  });

  it("recognises HTML by its start when the content type does not say so, and copes without a title", async () => {
    server.answer(html(403, "  <html><body>Forbidden by policy</body></html>", "text/plain"));
    const { c } = client();
    const e = (await c.request({ method: "GET", path: "/x" }).catch((x: unknown) => x)) as VendorError;
    expect(e.vendorMessage).toBe("an HTML page (no title)");
  });

  it("keeps a title short, on one line, with entities decoded, and redacted", async () => {
    const secret = "Html-Secr3t-Value";
    const title = `Error &amp; more:\n  password=${secret} ${"x".repeat(200)}`;
    server.answer(html(500, `<html><head><TITLE lang="en">${title}</TITLE></head><body>${secret}</body></html>`));
    const { c } = client({ maxRetries: 0 });
    const e = (await c.request({ method: "POST", path: "/x", json: { password: secret }, secrets: [secret] }).catch((x: unknown) => x)) as VendorError;
    expect(e.vendorMessage).toMatch(/^an HTML page \(title: Error & more: password=\[REDACTED\] x+…\)$/);
    expect(e.vendorMessage.length).toBeLessThan(140);
    expect(JSON.stringify({ m: e.message, b: e.body })).not.toContain(secret);
  });

  it("a plain-text error body is still quoted (cut at 300 characters)", async () => {
    server.answer(html(400, "name: must not be empty", "text/plain"));
    const { c } = client();
    const e = (await c.request({ method: "GET", path: "/x" }).catch((x: unknown) => x)) as VendorError;
    expect(e.vendorMessage).toBe("name: must not be empty");
  });
});

describe("classify", () => {
  it.each([
    "ERR_TLS_CERT_ALTNAME_INVALID",
    "DEPTH_ZERO_SELF_SIGNED_CERT",
    "SELF_SIGNED_CERT_IN_CHAIN",
    "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
    "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
    "CERT_HAS_EXPIRED",
  ])("a certificate refused in the TLS handshake (%s): nothing sent, final, said to be about the certificate", (code) => {
    const c = classify(Object.assign(new Error("tls"), { code }));
    expect(c).toMatchObject({ code: "TLS", sent: false, final: true });
    expect(c.detail).toBe(
      `TLS handshake failed, so nothing was sent: the server's certificate was refused (${code}); it must be valid for this host and issued by an authority Node.js trusts (a private one: the caCertificates setting, or NODE_EXTRA_CA_CERTS set before the process starts)`,
    );
  });

  it("another TLS failure sent nothing either but may pass on a new attempt", () => {
    expect(classify(Object.assign(new Error("tls"), { code: "ERR_TLS_HANDSHAKE_TIMEOUT" }))).toEqual({
      code: "TLS",
      detail: "TLS handshake failed, so nothing was sent (ERR_TLS_HANDSHAKE_TIMEOUT)",
      sent: false,
      final: false,
    });
  });

  it("a certificate error wrapped in a cause is found too", () => {
    const c = classify(Object.assign(new Error("fetch failed"), { cause: Object.assign(new Error("x"), { code: "CERT_NOT_YET_VALID" }) }));
    expect(c).toMatchObject({ code: "TLS", sent: false, final: true });
  });

  it("a reset stays outcome-unknown and retryable; a refused connection sent nothing", () => {
    expect(classify(Object.assign(new Error("reset"), { code: "ECONNRESET" }))).toMatchObject({ code: "CONNECTION", sent: true, final: false });
    expect(classify(Object.assign(new Error("refused"), { code: "ECONNREFUSED" }))).toMatchObject({ code: "CONNECTION", sent: false, final: false });
  });
});
