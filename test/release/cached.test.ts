// The release build the tests and the bench share (scripts/release/cached.mjs), against a stand-in
// checkout whose scripts/release/main.mjs only writes the files a build leaves and counts its runs:
// built once per set of inputs, found again in the cache, rebuilt when an input changes, made once
// when two processes ask at the same time, and a failed build names itself and caches nothing.
import { execFile } from "node:child_process";
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { cachedReleaseBuild } from "../../scripts/release/cached.mjs";

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), "apiidentity-cached-"));
const root = join(dir, "checkout");
const cache = join(dir, "cache");
const runs = join(dir, "runs");
afterAll(() => {
  delete process.env.APIIDENTITY_RELEASE_CACHE;
  rmSync(dir, { recursive: true, force: true });
});

// Writes what `main.mjs --targets linux-amd64 --out OUT` leaves, after a pause, and logs each run.
const FAKE_MAIN = `import { appendFileSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
const out = process.argv[process.argv.indexOf("--out") + 1];
if (process.env.FAKE_RELEASE_FAIL) { console.error("no Node binary for linux-amd64"); process.exit(1); }
appendFileSync(${JSON.stringify(runs)}, process.argv.slice(2).join(" ") + "\\n");
await new Promise((r) => setTimeout(r, 500));
mkdirSync(join(out, "build", "linux-amd64"), { recursive: true });
writeFileSync(join(out, "build", "linux-amd64", "pulumi-resource-apiidentity"), "binary");
for (const f of ["pulumi-resource-apiidentity-v1.2.3-linux-amd64.tar.gz", "pulumi_apiidentity-1.2.3-py3-none-any.whl", "pulumi_apiidentity-1.2.3.tar.gz", "SHA256SUMS"]) writeFileSync(join(out, f), f);
console.log("built into " + out);
`;

const builds = () => (existsSync(runs) ? readFileSync(runs, "utf8").trim().split("\n").filter(Boolean).length : 0);

beforeEach(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(cache, { recursive: true, force: true });
  rmSync(runs, { force: true });
  mkdirSync(join(root, "scripts", "release"), { recursive: true });
  mkdirSync(join(root, "provider"), { recursive: true });
  writeFileSync(join(root, "package.json"), JSON.stringify({ version: "1.2.3" }));
  writeFileSync(join(root, "schema.json"), "{}");
  writeFileSync(join(root, "provider", "main.ts"), "export {};\n");
  writeFileSync(join(root, "scripts", "release", "main.mjs"), FAKE_MAIN);
  process.env.APIIDENTITY_RELEASE_CACHE = cache;
});

describe("the shared release build", () => {
  it("builds linux-amd64 once per set of inputs and answers where each artefact is", () => {
    const first = cachedReleaseBuild(root);
    expect(builds()).toBe(1);
    expect(readFileSync(runs, "utf8")).toMatch(/^--targets linux-amd64 --out .*\/release\n$/);
    expect(first.version).toBe("1.2.3");
    expect(first.log).toMatch(/^built into /);
    for (const f of [first.archive, first.binary, first.wheel, first.sdist]) expect(existsSync(f), f).toBe(true);
    expect(first.archive).toBe(join(first.out, "pulumi-resource-apiidentity-v1.2.3-linux-amd64.tar.gz"));
    expect(first.binary).toBe(join(first.out, "build", "linux-amd64", "pulumi-resource-apiidentity"));

    expect(cachedReleaseBuild(root)).toEqual(first);
    expect(builds()).toBe(1);

    // A test file changes nothing the build reads; a source file does.
    writeFileSync(join(root, "provider", "main.test.ts"), "test\n");
    expect(cachedReleaseBuild(root).out).toBe(first.out);
    writeFileSync(join(root, "provider", "main.ts"), "export const changed = 1;\n");
    const second = cachedReleaseBuild(root);
    expect(builds()).toBe(2);
    expect(second.out).not.toBe(first.out);
    // The other build is younger than an hour: another run may be using it, so it stays.
    expect(existsSync(first.archive)).toBe(true);
    expect(readdirSync(cache).sort()).toHaveLength(2);
  });

  it("builds once when two processes ask at the same time; the other waits for it", async () => {
    const module = fileURLToPath(new URL("../../scripts/release/cached.mjs", import.meta.url));
    const ask = `import(${JSON.stringify(module)}).then((m) => console.log(m.cachedReleaseBuild(${JSON.stringify(root)}).out))`;
    const env = { ...process.env, APIIDENTITY_RELEASE_CACHE: cache };
    const [a, b] = await Promise.all([run(process.execPath, ["-e", ask], { env }), run(process.execPath, ["-e", ask], { env })]);
    expect(builds()).toBe(1);
    expect(a.stdout).toBe(b.stdout);
    expect(readdirSync(cache).filter((f) => f.endsWith(".lock") || f.includes(".tmp"))).toEqual([]);
  });

  it("a failed build says so with its output, caches nothing and leaves no lock", () => {
    process.env.FAKE_RELEASE_FAIL = "1";
    try {
      expect(() => cachedReleaseBuild(root)).toThrow(/npm run release -- --targets linux-amd64 failed\n[\s\S]*no Node binary for linux-amd64/);
    } finally {
      delete process.env.FAKE_RELEASE_FAIL;
    }
    expect(readdirSync(cache)).toEqual([]);
    appendFileSync(join(root, "schema.json"), " ");
    expect(existsSync(cachedReleaseBuild(root).archive)).toBe(true);
  });
});
