import { describe, expect, it } from "vitest";
import { resolveSettings } from "../settings.js";
import { invoke } from "./invoke.js";

describe("the plugin's lookups", () => {
  it("refuse the profile argument before any vendor call, pointing to an explicit provider", async () => {
    const r = await invoke("apiidentity:index:getUptrendsOperator", { email: "a@example.com", profile: "eu" }, resolveSettings({}));
    expect(r.failures).toEqual([{ property: "profile", reason: expect.stringMatching(/^getUptrendsOperator: profile names a settings profile.*explicit provider/) }]);
  });
});
