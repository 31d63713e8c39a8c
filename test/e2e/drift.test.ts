// `apiidentity drift` through the real CLI: exit codes and what it reports, on the test-only Memo kind
// and on vendor resources changed and deleted out of band in the sandbox.
import { execFile } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PulumiProject, repoRoot } from "./harness.js";

function drift(p: PulumiProject, format: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((res) => {
    execFile(process.execPath, [join(repoRoot, "bin/apiidentity.js"), "drift", "--cwd", p.dir, "--stack", p.stack, "--format", format], { env: p.env }, (err, stdout, stderr) =>
      res({ code: err ? Number(err.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe("apiidentity drift (Memo)", () => {
  let p: PulumiProject;
  let store: string;
  beforeAll(async () => {
    p = new PulumiProject({
      program: `import { Memo } from "pulumi-apiidentity/testing";
new Memo("a", { key: "a", text: "alpha" });
new Memo("b", { key: "b", text: "beta" });`,
    });
    store = join(p.root, "memos.json");
    writeFileSync(store, JSON.stringify({ token: "t0ken-value", memos: {} }));
    p.env.APIIDENTITY_MEMO_TOKEN = "t0ken-value";
    p.env.APIIDENTITY_MEMO_STORE = store;
    await p.init();
    await p.up();
  });
  afterAll(() => p?.cleanup());

  it("exits 0 with no drift", async () => {
    const r = await drift(p, "text");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("No drift in stack e2e");
  });

  it("exits 1 and reports a changed property and a deleted identity", async () => {
    const data = JSON.parse(readFileSync(store, "utf8")) as { memos: Record<string, { key: string; text: string }> };
    for (const [id, m] of Object.entries(data.memos)) {
      if (m.key === "a") m.text = "edited";
      else delete data.memos[id];
    }
    writeFileSync(store, JSON.stringify(data));
    const r = await drift(p, "json");
    expect(r.code).toBe(1);
    const j = JSON.parse(r.stdout) as { drifted: number; items: { name: string; property: string; inState: unknown; atVendor: unknown }[] };
    expect(j.drifted).toBe(2);
    expect(j.items).toContainEqual(expect.objectContaining({ name: "a", property: "text", inState: "alpha", atVendor: "edited" }));
    expect(j.items).toContainEqual(expect.objectContaining({ name: "b", property: "(identity)", atVendor: "deleted" }));
    const md = await drift(p, "markdown");
    expect(md.code).toBe(1);
    expect(md.stdout).toContain("| Memo (test) | TestingMemo `a` | `text` | alpha | edited |");
  });

  it("exits 2 on an error (unknown stack)", async () => {
    const r = await new Promise<{ code: number; stderr: string }>((res) =>
      execFile(process.execPath, [join(repoRoot, "bin/apiidentity.js"), "drift", "--cwd", p.dir, "--stack", "nope"], { env: p.env }, (err, _o, stderr) =>
        res({ code: err ? Number(err.code ?? 1) : 0, stderr }),
      ),
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/apiidentity drift: pulumi stack export failed: .*nope/);
  });
});

describe("apiidentity drift (vendor resources against the sandbox)", () => {
  it("reports a property changed at the vendor and an identity deleted there", async () => {
    const { startSandbox } = await import("../../sandbox/server.js");
    const sandbox = await startSandbox();
    const env = sandbox.config().env;
    const p = new PulumiProject({
      env,
      program: `import { UiPathRobotAccount, UptrendsApiAccount } from "pulumi-apiidentity";
new UiPathRobotAccount("robot", { name: "drift-robot", displayName: "Drift robot" });
new UptrendsApiAccount("monitor", { operatorGuid: ${JSON.stringify(sandbox.config().vendors.uptrends!.operatorGuid)}, description: "drift check" });`,
    });
    try {
      await p.init();
      await p.up();
      const ids = Object.fromEntries((await p.exportStack()).resources.filter((r) => r.id).map((r) => [r.urn.split("::").pop()!, r.id!]));
      const v = sandbox.config().vendors;
      // out of band: rename the robot's display name, delete the API account
      const ui = v.uipath!;
      const tok = (await (await fetch(`${ui.baseUrl}/identity_/connect/token`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ grant_type: "client_credentials", client_id: ui.clientId!, client_secret: ui.clientSecret!, scope: "PM.RobotAccount" }).toString() })).json()) as { access_token: string };
      const put = await fetch(`${ui.baseUrl}/${ui.organization}/identity_/api/RobotAccount/${ids.robot}`, { method: "PUT", headers: { authorization: `Bearer ${tok.access_token}`, "content-type": "application/json" }, body: JSON.stringify({ partitionGlobalId: ui.partitionGlobalId, displayName: "Renamed in the console" }) });
      expect(put.status).toBeLessThan(300);
      const up = v.uptrends!;
      const del = await fetch(`${up.baseUrl}/ApiUser/${ids.monitor}`, { method: "DELETE", headers: { authorization: "Basic " + Buffer.from(`${up.username}:${up.password}`).toString("base64") } });
      expect(del.status).toBe(204);

      const r = await drift(p, "json");
      expect(r.code, r.stderr).toBe(1);
      const j = JSON.parse(r.stdout) as { drifted: number; items: { vendor: string; name: string; property: string; inState: unknown; atVendor: unknown }[] };
      expect(j.drifted).toBe(2);
      expect(j.items).toContainEqual(expect.objectContaining({ vendor: "UiPath", name: "robot", property: "displayName", inState: "Drift robot", atVendor: "Renamed in the console" }));
      expect(j.items).toContainEqual(expect.objectContaining({ vendor: "Uptrends", name: "monitor", property: "(identity)", atVendor: "deleted" }));
      expect(r.stdout).not.toMatch(/"password"/);
    } finally {
      p.cleanup();
      await sandbox.close();
    }
  });
});
