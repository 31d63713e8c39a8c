// A vendor (or a proxy that intercepts TLS) whose certificate a private CA signed: the caCertificates
// setting, as PEM text or as the path of a PEM file, makes the walk of every kind pass over HTTPS;
// without it the transport's TLS error comes and the sandbox receives nothing. NODE_EXTRA_CA_CERTS,
// read by Node when a process starts, is proven through the real engine (test/e2e/network.test.ts).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordingNotes } from "../../provider/notes.js";
import { resolveSettings, type Settings } from "../../provider/settings.js";
import { exampleInputs, type Kind } from "../../sandbox/kinds.js";
import { startSandbox, type Sandbox } from "../../sandbox/server.js";
import { startConnectProxy, startDecoy, type ConnectProxy, type Decoy } from "./connect-proxy.js";
import { REGISTRY_KINDS, walkEveryKind } from "./walk.js";

let dir: string;
let caFile: string;
let sandbox: Sandbox;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "apiidentity-private-ca-"));
  caFile = join(dir, "sandbox-ca.pem");
  sandbox = await startSandbox({ tls: { caFile } });
});
afterAll(async () => {
  await sandbox.close();
  rmSync(dir, { recursive: true, force: true });
});

const settingsWith = (extra: Record<string, string> = {}): Settings => resolveSettings({ env: { ...sandbox.config().env, ...extra } });
const sandboxRequests = () => sandbox.requests().reduce((n, r) => n + r.count, 0);

describe("a sandbox serving HTTPS with a certificate from its own CA", () => {
  it("serves https:// and writes its CA (PEM) where asked", () => {
    expect(sandbox.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(Object.values(sandbox.config().env).filter((v) => v.startsWith("http"))).not.toHaveLength(0);
    for (const v of Object.values(sandbox.config().env)) if (/^https?:/.test(v)) expect(v).toMatch(/^https:\/\//);
    expect(readFileSync(caFile, "utf8")).toBe(sandbox.caPem);
    expect(sandbox.caPem).toMatch(/^-----BEGIN CERTIFICATE-----/);
  });

  it("without the CA trusted: the transport's TLS error for every kind, and nothing reaches the sandbox", async () => {
    sandbox.clearRequests();
    const settings = settingsWith();
    for (const [index, k] of REGISTRY_KINDS.entries()) {
      const m = k.handler.with(settings, recordingNotes());
      const { inputs } = await m.check(undefined, exampleInputs(k.kind as Kind, { index, name: `ca-none-${index}`, label: "untrusted" }));
      const err = await m.create(inputs).then(
        () => undefined,
        (e: unknown) => e as Error,
      );
      const chain = [err?.message, (err?.cause as Error | undefined)?.message].join(" | ");
      expect(chain, k.kind).toMatch(/TLS handshake failed, so nothing was sent: the server's certificate was refused \([A-Z_]+\); it must be valid for this host and issued by an authority Node\.js trusts \(a private one: the caCertificates setting, or NODE_EXTRA_CA_CERTS set before the process starts\)/);
    }
    expect(sandbox.requests()).toEqual([]);
  });

  it.each([
    ["PEM text", () => readFileSync(caFile, "utf8")],
    ["the path of a PEM file", () => caFile],
  ])("with caCertificates as %s, the lifecycle of every kind passes", async (how, value) => {
    sandbox.clearRequests();
    const walked = await walkEveryKind(settingsWith({ APIIDENTITY_CA_CERTIFICATES: value() }), `ca-${how.replace(/\W+/g, "-")}`);
    expect(walked).toEqual(REGISTRY_KINDS.map((k) => k.kind));
    console.log(`private CA (${how}): ${walked.length} kinds walked over HTTPS, ${sandboxRequests()} requests`);
    expect(sandboxRequests()).toBeGreaterThanOrEqual(walked.length * 6);
  });

  it("a caCertificates path that cannot be read, or holds no certificate, is a configuration error naming the setting", async () => {
    const uptrends = REGISTRY_KINDS.find((k) => k.kind === "UptrendsApiAccount")!;
    const notPem = join(dir, "not-pem.txt");
    writeFileSync(notPem, "just text\n");
    await expect(uptrends.handler.with(settingsWith({ APIIDENTITY_CA_CERTIFICATES: join(dir, "missing.pem") })).read("x", {})).rejects.toThrow(
      /apiidentity:caCertificates: cannot read the file .*missing\.pem \(ENOENT\); give PEM text/,
    );
    await expect(uptrends.handler.with(settingsWith({ APIIDENTITY_CA_CERTIFICATES: notPem })).read("x", {})).rejects.toThrow(/apiidentity:caCertificates: the file .*not-pem\.txt holds no PEM certificate/);
  });

  describe("through a CONNECT proxy (https_proxy, lower case)", () => {
    let proxy: ConnectProxy;
    let decoy: Decoy;
    const saved = process.env.https_proxy;
    beforeAll(async () => {
      decoy = await startDecoy();
      proxy = await startConnectProxy({ route: { [`127.0.0.1:${decoy.port}`]: sandbox.port } });
      process.env.https_proxy = proxy.url;
    });
    afterAll(async () => {
      if (saved === undefined) delete process.env.https_proxy;
      else process.env.https_proxy = saved;
      await proxy.close();
      await decoy.close();
    });

    it("TLS to the vendor inside the tunnel trusts caCertificates too", async () => {
      const env = Object.fromEntries(Object.entries(sandbox.config().env).map(([k, v]) => [k, v.split(`127.0.0.1:${sandbox.port}`).join(`127.0.0.1:${decoy.port}`)]));
      const walked = await walkEveryKind(resolveSettings({ env: { ...env, APIIDENTITY_CA_CERTIFICATES: caFile } }), "ca-proxy");
      expect(walked).toHaveLength(REGISTRY_KINDS.length);
      console.log(`private CA through the proxy: ${walked.length} kinds walked through ${proxy.tunnels.length} tunnels`);
      expect(new Set(proxy.tunnels)).toEqual(new Set([`127.0.0.1:${decoy.port}`]));
      expect(decoy.connections).toBe(0);
    });
  });
});
