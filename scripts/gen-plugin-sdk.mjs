// The TypeScript SDK of the provider plugin (`pulumi-apiidentity/plugin`: `Provider`, one class per
// kind, the lookups), as Pulumi's own Node.js code generator writes it from schema.json
// (scripts/pulumi-codegen.sh, the generator the Python SDK comes from). Its TypeScript source is
// checked in under plugin-sdk/ so that building the package needs no Go toolchain; the build compiles
// it into dist/plugin-sdk/ as CommonJS, as the generator means it to run.
//
//   node scripts/gen-plugin-sdk.mjs           # regenerate plugin-sdk/ from schema.json
//   node scripts/gen-plugin-sdk.mjs --check   # fail when plugin-sdk/ is stale
//   node scripts/gen-plugin-sdk.mjs --build   # compile plugin-sdk/ into dist/plugin-sdk/
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { root, writeOrCheck } from "./declarations.mjs";

const SOURCE = "plugin-sdk";
/** Files of ours in plugin-sdk/, not the generator's. */
const OURS = new Set(["tsconfig.json"]);

/** Every file below `dir`, by path relative to it. */
function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p).map((f) => join(name, f)) : [name];
  });
}

/** The generator's TypeScript sources for schema.json, by path from the repository root. */
function generated() {
  const work = mkdtempSync(join(tmpdir(), "apiidentity-plugin-sdk-"));
  try {
    const out = join(work, "sdk");
    execFileSync("bash", [join(root, "scripts/pulumi-codegen.sh"), "nodejs", out], { stdio: ["ignore", "ignore", "inherit"] });
    return Object.fromEntries(
      walk(out)
        .filter((f) => f.endsWith(".ts"))
        .map((f) => [join(SOURCE, f), readFileSync(join(out, f), "utf8")]),
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Generated files in plugin-sdk/ that the schema no longer makes (a kind removed). */
function leftOver(files) {
  const dir = join(root, SOURCE);
  if (!existsSync(dir)) return [];
  return walk(dir)
    .map((f) => join(SOURCE, f))
    .filter((f) => !OURS.has(relative(SOURCE, f)) && !(f in files));
}

function generate() {
  const files = generated();
  const extra = leftOver(files);
  if (process.argv.includes("--check") && extra.length > 0) {
    console.error(`TypeScript plugin SDK stale: ${extra.join(", ")} no longer generated. Run 'npm run gen' and commit the result.`);
    return false;
  }
  for (const f of extra) unlinkSync(join(root, f));
  if (!process.argv.includes("--check")) for (const f of Object.keys(files)) mkdirSync(dirname(join(root, f)), { recursive: true });
  return writeOrCheck(files, "TypeScript plugin SDK");
}

/** Compiles plugin-sdk/ into dist/plugin-sdk/, with the package.json its code reads its version from. */
function build() {
  const tsc = join(root, "node_modules/.bin/tsc");
  execFileSync(existsSync(tsc) ? tsc : "tsc", ["-p", join(root, SOURCE, "tsconfig.json")], { stdio: "inherit" });
  const { name, version } = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
  // CommonJS inside an ESM package; `version` is the plugin version the SDK asks the engine for.
  const out = join(root, "dist", SOURCE, "package.json");
  writeFileSync(out, JSON.stringify({ name: `${name}/plugin`, version, type: "commonjs", private: true }, null, 2) + "\n");
  console.log(`TypeScript plugin SDK compiled into ${relative(root, dirname(out))}/ (version ${version}).`);
}

if (process.argv.includes("--build")) build();
else if (!generate()) process.exit(1);
