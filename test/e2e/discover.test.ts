// discover -> paste -> pulumi up adopts everything (no create, no delete at any vendor), and the next
// refresh preview shows no change.
import { execFile } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../../sandbox/server.js";
import { PulumiProject, repoRoot, resourcesOfType } from "./harness.js";
import { LEGACY, makeAtVendors } from "./out-of-band.js";

let sandbox: Sandbox;
let env: Record<string, string>;

beforeAll(async () => {
  sandbox = await startSandbox();
  env = sandbox.config().env;
});
afterAll(() => sandbox?.close());

/** Identities made directly through the vendor APIs, as a console user would. */
async function seedIdentities(): Promise<void> {
  await makeAtVendors(sandbox, LEGACY);
}

function discover(vendor: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((res) =>
    execFile(process.execPath, [join(repoRoot, "bin/apiidentity.js"), "discover", vendor], { env: { ...process.env, ...env } }, (err, stdout, stderr) =>
      res({ code: err ? Number(err.code ?? 1) : 0, stdout, stderr }),
    ),
  );
}

describe("apiidentity discover", () => {
  it("discover -> paste -> up adopts all five without creating or deleting, then no drift", async () => {
    await seedIdentities();
    const p = new PulumiProject({ env, program: "" });
    try {
      const imports: string[] = [];
      for (const vendor of ["ise", "uptrends", "controlroom", "verify", "uipath"]) {
        const r = await discover(vendor);
        expect(r.code, r.stderr).toBe(0);
        expect(r.stdout).toContain("importId:");
        expect(r.stderr).toMatch(/1 identity at /);
        writeFileSync(join(p.dir, `discovered-${vendor}.js`), r.stdout);
        imports.push(`import "./discovered-${vendor}.js";`);
      }
      p.writeProgram(imports.join("\n") + "\n");
      await p.init();
      // No secret config: the declarations hold no password (an adopted one is kept as it is).
      expect(readFileSync(join(p.dir, "discovered-ise.js"), "utf8")).not.toMatch(/^ *password:/m);

      sandbox.clearRequests();
      await p.up();
      const writes = sandbox.requests().filter((r) => r.method !== "GET");
      // Only token/login/list calls may be POSTs; no identity is created, changed or deleted.
      const changes = writes.filter((r) => !/authentication|token|\/list$/.test(r.route));
      expect(changes, JSON.stringify(writes)).toEqual([]);
      const { resources } = await p.exportStack();
      for (const kind of ["IseApiUser", "UptrendsApiAccount", "ControlRoomUser", "VerifyApiClient", "UiPathRobotAccount"]) {
        expect(resourcesOfType(resources, kind), kind).toHaveLength(1);
      }
      const preview = await p.preview({ refresh: true, expectNoChanges: true });
      expect(preview.code, preview.raw.stdout + preview.raw.stderr).toBe(0);
    } finally {
      p.cleanup();
    }
  });

  it("an unknown vendor is a usage error (exit 2)", async () => {
    const r = await discover("nope");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown vendor 'nope'");
  });
});
