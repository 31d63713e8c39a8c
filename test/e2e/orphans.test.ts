// `apiidentity orphans` through the real CLI: IBM Verify clients that carry the provider's create
// marker but are in no state of the given stacks (here: one dropped from state with `pulumi state
// delete`, as a crash would leave it) are listed; a client made by hand (no marker) and every managed
// one are not. Read-only: the vendor sees no write. Exit 0 none, 1 some, 2 error.
import { execFile } from "node:child_process";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../../sandbox/server.js";
import { PulumiProject, repoRoot } from "./harness.js";

let sb: Sandbox;
let p: PulumiProject;

const program = (names: string[]) =>
  `import { VerifyApiClient } from "pulumi-apiidentity";\n${names.map((n) => `new VerifyApiClient(${JSON.stringify(n)}, { clientName: ${JSON.stringify(n)}, entitlements: ["readUsers"] });`).join("\n")}\n`;

function orphans(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return orphansWith(p.env, ...args);
}

function orphansWith(env: NodeJS.ProcessEnv, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((res) => {
    execFile(process.execPath, [join(repoRoot, "bin/apiidentity.js"), "orphans", "--cwd", p.dir, ...args], { env, timeout: 120_000 }, (err, stdout, stderr) =>
      res({ code: err ? Number(err.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const writes = () => sb.requests().filter((r) => r.vendor === "ibm-verify" && r.method !== "GET" && !r.route.includes("token")).reduce((a, r) => a + r.count, 0);

describe("apiidentity orphans (IBM Verify)", () => {
  let dropped = "";
  beforeAll(async () => {
    sb = await startSandbox();
    p = new PulumiProject({ program: program(["orph-a1", "orph-a2", "orph-a3"]), env: sb.config().env, stack: "a" });
    await p.init();
    await p.up();
    await p.ok(["stack", "init", "b"]);
    p.writeProgram(program(["orph-b1"]));
    await p.up();
    await p.ok(["stack", "select", "a"]);
    p.writeProgram(program(["orph-a1", "orph-a2", "orph-a3"]));
    // Dropped from state, still at the vendor: what a killed run leaves.
    const { resources } = await p.exportStack();
    const r = resources.find((x) => x.urn.endsWith("::orph-a3"))!;
    dropped = String(r.id);
    await p.ok(["state", "delete", r.urn, "--yes"]);
    // Made by hand, without the marker: not this provider's.
    const cfg = sb.config().vendors["ibm-verify"]!;
    const token = ((await (await fetch(`${cfg.baseUrl}/oauth2/token`, { method: "POST", body: new URLSearchParams({ grant_type: "client_credentials", client_id: cfg.clientId!, client_secret: cfg.clientSecret! }) })).json()) as { access_token: string }).access_token;
    const made = await fetch(`${cfg.baseUrl}/v1.0/apiclients`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ clientName: "by-hand", entitlements: ["readUsers"], enabled: true, description: "made in the console" }),
    });
    expect(made.status).toBe(201);
    sb.clearRequests();
  }, 170_000);
  afterAll(async () => {
    p?.cleanup();
    await sb?.close();
  });

  it("lists the marked client no given stack holds, exits 1, and writes nothing", async () => {
    const r = await orphans("--stack", "a", "--stack", "b", "--json");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { stacks: string[]; orphans: { id: string; name: string }[]; vendors: { vendor: string; status: string; marked: number }[] };
    expect(report.stacks).toEqual(["a", "b"]);
    expect(report.orphans.map((o) => [o.name, o.id])).toEqual([["orph-a3", dropped]]);
    expect(report.vendors.find((v) => v.vendor === "IBM Verify")).toEqual({ vendor: "IBM Verify", kind: "VerifyApiClient", status: "checked", marked: 4 });
    expect(writes()).toBe(0);
    console.log(`orphans: ${report.vendors.find((v) => v.vendor === "IBM Verify")!.marked} marked IBM Verify clients over 2 stacks checked, ${report.orphans.length} orphan found (the one dropped from state), 1 unmarked client ignored, 0 vendor writes`);
  });

  it("a stack left out makes its clients orphans too (text)", async () => {
    const r = await orphans("--stack", "a");
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("2 orphans: marked by this provider, in no state of stack a");
    expect(r.stdout).toContain("VerifyApiClient 'orph-b1'");
    expect(r.stdout).toContain(`VerifyApiClient 'orph-a3' (IBM Verify, id ${dropped}`);
    expect(r.stdout).not.toContain("by-hand");
  });

  it("exits 0 once the orphan is adopted back, and 2 for a stack that does not exist", async () => {
    p.writeProgram(`${program(["orph-a1", "orph-a2"])}new VerifyApiClient("orph-a3", { clientName: "orph-a3", entitlements: ["readUsers"], importId: ${JSON.stringify(dropped)} });\n`);
    await p.up();
    const ok = await orphans("--stack", "a", "--stack", "b");
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain("No orphans");
    const bad = await orphans("--stack", "nope");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("pulumi stack export --stack nope failed");
  });

  it("reads the vendor settings from the stack's config (secrets decrypted), the environment only as a fallback", async () => {
    const cfg = sb.config().vendors["ibm-verify"]!;
    await p.ok(["config", "set", "apiidentity:ibmVerifyTenantUrl", cfg.baseUrl!]);
    await p.ok(["config", "set", "apiidentity:ibmVerifyClientId", cfg.clientId!]);
    await p.ok(["config", "set", "--secret", "apiidentity:ibmVerifyClientSecret", cfg.clientSecret!]);
    const env = Object.fromEntries(Object.entries(p.env).filter(([k]) => !/^(IBM_)?VERIFY_/.test(k)));
    const r = await orphansWith(env, "--stack", "a", "--stack", "b", "--json");
    expect(r.stderr).toBe("");
    const report = JSON.parse(r.stdout) as { vendors: { vendor: string; status: string; marked: number }[] };
    expect(report.vendors.find((v) => v.vendor === "IBM Verify")).toEqual({ vendor: "IBM Verify", kind: "VerifyApiClient", status: "checked", marked: 4 });
    // Without the config and the variables, IBM Verify is not configured.
    await p.ok(["config", "rm", "apiidentity:ibmVerifyTenantUrl"]);
    await p.ok(["config", "rm", "apiidentity:ibmVerifyClientId"]);
    await p.ok(["config", "rm", "apiidentity:ibmVerifyClientSecret"]);
    const none = JSON.parse((await orphansWith(env, "--stack", "a", "--json")).stdout) as { vendors: { vendor: string; status: string }[] };
    expect(none.vendors.find((v) => v.vendor === "IBM Verify")!.status).toBe("not configured");
  });
});
