// The Python SDK's wheel and sdist as the release packs them, read back by the system's unzip and
// tar: the generated setup.py's metadata carried into METADATA and PKG-INFO, each shipped file once,
// a RECORD whose hashes match, and the same bytes from the same inputs.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { packPython, pyprojectMetadata, setupMetadata } from "../../scripts/release/python.mjs";
import { zipBytes } from "../../scripts/release/zip.mjs";

const dir = mkdtempSync(join(tmpdir(), "apiidentity-python-pack-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// The layout and wording of the generator's setup.py, cut down.
const SETUP_PY = `from setuptools import setup, find_packages

VERSION = "1.2.3a1"
def readme():
    return "x"

setup(name='pulumi_example',
      python_requires='>=3.9',
      version=VERSION,
      description="Example identities",
      keywords='pulumi example',
      url='https://example.com/home',
      project_urls={
          'Repository': 'https://github.com/example/pulumi-example'
      },
      license='Apache-2.0',
      install_requires=[
          'parver>=0.2.1',
          'pulumi>=3.231.0,<4.0.0',
          'typing-extensions>=4.11,<5; python_version < "3.11"'
      ],
      zip_safe=False)
`;

// The generator's pyproject.toml (the schema's python pyproject.enabled), cut down.
const PYPROJECT = `[project]
  name = "pulumi_example"
  description = "Example identities"
  dependencies = ["parver>=0.2.1", "pulumi>=3.259.0,<4.0.0", "typing-extensions>=4.11,<5; python_version < \\"3.11\\""]
  keywords = ["pulumi", "example", "category/utility"]
  readme = "README.md"
  requires-python = ">=3.9"
  version = "1.2.3"
  [project.license]
    text = "Apache-2.0"
  [project.urls]
    Homepage = "https://example.com/home"
    Repository = "https://github.com/example/pulumi-example"

[build-system]
  requires = ["setuptools>=61.0"]
  build-backend = "setuptools.build_meta"

[tool]
  [tool.setuptools]
    [tool.setuptools.package-data]
      pulumi_example = ["py.typed", "pulumi-plugin.json"]
`;

function sdkTree(name = "sdk", pyproject = false): string {
  const sdk = join(dir, name);
  mkdirSync(join(sdk, "pulumi_example", "config"), { recursive: true });
  if (pyproject) writeFileSync(join(sdk, "pyproject.toml"), PYPROJECT);
  else writeFileSync(join(sdk, "setup.py"), SETUP_PY);
  writeFileSync(join(sdk, "pulumi_example", "__init__.py"), "from .thing import *\n");
  writeFileSync(join(sdk, "pulumi_example", "thing.py"), "class Thing: pass\n");
  writeFileSync(join(sdk, "pulumi_example", "config", "__init__.pyi"), "x: str\n");
  writeFileSync(join(sdk, "pulumi_example", "py.typed"), "");
  writeFileSync(join(sdk, "pulumi_example", "pulumi-plugin.json"), '{"resource": true, "name": "example", "version": "1.2.3-alpha.1"}\n');
  writeFileSync(join(sdk, "pulumi_example", "README.md"), "# Example\n");
  writeFileSync(join(sdk, ".gitignore"), "*.pyc\n");
  return sdk;
}

describe("the Python SDK's packages", () => {
  it("read the generated setup.py's version, requirements and descriptive keywords", () => {
    expect(setupMetadata(SETUP_PY)).toEqual({
      name: "pulumi_example",
      version: "1.2.3a1",
      summary: "Example identities",
      requiresPython: ">=3.9",
      keywords: "pulumi example",
      license: "Apache-2.0",
      homepage: "https://example.com/home",
      projectUrls: [["Repository", "https://github.com/example/pulumi-example"]],
      requires: ["parver>=0.2.1", "pulumi>=3.231.0,<4.0.0", 'typing-extensions>=4.11,<5; python_version < "3.11"'],
    });
    expect(() => setupMetadata("setup(name='x')")).toThrow(/generated setup.py has no version, requires .*scripts\/release\/python.mjs/);
  });

  it("read the generated pyproject.toml's [project], license and URLs", () => {
    expect(pyprojectMetadata(PYPROJECT)).toEqual({
      name: "pulumi_example",
      version: "1.2.3",
      summary: "Example identities",
      requiresPython: ">=3.9",
      keywords: "pulumi,example,category/utility",
      license: "Apache-2.0",
      homepage: undefined,
      projectUrls: [
        ["Homepage", "https://example.com/home"],
        ["Repository", "https://github.com/example/pulumi-example"],
      ],
      requires: ["parver>=0.2.1", "pulumi>=3.259.0,<4.0.0", 'typing-extensions>=4.11,<5; python_version < "3.11"'],
    });
    expect(() => pyprojectMetadata('[project]\n  name = "x"\n')).toThrow(/generated pyproject.toml has no version, requires .*scripts\/release\/python.mjs/);
    expect(() => pyprojectMetadata("[project]\n  version = 1.2\n  keywords = ['a']\n")).toThrow(/project.keywords is not a string or a list of strings/);
  });

  it("pack a pyproject SDK with its own pyproject.toml in the sdist and its metadata in the wheel", () => {
    const out = join(dir, "pyproject-out");
    mkdirSync(out);
    const made = packPython({ sdk: sdkTree("pyproject-sdk", true), out, mtime: 1_700_000_000 });
    expect(made.wheel).toBe(join(out, "pulumi_example-1.2.3-py3-none-any.whl"));
    const metadata = execFileSync("unzip", ["-p", made.wheel, "pulumi_example-1.2.3.dist-info/METADATA"], { encoding: "utf8" });
    expect(metadata).toMatch(/^Metadata-Version: 2\.1\nName: pulumi_example\nVersion: 1\.2\.3\nSummary: Example identities\nLicense: Apache-2\.0\nKeywords: pulumi,example,category\/utility\n/);
    expect(metadata).toContain("Project-URL: Repository, https://github.com/example/pulumi-example\nRequires-Python: >=3.9\nRequires-Dist: parver>=0.2.1\n");
    const names = execFileSync("tar", ["-tzf", made.sdist], { encoding: "utf8" }).trim().split("\n");
    expect(names.slice(0, 3)).toEqual(["PKG-INFO", "README.md", "pyproject.toml"].map((f) => `pulumi_example-1.2.3/${f}`));
    expect(names).not.toContain("pulumi_example-1.2.3/setup.py");
    expect(execFileSync("tar", ["-xzOf", made.sdist, "pulumi_example-1.2.3/pyproject.toml"], { encoding: "utf8" })).toBe(PYPROJECT);
  });

  it("write a py3-none-any wheel with the package, METADATA and a RECORD that matches, the same bytes each time", () => {
    const sdk = sdkTree();
    const out = join(dir, "out");
    mkdirSync(out);
    const made = packPython({ sdk, out, mtime: 1_700_000_000 });
    expect(made.wheel).toBe(join(out, "pulumi_example-1.2.3a1-py3-none-any.whl"));
    const first = readFileSync(made.wheel);

    const listing = execFileSync("unzip", ["-Z1", made.wheel], { encoding: "utf8" }).trim().split("\n");
    const info = "pulumi_example-1.2.3a1.dist-info";
    expect(listing).toEqual([
      "pulumi_example/__init__.py",
      "pulumi_example/config/__init__.pyi",
      "pulumi_example/pulumi-plugin.json",
      "pulumi_example/py.typed",
      "pulumi_example/thing.py",
      `${info}/METADATA`,
      `${info}/WHEEL`,
      `${info}/top_level.txt`,
      `${info}/RECORD`,
    ]);
    const read = (name: string) => execFileSync("unzip", ["-p", made.wheel, name]);
    expect(read(`${info}/METADATA`).toString()).toBe(
      [
        "Metadata-Version: 2.1",
        "Name: pulumi_example",
        "Version: 1.2.3a1",
        "Summary: Example identities",
        "Home-page: https://example.com/home",
        "License: Apache-2.0",
        "Keywords: pulumi example",
        "Project-URL: Repository, https://github.com/example/pulumi-example",
        "Requires-Python: >=3.9",
        "Requires-Dist: parver>=0.2.1",
        "Requires-Dist: pulumi>=3.231.0,<4.0.0",
        'Requires-Dist: typing-extensions>=4.11,<5; python_version < "3.11"',
        "Description-Content-Type: text/markdown",
        "",
        "# Example\n",
      ].join("\n"),
    );
    expect(read(`${info}/WHEEL`).toString()).toMatch(/^Wheel-Version: 1\.0\n.*\nRoot-Is-Purelib: true\nTag: py3-none-any\n/s);
    const record = read(`${info}/RECORD`).toString().trim().split("\n");
    expect(record.map((l) => l.split(",")[0])).toEqual(listing);
    for (const line of record.slice(0, -1)) {
      const [name, hash, size] = line.split(",");
      const data = read(name!);
      expect(hash, name).toBe("sha256=" + createHash("sha256").update(data).digest("base64url"));
      expect(Number(size), name).toBe(data.length);
    }
    expect(record.at(-1)).toBe(`${info}/RECORD,,`);
    expect(read("pulumi_example/pulumi-plugin.json").toString()).toContain('"version": "1.2.3-alpha.1"');

    packPython({ sdk, out, mtime: 1_700_000_000 });
    expect(readFileSync(made.wheel).equals(first)).toBe(true);
  });

  it("write an sdist that setuptools builds: PKG-INFO, pyproject.toml, setup.py, README.md and the package", () => {
    const out = join(dir, "sdist");
    mkdirSync(out);
    const made = packPython({ sdk: sdkTree(), out, mtime: 1_700_000_000 });
    expect(made.sdist).toBe(join(out, "pulumi_example-1.2.3a1.tar.gz"));
    const listing = execFileSync("tar", ["-tvzf", made.sdist], { encoding: "utf8" }).trim().split("\n");
    expect(listing.every((l) => l.startsWith("-rw-r--r-- root/root"))).toBe(true);
    expect(listing.map((l) => l.split(/\s+/).pop())).toEqual(
      ["PKG-INFO", "README.md", "pyproject.toml", "setup.py", "pulumi_example/__init__.py", "pulumi_example/config/__init__.pyi", "pulumi_example/pulumi-plugin.json", "pulumi_example/py.typed", "pulumi_example/thing.py"].map(
        (f) => `pulumi_example-1.2.3a1/${f}`,
      ),
    );
    const file = (name: string) => execFileSync("tar", ["-xzOf", made.sdist, `pulumi_example-1.2.3a1/${name}`], { encoding: "utf8" });
    expect(file("pyproject.toml")).toMatch(/^\[build-system\]\nrequires = \["setuptools>=61"\]\nbuild-backend = "setuptools.build_meta"\n$/);
    expect(file("setup.py")).toBe(SETUP_PY);
    expect(file("PKG-INFO")).toMatch(/^Metadata-Version: 2\.1\nName: pulumi_example\nVersion: 1\.2\.3a1\n/);
  });

  it("zips entries that unzip extracts byte for byte, with one timestamp", () => {
    const data = Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7) % 256));
    const zip = join(dir, "a.zip");
    writeFileSync(zip, zipBytes([{ name: "a/b.bin", data }, { name: "empty", data: Buffer.alloc(0) }], 1_700_000_000));
    expect(execFileSync("unzip", ["-tq", zip], { encoding: "utf8" })).toMatch(/No errors detected/);
    expect(execFileSync("unzip", ["-p", zip, "a/b.bin"]).equals(data)).toBe(true);
    expect(execFileSync("unzip", ["-Z", "-T", zip], { encoding: "utf8" })).toMatch(/-rw-r--r-- .* 20231114\.2213\d\d a\/b\.bin/);
  });
});
