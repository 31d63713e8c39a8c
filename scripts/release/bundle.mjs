// The provider plugin bundled into one CommonJS file, the form a Node single executable application
// runs. Such an application can require Node's built-in modules only, so everything else is resolved
// here, at build time:
// - schema.json's text and the version are defined in (provider/plugin/package-info.ts reads them);
// - the plugin loads Pulumi's generated gRPC stubs and @grpc/grpc-js through `createRequire`, from
//   @pulumi/pulumi's own install (provider/plugin/proto.ts, notes.ts). For our sources, `node:module`
//   becomes a small module whose createRequire answers exactly the ids they pass to `fromPulumi(…)`,
//   each a static require that esbuild bundles from @pulumi/pulumi's directory;
// - @grpc/proto-loader, which grpc-js loads only for its channelz and ORCA admin services (never used
//   by the plugin), becomes a module that says so, rather than a copy of protobufjs and .proto files.
import { readFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { build } from "esbuild";

const PULUMI_PACKAGE = "@pulumi/pulumi/package.json";

function nodeModuleShim(importerSource, importer) {
  const ids = [...new Set([...importerSource.matchAll(/fromPulumi\(\s*"([^"]+)"\s*\)/g)].map((m) => m[1]))];
  const table = ids.map((id) => `  ${JSON.stringify(id)}: () => require(${JSON.stringify(id)}),`).join("\n");
  return `// Built for ${importer}: the ids it loads from @pulumi/pulumi, resolved when bundling.
const fromPulumi = {
${table}
};
export function createRequire(from) {
  const table = from === ${JSON.stringify(PULUMI_PACKAGE)} ? fromPulumi : {};
  const load = (id) => {
    if (!Object.hasOwn(table, id)) throw new Error("pulumi-resource-apiidentity: " + id + " is not built into the standalone binary (loaded from " + from + " in ${importer})");
    return table[id]();
  };
  load.resolve = (id) => {
    if (id === ${JSON.stringify(PULUMI_PACKAGE)}) return id;
    throw new Error("pulumi-resource-apiidentity: cannot resolve " + id + " in the standalone binary");
  };
  return load;
}
`;
}

function standalone(root) {
  const pulumiDir = dirname(join(root, "node_modules", PULUMI_PACKAGE));
  const ours = (file) => !relative(root, file).split(sep).includes("node_modules");
  return {
    name: "apiidentity-standalone",
    setup(b) {
      b.onResolve({ filter: /^(node:)?module$/ }, (args) =>
        args.importer && ours(args.importer) ? { path: args.importer, namespace: "standalone-module" } : undefined,
      );
      b.onLoad({ filter: /.*/, namespace: "standalone-module" }, (args) => ({
        contents: nodeModuleShim(readFileSync(args.path, "utf8"), relative(root, args.path)),
        resolveDir: pulumiDir,
        loader: "js",
      }));
      b.onResolve({ filter: /^@grpc\/proto-loader$/ }, () => ({ path: "proto-loader", namespace: "standalone-absent" }));
      b.onLoad({ filter: /.*/, namespace: "standalone-absent" }, () => ({
        contents: `throw new Error("pulumi-resource-apiidentity: @grpc/proto-loader (grpc-js channelz and ORCA) is not in the standalone binary");`,
        loader: "js",
      }));
    },
  };
}

/**
 * Bundles provider/plugin/main.ts into `outfile` with `version` and schema.json built in. Any esbuild
 * warning fails the build: each one is a require or import.meta the binary could not honour.
 */
export async function bundlePlugin({ root, version, outfile }) {
  const schema = readFileSync(join(root, "schema.json"), "utf8");
  const result = await build({
    absWorkingDir: root,
    entryPoints: [join(root, "provider", "plugin", "main.ts")],
    outfile,
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node22",
    minifyWhitespace: true,
    minifySyntax: true,
    define: {
      APIIDENTITY_EMBEDDED: JSON.stringify({ version, schema }),
      // createRequire's argument in our sources; the shim above ignores it.
      "import.meta.url": JSON.stringify("file:///standalone/pulumi-resource-apiidentity.cjs"),
    },
    plugins: [standalone(root)],
    metafile: true,
    logLevel: "silent",
  });
  if (result.warnings.length > 0) {
    throw new Error(`release: the bundle has ${result.warnings.length} warning(s), each something the standalone binary could not load:\n` + result.warnings.map((w) => `  ${w.location ? `${w.location.file}:${w.location.line}: ` : ""}${w.text}`).join("\n"));
  }
  const output = readFileSync(outfile, "utf8");
  if (output.includes("import.meta")) throw new Error("release: the bundle still refers to import.meta, which CommonJS does not have");
  return { bytes: Buffer.byteLength(output), inputs: Object.keys(result.metafile.inputs).length };
}
