// `pulumi-resource-apiidentity --version` prints the package's version and exits, without serving:
// how a user (or the release workflow) tells which plugin a path or archive holds. Runs the built
// dist/ through the package's bin, as npm installs it.
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { packageRoot } from "./package-info.js";

const run = promisify(execFile);

describe("pulumi-resource-apiidentity --version", () => {
  it("prints package.json's version alone on stdout and exits 0", async () => {
    const { version } = JSON.parse(readFileSync(join(packageRoot, "package.json"), "utf8")) as { version: string };
    const { stdout, stderr } = await run(process.execPath, [join(packageRoot, "bin", "pulumi-resource-apiidentity"), "--version"], { timeout: 20_000 });
    expect(stdout).toBe(`${version}\n`);
    expect(stderr).toBe("");
  });
});
