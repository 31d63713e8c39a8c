// Rules about the repository itself: the emulator is an independent reading of the vendors (no
// product code on either side imports the other), and the project is self-contained (no tracked
// file points outside the repository).
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..");

const tracked = execFileSync("git", ["ls-files", "-z"], { cwd: repoRoot, encoding: "utf8" }).split("\0").filter(Boolean);
const source = (f: string) => /\.(ts|cts|mts|js|cjs|mjs)$/.test(f) && !/\.test\.ts$/.test(f);
const importsOf = (f: string) => [...readFileSync(join(repoRoot, f), "utf8").matchAll(/(?:from|import|require)\s*\(?\s*"([^"]+)"/g)].map((m) => m[1]!);

describe("repository structure", () => {
  it("finds the files it judges", () => {
    expect(tracked.filter((f) => f.startsWith("sandbox/") && source(f)).length).toBeGreaterThan(50);
    expect(tracked.filter((f) => f.startsWith("provider/") && source(f)).length).toBeGreaterThan(50);
  });

  it("no emulator source imports the provider", () => {
    const offenders = tracked
      .filter((f) => f.startsWith("sandbox/") && source(f))
      .flatMap((f) => importsOf(f).filter((i) => /(^|\/)provider(\/|$)/.test(i)).map((i) => `${f} imports ${i}`));
    expect(offenders).toEqual([]);
  });

  it("no provider source imports the emulator", () => {
    const offenders = tracked
      .filter((f) => f.startsWith("provider/") && source(f))
      .flatMap((f) => importsOf(f).filter((i) => /(^|\/)sandbox(\/|$)/.test(i)).map((i) => `${f} imports ${i}`));
    expect(offenders).toEqual([]);
  });

  it("no tracked file refers to a path outside the repository", () => {
    // The notes this project was started from lived beside the checkout; what it relies on is
    // written into docs/ with public sources instead.
    const outside = /(\.\.\/shared\b|\/work\/|shared\/reference|\breference\/[\w-]+\.md\b)/;
    const offenders = tracked
      .filter((f) => !/(^|\/)package-lock\.json$|\.(png|jpg|svg)$/.test(f))
      .flatMap((f) =>
        readFileSync(join(repoRoot, f), "utf8")
          .split("\n")
          .map((line, i) => (outside.test(line) ? `${f}:${i + 1}: ${line.trim().slice(0, 120)}` : undefined))
          .filter((x): x is string => x !== undefined),
      );
    expect(offenders).toEqual([]);
  });
});
