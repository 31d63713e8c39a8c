// A sixth vendor, added as a contributor adds one: a copy of this checkout gets the test-only vendor
// of test/vendors/example/ as its two folders, one import and one list entry in each registry, and
// `npm run gen`; nothing else is edited. The vendor then shows in schema.json and the plugin's
// schema, a generated SDK class, the docs tables, `apiidentity check`, `discover` and `orphans`, and
// a lifecycle through the real engine from a TypeScript program (dynamic resource) and from a YAML
// program (provider plugin), with what the emulator holds counted after each step.
import { execFile, execFileSync, spawn } from "node:child_process";
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type * as P from "@pulumi/pulumi/proto/provider_pb.js";
import { pulumiEngine } from "../../cli/local-project.js";
import { grpc, provider, providerRpc } from "../../provider/plugin/proto.js";
import type { Sandbox } from "../../sandbox/server.js";
import { repoRoot } from "./harness.js";

type LocalProject = typeof import("../../cli/local-project.js");
type SandboxServer = typeof import("../../sandbox/server.js");

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(cmd: string, args: string[], cwd: string, env: Record<string, string> = process.env as Record<string, string>): Promise<Run> {
  return new Promise((res) =>
    execFile(cmd, args, { cwd, env, maxBuffer: 64 * 1024 * 1024, timeout: 300_000 }, (err, stdout, stderr) =>
      res({ code: err ? (typeof err.code === "number" ? err.code : 1) : 0, stdout, stderr }),
    ),
  );
}

async function ok(cmd: string, args: string[], cwd: string, env?: Record<string, string>): Promise<Run> {
  const r = await run(cmd, args, cwd, env);
  if (r.code !== 0) throw new Error(`${cmd} ${args.join(" ")} exited ${r.code}\n${r.stdout}\n${r.stderr}`);
  return r;
}

const root = mkdtempSync(join(tmpdir(), "apiidentity-sixth-"));
const checkout = join(root, "repo");
const git = (...args: string[]) => execFileSync("git", ["-c", "user.name=sixth", "-c", "user.email=sixth@example.com", ...args], { cwd: checkout, encoding: "utf8" });

const KIND = "ExampleServiceAccount";
const REGISTRIES = {
  "provider/vendors/index.ts": 'import { vendor as example } from "./example/index.js";',
  "sandbox/vendors/index.ts": 'import { example } from "./example/index.js";',
} as const;
/** What `npm run gen` writes for one more kind and lookup (besides the tables of the existing pages). */
const GENERATED = ["schema.json", "sdk/index.ts", "sdk/lookups.ts", "sdk/example-service-account.ts", `provider/dynamic/kinds/${KIND}.cts`, `docs/resources/${KIND}.md`];

/**
 * The checkout's own tests that hold each module of the registry to its rules (setting names, load
 * order, generated outputs, the names of each folder's exports), and those that iterate the registry (the kinds served and declared, each
 * lookup and diff against the sandbox, the CLI's vendor names, no vendor named outside its folders).
 */
const REGISTRY_TESTS = [
  "provider/vendors/index.test.ts",
  "provider/vendors/load-order.test.ts",
  "test/registry-outputs.test.ts",
  "test/vendor-folders.test.ts",
  "provider/handlers.test.ts",
  "provider/declare.test.ts",
  "cli/vendor-keys.test.ts",
  "test/vendor-names.test.ts",
];
/** The vendor's own tests, in its two folders: the emulator's contract and the handler against it. */
const VENDOR_TESTS = ["sandbox/vendors/example/service-accounts.contract.test.ts", "provider/vendors/example/handler.integration.test.ts"];

/** The files a checkout of this working tree has: tracked ones, and new ones not committed yet. */
function copyCheckout(): void {
  const files = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: repoRoot, encoding: "utf8" }).split("\0").filter(Boolean);
  for (const f of files) {
    // Deleted in the working tree but still in the index: a checkout of it would not have it either.
    if (!existsSync(join(repoRoot, f))) continue;
    mkdirSync(dirname(join(checkout, f)), { recursive: true });
    cpSync(join(repoRoot, f), join(checkout, f));
  }
  symlinkSync(join(repoRoot, "node_modules"), join(checkout, "node_modules"), "dir");
  git("init", "-q");
  // The link is a file to git, which `node_modules/` in .gitignore does not match.
  appendFileSync(join(checkout, ".git/info/exclude"), "/node_modules\n");
  git("add", "-A");
  git("commit", "-q", "-m", "the checkout before the sixth vendor");
}

/** What a contributor does: the two folders, and in each registry one import and the vendor appended to its list. */
function addVendor(): void {
  cpSync(join(repoRoot, "test/vendors/example/provider"), join(checkout, "provider/vendors/example"), { recursive: true });
  cpSync(join(repoRoot, "test/vendors/example/sandbox"), join(checkout, "sandbox/vendors/example"), { recursive: true });
  for (const [file, importLine] of Object.entries(REGISTRIES)) {
    const lines = readFileSync(join(checkout, file), "utf8").split("\n");
    lines.splice(lines.findLastIndex((l) => l.startsWith("import ")) + 1, 0, importLine);
    const text = lines.join("\n");
    // Before the closing bracket, after any trailing comma and line break of a list written one per line.
    const listed = text.replace(/(export const \w+ = \[[^\]]*?)(,?\s*)\]/, "$1, example$2]");
    if (listed === text) throw new Error(`no vendor list in ${file}`);
    writeFileSync(join(checkout, file), listed);
  }
}

let sb: Sandbox;
let local: LocalProject;
let apiKey = "";
let baseUrl = "";

interface HeldAccount {
  id: string;
  name: string;
  description: string;
  groupId: string | null;
  token: string;
  createdBy: string | null;
}

/** The service accounts the emulator holds. */
async function held(): Promise<HeldAccount[]> {
  const state = (await (await fetch(`${sb.url}/_sandbox/state`)).json()) as { vendors: Record<string, { accounts: HeldAccount[] }> };
  return state.vendors.example!.accounts;
}

/** An administrator edits an account in the vendor's console. */
async function editAtVendor(id: string, description: string): Promise<void> {
  const r = await fetch(`${baseUrl}/service-accounts/${id}`, { method: "PATCH", headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" }, body: JSON.stringify({ description }) });
  expect(r.status).toBe(200);
}

/** The vendor's create calls since the last `clearRequests`. */
const creates = () => sb.requests().filter((r) => r.vendor === "example" && r.method === "POST").reduce((n, r) => n + r.count, 0);

const cli = (args: string[], env: Record<string, string>) => run(process.execPath, [join(checkout, "bin/apiidentity.js"), ...args], checkout, env);

/** A Pulumi project using the copy as its installed package, with the sandbox's settings in its environment. */
class Project {
  readonly dir: string;
  readonly env: Record<string, string>;

  constructor(name: string, files: Record<string, string>, plugin = false) {
    const home = join(root, name);
    this.dir = join(home, "program");
    mkdirSync(this.dir, { recursive: true });
    mkdirSync(join(home, "pulumi-state"));
    for (const [f, text] of Object.entries(files)) writeFileSync(join(this.dir, f), text);
    local.installLocalPackage(this.dir);
    this.env = { ...local.offlinePulumiEnv(home, pulumiEngine(), "sixth"), NO_COLOR: "1", ...sb.config().env };
    // The engine finds the plugin where npm puts it.
    if (plugin) this.env.PATH = `${join(this.dir, "node_modules/pulumi-apiidentity/bin")}:${this.env.PATH}`;
  }

  pulumi(...args: string[]): Promise<Run> {
    return ok(join(pulumiEngine(), "pulumi"), [...args, "--non-interactive", "--cwd", this.dir], this.dir, this.env);
  }

  async resources(): Promise<{ urn: string; type: string; id?: string; outputs?: Record<string, unknown> }[]> {
    const exported = JSON.parse((await this.pulumi("stack", "export")).stdout) as { deployment: { resources?: { urn: string; type: string; id?: string; outputs?: Record<string, unknown> }[] } };
    return (exported.deployment.resources ?? []).filter((r) => r.type.endsWith(`apiidentity:${KIND}`) || r.type === `apiidentity:index:${KIND}`);
  }

  async outputs(): Promise<Record<string, unknown>> {
    return JSON.parse((await this.pulumi("stack", "output", "--json", "--show-secrets")).stdout) as Record<string, unknown>;
  }
}

beforeAll(async () => {
  copyCheckout();
  addVendor();
  await ok("npm", ["run", "gen", "--silent"], checkout);
  local = (await import(join(checkout, "dist/cli/local-project.js"))) as LocalProject;
  const server = (await import(join(checkout, "dist/sandbox/server.js"))) as SandboxServer;
  sb = await server.startSandbox();
  const config = sb.config().vendors.example!;
  baseUrl = config.baseUrl!;
  apiKey = config.apiKey!;
}, 300_000);

afterAll(async () => {
  await sb?.close();
  rmSync(root, { recursive: true, force: true });
});

describe("a sixth vendor added by its two folders and one line in each registry", () => {
  it("changes nothing else: the two folders, the two registry entries and what the generators write", () => {
    const changed = git("status", "--porcelain", "--untracked-files=all")
      .split("\n")
      .filter(Boolean)
      .map((l) => l.slice(3));
    const inFolders = changed.filter((f) => f.startsWith("provider/vendors/example/") || f.startsWith("sandbox/vendors/example/"));
    const folderFiles = (side: string) => readdirSync(join(repoRoot, "test/vendors/example", side)).map((f) => `${side}/vendors/example/${f}`);
    expect(inFolders.sort()).toEqual([...folderFiles("provider"), ...folderFiles("sandbox")].sort());
    // The plugin's TypeScript SDK (plugin-sdk/, Pulumi's own generator) gains the kind's class, and its provider the settings.
    const pluginSdk = changed.filter((f) => f.startsWith("plugin-sdk/"));
    expect(pluginSdk).toEqual(expect.arrayContaining(["plugin-sdk/exampleServiceAccount.ts", "plugin-sdk/provider.ts"]));
    const rest = changed.filter((f) => !inFolders.includes(f) && !pluginSdk.includes(f));
    expect(rest.sort()).toEqual([...Object.keys(REGISTRIES), ...GENERATED].sort());
    for (const f of GENERATED.filter((g) => g.endsWith(".ts") || g.endsWith(".cts"))) expect(readFileSync(join(checkout, f), "utf8"), f).toMatch(/^\/\/ GENERATED/);
    for (const [file, importLine] of Object.entries(REGISTRIES)) {
      const diff = git("diff", "-U0", "--", file).split("\n");
      const added = diff.filter((l) => l.startsWith("+") && !l.startsWith("+++"));
      const removed = diff.filter((l) => l.startsWith("-") && !l.startsWith("---"));
      // The import, and the list's line with the vendor added and nothing else changed.
      expect(added[0], file).toBe(`+${importLine}`);
      expect(added.slice(1).map((l) => l.slice(1).replace(", example", "")), file).toEqual(removed.map((l) => l.slice(1)));
      expect(removed, file).toHaveLength(1);
    }
    // And the generated files agree with the registry.
    expect(() => execFileSync("npm", ["run", "gen:check", "--silent"], { cwd: checkout, stdio: "pipe" })).not.toThrow();
  });

  it("the whole copy typechecks and lints: no test or tool keys its data by every kind and misses the sixth", async () => {
    const bin = (name: string) => join(checkout, "node_modules/.bin", name);
    const typecheck = await run(bin("tsc"), ["-p", "tsconfig.json", "--noEmit"], checkout);
    expect(typecheck.stdout + typecheck.stderr).toBe("");
    expect(typecheck.code).toBe(0);
    const lint = await run(bin("eslint"), ["."], checkout);
    expect(lint.stdout + lint.stderr).toBe("");
    expect(lint.code).toBe(0);
  });

  it("its own tests pass, and so do those that hold every vendor module to the registry's rules", async () => {
    const { FORCE_COLOR: _colour, ...env } = process.env as Record<string, string>;
    const r = await run(join(checkout, "node_modules/.bin/vitest"), ["run", "--project", "unit", ...VENDOR_TESTS, ...REGISTRY_TESTS], checkout, { ...env, NO_COLOR: "1" });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`Test Files +${VENDOR_TESTS.length + REGISTRY_TESTS.length} passed`));
  });

  it("is in schema.json, and the plugin's GetSchema serves it", async () => {
    const text = readFileSync(join(checkout, "schema.json"), "utf8");
    const schema = JSON.parse(text) as { resources: Record<string, { outputs?: unknown }>; functions: Record<string, unknown>; config: { variables: Record<string, { secret?: boolean }> } };
    expect(Object.keys(schema.resources)).toContain(`apiidentity:index:${KIND}`);
    expect(Object.keys(schema.resources)).toHaveLength(6);
    expect(Object.keys(schema.functions)).toContain("apiidentity:index:getExampleGroup");
    expect(schema.config.variables.exampleApiKey?.secret).toBe(true);
    expect(Object.keys(schema.config.variables)).toContain("exampleBaseUrl");

    const env = { PATH: `${dirname(process.execPath)}:/usr/bin:/bin`, HOME: process.env.HOME ?? root };
    const child = spawn(join(checkout, "bin/pulumi-resource-apiidentity"), ["127.0.0.1:1"], { cwd: checkout, env, stdio: ["ignore", "pipe", "pipe"] });
    const exited = new Promise<void>((res) => child.on("exit", () => res()));
    try {
      const port = await new Promise<number>((res, rej) => {
        let out = "";
        child.stdout.on("data", (d: Buffer) => {
          out += d.toString();
          const m = /^(\d+)\n/.exec(out);
          if (m) res(Number(m[1]));
        });
        child.on("exit", (code) => rej(new Error(`the plugin exited ${code} before printing its port`)));
      });
      const client = new providerRpc.ResourceProviderClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
      try {
        const served = await new Promise<P.GetSchemaResponse>((res, rej) => client.getSchema(new provider.GetSchemaRequest(), (e, r) => (e ? rej(e) : res(r))));
        expect(served.getSchema()).toBe(text);
      } finally {
        client.close();
      }
    } finally {
      child.kill("SIGTERM");
    }
    await exited;
  });

  it("has a generated SDK class and lookup, exported by the built SDK", async () => {
    expect(readFileSync(join(checkout, "sdk/example-service-account.ts"), "utf8")).toContain(`export class ${KIND} extends`);
    const sdk = (await import(join(checkout, "dist/sdk/index.js"))) as Record<string, unknown>;
    expect(typeof sdk[KIND]).toBe("function");
    expect(typeof sdk.getExampleGroup).toBe("function");
  });

  it("has its docs page with the generated tables", () => {
    const page = readFileSync(join(checkout, `docs/resources/${KIND}.md`), "utf8");
    expect(page).toMatch(/<!-- inputs:start[^]*\| `name` \| string \| yes \| — \| \*\*replaces\*\* \|[^]*<!-- inputs:end -->/);
    expect(page).toMatch(/<!-- outputs:start[^]*\| `token` \| string \| \*\*yes\*\* \|[^]*<!-- outputs:end -->/);
  });

  it("apiidentity check tries its contract, with a write trial that leaves nothing behind", async () => {
    const env = { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...sb.config().env };
    const r = await cli(["check", "example", "--write", "--json"], env);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as { vendors: { key: string; vendor: string; status: string; findings: unknown[]; write?: { created: boolean; confirmedGone: boolean } }[] };
    expect(report.vendors.map((v) => [v.key, v.vendor, v.status])).toEqual([["example", "Example", "ok"]]);
    expect(report.vendors[0]!.findings.length).toBeGreaterThanOrEqual(3);
    expect(report.vendors[0]!.write).toMatchObject({ created: true, confirmedGone: true });
    expect(await held()).toEqual([]);
    // With no vendor named, every configured one: the sixth among them.
    const all = await cli(["check"], env);
    expect(all.stdout).toMatch(/^Example \(example\): ok$/m);
  });

  it("TypeScript program: created, refreshed, updated, orphaned, discovered and adopted, destroyed", async () => {
    const program = `import { ${KIND}, getExampleGroup } from "pulumi-apiidentity";
const ops = getExampleGroup({ name: "Operations" });
const svc = new ${KIND}("svc-ts", { name: "svc-ts", description: "made from TypeScript", groupId: ops.then((g) => g.id) });
export const token = svc.token;
`;
    const p = new Project("ts", { "Pulumi.yaml": "name: sixth-ts\nruntime: nodejs\n", "package.json": JSON.stringify({ name: "sixth-ts", type: "module", main: "index.js" }), "index.js": program });
    await p.pulumi("stack", "init", "ts");

    await p.pulumi("up", "--yes", "--skip-preview");
    let accounts = await held();
    expect(accounts.map((a) => [a.name, a.description, a.groupId])).toEqual([["svc-ts", "made from TypeScript", "grp-ops"]]);
    const [made] = accounts;
    expect(made!.createdBy).toContain(KIND);
    expect((await p.outputs()).token).toBe(made!.token);
    expect((await p.pulumi("stack", "export")).stdout).not.toContain(made!.token);

    await editAtVendor(made!.id, "edited at the vendor");
    await p.pulumi("refresh", "--yes", "--skip-preview");
    expect((await p.resources()).map((r) => [r.id, r.outputs?.description])).toEqual([[made!.id, "edited at the vendor"]]);
    expect((await held()).map((a) => [a.id, a.description])).toEqual([[made!.id, "edited at the vendor"]]);
    await p.pulumi("up", "--yes", "--skip-preview");
    accounts = await held();
    expect(accounts.map((a) => [a.id, a.description])).toEqual([[made!.id, "made from TypeScript"]]);

    const orphans = () => cli(["orphans", "--cwd", p.dir, "--json"], p.env);
    const none = await orphans();
    expect(none.code, none.stderr).toBe(0);
    const report = JSON.parse(none.stdout) as { vendors: { vendor: string; kind: string; status: string; marked: number }[]; orphans: { id: string; name: string }[] };
    expect(report.vendors.find((v) => v.vendor === "Example")).toEqual({ vendor: "Example", kind: KIND, status: "checked", marked: 1 });

    // Dropped from state, still at the vendor: an orphan, until discover's declaration adopts it.
    await p.pulumi("state", "delete", (await p.resources())[0]!.urn, "--yes");
    const one = await orphans();
    expect(one.code).toBe(1);
    expect((JSON.parse(one.stdout) as typeof report).orphans.map((o) => [o.name, o.id])).toEqual([["svc-ts", made!.id]]);
    const discovered = await cli(["discover", "example"], p.env);
    expect(discovered.code, discovered.stderr).toBe(0);
    expect(discovered.stdout).toContain(`new ${KIND}("svc-ts", {`);
    expect(discovered.stdout).toContain(`importId: "${made!.id}"`);
    writeFileSync(join(p.dir, "index.js"), discovered.stdout);
    sb.clearRequests();
    await p.pulumi("up", "--yes", "--skip-preview");
    expect(creates()).toBe(0);
    expect((await p.resources()).map((r) => r.id)).toEqual([made!.id]);
    expect((await orphans()).code).toBe(0);
    expect((await held()).map((a) => a.id)).toEqual([made!.id]);

    await p.pulumi("destroy", "--yes", "--skip-preview");
    expect(await p.resources()).toEqual([]);
    expect(await held()).toEqual([]);
  });

  it("YAML program through the plugin: created with the lookup, refreshed, destroyed", async () => {
    const program = `name: sixth-yaml
runtime: yaml
variables:
  reports:
    fn::invoke:
      function: apiidentity:index:getExampleGroup
      arguments:
        name: Reports
resources:
  svc-yaml:
    type: apiidentity:index:${KIND}
    properties:
      name: svc-yaml
      description: made from YAML
      groupId: \${reports.id}
outputs:
  token: \${svc-yaml.token}
`;
    const p = new Project("yaml", { "Pulumi.yaml": program }, true);
    await p.pulumi("stack", "init", "yaml");

    await p.pulumi("up", "--yes", "--skip-preview");
    const accounts = await held();
    expect(accounts.map((a) => [a.name, a.description, a.groupId])).toEqual([["svc-yaml", "made from YAML", "grp-reports"]]);
    const [made] = accounts;
    expect((await p.outputs()).token).toBe(made!.token);
    expect((await p.resources()).map((r) => [r.type, r.id])).toEqual([[`apiidentity:index:${KIND}`, made!.id]]);

    await editAtVendor(made!.id, "edited at the vendor");
    await p.pulumi("refresh", "--yes", "--skip-preview");
    expect((await p.resources()).map((r) => [r.id, r.outputs?.description])).toEqual([[made!.id, "edited at the vendor"]]);
    expect((await held()).map((a) => a.id)).toEqual([made!.id]);

    await p.pulumi("destroy", "--yes", "--skip-preview");
    expect(await p.resources()).toEqual([]);
    expect(await held()).toEqual([]);
  });
});
