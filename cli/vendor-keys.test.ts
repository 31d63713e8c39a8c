// One name per vendor on the command line: the registry's name, and the older spellings as aliases.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { VENDORS } from "../provider/vendors/index.js";
import { main } from "./main.js";
import { VENDOR_NAMES, vendorKey } from "./vendor-keys.js";

async function helpText(): Promise<string> {
  let out = "";
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string) => ((out += chunk), true)) as typeof process.stdout.write;
  try {
    expect(await main(["--help"])).toBe(0);
  } finally {
    process.stdout.write = write;
  }
  return out;
}

describe("vendor names on the command line", () => {
  it("are the registry's one names, each the vendor's folder", () => {
    expect(VENDOR_NAMES).toEqual(VENDORS.map((v) => v.name));
    // The five shipped vendors, in the registry's order, whatever was added after them.
    const shipped = ["ivanti", "uptrends", "automation-anywhere", "ibm-verify", "uipath"];
    expect(VENDOR_NAMES.filter((n) => shipped.includes(n))).toEqual(shipped);
    for (const n of VENDOR_NAMES) {
      expect(vendorKey(n)).toBe(n);
      expect(existsSync(join(import.meta.dirname, "../provider/vendors", n, "index.ts")), n).toBe(true);
    }
  });

  it("still accept the older spellings, as the vendor modules declare them", () => {
    expect(["ise", "controlroom", "automationAnywhere", "verify", "ibmVerify"].map(vendorKey)).toEqual(["ivanti", "automation-anywhere", "automation-anywhere", "ibm-verify", "ibm-verify"]);
    for (const v of VENDORS) for (const a of v.aliases) expect(vendorKey(a)).toBe(v.name);
    expect(vendorKey("okta")).toBe("okta");
  });

  it("no alias names two vendors or shadows a name", () => {
    const all = VENDORS.flatMap((v) => [v.name, ...v.aliases]);
    expect(new Set(all).size).toBe(all.length);
  });

  it("the help text shows the one names, not the aliases", async () => {
    const text = await helpText();
    expect(text).toContain(`apiidentity discover <${VENDOR_NAMES.join("|")}>`);
    expect(text).toContain(`apiidentity check [${VENDOR_NAMES.join("|")}]...`);
    for (const alias of VENDORS.flatMap((v) => v.aliases)) expect(text).not.toMatch(new RegExp(`[<|\\[]${alias}[|>\\]]`));
  });
});
