// The release notes the workflow attaches to a GitHub release: CHANGELOG.md's section of that
// version, and a refusal to release a version the changelog does not describe.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { packageRoot } from "../../provider/plugin/package-info.js";
import { releaseNotes } from "../../scripts/release/notes.mjs";

const changelog = `# Changelog

Intro.

## [Unreleased]

### Added
- Something new.

## [1.2.0] - 2027-01-02

### Fixed
- A fix.

## [1.1.0] - 2026-12-01

- Older.

[Unreleased]: https://github.com/o/r/compare/v1.2.0...HEAD
[1.2.0]: https://github.com/o/r/compare/v1.1.0...v1.2.0
`;

describe("releaseNotes", () => {
  it("returns the body of the version's section, up to the next section, without the link definitions", () => {
    expect(releaseNotes(changelog, "1.2.0")).toBe("### Fixed\n- A fix.\n");
    expect(releaseNotes(changelog, "1.1.0")).toBe("- Older.\n");
  });

  it("refuses a version with no section, naming the file and what to add", () => {
    expect(() => releaseNotes(changelog, "1.3.0")).toThrow(
      'release: CHANGELOG.md has no section "## [1.3.0] - YYYY-MM-DD"; move what the release holds from [Unreleased] into one before tagging v1.3.0',
    );
  });

  it("reads this repository's CHANGELOG.md: Keep a Changelog's title and an Unreleased section", () => {
    const text = readFileSync(join(packageRoot, "CHANGELOG.md"), "utf8");
    expect(text).toMatch(/^# Changelog\n/);
    expect(text).toContain("[Keep a Changelog](https://keepachangelog.com/en/1.1.0/)");
    expect(releaseNotes(text, "Unreleased")).toContain("\n### Added\n");
  });
});
