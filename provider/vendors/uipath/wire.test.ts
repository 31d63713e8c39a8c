// What a robot-account answer must hold: its id is the resource id, and UiPath's OpenAPI declares it
// a GUID (`format: uuid`), so anything else is a changed answer, never a value for state.
import { describe, expect, it } from "vitest";
import { robotAccountDto } from "./wire.js";

describe("robotAccountDto", () => {
  it("takes a GUID id in any letter case", () => {
    expect(robotAccountDto.parse({ id: "6A0E1C9E-5D2B-4C1F-9F43-2F0B7D3C8A11", name: "bot" }).id).toBe("6A0E1C9E-5D2B-4C1F-9F43-2F0B7D3C8A11");
  });

  it("refuses an id that is not a GUID, so it never becomes a resource id", () => {
    for (const id of ["x", "", "123", "6a0e1c9e-5d2b-4c1f-9f43"]) expect(robotAccountDto.safeParse({ id, name: "bot" }).success, id).toBe(false);
  });
});
