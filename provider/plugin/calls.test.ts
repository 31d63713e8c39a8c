import { describe, expect, it, vi } from "vitest";
import { handlerFor } from "../handlers.js";
import { callStatus } from "../http/pacing-settings.js";
import type { ResourceMethods } from "../resource.js";
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

  it("a vendor call's wait for the rate limit shows as the resource's passing status (ephemeral), not as a note", async () => {
    const handler = handlerFor("IseApiUser");
    const real = handler.with.bind(handler);
    const spy = vi.spyOn(handler, "with").mockImplementation((settings, notes): ResourceMethods => {
      const m = real(settings, notes);
      return {
        ...m,
        check: async (olds, news) => {
          // What the transport's pacer does while the call waits (provider/http/pacer.ts).
          await Promise.resolve();
          callStatus("waiting about 4 min 50 s for Ivanti: its limit");
          return m.check(olds, news);
        },
      };
    });
    try {
      const got: unknown[][] = [];
      const calls = new PluginCalls({}, (...a) => void got.push(a));
      await calls.check(urn, {}, advised);
      expect(got[0]).toEqual(["waiting about 4 min 50 s for Ivanti: its limit", urn, "info", true]);
      // The advice after it is a note of the resource, kept in the log.
      expect(got.length).toBeGreaterThan(1);
      expect(got.slice(1).every((a) => a.length === 3 && a[2] === "warning")).toBe(true);
    } finally {
      spy.mockRestore();
    }
    // Outside a resource's call there is nowhere to show it: nothing happens.
    callStatus("no resource");
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
