// What `npm pack` would publish from this checkout leaves the test-only vendor (test/vendors/example/)
// out, in source and built form: it exists to be added to a copy of the repository, never to ship.
// Nor does it publish compiled tests, even stale ones left in dist/test/ by an older build.
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..");

/** The paths `npm pack --dry-run` lists in `dir`; no lifecycle script runs (`prepare` would rebuild dist/). */
function packed(dir = root): string[] {
  const out = execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: dir, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  return (JSON.parse(out) as { files: { path: string }[] }[])[0]!.files.map((f) => f.path);
}

describe("package contents", () => {
  it("the test-only vendor is in the repository but never in the package", () => {
    expect(existsSync(join(root, "test/vendors/example/provider/index.ts"))).toBe(true);
    expect(existsSync(join(root, "test/vendors/example/sandbox/index.ts"))).toBe(true);
    const files = packed();
    expect(files).toEqual(expect.arrayContaining(["package.json", "schema.json", "README.md"]));
    expect(files.filter((f) => f.startsWith("test/"))).toEqual([]);
    expect(files.filter((f) => /(^|\/)vendors\/example(\/|$)/.test(f))).toEqual([]);
    expect(files.filter((f) => f.startsWith("dist/test/"))).toEqual([]);
  });

  it("leaves out whatever a build left in dist/test/, by the files rule of package.json", () => {
    // A package with this package.json and a few built files, stale compiled tests among them.
    const dir = mkdtempSync(join(tmpdir(), "apiidentity-pack-"));
    try {
      copyFileSync(join(root, "package.json"), join(dir, "package.json"));
      const built = ["dist/provider/index.js", "dist/sdk/index.js", "dist/test/kinds/memo.js", "dist/test/kinds/memo.d.ts", "dist/test/settings.js", "dist/test/e2e/harness.js"];
      for (const f of built) {
        mkdirSync(dirname(join(dir, f)), { recursive: true });
        writeFileSync(join(dir, f), "export {};\n");
      }
      const files = packed(dir);
      expect(files).toEqual(expect.arrayContaining(["package.json", "dist/provider/index.js", "dist/sdk/index.js"]));
      expect(files.filter((f) => f.startsWith("dist/test/"))).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
