// UiPath client pieces without a server: scope selection, error descriptions, contract helpers.
import { describe, expect, it } from "vitest";
import { describeUiPathError, scopesFor } from "./client.js";
import { apiRoot, isDuplicateName } from "./contract.js";
import { isOurs } from "./handler.js";

describe("scopesFor", () => {
  it("requests the umbrella robot-account scope when granted, else the halves", () => {
    expect(scopesFor("robotAccounts", ["PM.RobotAccount", "PM.RobotAccount.Read", "PM.Group"])).toEqual(["PM.RobotAccount"]);
    expect(scopesFor("robotAccounts", ["PM.RobotAccount.Read", "PM.RobotAccount.Write"])).toEqual(["PM.RobotAccount.Read", "PM.RobotAccount.Write"]);
  });
  it("prefers PM.Group.Read for group lookups", () => {
    expect(scopesFor("groups", ["PM.Group", "PM.Group.Read"])).toEqual(["PM.Group.Read"]);
    expect(scopesFor("groups", ["PM.Group"])).toEqual(["PM.Group"]);
  });
  it("asks for the read scopes only, in one token, for the audit; groups only when a group scope is held", () => {
    expect(scopesFor("audit", ["PM.RobotAccount", "PM.RobotAccount.Read", "PM.Group", "PM.Group.Read"])).toEqual(["PM.RobotAccount.Read", "PM.Group.Read"]);
    expect(scopesFor("audit", ["PM.RobotAccount", "PM.Group"])).toEqual(["PM.RobotAccount", "PM.Group"]);
    expect(scopesFor("audit", ["PM.RobotAccount.Read", "PM.RobotAccount.Write"])).toEqual(["PM.RobotAccount.Read"]);
    expect(() => scopesFor("audit", ["PM.RobotAccount.Write", "PM.Group"])).toThrow(/audit needs 'PM\.RobotAccount\.Read'/);
  });
  it("fails clearly when the needed scope is not in uipathScopes", () => {
    expect(() => scopesFor("robotAccounts", ["PM.Group"])).toThrow(/uipathScopes.*PM\.RobotAccount/);
    expect(() => scopesFor("groups", ["PM.RobotAccount"])).toThrow(/PM\.Group\.Read/);
  });
});

describe("describeUiPathError", () => {
  it("flattens ValidationProblemDetails and uses traceId as request id", () => {
    const body = { title: "One or more validation errors occurred.", status: 400, traceId: "00-abc-def-00", errors: { name: ["The name field is required."] } };
    expect(describeUiPathError(body, {})).toEqual({ message: "One or more validation errors occurred. name: The name field is required.", requestId: "00-abc-def-00" });
  });
  it("reads ProblemDetails detail and OAuth2 errors", () => {
    expect(describeUiPathError({ title: "Not Found", detail: "Robot account 'x' does not exist.", status: 404 }, {}).message).toBe("Not Found Robot account 'x' does not exist.");
    expect(describeUiPathError({ error: "invalid_scope" }, {}).message).toBe("invalid_scope");
  });
  it("explains an empty 401 from WWW-Authenticate and an empty 403 with the token's scopes", () => {
    expect(describeUiPathError(undefined, { "www-authenticate": 'Bearer error="invalid_token", error_description="The token expired"' }).message).toBe(
      "bearer token rejected (The token expired)",
    );
    expect(describeUiPathError(undefined, {}, ["PM.RobotAccount"]).message).toContain("'PM.RobotAccount'");
  });
});

describe("contract helpers", () => {
  it("builds the API root with and without the organization", () => {
    expect(apiRoot("my org")).toBe("/my%20org/identity_/api");
    expect(apiRoot(undefined)).toBe("/identity_/api");
  });
  it("treats 409, and a 400 about the name existing, as a duplicate name", () => {
    expect(isDuplicateName(409, undefined)).toBe(true);
    expect(isDuplicateName(400, { name: ["A robot account with the name 'x' already exists."] })).toBe(true);
    expect(isDuplicateName(400, { name: ["The name field is required."] })).toBe(false);
    expect(isDuplicateName(400, undefined)).toBe(false);
  });
});

describe("isOurs (lost create)", () => {
  const G1 = "5a6b1e7c-4f8b-4c2e-9a05-7d9e6b1f2c05";
  const i = { name: "bot", displayName: "Bot", groupIds: [G1], partitionGlobalId: "p" };
  const sent = Date.parse("2025-01-01T10:00:00Z");
  const r = { id: "x", name: "bot", displayName: "Bot", creationTime: "2025-01-01T10:00:00.5000000", groupIds: [G1.toUpperCase()] };
  it("takes a robot with the same name and content created after the request", () => {
    expect(isOurs(r, i, sent, 2000)).toBe(true);
  });
  it("refuses one created before the request, or with other content", () => {
    expect(isOurs({ ...r, creationTime: "2025-01-01T09:59:00.0000000" }, i, sent, 2000)).toBe(false);
    expect(isOurs({ ...r, displayName: "Other" }, i, sent, 2000)).toBe(false);
    expect(isOurs({ ...r, groupIds: [] }, i, sent, 2000)).toBe(false);
    expect(isOurs({ ...r, creationTime: null }, i, sent, 2000)).toBe(false);
  });
});
