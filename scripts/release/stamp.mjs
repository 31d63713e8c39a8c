// `npm run release -- --version X.Y.Z [--repository owner/name]` stamps the release into the tree
// before anything is built: package.json (the version's one home) and package-lock.json's copy of
// it, then schema.json's fields that derive from package.json (scripts/release/metadata.mjs). The
// plugin binary embeds that version and schema, and the SDKs generated from schema.json carry both
// (their `respectSchemaVersion`), so every artefact of the release names the same version.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { isVersion, repositoryField, schemaMetadata } from "./metadata.mjs";

const readJson = (path) => JSON.parse(readFileSync(path, "utf8"));
const writeJson = (path, value) => writeFileSync(path, JSON.stringify(value, null, 2) + "\n");

/** Stamps `version` and/or `repository` (owner/name) into `root`; returns the files it rewrote. */
export function stampRelease(root, { version, repository }) {
  if (version !== undefined && !isVersion(version)) {
    throw new Error(`release: --version ${JSON.stringify(version)} is not a semantic version; give X.Y.Z (no leading "v"), for example --version 1.2.0`);
  }
  const pkgPath = join(root, "package.json");
  const pkg = readJson(pkgPath);
  if (version !== undefined) pkg.version = version;
  if (repository !== undefined) pkg.repository = repositoryField(repository);
  const fields = schemaMetadata(pkg);
  writeJson(pkgPath, pkg);
  const written = ["package.json"];

  const lockPath = join(root, "package-lock.json");
  if (existsSync(lockPath)) {
    const lock = readJson(lockPath);
    lock.version = pkg.version;
    if (lock.packages?.[""]) lock.packages[""].version = pkg.version;
    writeJson(lockPath, lock);
    written.push("package-lock.json");
  }

  const schemaPath = join(root, "schema.json");
  const schema = readJson(schemaPath);
  for (const [key, value] of Object.entries(fields)) {
    if (!(key in schema)) throw new Error(`release: schema.json has no \`${key}\`; regenerate it (npm run gen) before stamping`);
    schema[key] = value;
  }
  writeJson(schemaPath, schema);
  written.push("schema.json");
  return written;
}
