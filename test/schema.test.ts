// schema.json is a valid Pulumi package schema, and each generated SDK class says what schema.json
// says: the same inputs (and which are required), the same outputs, the same secrets. The SDK
// classes are read with the TypeScript compiler API, as a reader of the source would see them.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { LOOKUPS, RESOURCES } from "../provider/declare.js";

const root = join(import.meta.dirname, "..");
const read = (rel: string) => readFileSync(join(root, rel), "utf8");

interface PropertySpec {
  secret?: boolean;
  replaceOnChanges?: boolean;
  $ref?: string;
  items?: PropertySpec;
}
interface ResourceSpec {
  description: string;
  inputProperties: Record<string, PropertySpec>;
  requiredInputs: string[];
  properties: Record<string, PropertySpec>;
  required: string[];
}
interface PackageSpec {
  resources: Record<string, ResourceSpec>;
  functions: Record<string, { description: string; inputs: { properties: object }; outputs: { properties: object } }>;
  types: Record<string, unknown>;
  config: { variables: Record<string, { secret?: boolean }> };
}

const schema = JSON.parse(read("schema.json")) as PackageSpec;
const validate = new Ajv2020({ strict: false, allErrors: true, logger: false }).compile(JSON.parse(read("test/fixtures/pulumi/pulumi.json")));

describe("schema.json", () => {
  it("validates against Pulumi's package metaschema", () => {
    const ok = validate(schema);
    expect(validate.errors ?? [], "metaschema errors").toEqual([]);
    expect(ok).toBe(true);
  });

  it("fails the metaschema when it is not a valid package schema", () => {
    const listDefault = structuredClone(schema);
    (listDefault.resources["apiidentity:index:IseApiUser"]!.inputProperties.roles as { default?: unknown }).default = ["Cisco ISE Operations"];
    expect(validate(listDefault)).toBe(false);
    const badName = { ...structuredClone(schema), name: "api identity" };
    expect(validate(badName)).toBe(false);
  });

  it("serves the five resources and the three lookups under apiidentity:index tokens, fully described", () => {
    expect(Object.keys(schema.resources).sort()).toEqual(RESOURCES.map((r) => `apiidentity:index:${r.kind}`).sort());
    expect(Object.keys(schema.functions).sort()).toEqual(LOOKUPS.map((l) => `apiidentity:index:${l.name}`).sort());
    for (const [token, r] of Object.entries(schema.resources)) {
      expect(r.description, token).toMatch(/^[A-Z].{40,}\.$/s);
      for (const [p, spec] of [...Object.entries(r.inputProperties), ...Object.entries(r.properties)]) {
        expect((spec as { description?: string }).description, `${token}.${p}`).toBeTruthy();
      }
    }
  });

  it("resolves every reference to a type of its own", () => {
    const refs = JSON.stringify(schema).match(/"#\/types\/[^"]+"/g) ?? [];
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) expect(Object.keys(schema.types), ref).toContain(JSON.parse(ref).slice("#/types/".length));
  });

  it("marks the credentials among the provider settings secret (the proxy URL may carry some), and only those", () => {
    const secret = Object.entries(schema.config.variables).filter(([, v]) => v.secret).map(([k]) => k).sort();
    expect(secret).toEqual([
      "automationAnywhereApiKey",
      "automationAnywherePassword",
      "controlRoomApiKey",
      "controlRoomPassword",
      "ibmVerifyClientSecret",
      "ivantiPassword",
      "proxyUrl",
      "uipathClientSecret",
      "uptrendsPassword",
      "verifyClientSecret",
    ]);
  });

  it("keeps each setting's former key as a deprecated setting that names the current one, so programs using it still work", () => {
    const variables = schema.config.variables as Record<string, { deprecationMessage?: string; defaultInfo?: { environment: string[] } }>;
    const deprecated = Object.entries(variables).filter(([, v]) => v.deprecationMessage !== undefined);
    expect(deprecated.map(([k]) => k).sort()).toEqual(["controlRoomApiKey", "controlRoomPassword", "controlRoomUrl", "controlRoomUsername", "verifyClientId", "verifyClientSecret", "verifyTenantUrl"]);
    expect(variables.controlRoomUrl!.deprecationMessage).toMatch(/^Use automationAnywhereUrl \(environment variable AUTOMATION_ANYWHERE_URL\) instead/);
    expect(variables.automationAnywhereUrl!.defaultInfo!.environment).toEqual(["AUTOMATION_ANYWHERE_URL", "CONTROL_ROOM_URL"]);
    expect(variables.uptrendsUsername!.deprecationMessage).toBeUndefined();
  });
});

/** What the TypeScript source of one generated SDK module declares. */
function sdkModule(rel: string, kind: string) {
  const src = ts.createSourceFile(rel, read(rel), ts.ScriptTarget.Latest, true);
  const args = new Map<string, boolean>();
  const outputs = new Set<string>();
  const lists = new Map<string, string[]>();
  const visit = (n: ts.Node) => {
    if (ts.isInterfaceDeclaration(n) && n.name.text === `${kind}Args`) {
      for (const m of n.members) if (ts.isPropertySignature(m)) args.set(m.name.getText(src), m.questionToken === undefined);
    }
    if (ts.isClassDeclaration(n) && n.name?.text === kind) {
      for (const m of n.members) if (ts.isPropertyDeclaration(m)) outputs.add(m.name.getText(src));
    }
    if (ts.isVariableDeclaration(n) && n.name.getText(src) === "DECLARED" && n.initializer && ts.isObjectLiteralExpression(n.initializer)) {
      for (const p of n.initializer.properties) {
        if (ts.isPropertyAssignment(p) && ts.isArrayLiteralExpression(p.initializer)) {
          lists.set(p.name.getText(src), p.initializer.elements.map((e) => (e as ts.StringLiteral).text));
        }
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(src);
  return { args, outputs, lists };
}

describe.each(RESOURCES.map((r) => [r.kind, r.sdkModule] as const))("SDK class %s", (kind, module) => {
  const spec = schema.resources[`apiidentity:index:${kind}`]!;
  const sdk = sdkModule(`sdk/${module}.ts`, kind);

  it("takes exactly the schema's inputs in its Args, required where the schema requires them", () => {
    expect([...sdk.args.keys()].sort()).toEqual(Object.keys(spec.inputProperties).sort());
    expect([...sdk.args].filter(([, req]) => req).map(([k]) => k).sort()).toEqual([...spec.requiredInputs].sort());
    expect(sdk.args.has("importId")).toBe(true);
  });

  it("declares every output of the schema", () => {
    expect([...sdk.outputs].sort()).toEqual(Object.keys(spec.properties).sort());
    expect(sdk.lists.get("outputs")?.slice().sort()).toEqual(Object.keys(spec.properties).sort());
    expect(sdk.lists.get("inputs")?.slice().sort()).toEqual(Object.keys(spec.inputProperties).sort());
  });

  it("keeps the schema's secrets secret", () => {
    const secretOuts = Object.entries({ ...spec.inputProperties, ...spec.properties }).filter(([, p]) => p.secret).map(([k]) => k);
    const secretIns = Object.entries(spec.inputProperties).filter(([, p]) => p.secret).map(([k]) => k);
    expect(sdk.lists.get("secretOutputs")?.slice().sort()).toEqual([...new Set(secretOuts)].sort());
    expect(sdk.lists.get("secretInputs")?.slice().sort()).toEqual(secretIns.sort());
  });
});

describe("SDK lookups", () => {
  it("exports a function for every lookup in schema.json", () => {
    const src = read("sdk/lookups.ts");
    for (const l of LOOKUPS) expect(src, l.name).toMatch(new RegExp(`export (async )?function ${l.name}\\(`));
  });
});
