// The network path through the real engine: HTTPS_PROXY and NODE_EXTRA_CA_CERTS set in the pulumi
// CLI's environment reach the processes that call vendors (the program, for a lookup, and the dynamic
// provider), so one stack of every kind goes up and is destroyed through a loopback CONNECT proxy to a
// sandbox serving HTTPS with a certificate from a private CA; then a YAML stack does the same through
// the provider plugin with the proxyUrl (secret, with the proxy's credentials) and caCertificates
// settings. The vendors are configured at an address where only a decoy listens: the proxy alone maps
// it to the sandbox.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exampleInputs, heldIdentities, VENDOR_OF, type Kind } from "../../sandbox/kinds.js";
import { startSandbox, type Sandbox } from "../../sandbox/server.js";
import { startConnectProxy, startDecoy, type ConnectProxy, type Decoy } from "../transport/connect-proxy.js";
import { REGISTRY_KINDS } from "../transport/walk.js";
import { PulumiProject, resourcesOfType } from "./harness.js";
import { pluginProject, pluginResources } from "./plugin-programs.js";

const members = REGISTRY_KINDS.map((k, index) => {
  const name = `net-e2e-${index}`;
  return { kind: k.kind as Kind, name, args: exampleInputs(k.kind as Kind, { index, name, label: `${name} through the proxy` }) };
});

const program = `
import { getUptrendsOperator, ${[...new Set(members.map((m) => m.kind))].join(", ")} } from "pulumi-apiidentity";
// A lookup in the program process: the SDK's path to a vendor.
const operator = await getUptrendsOperator({ email: "admin@sandbox.uptrends.test" });
export const operatorGuid = operator.operatorGuid;
${members.map((m) => `new ${m.kind}(${JSON.stringify(m.name)}, ${JSON.stringify(m.args)});`).join("\n")}
`;

describe("through a proxy to a vendor behind a private CA, with the real engine", () => {
  let dir: string;
  let caFile: string;
  let sb: Sandbox;
  let decoy: Decoy;
  let proxy: ConnectProxy;
  let p: PulumiProject;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "apiidentity-e2e-network-"));
    caFile = join(dir, "sandbox-ca.pem");
    sb = await startSandbox({ tls: { caFile } });
    decoy = await startDecoy();
    const hidden = `127.0.0.1:${decoy.port}`;
    proxy = await startConnectProxy({ route: { [hidden]: sb.port } });
    const vendorEnv = Object.fromEntries(Object.entries(sb.config().env).map(([k, v]) => [k, v.split(`127.0.0.1:${sb.port}`).join(hidden)]));
    // Upper case only: the engine's own gRPC (grpc-js reads lower case; Go skips loopback) stays direct.
    p = await new PulumiProject({ program, env: { ...vendorEnv, HTTPS_PROXY: proxy.url } }).init();
  });
  afterAll(async () => {
    await proxy?.close();
    await decoy?.close();
    await sb?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const atSandbox = () => sb.requests().reduce((n, r) => n + r.count, 0);
  const held = () => members.filter((m) => heldIdentities(m.kind, sb.store.vendor(VENDOR_OF[m.kind])).some((h) => JSON.stringify(h).includes(m.name)));

  it("without NODE_EXTRA_CA_CERTS: the transport's TLS error, and nothing reaches the sandbox", async () => {
    const r = await p.run(["up", "--yes", "--skip-preview"]);
    expect(r.code).not.toBe(0);
    expect(r.stdout + r.stderr).toMatch(/TLS handshake failed, so nothing was sent: the server's certificate was refused/);
    expect(atSandbox()).toBe(0);
    expect(decoy.connections).toBe(0);
  });

  it("with NODE_EXTRA_CA_CERTS: up and destroy of every kind, and the program's lookup, all through the proxy", async () => {
    const trust = { NODE_EXTRA_CA_CERTS: caFile };
    const tunnelsBefore = proxy.tunnels.length;
    await p.ok(["up", "--yes", "--skip-preview"], trust);
    const { resources } = await p.exportStack();
    for (const m of members) expect(resourcesOfType(resources, m.kind).map((r) => r.id), m.kind).toHaveLength(1);
    expect(held().map((m) => m.kind)).toEqual(members.map((m) => m.kind));
    await p.ok(["destroy", "--yes", "--skip-preview"], trust);
    expect(held()).toEqual([]);
    const tunnels = proxy.tunnels.slice(tunnelsBefore);
    console.log(`e2e network: ${members.length} kinds up and destroyed, ${atSandbox()} requests at the sandbox through ${tunnels.length} tunnels of the proxy, ${decoy.connections} direct`);
    expect(tunnels.length).toBeGreaterThan(0);
    expect(new Set(tunnels)).toEqual(new Set([`127.0.0.1:${decoy.port}`]));
    expect(atSandbox()).toBeGreaterThanOrEqual(members.length * 2);
    expect(decoy.connections).toBe(0);
    expect(proxy.forwarded).toBe(0);
  });

  it("YAML through the plugin: the proxyUrl and caCertificates settings, the proxy's password in no output or state", async () => {
    const password = "Yaml-Pr0xy-Pa55word";
    const guarded = await startConnectProxy({ credentials: `jdoe:${password}`, route: { [`127.0.0.1:${decoy.port}`]: sb.port } });
    const programDir = join(dir, "yaml-program");
    mkdirSync(programDir);
    const resources = Object.fromEntries(members.map((m) => [m.name.replace(/-/g, ""), { type: `apiidentity:index:${m.kind}`, properties: m.args }]));
    writeFileSync(join(programDir, "Pulumi.yaml"), `name: net-yaml\nruntime: yaml\nresources: ${JSON.stringify(resources)}\n`);
    const vendorEnv = Object.fromEntries(Object.entries(sb.config().env).map(([k, v]) => [k, v.split(`127.0.0.1:${sb.port}`).join(`127.0.0.1:${decoy.port}`)]));
    const y = pluginProject({ programDir, env: vendorEnv, stack: "yaml" });
    try {
      await y.init();
      await y.setConfig("apiidentity:proxyUrl", `http://jdoe:${password}@127.0.0.1:${guarded.port}`, true);
      await y.setConfig("apiidentity:caCertificates", caFile);
      const outputs = [await y.ok(["up", "--yes", "--skip-preview"])];
      const state = await y.exportStack();
      expect(pluginResources(state.resources).map((r) => r.type.split(":").at(-1)).sort()).toEqual(members.map((m) => m.kind).sort());
      expect(held().map((m) => m.kind)).toEqual(members.map((m) => m.kind));
      outputs.push(await y.ok(["destroy", "--yes", "--skip-preview"]));
      expect(held()).toEqual([]);
      console.log(`e2e network (YAML, plugin): ${members.length} kinds up and destroyed through ${guarded.tunnels.length} tunnels of a proxy that asks for credentials, ${decoy.connections} direct`);
      expect(guarded.tunnels.length).toBeGreaterThan(0);
      expect(new Set(guarded.tunnels)).toEqual(new Set([`127.0.0.1:${decoy.port}`]));
      expect(decoy.connections).toBe(0);
      for (const o of outputs) expect(o.stdout + o.stderr).not.toContain(password);
      expect(state.raw).not.toContain(password);
      // The stack's config file holds the setting encrypted.
      expect(readFileSync(join(y.dir, "Pulumi.yaml.yaml"), "utf8")).toMatch(/apiidentity:proxyUrl:\s+secure:/);
      expect(readFileSync(join(y.dir, "Pulumi.yaml.yaml"), "utf8")).not.toContain(password);
    } finally {
      y.cleanup();
      await guarded.close();
    }
  });
});
