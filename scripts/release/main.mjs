// `npm run release`: builds, into release/ (git-ignored), the standalone provider plugin for each
// target as `pulumi-resource-apiidentity-v<version>-<os>-<arch>.tar.gz`, the Python SDK as a wheel
// and an sdist, then SHA256SUMS, and prints a table of what it made. Options: --targets a,b
// (linux-amd64 is always built), --out DIR, --version X.Y.Z and --repository owner/name (stamped
// into package.json, schema.json and the TypeScript plugin SDK before anything is built:
// scripts/release/stamp.mjs).
// Everything it downloads (Node binaries from npm) is cached under ~/.cache/apiidentity.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { bundlePlugin } from "./bundle.mjs";
import { nodeBinary, servedVersions } from "./node-dist.mjs";
import { generatePythonSdk, packPython } from "./python.mjs";
import { injectBlob, prepareBlob } from "./sea.mjs";
import { archiveName, BLOB_NODE_PACKAGE, binaryName, NODE_MAJOR, NODE_MINIMUM, pickNodeVersion, PLUGIN, selectTargets } from "./targets.mjs";
import { writeTarGz } from "./tar.mjs";
import { stampRelease } from "./stamp.mjs";
import { packageVersion } from "./version.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const { values: args } = parseArgs({
  options: { targets: { type: "string" }, out: { type: "string" }, version: { type: "string" }, repository: { type: "string" }, help: { type: "boolean" } },
});
if (args.help) {
  console.log("usage: npm run release -- [--version X.Y.Z] [--repository owner/name] [--targets linux-amd64,linux-arm64,darwin-amd64,darwin-arm64,windows-amd64] [--out release]");
  process.exit(0);
}

const t0 = performance.now();
const seconds = (since) => `${((performance.now() - since) / 1000).toFixed(1)} s`;
const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;
/** The Python packages weigh tens of kB: MB would print them as 0.0. */
const size = (bytes) => (bytes < 1e5 ? `${(bytes / 1e3).toFixed(1)} kB` : mb(bytes));
const say = (line) => process.stdout.write(line + "\n");
const shown = (path) => (relative(process.cwd(), path).startsWith("..") ? path : relative(process.cwd(), path) || ".");

async function step(label, work) {
  const started = performance.now();
  say(`${label} …`);
  const detail = await work();
  say(`${label}: ${detail} (${seconds(started)})`);
}

async function main() {
  const targets = selectTargets(args.targets);
  const out = resolve(root, args.out ?? "release");
  if (args.version !== undefined || args.repository !== undefined) {
    const files = stampRelease(root, { version: args.version, repository: args.repository });
    // The TypeScript plugin SDK is checked in, generated from schema.json: it names pluginDownloadURL.
    execFileSync(process.execPath, [join(root, "scripts", "gen-plugin-sdk.mjs")], { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
    files.push("plugin-sdk/");
    say(`release: stamped ${[args.version && `version ${args.version}`, args.repository && `repository ${args.repository}`].filter(Boolean).join(" and ")} into ${files.join(", ")}`);
  }
  const build = join(out, "build");
  const version = packageVersion(root);
  const mtime = Number(process.env.SOURCE_DATE_EPOCH) || Math.floor(Date.now() / 1000);
  say(`release: ${PLUGIN} v${version} for ${targets.map((t) => t.name).join(", ")} into ${shown(out)}`);

  // A previous run's archives would otherwise sit beside this run's SHA256SUMS without being in it.
  mkdirSync(out, { recursive: true });
  for (const f of readdirSync(out)) if ((f.startsWith(`${PLUGIN}-v`) && f.endsWith(".tar.gz")) || /^pulumi_apiidentity-.*\.(whl|tar\.gz)$/.test(f)) rmSync(join(out, f));
  rmSync(join(out, "SHA256SUMS"), { force: true });
  rmSync(build, { recursive: true, force: true });
  mkdirSync(build, { recursive: true });

  const bundle = join(build, `${PLUGIN}.cjs`);
  await step("[1/5] bundle provider/plugin/main.ts with schema.json and the version", async () => {
    const b = await bundlePlugin({ root, version, outfile: bundle });
    return `${mb(b.bytes)}, ${b.inputs} source files`;
  });

  const plan = [];
  const skipped = [];
  await step(`[2/5] Node ${NODE_MAJOR} (>= ${NODE_MINIMUM}) per target, from npm's node-<os>-<cpu> packages`, async () => {
    const blobVersions = await servedVersions(BLOB_NODE_PACKAGE);
    for (const target of targets) {
      const version = pickNodeVersion(await servedVersions(target.nodePackage), blobVersions);
      if (version) plan.push({ target, node: version });
      else skipped.push({ target, why: `npm serves no Node ${NODE_MAJOR} >= ${NODE_MINIMUM} as ${target.nodePackage} that it also serves as ${BLOB_NODE_PACKAGE}` });
    }
    return [...plan.map((p) => `${p.target.name} ${p.node}`), ...skipped.map((s) => `${s.target.name} skipped`)].join(", ");
  });
  for (const s of skipped) say(`  skipped ${s.target.name}: ${s.why}`);
  const missingRequired = skipped.filter((s) => s.target.required);
  if (missingRequired.length > 0) throw new Error(`release: ${missingRequired.map((s) => s.target.name).join(", ")} must be built and cannot be: ${missingRequired[0].why}`);

  await step("[3/5] Node binaries (cached in ~/.cache/apiidentity/node-dist)", async () => {
    for (const p of plan) {
      p.blobNode = await nodeBinary(BLOB_NODE_PACKAGE, p.node, "");
      p.targetNode = await nodeBinary(p.target.nodePackage, p.node, p.target.exe);
    }
    return `${new Set(plan.flatMap((p) => [p.blobNode, p.targetNode])).size} binaries ready`;
  });

  const made = [];
  for (const [i, p] of plan.entries()) {
    await step(`[4/5] ${p.target.name} (${i + 1}/${plan.length}): blob, inject, archive`, async () => {
      const dir = join(build, p.target.name);
      mkdirSync(dir, { recursive: true });
      const blob = await prepareBlob({ blobNode: p.blobNode, bundle, dir });
      const binary = join(dir, binaryName(p.target));
      const { stripped, signed } = await injectBlob({ targetNode: p.targetNode, blob, output: binary, os: p.target.os });
      const archive = join(out, archiveName(version, p.target));
      writeTarGz({ source: binary, name: binaryName(p.target), archive, mtime });
      made.push({ ...p, binary, archive, signed });
      const notes = [`${mb(statSync(binary).size)} binary`, `${mb(statSync(archive).size)} archive`];
      if (stripped) notes.push(`stripped with ${stripped}`);
      else if (p.target.os === "linux") notes.push("not stripped (no llvm-strip or strip for it here)");
      if (signed) notes.push(`signed with ${signed}`);
      else if (signed === false) notes.push("unsigned: the release workflow signs it on macOS");
      return notes.join(", ");
    });
  }

  const python = [];
  await step("[5/5] Python SDK from schema.json: wheel and sdist", async () => {
    const sdk = join(build, "python");
    generatePythonSdk(root, sdk);
    const p = packPython({ sdk, out, mtime });
    python.push(p.wheel, p.sdist);
    return python.map((f) => `${relative(out, f)} ${size(statSync(f).size)}`).join(", ");
  });

  const sha256 = (file) => createHash("sha256").update(readFileSync(file)).digest("hex");
  const sums = made.map((m) => ({ ...m, sha256: sha256(m.archive) }));
  const pySums = python.map((file) => ({ file, sha256: sha256(file) }));
  writeFileSync(join(out, "SHA256SUMS"), [...sums.map((s) => [s.sha256, s.archive]), ...pySums.map((s) => [s.sha256, s.file])].map(([h, f]) => `${h}  ${relative(out, f)}\n`).join(""));

  const rows = [
    ["artefact", "node", "binary", "archive", "sha256"],
    ...sums.map((s) => [relative(out, s.archive), s.node, mb(statSync(s.binary).size), mb(statSync(s.archive).size), s.sha256]),
    ...pySums.map((s) => [relative(out, s.file), "-", "-", size(statSync(s.file).size), s.sha256]),
    ...skipped.map((s) => [`${s.target.name}: skipped`, "-", "-", "-", "-"]),
  ];
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  say("");
  for (const r of rows) say(r.map((cell, c) => cell.padEnd(widths[c])).join("  ").trimEnd());
  say(`\n${shown(join(out, "SHA256SUMS"))}: ${sums.length + pySums.length} artefact(s); done in ${seconds(t0)}`);
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
