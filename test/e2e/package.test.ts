// The package as users get it: `npm pack` of the built checkout, installed from the tarball into an
// empty project (dependencies from the npm registry), then every `bin` run and the main export
// imported from there. The tarball must hold no test-only kind and nothing that needs the repository.
import { execFile, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type * as P from "@pulumi/pulumi/proto/provider_pb.js";
import { empty, grpc, plugin, provider, providerRpc } from "../../provider/plugin/proto.js";
import { repoRoot } from "./harness.js";

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

const root = mkdtempSync(join(tmpdir(), "apiidentity-package-"));
const project = join(root, "consumer");
// A clean environment: this Node first on PATH, no vendor settings inherited from the caller.
const env = { PATH: `${dirname(process.execPath)}:/usr/bin:/bin`, HOME: process.env.HOME ?? root, NO_COLOR: "1" };

function run(cmd: string, args: string[], opts: { cwd: string; timeout?: number; env?: Record<string, string> }): Promise<Run> {
  return new Promise((res) =>
    execFile(cmd, args, { cwd: opts.cwd, env: opts.env ?? env, timeout: opts.timeout ?? 60_000, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) =>
      res({ code: err ? (typeof err.code === "number" ? err.code : 1) : 0, stdout, stderr, timedOut: !!err?.killed }),
    ),
  );
}

const npm = (args: string[], cwd: string, timeout = 60_000) => run("npm", [...args, "--no-audit", "--no-fund", "--loglevel=error"], { cwd, timeout, env: { ...env, npm_config_update_notifier: "false" } });
const bin = (name: string, args: string[]) => run(join(project, "node_modules/.bin", name), args, { cwd: project });

let files: string[] = [];

beforeAll(async () => {
  // Packs what is built (npm test builds first); --ignore-scripts: no second build here.
  const pack = await npm(["pack", "--json", "--ignore-scripts", "--pack-destination", root], repoRoot);
  expect(pack.code, pack.stderr).toBe(0);
  const [info] = JSON.parse(pack.stdout) as { filename: string; files: { path: string }[] }[];
  files = info!.files.map((f) => f.path);
  mkdirSync(project);
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
  // Bounded: with a warm npm cache this takes seconds, a cold one downloads @pulumi/pulumi's tree.
  // npm waits 5 minutes for a stalled request by default; fail sooner and retry instead.
  const install = await npm(["install", "--prefer-offline", "--fetch-timeout=30000", "--fetch-retries=3", join(root, info!.filename)], project, 300_000);
  expect(install.code, `npm install of the tarball${install.timedOut ? " timed out" : ""}\n${install.stderr}`).toBe(0);
}, 400_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("npm pack", () => {
  it("ships the SDK, the provider with its kind modules, the sandbox, both bins and schema.json", () => {
    for (const f of ["package.json", "schema.json", "bin/apiidentity.js", "bin/apiidentity-sandbox.js", "bin/pulumi-resource-apiidentity", "dist/sdk/index.js", "dist/sdk/index.d.ts", "dist/provider/index.js", "dist/provider/bundles/load.cjs", "dist/provider/bundles/dynamic-runtime.cjs", "dist/provider/bundles/advice.cjs", "dist/sandbox/cli.js", "dist/cli/main.js"]) {
      expect(files).toContain(f);
    }
    for (const kind of ["IseApiUser", "UptrendsApiAccount", "ControlRoomUser", "VerifyApiClient", "UiPathRobotAccount"]) {
      expect(files).toContain(`dist/provider/dynamic/kinds/${kind}.cjs`);
    }
  });

  it("holds no test-only kind, no tests and nothing that needs the repository (demo, engine build)", () => {
    expect(files.filter((f) => /testing|memo|\.test\.|(^|\/)test\/|demo|local-project|engine\.sh|^scripts\//i.test(f))).toEqual([]);
  });
});

describe("installed from the tarball into an empty project", () => {
  it("imports the main export and the provider entry", async () => {
    const probe = `
      const sdk = await import("pulumi-apiidentity");
      const provider = await import("pulumi-apiidentity/provider");
      let testing = "exported";
      try { await import("pulumi-apiidentity/testing"); } catch (e) { testing = e.code; }
      let memo = "served";
      try { provider.handlerFor("TestingMemo"); } catch { memo = "unknown"; }
      console.log(JSON.stringify({ sdk: Object.keys(sdk).sort(), kinds: provider.allHandlers().map((h) => h.kind).sort(), testing, memo }));`;
    const r = await run(process.execPath, ["--input-type=module", "-e", probe], { cwd: project });
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { sdk: string[]; kinds: string[]; testing: string; memo: string };
    expect(out.sdk).toEqual(expect.arrayContaining(["IseApiUser", "UptrendsApiAccount", "ControlRoomUser", "VerifyApiClient", "UiPathRobotAccount"]));
    expect(out.kinds).toEqual(["ControlRoomUser", "IseApiUser", "UiPathRobotAccount", "UptrendsApiAccount", "VerifyApiClient"]);
    expect(out.testing).toBe("ERR_PACKAGE_PATH_NOT_EXPORTED");
    expect(out.memo).toBe("unknown");
  });

  it("apiidentity --help lists its commands (and no demo, which lives in the repository)", async () => {
    const r = await bin("apiidentity", ["--help"]);
    expect(r.code, r.stderr).toBe(0);
    for (const command of ["apiidentity drift", "apiidentity discover", "apiidentity check"]) expect(r.stdout).toContain(command);
    expect(r.stdout).not.toMatch(/demo/);
  });

  it("apiidentity check without any vendor settings exits 2 and says what to set", async () => {
    const r = await bin("apiidentity", ["check"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("no vendor is configured");
  });

  it("apiidentity-sandbox starts, prints where it listens first, serves `env`, and stops on SIGTERM", async () => {
    const child = spawn(join(project, "node_modules/.bin/apiidentity-sandbox"), ["--port", "0"], { cwd: project, env, stdio: ["ignore", "pipe", "pipe"] });
    const exited = new Promise<number | null>((res) => child.on("exit", (code, signal) => res(code ?? (signal ? 128 : null))));
    try {
      const firstLine = await new Promise<string>((res, rej) => {
        let buf = "";
        child.stdout.on("data", (d: Buffer) => {
          buf += d.toString();
          if (buf.includes("\n")) res(buf.split("\n")[0]!);
        });
        child.on("exit", (code) => rej(new Error(`apiidentity-sandbox exited ${code} before listening`)));
      });
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(firstLine)?.[1];
      expect(url, firstLine).toBeDefined();
      const r = await bin("apiidentity-sandbox", ["env", "--url", url!]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/^export UPTRENDS_BASE_URL=http:\/\/127\.0\.0\.1:\d+/m);
    } finally {
      child.kill("SIGTERM");
    }
    expect(await exited).toBe(0);
  });

  it("pulumi-resource-apiidentity starts from the install, prints its port, and serves the schema and version it was packed with", async () => {
    // As the engine starts a plugin: the engine's address as the argument (nothing listens there).
    const child = spawn(join(project, "node_modules/.bin/pulumi-resource-apiidentity"), ["127.0.0.1:1"], { cwd: project, env, stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<void>((res) => child.on("exit", () => res()));
    try {
      const port = await new Promise<number>((res, rej) => {
        let out = "";
        child.stdout.on("data", (d: Buffer) => {
          out += d.toString();
          const m = /^(\d+)\n/.exec(out);
          if (m) res(Number(m[1]));
        });
        child.on("exit", (code) => rej(new Error(`the plugin exited ${code} before printing its port\n${stderr}`)));
      });
      const client = new providerRpc.ResourceProviderClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
      try {
        const schema = await new Promise<P.GetSchemaResponse>((res, rej) => client.getSchema(new provider.GetSchemaRequest(), (e, r) => (e ? rej(e) : res(r))));
        expect(schema.getSchema()).toBe(readFileSync(join(project, "node_modules/pulumi-apiidentity/schema.json"), "utf8"));
        expect(Object.keys((JSON.parse(schema.getSchema()) as { resources: object }).resources)).toHaveLength(5);
        const info = await new Promise<InstanceType<typeof plugin.PluginInfo>>((res, rej) => client.getPluginInfo(new empty.Empty(), (e, r) => (e ? rej(e) : res(r))));
        const { version } = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as { version: string };
        expect(info.getVersion()).toBe(version);
      } finally {
        client.close();
      }
    } finally {
      child.kill("SIGTERM");
    }
    await exited;
  });
});
