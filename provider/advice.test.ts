// The SDK's advice (provider/advice.ts) must be the handlers' own: same kinds, same input schema,
// same warnings, though it loads only the kind's inputs module.
import { describe, expect, it } from "vitest";
import { ADVISED_KINDS, adviceOf } from "./advice.js";
import { allHandlers, handlerFor } from "./handlers.js";

/** Inputs that draw a warning from each advised kind, and inputs that draw none. */
const samples: Record<string, object[]> = {
  IseApiUser: [{ emailAddress: "ise@example.com", displayName: "x".repeat(300) }, { emailAddress: "ise@example.com" }],
  ControlRoomUser: [{ username: "bot", email: "bot@localhost", licenseFeatures: ["ATTENDEDRUNTIME"], roles: ["AAE_Basic", "aae_basic"] }, { username: "bot" }],
  VerifyApiClient: [{ clientName: "ci", entitlements: ["manageUsers", "notAnEntitlementWeKnow"] }, { clientName: "ci", entitlements: [] }],
  UiPathRobotAccount: [{ name: "robot with spaces" }, { name: "robot" }],
  UptrendsApiAccount: [{ operatorGuid: "2f3c9a1e-6b7d-4e58-9a0c-1d2e3f4a5b6c", description: "d".repeat(2000) }, { operatorGuid: "2f3c9a1e-6b7d-4e58-9a0c-1d2e3f4a5b6c" }],
};

describe("adviceOf", () => {
  it("covers exactly the kinds whose handler advises", () => {
    expect([...ADVISED_KINDS].sort()).toEqual(allHandlers().filter((h) => h.advise).map((h) => h.kind).sort());
  });

  for (const kind of ADVISED_KINDS) {
    it(`${kind}: the handler's input schema and the handler's warnings`, async () => {
      const handler = handlerFor(kind);
      const advice = await adviceOf(kind);
      expect(advice?.inputs).toBe(handler.inputs);
      const [warned, quiet] = samples[kind]!;
      const got = advice!.advise!(warned!);
      expect(got.length).toBeGreaterThan(0);
      expect(got).toEqual(handler.advise!(warned!));
      expect(advice!.advise!(quiet!)).toEqual([]);
      expect(handler.advise!(quiet!)).toEqual([]);
    });
  }

  it("a kind without advise rules has none, and a kind is loaded once", async () => {
    // Every shipped kind advises (at least on lengths no vendor documents): an unknown kind has none.
    expect(await adviceOf("NoSuchKind")).toBeUndefined();
    expect(adviceOf("UiPathRobotAccount")).toBe(adviceOf("UiPathRobotAccount"));
  });
});
