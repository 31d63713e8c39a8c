// discover -> paste -> pulumi up adopts everything (no create, no delete at any vendor), and the next
// refresh preview shows no change.
import { execFile } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../../sandbox/server.js";
import { PulumiProject, repoRoot, resourcesOfType } from "./harness.js";

let sandbox: Sandbox;
let env: Record<string, string>;

beforeAll(async () => {
  sandbox = await startSandbox();
  env = sandbox.config().env;
});
afterAll(() => sandbox?.close());

/** Identities made directly through the vendor APIs, as a console user would. */
async function seedIdentities(): Promise<void> {
  const v = sandbox.config().vendors;
  const ok = async (r: Promise<Response>) => {
    const res = await r;
    if (res.status >= 300) throw new Error(`${res.url} answered ${res.status}: ${await res.text()}`);
    return res;
  };
  const basic = (u: string, p: string) => "Basic " + Buffer.from(`${u}:${p}`).toString("base64");
  const up = v.uptrends!;
  await ok(fetch(`${up.baseUrl}/ApiUser`, { method: "POST", headers: { authorization: basic(up.username!, up.password!), "content-type": "application/json" }, body: JSON.stringify({ OperatorGuid: up.operatorGuid, Description: "legacy dashboard" }) }));

  const iv = v.ivanti!;
  const form = new URLSearchParams({ "accounts[0].emailAddress": "legacy-ise@example.com", "accounts[0].accountSource": "LOCAL", "accounts[0].firstName": "Legacy", "accounts[0].lastName": "ISE", "accounts[0].password": "Legacy-Ise-Pass1", "accounts[0].apiUser": "true", "accounts[0].roles[0]": "1006" });
  await ok(fetch(`${iv.baseUrl}/api/v1/accounts?sendInvite=false`, { method: "POST", headers: { authorization: basic(iv.username!, iv.password!), "content-type": "application/x-www-form-urlencoded" }, body: form.toString() }));

  const aa = v["automation-anywhere"]!;
  const { token } = (await (await ok(fetch(`${aa.baseUrl}/v2/authentication`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username: aa.username, apiKey: aa.apiKey }) }))).json()) as { token: string };
  await ok(fetch(`${aa.baseUrl}/v2/usermanagement/users`, { method: "POST", headers: { "x-authorization": token, "content-type": "application/json" }, body: JSON.stringify({ username: "legacy-runner", email: "legacy-runner@example.com", password: "Legacy#Run1", roles: [{ id: 2 }], licenseFeatures: ["RUNTIME"] }) }));

  const ve = v["ibm-verify"]!;
  const tok = (await (await ok(fetch(`${ve.baseUrl}/oauth2/token`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ grant_type: "client_credentials", client_id: ve.clientId!, client_secret: ve.clientSecret! }).toString() }))).json()) as { access_token: string };
  await ok(fetch(`${ve.baseUrl}/v1.0/apiclients`, { method: "POST", headers: { authorization: `Bearer ${tok.access_token}`, "content-type": "application/json" }, body: JSON.stringify({ clientName: "legacy-reports", entitlements: ["readReports"], enabled: true }) }));

  const ui = v.uipath!;
  const ut = (await (await ok(fetch(`${ui.baseUrl}/identity_/connect/token`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ grant_type: "client_credentials", client_id: ui.clientId!, client_secret: ui.clientSecret!, scope: "PM.RobotAccount" }).toString() }))).json()) as { access_token: string };
  await ok(fetch(`${ui.baseUrl}/${ui.organization}/identity_/api/RobotAccount`, { method: "POST", headers: { authorization: `Bearer ${ut.access_token}`, "content-type": "application/json" }, body: JSON.stringify({ partitionGlobalId: ui.partitionGlobalId, name: "legacy-robot", displayName: "Legacy robot" }) }));
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
