// Tolerant reading of Uptrends answers: letter case of field names varies (PascalCase in the
// documented answers, camelCase seen elsewhere), unknown fields appear, enums grow.
import { describe, expect, it } from "vitest";
import { wireApiUser, wireApiUserList, wireCreatedApiUser, wireMessageList, wireOperatorList } from "./wire.js";

const pascal = {
  ApiUserGuid: "3f0c0000-1111-4222-8333-444455556666",
  OperatorGuid: "2f3c9a1e-6b7d-4e58-9a0c-1d2e3f4a5b6c",
  Description: "robot",
  UserName: "0123456789abcdef",
  ApiAccessType: "Generic",
  CreatedDate: "2025-01-02T03:04:05.678Z",
  LastUsed: null,
  RequestsLast30Days: 0,
};

const camel = {
  apiUserGuid: pascal.ApiUserGuid,
  operatorGuid: pascal.OperatorGuid,
  description: "robot",
  userName: "0123456789abcdef",
  apiAccessType: "Generic",
  createdDate: pascal.CreatedDate,
  lastUsed: null,
  requestsLast30Days: 0,
};

describe("Uptrends wire schemas", () => {
  it("read an ApiUser in camelCase exactly like the PascalCase one", () => {
    expect(wireApiUser.parse(camel)).toEqual(wireApiUser.parse(pascal));
    expect(wireApiUserList.parse([camel, pascal])).toEqual([wireApiUser.parse(pascal), wireApiUser.parse(pascal)]);
  });

  it("read the create answer's password in any letter case", () => {
    expect(wireCreatedApiUser.parse({ ...camel, password: "pw" }).Password).toBe("pw");
  });

  it("ignore fields they do not know", () => {
    const r = wireApiUser.parse({ ...pascal, Hash: "abc", Nested: { A: 1 }, IsLocked: false });
    expect(r).toEqual(wireApiUser.parse(pascal));
    expect(Object.keys(r)).not.toContain("Hash");
  });

  it("keep an access type or operator role they have never seen", () => {
    expect(wireApiUser.parse({ ...pascal, ApiAccessType: "SomethingNew" }).ApiAccessType).toBe("SomethingNew");
    expect(wireOperatorList.parse([{ operatorGuid: pascal.OperatorGuid, fullName: "A", operatorRole: "NewRole", extra: 1 }])).toEqual([
      { OperatorGuid: pascal.OperatorGuid, FullName: "A", OperatorRole: "NewRole" },
    ]);
  });

  it("name the field a renamed answer lacks", () => {
    const { UserName: _gone, ...rest } = pascal;
    const r = wireApiUser.safeParse({ ...rest, Login: "u" });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path.join("."))).toEqual(["UserName"]);
  });

  it("read an error MessageList in camelCase", () => {
    expect(wireMessageList.parse({ messages: [{ message: "nope" }] })).toEqual({ Messages: [{ Message: "nope" }] });
  });
});
