// The release notes of one version: its section of CHANGELOG.md (Keep a Changelog: `## [X.Y.Z] - date`
// headings, link definitions at the end). The release workflow attaches them to the GitHub release
// and stops before publishing anything when the changelog has no section for the tag.
//
//   node scripts/release/notes.mjs X.Y.Z   # prints the section's body
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The body of `version`'s section of `changelog` (a version, or "Unreleased"). */
export function releaseNotes(changelog, version) {
  const lines = changelog.split("\n");
  const heading = new RegExp(`^## \\[${escape(version)}\\](\\s|$)`);
  const start = lines.findIndex((l) => heading.test(l));
  if (start < 0) {
    throw new Error(`release: CHANGELOG.md has no section "## [${version}] - YYYY-MM-DD"; move what the release holds from [Unreleased] into one before tagging v${version}`);
  }
  const rest = lines.slice(start + 1);
  const end = rest.findIndex((l) => l.startsWith("## ") || /^\[[^\]]+\]: /.test(l));
  return rest.slice(0, end < 0 ? rest.length : end).join("\n").trim() + "\n";
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const version = process.argv[2];
  if (!version) {
    process.stderr.write("usage: node scripts/release/notes.mjs X.Y.Z\n");
    process.exit(2);
  }
  try {
    const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
    process.stdout.write(releaseNotes(readFileSync(join(root, "CHANGELOG.md"), "utf8"), version));
  } catch (e) {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  }
}
