// Types of zip.mjs, for the TypeScript tests that import it.
export function zipBytes(entries: readonly { name: string; data: Buffer }[], mtime: number): Buffer;
