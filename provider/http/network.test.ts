import { rootCertificates } from "node:tls";
import { Agent, EnvHttpProxyAgent } from "undici";
import { afterEach, describe, expect, it } from "vitest";
import { ConfigurationError } from "../error-root.js";
import { currentNetwork, networkDispatcher, networkOf, ProxyError, trustedAuthorities, withNetworkOf } from "./network.js";
import { PerSettings } from "./per-settings.js";

const limits = { connections: 2, keepAliveTimeoutMs: 1000, connectTimeoutMs: 1000 };
const PEM = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";
const savedProxy = process.env.HTTPS_PROXY;

afterEach(() => {
  if (savedProxy === undefined) delete process.env.HTTPS_PROXY;
  else process.env.HTTPS_PROXY = savedProxy;
});

describe("the network of a settings value", () => {
  it("reads proxyUrl and caCertificates, and nothing else", () => {
    expect(networkOf({ proxyUrl: "http://p:3128", caCertificates: PEM, uptrendsPassword: "x" })).toEqual({ proxyUrl: "http://p:3128", caCertificates: PEM });
    expect(networkOf({})).toEqual({ proxyUrl: undefined, caCertificates: undefined });
  });

  it("is the scope's while PerSettings makes a client, awaits included, and none outside", async () => {
    const seen: unknown[] = [];
    const clients = new PerSettings((_s: object) => seen.push(currentNetwork()));
    clients.get({ proxyUrl: "none" });
    expect(seen).toEqual([{ proxyUrl: "none", caCertificates: undefined }]);
    expect(currentNetwork()).toBeUndefined();
    await withNetworkOf({ caCertificates: PEM }, async () => {
      await new Promise((r) => setTimeout(r, 1));
      expect(currentNetwork()?.caCertificates).toBe(PEM);
    });
  });
});

describe("the dispatcher", () => {
  it("is undici's EnvHttpProxyAgent, or a plain Agent for proxyUrl none (any case)", async () => {
    const env = networkDispatcher({}, limits);
    const none = networkDispatcher({ proxyUrl: " None " }, limits);
    expect(env).toBeInstanceOf(EnvHttpProxyAgent);
    expect(none).toBeInstanceOf(Agent);
    expect(none).not.toBeInstanceOf(EnvHttpProxyAgent);
    await Promise.all([env.close(), none.close()]);
  });

  it("refuses a proxyUrl that is no http(s) URL, and an unusable HTTPS_PROXY, without showing either", () => {
    expect(() => networkDispatcher({ proxyUrl: "proxy.example.com:3128 with S3cret-Pw" }, limits)).toThrow(ConfigurationError);
    expect(() => networkDispatcher({ proxyUrl: "proxy.example.com:3128 with S3cret-Pw" }, limits)).not.toThrow(/S3cret-Pw/);
    expect(() => networkDispatcher({ proxyUrl: "ftp://proxy.example.com" }, limits)).toThrow(/apiidentity:proxyUrl must start with http:\/\/ or https:\/\//);
    process.env.HTTPS_PROXY = "http://jdoe:S3cret-Pw@[bad";
    let message = "";
    try {
      networkDispatcher({}, limits);
    } catch (e) {
      message = (e as Error).message;
      expect(e).toBeInstanceOf(ConfigurationError);
      expect((e as Error).cause).toBeUndefined();
    }
    expect(message).toMatch(/the proxy in HTTPS_PROXY \/ HTTP_PROXY .* is not a URL undici can use \(value not shown/);
    expect(message).not.toMatch(/jdoe|S3cret-Pw/);
  });
});

describe("trusted authorities", () => {
  it("leave Node's default alone without caCertificates", () => {
    expect(trustedAuthorities(undefined)).toBeUndefined();
    expect(trustedAuthorities("  ")).toBeUndefined();
  });

  it("add the given PEM to Node's own authorities, never replace them", () => {
    const ca = trustedAuthorities(PEM)!;
    expect(ca.at(-1)).toBe(PEM);
    expect(ca.length).toBeGreaterThanOrEqual(rootCertificates.length + 1);
    expect(ca).toEqual(expect.arrayContaining([rootCertificates[0]]));
  });
});

describe("ProxyError", () => {
  it("is final when the proxy answered a status, and names the proxy by its origin only", () => {
    expect(new ProxyError("http://proxy.example.com:3128", 407).final).toBe(true);
    expect(new ProxyError("http://proxy.example.com:3128", 407).message).toBe("the proxy http://proxy.example.com:3128 refused the tunnel with HTTP 407");
    const dropped = new ProxyError("http://proxy.example.com:3128", undefined, { cause: new Error("socket hang up") });
    expect(dropped.final).toBe(false);
    expect(dropped.message).toBe("the proxy http://proxy.example.com:3128 could not open a tunnel");
  });
});
