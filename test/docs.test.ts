// The documentation as a set of files: the README stays a short front door, every relative link
// (and heading anchor) in the Markdown pages leads somewhere, each resource has its page, and the
// README's settings table names every provider setting the package schema declares.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { FORMER_NAMES, SETTINGS, type SettingName } from "../provider/config.js";
import { VENDORS } from "../provider/vendors/index.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
/** Every kind of the vendor registry: each has its page. */
const REGISTRY_KINDS = VENDORS.flatMap((v) => v.kinds.map((k) => k.kind));
const README_MAX_BYTES = 12 * 1024;

function markdownUnder(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? markdownUnder(join(dir, e.name)) : e.name.endsWith(".md") ? [join(dir, e.name)] : [],
  );
}

const pages = ["README.md", "CONTRIBUTING.md", "ARCHITECTURE.md", ...markdownUnder("docs")];
const read = (file: string) => readFileSync(join(root, file), "utf8");

/** Lines outside fenced code blocks, with inline code removed (neither holds links). */
function proseLines(text: string): string[] {
  let fenced = false;
  const out: string[] = [];
  for (const line of text.split("\n")) {
    if (/^\s*(```|~~~)/.test(line)) {
      fenced = !fenced;
      continue;
    }
    if (!fenced) out.push(line.replace(/`[^`]*`/g, "code"));
  }
  return out;
}

/** Anchors GitHub gives a page's headings: lower case, punctuation dropped, spaces as dashes. */
function anchorsOf(text: string): Set<string> {
  const seen = new Map<string, number>();
  const anchors = new Set<string>();
  let fenced = false;
  for (const line of text.split("\n")) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    const m = fenced ? null : /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!m) continue;
    const base = m[1]!
      .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, "")
      .replace(/\s/g, "-");
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    anchors.add(n === 0 ? base : `${base}-${n}`);
  }
  return anchors;
}

/** Every `[text](target)` link of a page whose target is in this repository. */
function relativeLinks(text: string): string[] {
  return proseLines(text)
    .flatMap((line) => [...line.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map((m) => m[1]!))
    .filter((target) => !/^[a-z][a-z0-9+.-]*:/i.test(target));
}

/** Links of `text` (the content of `page`, a path from the repository root) that lead nowhere. */
function brokenLinks(page: string, text = read(page)): string[] {
  const broken: string[] = [];
  for (const link of relativeLinks(text)) {
    const [path = "", anchor] = link.split("#");
    let targetText = text;
    if (path !== "") {
      const target = resolve(root, dirname(page), decodeURIComponent(path));
      if (relative(root, target).startsWith("..") || !existsSync(target)) {
        broken.push(`${page}: ${link} (no such file)`);
        continue;
      }
      // Anchors are checked in Markdown pages only (a folder or a source file has no headings to match).
      if (!target.endsWith(".md") || !statSync(target).isFile()) continue;
      targetText = readFileSync(target, "utf8");
    }
    if (anchor && !anchorsOf(targetText).has(anchor)) broken.push(`${page}: ${link} (no heading with that anchor)`);
  }
  return broken;
}

describe("documentation", () => {
  it("the README is at most 12 KB", () => {
    const bytes = Buffer.byteLength(read("README.md"));
    expect(bytes, `README.md is ${bytes} bytes; move detail to a page under docs/`).toBeLessThanOrEqual(README_MAX_BYTES);
  });

  it("finds the pages it judges", () => {
    expect(existsSync(join(root, "CONTRIBUTING.md"))).toBe(true);
    expect(existsSync(join(root, "ARCHITECTURE.md"))).toBe(true);
    expect(pages.filter((p) => p.startsWith("docs/")).length).toBeGreaterThanOrEqual(10);
  });

  it("every relative link in README.md, CONTRIBUTING.md, ARCHITECTURE.md and docs/ leads to a file, and to a heading where it names one", () => {
    expect(pages.flatMap((page) => brokenLinks(page))).toEqual([]);
  });

  it("each resource has its page, and the README links to it", () => {
    const readme = read("README.md");
    for (const kind of REGISTRY_KINDS) {
      expect(existsSync(join(root, "docs/resources", `${kind}.md`)), kind).toBe(true);
      expect(readme, kind).toContain(`](docs/resources/${kind}.md)`);
    }
  });

  it("the README keeps the two set-up commands (CI runs exactly `npm test`)", () => {
    const readme = read("README.md");
    expect(readme).toContain("npm install && npm run demo");
    expect(readme).toMatch(/^npm test\b/m);
    expect(read(".ci/run")).toMatch(/^npm test$/m);
  });

  it("the README's settings table names every provider setting of schema.json and its environment variable", () => {
    const schema = JSON.parse(read("schema.json")) as { config: { variables: Record<string, { deprecationMessage?: string }> } };
    const names = Object.keys(schema.config.variables).filter((n) => schema.config.variables[n]!.deprecationMessage === undefined);
    expect(names).toContain("ivantiIseRoleName");
    const readme = read("README.md");
    const missing = names.filter((n) => !readme.includes(`\`${n}\``) || !readme.includes(`\`${SETTINGS[n as SettingName]}\``));
    expect(missing).toEqual([]);
    // The deprecated former names too, with their variables, so a user holding one finds what it became.
    const former = Object.values(FORMER_NAMES).filter((f) => !readme.includes(`\`${f!.key}\``) || !readme.includes(`\`${f!.env}\``));
    expect(former).toEqual([]);
  });
});

describe("the link check", () => {
  it("reports a missing file, a missing heading and a path out of the repository, and passes good links", () => {
    const page = "docs/example-page.md";
    const text = [
      "# Title",
      "[ok](drift.md) [ok](#title) [ok](../README.md#configuration) [ok](https://example.com/x) `[not a link](nowhere.md)`",
      "[gone](nowhere.md) [bad anchor](drift.md#no-such-heading) [bad self](#nothing) [outside](../../x.md)",
      "```",
      "[in code](nowhere.md)",
      "```",
    ].join("\n");
    expect(brokenLinks(page, text)).toEqual([
      "docs/example-page.md: nowhere.md (no such file)",
      "docs/example-page.md: drift.md#no-such-heading (no heading with that anchor)",
      "docs/example-page.md: #nothing (no heading with that anchor)",
      "docs/example-page.md: ../../x.md (no such file)",
    ]);
  });
});

describe("anchorsOf", () => {
  it("follows GitHub's spelling of heading anchors", () => {
    const a = anchorsOf("# Adoption with `importId`\n## Drift reports: `apiidentity drift`\n## Drift\n## Drift\n```\n# not a heading\n```\n");
    expect([...a]).toEqual(["adoption-with-importid", "drift-reports-apiidentity-drift", "drift", "drift-1"]);
  });
});
