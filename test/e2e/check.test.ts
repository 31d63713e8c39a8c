// `apiidentity check` as a user runs it (the built bin, settings from the environment) against the
// sandbox: each vendor, each Automation Anywhere generation, a write trial that leaves nothing
// behind, a renamed answer field reported as a contradiction naming it, and exit codes.
import { execFile } from "node:child_process";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { VendorReport } from "../../provider/probe.js";
import { startSandbox, type Sandbox } from "../../sandbox/server.js";
import { repoRoot } from "./harness.js";

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox?.close());

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function check(args: string[], env: Record<string, string> = sandbox.config().env): Promise<Run> {
  // Only what a user's shell would hold: PATH and HOME, plus the vendor settings under test.
  const base = { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "" };
  return new Promise((res) => {
    execFile(process.execPath, [join(repoRoot, "bin/apiidentity.js"), "check", ...args], { env: { ...base, ...env }, timeout: 120_000 }, (err, stdout, stderr) =>
      res({ code: err ? Number(err.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const json = (r: Run) => JSON.parse(r.stdout) as { exitCode: number; vendors: VendorReport[] };
const stateText = async () => JSON.stringify(await (await fetch(`${sandbox.url}/_sandbox/state`)).json());

describe("apiidentity check against the sandbox", () => {
  it("every vendor: authenticated, nothing contradicted, exit 0", async () => {
    const r = await check([]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    for (const v of ["Ivanti", "Uptrends", "Automation Anywhere", "IBM Verify", "UiPath"]) expect(r.stdout).toMatch(new RegExp(`^${v}[^\\n]*: ok$`, "m"));
    expect(r.stdout).not.toContain("CONTRADICTED");
    expect(r.stdout.trim().split("\n").at(-1)).toBe("check: 5 ok, 0 contradicting, 0 could not run");
    expect(r.stderr).toContain("apiidentity check: checking");
  }, 120_000);

  it("no secret of the settings is printed", async () => {
    const env = sandbox.config().env;
    const r = await check(["--json"]);
    const secrets = Object.entries(env).filter(([k]) => /PASSWORD|SECRET|API_KEY/.test(k)).map(([, v]) => v);
    expect(secrets.length).toBeGreaterThan(3);
    for (const s of secrets) {
      expect(r.stdout).not.toContain(s);
      expect(r.stderr).not.toContain(s);
    }
  }, 120_000);

  it.each(["current", "legacy"])("Automation Anywhere in its %s generation checks clean", async (generation) => {
    sandbox.setProfile("automation-anywhere", generation);
    try {
      const r = await check(["controlroom", "--json"]);
      expect(r.code, r.stdout + r.stderr).toBe(0);
      const [report] = json(r).vendors;
      expect(report!.status).toBe("ok");
      expect(report!.findings.filter((f) => f.verdict === "confirmed").length).toBeGreaterThan(0);
    } finally {
      sandbox.setProfile("automation-anywhere", "current");
    }
  }, 120_000);

  it("Automation Anywhere on a current Control Room: check --write sends no v1 request, and reports the PUT carrying the username as accepted", async () => {
    sandbox.clearRequests();
    const r = await check(["controlroom", "--write", "--json"]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const aa = sandbox.requests().filter((q) => q.vendor === "automation-anywhere");
    expect(aa.filter((q) => q.route.startsWith("/v1/"))).toEqual([]);
    expect(aa.filter((q) => q.route.startsWith("/v2/usermanagement/")).length).toBeGreaterThan(0);
    const [report] = json(r).vendors;
    expect(report!.findings.find((f) => f.topic.startsWith("PUT carrying the unchanged username"))).toMatchObject({ verdict: "confirmed", detail: expect.stringContaining("accepted a PUT /v2/usermanagement/users/{userId} carrying username") });
    expect(report!.permissions.map((p) => p.state)).toEqual(["granted", "granted", "granted", "granted", "granted"]);
  }, 120_000);

  it("--write creates, updates and deletes one throw-away identity per vendor and leaves none behind", async () => {
    const before = await stateText();
    const r = await check(["--write", "--json"]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const reports = json(r).vendors;
    expect(reports).toHaveLength(5);
    for (const rep of reports) {
      expect(rep.write, rep.vendor).toMatchObject({ created: true, updated: true, deleted: true, confirmedGone: true });
      expect(rep.write!.name).toMatch(/^apiidentity-check-[0-9a-f]{8}$/);
    }
    const after = await stateText();
    expect(after).not.toMatch(/apiidentity-check-/);
    expect(before).not.toMatch(/apiidentity-check-/);
  }, 240_000);

  it.each([
    ["current", "DELETE /api/v1/account?id= (the form of public client code)"],
    ["bulk-delete", "DELETE /api/v1/accounts?ids= (the older form"],
  ])("Ivanti in its %s delete generation: check --write reports the delete form the tenant answered", async (generation, form) => {
    sandbox.setProfile("ivanti", generation);
    try {
      const r = await check(["ise", "--write", "--json"]);
      expect(r.code, r.stdout + r.stderr).toBe(0);
      const [report] = json(r).vendors;
      expect(report!.write).toMatchObject({ created: true, deleted: true, confirmedGone: true });
      expect(report!.findings.find((f) => f.topic.startsWith("delete form:"))).toMatchObject({ verdict: "confirmed", detail: expect.stringContaining(`the tenant answered ${form}`) });
    } finally {
      sandbox.setProfile("ivanti", "current");
    }
  }, 120_000);

  it("a renamed answer field is a contradiction that names the field: exit 1", async () => {
    sandbox.faults.add({ vendor: "automation-anywhere", effect: { type: "renameField", from: "username", to: "login" } });
    try {
      const r = await check(["controlroom", "uptrends"]);
      expect(r.code, r.stdout + r.stderr).toBe(1);
      expect(r.stdout).toMatch(/^Automation Anywhere \(automation-anywhere\): CONTRADICTS the contract$/m);
      expect(r.stdout).toMatch(/CONTRADICTED .*username/);
      expect(r.stdout).toMatch(/^Uptrends \(uptrends\): ok$/m);
    } finally {
      sandbox.faults.clear();
    }
  }, 120_000);

  it("could not run: exit 2 with the reason (unreachable host, rejected credentials, nothing configured)", async () => {
    const env = sandbox.config().env;
    const down = await check(["uipath"], { ...env, UIPATH_BASE_URL: "http://127.0.0.1:9/uipath" });
    expect(down.code, down.stdout + down.stderr).toBe(2);
    expect(down.stdout).toMatch(/UiPath \(uipath\): could not run/);

    const rejected = await check(["verify"], { ...env, IBM_VERIFY_CLIENT_SECRET: "not-the-secret" });
    expect(rejected.code).toBe(2);
    expect(rejected.stdout).toMatch(/authentication: failed/);
    expect(rejected.stdout).not.toContain("not-the-secret");

    const none = await check([], {});
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("no vendor is configured");
  }, 120_000);
});
