// This package's version and generated schema, as the plugin serves them (GetPluginInfo, GetSchema):
// read from the package root, which is two levels above this file in the sources and three in dist/.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The directory holding this package's package.json and schema.json. */
export const packageRoot = (() => {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "package.json")) || dir.endsWith("/dist")) {
    const up = resolve(dir, "..");
    if (up === dir) throw new Error("apiidentity plugin: cannot find the package root (package.json) above " + fileURLToPath(import.meta.url));
    dir = up;
  }
  return dir;
})();

export function packageVersion(): string {
  return (JSON.parse(readFileSync(join(packageRoot, "package.json"), "utf8")) as { version: string }).version;
}

/** schema.json as generated (`npm run gen`), unparsed: the engine gets exactly that text. */
export function schemaText(): string {
  return readFileSync(join(packageRoot, "schema.json"), "utf8");
}
