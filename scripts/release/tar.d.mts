// Types of tar.mjs, for the TypeScript tests that import it.
export function tarHeader(name: string, size: number, mtime: number, mode?: number): Buffer;
export function writeTarGz(options: { source: string; name: string; archive: string; mtime?: number }): void;
export function writeTarGzFiles(options: { files: readonly { name: string; data: Buffer; mode: number }[]; archive: string; mtime?: number }): void;
