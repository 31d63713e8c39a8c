// Installs this repository's test-only resource kinds (test/kinds/) into a test project's copy of the
// package, the way a kind from outside the package plugs in: its modules under dist/test/kinds/, a
// kind module beside the package's own (the serialised provider require()s it, and loading it
// registers the handler), and a `./testing` export for the programs. The published package holds
// none of this (test/e2e/package.test.ts checks it).
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const sources = resolve(dirname(fileURLToPath(import.meta.url)), "../kinds");

/** A kind module as the package's own (provider/dynamic/kinds/*.cts), plus the line that registers the handler. */
const kindModule = (kind: string, handlerModule: string) => `"use strict";
// Test-only kind module written by the e2e harness: registers ${kind}, then serves its provider object.
require(${JSON.stringify(handlerModule)});
module.exports = require("../adapter.cjs").providerFor(${JSON.stringify(kind)});
`;

/** TypeScript to ESM JavaScript, one file at a time (the test kinds import only by relative paths). */
function transpile(file: string): string {
  const source = readFileSync(join(sources, file), "utf8");
  return ts.transpileModule(source, {
    fileName: file,
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2023, verbatimModuleSyntax: true },
  }).outputText;
}

export function installTestKinds(projectDir: string): void {
  const pkg = join(projectDir, "node_modules", "pulumi-apiidentity");
  // dist/test/kinds mirrors test/kinds, so their relative imports of ../../provider/* resolve in dist.
  const out = join(pkg, "dist", "test", "kinds");
  mkdirSync(out, { recursive: true });
  for (const file of ["memo.ts", "memo-sdk.ts"]) writeFileSync(join(out, file.replace(/\.ts$/, ".js")), transpile(file));
  writeFileSync(join(pkg, "dist/provider/dynamic/kinds/TestingMemo.cjs"), kindModule("TestingMemo", "../../../test/kinds/memo.js"));

  const manifest = JSON.parse(readFileSync(join(pkg, "package.json"), "utf8")) as { exports: Record<string, unknown> };
  manifest.exports["./testing"] = { default: "./dist/test/kinds/memo-sdk.js" };
  writeFileSync(join(pkg, "package.json"), JSON.stringify(manifest, null, 2));
}
