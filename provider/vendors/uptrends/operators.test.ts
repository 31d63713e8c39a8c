import { describe, expect, it } from "vitest";
import { matchOperator } from "./operators.js";
import type { WireOperator } from "./wire.js";

const ops: WireOperator[] = [
  { OperatorGuid: "2F3C9A1E-6B7D-4E58-9A0C-1D2E3F4A5B6C", FullName: "Sandbox Administrator", Email: "admin@sandbox.uptrends.test", IsAccountAdministrator: true, OperatorRole: "Unspecified" },
  { OperatorGuid: "aaaaaaaa-0000-4000-8000-000000000001", FullName: "Robot Owner", Email: "robots@example.com", IsAccountAdministrator: false },
  { OperatorGuid: "aaaaaaaa-0000-4000-8000-000000000002", FullName: "Robot Owner", Email: "robots2@example.com" },
];

describe("matchOperator", () => {
  it("finds by e-mail, case-insensitively, and returns a typed operator", () => {
    expect(matchOperator(ops, { email: "ADMIN@sandbox.uptrends.test" })).toEqual({
      operatorGuid: "2f3c9a1e-6b7d-4e58-9a0c-1d2e3f4a5b6c",
      fullName: "Sandbox Administrator",
      email: "admin@sandbox.uptrends.test",
      isAccountAdministrator: true,
      operatorRole: "Unspecified",
    });
  });

  it("finds by name, case-insensitively", () => {
    expect(matchOperator(ops, { name: "sandbox administrator" }).operatorGuid).toBe("2f3c9a1e-6b7d-4e58-9a0c-1d2e3f4a5b6c");
  });

  it("requires both to match when both are given", () => {
    expect(matchOperator(ops, { name: "Robot Owner", email: "robots2@example.com" }).operatorGuid).toBe("aaaaaaaa-0000-4000-8000-000000000002");
    expect(() => matchOperator(ops, { name: "Sandbox Administrator", email: "robots@example.com" })).toThrow(/no Uptrends operator has name/);
  });

  it("an ambiguous name fails listing the matches", () => {
    expect(() => matchOperator(ops, { name: "Robot Owner" })).toThrow(
      "getUptrendsOperator: 2 Uptrends operators have name 'Robot Owner': Robot Owner <robots@example.com>, Robot Owner <robots2@example.com>. Look it up by e-mail, which is unique.",
    );
  });

  it("no match fails listing what exists", () => {
    expect(() => matchOperator(ops, { email: "nobody@example.com" })).toThrow(
      /no Uptrends operator has e-mail 'nobody@example.com'\. The account's operators: Sandbox Administrator <admin@sandbox.uptrends.test>, Robot Owner <robots@example.com>, Robot Owner <robots2@example.com>\./,
    );
  });

  it("needs a name or an e-mail", () => {
    expect(() => matchOperator(ops, {})).toThrow(/give the operator's name or email/);
    expect(() => matchOperator(ops, { name: " " })).toThrow(/give the operator's name or email/);
  });
});
