// The provider and the emulator each hold a vendor's published rate limits in their own folder (the
// sandbox never imports provider/): the figures must be the same, and a vendor declares limits on
// both sides or on neither.
import { describe, expect, it } from "vitest";
import { vendorModules } from "../sandbox/vendors/index.js";
import { VENDORS } from "../provider/vendors/index.js";

const figures = (limits: readonly { methods: readonly string[]; requests: number; windowSeconds: number }[] | undefined) =>
  (limits ?? []).map((l) => ({ methods: [...l.methods].sort(), requests: l.requests, windowSeconds: l.windowSeconds }));

describe("published rate limits", () => {
  it.each(VENDORS.map((v) => [v.name, v] as const))("%s: the provider's and the emulator's figures agree", (name, v) => {
    const emulated = vendorModules.find((m) => m.id === name);
    expect(emulated, `no emulator for ${name}`).toBeDefined();
    expect(figures(emulated!.rateLimits?.limits)).toEqual(figures(v.rateLimits?.limits));
  });

  it("UiPath declares Identity Server's published figures", () => {
    const uipath = VENDORS.find((v) => v.name === "uipath");
    expect(uipath?.rateLimits?.per).toBe("organization");
    expect(figures(uipath?.rateLimits?.limits)).toEqual([
      { methods: ["GET"], requests: 300, windowSeconds: 300 },
      { methods: ["POST"], requests: 24_000, windowSeconds: 300 },
      { methods: ["PUT"], requests: 160, windowSeconds: 300 },
      { methods: ["PATCH"], requests: 160, windowSeconds: 300 },
      { methods: ["DELETE"], requests: 160, windowSeconds: 300 },
    ]);
  });
});
