// The TypeScript SDK of schema.json as `pulumi package gen-sdk --language nodejs` writes it, compiled:
// what a TypeScript program uses to reach the provider plugin. The engine's Node.js language host
// (built from sdk/v3@v3.68.0) cannot generate, so scripts/pulumi-codegen.sh runs the CLI's own
// generator. Made once per schema and Pulumi version, cached beside the Python SDK.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";

/** Found or made once per run: the contender asks when it checks it can run and again for its files. */
let made: string | undefined;

/** The compiled SDK's directory (its package.json, bin/index.js), generating it when missing. */
export function generatedNodeSdk(repoRoot: string): string {
  return (made ??= findOrMake(repoRoot));
}

function findOrMake(repoRoot: string): string {
  const pkg = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as { dependencies: Record<string, string> };
  const key = createHash("sha256")
    .update(readFileSync(join(repoRoot, "schema.json")))
    .update(readFileSync(join(repoRoot, "scripts/pulumi-codegen/main.go")))
    .update(pkg.dependencies["@pulumi/pulumi"] ?? "")
    .digest("hex")
    .slice(0, 12);
  const cache = process.env.APIIDENTITY_CODEGEN_CACHE ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), ".cache"), "apiidentity", "codegen");
  const dir = join(cache, `nodejs-sdk-${key}`);
  if (existsSync(join(dir, ".ready"))) return dir;
  const work = `${dir}.tmp${process.pid}`;
  rmSync(work, { recursive: true, force: true });
  mkdirSync(cache, { recursive: true });
  try {
    execFileSync("bash", [join(repoRoot, "scripts/pulumi-codegen.sh"), "nodejs", work], { stdio: ["ignore", "inherit", "inherit"] });
    // Compiled with this checkout's TypeScript against its @pulumi/pulumi, then the link is dropped:
    // the program's project resolves @pulumi/pulumi from its own node_modules.
    symlinkSync(join(repoRoot, "node_modules"), join(work, "node_modules"));
    execFileSync(join(repoRoot, "node_modules/.bin/tsc"), ["-p", work], { stdio: ["ignore", "inherit", "inherit"] });
    rmSync(join(work, "node_modules"));
    // The SDK reads its version (the plugin version it asks the engine for) from bin/package.json.
    writeFileSync(join(work, "bin", "package.json"), readFileSync(join(work, "package.json")));
    writeFileSync(join(work, ".ready"), "");
    rmSync(dir, { recursive: true, force: true });
    renameSync(work, dir);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return dir;
}
