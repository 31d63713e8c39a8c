// Types of cached.mjs, for the TypeScript tests and the bench that import it.
export interface ReleaseBuild {
  version: string;
  /** The --out directory: the archive, the Python packages, SHA256SUMS and build/. */
  out: string;
  /** What `npm run release` printed. */
  log: string;
  archive: string;
  /** The linux-amd64 binary as the build left it (the archive holds the same file). */
  binary: string;
  wheel: string;
  sdist: string;
}
export function buildKey(root: string): string;
export function cachedReleaseBuild(root: string): ReleaseBuild;
