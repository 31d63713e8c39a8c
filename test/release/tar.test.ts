// The release's own .tar.gz writer, read back by the system tar: one executable at the archive root.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { tarHeader, writeTarGz } from "../../scripts/release/tar.mjs";

const dir = mkdtempSync(join(tmpdir(), "apiidentity-tar-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("writeTarGz", () => {
  it("writes one executable file at the root, which tar lists and extracts byte for byte", () => {
    const source = join(dir, "input");
    // Not a multiple of 512, so the padding is exercised.
    const data = Buffer.from(Array.from({ length: 1300 }, (_, i) => i % 251));
    writeFileSync(source, data);
    const archive = join(dir, "a.tar.gz");
    writeTarGz({ source, name: "pulumi-resource-apiidentity.exe", archive, mtime: 1_700_000_000 });

    const listing = execFileSync("tar", ["-tvzf", archive], { encoding: "utf8" }).trim().split("\n");
    expect(listing).toHaveLength(1);
    expect(listing[0]).toMatch(/^-rwxr-xr-x root\/root +1300 2023-11-1\d \d\d:\d\d pulumi-resource-apiidentity\.exe$/);

    const out = join(dir, "out");
    execFileSync("mkdir", ["-p", out]);
    execFileSync("tar", ["-xzf", archive, "-C", out]);
    expect(readFileSync(join(out, "pulumi-resource-apiidentity.exe")).equals(data)).toBe(true);
    expect(statSync(join(out, "pulumi-resource-apiidentity.exe")).mode & 0o777).toBe(0o755);
  });

  it("refuses a name longer than the header holds", () => {
    expect(() => tarHeader("x".repeat(101), 0, 0)).toThrow(/does not fit a 100-byte header field/);
  });
});
