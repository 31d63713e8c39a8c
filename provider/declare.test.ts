// The secret lists drift and discover use come from the resources' declarations.
import { describe, expect, it } from "vitest";
import { secretPropertiesOf, writeOnlyInputsOf } from "./declare.js";

describe("secretPropertiesOf / writeOnlyInputsOf", () => {
  it("lists each kind's secrets, generated and write-only", () => {
    expect([...secretPropertiesOf("IseApiUser")]).toEqual(["password"]);
    expect([...secretPropertiesOf("UptrendsApiAccount")]).toEqual(["password"]);
    expect([...secretPropertiesOf("ControlRoomUser")]).toEqual(["password"]);
    expect([...secretPropertiesOf("VerifyApiClient")]).toEqual(["clientSecret"]);
    expect([...secretPropertiesOf("UiPathRobotAccount")]).toEqual([]);
  });
  it("names as write-only only secrets a user sets (never generated ones)", () => {
    expect(writeOnlyInputsOf("IseApiUser")).toEqual(["password"]);
    expect(writeOnlyInputsOf("ControlRoomUser")).toEqual(["password"]);
    expect(writeOnlyInputsOf("UptrendsApiAccount")).toEqual([]);
    expect(writeOnlyInputsOf("VerifyApiClient")).toEqual([]);
  });
  it("knows nothing of a kind that is not shipped", () => {
    expect(secretPropertiesOf("NoSuchKind").size).toBe(0);
    expect(writeOnlyInputsOf("NoSuchKind")).toEqual([]);
  });
});
