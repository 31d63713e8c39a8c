// vitest.config.ts runs every test file of the repository, and names only folders that exist: a test
// file outside its patterns would never run, and a pattern that matches nothing hides a moved folder.
import { execFileSync } from "node:child_process";
import { join, matchesGlob } from "node:path";
import { describe, expect, it } from "vitest";
import config from "../vitest.config.js";

const root = join(import.meta.dirname, "..");

/** Each project's name and include patterns. */
const projects = (config.test?.projects ?? []).flatMap((p) => (typeof p === "object" && "test" in p && p.test?.include ? [{ name: String(p.test.name), include: p.test.include }] : []));

/** The tracked test files (and new ones not committed yet). */
const testFiles = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard", "*.test.ts"], { cwd: root, encoding: "utf8" })
  .split("\n")
  .filter(Boolean);

/** The test-only vendor's tests run in the copy of the repository the sixth-vendor e2e adds it to. */
const RUN_ELSEWHERE = "test/vendors/example/**";

describe("vitest.config.ts", () => {
  it("has the unit and e2e projects", () => {
    expect(projects.map((p) => p.name)).toEqual(["unit", "e2e"]);
  });

  it("each include pattern matches a test file", () => {
    for (const p of projects) for (const pattern of p.include) expect(testFiles.some((f) => matchesGlob(f, pattern)), `${p.name}: ${pattern}`).toBe(true);
  });

  it("runs every test file, in exactly one project", () => {
    const unrun = testFiles.filter((f) => !matchesGlob(f, RUN_ELSEWHERE)).filter((f) => projects.filter((p) => p.include.some((pattern) => matchesGlob(f, pattern))).length !== 1);
    expect(unrun).toEqual([]);
    expect(testFiles.filter((f) => matchesGlob(f, RUN_ELSEWHERE)).length).toBeGreaterThan(0);
  });
});
