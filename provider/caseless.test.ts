import { describe, expect, it } from "vitest";
import { sameCaseless } from "./caseless.js";

describe("sameCaseless", () => {
  it("matches names that differ only in case", () => {
    expect(sameCaseless("Api.User@Acme.example", "api.user@acme.EXAMPLE")).toBe(true);
    expect(sameCaseless("api-user", "api-users")).toBe(false);
  });
  it("matches nothing with a missing or empty name", () => {
    expect(sameCaseless(undefined, "x")).toBe(false);
    expect(sameCaseless("x", null)).toBe(false);
    expect(sameCaseless("", "")).toBe(false);
  });
});
