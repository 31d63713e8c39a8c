// The transport against a real local HTTP server: retries, backoff, Retry-After, timeouts,
// 401 refresh, typed errors and redaction.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { HttpClient, type HttpClientOptions } from "./client.js";
import { TransportError, VendorError, isOutcomeUnknown } from "./errors.js";
import { hang, reset, startTestServer, status, type TestServer } from "./test-server.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());
afterEach(() => {
  server.seen.length = 0;
});

function client(extra: Partial<HttpClientOptions> = {}) {
  const sleeps: number[] = [];
  const c = new HttpClient({
    vendor: "TestVendor",
    baseUrl: server.url + "/api",
    backoff: { baseMs: 1, maxMs: 4 },
    sleep: async (ms) => {
      sleeps.push(ms);
    },
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

  it("understands an HTTP date and caps long waits", async () => {
    const at = new Date(Date.now() + 3600_000).toUTCString();
    server.answer(status(503, {}, { "retry-after": at }), status(200, {}));
    const { c, sleeps } = client({ retryAfterCapMs: 5000 });
    await c.request({ method: "GET", path: "/x" });
    expect(sleeps).toEqual([5000]);
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

  it("a second 401 is final", async () => {
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
