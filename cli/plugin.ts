// `apiidentity plugin install`: puts the provider plugin where the Pulumi CLI finds it, without any
// download. The plugin cache ($PULUMI_HOME/plugins, default ~/.pulumi/plugins) gets a small launcher
// through `pulumi plugin install resource apiidentity <version> --file <launcher>`; the launcher runs
// this installed package's plugin with the Node that ran this command. The alternative, putting the
// package's bin/ on PATH, needs no install step and is printed when there is no `pulumi`.
import { execFile, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { packageRoot, packageVersion } from "../provider/plugin/package-info.js";
import { ApiIdentityError, CommandRunError, UsageError } from "./errors.js";

export const PLUGIN_NAME = "apiidentity";
export const PLUGIN_BINARY = `pulumi-resource-${PLUGIN_NAME}`;

/** A word for `sh`: single-quoted, so a path with spaces or `$` stays one literal argument. */
export function shQuote(s: string): string {
  return `'${s.replaceAll("'", `'\\''`)}'`;
}

/** The launcher the plugin cache holds: this Node, this package's plugin entry, the engine's arguments. */
export function launcherScript(node: string, entry: string): string {
  return `#!/bin/sh\n# ${PLUGIN_BINARY}, installed by 'apiidentity plugin install': runs the plugin of the package at\n# ${entry}\nexec ${shQuote(node)} ${shQuote(entry)} "$@"\n`;
}

/** Where the CLI keeps plugins: $PULUMI_HOME/plugins, else ~/.pulumi/plugins. */
export function pluginDir(env: Readonly<Record<string, string | undefined>>, version: string): string {
  const home = env.PULUMI_HOME && env.PULUMI_HOME !== "" ? env.PULUMI_HOME : join(homedir(), ".pulumi");
  return join(home, "plugins", `resource-${PLUGIN_NAME}-v${version}`);
}

/** The other way: the package's bin/ on PATH (the engine looks there before its plugin cache). */
export function pathAlternative(): string {
  return `export PATH=${shQuote(join(packageRoot, "bin"))}:"$PATH"`;
}

function run(cmd: string, args: string[]): Promise<{ code: number | string; stdout: string; stderr: string }> {
  return new Promise((resolve) =>
    execFile(cmd, args, { env: process.env, timeout: 120_000 }, (err, stdout, stderr) => {
      const code = err ? ((err as NodeJS.ErrnoException).code ?? 1) : 0;
      resolve({ code: typeof code === "number" || typeof code === "string" ? code : 1, stdout, stderr });
    }),
  );
}

/** Starts a plugin executable and waits for the port it prints: proof that it runs. */
function probe(executable: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(executable, ["127.0.0.1:1"], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    const timer = setTimeout(() => {
      child.kill();
      reject(new CommandRunError(`${executable} printed no port within 10 s`));
    }, 10_000);
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    child.stdout.on("data", (d: Buffer) => {
      out += d.toString();
      const m = /^(\d+)\n/.exec(out);
      if (m) {
        clearTimeout(timer);
        child.kill();
        resolve(Number(m[1]));
      }
    });
    child.on("error", (e) => (clearTimeout(timer), reject(e)));
    child.on("exit", (code) => (clearTimeout(timer), reject(new CommandRunError(`${executable} exited ${code} before printing its port: ${err.trim()}`))));
  });
}

export async function plugin(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { pulumi: { type: "string", default: "pulumi" } } });
  if (positionals[0] !== "install" || positionals.length > 1) throw new UsageError("usage: apiidentity plugin install [--pulumi PATH]");
  const entry = join(packageRoot, "dist", "provider", "plugin", "main.js");
  if (!existsSync(entry)) throw new ApiIdentityError(`${entry} is missing: build the package first ('npm run build')`);
  const version = packageVersion();
  const dir = mkdtempSync(join(tmpdir(), "apiidentity-plugin-"));
  try {
    const launcher = join(dir, PLUGIN_BINARY);
    writeFileSync(launcher, launcherScript(process.execPath, entry), { mode: 0o755 });
    await probe(launcher);
    const r = await run(values.pulumi!, ["plugin", "install", "resource", PLUGIN_NAME, version, "--file", launcher]);
    if (r.code === "ENOENT") {
      process.stderr.write(
        `apiidentity plugin install: no '${values.pulumi!}' found on PATH, so nothing was installed. Install the Pulumi CLI and run this again, or let the CLI find the plugin on PATH instead:\n  ${pathAlternative()}\n`,
      );
      return 1;
    }
    if (r.code !== 0) {
      process.stderr.write(`apiidentity plugin install: '${values.pulumi!} plugin install resource ${PLUGIN_NAME} ${version} --file …' failed (${r.code}): ${(r.stderr || r.stdout).trim()}\n`);
      return 2;
    }
    const installed = join(pluginDir(process.env, version), PLUGIN_BINARY);
    const port = await probe(installed);
    process.stdout.write(
      `Installed the ${PLUGIN_NAME} provider plugin ${version} into ${installed} (it started and listened on 127.0.0.1:${port}).\n` +
        `It runs ${entry} with ${process.execPath}; run this command again after moving or upgrading the package.\n` +
        `Without this step the CLI also finds the plugin on PATH:\n  ${pathAlternative()}\n`,
    );
    return 0;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
