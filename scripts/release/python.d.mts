// Types of python.mjs, for the TypeScript tests that import it.
export interface SetupMetadata {
  name: string;
  version: string;
  summary?: string;
  requiresPython?: string;
  keywords?: string;
  license?: string;
  homepage?: string;
  projectUrls: [string, string][];
  requires: string[];
}
export function setupMetadata(setupPy: string): SetupMetadata;
export function pyprojectMetadata(toml: string): SetupMetadata;
export function coreMetadata(meta: SetupMetadata, readme: string): string;
export function packPython(options: { sdk: string; out: string; mtime: number }): { name: string; version: string; wheel: string; sdist: string };
export function generatePythonSdk(root: string, dir: string): void;
