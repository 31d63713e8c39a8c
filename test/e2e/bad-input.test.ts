// Bad input through the real engine: `pulumi preview` of the whole corpus
// (test/bad-input/) against an in-process sandbox. Every invalid input is refused at preview with a
// message naming its property, every preview exits non-zero, and the vendors see no write at all:
// the only calls are the Control Room's login and roles list, the read-only look-up that judges role
// names. Inputs that break only a guessed rule preview successfully, with their warning.
//
// The engine stops a preview at the first resource that fails check (it reports every failure of
// that resource, then bails), so a program cannot hold the whole corpus at once: each preview holds
// one resource carrying several bad inputs on distinct properties (previewGroups), 34 previews for
// the 136 inputs.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../../sandbox/server.js";
import { corpora, groupInputs, inputsOf, previewGroups, type BadInput, type Corpus, type VendorFacts } from "../bad-input/index.js";
import { PulumiProject } from "./harness.js";

interface Diagnostic {
  message: string;
  severity: string;
  urn?: string;
}

let sb: Sandbox;
let p: PulumiProject;
let facts: VendorFacts;
let vendorStateBefore = "";
let tried = 0;

const WRITES = new Set(["POST", "PUT", "PATCH", "DELETE"]);
/** POSTs that change nothing at the vendor: logins and token grants, and the Control Room's roles list. */
const READ_ONLY_POSTS = [/\/authentication$/, /\/token$/, /\/usermanagement\/roles\/list$/];

/** Every vendor object except the tokens that logins issue. */
function vendorState(): string {
  const all = sb.store.all() as Record<string, Record<string, unknown>>;
  return JSON.stringify(Object.fromEntries(Object.entries(all).map(([v, s]) => [v, Object.fromEntries(Object.entries(s).filter(([k]) => k !== "tokens"))])));
}

const program = (c: Corpus, name: string, inputs: Record<string, unknown>) =>
  `import { ${c.className} } from "pulumi-apiidentity";\nnew ${c.className}(${JSON.stringify(name)}, ${JSON.stringify(inputs)});\n`;

async function preview(source: string): Promise<{ code: number; diagnostics: Diagnostic[]; raw: string }> {
  p.writeProgram(source);
  const r = await p.run(["preview", "--json"]);
  const start = r.stdout.indexOf("{");
  const parsed = start < 0 ? {} : (JSON.parse(r.stdout.slice(start)) as { diagnostics?: Diagnostic[] });
  return { code: r.code, diagnostics: parsed.diagnostics ?? [], raw: `${r.stdout}\n${r.stderr}` };
}

beforeAll(async () => {
  sb = await startSandbox();
  const v = sb.config().vendors;
  facts = { uptrendsOperatorGuid: v.uptrends!.operatorGuid!, uipathPartitionGlobalId: v.uipath!.partitionGlobalId! };
  p = new PulumiProject({ env: sb.config().env });
  await p.init();
  vendorStateBefore = vendorState();
}, 300_000);

afterAll(async () => {
  p?.cleanup();
  await sb?.close();
});

describe.each(corpora.map((c) => [c.kind, c] as const))("%s", (_kind, c) => {
  const groups = previewGroups(c);
  it.each(groups.map((g, i) => [g.map((e) => e.id).join(", "), g, i] as const))("refuses at preview: %s", async (_ids, group: BadInput[], i: number) => {
    const name = `${c.prefix}-${i + 1}`;
    const r = await preview(program(c, name, groupInputs(c, group, facts)));
    expect(r.code, r.raw).not.toBe(0);
    const errors = r.diagnostics.filter((d) => d.severity === "error" && d.message.includes(`resource '${name}'`)).map((d) => d.message);
    for (const e of group) {
      const about = errors.filter((m) => new RegExp(`property ${e.property}[ .]`).test(m));
      expect(about.length, `${e.id}: no error names ${e.property}\n${errors.join("\n")}\n${r.raw}`).toBeGreaterThan(0);
      // A look-up names each unknown role it was given.
      if (e.lookup) for (const role of e.set.roles as string[]) expect(about.join("\n"), e.id).toContain(role);
    }
    tried += group.length;
  });
});

describe("inputs that break only a guessed rule", () => {
  it("preview succeeds, each with its warning", async () => {
    const lines = ['import * as apiidentity from "pulumi-apiidentity";'];
    const expected: { name: string; warning: RegExp }[] = [];
    for (const c of corpora) {
      for (const w of c.warned) {
        const name = `${c.prefix}-warned-${w.id}`;
        lines.push(`new apiidentity.${c.className}(${JSON.stringify(name)}, ${JSON.stringify(inputsOf(c, w, facts))});`);
        expected.push({ name, warning: w.warning });
      }
    }
    const r = await preview(lines.join("\n") + "\n");
    expect(r.code, r.raw).toBe(0);
    const warnings = r.diagnostics.filter((d) => d.severity === "warning");
    for (const e of expected) {
      const own = warnings.filter((d) => d.urn?.endsWith(`::${e.name}`)).map((d) => d.message);
      expect(own.some((m) => e.warning.test(m)), `${e.name}: ${own.join("\n")}\n${r.raw}`).toBe(true);
    }
    expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    console.log(`bad input: ${expected.length} inputs that break only a guessed rule previewed with their warning, none refused`);
  });
});

describe("the vendors", () => {
  it("saw no write for the whole corpus", () => {
    const writes = sb.requests().filter((r) => WRITES.has(r.method) && !READ_ONLY_POSTS.some((re) => re.test(r.route)));
    expect(writes).toEqual([]);
    expect(vendorState()).toBe(vendorStateBefore);
    const total = corpora.reduce((n, c) => n + c.invalid.length, 0);
    expect(tried).toBe(total);
    const reads = sb.requests().reduce((n, r) => n + r.count, 0);
    console.log(`bad input: ${tried} inputs over ${corpora.length} resources rejected at preview, 0 vendor writes (${reads} read-only calls: logins and the Control Room roles list)`);
  });
});
