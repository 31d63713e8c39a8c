// Validation of IseApiUser inputs: each rule names the property and says what is allowed.
import { describe, expect, it } from "vitest";
import { checkInputs, UNKNOWN } from "./handler.js";
import { passwordProblems } from "./inputs.js";

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
    expect(failuresOf({ ...valid, emailAddress: `${"a".repeat(250)}@example.com` })[0]?.reason).toContain("at most 255");
  });

  it("requires a password", () => {
    expect(failuresOf({ emailAddress: valid.emailAddress }).map((f) => f.property)).toEqual(["password"]);
  });

  it("checks the password against the default policy", () => {
    const short = failuresOf({ ...valid, password: "Ab1-" });
    expect(short).toHaveLength(1);
    expect(short[0]).toMatchObject({ property: "password" });
    expect(short[0]?.reason).toContain("8 to 128 characters");
    const simple = failuresOf({ ...valid, password: "alllowercase" });
    expect(simple[0]?.reason).toContain("at least 3 of");
    expect(failuresOf({ ...valid, password: "x".repeat(129) + "A1" })[0]?.reason).toContain("8 to 128");
    // The password itself never appears in the reason.
    expect(JSON.stringify(failuresOf({ ...valid, password: "onlylowerletters" }))).not.toContain("onlylowerletters");
  });

  it("passwordProblems counts character classes", () => {
    expect(passwordProblems("Abcdefg1")).toEqual([]);
    expect(passwordProblems("abcdefg1")).toHaveLength(1);
    expect(passwordProblems("abc")).toHaveLength(2);
  });

  it("roles must contain Cisco ISE Operations, any case", () => {
    expect(failuresOf({ ...valid, roles: ["Device Read Only"] })).toEqual([{ property: "roles", reason: expect.stringContaining('must contain "Cisco ISE Operations"') }]);
    expect(failuresOf({ ...valid, roles: ["cisco ise operations", "Device Read Only"] })).toEqual([]);
    expect(failuresOf({ ...valid, roles: [] })[0]?.property).toBe("roles");
    expect(failuresOf({ ...valid, roles: ["Cisco ISE Operations", ""] })[0]?.property).toBe("roles.1");
    expect(failuresOf({ ...valid, roles: "Cisco ISE Operations" })[0]?.reason).toContain("list of role names");
  });

  it("names must be non-empty, unpadded and short", () => {
    expect(failuresOf({ ...valid, firstName: "" })[0]).toEqual({ property: "firstName", reason: expect.stringContaining("omit it instead") });
    expect(failuresOf({ ...valid, lastName: " Robot" })[0]).toEqual({ property: "lastName", reason: expect.stringContaining("whitespace") });
    expect(failuresOf({ ...valid, displayName: "d".repeat(256) })[0]?.reason).toContain("at most 255");
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
