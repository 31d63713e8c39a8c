// The plugin as the engine runs it: the executable bin/pulumi-resource-apiidentity, reached through a
// link as npm installs it (node_modules/.bin), started with the engine's arguments from another
// directory (the engine uses the program's). It prints its port alone on stdout, fast, and what it
// logs on stderr holds no secret. Runs the built dist/ (npm test builds first).
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { ServiceError } from "@grpc/grpc-js";
import type * as P from "@pulumi/pulumi/proto/provider_pb.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../../sandbox/server.js";
import { packageRoot } from "./package-info.js";
import { grpc, provider, providerRpc } from "./proto.js";
import { secret, toStruct } from "./struct.js";

const dir = mkdtempSync(join(tmpdir(), "apiidentity-plugin-"));
const link = join(dir, "node_modules", ".bin", "pulumi-resource-apiidentity");

interface Started {
  child: ChildProcess;
  port: number;
  ms: number;
  stdout: () => string;
  stderr: () => string;
}

function start(env: Record<string, string>): Promise<Started> {
  const t0 = performance.now();
  // This Node first on PATH, as a user's shell has the Node they installed the package with.
  const child = spawn(link, ["127.0.0.1:1", "--logtostderr", "-v=9"], { cwd: dir, env: { PATH: `${dirname(process.execPath)}:/usr/bin:/bin`, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  let err = "";
  child.stderr!.on("data", (d: Buffer) => (err += d.toString()));
  return new Promise((resolve, reject) => {
    child.stdout!.on("data", (d: Buffer) => {
      out += d.toString();
      const line = /^(\d+)\n/.exec(out);
      if (line) resolve({ child, port: Number(line[1]), ms: performance.now() - t0, stdout: () => out, stderr: () => err });
    });
    child.on("exit", (code) => reject(new Error(`plugin exited ${code} before printing its port\n${err}`)));
  });
}

const stop = (s: Started) => new Promise<void>((resolve) => (s.child.exitCode !== null ? resolve() : (s.child.once("exit", () => resolve()), s.child.kill())));

let sb: Sandbox;
beforeAll(async () => {
  sb = await startSandbox();
  mkdirSync(dirname(link), { recursive: true });
  symlinkSync(join(packageRoot, "bin", "pulumi-resource-apiidentity"), link);
});
afterAll(async () => {
  await sb?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("bin/pulumi-resource-apiidentity", () => {
  it("prints only its port on stdout, within a second of being started", async () => {
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      const s = await start({});
      times.push(s.ms);
      expect(s.stdout()).toBe(`${s.port}\n`);
      await stop(s);
    }
    // Measured on the 2-core build machine: about 0.3 to 0.5 s, most of it loading @grpc/grpc-js.
    expect(Math.min(...times)).toBeLessThan(1000);
  });

  it("serves the protocol, and logs a vendor's refusal without any credential", async () => {
    const env = sb.config().env;
    // The credentials come from the environment here (the fallback), one of them wrong.
    const s = await start({ ...env, UPTRENDS_PASSWORD: "Wrong-Uptrends-Pass-7" });
    const client = new providerRpc.ResourceProviderClient(`127.0.0.1:${s.port}`, grpc.credentials.createInsecure());
    try {
      const configure = new provider.ConfigureRequest();
      configure.setArgs(toStruct({ ivantiPassword: secret(env.IVANTI_PASSWORD) }));
      await new Promise((res, rej) => client.configure(configure, (e, r) => (e ? rej(e) : res(r))));
      const req = new provider.CreateRequest();
      req.setUrn("urn:pulumi:dev::identities::apiidentity:index:UptrendsApiAccount::refused");
      req.setProperties(toStruct({ operatorGuid: sb.config().vendors.uptrends!.operatorGuid, description: "refused", __createKey: "identities/dev/UptrendsApiAccount/refused" }));
      const e = await new Promise<ServiceError>((res, rej) => client.create(req, (err: ServiceError | null, r: P.CreateResponse) => (err ? res(err) : rej(new Error(`created ${r.getId()}`)))));
      expect(e.details).toMatch(/^UptrendsApiAccount: .*401/);
    } finally {
      client.close();
      await stop(s);
    }
    expect(s.stderr()).toContain("apiidentity plugin: Create failed: UptrendsApiAccount:");
    for (const v of ["Wrong-Uptrends-Pass-7", env.UPTRENDS_PASSWORD!, env.IVANTI_PASSWORD!, env.IBM_VERIFY_CLIENT_SECRET!, env.UIPATH_CLIENT_SECRET!, env.AUTOMATION_ANYWHERE_API_KEY!]) {
      expect(s.stderr()).not.toContain(v);
    }
  });
});
