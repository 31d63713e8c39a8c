// The release metadata schema.json carries (pluginDownloadURL, publisher, repository, homepage,
// license, keywords, the language blocks) and the stamping of a version and a repository, tried on a
// temporary copy of package.json, package-lock.json and schema.json, never on the tree.
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { packageRoot } from "../../provider/plugin/package-info.js";
import { githubRepository, isVersion, schemaMetadata } from "../../scripts/release/metadata.mjs";
import { stampRelease } from "../../scripts/release/stamp.mjs";

interface Json {
  [key: string]: unknown;
}
const readJson = (path: string) => JSON.parse(readFileSync(path, "utf8")) as Json;
const pkg = readJson(join(packageRoot, "package.json")) as Json & { version: string; dependencies: Record<string, string> };
const schema = readJson(join(packageRoot, "schema.json"));
const STAMPED = ["package.json", "package-lock.json", "schema.json"];

const copies: string[] = [];
function copyOfTree(): string {
  const dir = mkdtempSync(join(tmpdir(), "apiidentity-stamp-"));
  copies.push(dir);
  for (const f of STAMPED) copyFileSync(join(packageRoot, f), join(dir, f));
  return dir;
}
afterEach(() => {
  for (const d of copies.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe("schema.json's release metadata", () => {
  it("derives from package.json: version, the GitHub repository as publisher, repository, homepage and a github:// pluginDownloadURL", () => {
    const { owner, name } = githubRepository(pkg);
    expect(schema).toMatchObject({
      version: pkg.version,
      license: pkg.license,
      publisher: owner,
      repository: `https://github.com/${owner}/${name}`,
      homepage: `https://github.com/${owner}/${name}#readme`,
      pluginDownloadURL: `github://api.github.com/${owner}/${name}`,
    });
    expect(schemaMetadata(pkg)).toEqual({
      version: schema.version,
      publisher: schema.publisher,
      repository: schema.repository,
      homepage: schema.homepage,
      pluginDownloadURL: schema.pluginDownloadURL,
    });
  });

  it("has keywords with the vendors and the Registry's category and kind", () => {
    expect(schema.keywords).toEqual(expect.arrayContaining(["pulumi", "uptrends", "uipath", "category/utility", "kind/native"]));
  });

  it("has nodejs and python blocks: package names, the @pulumi/pulumi and pulumi they need, and the schema's version in each SDK", () => {
    const pulumi = pkg.dependencies["@pulumi/pulumi"]!.replace(/^[~^]/, "");
    expect(schema.language).toEqual({
      nodejs: { packageName: "pulumi-apiidentity", packageDescription: pkg.description, dependencies: { "@pulumi/pulumi": `^${pulumi}` }, respectSchemaVersion: true },
      python: { packageName: "pulumi_apiidentity", requires: { pulumi: `>=${pulumi},<4.0.0` }, respectSchemaVersion: true },
    });
  });

  it("reads a repository given as owner/name, github:owner/name, an https or git+https URL, or { url }", () => {
    for (const repository of ["o/r", "github:o/r", "https://github.com/o/r", "git+https://github.com/o/r.git", { type: "git", url: "git+ssh://git@github.com/o/r.git" }]) {
      expect(githubRepository({ version: "1.0.0", repository })).toEqual({ owner: "o", name: "r" });
    }
    expect(() => githubRepository({ version: "1.0.0", repository: "https://gitlab.com/o/r" })).toThrow(/not a GitHub repository/);
    expect(() => githubRepository({ version: "1.0.0" })).toThrow(/`repository` is missing/);
  });
});

describe("stampRelease (npm run release -- --version X.Y.Z --repository owner/name)", () => {
  it("writes the version into package.json, package-lock.json and schema.json, and the repository into package.json and schema.json", () => {
    const dir = copyOfTree();
    expect(stampRelease(dir, { version: "9.8.7-rc.1", repository: "someone/pulumi-apiidentity-fork" })).toEqual(STAMPED);
    const [p, lock, s] = STAMPED.map((f) => readJson(join(dir, f)));
    expect(p!.version).toBe("9.8.7-rc.1");
    expect(p!.repository).toEqual({ type: "git", url: "git+https://github.com/someone/pulumi-apiidentity-fork.git" });
    expect(lock!.version).toBe("9.8.7-rc.1");
    expect((lock!.packages as Record<string, Json>)[""]!.version).toBe("9.8.7-rc.1");
    expect(s).toMatchObject({
      version: "9.8.7-rc.1",
      publisher: "someone",
      repository: "https://github.com/someone/pulumi-apiidentity-fork",
      pluginDownloadURL: "github://api.github.com/someone/pulumi-apiidentity-fork",
    });
    // Everything else in the schema is as generated.
    expect({ ...s, version: schema.version, publisher: schema.publisher, repository: schema.repository, homepage: schema.homepage, pluginDownloadURL: schema.pluginDownloadURL }).toEqual(schema);
  });

  it("stamping the current version changes no byte: it writes exactly what npm run gen writes", () => {
    const dir = copyOfTree();
    stampRelease(dir, { version: pkg.version });
    for (const f of STAMPED) expect(readFileSync(join(dir, f), "utf8"), f).toBe(readFileSync(join(packageRoot, f), "utf8"));
  });

  it("refuses a version that is not X.Y.Z, or a repository that is not owner/name, before writing anything", () => {
    const dir = copyOfTree();
    expect(() => stampRelease(dir, { version: "v1.2.3" })).toThrow('release: --version "v1.2.3" is not a semantic version; give X.Y.Z (no leading "v"), for example --version 1.2.0');
    expect(() => stampRelease(dir, { version: "1.2" })).toThrow(/not a semantic version/);
    expect(() => stampRelease(dir, { repository: "https://github.com/o/r" })).toThrow(/expected owner\/name/);
    for (const f of STAMPED) expect(readFileSync(join(dir, f), "utf8"), f).toBe(readFileSync(join(packageRoot, f), "utf8"));
    expect([isVersion("1.2.3"), isVersion("1.2.3-beta.1+b5"), isVersion("01.2.3"), isVersion("1.2.3.4")]).toEqual([true, true, false, false]);
  });
});
