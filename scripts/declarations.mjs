// The resource and lookup declarations (provider/declare.ts, built into dist/) as plain data for the
// generators: each property with its JSON Schema, whether it is required, and its declared facts.
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as z from "zod";

export const root = join(dirname(fileURLToPath(import.meta.url)), "..");

/**
 * The properties of one zod object, as `io` ("input" or "output") sees them. An input's description
 * ends with the sentence its declared default makes (`defaultSentence`), so the default is written once.
 */
function propertiesOf(schema, io, defaultSentence = () => undefined) {
  const js = z.toJSONSchema(schema, { io, unrepresentable: "any" });
  const required = new Set(js.required ?? []);
  return Object.entries(js.properties ?? {}).map(([name, p]) => ({
    name,
    js: p,
    required: required.has(name),
    description: [p.description ?? "", io === "input" ? defaultSentence(schema.shape[name]) : undefined].filter(Boolean).join(" "),
    secret: p.secret === true,
    writeOnly: p.writeOnly === true,
    onChange: p.onChange,
    default: p.default,
  }));
}

/** Everything the generators need, read from the built provider. */
export async function loadModel() {
  const declare = await import(join(root, "dist/provider/declare.js"));
  const { VENDORS } = await import(join(root, "dist/provider/vendors/index.js"));
  const kindModules = new Map(VENDORS.flatMap((v) => v.kinds.map((k) => [k.kind, { ...k, vendor: v.name, advised: typeof k.handler.advise === "function" }])));
  const { SETTINGS, CONFIG_NAMESPACE } = await import(join(root, "dist/provider/config.js"));
  const resources = declare.RESOURCES.map((r) => {
    const inputs = propertiesOf(r.inputs, "input", declare.defaultSentenceOf).map((p) => ({ ...p, onChange: p.onChange ?? "update" }));
    const change = new Map(inputs.map((p) => [p.name, p.onChange]));
    const secretIn = new Set(inputs.filter((p) => p.secret).map((p) => p.name));
    const outputs = propertiesOf(r.outputs, "output").map((p) => ({ ...p, onChange: change.get(p.name), secret: p.secret || secretIn.has(p.name) }));
    const description = declare.factsOf(r.outputs).description ?? declare.factsOf(r.inputs).description ?? "";
    const k = kindModules.get(r.kind);
    return { kind: r.kind, folder: r.folder, sdkModule: r.sdkModule, description, inputs, outputs, sdk: k.sdk ?? {}, adviceExports: k.advised ? k.adviceExports : undefined };
  });
  const lookups = declare.LOOKUPS.map((l) => ({
    name: l.name,
    folder: l.folder,
    description: declare.factsOf(l.inputs).description ?? "",
    // The SDK function: its documentation, and its argument and result types (named and generated from the two objects).
    sdk: {
      doc: declare.factsOf(l.inputs).sdkDoc,
      args: declare.factsOf(l.inputs).sdkType,
      result: declare.factsOf(l.outputs).sdkType,
      argsSchema: z.toJSONSchema(l.inputs, { io: "input", unrepresentable: "any" }),
      resultSchema: z.toJSONSchema(l.outputs, { io: "output", unrepresentable: "any" }),
    },
    inputs: propertiesOf(l.inputs, "input"),
    outputs: propertiesOf(l.outputs, "output"),
  }));
  const settings = Object.entries(declare.SETTING_FACTS).map(([name, f]) => ({ name, env: SETTINGS[name], description: f.description, secret: f.secret === true }));
  const vendors = VENDORS.map((v) => ({ name: v.name, displayName: v.displayName, sdkFrom: [...new Set(v.kinds.map((k) => k.sdk?.from).filter(Boolean))] }));
  return { namespace: CONFIG_NAMESPACE, resources, lookups, settings, vendors };
}

/**
 * Writes `files` ({ path relative to the root: text }), or with `--check` fails listing the stale
 * ones. `what` names them in the messages.
 */
export function writeOrCheck(files, what) {
  const stale = [];
  for (const [rel, text] of Object.entries(files)) {
    const path = join(root, rel);
    let current = "";
    try {
      current = readFileSync(path, "utf8");
    } catch {
      /* missing counts as stale */
    }
    if (current === text) continue;
    if (process.argv.includes("--check")) stale.push(rel);
    else writeFileSync(path, text);
  }
  if (stale.length > 0) {
    console.error(`${what} stale: ${stale.join(", ")}. Run 'npm run gen' and commit the result.`);
    process.exitCode = 1;
    return false;
  }
  console.log(process.argv.includes("--check") ? `${what} up to date.` : `${what}: ${Object.keys(files).length} file(s) written.`);
  return true;
}
