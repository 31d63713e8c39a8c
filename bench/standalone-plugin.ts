// The provider plugin as it is released: the standalone linux-amd64 binary `npm run release` builds,
// with Node inside it. Built once per set of inputs and shared with the tests (scripts/release/cached.mjs).
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

type Cached = typeof import("../scripts/release/cached.mjs");

let made: string | undefined;

/** The directory holding the binary `pulumi-resource-apiidentity`, building it when the cache lacks it. */
export function standalonePluginDir(repoRoot: string): string {
  if (made) return made;
  // The release scripts are ESM outside the compiled tree; Node 22 requires them synchronously.
  const { cachedReleaseBuild } = createRequire(import.meta.url)(join(repoRoot, "scripts/release/cached.mjs")) as Cached;
  return (made = dirname(cachedReleaseBuild(repoRoot).binary));
}
