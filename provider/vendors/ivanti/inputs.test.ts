// Validation of IseApiUser inputs: each rule names the property and says what is allowed.
import { describe, expect, it } from "vitest";
import { noSettings, sandboxSettings } from "../../../test/settings.js";
import { checkInputs as checkWithSettings, iseApiUser, UNKNOWN } from "./handler.js";

/** Checks with no provider settings (the documented names of the ISE role only). */
const checkInputs = (news: Record<string, unknown>) => checkWithSettings(news, noSettings());
import { passwordProblems } from "./inputs.js";

const advise = (news: Record<string, unknown>) => iseApiUser.advise!(checkInputs(news).inputs);

const valid = { emailAddress: "ise@example.com", password: "Str0ng-Passw0rd" };

function failuresOf(news: Record<string, unknown>) {
  return checkInputs(news).failures;
}

describe("IseApiUser check", () => {
  it("accepts the minimum and fills the defaults", () => {
    const r = checkInputs(valid);
    expect(r.failures).toEqual([]);
    expect(r.inputs).toEqual({ ...valid, username: "ise@example.com", roles: ["Cisco ISE Operations"], enabled: true });
  });

  it("derives displayName from the names, keeps an explicit one", () => {
    expect(checkInputs({ ...valid, firstName: "Ise", lastName: "Robot" }).inputs.displayName).toBe("Ise Robot");
    expect(checkInputs({ ...valid, lastName: "Robot" }).inputs.displayName).toBe("Robot");
    expect(checkInputs({ ...valid, firstName: "Ise", displayName: "Cisco ISE" }).inputs.displayName).toBe("Cisco ISE");
    expect(checkInputs(valid).inputs).not.toHaveProperty("displayName");
  });

  it("drops engine-internal keys", () => {
    expect(checkInputs({ ...valid, __provider: "x" }).inputs).not.toHaveProperty("__provider");
  });

  it("requires emailAddress as an email address", () => {
    expect(failuresOf({ password: valid.password })[0]?.property).toBe("emailAddress");
    const f = failuresOf({ ...valid, emailAddress: "not-an-email" });
    expect(f).toEqual([{ property: "emailAddress", reason: expect.stringContaining("valid email address") }]);
    // The 255 limit is a guess: a warning, not a refusal.
    const long = { ...valid, emailAddress: `${"a".repeat(250)}@example.com` };
    expect(failuresOf(long)).toEqual([]);
    expect(advise(long)).toEqual([expect.stringContaining("Ivanti may refuse more than 255")]);
  });

  it("requires a password", () => {
    expect(failuresOf({ emailAddress: valid.emailAddress }).map((f) => f.property)).toEqual(["password"]);
    expect(failuresOf({ emailAddress: valid.emailAddress })[0]?.reason).toContain("importId");
  });

  it("an adoption (importId) needs no password: the API user keeps the one it has", () => {
    const r = checkInputs({ emailAddress: valid.emailAddress, importId: "10005" });
    expect(r.failures).toEqual([]);
    expect(r.inputs).not.toHaveProperty("password");
    // A password not known yet (preview) is left to the real run, as is an importId not known yet.
    expect(failuresOf({ emailAddress: valid.emailAddress, password: UNKNOWN })).toEqual([]);
    expect(failuresOf({ emailAddress: valid.emailAddress, importId: UNKNOWN })).toEqual([]);
    // Declared with importId, it is still checked.
    expect(failuresOf({ emailAddress: valid.emailAddress, importId: "10005", password: "" })[0]?.property).toBe("password");
  });

  it("warns (does not refuse) when the password breaks the guessed default policy", () => {
    // The policy is tenant-configurable and its defaults are a guess: the tenant decides.
    expect(failuresOf({ ...valid, password: "Ab1-" })).toEqual([]);
    const short = advise({ ...valid, password: "Ab1-" });
    expect(short).toHaveLength(1);
    expect(short[0]).toContain("8 to 128 characters");
    expect(advise({ ...valid, password: "alllowercase" })[0]).toContain("at least 3 of");
    expect(advise({ ...valid, password: "x".repeat(129) + "A1" })[0]).toContain("8 to 128");
    expect(advise(valid)).toEqual([]);
    // The password itself never appears in a warning.
    expect(JSON.stringify(advise({ ...valid, password: "onlylowerletters" }))).not.toContain("onlylowerletters");
    expect(failuresOf({ ...valid, password: "" })[0]?.property).toBe("password");
  });

  it("passwordProblems counts character classes", () => {
    expect(passwordProblems("Abcdefg1")).toEqual([]);
    expect(passwordProblems("abcdefg1")).toHaveLength(1);
    expect(passwordProblems("abc")).toHaveLength(2);
  });

  it("roles must contain Cisco ISE Operations, any case, under either of the vendor's spellings", () => {
    expect(failuresOf({ ...valid, roles: ["Device Read Only"] })).toEqual([{ property: "roles", reason: expect.stringContaining('must contain "Cisco ISE Operations"') }]);
    expect(failuresOf({ ...valid, roles: ["cisco ise operations", "Device Read Only"] })).toEqual([]);
    expect(failuresOf({ ...valid, roles: ["API Management Cisco ISE Operations"] })).toEqual([]);
    expect(failuresOf({ ...valid, roles: [] })[0]?.property).toBe("roles");
    expect(failuresOf({ ...valid, roles: ["Cisco ISE Operations", ""] })[0]?.property).toBe("roles.1");
    expect(failuresOf({ ...valid, roles: "Cisco ISE Operations" })[0]?.reason).toContain("list of role names");
  });

  it("names must be non-empty; padding and length beyond 255 are warnings (guessed rules)", () => {
    expect(failuresOf({ ...valid, firstName: "" })[0]).toEqual({ property: "firstName", reason: expect.stringContaining("omit it instead") });
    expect(failuresOf({ ...valid, lastName: " Robot" })).toEqual([]);
    // (the displayName derived from it is padded too)
    expect(advise({ ...valid, lastName: " Robot" })).toEqual(expect.arrayContaining([expect.stringContaining("lastName starts or ends with whitespace")]));
    expect(failuresOf({ ...valid, displayName: "d".repeat(256) })).toEqual([]);
    expect(advise({ ...valid, displayName: "d".repeat(256) })).toEqual([expect.stringContaining("displayName has 256 characters")]);
  });

  it("the provider setting ivantiIseRoleName names the ISE role and becomes the default", () => {
    const custom = sandboxSettings({ IVANTI_ISE_ROLE_NAME: "ISE Ops (custom)" });
    const failures = (news: Record<string, unknown>) => checkWithSettings(news, custom).failures;
    expect(checkWithSettings(valid, custom).inputs.roles).toEqual(["ISE Ops (custom)"]);
    expect(failures({ ...valid, roles: ["ise ops (custom)"] })).toEqual([]);
    expect(failures({ ...valid, roles: ["Cisco ISE Operations"] })).toEqual([]);
    // Without the setting, the tenant's own spelling is no ISE role.
    expect(failuresOf({ ...valid, roles: ["ISE Ops (custom)"] })).toEqual([{ property: "roles", reason: expect.stringContaining("roles must contain") }]);
  });

  it("username must be a usable Basic login", () => {
    expect(failuresOf({ ...valid, username: "svc:ise" })[0]).toEqual({ property: "username", reason: expect.stringContaining("':'") });
    expect(failuresOf({ ...valid, username: "svc-ise" })).toEqual([]);
  });

  it("enabled must be a boolean", () => {
    expect(failuresOf({ ...valid, enabled: "yes" })[0]).toEqual({ property: "enabled", reason: "enabled must be true or false" });
  });

  it("importId must be a numeric account id", () => {
    expect(failuresOf({ ...valid, importId: "abc" })[0]).toEqual({ property: "importId", reason: expect.stringContaining("numeric account id") });
    expect(failuresOf({ ...valid, importId: "10005" })).toEqual([]);
  });

  it("leaves values not known yet (preview) to the real run", () => {
    const r = checkInputs({ emailAddress: valid.emailAddress, password: UNKNOWN, firstName: UNKNOWN, lastName: "Robot" });
    expect(r.failures).toEqual([]);
    expect(r.inputs.password).toBe(UNKNOWN);
    expect(r.inputs.displayName).toBe(UNKNOWN);
    expect(r.inputs.username).toBe(valid.emailAddress);
    // Known values are still checked.
    expect(failuresOf({ emailAddress: "bad", password: UNKNOWN })[0]?.property).toBe("emailAddress");
  });
});
