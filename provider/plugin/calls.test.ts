import { describe, expect, it } from "vitest";
import { PluginCalls } from "./calls.js";

const urn = "urn:pulumi:dev::p::apiidentity:index:IseApiUser::a";
// Valid inputs whose password breaks a guessed Ivanti rule: check answers with advice and calls no vendor.
const advised = { emailAddress: "a@example.com", password: "short", roles: ["Cisco ISE Operations"] };

describe("the plugin's notes", () => {
  it("go to the sink with the URN of the call and their severity", async () => {
    const got: unknown[][] = [];
    const calls = new PluginCalls({}, (...a) => void got.push(a));
    const r = await calls.check(urn, {}, advised);
    expect(r.failures).toEqual([]);
    expect(got.length).toBeGreaterThan(0);
    for (const [text, u, severity] of got) {
      expect(text).toMatch(/^password /);
      expect([u, severity]).toEqual([urn, "warning"]);
    }
  });

  it("a sink that fails never fails the call", async () => {
    const calls = new PluginCalls({}, () => {
      throw new Error("engine gone");
    });
    await expect(calls.check(urn, {}, advised)).resolves.toMatchObject({ failures: [] });
  });
});

describe("a setting under its former name", () => {
  it("is read at Configure, and its note goes once to the engine's log (no resource), naming the current key", () => {
    const got: unknown[][] = [];
    const calls = new PluginCalls({}, (...a) => void got.push(a));
    calls.configure(new Map([["apiidentity:verifyTenantUrl", "https://tenant.example"]]), {});
    calls.configure(new Map([["apiidentity:verifyTenantUrl", "https://tenant.example"]]), {});
    expect(calls.current().ibmVerifyTenantUrl).toBe("https://tenant.example");
    expect(got).toEqual([
      [
        "The stack config key 'apiidentity:verifyTenantUrl' is a deprecated name of the setting 'apiidentity:ibmVerifyTenantUrl'; it is still read, but rename it to 'apiidentity:ibmVerifyTenantUrl'.",
        undefined,
        "warning",
      ],
    ]);
  });
});

describe("the profile input", () => {
  it("is refused by the plugin in check, before any vendor call, pointing to explicit providers", async () => {
    const calls = new PluginCalls({}, () => undefined);
    const r = await calls.check(urn, {}, { ...advised, profile: "eu" });
    expect(r.failures).toEqual([{ property: "profile", reason: expect.stringMatching(/TypeScript SDK's dynamic classes.*explicit provider/) }]);
  });
});
