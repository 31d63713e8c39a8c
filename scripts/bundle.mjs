// The two bundles each `pulumi` command loads before it can go on, built from the compiled dist/
// into dist/provider/bundles/ (loaded by provider/bundles/load.cts, with a code cache):
// - dynamic-runtime.cjs, from dist/provider/dynamic/runtime.js: the dynamic-provider process answers
//   nothing before it is loaded. As ~200 ES and CommonJS modules (ours, zod's, undici's) that took
//   about 100 ms; as one file of the parts used, about 35 ms, and about 20 ms from the code cache.
// - advice.cjs, from dist/provider/advice.js: the advice rules and input schemas the SDK checks in
//   the program process, with zod; each kind's part is still evaluated on its first use only.
//
//   node scripts/bundle.mjs     # after `tsc -p tsconfig.build.json`; scripts/build-dist.sh does both
import { build } from "esbuild";
import { existsSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const out = join(root, "dist/provider/bundles");

/** Bundle name → compiled entry point. */
const BUNDLES = {
  "dynamic-runtime": "dist/provider/dynamic/runtime.js",
  advice: "dist/provider/advice.js",
};

/** Resolutions that differ from Node's in the bundles. */
const parts = {
  name: "bundle-parts",
  setup(b) {
    // undici's dispatchers and errors without its fetch, WebSocket, caches and mocks.
    b.onResolve({ filter: /^undici$/ }, () => ({ path: join(root, "provider/http/undici-subset.cjs") }));
    // The demo's half of a vendor module needs the repository and never runs in a provider.
    b.onResolve({ filter: /(^|\/)demo(-calls)?\.js$/ }, (a) => ({ path: a.path, external: true }));
  },
};

mkdirSync(out, { recursive: true });
for (const [name, entry] of Object.entries(BUNDLES)) {
  if (!existsSync(join(root, entry))) {
    console.error(`bundle: ${entry} is missing; run \`tsc -p tsconfig.build.json\` first (scripts/build-dist.sh does both)`);
    process.exit(1);
  }
  await build({
    entryPoints: [join(root, entry)],
    outfile: join(out, `${name}.cjs`),
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node22",
    // Readable stack traces; minifying saved no load time.
    minify: false,
    legalComments: "eof",
    logLevel: "warning",
    plugins: [parts],
  });
}
