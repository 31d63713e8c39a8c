// Every vendor call goes through the proxy HTTPS_PROXY / HTTP_PROXY (either case) or the proxyUrl
// setting names, as undici's EnvHttpProxyAgent routes it, and NO_PROXY or `none` keeps it direct. The
// provider is given an address where only a decoy listens; the proxy alone maps it to the sandbox,
// so a walk that passes went through the proxy, and the decoy counts any call that did not.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { ConfigurationError } from "../../provider/error-root.js";
import { HttpClient, TransportError } from "../../provider/http/index.js";
import { runProbe } from "../../provider/probe.js";
import { allProbes } from "../../provider/probes.js";
import { resolveSettings, type Settings } from "../../provider/settings.js";
import { VENDORS } from "../../provider/vendors/index.js";
import { startSandbox, type Sandbox } from "../../sandbox/server.js";
import { startConnectProxy, startDecoy, type ConnectProxy, type Decoy } from "./connect-proxy.js";
import { noSleep } from "./servers.js";
import { REGISTRY_KINDS, walkEveryKind } from "./walk.js";

const PROXY_VARIABLES = ["HTTPS_PROXY", "HTTP_PROXY", "NO_PROXY", "https_proxy", "http_proxy", "no_proxy", "APIIDENTITY_PROXY_URL"] as const;
const saved = Object.fromEntries(PROXY_VARIABLES.map((n) => [n, process.env[n]]));

/** Sets the proxy variables of this process (the transport reads them as a provider process would). */
function proxyEnv(vars: Partial<Record<(typeof PROXY_VARIABLES)[number], string>>): void {
  for (const n of PROXY_VARIABLES) delete process.env[n];
  Object.assign(process.env, vars);
}

let sandbox: Sandbox;
let decoy: Decoy;
beforeAll(async () => {
  sandbox = await startSandbox();
  decoy = await startDecoy();
});
afterAll(async () => {
  await sandbox.close();
  await decoy.close();
});
afterEach(() => proxyEnv(Object.fromEntries(Object.entries(saved).filter(([, v]) => v !== undefined))));

/** The sandbox's settings with its address replaced by the decoy's: only a proxy that maps it reaches the sandbox. */
function behindProxy(extra: Record<string, string> = {}): Settings {
  const env = Object.fromEntries(Object.entries(sandbox.config().env).map(([k, v]) => [k, v.split(`127.0.0.1:${sandbox.port}`).join(`127.0.0.1:${decoy.port}`)]));
  return resolveSettings({ env: { ...env, ...extra } });
}

const hiddenAuthority = () => `127.0.0.1:${decoy.port}`;
const sandboxRequests = () => sandbox.requests().reduce((n, r) => n + r.count, 0);

describe("through a CONNECT proxy", () => {
  let proxy: ConnectProxy;
  beforeAll(async () => {
    proxy = await startConnectProxy({ route: { [`127.0.0.1:${decoy.port}`]: sandbox.port } });
  });
  afterAll(() => proxy.close());

  it.each([
    ["HTTP_PROXY", () => ({ env: { HTTP_PROXY: proxy.url }, settings: {} })],
    ["http_proxy (lower case)", () => ({ env: { http_proxy: proxy.url }, settings: {} })],
    ["the proxyUrl setting", () => ({ env: {}, settings: { APIIDENTITY_PROXY_URL: proxy.url } })],
  ] as const)("the lifecycle of every kind goes through the proxy named by %s", async (how, given) => {
    const { env, settings } = given();
    proxyEnv(env);
    const tunnelsBefore = proxy.tunnels.length;
    sandbox.clearRequests();
    const walked = await walkEveryKind(behindProxy(settings), how.replace(/\W+/g, "-"));
    expect(walked).toEqual(REGISTRY_KINDS.map((k) => k.kind));
    const tunnels = proxy.tunnels.slice(tunnelsBefore);
    console.log(`proxy (${how}): ${walked.length} kinds walked, ${sandboxRequests()} requests at the sandbox through ${tunnels.length} tunnels`);
    expect(tunnels.length).toBeGreaterThan(0);
    expect(new Set(tunnels)).toEqual(new Set([hiddenAuthority()]));
    expect(sandboxRequests()).toBeGreaterThanOrEqual(walked.length * 6);
    // Keep-alive: a tunnel carries many requests. At most one per vendor client and connection slot.
    expect(tunnels.length).toBeLessThan(sandboxRequests());
    expect(decoy.connections).toBe(0);
    expect(proxy.forwarded).toBe(0);
  });

  it("control: without a proxy, the address the provider is given reaches only the decoy", async () => {
    proxyEnv({});
    const before = decoy.connections;
    const uptrends = REGISTRY_KINDS.find((k) => k.kind === "UptrendsApiAccount")!;
    await expect(uptrends.handler.with(behindProxy()).read("00000000-0000-0000-0000-000000000001", {})).rejects.toThrow();
    expect(decoy.connections).toBeGreaterThan(before);
    decoy.reset();
  });

  it("apiidentity check: every vendor's probe (some make clients of their own) goes through the proxyUrl setting", async () => {
    proxyEnv({});
    const tunnelsBefore = proxy.tunnels.length;
    const settings = behindProxy({ APIIDENTITY_PROXY_URL: proxy.url });
    const reports = await Promise.all(allProbes().map((p) => runProbe(p, { write: false, throwAwayName: "apiidentity-check-net", settings })));
    for (const r of reports) expect(r.error, r.vendor).toBeUndefined();
    expect(reports.map((r) => r.status)).toEqual(reports.map(() => "ok"));
    const tunnels = proxy.tunnels.length - tunnelsBefore;
    console.log(`proxy (apiidentity check): ${reports.length} probes through ${tunnels} tunnels`);
    expect(tunnels).toBeGreaterThanOrEqual(reports.length);
    expect(decoy.connections).toBe(0);
  });

  it("apiidentity discover: every vendor's listing goes through HTTPS_PROXY / HTTP_PROXY", async () => {
    proxyEnv({ HTTPS_PROXY: proxy.url, HTTP_PROXY: proxy.url });
    const tunnelsBefore = proxy.tunnels.length;
    const settings = behindProxy();
    const found = await Promise.all(VENDORS.map((v) => v.discover.list(settings)));
    expect(found.every((list) => Array.isArray(list))).toBe(true);
    console.log(`proxy (apiidentity discover): ${VENDORS.length} vendors listed through ${proxy.tunnels.length - tunnelsBefore} tunnels`);
    expect(proxy.tunnels.length - tunnelsBefore).toBeGreaterThanOrEqual(VENDORS.length);
    expect(decoy.connections).toBe(0);
  });

  it("with NO_PROXY covering the sandbox host, or proxyUrl none, the proxy sees nothing", async () => {
    const before = { connections: proxy.connections, tunnels: proxy.tunnels.length };
    const direct = resolveSettings({ env: sandbox.config().env });
    proxyEnv({ HTTP_PROXY: proxy.url, HTTPS_PROXY: proxy.url, NO_PROXY: "example.com,127.0.0.1" });
    expect(await walkEveryKind(direct, "no-proxy")).toHaveLength(REGISTRY_KINDS.length);
    proxyEnv({ HTTP_PROXY: proxy.url, https_proxy: proxy.url });
    expect(await walkEveryKind(resolveSettings({ env: { ...sandbox.config().env, APIIDENTITY_PROXY_URL: "none" } }), "proxy-none")).toHaveLength(REGISTRY_KINDS.length);
    expect({ connections: proxy.connections, tunnels: proxy.tunnels.length }).toEqual(before);
  });

  it("plain http:// to a host that is not loopback stays refused, proxy or not, and the proxy sees nothing", () => {
    proxyEnv({ HTTP_PROXY: proxy.url });
    const before = proxy.connections;
    expect(() => new HttpClient({ vendor: "Uptrends", baseUrl: "http://api.example.com/v4" })).toThrow(ConfigurationError);
    expect(() => new HttpClient({ vendor: "Uptrends", baseUrl: "http://api.example.com/v4", network: { proxyUrl: proxy.url } })).toThrow(/use https:\/\//);
    expect(proxy.connections).toBe(before);
  });
});

describe("a proxy that refuses", () => {
  it("407: the error names the proxy without its credentials, says what to do, and asks once", async () => {
    const proxy = await startConnectProxy({ credentials: "jdoe:Right-Pr0xy-Pass", route: { [hiddenAuthority()]: sandbox.port } });
    try {
      proxyEnv({ HTTP_PROXY: `http://jdoe:Wrong-Pr0xy-Pass@127.0.0.1:${proxy.port}` });
      sandbox.clearRequests();
      const uptrends = REGISTRY_KINDS.find((k) => k.kind === "UptrendsApiAccount")!;
      const m = uptrends.handler.with(behindProxy());
      const err = await m.read("00000000-0000-0000-0000-000000000001", {}).then(
        () => undefined,
        (e: unknown) => e as Error,
      );
      expect(err).toBeDefined();
      const chain = [err!.message, String((err!.cause as Error | undefined)?.message)].join(" | ");
      expect(chain).toMatch(new RegExp(`the proxy http://127\\.0\\.0\\.1:${proxy.port} refused the tunnel with HTTP 407, so nothing reached the vendor: the proxy asks for credentials`));
      expect(chain).toMatch(/HTTPS_PROXY \/ HTTP_PROXY/);
      expect(chain).not.toMatch(/jdoe|Wrong-Pr0xy-Pass/);
      console.log(`proxy 407: ${proxy.connections} connection(s) to the proxy for one refused read`);
      // A refusal is final: one tunnel asked for, no retry.
      expect(proxy.connections).toBe(1);
      expect(proxy.tunnels).toEqual([]);
      expect(sandboxRequests()).toBe(0);

      // The same proxy with the right credentials in the URL carries the call.
      proxyEnv({ HTTP_PROXY: `http://jdoe:Right-Pr0xy-Pass@127.0.0.1:${proxy.port}` });
      expect((await uptrends.handler.with(behindProxy()).read("00000000-0000-0000-0000-000000000001", {})).id).toBeUndefined();
      expect(proxy.tunnels).toEqual([hiddenAuthority()]);
    } finally {
      await proxy.close();
    }
  });

  it("a closed connection: the error names the proxy, and the retries stay within the transport's budget (1 + 4)", async () => {
    const proxy = await startConnectProxy({ closeEveryTunnel: true });
    try {
      const client = new HttpClient({ vendor: "Uptrends", baseUrl: `http://${hiddenAuthority()}/v4`, network: { proxyUrl: `http://jdoe:Secret-Pr0xy@127.0.0.1:${proxy.port}` }, sleep: noSleep });
      const err = await client.request({ method: "GET", path: "/ApiUser" }).then(
        () => undefined,
        (e: unknown) => e as Error,
      );
      await client.close();
      expect(err).toBeInstanceOf(TransportError);
      expect((err as TransportError).code).toBe("PROXY");
      expect((err as TransportError).outcomeUnknown).toBe(false);
      expect(err!.message).toMatch(
        new RegExp(`^Uptrends GET /ApiUser: the proxy http://127\\.0\\.0\\.1:${proxy.port} could not open a tunnel, so nothing reached the vendor: the connection to the proxy failed \\([A-Z_]+\\); check that the proxy runs.* \\(the proxy comes from the setting apiidentity:proxyUrl \\(or APIIDENTITY_PROXY_URL\\)\\) after 5 attempts$`),
      );
      expect(err!.message).not.toMatch(/jdoe|Secret-Pr0xy/);
      console.log(`proxy closing every tunnel: ${proxy.connections} connections for one GET (1 attempt + 4 retries)`);
      expect(proxy.connections).toBe(5);
      expect(decoy.connections).toBe(0);
    } finally {
      await proxy.close();
    }
  });

  it("the debug log of calls through a proxy with credentials shows neither the user nor the password", async () => {
    const proxy = await startConnectProxy({ credentials: "jdoe:Right-Pr0xy-Pass", route: { [hiddenAuthority()]: sandbox.port } });
    const lines: string[] = [];
    const write = vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    });
    const debug = process.env.APIIDENTITY_DEBUG;
    process.env.APIIDENTITY_DEBUG = "1";
    try {
      const uptrends = REGISTRY_KINDS.find((k) => k.kind === "UptrendsApiAccount")!;
      for (const password of ["Right-Pr0xy-Pass", "Wrong-Pr0xy-Pass"]) {
        proxyEnv({ HTTP_PROXY: `http://jdoe:${password}@127.0.0.1:${proxy.port}` });
        await uptrends.handler.with(behindProxy()).read("00000000-0000-0000-0000-000000000002", {}).catch((e: unknown) => lines.push(String(e)));
      }
    } finally {
      write.mockRestore();
      if (debug === undefined) delete process.env.APIIDENTITY_DEBUG;
      else process.env.APIIDENTITY_DEBUG = debug;
      await proxy.close();
    }
    const text = lines.join("");
    expect(text).toMatch(/apiidentity: Uptrends GET \S+: HTTP 404/);
    expect(text).toMatch(/refused the tunnel with HTTP 407/);
    expect(text).not.toMatch(/jdoe|Pr0xy-Pass/);
  });

  it("a proxy URL that is not one is refused, without showing it", () => {
    expect(() => resolveAndConnect("not a url:Pa55word")).toThrow(/apiidentity:proxyUrl is not a URL \(value not shown/);
    expect(() => resolveAndConnect("socks5://127.0.0.1:1080")).toThrow(/must start with http:\/\/ or https:\/\//);
    try {
      resolveAndConnect("not a url:Pa55word");
    } catch (e) {
      expect((e as Error).message).not.toContain("Pa55word");
    }
  });
});

function resolveAndConnect(proxyUrl: string): HttpClient {
  return new HttpClient({ vendor: "Uptrends", baseUrl: "https://api.example.com/v4", network: { proxyUrl } });
}
