// Each sandbox vendor's id is its one name (its folder and URL prefix), and the older camelCase ids
// still name the vendor wherever a caller passes one: fault rules, profiles, the helpers and an old
// state file.
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "./server.js";
import { vendorIdOf } from "./vendor-id.js";
import { VENDOR_IDS, vendorModules } from "./vendors/index.js";

const here = join(dirname(fileURLToPath(import.meta.url)), "vendors");
const folders = readdirSync(here).filter((f) => statSync(join(here, f)).isDirectory());

let sb: Sandbox | undefined;
afterEach(async () => {
  await sb?.close();
  sb = undefined;
});

describe("vendor ids", () => {
  it("are the folder names and the URL prefixes, taken from the list", () => {
    expect([...VENDOR_IDS].sort()).toEqual([...folders].sort());
    expect(VENDOR_IDS).toEqual(vendorModules.map((m) => m.id));
    for (const m of vendorModules) expect(m.prefix).toBe(`/${m.id}`);
  });

  it("a vendor is named by its id, its older camelCase id or its prefix, in any case; nothing else", () => {
    expect(["automation-anywhere", "automationAnywhere", "AUTOMATIONANYWHERE", "ibmVerify", "ibm-verify", "uipath"].map((n) => vendorIdOf(n, vendorModules))).toEqual([
      "automation-anywhere",
      "automation-anywhere",
      "automation-anywhere",
      "ibm-verify",
      "ibm-verify",
      "uipath",
    ]);
    expect(vendorIdOf("controlroom", vendorModules)).toBeUndefined();
  });

  it("older ids still work in fault rules, profiles, baseUrl and store, and answers use the one name", async () => {
    sb = await startSandbox({ profiles: { automationAnywhere: "legacy" } });
    expect(sb.profiles()["automation-anywhere"]).toBe("legacy");
    sb.setProfile("automationAnywhere", "current");
    expect(sb.profiles()["automation-anywhere"]).toBe("current");
    expect(sb.baseUrl("ibmVerify")).toBe(`${sb.url}/ibm-verify`);
    expect(sb.store.vendor("ibmVerify")).toBe(sb.store.vendor("ibm-verify"));

    const put = await fetch(`${sb.url}/_sandbox/profiles`, { method: "PUT", body: JSON.stringify({ automationAnywhere: "legacy" }) });
    expect(await put.json()).toMatchObject({ profiles: { "automation-anywhere": "legacy" } });

    const added = await fetch(`${sb.url}/_sandbox/faults`, { method: "POST", body: JSON.stringify({ vendor: "ibmVerify", count: 1, effect: { type: "status", status: 503 } }) });
    expect(added.status).toBe(201);
    expect(((await added.json()) as { faults: { vendor: string }[] }).faults[0]!.vendor).toBe("ibm-verify");
    const r = await fetch(`${sb.baseUrl("ibm-verify")}/v1.0/apiclients`);
    expect(r.status).toBe(503);
    expect(sb.requests()).toContainEqual(expect.objectContaining({ vendor: "ibm-verify", status: 503 }));

    const bad = await fetch(`${sb.url}/_sandbox/faults`, { method: "POST", body: JSON.stringify({ vendor: "controlroom", effect: { type: "status", status: 503 } }) });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("known: ivanti, uptrends, automation-anywhere, ibm-verify, uipath");
  });

  it("a state file written under the older ids loads into the vendors of the one name", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sandbox-ids-"));
    try {
      const file = join(dir, "state.json");
      const first = await startSandbox();
      const verify = { ...first.store.vendor("ibm-verify"), marker: "old-file" };
      await first.close();
      writeFileSync(file, JSON.stringify({ version: 1, vendors: { ibmVerify: verify } }));
      sb = await startSandbox({ stateFile: file });
      expect((sb.store.vendor("ibm-verify") as { marker?: string }).marker).toBe("old-file");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
