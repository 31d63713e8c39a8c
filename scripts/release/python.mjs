// The Python SDK as a wheel and an sdist: generated from schema.json at release time (the CLI's own
// generator, scripts/pulumi-codegen.sh), then packed here with the metadata of its pyproject.toml
// (or setup.py, when the schema does not ask for a pyproject). The wheel is pure Python (py3-none-any),
// so `pip install` needs neither Go nor Node, and packing it needs no Python on the build machine.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { writeTarGzFiles } from "./tar.mjs";
import { zipBytes } from "./zip.mjs";

/** A Python string literal of the generated setup.py ('…' or "…", no escapes in what it writes). */
const STRING = String.raw`(?:'([^'\\]*)'|"([^"\\]*)")`;
const str = (m, i) => m[i] ?? m[i + 1];

/**
 * What the generated setup.py declares: its `VERSION`, and the `setup(…)` keywords a wheel's
 * METADATA needs. The generator writes each keyword on its own line, a literal as its value.
 */
export function setupMetadata(setupPy) {
  const one = (re) => {
    const m = new RegExp(re).exec(setupPy);
    return m ? str(m, 1) : undefined;
  };
  const version = one(`(?:^|\\n)VERSION = ${STRING}`);
  const keyword = (k) => one(`\\b${k}=${STRING}`);
  const list = (k) => {
    const m = new RegExp(`\\b${k}=\\[([^\\]]*)\\]`).exec(setupPy);
    return m ? [...m[1].matchAll(new RegExp(STRING, "g"))].map((x) => str(x, 1)) : undefined;
  };
  const urls = /\bproject_urls=\{([^}]*)\}/.exec(setupPy);
  const meta = {
    name: keyword("name"),
    version,
    summary: keyword("description"),
    requiresPython: keyword("python_requires"),
    keywords: keyword("keywords"),
    license: keyword("license"),
    homepage: keyword("url"),
    projectUrls: urls ? [...urls[1].matchAll(new RegExp(`${STRING}\\s*:\\s*${STRING}`, "g"))].map((x) => [str(x, 1), str(x, 3)]) : [],
    requires: list("install_requires"),
  };
  const missing = ["name", "version", "requires"].filter((k) => meta[k] === undefined);
  if (missing.length) throw new Error(`release: the generated setup.py has no ${missing.join(", ")} that this build can read; scripts/release/python.mjs must learn its new layout`);
  return meta;
}

/** A TOML basic string or array of them, as the generator writes them (JSON-compatible). */
function tomlValue(text, where) {
  try {
    return JSON.parse(text);
  } catch {
    throw new Error(`release: ${where} is not a string or a list of strings that this build can read; scripts/release/python.mjs must learn its new layout`);
  }
}

/**
 * What the generated pyproject.toml declares (the schema's python `pyproject.enabled`): its
 * [project] table, [project.license] and [project.urls], each `key = value` on one line.
 */
export function pyprojectMetadata(toml) {
  const tables = {};
  let table = "";
  for (const raw of toml.split("\n")) {
    const line = raw.trim();
    const header = /^\[([^\]]+)\]$/.exec(line);
    if (header) table = header[1];
    const entry = /^([A-Za-z0-9_-]+)\s*=\s*(.+)$/.exec(line);
    if (entry && table.startsWith("project")) (tables[table] ??= {})[entry[1]] = tomlValue(entry[2], `${table}.${entry[1]}`);
  }
  const project = tables.project ?? {};
  const meta = {
    name: project.name,
    version: project.version,
    summary: project.description,
    requiresPython: project["requires-python"],
    keywords: Array.isArray(project.keywords) ? project.keywords.join(",") : undefined,
    license: tables["project.license"]?.text,
    homepage: undefined,
    projectUrls: Object.entries(tables["project.urls"] ?? {}),
    requires: project.dependencies,
  };
  const missing = ["name", "version", "requires"].filter((k) => meta[k] === undefined);
  if (missing.length) throw new Error(`release: the generated pyproject.toml has no ${missing.join(", ")} that this build can read; scripts/release/python.mjs must learn its new layout`);
  return meta;
}

/** The core metadata (METADATA in a wheel, PKG-INFO in an sdist), version 2.1. */
export function coreMetadata(meta, readme) {
  const lines = ["Metadata-Version: 2.1", `Name: ${meta.name}`, `Version: ${meta.version}`];
  if (meta.summary) lines.push(`Summary: ${meta.summary}`);
  if (meta.homepage) lines.push(`Home-page: ${meta.homepage}`);
  if (meta.license) lines.push(`License: ${meta.license}`);
  if (meta.keywords) lines.push(`Keywords: ${meta.keywords}`);
  for (const [label, url] of meta.projectUrls) lines.push(`Project-URL: ${label}, ${url}`);
  if (meta.requiresPython) lines.push(`Requires-Python: ${meta.requiresPython}`);
  for (const r of meta.requires) lines.push(`Requires-Dist: ${r}`);
  lines.push("Description-Content-Type: text/markdown");
  return `${lines.join("\n")}\n\n${readme}`;
}

/** Files under `dir`, relative, sorted, so the archives list them the same way on every machine. */
function files(dir, under = dir) {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? files(join(dir, e.name), under) : [relative(under, join(dir, e.name))]))
    .sort();
}

/** What the generated package directory ships: its modules, stubs and the data setup.py names. */
const shipped = (path) => /\.pyi?$/.test(path) || /(^|\/)(py\.typed|pulumi-plugin\.json)$/.test(path);

const recordHash = (data) => "sha256=" + createHash("sha256").update(data).digest("base64url");

/**
 * Writes the wheel and sdist of the SDK generated into `sdk` (its setup.py and package directory)
 * into `out`, and answers their paths. `mtime` stamps every entry.
 */
export function packPython({ sdk, out, mtime }) {
  const pyproject = join(sdk, "pyproject.toml");
  const setupPy = join(sdk, "setup.py");
  const meta = existsSync(pyproject) ? pyprojectMetadata(readFileSync(pyproject, "utf8")) : setupMetadata(readFileSync(setupPy, "utf8"));
  const pkg = meta.name;
  const readmePath = join(sdk, pkg, "README.md");
  const readme = existsSync(readmePath) ? readFileSync(readmePath, "utf8") : "";
  const metadata = Buffer.from(coreMetadata(meta, readme));
  const modules = files(join(sdk, pkg)).filter(shipped).map((p) => ({ name: `${pkg}/${p}`, data: readFileSync(join(sdk, pkg, p)) }));

  const distInfo = `${pkg}-${meta.version}.dist-info`;
  const entries = [
    ...modules,
    { name: `${distInfo}/METADATA`, data: metadata },
    { name: `${distInfo}/WHEEL`, data: Buffer.from("Wheel-Version: 1.0\nGenerator: apiidentity release (scripts/release/python.mjs)\nRoot-Is-Purelib: true\nTag: py3-none-any\n\n") },
    { name: `${distInfo}/top_level.txt`, data: Buffer.from(`${pkg}\n`) },
  ];
  const record = [...entries.map((e) => `${e.name},${recordHash(e.data)},${e.data.length}`), `${distInfo}/RECORD,,`].join("\n") + "\n";
  entries.push({ name: `${distInfo}/RECORD`, data: Buffer.from(record) });
  const wheel = join(out, `${pkg}-${meta.version}-py3-none-any.whl`);
  writeFileSync(wheel, zipBytes(entries, mtime));

  // The sdist builds that same package with setuptools (pip fetches it for the build): the generated
  // pyproject.toml as it is, or beside a generated setup.py one that names setuptools as the backend.
  const base = `${pkg}-${meta.version}`;
  const sdist = join(out, `${base}.tar.gz`);
  const build = existsSync(pyproject)
    ? [{ name: "pyproject.toml", data: readFileSync(pyproject) }]
    : [
        { name: "pyproject.toml", data: Buffer.from('[build-system]\nrequires = ["setuptools>=61"]\nbuild-backend = "setuptools.build_meta"\n') },
        { name: "setup.py", data: readFileSync(setupPy) },
      ];
  writeTarGzFiles({
    archive: sdist,
    mtime,
    files: [{ name: "PKG-INFO", data: metadata }, { name: "README.md", data: Buffer.from(readme) }, ...build, ...modules].map((f) => ({ name: `${base}/${f.name}`, data: f.data, mode: 0o644 })),
  });
  return { name: pkg, version: meta.version, wheel, sdist };
}

/** Generates the Python SDK of `root`'s schema.json into `dir` (the CLI's generator, built once and cached). */
export function generatePythonSdk(root, dir) {
  rmSync(dir, { recursive: true, force: true });
  execFileSync("bash", [join(root, "scripts/pulumi-codegen.sh"), "python", dir], { stdio: ["ignore", "ignore", "pipe"] });
  if (!existsSync(join(dir, "pyproject.toml")) && !existsSync(join(dir, "setup.py"))) throw new Error(`release: scripts/pulumi-codegen.sh python wrote neither pyproject.toml nor setup.py into ${dir}`);
  // The generator's README sits in the package; pyproject.toml and setup.py look for it beside themselves.
  if (existsSync(join(dir, "pulumi_apiidentity", "README.md"))) copyFileSync(join(dir, "pulumi_apiidentity", "README.md"), join(dir, "README.md"));
}
