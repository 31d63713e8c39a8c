// IseApiUser diff: update in place vs replace, normalisation, importId, delete-before-replace.
import { describe, expect, it } from "vitest";
import { noSettings } from "../../../test/settings.js";
import { iseApiUser } from "./handler.js";
import type { IseApiUserInputs, IseApiUserOutputs } from "./inputs.js";

const olds: IseApiUserOutputs = {
  emailAddress: "ISE@example.com",
  username: "ISE@example.com",
  firstName: "Ise",
  lastName: "Robot",
  displayName: "Ise Robot",
  password: "Str0ng-Passw0rd",
  roles: ["Cisco ISE Operations", "Device Read Only"],
  enabled: true,
  accountId: "10001",
  uid: "ISE@example.com",
  inviteState: "None",
  createdAt: "2025-01-01T00:00:00.000Z",
};
const news: IseApiUserInputs = {
  emailAddress: "ISE@example.com",
  username: "ISE@example.com",
  firstName: "Ise",
  lastName: "Robot",
  displayName: "Ise Robot",
  password: "Str0ng-Passw0rd",
  roles: ["Cisco ISE Operations", "Device Read Only"],
  enabled: true,
};

const diff = (n: Partial<IseApiUserInputs>, o: Partial<IseApiUserOutputs> = {}) => iseApiUser.with(noSettings()).diff("10001", { ...olds, ...o }, { ...news, ...n });

describe("IseApiUser diff", () => {
  it("no change for identical inputs", async () => {
    expect(await diff({})).toMatchObject({ changes: false, replaces: [], changed: [] });
  });

  it("no change for differences only in normalisation", async () => {
    const r = await diff({ emailAddress: "ise@EXAMPLE.com", username: "Ise@Example.Com", roles: ["device read only", "Cisco ISE Operations", "CISCO ISE OPERATIONS"] });
    expect(r.changes).toBe(false);
  });

  it("no change when defaulted inputs are omitted", async () => {
    const o = { roles: ["Cisco ISE Operations"], enabled: true };
    const n: Partial<IseApiUserInputs> = { roles: undefined as unknown as string[], enabled: undefined as unknown as boolean, username: undefined };
    expect((await diff(n, o)).changes).toBe(false);
  });

  it("importId never causes a diff", async () => {
    expect((await diff({ importId: "10001" })).changes).toBe(false);
    expect((await diff({}, { importId: "10001" })).changes).toBe(false);
  });

  it("an adopted API user without a declared password: no diff; declaring one later is a password update", async () => {
    const adopted = { password: undefined as unknown as string, importId: "10001" };
    expect(await diff({ password: undefined, importId: "10001" }, adopted)).toMatchObject({ changes: false, changed: [] });
    expect(await diff({ importId: "10001" }, adopted)).toMatchObject({ changes: true, replaces: [], changed: ["password"] });
  });

  it.each([
    ["firstName", { firstName: "Cisco" }],
    ["lastName", { lastName: undefined }],
    ["displayName", { displayName: "ISE" }],
    ["password", { password: "An0ther-Passw0rd" }],
    ["roles", { roles: ["Cisco ISE Operations"] }],
    ["enabled", { enabled: false }],
  ] as const)("%s updates in place", async (prop, n) => {
    const r = await diff(n as Partial<IseApiUserInputs>);
    expect(r).toMatchObject({ changes: true, replaces: [], changed: [prop] });
  });

  it("emailAddress replaces, creating the new account first", async () => {
    const r = await diff({ emailAddress: "ise2@example.com", username: "ise2@example.com" });
    expect(r.replaces).toEqual(["emailAddress", "username"]);
    expect(r.deleteBeforeReplace).toBeUndefined();
  });

  it("username replaces, deleting first because the uid stays taken", async () => {
    const r = await diff({ username: "svc-ise" });
    expect(r.replaces).toEqual(["username"]);
    expect(r.deleteBeforeReplace).toBe(true);
  });

  it("a new email that keeps an old login name deletes first", async () => {
    const r = await diff({ emailAddress: "new@example.com", username: "svc-ise" }, { username: "svc-ise" });
    expect(r.replaces).toEqual(["emailAddress"]);
    expect(r.deleteBeforeReplace).toBe(true);
  });
});
