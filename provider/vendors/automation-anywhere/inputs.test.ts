// Validation of ControlRoomUser inputs: each documented rule, with the property it names.
import { describe, expect, it } from "vitest";
import * as z from "zod";
import { advise, inputs } from "./inputs.js";

const valid = { username: "svc-bot", email: "svc@example.com", password: "Passw0rd!", roles: ["AAE_Basic"] };

function failures(v: Record<string, unknown>): { path: string; message: string }[] {
  const r = inputs.safeParse(v);
  return r.success ? [] : r.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
}

describe("ControlRoomUser inputs", () => {
  it("accepts a minimal database user and fills the disabled default", () => {
    expect(inputs.parse(valid)).toEqual({ ...valid, disabled: false });
  });

  it("username: required, 1 to 255 characters", () => {
    expect(failures({ ...valid, username: undefined })).toEqual([{ path: "username", message: expect.stringContaining("username is required") }]);
    expect(failures({ ...valid, username: "" })).toEqual([{ path: "username", message: "username must not be empty" }]);
    expect(failures({ ...valid, username: "u".repeat(255) })).toEqual([]);
    expect(failures({ ...valid, username: "u".repeat(256) })).toEqual([{ path: "username", message: "username must be at most 255 characters" }]);
  });

  it("email: required and a valid address", () => {
    expect(failures({ ...valid, email: "not-an-email" })).toEqual([{ path: "email", message: expect.stringContaining("valid email address") }]);
    expect(failures({ ...valid, email: undefined })).toHaveLength(1);
  });

  it("password: 8 to 15 characters from the allowed set", () => {
    for (const ok of ["Abcdef1!", "a-b_c@d#e$f%g&.", "12345678"]) expect(failures({ ...valid, password: ok })).toEqual([]);
    for (const bad of ["Short1!", "ThisIsSixteen123", "has space1", "quote'char1", "tilde~chars1", "ümlautchar1"]) {
      expect(failures({ ...valid, password: bad })).toEqual([{ path: "password", message: expect.stringContaining("8 to 15 characters") }]);
    }
  });

  it("password: required unless domain is set or a user is adopted", () => {
    expect(failures({ ...valid, password: undefined })).toEqual([{ path: "password", message: expect.stringContaining("password is required") }]);
    expect(failures({ ...valid, password: undefined, domain: "corp.example.com" })).toEqual([]);
    expect(failures({ ...valid, password: undefined, importId: "2075" })).toEqual([]);
  });

  it("roles: at least one name, no name twice; names differing only in case are a warning", () => {
    expect(failures({ ...valid, roles: [] })).toEqual([{ path: "roles", message: expect.stringContaining("at least one role") }]);
    expect(failures({ ...valid, roles: undefined })).toHaveLength(1);
    expect(failures({ ...valid, roles: [""] })).toEqual([{ path: "roles.0", message: "a role name must not be empty" }]);
    expect(failures({ ...valid, roles: ["AAE_Basic", "AAE_Basic"] })).toEqual([{ path: "roles", message: "roles must not name the same role twice" }]);
    // That role names ignore case is our guess; a Control Room may hold "Team" and "TEAM": a warning, not a refusal.
    expect(failures({ ...valid, roles: ["AAE_Basic", "aae_basic"] })).toEqual([]);
    expect(advise({ ...valid, roles: ["AAE_Basic", "aae_basic"] })).toEqual([expect.stringMatching(/^roles: 'AAE_Basic' and 'aae_basic' differ only in letter case/)]);
    expect(failures({ ...valid, roles: [2] })).toEqual([{ path: "roles.0", message: "each role must be a role name" }]);
  });

  it("licenseFeatures: names, each once; an undocumented one is a warning, not a refusal", () => {
    const documented = ["DEVELOPMENT", "RUNTIME", "IQBOTRUNTIME", "ANALYTICSCLIENT", "ANALYTICSAPI"];
    expect(failures({ ...valid, licenseFeatures: documented })).toEqual([]);
    expect(advise({ ...valid, licenseFeatures: documented })).toEqual([]);
    // Real Control Rooms hold more features than the 2021 page lists: a warning, not a refusal.
    expect(failures({ ...valid, licenseFeatures: ["ATTENDEDRUNTIME"] })).toEqual([]);
    expect(advise({ ...valid, licenseFeatures: ["RUNTIME", "ATTENDEDRUNTIME"] })).toEqual([
      "licenseFeatures: 'ATTENDEDRUNTIME' is not one of the documented features (DEVELOPMENT, RUNTIME, IQBOTRUNTIME, ANALYTICSCLIENT, ANALYTICSAPI); it is sent as written and the Control Room decides whether it knows it",
    ]);
    expect(failures({ ...valid, licenseFeatures: [""] })).toEqual([{ path: "licenseFeatures.0", message: "a licenseFeatures entry must not be empty" }]);
    expect(failures({ ...valid, licenseFeatures: [7] })).toEqual([{ path: "licenseFeatures.0", message: "each licenseFeatures entry must be a feature name" }]);
    expect(failures({ ...valid, licenseFeatures: ["RUNTIME", "RUNTIME"] })).toEqual([{ path: "licenseFeatures", message: "licenseFeatures must not list the same feature twice" }]);
  });

  it("email: an address the strict 'standard format' reading refuses is a warning", () => {
    expect(failures({ ...valid, email: "ops@localhost" })).toEqual([]);
    expect(advise({ ...valid, email: "ops@localhost" })).toEqual([expect.stringMatching(/^email: 'ops@localhost' may not pass/)]);
    expect(advise(valid)).toEqual([]);
    expect(failures({ ...valid, email: "two words@example.com" })).toEqual([{ path: "email", message: expect.stringContaining("valid email address") }]);
  });

  it("flags, names and domain have their types", () => {
    expect(failures({ ...valid, disabled: "yes" })).toEqual([{ path: "disabled", message: "disabled must be true or false" }]);
    expect(failures({ ...valid, enableAutoLogin: 1 })).toEqual([{ path: "enableAutoLogin", message: "enableAutoLogin must be true or false" }]);
    expect(failures({ ...valid, firstName: 3 })).toEqual([{ path: "firstName", message: "firstName must be a string" }]);
    expect(failures({ ...valid, domain: "" })).toEqual([{ path: "domain", message: expect.stringContaining("domain must not be empty") }]);
  });

  it("importId: the numeric user id", () => {
    expect(failures({ ...valid, importId: "2075" })).toEqual([]);
    expect(failures({ ...valid, importId: "svc-bot" })).toEqual([{ path: "importId", message: expect.stringContaining("numeric Control Room user id") }]);
  });

  it("describes every input (the text of schema.json and the docs)", () => {
    const json = z.toJSONSchema(inputs, { io: "input" }) as { properties: Record<string, { description?: string }>; required: string[] };
    expect(Object.keys(json.properties).sort()).toEqual(
      ["username", "email", "password", "roles", "firstName", "lastName", "description", "disabled", "enableAutoLogin", "licenseFeatures", "domain", "importId", "profile"].sort(),
    );
    for (const [k, s] of Object.entries(json.properties)) expect(s.description, k).toBeTruthy();
    expect(json.required.sort()).toEqual(["email", "roles", "username"]);
  });
});
