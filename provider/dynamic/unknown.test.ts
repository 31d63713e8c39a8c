import { unknownValue } from "@pulumi/pulumi/runtime/rpc.js";
import { describe, expect, it } from "vitest";
import { UNKNOWN } from "./unknown.js";

describe("UNKNOWN", () => {
  it("is the value @pulumi/pulumi's runtime uses for a not-yet-known input", () => {
    expect(UNKNOWN).toBe(unknownValue);
  });
});
