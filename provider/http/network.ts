// The network path of every HttpClient: undici's EnvHttpProxyAgent (HTTPS_PROXY, HTTP_PROXY and
// NO_PROXY, either case) or the `proxyUrl` setting, and the certificate authorities it trusts (Node's
// own, NODE_EXTRA_CA_CERTS included, plus the `caCertificates` setting). Proxying and TLS are
// undici's and Node's; this file only chooses their options and says when a failure was the proxy's.
import { AsyncLocalStorage } from "node:async_hooks";
import { readFileSync } from "node:fs";
import { getCACertificates } from "node:tls";
import { Agent, EnvHttpProxyAgent, Pool, type Dispatcher } from "undici";
import { ApiIdentityError, ConfigurationError } from "../error-root.js";

/** The network settings of one settings value: what `apiidentity:proxyUrl` and `apiidentity:caCertificates` hold. */
export interface Network {
  /** A proxy URL, `none` (no proxy whatever the environment says), or undefined (the environment decides). */
  proxyUrl?: string | undefined;
  /** PEM text, or the path of a PEM file. */
  caCertificates?: string | undefined;
}

/** The network of a settings value (a value without these settings has none: the environment decides). */
export function networkOf(settings: object): Network {
  const s = settings as { proxyUrl?: unknown; caCertificates?: unknown };
  return {
    proxyUrl: typeof s.proxyUrl === "string" ? s.proxyUrl : undefined,
    caCertificates: typeof s.caCertificates === "string" ? s.caCertificates : undefined,
  };
}

/** Where the proxy came from, for the messages that tell the user what to fix. */
export function proxySource(network: Network): string {
  return network.proxyUrl !== undefined ? "the setting apiidentity:proxyUrl (or APIIDENTITY_PROXY_URL)" : "HTTPS_PROXY / HTTP_PROXY (either case)";
}

/** A proxy failed to open the tunnel: it refused (an HTTP status) or the connection to it failed. Nothing reached the vendor. */
export class ProxyError extends ApiIdentityError {
  /** `origin`: the proxy's origin, which never holds its user name or password. */
  constructor(
    readonly origin: string,
    readonly status: number | undefined,
    options?: { cause: unknown },
  ) {
    super(status === undefined ? `the proxy ${origin} could not open a tunnel` : `the proxy ${origin} refused the tunnel with HTTP ${status}`, options);
  }

  /** Refused by status (407, 403, …): the same request would be refused again. */
  get final(): boolean {
    return this.status !== undefined;
  }
}

/**
 * The connection to the proxy, which opens the CONNECT tunnels: a failure there, or an answer other
 * than 200, becomes a ProxyError naming the proxy by its origin.
 */
class ProxyConnection extends Pool {
  private readonly shown: string;

  constructor(url: URL, options: Pool.Options) {
    super(url, options);
    this.shown = url.origin;
  }

  override connect(options: Dispatcher.ConnectOptions): Promise<Dispatcher.ConnectData>;
  override connect(options: Dispatcher.ConnectOptions, callback: (err: Error | null, data: Dispatcher.ConnectData) => void): void;
  override connect(options: Dispatcher.ConnectOptions, callback?: (err: Error | null, data: Dispatcher.ConnectData) => void): Promise<Dispatcher.ConnectData> | void {
    const tunnel = super.connect(options).then(
      (data) => {
        if (data.statusCode === 200) return data;
        data.socket.on("error", () => undefined).destroy();
        throw new ProxyError(this.shown, data.statusCode);
      },
      (e: unknown) => {
        throw new ProxyError(this.shown, undefined, { cause: e });
      },
    );
    if (!callback) return tunnel;
    tunnel.then(
      (data) => callback(null, data),
      (e: Error) => callback(e, undefined as unknown as Dispatcher.ConnectData),
    );
  }
}

const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----/;

/**
 * The authorities to trust: undefined leaves Node's default (its bundle and NODE_EXTRA_CA_CERTS);
 * with `caCertificates`, that default plus the given ones (a `ca` option alone would replace it).
 */
export function trustedAuthorities(caCertificates: string | undefined): string[] | undefined {
  if (caCertificates === undefined || caCertificates.trim() === "") return undefined;
  let pem = caCertificates;
  if (!PEM_CERTIFICATE.test(caCertificates)) {
    try {
      pem = readFileSync(caCertificates.trim(), "utf8");
    } catch (e) {
      const code = (e as { code?: unknown }).code;
      throw new ConfigurationError(
        `apiidentity:caCertificates: cannot read the file ${caCertificates.trim()} (${typeof code === "string" ? code : "unreadable"}); give PEM text (-----BEGIN CERTIFICATE-----) or the path of a readable PEM file`,
      );
    }
    if (!PEM_CERTIFICATE.test(pem)) {
      throw new ConfigurationError(`apiidentity:caCertificates: the file ${caCertificates.trim()} holds no PEM certificate (-----BEGIN CERTIFICATE-----); give a PEM file of the certificate authorities to trust`);
    }
  }
  return [...getCACertificates("default"), pem];
}

export interface PoolLimits {
  connections: number;
  keepAliveTimeoutMs: number;
  connectTimeoutMs: number;
}

/** Settings value `proxyUrl` as undici's proxy, or `none`; a URL undici could not use is refused here, unprinted (it may hold a password). */
function proxySetting(value: string | undefined): URL | "none" | undefined {
  if (value === undefined || value.trim() === "") return undefined;
  if (value.trim().toLowerCase() === "none") return "none";
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new ConfigurationError("apiidentity:proxyUrl is not a URL (value not shown: it may hold a password); give http://host:port, with user:password@ if the proxy asks for them, or none");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new ConfigurationError(`apiidentity:proxyUrl must start with http:// or https:// (got ${url.protocol}//); give http://host:port, or none`);
  }
  return url;
}

/**
 * The dispatcher of one HttpClient: its own pools, with these limits, through the proxy the setting
 * or the environment names (CONNECT tunnels for every origin, so a proxy sees no request in clear).
 */
export function networkDispatcher(network: Network, limits: PoolLimits): Dispatcher {
  const ca = trustedAuthorities(network.caCertificates);
  const tls = ca ? { ca } : {};
  const base = { keepAliveTimeout: limits.keepAliveTimeoutMs, connections: limits.connections, pipelining: 1, connect: { timeout: limits.connectTimeoutMs, ...tls } };
  const proxy = proxySetting(network.proxyUrl);
  if (proxy === "none") return new Agent(base);
  const chosen = proxy === undefined ? {} : { httpProxy: proxy.href, httpsProxy: proxy.href };
  try {
    return new EnvHttpProxyAgent({
      ...base,
      ...chosen,
      proxyTunnel: true,
      connectTimeout: limits.connectTimeoutMs,
      requestTls: tls,
      proxyTls: tls,
      clientFactory: (origin: URL, options: object) => new ProxyConnection(origin, options as Pool.Options),
    });
  } catch (e) {
    if (proxy !== undefined) throw e;
    // Neither the value nor undici's error about it is kept: a proxy URL may hold a password.
    throw new ConfigurationError(`the proxy in HTTPS_PROXY / HTTP_PROXY (or its lower-case spelling) is not a URL undici can use (value not shown: it may hold a password; ${e instanceof Error ? e.constructor.name : "error"}); give http://host:port`);
  }
}

/**
 * The network of the settings value whose clients are being made. Vendor clients make their
 * HttpClients from settings they derive; PerSettings (and the probe runner) make them inside this
 * scope, so each HttpClient, token clients included, uses the network of the settings it serves
 * without every vendor passing it along.
 */
const scope = new AsyncLocalStorage<Network>();

/** Runs `fn` (and what it awaits) with the network of `settings`. */
export function withNetworkOf<T>(settings: object, fn: () => T): T {
  return scope.run(networkOf(settings), fn);
}

/** The network of the scope, or undefined outside any (the environment decides). */
export function currentNetwork(): Network | undefined {
  return scope.getStore();
}
