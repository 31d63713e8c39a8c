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
