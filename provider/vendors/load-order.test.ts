// The settings import the registry, whose vendor modules import the clients that import the settings:
// whichever module a program or test loads first, every handler must be complete once loaded (a
// value read while its module was still loading would be missing, e.g. the vendor name in messages).
import { describe, expect, it, vi } from "vitest";

const CLIENTS: Record<string, () => Promise<unknown>> = {
  ivanti: () => import("./ivanti/client.js"),
  uptrends: () => import("./uptrends/client.js"),
  "automation-anywhere": () => import("./automation-anywhere/client.js"),
  "ibm-verify": () => import("./ibm-verify/client.js"),
  uipath: () => import("./uipath/client.js"),
};

describe("loading a vendor's client before anything else", () => {
  it.each(Object.keys(CLIENTS))("%s: every handler and probe of the registry names its vendor", async (folder) => {
    vi.resetModules();
    await CLIENTS[folder]!();
    const { VENDORS } = await import("./index.js");
    for (const v of VENDORS) {
      expect(v.displayName, v.name).toMatch(/\S/);
      expect(v.probe.vendor, v.name).toBe(v.displayName);
      for (const k of v.kinds) expect(k.handler.vendor, k.kind).toBe(v.displayName);
    }
  });
});
