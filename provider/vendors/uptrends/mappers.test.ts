import { describe, expect, it } from "vitest";
import { canonicalInputs, effectiveDescription, toInputs, toOutputs, toWireBody } from "./mappers.js";
import type { WireApiUser } from "./wire.js";

const wire: WireApiUser = {
  ApiUserGuid: "3F0C0000-1111-4222-8333-444455556666",
  OperatorGuid: "2F3C9A1E-6B7D-4E58-9A0C-1D2E3F4A5B6C",
  Description: "robot",
  UserName: "0123456789abcdef0123456789abcdef",
  ApiAccessType: "Generic",
  CreatedDate: "2025-01-02T03:04:05.678Z",
  LastUsed: null,
  RequestsLast30Days: 0,
};

describe("Uptrends mappers", () => {
  it("wire -> outputs: GUIDs lower case, never-used as empty, password and importId carried", () => {
    expect(toOutputs(wire, { password: "pw", importId: "x" })).toEqual({
      apiUserGuid: "3f0c0000-1111-4222-8333-444455556666",
      username: "0123456789abcdef0123456789abcdef",
      password: "pw",
      operatorGuid: "2f3c9a1e-6b7d-4e58-9a0c-1d2e3f4a5b6c",
      description: "robot",
      accessType: "Generic",
      createdDate: "2025-01-02T03:04:05.678Z",
      lastUsed: "",
      importId: "x",
    });
  });

  it("wire -> outputs: a used account shows its last use; missing INFERRED fields read as empty", () => {
    const o = toOutputs({ ApiUserGuid: "a", OperatorGuid: "b", UserName: "u", LastUsed: "2025-02-01T00:00:00Z" }, { password: "" });
    expect(o).toMatchObject({ lastUsed: "2025-02-01T00:00:00Z", description: "API", accessType: "", createdDate: "" });
    expect("importId" in o).toBe(false);
  });

  it("outputs -> inputs: exactly what a program declaring this account checks to", () => {
    const o = toOutputs(wire, { password: "pw" });
    expect(toInputs(o)).toEqual({ operatorGuid: "2f3c9a1e-6b7d-4e58-9a0c-1d2e3f4a5b6c", description: "robot" });
    expect(toInputs({ ...o, importId: "3f0c0000-1111-4222-8333-444455556666" }).importId).toBe("3f0c0000-1111-4222-8333-444455556666");
    expect(toInputs(o)).toEqual(canonicalInputs({ operatorGuid: "2F3C9A1E-6B7D-4E58-9A0C-1D2E3F4A5B6C", description: "robot" }));
  });

  it("inputs -> wire body: only the two writable fields, blank description as the vendor default", () => {
    expect(toWireBody("g", undefined)).toEqual({ OperatorGuid: "g", Description: "API" });
    expect(toWireBody("g", "d")).toEqual({ OperatorGuid: "g", Description: "d" });
    expect(effectiveDescription(" ")).toBe("API");
    expect(effectiveDescription(null)).toBe("API");
    expect(effectiveDescription(" x ")).toBe(" x ");
  });
});
