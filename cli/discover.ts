// `apiidentity discover <vendor>`: lists the identities that already exist at a vendor and prints
// declarations that take them under management with `pulumi up`: TypeScript with `importId` (the
// dynamic resources), or Pulumi YAML / Python with the `import` resource option (the provider
// plugin, whose Read the engine calls). The inputs come from each resource's own read(), i.e.
// exactly what refresh would report.
import { parseArgs } from "node:util";
import { chosenTenant, TENANT_OPTIONS } from "./tenant-option.js";
import { requiredInputsOf, writeOnlyInputsOf } from "../provider/declare.js";
import { handlerFor } from "../provider/handlers.js";
import { environmentSettings, type Settings } from "../provider/settings.js";
import { VENDORS } from "../provider/vendors/index.js";
import { VENDOR_NAMES, vendorKey } from "./vendor-keys.js";
import { PLUGIN_TYPE_PREFIX } from "./resource-types.js";
import { UsageError } from "./errors.js";

/** The vendor module a CLI name or alias stands for. */
function vendorNamed(key: string) {
  const v = VENDORS.find((x) => x.name === vendorKey(key));
  if (!v) throw new UsageError(`unknown vendor '${key}': use one of ${VENDOR_NAMES.join(", ")}`);
  return v;
}

export interface Discovered {
  kind: string;
  name: string;
  id: string;
  inputs: Record<string, unknown>;
  /** Write-only secrets the declaration must set even when it adopts: taken from secret config. */
  secretInputs: string[];
  /** Write-only secrets an adopted identity keeps as they are (a password): left out, with a comment. */
  keptSecretInputs: string[];
}

/** Pulumi resource names: lower-case, dashes, unique within the output. */
function resourceNames(labels: string[]): string[] {
  const used = new Map<string, number>();
  return labels.map((l) => {
    const base = l.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "") || "identity";
    const n = (used.get(base) ?? 0) + 1;
    used.set(base, n);
    return n === 1 ? base : `${base}-${n}`;
  });
}

/**
 * The write-only inputs (declared secrets the vendor never returns) that a program must set even
 * when it adopts: the declaration takes them from stack config secrets.
 */
function secretInputsToDeclare(kind: string): string[] {
  const required = requiredInputsOf(kind);
  return writeOnlyInputsOf(kind).filter((k) => required.includes(k));
}

/** `settings`: the provider settings to discover with; the CLI's are its environment's. */
export async function discoverVendor(key: string, settings: Settings = environmentSettings()): Promise<Discovered[]> {
  const spec = vendorNamed(key).discover;
  const handler = handlerFor(spec.kind).with(settings);
  const found = await spec.list(settings);
  const names = resourceNames(found.map((f) => f.label));
  const out: Discovered[] = [];
  for (const [i, f] of found.entries()) {
    const r = await handler.read(f.id, {});
    if (!r.id || !r.inputs) continue; // deleted meanwhile
    const writeOnly = writeOnlyInputsOf(spec.kind);
    const inputs = Object.fromEntries(
      Object.entries(r.inputs as Record<string, unknown>).filter(([k, v]) => v !== undefined && v !== null && k !== "importId" && !writeOnly.includes(k)),
    );
    const secretInputs = secretInputsToDeclare(spec.kind);
    out.push({ kind: spec.kind, name: names[i]!, id: r.id, inputs, secretInputs, keptSecretInputs: writeOnly.filter((k) => !secretInputs.includes(k)) });
  }
  return out;
}

const camel = (s: string) => s.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** The comment that stands for a kept write-only secret: why it is absent and how to set one. */
const kept = (k: string, key: string, how: string) =>
  `${k}: not declared: the vendor never returns it, and the adopted identity keeps the one it has. To set one: pulumi config set --secret ${key}, ${how}`;

/** TypeScript that is also plain ES-module JavaScript, ready to paste into a program. */
export function declarations(found: Discovered[], vendorKey: string): string {
  const kinds = [...new Set(found.map((f) => f.kind))];
  const needsConfig = found.some((f) => f.secretInputs.length > 0);
  const lines = [
    `// ${found.length} existing identit${found.length === 1 ? "y" : "ies"} found by 'apiidentity discover ${vendorKey}'.`,
    "// 'pulumi up' adopts each one (importId) instead of creating it, then applies what is declared here.",
  ];
  if (needsConfig) lines.push('import * as pulumi from "@pulumi/pulumi";');
  if (kinds.length) lines.push(`import { ${kinds.join(", ")} } from "pulumi-apiidentity";`);
  if (needsConfig) lines.push("", "const config = new pulumi.Config();");
  for (const f of found) {
    lines.push("", `new ${f.kind}(${JSON.stringify(f.name)}, {`, `  importId: ${JSON.stringify(f.id)},`);
    for (const [k, v] of Object.entries(f.inputs)) lines.push(`  ${k}: ${JSON.stringify(v)},`);
    for (const k of f.secretInputs) {
      const key = camel(`${f.name}-${k}`);
      lines.push(`  ${k}: config.requireSecret(${JSON.stringify(key)}), // the vendor never returns it: pulumi config set --secret ${key}`);
    }
    for (const k of f.keptSecretInputs) {
      const key = camel(`${f.name}-${k}`);
      lines.push(`  // ${kept(k, key, `and add ${k}: new pulumi.Config().requireSecret(${JSON.stringify(key)}),`)}`);
    }
    lines.push("});");
  }
  return lines.join("\n") + "\n";
}

/** The resource type token the provider plugin serves (schema.json). */
const token = (kind: string) => `${PLUGIN_TYPE_PREFIX}${kind}`;

const header = (found: Discovered[], vendorKey: string, format: string, how: string) => [
  `${found.length} existing identit${found.length === 1 ? "y" : "ies"} found by 'apiidentity discover ${vendorKey} --format ${format}'.`,
  `'pulumi up' imports each one (${how}) through the provider plugin, then applies what is declared here.`,
];

/**
 * The inputs a plugin-format declaration sets: what read() found, and `importId` as `pulumi import`
 * writes it (the plugin's Read returns it): it never causes a diff, and it tells check that the
 * identity is adopted, so inputs only a create needs (a password the vendor never returns) may be left out.
 */
const pluginInputs = (f: Discovered): Record<string, unknown> => ({ importId: f.id, ...f.inputs });

/**
 * Pulumi YAML: a `config:` block for the secrets the vendor never returns and a `resources:` block,
 * to merge into a Pulumi.yaml. Values are written as JSON, which YAML reads as the same values.
 */
export function yamlDeclarations(found: Discovered[], vendorKey: string, provider?: string): string {
  const lines = header(found, vendorKey, "yaml", "options: import").map((l) => `# ${l}`);
  const secrets = found.flatMap((f) => f.secretInputs.map((k) => camel(`${f.name}-${k}`)));
  if (secrets.length) {
    lines.push("config:");
    for (const key of secrets) lines.push(`  ${key}:`, "    type: string", "    secret: true");
  }
  lines.push(found.length ? "resources:" : "resources: {}");
  for (const f of found) {
    lines.push(`  ${f.name}:`, `    type: ${token(f.kind)}`, "    properties:");
    for (const [k, v] of Object.entries(pluginInputs(f))) lines.push(`      ${k}: ${JSON.stringify(v)}`);
    for (const k of f.secretInputs) {
      const key = camel(`${f.name}-${k}`);
      lines.push(`      ${k}: \${${key}} # the vendor never returns it: pulumi config set --secret ${key}`);
    }
    for (const k of f.keptSecretInputs) {
      const key = camel(`${f.name}-${k}`);
      lines.push(`      # ${kept(k, key, `declare ${key} under config: (type: string, secret: true), and add ${k}: \${${key}}`)}`);
    }
    lines.push("    options:", `      import: ${JSON.stringify(f.id)}`);
    if (provider !== undefined) lines.push(`      provider: \${${provider}}`);
  }
  return lines.join("\n") + "\n";
}

/** The generated Python SDK's name of a property (`pulumi package gen-sdk`: camelCase to snake_case). */
export function pythonName(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, "$1_$2").replace(/([A-Z]+)([A-Z][a-z])/g, "$1_$2").toLowerCase();
}

/** A Python literal of a JSON value (dict keys as the SDK's input dicts name them). */
function pythonValue(v: unknown): string {
  if (v === null || v === undefined) return "None";
  if (typeof v === "boolean") return v ? "True" : "False";
  if (typeof v === "number" || typeof v === "string") return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(pythonValue).join(", ")}]`;
  return `{${Object.entries(v as Record<string, unknown>).map(([k, x]) => `${JSON.stringify(pythonName(k))}: ${pythonValue(x)}`).join(", ")}}`;
}

/** Python with the SDK generated from schema.json (`pulumi_apiidentity`), a module of its own. */
export function pythonDeclarations(found: Discovered[], vendorKey: string, provider?: string): string {
  const lines = header(found, vendorKey, "python", "import_").map((l) => `# ${l}`);
  const providerVariable = provider?.replace(/[^A-Za-z0-9_]/g, "_").replace(/^(?=\d)/, "p_");
  if (provider !== undefined) lines.push(`# ${providerVariable}: the program's explicit provider '${provider}' (the tenant these identities are at).`);
  lines.push("import pulumi", "import pulumi_apiidentity as apiidentity");
  if (found.some((f) => f.secretInputs.length > 0)) lines.push("", "config = pulumi.Config()");
  for (const f of found) {
    const variable = f.name.replace(/-/g, "_").replace(/^(?=\d)/, "r_");
    lines.push("", `${variable} = apiidentity.${f.kind}(`, `    ${JSON.stringify(f.name)},`);
    for (const [k, v] of Object.entries(pluginInputs(f))) lines.push(`    ${pythonName(k)}=${pythonValue(v)},`);
    for (const k of f.secretInputs) {
      const key = camel(`${f.name}-${k}`);
      lines.push(`    ${pythonName(k)}=config.require_secret(${JSON.stringify(key)}),  # the vendor never returns it: pulumi config set --secret ${key}`);
    }
    for (const k of f.keptSecretInputs) {
      const key = camel(`${f.name}-${k}`);
      lines.push(`    # ${kept(k, key, `and add ${pythonName(k)}=pulumi.Config().require_secret(${JSON.stringify(key)}),`)}`);
    }
    lines.push(`    opts=pulumi.ResourceOptions(import_=${JSON.stringify(f.id)}${providerVariable ? `, provider=${providerVariable}` : ""}),`, ")");
  }
  return lines.join("\n") + "\n";
}

const FORMATS = {
  ts: declarations,
  yaml: yamlDeclarations,
  python: pythonDeclarations,
  json: (found: Discovered[]) => JSON.stringify(found, null, 2) + "\n",
} as const;

export async function discover(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { format: { type: "string", default: "ts" }, ...TENANT_OPTIONS } });
  const key = positionals[0];
  if (!key) throw new UsageError(`name a vendor: ${VENDOR_NAMES.join(", ")}`);
  const format = values.format as keyof typeof FORMATS;
  if (!Object.hasOwn(FORMATS, format)) throw new UsageError(`--format must be ${Object.keys(FORMATS).join(", ")}, not '${values.format}'`);
  // --profile or --provider: that tenant's settings, from the stack, instead of the environment's.
  const chosen = await chosenTenant({ cwd: values.cwd!, ...(values.stack ? { stack: values.stack } : {}), ...(values.profile ? { profile: values.profile } : {}), ...(values.provider ? { provider: values.provider } : {}) });
  const found = await discoverVendor(key, chosen?.settings);
  // The TypeScript declarations adopt into the same profile, so the adopted resources stay at that tenant.
  const declared = values.profile && format === "ts" ? found.map((f) => ({ ...f, inputs: { ...f.inputs, profile: values.profile } })) : found;
  process.stdout.write(values.provider && (format === "yaml" || format === "python") ? FORMATS[format](declared, key, values.provider) : FORMATS[format](declared, key));
  process.stderr.write(`apiidentity discover: ${found.length} identit${found.length === 1 ? "y" : "ies"} at ${vendorNamed(key).displayName}${chosen ? ` (tenant ${chosen.tenant})` : ""}\n`);
  return 0;
}
