// Generates schema.json (a Pulumi package schema) from the handlers' zod input/output schemas.
// `--check` fails when the committed schema.json differs from what the code generates.
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const { allHandlers, SETTINGS, CONFIG_NAMESPACE } = await import(join(root, "dist/provider/index.js"));
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));

const SECRET_NAME = /password|secret|apikey/i;

/** One JSON Schema property as a Pulumi schema property. */
function property(js, name, secret) {
  const out = {};
  if (js.description) out.description = js.description;
  const t = Array.isArray(js.type) ? js.type.find((x) => x !== "null") : js.type;
  if (js.enum) {
    out.type = typeof js.enum[0] === "number" ? "number" : "string";
  } else if (js.anyOf || js.oneOf) {
    const alts = (js.anyOf ?? js.oneOf).filter((a) => a.type !== "null");
    if (alts.length === 1) Object.assign(out, property({ ...alts[0], description: js.description }, name, false));
    else out.$ref = "pulumi.json#/Any";
  } else if (t === "array") {
    out.type = "array";
    out.items = property(js.items ?? {}, name, false);
    delete out.items.description;
  } else if (t === "integer") out.type = "integer";
  else if (t === "number") out.type = "number";
  else if (t === "boolean") out.type = "boolean";
  else if (t === "string") out.type = "string";
  else if (t === "object") out.$ref = "pulumi.json#/Any";
  else out.$ref = "pulumi.json#/Any";
  if (js.default !== undefined) out.default = js.default;
  if (secret) out.secret = true;
  return out;
}

function objectSchema(schema, io, secrets, replaces) {
  const js = z.toJSONSchema(schema, { io, unrepresentable: "any" });
  const props = {};
  for (const [name, p] of Object.entries(js.properties ?? {})) {
    props[name] = property(p, name, secrets.has(name));
    if (replaces.has(name)) props[name].replaceOnChanges = true;
  }
  return { properties: props, required: (js.required ?? []).slice().sort() };
}

const resources = {};
for (const h of allHandlers()) {
  const secrets = new Set([...h.secretOutputs, ...Object.keys(z.toJSONSchema(h.inputs, { io: "input", unrepresentable: "any" }).properties ?? {}).filter((n) => SECRET_NAME.test(n))]);
  const replaces = new Set(h.replaceOnChanges);
  const ins = objectSchema(h.inputs, "input", secrets, replaces);
  const outs = objectSchema(h.outputs, "output", secrets, replaces);
  resources[`${CONFIG_NAMESPACE}:index:${h.kind}`] = {
    description: h.outputs.description ?? h.inputs.description ?? `${h.vendor} ${h.kind}`,
    inputProperties: ins.properties,
    requiredInputs: ins.required,
    properties: outs.properties,
    required: outs.required,
  };
}

const variables = {};
for (const [name, env] of Object.entries(SETTINGS)) {
  if (name.startsWith("memo")) continue;
  variables[name] = { type: "string", description: `Falls back to the environment variable ${env}.`, ...(SECRET_NAME.test(name) ? { secret: true } : {}) };
}

const schema = {
  name: CONFIG_NAMESPACE,
  displayName: "API identities",
  version: pkg.version,
  description: pkg.description,
  keywords: ["pulumi", "identity", "api", "uptrends", "ivanti", "automation-anywhere", "ibm-verify", "uipath"],
  license: pkg.license,
  config: { variables },
  resources,
};
const text = JSON.stringify(schema, null, 2) + "\n";
const file = join(root, "schema.json");
if (process.argv.includes("--check")) {
  let current = "";
  try {
    current = readFileSync(file, "utf8");
  } catch {
    /* missing counts as stale */
  }
  if (current !== text) {
    console.error("schema.json is stale: run 'npm run gen' and commit the result.");
    process.exit(1);
  }
  console.log("schema.json is up to date.");
} else {
  writeFileSync(file, text);
  console.log(`wrote schema.json (${Object.keys(resources).length} resources)`);
}
