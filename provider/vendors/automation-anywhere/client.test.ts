// Offline parts of the Control Room client: error text, token lifetime, role matching.
import { describe, expect, it } from "vitest";
import { describeControlRoomError, heldPermissions, tokenClaims, tokenLifetimeSeconds } from "./client.js";
import { wireLogin } from "./wire.js";
import { knownRoleNames, matchRole } from "./roles.js";

const jwt = (payload: object) => `${Buffer.from('{"alg":"RS512"}').toString("base64url")}.${Buffer.from(JSON.stringify(payload)).toString("base64url")}.sig`;

describe("describeControlRoomError", () => {
  it("takes the vendor's message, details and code", () => {
    expect(describeControlRoomError({ code: "usermanagement.user.duplicate", details: "", message: "User with username x already exists" })).toEqual({ message: "User with username x already exists [usermanagement.user.duplicate]" });
    expect(describeControlRoomError({ code: "request.validation.failed", details: "email: bad; roles: empty", message: "email: bad" })).toEqual({ message: "email: bad (email: bad; roles: empty) [request.validation.failed]" });
  });
  it("gives nothing for bodies it does not know (the transport falls back to raw text)", () => {
    expect(describeControlRoomError("<html>")).toEqual({});
    expect(describeControlRoomError({})).toEqual({});
  });
});

describe("token lifetime", () => {
  it("reads iat/exp from the JWT", () => {
    expect(tokenClaims(jwt({ iat: 1573108061, exp: 1573109261 }))).toEqual({ iat: 1573108061, exp: 1573109261 });
    expect(tokenLifetimeSeconds(jwt({ iat: 1573108061, exp: 1573109261 }))).toBe(1200);
  });
  it("falls back to the documented 20 minutes", () => {
    expect(tokenLifetimeSeconds("opaque-token")).toBe(1200);
    expect(tokenLifetimeSeconds(jwt({ sub: "1" }))).toBe(1200);
  });
});

describe("role matching", () => {
  const roles = [{ id: 1, name: "AAE_Admin" }, { id: 2, name: "AAE_Basic" }, { id: 3, name: "Team" }, { id: 4, name: "TEAM" }];
  it("exact name first, then a single case-insensitive match", () => {
    expect(matchRole(roles, "AAE_Basic")?.id).toBe(2);
    expect(matchRole(roles, "aae_basic")?.id).toBe(2);
    expect(matchRole(roles, "TEAM")?.id).toBe(4);
    expect(matchRole(roles, "team")).toBeUndefined();
    expect(matchRole(roles, "nope")).toBeUndefined();
  });
  it("lists known names sorted", () => {
    expect(knownRoleNames(roles)).toBe("AAE_Admin, AAE_Basic, Team, TEAM");
  });
});

describe("describeControlRoomError with other shapes of `details`", () => {
  it("reads details given as a list of strings", () => {
    expect(describeControlRoomError({ code: "request.validation.failed", details: ["email: bad", "roles: empty"], message: "Validation failed" })).toEqual({
      message: "Validation failed (email: bad; roles: empty) [request.validation.failed]",
    });
  });
  it("keeps the message when details has a shape nobody documented", () => {
    expect(describeControlRoomError({ code: "x.y", details: { field: "email" }, message: "Bad request" })).toEqual({ message: 'Bad request ({"field":"email"}) [x.y]' });
    expect(describeControlRoomError({ details: ["only the details"] })).toEqual({ message: "only the details" });
    expect(describeControlRoomError({ message: "Plain", details: null, code: 42 })).toEqual({ message: "Plain [42]" });
  });
});

describe("the login answer's permissions", () => {
  // The shape of a real Community Edition login answer: ids tenant-specific, resourceId null or a string id.
  const answer = {
    token: "t",
    user: {
      id: 331707,
      username: "someone@example.com",
      roles: [{ name: "CE_user", id: 1905174, version: 0 }],
      permissions: [
        { id: 13044624, action: "usermanagement", resourceId: null, resourceType: "usermanagement" },
        { id: 13044625, action: "viewuserrolebasicinfo", resourceId: null, resourceType: "usermanagement" },
        { id: 13046289, action: "runtimeclientsmanagement", resourceId: "155938", resourceType: "runtimeclientsmanagement" },
        { id: 1, action: 42, resourceType: "usermanagement" },
        "not an object",
        { id: 2, action: "createuser" },
      ],
    },
  };
  it("reads the Action | Resource type pairs and skips entries of another shape, without failing the login", () => {
    const login = wireLogin.parse(answer);
    expect(heldPermissions(login.user!.permissions!)).toEqual([
      { action: "usermanagement", resourceType: "usermanagement" },
      { action: "viewuserrolebasicinfo", resourceType: "usermanagement" },
      { action: "runtimeclientsmanagement", resourceType: "runtimeclientsmanagement" },
    ]);
  });
});
