// The release build the tests use (the linux-amd64 archive and the Python wheel and sdist): one build
// per set of inputs, shared with the other test files and the bench (scripts/release/cached.mjs).
import { cachedReleaseBuild, type ReleaseBuild } from "../../scripts/release/cached.mjs";
import { packageRoot } from "../../provider/plugin/package-info.js";

export type ReleaseArtefacts = ReleaseBuild;

let made: ReleaseArtefacts | undefined;

/** The build of this checkout's inputs, made now unless the cache has it (about 15 s with warm Node binaries). */
export function releaseArtefacts(): Promise<ReleaseArtefacts> {
  return Promise.resolve((made ??= cachedReleaseBuild(packageRoot)));
}
