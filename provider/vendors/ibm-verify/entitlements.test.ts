import { describe, expect, it } from "vitest";
import { DOCUMENTED_ENTITLEMENTS } from "../../../sandbox/vendors/ibm-verify/entitlements.js";
import { entitlementTable, OpenApi } from "../../../test/fixtures/ibm-verify/openapi.js";
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
    expect(unknownEntitlementReason("qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq")).toContain("not an IBM Verify entitlement this package knows");
  });
});

describe("the two entitlement lists (provider and emulator, each written from IBM's sources)", () => {
  const ibmTable = entitlementTable(new OpenApi());

  it("IBM's OpenAPI table has its 109 names, and both lists hold every one", () => {
    expect(ibmTable).toHaveLength(109);
    expect(ibmTable.filter((n) => !isKnownEntitlement(n))).toEqual([]);
    expect(ibmTable.filter((n) => !DOCUMENTED_ENTITLEMENTS.has(n))).toEqual([]);
  });

  it("the provider and the emulator know the same names", () => {
    const provider = new Set(ENTITLEMENTS);
    expect([...DOCUMENTED_ENTITLEMENTS].filter((n) => !provider.has(n))).toEqual([]);
    expect(ENTITLEMENTS.filter((n) => !DOCUMENTED_ENTITLEMENTS.has(n))).toEqual([]);
  });
});
