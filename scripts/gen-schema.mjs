// Generates schema.json (a Pulumi package schema: the tokens a provider plugin serves) from the
// resource, lookup and setting declarations. `--check` fails when schema.json or the generated SDK
// classes (scripts/gen-sdk.mjs) differ from what the declarations give.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { loadModel, root, writeOrCheck } from "./declarations.mjs";
import { sdkFiles } from "./gen-sdk.mjs";
import { schemaMetadata } from "./release/metadata.mjs";

const model = await loadModel();
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const ns = model.namespace;
const types = {};

/** One JSON Schema (from zod) as a Pulumi type spec; named objects become entries of `types`. */
function typeSpec(js) {
  if (Array.isArray(js.type)) {
    const alts = js.type.filter((t) => t !== "null");
    return alts.length === 1 ? typeSpec({ ...js, type: alts[0] }) : { oneOf: alts.map((t) => typeSpec({ type: t })) };
  }
  if (js.anyOf || js.oneOf) {
    const alts = (js.anyOf ?? js.oneOf).filter((a) => a.type !== "null");
    return alts.length === 1 ? typeSpec(alts[0]) : { oneOf: alts.map(typeSpec) };
  }
  if (js.enum) return { type: typeof js.enum[0] === "number" ? "number" : "string" };
  switch (js.type) {
    case "string":
    case "boolean":
    case "integer":
    case "number":
      return { type: js.type };
    case "array":
      return { type: "array", items: typeSpec(js.items ?? {}) };
    case "object":
      if (!js.typeName) return { $ref: "pulumi.json#/Any" };
      types[`${ns}:index:${js.typeName}`] ??= { type: "object", description: js.description, ...objectSpec(js) };
      return { $ref: `#/types/${ns}:index:${js.typeName}` };
    default:
      return { $ref: "pulumi.json#/Any" };
  }
}

function objectSpec(js) {
  const properties = {};
  for (const [name, p] of Object.entries(js.properties ?? {})) properties[name] = { description: p.description, ...typeSpec(p) };
  return { properties, required: [...(js.required ?? [])].sort() };
}

/** A declared property as a Pulumi property spec. */
function propertySpec(p, { replaces }) {
  const out = { description: p.description, ...typeSpec(p.js) };
  // Pulumi schema defaults are scalars; a list default is stated in the description.
  if (["string", "number", "boolean"].includes(typeof p.default)) out.default = p.default;
  if (p.secret) out.secret = true;
  if (replaces && p.onChange === "replace") out.replaceOnChanges = true;
  return out;
}

function properties(list, opts) {
  return Object.fromEntries(list.map((p) => [p.name, propertySpec(p, opts)]));
}

const required = (list) => list.filter((p) => p.required).map((p) => p.name).sort();

const resources = {};
for (const r of model.resources) {
  resources[`${ns}:index:${r.kind}`] = {
    description: r.description,
    inputProperties: properties(r.inputs, { replaces: true }),
    requiredInputs: required(r.inputs),
    properties: properties(r.outputs, { replaces: true }),
    required: required(r.outputs),
  };
}

const functions = {};
for (const l of model.lookups) {
  functions[`${ns}:index:${l.name}`] = {
    description: l.description,
    inputs: { properties: properties(l.inputs, {}), required: required(l.inputs) },
    outputs: { properties: properties(l.outputs, {}), required: required(l.outputs) },
  };
}

const { FORMER_NAMES } = await import(join(root, "dist/provider/config.js"));
const variables = {};
for (const s of model.settings) {
  const former = FORMER_NAMES[s.name];
  variables[s.name] = {
    type: "string",
    description: `${s.description} Falls back to the environment variable ${s.env}${former ? `, then to the former names ${ns}:${former.key} and ${former.env}` : ""}.`,
    defaultInfo: { environment: former ? [s.env, former.env] : [s.env] },
    ...(s.secret ? { secret: true } : {}),
  };
}
// A setting's former key stays a setting, deprecated, so programs and explicit providers that use it keep working.
for (const s of model.settings) {
  const former = FORMER_NAMES[s.name];
  if (!former) continue;
  variables[former.key] = {
    type: "string",
    description: `Former name of ${s.name}, still read when ${s.name} is not set.`,
    deprecationMessage: `Use ${s.name} (environment variable ${s.env}) instead; ${former.key} is read only when ${s.name} is not set.`,
    ...(s.secret ? { secret: true } : {}),
  };
}

// The SDKs depend on the @pulumi/pulumi release this package is built and tested with (package.json),
// and generate with the schema's version (respectSchemaVersion), so each asks the engine for exactly
// the plugin version it came with, from pluginDownloadURL.
const pulumiSdk = pkg.dependencies["@pulumi/pulumi"].replace(/^[~^]/, "");
const meta = schemaMetadata(pkg);
const schema = {
  name: ns,
  displayName: "API identities",
  version: meta.version,
  description: pkg.description,
  keywords: ["pulumi", "identity", "api", ...model.vendors.map((v) => v.name), "category/utility", "kind/native"],
  homepage: meta.homepage,
  license: pkg.license,
  repository: meta.repository,
  publisher: meta.publisher,
  pluginDownloadURL: meta.pluginDownloadURL,
  language: {
    nodejs: {
      packageName: pkg.name,
      packageDescription: pkg.description,
      dependencies: { "@pulumi/pulumi": `^${pulumiSdk}` },
      respectSchemaVersion: true,
    },
    python: {
      packageName: `pulumi_${ns}`,
      requires: { pulumi: `>=${pulumiSdk},<4.0.0` },
      respectSchemaVersion: true,
    },
  },
  config: { variables },
  provider: {
    description: `The apiidentity provider: credentials and base URLs of the ${model.vendors.length} vendors (${model.vendors.map((v) => v.displayName).join(", ")}), each falling back to its environment variable.`,
    inputProperties: variables,
  },
  types,
  resources,
  functions,
};

let ok = writeOrCheck({ "schema.json": JSON.stringify(schema, null, 2) + "\n" }, "schema.json");
// The SDK classes come from the same declarations: one check covers both (see scripts/gen-sdk.mjs).
if (process.argv.includes("--check")) ok = writeOrCheck(await sdkFiles(model), "SDK classes") && ok;
if (!ok) process.exit(1);
