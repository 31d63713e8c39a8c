// `pulumi import apiidentity:index:<Kind> <name> <vendor id>` for each of the five kinds, through the
// real engine and the provider plugin's Read, in a Pulumi YAML project: identities made directly at
// the vendors are taken into state without a vendor write, the code `--out` prints goes into the
// program, and `pulumi up` then changes nothing and writes nothing at any vendor. That includes the
// Ivanti API user, whose password no vendor returns: the printed code carries importId (the plugin's
// Read answers it), and an adopted API user keeps the password it has until the program declares one.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../../sandbox/server.js";
import { entryFor, type ShippedTable } from "../shipped-kinds.js";
import { discover, identities, importDiscovered, iseSignsIn, PROGRAM_KINDS, LEGACY_ISE_PASSWORD, pluginProject, pluginResources, seedAtVendors, seededId, VENDOR_KEYS } from "./plugin-programs.js";

let sb: Sandbox;
beforeAll(async () => {
  sb = await startSandbox();
});
afterAll(() => sb?.close());

const HEADER = `name: imported
runtime: yaml
`;

/** The resource name each kind's identity is imported under. */
const names: ShippedTable<string> = {
  IseApiUser: "legacy-ise",
  UptrendsApiAccount: "legacy-dashboard",
  ControlRoomUser: "legacy-runner",
  VerifyApiClient: "legacy-reports",
  UiPathRobotAccount: "legacy-robot",
};

describe("pulumi import", () => {
  it("imports each of the five kinds by vendor id; the generated code, run with up, changes nothing and writes nothing", async () => {
    const baseline = identities(sb);
    const ids = await seedAtVendors(sb);
    const seeded = identities(sb);
    const p = pluginProject({ program: "", env: sb.config().env, stack: "import" });
    try {
      writeFileSync(join(p.dir, "Pulumi.yaml"), HEADER + "resources: {}\n");
      await p.init();

      sb.clearRequests();
      const generated: string[] = [];
      for (const kind of PROGRAM_KINDS) {
        const out = join(p.root, `${kind}.yaml`);
        const r = await p.run(["import", `apiidentity:index:${kind}`, entryFor(names, kind, "names in test/e2e/import.test.ts"), seededId(ids, kind), "--yes", "--protect=false", "--out", out]);
        expect(r.code, `${kind}: ${r.stdout}\n${r.stderr}`).toBe(0);
        const code = readFileSync(out, "utf8");
        expect(code, kind).toContain(`type: apiidentity:${kind}`);
        generated.push(code.replace(/^resources:\n/, ""));
      }
      // Importing reads (the plugin's Read); it never writes an identity at a vendor.
      expect(sb.requests().filter((r) => r.method === "GET").length).toBeGreaterThanOrEqual(PROGRAM_KINDS.length);
      const writes = sb.requests().filter((r) => r.method !== "GET" && !/authentication|token/.test(r.route));
      expect(writes, JSON.stringify(writes)).toEqual([]);

      const { resources } = await p.exportStack();
      for (const kind of PROGRAM_KINDS) expect(pluginResources(resources, kind).map((r) => r.id), kind).toEqual([seededId(ids, kind)]);

      // The password is write-only at Ivanti and not required with importId: the code holds none.
      const program = generated.join("");
      expect(program).not.toMatch(/password/i);
      expect(program).toContain(`importId: '${ids.IseApiUser}'`);
      writeFileSync(join(p.dir, "Pulumi.yaml"), HEADER + "resources:\n" + program);

      const first = await p.preview({ expectNoChanges: true });
      expect(first.code, first.raw.stdout + first.raw.stderr).toBe(0);
      expect(first.steps.filter((s) => s.op !== "same").map((s) => [s.op, s.urn.split("::").pop(), s.detailedDiff])).toEqual([]);

      sb.clearRequests();
      await p.up();
      // No vendor write at all, and the Ivanti API user still signs in with the password it had.
      const upWrites = sb.requests().filter((r) => r.method !== "GET" && !/authentication|token/.test(r.route));
      expect(upWrites, JSON.stringify(upWrites)).toEqual([]);
      expect(await iseSignsIn(sb, LEGACY_ISE_PASSWORD)).toBe(true);
      const none = await p.preview({ refresh: true, expectNoChanges: true });
      expect(none.code, none.raw.stdout + none.raw.stderr).toBe(0);
      expect(identities(sb)).toEqual(seeded); // nothing made, nothing replaced

      // A password declared under ignoreChanges: the engine sends the old value, a secret of nothing
      // (state has none), which is no password at all: still no change, and check passes.
      await p.setConfig("legacyIsePassword", "Ignored-Ise-Pass1", true);
      const ignoring = program.replace(
        /( {2}legacy-ise:\n {4}type: apiidentity:IseApiUser\n {4}properties:\n)/,
        "$1      password: ${legacyIsePassword}\n",
      );
      expect(ignoring).toContain("password: ${legacyIsePassword}");
      writeFileSync(
        join(p.dir, "Pulumi.yaml"),
        HEADER + "config:\n  legacyIsePassword:\n    type: string\n    secret: true\nresources:\n" + ignoring.replace(/( {4}type: apiidentity:IseApiUser\n)/, "$1    options:\n      ignoreChanges: [password]\n"),
      );
      const ignored = await p.preview({ expectNoChanges: true });
      expect(ignored.code, ignored.raw.stdout + ignored.raw.stderr).toBe(0);

      await p.destroy();
      expect(identities(sb)).toEqual(baseline);
    } finally {
      p.cleanup();
    }
  });

  it("apiidentity discover --format yaml: the declarations import all five with up, then no changes", async () => {
    const baseline = identities(sb);
    const ids = await seedAtVendors(sb);
    const seeded = identities(sb);
    const p = pluginProject({ program: "", env: sb.config().env, stack: "discovered" });
    try {
      const config: string[] = [];
      const declared: string[] = [];
      for (const vendor of VENDOR_KEYS) {
        const r = await discover(vendor, "yaml", sb.config().env);
        expect(r.code, r.stderr).toBe(0);
        expect(r.stderr).toMatch(/1 identity at /);
        // Merge the fragments: each has an optional config: block, then its resources: block.
        const [head, body] = r.stdout.split(/^resources:\n/m);
        expect(body, r.stdout).toMatch(/options:\n {6}import: "/);
        declared.push(body!);
        const cfg = head!.split(/^config:\n/m)[1];
        if (cfg) config.push(cfg);
      }
      // No vendor needs a secret from config now (an adopted Ivanti API user keeps its password).
      expect(config).toEqual([]);
      writeFileSync(join(p.dir, "Pulumi.yaml"), `name: discovered\nruntime: yaml\nresources:\n${declared.join("")}`);
      await importDiscovered(p, sb, ids);
      expect(identities(sb)).toEqual(seeded);
      await p.destroy();
      expect(identities(sb)).toEqual(baseline);
    } finally {
      p.cleanup();
    }
  });
});
