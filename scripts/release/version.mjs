// The package's version, kept in one place: package.json. The plugin binary, its archive names and
// (later) the SDKs all take it from here.
import { readFileSync } from "node:fs";
import { join } from "node:path";

export function packageVersion(root) {
  return JSON.parse(readFileSync(join(root, "package.json"), "utf8")).version;
}
