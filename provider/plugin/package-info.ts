// This package's version and generated schema, as the plugin serves them (GetPluginInfo, GetSchema).
// The standalone plugin binary has them built in (scripts/release/bundle.mjs defines
// APIIDENTITY_EMBEDDED), since it runs with no package on disk; everywhere else they are read from the
// package root, which is two levels above this file in the sources and three in dist/.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { ApiIdentityError } from "../error-root.js";

/** What the standalone binary's bundler builds in: package.json's version and schema.json's text. */
export interface EmbeddedPackage {
  version: string;
  schema: string;
}

declare const APIIDENTITY_EMBEDDED: EmbeddedPackage | undefined;
const embedded: EmbeddedPackage | undefined = typeof APIIDENTITY_EMBEDDED === "undefined" ? undefined : APIIDENTITY_EMBEDDED;

function findPackageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "package.json")) || dir.endsWith("/dist")) {
    const up = resolve(dir, "..");
    if (up === dir) throw new ApiIdentityError("apiidentity plugin: cannot find the package root (package.json) above " + fileURLToPath(import.meta.url));
    dir = up;
  }
  return dir;
}

/**
 * The directory holding this package's package.json and schema.json. The standalone binary has no
 * such directory (and reads nothing from one): the binary's own folder stands in.
 */
export const packageRoot = embedded ? dirname(process.execPath) : findPackageRoot();

export function packageVersion(): string {
  return embedded ? embedded.version : (JSON.parse(readFileSync(join(packageRoot, "package.json"), "utf8")) as { version: string }).version;
}

/** schema.json as generated (`npm run gen`), unparsed: the engine gets exactly that text. */
export function schemaText(): string {
  return embedded ? embedded.schema : readFileSync(join(packageRoot, "schema.json"), "utf8");
}
