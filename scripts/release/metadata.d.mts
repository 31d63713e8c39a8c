// Types of metadata.mjs, for the TypeScript tests that import it.
export interface PackageJson {
  name?: string;
  version: string;
  repository?: string | { type?: string; url?: string };
  homepage?: string;
}
export interface SchemaMetadata {
  version: string;
  publisher: string;
  repository: string;
  homepage: string;
  pluginDownloadURL: string;
}
export function isVersion(version: unknown): boolean;
export function githubRepository(pkg: PackageJson): { owner: string; name: string };
export function repositoryField(slug: string): { type: "git"; url: string };
export function schemaMetadata(pkg: PackageJson): SchemaMetadata;
