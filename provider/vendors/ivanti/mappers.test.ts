// Wire <-> inputs/outputs of IseApiUser, and the vendor's error envelope as one line.
import { describe, expect, it } from "vitest";
import { describeIvantiError } from "./client.js";
import type { IseApiUserInputs } from "./inputs.js";
import { createForm, inputsOf, liveOutputs, outputsFrom, roleNames, sameRoles, updateForm } from "./mappers.js";
import type { WireAccount, WireHeldRole } from "./wire.js";

const desired: IseApiUserInputs = {
  emailAddress: "Ise@Example.com",
  username: "Ise@Example.com",
  firstName: "Ise",
  lastName: "Robot",
  displayName: "Ise Robot",
  password: "Str0ng-Passw0rd",
  roles: ["Cisco ISE Operations"],
  enabled: true,
};

const account: WireAccount = {
  id: 10001,
  createdAt: Date.UTC(2025, 0, 2, 3, 4, 5),
  createdBy: 10000,
  displayName: "Ise Robot",
  firstName: "Ise",
  lastName: "Robot",
  uid: "ise@example.com",
  emailAddress: "ise@example.com",
  username: "ise@example.com",
  inviteState: "None",
  enabled: true,
  superUser: false,
  accountType: "API",
};
const held: WireHeldRole[] = [{ id: 1006, name: "Cisco ISE Operations", spaceSpecific: false, dmPartitionId: null }];

describe("createForm", () => {
  it("is the documented indexed form plus the INFERRED fields", () => {
    expect(createForm(desired, [1006, 2002])).toEqual({
      "accounts[0].emailAddress": "Ise@Example.com",
      "accounts[0].uid": "Ise@Example.com",
      "accounts[0].accountSource": "LOCAL",
      "accounts[0].username": "Ise@Example.com",
      "accounts[0].firstName": "Ise",
      "accounts[0].lastName": "Robot",
      "accounts[0].displayName": "Ise Robot",
      "accounts[0].password": "Str0ng-Passw0rd",
      "accounts[0].enabled": "true",
      "accounts[0].accountType": "API",
      "accounts[0].roles[0]": "1006",
      "accounts[0].roles[1]": "2002",
    });
  });

  it("leaves out names that are not set", () => {
    const f = createForm({ ...desired, firstName: undefined, lastName: undefined, displayName: undefined }, [1006]);
    expect(Object.keys(f).filter((k) => /name/i.test(k))).toEqual(["accounts[0].username"]);
  });
});

describe("outputs and inputs", () => {
  it("outputsFrom keeps the desired spelling and adds the vendor's values", () => {
    expect(outputsFrom(desired, account)).toEqual({ ...desired, accountId: "10001", uid: "ise@example.com", inviteState: "None", createdAt: "2025-01-02T03:04:05.000Z" });
  });

  it("liveOutputs keeps previous spelling when equal under normalisation; carries password and importId", () => {
    const prev = { ...outputsFrom(desired, account), roles: ["cisco ise operations"], importId: "10001" };
    const o = liveOutputs(account, held, prev);
    expect(o.emailAddress).toBe("Ise@Example.com");
    expect(o.username).toBe("Ise@Example.com");
    expect(o.roles).toEqual(["cisco ise operations"]);
    expect(o.password).toBe("Str0ng-Passw0rd");
    expect(o.importId).toBe("10001");
    expect(inputsOf(o)).toEqual({ ...desired, roles: ["cisco ise operations"], importId: "10001" });
  });

  it("liveOutputs shows real changes", () => {
    const prev = outputsFrom(desired, account);
    const changed = { ...account, displayName: "Changed", enabled: false, firstName: null, username: "svc-ise" };
    const roles = [...held, { id: 2002, name: "Device Read Only", spaceSpecific: true, dmPartitionId: 100001 }];
    const o = liveOutputs(changed, roles, prev);
    expect(o).toMatchObject({ displayName: "Changed", enabled: false, username: "svc-ise", roles: ["Cisco ISE Operations", "Device Read Only"] });
    expect(o).not.toHaveProperty("firstName");
  });

  it("an unchanged account reads back exactly the stored inputs", () => {
    const prev = outputsFrom(desired, account);
    expect(liveOutputs(account, held, prev)).toEqual(prev);
  });

  it("roleNames dedupes roles held in several spaces", () => {
    const r = [held[0]!, { id: 2002, name: "Device Read Only", dmPartitionId: 1 }, { id: 2002, name: "Device Read Only", dmPartitionId: 2 }];
    expect(roleNames(r)).toEqual(["Cisco ISE Operations", "Device Read Only"]);
    expect(sameRoles(["a", "B"], ["b", "A", "a"])).toBe(true);
  });
});

describe("updateForm", () => {
  const current = outputsFrom(desired, account);

  it("sends nothing when nothing changed", () => {
    expect(updateForm(current, desired)).toEqual({ form: {}, changed: [] });
  });

  it("sends only what changed; a cleared name as empty", () => {
    expect(updateForm(current, { ...desired, firstName: undefined, enabled: false })).toEqual({ form: { firstName: "", enabled: "false" }, changed: ["firstName", "enabled"] });
  });

  it("sends the password only when it changed or is unknown", () => {
    expect(updateForm(current, { ...desired, password: "An0ther-Passw0rd" }).form).toEqual({ password: "An0ther-Passw0rd" });
    const { password: _, ...withoutPassword } = current;
    expect(updateForm(withoutPassword, desired).changed).toEqual(["password"]);
  });

  it("never sends a password the inputs do not declare (an adopted API user keeps its own)", () => {
    const { password: _, ...withoutPassword } = current;
    const { password: _p, ...undeclared } = desired;
    expect(updateForm(withoutPassword, undeclared)).toEqual({ form: {}, changed: [] });
    expect(updateForm(current, undeclared)).toEqual({ form: {}, changed: [] });
  });
});

describe("describeIvantiError", () => {
  it("joins global and field errors with the field's short name and code", () => {
    const body = {
      errors: {
        globalErrors: [{ code: "Forbidden", message: "Nope" }],
        fieldErrors: [{ code: "PasswordComplexity", message: "Password must mix", field: "accounts[0].password" }],
      },
      result: null,
    };
    expect(describeIvantiError(body)).toEqual({ message: "Nope; Password must mix (PasswordComplexity on password)" });
  });

  it("falls back to text, or nothing", () => {
    expect(describeIvantiError("Bad Gateway")).toEqual({ message: "Bad Gateway" });
    expect(describeIvantiError({ errors: null, result: 1 })).toEqual({});
  });
});
