// A Pulumi project in a temp dir that uses this checkout as an installed package: the layout npm
// makes (a copy of the package — package.json and dist/ — plus its dependencies beside it). A copy,
// not a link: Pulumi serialises a provider living under node_modules as a one-line require().
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, symlinkSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** This package's root (works from source and from dist/). */
export const packageRoot = (() => {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "package.json")) || dir.endsWith("/dist")) dir = resolve(dir, "..");
  return dir;
})();

export function installLocalPackage(projectDir: string): void {
  const nm = join(projectDir, "node_modules");
  mkdirSync(nm, { recursive: true });
  for (const entry of readdirSync(join(packageRoot, "node_modules"))) {
    if (entry.startsWith(".") || entry === "pulumi-apiidentity" || existsSync(join(nm, entry))) continue;
    symlinkSync(join(packageRoot, "node_modules", entry), join(nm, entry), "dir");
  }
  const pkg = join(nm, "pulumi-apiidentity");
  mkdirSync(pkg, { recursive: true });
  for (const f of ["package.json", "dist", "bin", "schema.json"]) {
    if (existsSync(join(packageRoot, f))) cpSync(join(packageRoot, f), join(pkg, f), { recursive: true });
  }
}

/** Environment for an offline pulumi CLI: local backend, passphrase, no update check or downloads. */
export function offlinePulumiEnv(root: string, engineBin: string, passphrase: string): Record<string, string> {
  return {
    ...(process.env as Record<string, string>),
    PATH: `${engineBin}:${dirname(process.execPath)}:${process.env.PATH ?? ""}`,
    PULUMI_HOME: join(root, "pulumi-home"),
    PULUMI_BACKEND_URL: `file://${join(root, "pulumi-state")}`,
    PULUMI_CONFIG_PASSPHRASE: passphrase,
    PULUMI_SKIP_UPDATE_CHECK: "true",
    PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
    PULUMI_SKIP_CONFIRMATIONS: "true",
    PULUMI_DISABLE_REGISTRY_RESOLVE: "true",
  };
}

let engineBin: string | undefined;

/**
 * The bin dir with `pulumi`, the Node.js language host and the dynamic-provider shim:
 * `APIIDENTITY_ENGINE_BIN` when it holds a pulumi, else what `scripts/engine.sh` prints last
 * (it finds, or builds once, the pinned engine). Resolved once per process.
 */
export function pulumiEngine(): string {
  if (engineBin) return engineBin;
  const fromEnv = process.env.APIIDENTITY_ENGINE_BIN;
  if (fromEnv && existsSync(join(fromEnv, "pulumi"))) return (engineBin = fromEnv);
  const out = execFileSync("bash", [join(packageRoot, "scripts/engine.sh")], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
  return (engineBin = out.trim().split("\n").pop()!);
}
