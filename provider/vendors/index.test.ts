// The vendor registry: every folder is listed once, and each module's facts agree with each other.
import { readdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { allProbes } from "../probes.js";
import { allHandlers } from "../handlers.js";
import { LOOKUPS, RESOURCES } from "../declare.js";
import { SETTINGS } from "../config.js";
import { NETWORK_SETTINGS } from "../network-settings.js";
import { RATE_LIMIT_SETTINGS } from "../rate-limit-settings.js";
import { envNameOf, settingsPrefixOf } from "../setting-names.js";
import { VENDORS } from "./index.js";

const here = dirname(fileURLToPath(import.meta.url));
const folders = readdirSync(here).filter((f) => statSync(join(here, f)).isDirectory());

describe("the vendor registry", () => {
  it("lists every vendor folder once, by its folder name", () => {
    expect(VENDORS.map((v) => v.name).sort()).toEqual([...folders].sort());
  });

  it("each vendor's probe, handlers and discover answer to its one name and its own kinds", () => {
    for (const v of VENDORS) {
      expect(v.probe.key, v.name).toBe(v.name);
      expect(v.probe.vendor, v.name).toBe(v.displayName);
      const kinds = v.kinds.map((k) => k.kind);
      for (const k of v.kinds) {
        expect(k.handler.kind).toBe(k.kind);
        expect(k.handler.vendor).toBe(v.displayName);
      }
      expect(kinds).toContain(v.discover.kind);
      if (v.orphans) expect(kinds).toContain(v.orphans.kind);
    }
  });

  it("each setting is named for its vendor's one name (key in camelCase, variable in upper snake case), and configured-by names its own settings", () => {
    expect(settingsPrefixOf("automation-anywhere")).toBe("automationAnywhere");
    expect(envNameOf("ibmVerifyClientSecret")).toBe("IBM_VERIFY_CLIENT_SECRET");
    for (const v of VENDORS) {
      for (const [name, d] of Object.entries(v.settings)) {
        expect(name.startsWith(settingsPrefixOf(v.name)), name).toBe(true);
        expect(d.env, name).toBe(envNameOf(name));
      }
      for (const name of v.configuredBy) expect(Object.keys(v.settings)).toContain(name);
    }
    const envs = Object.values(SETTINGS);
    expect(new Set(envs).size).toBe(envs.length);
  });

  it("everything derived lists exactly the registry's kinds, lookups, probes and settings", () => {
    const kinds = VENDORS.flatMap((v) => v.kinds.map((k) => k.kind));
    expect(new Set(kinds).size).toBe(kinds.length);
    expect(allHandlers().map((h) => h.kind)).toEqual(kinds);
    expect(RESOURCES.map((r) => r.kind)).toEqual(kinds);
    expect(LOOKUPS.map((l) => l.name)).toEqual(VENDORS.flatMap((v) => v.lookups.map((l) => l.name)));
    expect(allProbes().map((p) => p.key)).toEqual(VENDORS.map((v) => v.name));
    expect(Object.keys(SETTINGS)).toEqual([...VENDORS.flatMap((v) => Object.keys(v.settings)), ...Object.keys(NETWORK_SETTINGS), ...Object.keys(RATE_LIMIT_SETTINGS)]);
  });
});
