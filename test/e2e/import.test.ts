// `pulumi import apiidentity:index:<Kind> <name> <vendor id>` for each of the five kinds, through the
// real engine and the provider plugin's Read, in a Pulumi YAML project: identities made directly at
// the vendors are taken into state without a vendor write, the code `--out` prints goes into the
// program, and `pulumi up` then changes nothing, except for the one input no vendor returns: the
// Ivanti API user's password, which the generated code cannot hold. The program declares it from a
// secret config value and the first up sets it, as adopting with importId does.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../../sandbox/server.js";
import { discover, identities, KINDS, LEGACY_ISE_PASSWORD, pluginProject, pluginResources, seedAtVendors, stepFor, VENDOR_KEYS, type Kind } from "./plugin-programs.js";

let sb: Sandbox;
beforeAll(async () => {
  sb = await startSandbox();
});
afterAll(() => sb?.close());

const HEADER = `name: imported
runtime: yaml
config:
  legacyIsePassword:
    type: string
    secret: true
`;

const names: Record<Kind, string> = {
  IseApiUser: "legacy-ise",
  UptrendsApiAccount: "legacy-dashboard",
  ControlRoomUser: "legacy-runner",
  VerifyApiClient: "legacy-reports",
  UiPathRobotAccount: "legacy-robot",
};

describe("pulumi import", () => {
  it("imports each of the five kinds by vendor id; the generated code, run with up, changes nothing but the unreadable password", async () => {
    const baseline = identities(sb);
    const ids = await seedAtVendors(sb);
    const seeded = identities(sb);
    const p = pluginProject({ program: "", env: sb.config().env, stack: "import" });
    try {
      writeFileSync(join(p.dir, "Pulumi.yaml"), HEADER + "resources: {}\n");
      await p.init();
      await p.setConfig("legacyIsePassword", LEGACY_ISE_PASSWORD, true);

      sb.clearRequests();
      const generated: string[] = [];
      for (const kind of KINDS) {
        const out = join(p.root, `${kind}.yaml`);
        const r = await p.run(["import", `apiidentity:index:${kind}`, names[kind], ids[kind], "--yes", "--protect=false", "--out", out]);
        expect(r.code, `${kind}: ${r.stdout}\n${r.stderr}`).toBe(0);
        const code = readFileSync(out, "utf8");
        expect(code, kind).toContain(`type: apiidentity:${kind}`);
        generated.push(code.replace(/^resources:\n/, ""));
      }
      // Importing reads (the plugin's Read); it never writes an identity at a vendor.
      expect(sb.requests().filter((r) => r.method === "GET").length).toBeGreaterThanOrEqual(KINDS.length);
      const writes = sb.requests().filter((r) => r.method !== "GET" && !/authentication|token/.test(r.route));
      expect(writes, JSON.stringify(writes)).toEqual([]);

      const { resources } = await p.exportStack();
      for (const kind of KINDS) expect(pluginResources(resources, kind).map((r) => r.id), kind).toEqual([ids[kind]]);

      // The password is write-only at Ivanti: the generated code has an empty one, to be declared.
      const program = generated.join("");
      expect(program).toContain('password: ""');
      writeFileSync(join(p.dir, "Pulumi.yaml"), HEADER + "resources:\n" + program.replace('password: ""', "password: ${legacyIsePassword}"));

      const first = await p.preview();
      expect(first.code, first.raw.stdout + first.raw.stderr).toBe(0);
      const changed = first.steps.filter((s) => s.op !== "same");
      expect(changed.map((s) => [s.op, s.urn.split("::").pop()])).toEqual([["update", "legacy-ise"]]);
      expect(stepFor(first.steps, "legacy-ise")?.detailedDiff).toEqual({ password: { kind: "add", inputDiff: true } });

      await p.up();
      const none = await p.preview({ refresh: true, expectNoChanges: true });
      expect(none.code, none.raw.stdout + none.raw.stderr).toBe(0);
      expect(identities(sb)).toEqual(seeded); // nothing made, nothing replaced

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
      writeFileSync(join(p.dir, "Pulumi.yaml"), `name: discovered\nruntime: yaml\nconfig:\n${config.join("")}resources:\n${declared.join("")}`);
      await p.init();
      await p.setConfig("legacyIseExampleComPassword", LEGACY_ISE_PASSWORD, true);

      sb.clearRequests();
      await p.up();
      // Imported, not created: the only write is the Ivanti password the program declares (no
      // vendor returns it, so the engine's import diff shows it added and the update sets it).
      const writes = sb.requests().filter((r) => r.method !== "GET" && !/authentication|token/.test(r.route));
      expect(writes.map((w) => `${w.vendor} ${w.method}`), JSON.stringify(writes)).toEqual(["ivanti PUT"]);
      const { resources } = await p.exportStack();
      for (const kind of KINDS) expect(pluginResources(resources, kind).map((r) => r.id), kind).toEqual([ids[kind]]);

      const none = await p.preview({ refresh: true, expectNoChanges: true });
      expect(none.code, none.raw.stdout + none.raw.stderr).toBe(0);
      expect(identities(sb)).toEqual(seeded);
      await p.destroy();
      expect(identities(sb)).toEqual(baseline);
    } finally {
      p.cleanup();
    }
  });
});
