// Inlines docs/resources/*.md into README.md between the resource markers, so the README has one
// section per resource and each resource's page stays beside its owners. `--check` fails when stale.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const ORDER = ["IseApiUser", "UptrendsApiAccount", "ControlRoomUser", "VerifyApiClient", "UiPathRobotAccount"];
const START = "<!-- resources:start (generated from docs/resources by npm run gen) -->";
const END = "<!-- resources:end -->";

const dir = join(root, "docs/resources");
const files = readdirSync(dir).filter((f) => f.endsWith(".md"));
files.sort((a, b) => (ORDER.indexOf(a.slice(0, -3)) + 99) % 99 - ((ORDER.indexOf(b.slice(0, -3)) + 99) % 99) || a.localeCompare(b));
const body = files.map((f) => readFileSync(join(dir, f), "utf8").trim()).join("\n\n");

const readmePath = join(root, "README.md");
const readme = readFileSync(readmePath, "utf8");
const s = readme.indexOf(START);
const e = readme.indexOf(END);
if (s < 0 || e < s) {
  console.error(`README.md lacks the markers ${START} … ${END}`);
  process.exit(1);
}
const next = readme.slice(0, s + START.length) + "\n\n" + body + "\n\n" + readme.slice(e);
if (process.argv.includes("--check")) {
  if (next !== readme) {
    console.error("README.md resource sections are stale: run 'npm run gen' and commit the result.");
    process.exit(1);
  }
  console.log("README.md resource sections are up to date.");
} else {
  writeFileSync(readmePath, next);
  console.log(`README.md: ${files.length} resource sections`);
}
