// Every generated output says what the vendor registry says, no more and no less: each kind has its
// SDK class, its dynamic-provider entry point, its schema resource and its docs page with tables;
// each lookup its schema function and SDK function; each vendor its settings in schema.json.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ADVICE_LOADERS } from "../provider/advice-loaders.js";
import { FORMER_NAMES } from "../provider/config.js";
import { NETWORK_SETTINGS } from "../provider/network-settings.js";
import { RATE_LIMIT_SETTINGS } from "../provider/rate-limit-settings.js";
import { VENDORS } from "../provider/vendors/index.js";
import { SANDBOX_KINDS } from "../sandbox/kinds.js";
import { vendorModules } from "../sandbox/vendors/index.js";

const root = join(import.meta.dirname, "..");
const read = (rel: string) => readFileSync(join(root, rel), "utf8");
const kinds = VENDORS.flatMap((v) => v.kinds);
const schema = JSON.parse(read("schema.json")) as {
  keywords: string[];
  resources: Record<string, unknown>;
  functions: Record<string, unknown>;
  config: { variables: Record<string, unknown> };
};
const generatedIn = (dir: string, ext: string) =>
  readdirSync(join(root, dir))
    .filter((f) => f.endsWith(ext) && !f.endsWith(`.test${ext}`))
    .filter((f) => read(`${dir}/${f}`).startsWith("// GENERATED"));

describe("generated outputs and the vendor registry", () => {
  it("each kind has its SDK class, and sdk/index.ts exports exactly those and the lookups", () => {
    for (const k of kinds) expect(read(`sdk/${k.sdkModule}.ts`)).toContain(`export class ${k.kind} extends`);
    expect(generatedIn("sdk", ".ts").filter((f) => f !== "index.ts" && f !== "lookups.ts").sort()).toEqual(kinds.map((k) => `${k.sdkModule}.ts`).sort());
    const index = read("sdk/index.ts");
    expect([...index.matchAll(/export \* from "\.\/(.+)\.js";/g)].map((m) => m[1])).toEqual([...kinds.map((k) => k.sdkModule), "lookups"]);
  });

  it("sdk/lookups.ts has a function for each lookup of the registry and no other", () => {
    const src = read("sdk/lookups.ts");
    expect([...src.matchAll(/export async function (\w+)\(/g)].map((m) => m[1])).toEqual(VENDORS.flatMap((v) => v.lookups.map((l) => l.name)));
  });

  it("the sandbox's list emulates the registry's vendors, each in its folder, holding the same kinds in the same order", () => {
    expect(vendorModules.map((m) => m.prefix.slice(1))).toEqual(VENDORS.map((v) => v.name));
    const sandboxFolders = readdirSync(join(root, "sandbox/vendors"), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
    expect(sandboxFolders.sort()).toEqual(VENDORS.map((v) => v.name).sort());
    expect(SANDBOX_KINDS).toEqual(kinds.map((k) => k.kind));
  });

  it("each kind has a dynamic-provider entry point, and there is no other", () => {
    const entries = readdirSync(join(root, "provider/dynamic/kinds")).sort();
    expect(entries).toEqual(kinds.map((k) => `${k.kind}.cts`).sort());
    for (const k of kinds) expect(read(`provider/dynamic/kinds/${k.kind}.cts`)).toContain(`adapter.providerFor(${JSON.stringify(k.kind)})`);
  });

  it("schema.json has exactly the registry's resources, functions and settings", () => {
    expect(Object.keys(schema.resources).sort()).toEqual(kinds.map((k) => `apiidentity:index:${k.kind}`).sort());
    expect(Object.keys(schema.functions).sort()).toEqual(VENDORS.flatMap((v) => v.lookups.map((l) => `apiidentity:index:${l.name}`)).sort());
    const former = Object.values(FORMER_NAMES).map((f) => f!.key);
    expect(Object.keys(schema.config.variables)).toEqual([...VENDORS.flatMap((v) => Object.keys(v.settings)), ...Object.keys(NETWORK_SETTINGS), ...Object.keys(RATE_LIMIT_SETTINGS), ...former]);
    for (const v of VENDORS) expect(schema.keywords).toContain(v.name);
  });

  it("each kind has its docs page with the generated tables, and there is no other page", () => {
    expect(readdirSync(join(root, "docs/resources")).sort()).toEqual(kinds.map((k) => `${k.kind}.md`).sort());
    for (const k of kinds) {
      const page = read(`docs/resources/${k.kind}.md`);
      expect(page, k.kind).toMatch(/<!-- inputs:start[^]*\| input \| type \|[^]*<!-- inputs:end -->/);
      expect(page, k.kind).toMatch(/<!-- outputs:start[^]*\| output \| type \|[^]*<!-- outputs:end -->/);
    }
  });

  it("the SDK's advice loaders are those of the kinds with advise rules, and give the handlers' own rules", async () => {
    expect(Object.keys(ADVICE_LOADERS).sort()).toEqual(kinds.filter((k) => k.handler.advise).map((k) => k.kind).sort());
    for (const k of kinds.filter((x) => x.adviceExports)) {
      if (!k.handler.advise) continue;
      const loaded = await ADVICE_LOADERS[k.kind]!();
      expect(loaded.inputs, k.kind).toBe(k.inputs);
    }
  });
});
