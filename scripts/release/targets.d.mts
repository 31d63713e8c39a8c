// Types of targets.mjs, for the TypeScript tests that import it.
export interface Target {
  name: string;
  os: "linux" | "darwin" | "windows";
  arch: "amd64" | "arm64";
  nodePackage: string;
  exe: "" | ".exe";
  required: boolean;
}
export const PLUGIN: string;
export const NODE_MAJOR: number;
export const NODE_MINIMUM: string;
export const TARGETS: readonly Target[];
export const BLOB_NODE_PACKAGE: string;
export function binaryName(target: Target): string;
export function archiveName(version: string, target: Target): string;
export function selectTargets(list: string | undefined): readonly Target[];
export function compareVersions(a: string, b: string): number;
export function pickNodeVersion(targetVersions: readonly string[], blobVersions: readonly string[]): string | undefined;
