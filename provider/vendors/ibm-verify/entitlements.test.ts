import { describe, expect, it } from "vitest";
import { ENTITLEMENTS, closestEntitlements, editDistance, isKnownEntitlement, unknownEntitlementReason } from "./entitlements.js";

describe("entitlements", () => {
  it("knows the 109 documented names and the 16 newer ones, without duplicates", () => {
    expect(ENTITLEMENTS).toHaveLength(125);
    expect(new Set(ENTITLEMENTS).size).toBe(125);
    for (const n of ["manageAPIClients", "readAPIClients", "readAPIClientsAndClientSecret", "diVerifyCredentials", "AnalyticsDataSyncToCloud", "readUsers"]) {
      expect(isKnownEntitlement(n)).toBe(true);
    }
  });

  it("is case-sensitive", () => {
    expect(isKnownEntitlement("manageapiclients")).toBe(false);
  });

  it("measures edit distance ignoring case", () => {
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("manageApiClients", "manageAPIClients")).toBe(0);
    expect(editDistance("", "abc")).toBe(3);
  });

  it("suggests the nearest names first", () => {
    expect(closestEntitlements("manageApiClients")[0]).toBe("manageAPIClients");
    expect(closestEntitlements("readUser")[0]).toBe("readUsers");
    expect(closestEntitlements("mangeUserGroups")).toContain("manageUserGroups");
  });

  it("suggests nothing for a name far from every entitlement", () => {
    expect(closestEntitlements("qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq")).toEqual([]);
    expect(unknownEntitlementReason("qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq")).not.toContain("Did you mean");
  });
});
