// Outside the vendor folders, the registry, the generated files and bench/textbook/ (a hand-written
// provider on purpose), no source file in provider/, cli/, sdk/, scripts/ or bench/ names a vendor or
// a kind: adding a vendor is its folder plus one registry line, and nothing else lists vendors.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { settingsPrefixOf } from "../provider/setting-names.js";
import { VENDORS } from "../provider/vendors/index.js";

const root = join(import.meta.dirname, "..");

/**
 * Words of the vendors' own that are also plain English (`verify`): they cannot be searched for. The
 * test-only vendor added to a copy of the repository (test/vendors/example/) is named `example`, a
 * word of comments and host names alike: its kind's name is what the search finds it by.
 */
const PLAIN_WORDS = new Set(["verify", "example", "Example"]);

/** Every spelling of every vendor and kind the registry knows, long enough to search for. */
const spellings = [
  ...new Set(
    VENDORS.flatMap((v) => [v.name, v.displayName, settingsPrefixOf(v.name), ...(v.formerSettingsPrefix ? [v.formerSettingsPrefix] : []), ...v.aliases, ...v.kinds.map((k) => k.kind)]).filter((s) => s.length >= 5 && !PLAIN_WORDS.has(s)),
  ),
];


function sources(): string[] {
  const listed = execFileSync("git", ["ls-files", "provider", "cli", "sdk", "scripts", "bench"], { cwd: root, encoding: "utf8" }).split("\n").filter(Boolean);
  return listed
    .filter((f) => /\.(ts|cts|mts|mjs|cjs|js|sh)$/.test(f) && !/\.test\.ts$/.test(f))
    .filter((f) => !/^provider\/vendors\/[^/]+\//.test(f) && f !== "provider/vendors/index.ts" && !f.startsWith("bench/textbook/"))
    .filter((f) => !readFileSync(join(root, f), "utf8").startsWith("// GENERATED"));
}

describe("vendor names outside the vendor folders", () => {
  it("the search knows every vendor's spellings", () => {
    for (const v of VENDORS) expect(spellings).toContain(v.kinds[0]!.kind);
    expect(spellings).toEqual(expect.arrayContaining(["ivanti", "uptrends", "automation-anywhere", "ibm-verify", "uipath", "controlroom", "automationAnywhere", "ibmVerify"]));
  });

  it("no source file names one", () => {
    const offenders = sources().flatMap((f) =>
        readFileSync(join(root, f), "utf8")
          .split("\n")
          .flatMap((line, i) => spellings.filter((s) => line.includes(s)).map((s) => `${f}:${i + 1} names '${s}'`)),
      );
    expect(offenders).toEqual([]);
  });
});
