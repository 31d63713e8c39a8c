// The message of a missing setting: both places it can come from, and `--secret` exactly for the
// settings declared secret.
import { afterEach, describe, expect, it } from "vitest";
import { requireSetting, SETTINGS } from "./config.js";

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
});

describe("requireSetting", () => {
  it("names the config key and the environment variable; suggests --secret for a declared secret only", () => {
    delete process.env[SETTINGS.verifyClientSecret];
    delete process.env[SETTINGS.verifyClientId];
    expect(() => requireSetting("verifyClientSecret", "IBM Verify")).toThrow(
      "IBM Verify: missing provider setting 'verifyClientSecret'. Set it with 'pulumi config set apiidentity:verifyClientSecret <value> --secret' or the environment variable VERIFY_CLIENT_SECRET.",
    );
    expect(() => requireSetting("verifyClientId", "IBM Verify")).toThrow("'pulumi config set apiidentity:verifyClientId <value>' or");
  });

  it("takes the environment when stack config does not set it", () => {
    process.env[SETTINGS.uipathOrganization] = "acme";
    expect(requireSetting("uipathOrganization", "UiPath")).toBe("acme");
  });
});
