// The contenders: the same phases for each, one after the other in one run. A contender is an entry
// in this table: what its program declares, which files and environment it needs, which resources of
// the exported state are its identities, and why it cannot run here (a plug-in entry, e.g. the
// provider plugin while it is not built).
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { DYNAMIC_TYPE_PREFIX, PLUGIN_TYPE_PREFIX } from "../cli/resource-types.js";
import { SANDBOX_KINDS, TEXTBOOK_KINDS, type Kind, type Member } from "./fleet.js";
import { generatedNodeSdk } from "./generated-sdk.js";
import { standalonePluginDir } from "./standalone-plugin.js";

/** This checkout's root: dist/bench/… at run time. */
export const repoRoot = resolve(fileURLToPath(import.meta.url), "../../..");

export type ContenderId = "floor" | "textbook" | "apiidentity-2kinds" | "apiidentity" | "apiidentity-plugin";

export interface Contender {
  id: ContenderId;
  label: string;
  /** The kinds its identities are spread over (the floor declares no-op resources with the five kinds' inputs). */
  kinds: readonly Kind[];
  /** False for the floor: no vendor, no requests. */
  callsVendors: boolean;
  /** Why it cannot run in this checkout, or undefined when it can. */
  unavailable(): string | undefined;
  /** The program (ESM index.js) declaring these identities. */
  program(list: readonly Member[]): string;
  /** Files to copy into the project: path there → absolute path here. */
  files(): Record<string, string>;
  /** Directories put first on PATH for every pulumi command (where the engine finds plugins). */
  binDirs(): string[];
  /** Whether a resource type of the exported state is one of its identities. */
  measures(type: string): boolean;
  /** The contender it is compared with phase by phase ("ahead of … every phase"), if any. */
  versus?: ContenderId;
}

const declared = (list: readonly Member[]) => `const members = ${JSON.stringify(list.map((m) => ({ kind: m.kind, name: m.name, args: m.args })))};\n`;

/** N dynamic resources whose provider does nothing: what the engine costs on its own. */
const floor: Contender = {
  id: "floor",
  label: "floor (no-op dynamic)",
  kinds: SANDBOX_KINDS,
  callsVendors: false,
  unavailable: () => undefined,
  program: (list) =>
    `import * as pulumi from "@pulumi/pulumi";
// A provider whose methods do nothing: the engine's own cost per dynamic resource.
const noop = {
  async create(inputs) { return { id: inputs.benchName, outs: inputs }; },
  async read(id, props) { return { id, props }; },
  async update(id, olds, news) { return { outs: news }; },
  async delete() {},
};
class Noop extends pulumi.dynamic.Resource {
  constructor(name, args) { super(noop, name, { ...args, benchName: name }); }
}
${declared(list)}for (const m of members) new Noop(m.name, m.args);
`,
  files: () => ({}),
  binDirs: () => [],
  measures: (type) => type === "pulumi-nodejs:dynamic:Resource",
};

/** The textbook kinds (bench/textbook/) as Pulumi's dynamic-provider docs write a provider. */
const textbook: Contender = {
  id: "textbook",
  label: "textbook dynamic (2 kinds)",
  kinds: TEXTBOOK_KINDS,
  callsVendors: true,
  unavailable: () => (existsSync(join(repoRoot, "dist/bench/textbook/index.js")) ? undefined : "dist/bench/textbook is not built (npm run bench builds it)"),
  program: (list) =>
    `import { TEXTBOOK as kinds } from "./textbook/index.js";
${declared(list)}for (const m of members) new kinds[m.kind](m.name, m.args);
`,
  files: () => ({ textbook: join(repoRoot, "dist/bench/textbook") }),
  binDirs: () => [],
  measures: (type) => type === "pulumi-nodejs:dynamic:Resource",
};

function packageProgram(list: readonly Member[]): string {
  const kinds = [...new Set(list.map((m) => m.kind))];
  return `import { ${kinds.join(", ")} } from "pulumi-apiidentity";
const kinds = { ${kinds.join(", ")} };
${declared(list)}for (const m of members) new kinds[m.kind](m.name, m.args);
`;
}

const isPackageType = (type: string) => type.startsWith(DYNAMIC_TYPE_PREFIX);

/** This package: N identities over the five kinds. */
const apiidentity: Contender = {
  id: "apiidentity",
  label: "apiidentity (5 kinds)",
  kinds: SANDBOX_KINDS,
  callsVendors: true,
  unavailable: () => undefined,
  program: packageProgram,
  files: () => ({}),
  binDirs: () => [],
  measures: isPackageType,
};

/** This package on the textbook's two kinds. */
const apiidentity2: Contender = { ...apiidentity, id: "apiidentity-2kinds", label: "apiidentity (2 kinds)", kinds: TEXTBOOK_KINDS, versus: "textbook" };

/**
 * The same five-kind program through the provider plugin `pulumi-resource-apiidentity` as released:
 * the standalone linux-amd64 binary (bench/standalone-plugin.ts), which the engine finds on PATH, and
 * the TypeScript SDK generated from schema.json (bench/generated-sdk.ts), compiled and copied into
 * the project.
 */
const plugin: Contender = {
  id: "apiidentity-plugin",
  label: "apiidentity plugin (5 kinds)",
  kinds: SANDBOX_KINDS,
  callsVendors: true,
  unavailable: () => {
    if (!existsSync(join(repoRoot, "provider/plugin"))) return "pending: provider/plugin not in this checkout";
    try {
      standalonePluginDir(repoRoot);
    } catch (e) {
      return `the standalone plugin binary could not be built (${e instanceof Error ? e.message.split("\n")[0] : String(e)})`;
    }
    try {
      generatedNodeSdk(repoRoot);
      return undefined;
    } catch (e) {
      return `the TypeScript SDK could not be generated from schema.json (${e instanceof Error ? e.message.split("\n")[0] : String(e)})`;
    }
  },
  program: (list) =>
    `import { createRequire } from "node:module";
// The generated SDK is CommonJS whose exports load lazily: required, not imported.
const apiidentity = createRequire(import.meta.url)("./sdk/bin/index.js");
${declared(list)}for (const m of members) new apiidentity[m.kind](m.name, m.args);
`,
  files: () => ({ sdk: generatedNodeSdk(repoRoot) }),
  binDirs: () => [standalonePluginDir(repoRoot)],
  measures: (type) => type.startsWith(PLUGIN_TYPE_PREFIX),
};

export const CONTENDERS: readonly Contender[] = [floor, textbook, apiidentity2, apiidentity, plugin];
