// What `npm pack` would publish from this checkout leaves the test-only vendor (test/vendors/example/)
// out, in source and built form: it exists to be added to a copy of the repository, never to ship.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..");

/** The paths `npm pack --dry-run` lists; no lifecycle script runs (`prepare` would rebuild dist/). */
function packed(): string[] {
  const out = execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
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
  });
});
