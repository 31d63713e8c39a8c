import { describe, expect, it } from "vitest";
import { describeVerifyError, idFromCreateAnswer, normaliseTenantUrl } from "./client.js";

describe("IBM Verify client helpers", () => {
  it("takes the new id from an absolute or relative Location", () => {
    expect(idFromCreateAnswer({ location: "https://t.verify.ibm.com/v1.0/apiclients/abc-123" }, undefined)).toBe("abc-123");
    expect(idFromCreateAnswer({ location: "/v1.0/apiclients/abc-123/" }, undefined)).toBe("abc-123");
    expect(idFromCreateAnswer({ location: "https://t.verify.ibm.com/v1.0/apiclients/a%20b" }, "")).toBe("a b");
  });

  it("falls back to an id in the body, else nothing", () => {
    expect(idFromCreateAnswer({}, { id: "from-body" })).toBe("from-body");
    expect(idFromCreateAnswer({ location: "https://t/v1.0/apiclients/loc" }, { id: "from-body" })).toBe("loc");
    expect(idFromCreateAnswer({}, undefined)).toBeUndefined();
    expect(idFromCreateAnswer({}, { id: "" })).toBeUndefined();
  });

  it("reads both error shapes", () => {
    expect(describeVerifyError({ messageId: "CSIAB3703E", messageDescription: "The requested API client does not exist." })).toEqual({
      message: "CSIAB3703E The requested API client does not exist.",
    });
    expect(describeVerifyError({ error: "invalid_client", error_description: "bad secret" })).toEqual({ message: "invalid_client: bad secret" });
    expect(describeVerifyError(undefined)).toEqual({});
    expect(describeVerifyError("text")).toEqual({});
  });

  it("normalises the tenant URL", () => {
    expect(normaliseTenantUrl("https://t.verify.ibm.com/")).toBe("https://t.verify.ibm.com");
    expect(normaliseTenantUrl("t.verify.ibm.com")).toBe("https://t.verify.ibm.com");
    expect(normaliseTenantUrl(" http://127.0.0.1:9/ibm-verify ")).toBe("http://127.0.0.1:9/ibm-verify");
  });
});
