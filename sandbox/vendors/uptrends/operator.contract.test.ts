// Contract tests of the Operator endpoints over real HTTP.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Sandbox } from "../../server.js";
import { SEED } from "./state.js";
import { GUID_RE, client, createApiUser, createOperator, list, messages, obj, reset, startHarness } from "./test-helpers.js";

const OPERATOR_KEYS = [
  "OperatorGuid", "Hash", "FullName", "Email", "MobilePhone", "OutgoingPhoneNumberId", "OutgoingPhoneNumberIdSpecified",
  "IsAccountAdministrator", "BackupEmail", "IsOnDuty", "CultureName", "CultureNameSpecified", "TimeZoneId", "TimeZoneIdSpecified",
  "SmsProvider", "UseNumericSender", "UseNumericSenderSpecified", "AllowNativeLogin", "AllowNativeLoginSpecified",
  "AllowSingleSignon", "AllowSingleSignonSpecified", "DefaultDashboard", "SetupMode", "OperatorRole",
].sort();

let sb: Sandbox;
let call: ReturnType<typeof client>;

beforeAll(async () => {
  sb = await startHarness();
  call = client(sb);
});
afterAll(() => sb.close());
beforeEach(() => reset(sb));

describe("GET /Operator", () => {
  it("lists operators with the Swagger's fields and never a Password", async () => {
    const r = await call("GET", "/Operator");
    expect(r.status).toBe(200);
    const ops = list(r);
    expect(ops).toHaveLength(1);
    expect(Object.keys(ops[0]!).sort()).toEqual(OPERATOR_KEYS);
    expect(ops[0]).toMatchObject({
      OperatorGuid: SEED.operatorGuid,
      FullName: SEED.operatorFullName,
      Email: SEED.operatorEmail,
      IsAccountAdministrator: true,
      AllowNativeLogin: true,
    });
    expect(r.text).not.toContain("Password");
  });

  it("lets a client find an operator by e-mail or name", async () => {
    const guid = await createOperator(call, "Finder@Example.com", { FullName: "Fiona Finder" });
    const ops = list(await call("GET", "/Operator"));
    expect(ops.find((o) => (o.Email as string).toLowerCase() === "finder@example.com")?.OperatorGuid).toBe(guid);
    expect(ops.find((o) => o.FullName === "Fiona Finder")?.OperatorGuid).toBe(guid);
  });
});

describe("GET /Operator/{operatorGuid}", () => {
  it("returns the operator, matching the guid case-insensitively", async () => {
    const r = await call("GET", `/Operator/${SEED.operatorGuid.toUpperCase()}`);
    expect(r.status).toBe(200);
    expect(obj(r).OperatorGuid).toBe(SEED.operatorGuid);
  });

  it("answers the documented 404 and a 400 for a malformed guid", async () => {
    const r = await call("GET", "/Operator/11111111-2222-4333-8444-555555555555");
    expect(r.status).toBe(404);
    expect(r.body).toEqual({ Messages: [{ Message: "The specified operator was not found." }] });
    const bad = await call("GET", "/Operator/12");
    expect(bad.status).toBe(400);
    expect(messages(bad)).toEqual(["The value '12' is not valid for operatorGuid."]);
  });
});

describe("POST /Operator", () => {
  it("creates an operator (201) with AccountAccess and no Password in the response", async () => {
    const r = await call("POST", "/Operator", {
      body: { FullName: "New Person", Email: "new@example.com", Password: "Secret-123", CultureName: "nl-NL", CultureNameSpecified: true, IsAccountAdministrator: true },
    });
    expect(r.status).toBe(201);
    const b = obj(r);
    expect(Object.keys(b).sort()).toEqual(OPERATOR_KEYS);
    expect(b.OperatorGuid).toMatch(GUID_RE);
    expect(b).toMatchObject({ FullName: "New Person", Email: "new@example.com", CultureName: "nl-NL", IsAccountAdministrator: false, SetupMode: "Manual", OperatorRole: "Unspecified" });
    expect(r.text).not.toContain("Secret-123");
    const auths = await call("GET", `/Operator/${b.OperatorGuid as string}/Authorization`);
    expect(auths.body).toEqual(["AccountAccess"]);
  });

  it("ignores a value whose …Specified companion is false", async () => {
    const r = await call("POST", "/Operator", {
      body: { FullName: "Spec", Email: "spec@example.com", Password: "p", TimeZoneId: 7, TimeZoneIdSpecified: false, CultureName: "de-DE" },
    });
    expect(r.status).toBe(201);
    expect(obj(r)).toMatchObject({ TimeZoneId: null, TimeZoneIdSpecified: false, CultureName: "de-DE", CultureNameSpecified: true });
  });

  it("answers 403 with the validation messages", async () => {
    const r = await call("POST", "/Operator", { body: { Password: "p" } });
    expect(r.status).toBe(403);
    expect(messages(r)).toEqual(["FullName is required.", "Email is required."]);
    const email = await call("POST", "/Operator", { body: { FullName: "x", Email: "not-an-email", Password: "p" } });
    expect(email.status).toBe(403);
    const culture = await call("POST", "/Operator", { body: { FullName: "x", Email: "c@example.com", Password: "p", CultureName: "xx-XX" } });
    expect(culture.status).toBe(403);
    expect(messages(culture)[0]).toContain("CultureName");
  });

  it("requires a Password for a native-login operator unless it is invited", async () => {
    const r = await call("POST", "/Operator", { body: { FullName: "No Pass", Email: "nopass@example.com" } });
    expect(r.status).toBe(403);
    expect(messages(r)).toEqual(["The password is a required field if AllowNativeLogin is set to True."]);
    const invited = await call("POST", "/Operator", { body: { FullName: "Invited", Email: "invited@example.com", SetupMode: "Invitation" } });
    expect(invited.status).toBe(201);
  });

  it("refuses a duplicate e-mail (case-insensitive) with 403", async () => {
    await createOperator(call, "twice@example.com");
    const r = await call("POST", "/Operator", { body: { FullName: "Again", Email: "TWICE@example.com", Password: "p" } });
    expect(r.status).toBe(403);
    expect(messages(r)).toEqual(["An operator with this e-mail address already exists."]);
    expect(list(await call("GET", "/Operator"))).toHaveLength(2);
  });

  it("answers 400 for wrong JSON types or unknown enum values", async () => {
    const r = await call("POST", "/Operator", { body: { FullName: 1, Email: "t@example.com", Password: "p" } });
    expect(r.status).toBe(400);
    const e = await call("POST", "/Operator", { body: { FullName: "x", Email: "t@example.com", Password: "p", SmsProvider: "Pigeon" } });
    expect(e.status).toBe(400);
    expect(messages(e)[0]).toContain("SmsProvider");
  });

  it("is for administrators only (403)", async () => {
    const op = await createOperator(call, "plainop@example.com");
    const { creds } = await createApiUser(call, op);
    const r = await call("POST", "/Operator", { auth: creds, body: { FullName: "x", Email: "y@example.com", Password: "p" } });
    expect(r.status).toBe(403);
    expect(messages(r)).toEqual(["Only account administrators can manage operators."]);
  });
});

describe("PUT and PATCH /Operator/{operatorGuid}", () => {
  it("PATCH changes only the fields sent (204)", async () => {
    const guid = await createOperator(call, "patch@example.com", { MobilePhone: "+31600000000" });
    const r = await call("PATCH", `/Operator/${guid}`, { body: { FullName: "Patched Name" } });
    expect(r.status).toBe(204);
    expect(r.text).toBe("");
    const get = obj(await call("GET", `/Operator/${guid}`));
    expect(get).toMatchObject({ FullName: "Patched Name", Email: "patch@example.com", MobilePhone: "+31600000000" });
  });

  it("PUT requires the full object", async () => {
    const guid = await createOperator(call, "put@example.com");
    const partial = await call("PUT", `/Operator/${guid}`, { body: { Email: "put@example.com" } });
    expect(partial.status).toBe(403);
    expect(messages(partial)).toEqual(["FullName is required."]);
    const full = await call("PUT", `/Operator/${guid}`, { body: { FullName: "Put Person", Email: "put2@example.com" } });
    expect(full.status).toBe(204);
    expect(obj(await call("GET", `/Operator/${guid}`))).toMatchObject({ FullName: "Put Person", Email: "put2@example.com" });
  });

  it("refuses a body OperatorGuid that differs from the URL (400) and unknown operators (404)", async () => {
    const guid = await createOperator(call, "mismatch@example.com");
    const r = await call("PATCH", `/Operator/${guid}`, { body: { OperatorGuid: SEED.operatorGuid, FullName: "x" } });
    expect(r.status).toBe(400);
    const missing = await call("PATCH", "/Operator/11111111-2222-4333-8444-555555555555", { body: { FullName: "x" } });
    expect(missing.status).toBe(404);
    expect(messages(missing)).toEqual(["The specified operator was not found."]);
  });

  it("a new login password set by PATCH works for /Register", async () => {
    const email = "pw@example.com";
    const guid = await createOperator(call, email);
    expect((await call("PATCH", `/Operator/${guid}`, { body: { Password: "Changed-Password-2" } })).status).toBe(204);
    expect((await call("POST", "/Register", { auth: { username: email, password: "Op-Login-Password-1" } })).status).toBe(401);
    expect((await call("POST", "/Register", { auth: { username: email, password: "Changed-Password-2" } })).status).toBe(201);
  });
});

describe("DELETE /Operator/{operatorGuid}", () => {
  it("deletes another operator (204) together with its API users", async () => {
    const guid = await createOperator(call, "gone@example.com");
    const { guid: apiUser, creds } = await createApiUser(call, guid);
    const r = await call("DELETE", `/Operator/${guid}`);
    expect(r.status).toBe(204);
    expect((await call("GET", `/Operator/${guid}`)).status).toBe(404);
    expect((await call("GET", `/ApiUser/${apiUser}`)).status).toBe(404);
    expect((await call("GET", "/Account", { auth: creds })).status).toBe(401);
    const again = await call("DELETE", `/Operator/${guid}`);
    expect(again.status).toBe(404);
    expect(messages(again)).toEqual(["The specified operator was not found."]);
  });

  it("refuses to delete the current operator (403)", async () => {
    const r = await call("DELETE", `/Operator/${SEED.operatorGuid}`);
    expect(r.status).toBe(403);
    expect(r.body).toEqual({ Messages: [{ Message: "Deleting the current operator is not allowed." }] });
  });
});

describe("/Operator/{operatorGuid}/Authorization", () => {
  it("adds (201), lists and removes (204) authorizations", async () => {
    const guid = await createOperator(call, "auth@example.com");
    const add = await call("POST", `/Operator/${guid}/Authorization/TechnicalContact`);
    expect(add.status).toBe(201);
    expect((await call("GET", `/Operator/${guid}/Authorization`)).body).toEqual(["AccountAccess", "TechnicalContact"]);
    const dup = await call("POST", `/Operator/${guid}/Authorization/TechnicalContact`);
    expect(dup.status).toBe(400);
    const del = await call("DELETE", `/Operator/${guid}/Authorization/TechnicalContact`);
    expect(del.status).toBe(204);
    expect((await call("GET", `/Operator/${guid}/Authorization`)).body).toEqual(["AccountAccess"]);
    expect((await call("DELETE", `/Operator/${guid}/Authorization/TechnicalContact`)).status).toBe(404);
  });

  it("makes an operator an administrator through AccountAdministrator", async () => {
    const guid = await createOperator(call, "promote@example.com");
    const { creds } = await createApiUser(call, guid);
    expect((await call("GET", `/ApiUser/${SEED.apiUserGuid}`, { auth: creds })).status).toBe(403);
    expect((await call("POST", `/Operator/${guid}/Authorization/AccountAdministrator`)).status).toBe(201);
    expect((await call("GET", `/ApiUser/${SEED.apiUserGuid}`, { auth: creds })).status).toBe(200);
    expect(obj(await call("GET", `/Operator/${guid}`)).IsAccountAdministrator).toBe(true);
  });

  it("answers 400 for an unknown type and 404 for an unknown operator", async () => {
    const bad = await call("POST", `/Operator/${SEED.operatorGuid}/Authorization/Superuser`);
    expect(bad.status).toBe(400);
    expect(messages(bad)).toEqual(["The value 'Superuser' is not valid for authorizationType."]);
    const missing = await call("GET", "/Operator/11111111-2222-4333-8444-555555555555/Authorization");
    expect(missing.status).toBe(404);
  });
});
