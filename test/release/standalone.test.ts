// The standalone plugin binary as a user of YAML or Python gets it: `npm run release` builds the
// linux-amd64 archive and the Python packages (test/release/artefacts.ts, one build shared by the
// test files that need it), the archive is unpacked into an empty
// directory and the binary is started with no node, npm or node_modules anywhere it could look: a
// PATH of one empty directory, no environment beyond the vendor settings, and a working directory
// outside the repository. It prints its port first, serves the schema.json and version built into
// it, and creates and deletes an identity at the sandbox over the protocol the engine speaks.
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { promisify } from "node:util";
import type { ServiceError } from "@grpc/grpc-js";
import type * as EngineGrpc from "@pulumi/pulumi/proto/engine_grpc_pb.js";
import type * as P from "@pulumi/pulumi/proto/provider_pb.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { packageRoot } from "../../provider/plugin/package-info.js";
import { empty, grpc, plugin, provider, providerRpc } from "../../provider/plugin/proto.js";
import { fromStruct, toStruct } from "../../provider/plugin/struct.js";
import { startSandbox, type Sandbox } from "../../sandbox/server.js";
import { releaseArtefacts, type ReleaseArtefacts } from "./artefacts.js";

const run = promisify(execFile);
const { version } = JSON.parse(readFileSync(join(packageRoot, "package.json"), "utf8")) as { version: string };
const archive = `pulumi-resource-apiidentity-v${version}-linux-amd64.tar.gz`;

const dir = mkdtempSync(join(tmpdir(), "apiidentity-release-"));
let built: ReleaseArtefacts;
const unpacked = join(dir, "plugin");
const emptyPath = join(dir, "empty-path");
let sb: Sandbox;

type Client = InstanceType<typeof providerRpc.ResourceProviderClient>;
function unary<Req, Res>(client: Client, fn: (req: Req, cb: (e: ServiceError | null, r: Res) => void) => unknown, req: Req): Promise<Res> {
  return new Promise((resolve, reject) => fn.call(client, req, (e, r) => (e ? reject(e) : resolve(r))));
}

beforeAll(async () => {
  built = await releaseArtefacts();
  mkdirSync(unpacked);
  mkdirSync(emptyPath);
  await run("tar", ["-xzf", built.archive, "-C", unpacked]);
  sb = await startSandbox();
}, 300_000);
afterAll(async () => {
  await sb?.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Started {
  child: ChildProcess;
  port: number;
  stdout: () => string;
  stderr: () => string;
}

function start(env: Record<string, string>, engine = "127.0.0.1:1"): Promise<Started> {
  const child = spawn(join(unpacked, "pulumi-resource-apiidentity"), [engine], { cwd: unpacked, env: { PATH: emptyPath, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stderr!.on("data", (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve, reject) => {
    child.stdout!.on("data", (d: Buffer) => {
      stdout += d.toString();
      const m = /^(\d+)\n/.exec(stdout);
      if (m) resolve({ child, port: Number(m[1]), stdout: () => stdout, stderr: () => stderr });
    });
    child.on("error", reject);
    child.on("exit", (code) => reject(new Error(`the standalone plugin exited ${code} before printing its port\n${stderr}`)));
  });
}

const stop = (s: Started) => new Promise<void>((resolve) => (s.child.exitCode !== null ? resolve() : (s.child.once("exit", () => resolve()), s.child.kill())));

describe("npm run release -- --targets linux-amd64", () => {
  it("builds the archive and the Python wheel and sdist, names each in SHA256SUMS and its table, with the binary alone at the archive root", () => {
    const wheel = `pulumi_apiidentity-${version}-py3-none-any.whl`;
    const sdist = `pulumi_apiidentity-${version}.tar.gz`;
    expect([basename(built.archive), basename(built.wheel), basename(built.sdist)]).toEqual([archive, wheel, sdist]);
    expect(readdirSync(built.out).sort()).toEqual([archive, wheel, sdist, "SHA256SUMS", "build"].sort());
    const escaped = (name: string) => name.replaceAll(".", "\\.");
    expect(readFileSync(join(built.out, "SHA256SUMS"), "utf8")).toMatch(new RegExp(`^[0-9a-f]{64}  ${escaped(archive)}\\n[0-9a-f]{64}  ${escaped(wheel)}\\n[0-9a-f]{64}  ${escaped(sdist)}\\n$`));
    expect(built.log).toMatch(new RegExp(`^${escaped(archive)} +22\\.\\d+\\.\\d+ +[\\d.]+ MB +[\\d.]+ MB +[0-9a-f]{64}$`, "m"));
    for (const line of readFileSync(join(built.out, "SHA256SUMS"), "utf8").trim().split("\n")) {
      const [sum, name] = line.split("  ");
      expect(createHash("sha256").update(readFileSync(join(built.out, name!))).digest("hex"), name).toBe(sum);
    }
    for (const name of [wheel, sdist]) expect(built.log).toMatch(new RegExp(`^${escaped(name)} +- +- +[\\d.]+ kB +[0-9a-f]{64}$`, "m"));
    expect(built.log).toMatch(/^\[4\/5\] linux-amd64 \(1\/1\): blob, inject, archive: /m);
    expect(built.log).toMatch(/^\[5\/5\] Python SDK from schema\.json: wheel and sdist: /m);
    expect(readdirSync(unpacked)).toEqual(["pulumi-resource-apiidentity"]);
  });

  it("runs with no node on PATH: prints its port first and serves the built-in schema.json and version", async () => {
    expect(existsSync(join(emptyPath, "node"))).toBe(false);
    expect(readdirSync(emptyPath)).toEqual([]);
    const s = await start({});
    const client = new providerRpc.ResourceProviderClient(`127.0.0.1:${s.port}`, grpc.credentials.createInsecure());
    try {
      expect(s.stdout()).toBe(`${s.port}\n`);
      const schema = await unary<P.GetSchemaRequest, P.GetSchemaResponse>(client, client.getSchema, new provider.GetSchemaRequest());
      expect(schema.getSchema()).toBe(readFileSync(join(packageRoot, "schema.json"), "utf8"));
      const info = await unary<InstanceType<typeof empty.Empty>, InstanceType<typeof plugin.PluginInfo>>(client, client.getPluginInfo, new empty.Empty());
      expect(info.getVersion()).toBe(version);
    } finally {
      client.close();
      await stop(s);
    }
    expect(s.stderr()).not.toMatch(/ExperimentalWarning|Error/);
  });

  it("creates and deletes an identity at the sandbox, with the settings from its environment", async () => {
    const s = await start(sb.config().env);
    const client = new providerRpc.ResourceProviderClient(`127.0.0.1:${s.port}`, grpc.credentials.createInsecure());
    const urn = "urn:pulumi:dev::identities::apiidentity:index:UptrendsApiAccount::monitoring";
    try {
      await unary(client, client.configure, new provider.ConfigureRequest());
      const check = new provider.CheckRequest();
      check.setUrn(urn);
      check.setNews(toStruct({ operatorGuid: sb.config().vendors.uptrends!.operatorGuid, description: "standalone binary" }));
      const checked = await unary<P.CheckRequest, P.CheckResponse>(client, client.check, check);
      expect(checked.getFailuresList()).toEqual([]);
      const create = new provider.CreateRequest();
      create.setUrn(urn);
      create.setProperties(checked.getInputs()!);
      const created = await unary<P.CreateRequest, P.CreateResponse>(client, client.create, create);
      expect(created.getId()).not.toBe("");
      expect(fromStruct(created.getProperties()!)).toMatchObject({ description: "standalone binary", apiUserGuid: created.getId() });
      const remove = new provider.DeleteRequest();
      remove.setUrn(urn);
      remove.setId(created.getId());
      remove.setProperties(created.getProperties()!);
      await unary(client, client.delete, remove);
    } finally {
      client.close();
      await stop(s);
    }
  });

  it("sends a resource's warning to the engine's log, through the engine stubs built into it", async () => {
    // A stand-in for the engine's logging service, which the plugin reaches at the address it is given.
    const { EngineService } = createRequire(import.meta.url)("@pulumi/pulumi/proto/engine_grpc_pb.js") as typeof EngineGrpc;
    const logged: { severity: number; message: string; urn: string }[] = [];
    const engine = new grpc.Server();
    engine.addService(EngineService, {
      log: (call: { request: { getSeverity(): number; getMessage(): string; getUrn(): string } }, done: (e: null, r: InstanceType<typeof empty.Empty>) => void) => {
        logged.push({ severity: call.request.getSeverity(), message: call.request.getMessage(), urn: call.request.getUrn() });
        done(null, new empty.Empty());
      },
    });
    const enginePort = await new Promise<number>((res, rej) => engine.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (e, p) => (e ? rej(e) : res(p))));
    const s = await start(sb.config().env, `127.0.0.1:${enginePort}`);
    const client = new providerRpc.ResourceProviderClient(`127.0.0.1:${s.port}`, grpc.credentials.createInsecure());
    const urn = "urn:pulumi:dev::identities::apiidentity:index:IseApiUser::ise";
    try {
      await unary(client, client.configure, new provider.ConfigureRequest());
      const check = new provider.CheckRequest();
      check.setUrn(urn);
      check.setNews(toStruct({ emailAddress: "ise@example.com", firstName: " Cisco", lastName: "ISE", displayName: "Cisco ISE", password: "Ise-Integration-Pass-42", roles: ["Cisco ISE Operations"] }));
      const checked = await unary<P.CheckRequest, P.CheckResponse>(client, client.check, check);
      expect(checked.getFailuresList()).toEqual([]);
      await expect.poll(() => logged.length).toBeGreaterThan(0);
    } finally {
      client.close();
      await stop(s);
      engine.forceShutdown();
    }
    expect(logged).toEqual([{ severity: 2, urn, message: expect.stringMatching(/^firstName starts or ends with whitespace; Ivanti may trim it/) }]);
  });
});
