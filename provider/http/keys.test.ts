import { describe, expect, it } from "vitest";
import * as z from "zod";
import { caseInsensitiveObject, respellKeys } from "./keys.js";

describe("respellKeys", () => {
  it("spells keys as wanted whatever their letter case, and keeps the others", () => {
    expect(respellKeys({ operatorguid: "a", DESCRIPTION: "d", Extra: 1 }, ["OperatorGuid", "Description"])).toEqual({
      OperatorGuid: "a",
      Description: "d",
      Extra: 1,
    });
  });

  it("prefers the exact spelling when both are present", () => {
    expect(respellKeys({ operatorGuid: "camel", OperatorGuid: "pascal" }, ["OperatorGuid"])).toEqual({ OperatorGuid: "pascal" });
    expect(respellKeys({ OperatorGuid: "pascal", operatorGuid: "camel" }, ["OperatorGuid"])).toEqual({ OperatorGuid: "pascal" });
  });

  it("leaves non-objects alone", () => {
    expect(respellKeys([1], ["A"])).toEqual([1]);
    expect(respellKeys(null, ["A"])).toBeNull();
    expect(respellKeys("x", ["A"])).toBe("x");
  });
});

describe("caseInsensitiveObject", () => {
  const schema = caseInsensitiveObject({ UserName: z.string(), Count: z.number().optional() });

  it("reads camelCase, PascalCase and lower case alike and drops unknown fields", () => {
    expect(schema.parse({ userName: "u", count: 2, more: true })).toEqual({ UserName: "u", Count: 2 });
    expect(schema.parse({ USERNAME: "u" })).toEqual({ UserName: "u" });
  });

  it("names the missing field in its error", () => {
    const r = schema.safeParse({ Login: "u" });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(["UserName"]);
  });
});
