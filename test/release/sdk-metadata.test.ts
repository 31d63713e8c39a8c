// The SDKs generated from schema.json (scripts/python-sdk.sh --sdk, scripts/pulumi-codegen.sh nodejs)
// pin the plugin at the package's version and carry its download URL, so that `pulumi` fetches or
// finds exactly that plugin; and they carry the package names and dependencies of the schema's
// language blocks.
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { packageRoot } from "../../provider/plugin/package-info.js";

const run = promisify(execFile);
const schema = JSON.parse(readFileSync(join(packageRoot, "schema.json"), "utf8")) as { version: string; pluginDownloadURL: string; repository: string; homepage: string };
const dir = mkdtempSync(join(tmpdir(), "apiidentity-sdks-"));
const python = join(dir, "python");
const nodejs = join(dir, "nodejs");

beforeAll(async () => {
  await run("bash", [join(packageRoot, "scripts/python-sdk.sh"), "--sdk", python], { cwd: packageRoot, timeout: 280_000 });
  await run("bash", [join(packageRoot, "scripts/pulumi-codegen.sh"), "nodejs", nodejs], { cwd: packageRoot, timeout: 280_000 });
}, 300_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the generated SDKs", () => {
  it("Python: pulumi-plugin.json pins the plugin version and its server; setup.py has the version, the pulumi requirement and the repository", () => {
    const plugin = JSON.parse(readFileSync(join(python, "pulumi_apiidentity", "pulumi-plugin.json"), "utf8")) as unknown;
    expect(plugin).toEqual({ resource: true, name: "apiidentity", version: schema.version, server: schema.pluginDownloadURL });
    const setup = readFileSync(join(python, "setup.py"), "utf8");
    expect(setup).toContain(`VERSION = "${schema.version}"`);
    expect(setup).toContain("setup(name='pulumi_apiidentity',");
    expect(setup).toContain("'pulumi>=3.259.0,<4.0.0',");
    expect(setup).toContain(`'Repository': '${schema.repository}'`);
    expect(readFileSync(join(python, "pulumi_apiidentity", "_utilities.py"), "utf8")).toContain(`return "${schema.pluginDownloadURL}"`);
  });

  it("Node.js: package.json's pulumi block pins the plugin version and its server, with the package name and @pulumi/pulumi of the schema", () => {
    const pkg = JSON.parse(readFileSync(join(nodejs, "package.json"), "utf8")) as Record<string, unknown>;
    expect(pkg).toMatchObject({
      name: "pulumi-apiidentity",
      version: schema.version,
      repository: schema.repository,
      homepage: schema.homepage,
      dependencies: { "@pulumi/pulumi": "^3.259.0" },
      pulumi: { resource: true, name: "apiidentity", version: schema.version, server: schema.pluginDownloadURL },
    });
    expect(readFileSync(join(nodejs, "utilities.ts"), "utf8")).toContain(`pluginDownloadURL: "${schema.pluginDownloadURL}"`);
  });
});
