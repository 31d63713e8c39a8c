// The package's release metadata, derived from package.json alone: its `version`, and its
// `repository`, the one place that names the GitHub repository the release is published from.
// scripts/gen-schema.mjs writes these into schema.json and scripts/release/stamp.mjs rewrites them
// there when a release stamps a version or a repository, so the two always agree.

const GITHUB = /^(?:git\+)?(?:https?:\/\/|git:\/\/|ssh:\/\/git@)?(?:www\.)?github\.com[/:]([A-Za-z0-9][A-Za-z0-9-]*)\/([A-Za-z0-9._-]+?)(?:\.git)?\/?$/;
const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/;

/** Whether `version` is a semantic version without a leading "v" (what package.json and the schema hold). */
export function isVersion(version) {
  return typeof version === "string" && SEMVER.test(version);
}

/** `{ owner, name }` of package.json's `repository` (a string, `github:owner/name`, or `{ url }`). */
export function githubRepository(pkg) {
  const raw = typeof pkg.repository === "string" ? pkg.repository : pkg.repository?.url;
  if (typeof raw !== "string") throw new Error("package.json: `repository` is missing; set it to the GitHub repository the release is published from");
  const short = /^(?:github:)?([A-Za-z0-9][A-Za-z0-9-]*)\/([A-Za-z0-9._-]+)$/.exec(raw);
  const m = short ?? GITHUB.exec(raw);
  if (!m) throw new Error(`package.json: \`repository\` is ${JSON.stringify(raw)}, not a GitHub repository (owner/name or https://github.com/owner/name)`);
  return { owner: m[1], name: m[2] };
}

/** package.json's `repository` field for the GitHub repository `owner/name`, in npm's own form. */
export function repositoryField(slug) {
  const m = /^([A-Za-z0-9][A-Za-z0-9-]*)\/([A-Za-z0-9._-]+)$/.exec(slug);
  if (!m) throw new Error(`--repository ${JSON.stringify(slug)}: expected owner/name of a GitHub repository`);
  return { type: "git", url: `git+https://github.com/${m[1]}/${m[2]}.git` };
}

/**
 * The schema.json fields package.json decides. `pluginDownloadURL` is a `github://` address: the
 * engine then fetches release asset `pulumi-resource-<name>-v<version>-<os>-<arch>.tar.gz` of the
 * release tagged `v<version>` in that repository.
 */
export function schemaMetadata(pkg) {
  if (!isVersion(pkg.version)) throw new Error(`package.json: version ${JSON.stringify(pkg.version)} is not a semantic version X.Y.Z`);
  const { owner, name } = githubRepository(pkg);
  const repository = `https://github.com/${owner}/${name}`;
  return {
    version: pkg.version,
    publisher: owner,
    repository,
    homepage: typeof pkg.homepage === "string" ? pkg.homepage : `${repository}#readme`,
    pluginDownloadURL: `github://api.github.com/${owner}/${name}`,
  };
}
