// Contract: the user (account) calls — create with and without password, list/search, get, update, delete.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ADMIN, STRONG_PASSWORD, startHarness, type AccountWire, type Harness, type ListWire } from "./test-helpers.js";

let c: Harness;
beforeAll(async () => {
  c = await startHarness();
});
afterAll(() => c.sandbox.close());
beforeEach(async () => {
  await c.reset();
});

const DOCUMENTED_FIELDS = [
  "id", "createdAt", "createdBy", "modifiedAt", "modifiedBy", "displayName", "firstName", "lastName", "ldapServerId",
  "uid", "emailAddress", "username", "accountSource", "inviteState", "inviteResendCount", "inviteLastSentAt", "locale",
  "enabled", "locked", "superUser", "termsAccepted", "passwordExpiresAt", "distinguishedName", "objectGuid",
];

const form1 = (fields: Record<string, string>) => Object.fromEntries(Object.entries(fields).map(([k, v]) => [`accounts[0].${k}`, v]));

describe("POST /api/v1/accounts (create user without password, documented)", () => {
  it("creates a LOCAL user from indexed form fields and answers with the account in the envelope", async () => {
    const r = await c.call<AccountWire>("POST", "/api/v1/accounts", {
      query: { sendInvite: "false" },
      form: form1({ emailAddress: "nsmith@acme.example", accountSource: "LOCAL", uid: "nsmith@acme.example" }),
    });
    expect(r.status).toBe(200);
    expect(r.body.errors).toBeNull();
    const a = r.body.result;
    // accountType: read by real scripts (franklines/mobileiron-users2CSV); the older apiUser guess is gone.
    expect(Object.keys(a)).toEqual([...DOCUMENTED_FIELDS, "accountType"]);
    expect(a).toMatchObject({
      uid: "nsmith@acme.example",
      emailAddress: "nsmith@acme.example",
      username: "nsmith@acme.example",
      accountSource: "LOCAL",
      inviteState: "None",
      inviteLastSentAt: null,
      enabled: true,
      superUser: false,
      passwordExpiresAt: null,
      accountType: "USER",
      createdBy: 10000,
    });
    expect(a.id).toBeTypeOf("number");
    expect(a.id).toBeGreaterThan(10000);
    expect(a.createdAt).toBeTypeOf("number");
    expect(JSON.stringify(r.body)).not.toMatch(/password"/i);
  });

  it("records an invitation when sendInvite=true", async () => {
    const a = await c.create({ emailAddress: "inv@acme.example", uid: "inv@acme.example" }, { sendInvite: "true" });
    // "Pending": one of the four invite states a real answer lists (Completed, Expired, None, Pending).
    expect(a.inviteState).toBe("Pending");
    expect(a.inviteLastSentAt).toBeTypeOf("number");
  });

  it("accepts a JSON body {accounts: [...]} too, and answers several accounts with an array", async () => {
    const r = await c.call<AccountWire[]>("POST", "/api/v1/accounts", {
      json: {
        accounts: [
          { emailAddress: "a@acme.example", uid: "a@acme.example", accountSource: "LOCAL" },
          { emailAddress: "b@acme.example", uid: "b@acme.example", accountSource: "LOCAL", firstName: "Bea", lastName: "Bee" },
        ],
      },
    });
    expect(r.status).toBe(200);
    expect(r.body.result.map((a) => a.uid)).toEqual(["a@acme.example", "b@acme.example"]);
    expect(r.body.result[1]).toMatchObject({ firstName: "Bea", lastName: "Bee", displayName: "Bea Bee" });
    expect(r.body.result[1]!.id).toBe(r.body.result[0]!.id + 1);
  });

  it("rejects missing and malformed fields with 400 fieldErrors named by binding path", async () => {
    const r = await c.call("POST", "/api/v1/accounts", {
      form: { "accounts[0].uid": "x@acme.example", "accounts[1].emailAddress": "not-an-email", "accounts[1].accountSource": "LDAP" },
    });
    expect(r.status).toBe(400);
    expect(r.body.result).toBeNull();
    expect(r.body.errors?.globalErrors).toBeNull();
    expect(r.body.errors?.fieldErrors).toEqual(
      expect.arrayContaining([
        { code: "NotNull", field: "accounts[0].emailAddress", message: "must not be null" },
        { code: "NotNull", field: "accounts[0].accountSource", message: "must not be null" },
        { code: "Email", field: "accounts[1].emailAddress", message: "must be a well-formed email address" },
        { code: "Invalid", field: "accounts[1].accountSource", message: "must be LOCAL" },
      ]),
    );
    expect(c.state().accounts).toHaveLength(1);
  });

  it("rejects an empty request, a uid that differs from the email, and a bad sendInvite", async () => {
    const empty = await c.call("POST", "/api/v1/accounts", { form: {} });
    expect(empty.status).toBe(400);
    expect(empty.body.errors?.fieldErrors).toEqual([{ code: "NotEmpty", field: "accounts", message: "must not be empty" }]);

    const r = await c.call("POST", "/api/v1/accounts", {
      query: { sendInvite: "maybe" },
      form: form1({ emailAddress: "a@acme.example", uid: "b@acme.example", accountSource: "LOCAL" }),
    });
    expect(r.status).toBe(400);
    expect(r.body.errors?.fieldErrors?.map((e) => [e.code, e.field])).toEqual([
      ["typeMismatch", "sendInvite"],
      ["Invalid", "accounts[0].uid"],
    ]);
  });

  it("rejects a duplicate uid (also case-insensitively and within one request) and creates nothing", async () => {
    await c.create({ emailAddress: "dup@acme.example", uid: "dup@acme.example" });
    const again = await c.call("POST", "/api/v1/accounts", { form: form1({ emailAddress: "DUP@acme.example", uid: "DUP@acme.example", accountSource: "LOCAL" }) });
    expect(again.status).toBe(400);
    expect(again.body.errors?.fieldErrors).toEqual([{ code: "Duplicate", field: "accounts[0].uid", message: expect.stringContaining("already exists") }]);

    const batch = await c.call("POST", "/api/v1/accounts", {
      json: {
        accounts: [
          { emailAddress: "n1@acme.example", accountSource: "LOCAL" },
          { emailAddress: "n1@acme.example", accountSource: "LOCAL" },
        ],
      },
    });
    expect(batch.status).toBe(400);
    expect(batch.body.errors?.fieldErrors?.[0]).toMatchObject({ code: "Duplicate", field: "accounts[1].uid" });
    expect(c.state().accounts.map((a) => a.uid)).toEqual([ADMIN.username, "dup@acme.example"]);
  });

  it("rejects a username already used as a login name", async () => {
    await c.create({ emailAddress: "first@acme.example", username: "shared-name" });
    const r = await c.call("POST", "/api/v1/accounts", { form: form1({ emailAddress: "second@acme.example", username: "SHARED-NAME", accountSource: "LOCAL" }) });
    expect(r.status).toBe(400);
    expect(r.body.errors?.fieldErrors?.[0]).toMatchObject({ code: "Duplicate", field: "accounts[0].username" });
  });
});

describe("POST /api/v1/accounts with password and the API-user marker (INFERRED)", () => {
  it("creates an API user that can authenticate; the password never comes back", async () => {
    const r = await c.call<AccountWire>("POST", "/api/v1/accounts", {
      form: form1({
        emailAddress: "ise-api@acme.example",
        uid: "ise-api@acme.example",
        accountSource: "LOCAL",
        firstName: "Cisco",
        lastName: "ISE",
        displayName: "ISE integration",
        password: STRONG_PASSWORD,
        accountType: "API",
        "roles[0]": String(c.roleId("Cisco ISE Operations")),
      }),
    });
    expect(r.status).toBe(200);
    expect(r.body.result).toMatchObject({ accountType: "API", displayName: "ISE integration", inviteState: "None", passwordExpiresAt: null });
    expect(JSON.stringify(r.body)).not.toContain(STRONG_PASSWORD);
    const dev = await c.call("GET", "/api/v1/device", { auth: { username: "ise-api@acme.example", password: STRONG_PASSWORD }, query: { dmPartitionId: "100001" } });
    expect(dev.status).toBe(200);
  });

  it("still takes the older boolean apiUser flag on create; refuses an unknown accountType", async () => {
    const a = await c.create({ emailAddress: "old@acme.example", password: STRONG_PASSWORD, apiUser: "true" });
    expect(a.accountType).toBe("API");
    expect(a).not.toHaveProperty("apiUser");
    const bad = await c.call("POST", "/api/v1/accounts", { form: form1({ emailAddress: "t@acme.example", accountSource: "LOCAL", accountType: "ROBOT" }) });
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.fieldErrors?.[0]).toMatchObject({ code: "Invalid", field: "accounts[0].accountType" });
  });

  it("exposes the marker under the configured field name", async () => {
    c.state().settings.apiUserField = "userType_isApi";
    const a = await c.create({ emailAddress: "m@acme.example", password: STRONG_PASSWORD, userType_isApi: "true" });
    expect(a.userType_isApi).toBe(true);
    expect(a).not.toHaveProperty("apiUser");
    const bad = await c.call("POST", "/api/v1/accounts", { form: form1({ emailAddress: "n@acme.example", accountSource: "LOCAL", userType_isApi: "yes" }) });
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.fieldErrors?.[0]).toMatchObject({ code: "typeMismatch", field: "accounts[0].userType_isApi" });
  });

  it("requires a password for an API user", async () => {
    const r = await c.call("POST", "/api/v1/accounts", { form: form1({ emailAddress: "np@acme.example", accountSource: "LOCAL", apiUser: "true" }) });
    expect(r.status).toBe(400);
    expect(r.body.errors?.fieldErrors).toEqual([{ code: "NotBlank", field: "accounts[0].password", message: "An API user needs a password" }]);
  });

  it("enforces the default password policy: 8+ characters from 3 of 4 classes", async () => {
    const short = await c.call("POST", "/api/v1/accounts", { form: form1({ emailAddress: "p1@acme.example", accountSource: "LOCAL", password: "Ab1!" }) });
    expect(short.status).toBe(400);
    expect(short.body.errors?.fieldErrors).toEqual([{ code: "Size", field: "accounts[0].password", message: "Password must be between 8 and 128 characters long" }]);

    const simple = await c.call("POST", "/api/v1/accounts", { form: form1({ emailAddress: "p2@acme.example", accountSource: "LOCAL", password: "alllowercase1" }) });
    expect(simple.status).toBe(400);
    expect(simple.body.errors?.fieldErrors?.[0]).toMatchObject({ code: "PasswordComplexity", field: "accounts[0].password" });

    const good = await c.call("POST", "/api/v1/accounts", { form: form1({ emailAddress: "p3@acme.example", accountSource: "LOCAL", password: "lowerUPPER123" }) });
    expect(good.status).toBe(200);
  });

  it("follows a password policy changed in state", async () => {
    Object.assign(c.state().passwordPolicy, { minLength: 16, minCharacterClasses: 4 });
    const r = await c.call("POST", "/api/v1/accounts", { form: form1({ emailAddress: "p@acme.example", accountSource: "LOCAL", password: STRONG_PASSWORD }) });
    expect(r.status).toBe(400);
    expect(r.body.errors?.fieldErrors?.map((e) => e.code)).toEqual(["Size"]);
    expect(r.body.errors?.fieldErrors?.[0]?.message).toContain("between 16 and 128");
    const ok = await c.call("POST", "/api/v1/accounts", { form: form1({ emailAddress: "p@acme.example", accountSource: "LOCAL", password: "Very-Long-Passw0rd!" }) });
    expect(ok.status).toBe(200);
  });
});

describe("GET /api/v1/account (list and search, documented)", () => {
  beforeEach(async () => {
    for (let i = 1; i <= 7; i++) await c.create({ emailAddress: `user${i}@acme.example`, firstName: i % 2 ? "Odd" : "Even", lastName: `Number${i}` });
  });

  it("returns the fields of a real answer, ordered by id, paged by start and rows", async () => {
    const r = await c.call<ListWire<AccountWire>>("GET", "/api/v1/account", { query: { rows: "3", start: "2" } });
    expect(r.status).toBe(200);
    expect(r.body.errors).toBeNull();
    expect(Object.keys(r.body.result)).toEqual(["totalCount", "searchResults", "offset", "limit", "queryTime", "facetedResults", "totalUnfilteredResultCount"]);
    expect(r.body.result).toMatchObject({ offset: 2, limit: 3, totalUnfilteredResultCount: 0 });
    expect(r.body.result.totalCount).toBe(8);
    expect(r.body.result.queryTime).toBeTypeOf("number");
    expect(r.body.result.searchResults.map((a) => a.uid)).toEqual(["user2@acme.example", "user3@acme.example", "user4@acme.example"]);
    const tail = await c.call<ListWire<AccountWire>>("GET", "/api/v1/account/", { query: { rows: "500", start: "7" } });
    expect(tail.body.result.searchResults.map((a) => a.uid)).toEqual(["user7@acme.example"]);
  });

  it("counts account types, sources and invite states over every match in facetedResults", async () => {
    await c.createApiUser("facet-api@acme.example", [c.roleId("Cisco ISE Operations")]);
    c.state().accounts.push({ ...c.state().accounts[1]!, id: 30001, uid: "aad@acme.example", username: "aad@acme.example", emailAddress: "aad@acme.example", accountSource: "AAD", inviteState: "Completed" });
    const r = await c.call<ListWire<AccountWire> & { facetedResults: Record<string, Record<string, number>> }>("GET", "/api/v1/account", { query: { rows: "1" } });
    expect(r.body.result.totalCount).toBe(10);
    expect(r.body.result.facetedResults.ACCOUNTTYPE).toEqual({ SUPPORT: 0, API: 1, PARTNER_USER: 0, USER: 9 });
    expect(r.body.result.facetedResults.ACCOUNTSOURCE).toEqual({ AAD: 1, LDAP: 0, ROSTER: 0, SALESFORCE: 0, SCIM_AAD: 0, LOCAL: 9, SCIM_OKTA: 0 });
    expect(Object.keys(r.body.result.facetedResults.INVITESTATE!)).toEqual(["Completed", "Expired", "None", "Pending"]);
    const apiUser = await c.call<ListWire<AccountWire>>("GET", "/api/v1/account", { query: { fq: "UID=facet-api@acme.example" } });
    expect(apiUser.body.result.searchResults[0]).toMatchObject({ accountType: "API", accountSource: "LOCAL", inviteState: "None" });
  });

  it("defaults to 50 rows", async () => {
    for (let i = 8; i <= 60; i++) c.state().accounts.push({ ...c.state().accounts[1]!, id: 20000 + i, uid: `bulk${i}@acme.example`, username: `bulk${i}@acme.example`, emailAddress: `bulk${i}@acme.example` });
    const r = await c.call<ListWire<AccountWire>>("GET", "/api/v1/account");
    expect(r.body.result.totalCount).toBe(61);
    expect(r.body.result.searchResults).toHaveLength(50);
  });

  it("serves at most 50 rows a page even when rows asks for 500 (documented database limit); totalCount tells the rest", async () => {
    for (let i = 8; i <= 60; i++) c.state().accounts.push({ ...c.state().accounts[1]!, id: 20000 + i, uid: `bulk${i}@acme.example`, username: `bulk${i}@acme.example`, emailAddress: `bulk${i}@acme.example` });
    const first = await c.call<ListWire<AccountWire>>("GET", "/api/v1/account", { query: { rows: "500", start: "0" } });
    expect(first.body.result.totalCount).toBe(61);
    expect(first.body.result.searchResults).toHaveLength(50);
    const rest = await c.call<ListWire<AccountWire>>("GET", "/api/v1/account", { query: { rows: "500", start: "50" } });
    expect(rest.body.result.searchResults).toHaveLength(11);
    c.state().settings.databaseRowsCap = 500;
    const all = await c.call<ListWire<AccountWire>>("GET", "/api/v1/account", { query: { rows: "500" } });
    expect(all.body.result.searchResults).toHaveLength(61);
  });

  it("rejects rows above 500 with the documented Range error, and bad start/rows", async () => {
    const r = await c.call("GET", "/api/v1/account", { query: { rows: "501" } });
    expect(r.status).toBe(400);
    expect(r.body).toEqual({ errors: { globalErrors: null, fieldErrors: [{ code: "Range", message: "must be between 1 and 500", field: "rows" }] }, result: null });
    expect((await c.call("GET", "/api/v1/account", { query: { rows: "0" } })).status).toBe(400);
    const neg = await c.call("GET", "/api/v1/account", { query: { start: "-1" } });
    expect(neg.body.errors?.fieldErrors?.[0]).toMatchObject({ code: "Min", field: "start" });
    const nan = await c.call("GET", "/api/v1/account", { query: { rows: "ten" } });
    expect(nan.body.errors?.fieldErrors?.[0]).toMatchObject({ code: "typeMismatch", field: "rows" });
  });

  it("filters with fq=UID=<email> and fq=UID EQ <email>, case-insensitively; 0 results when gone", async () => {
    for (const fq of ["UID=user3@acme.example", "UID EQ USER3@acme.example", "uid EQ 'user3@acme.example'"]) {
      const r = await c.call<ListWire<AccountWire>>("GET", "/api/v1/account", { query: { fq } });
      expect(r.status).toBe(200);
      expect(r.body.result.totalCount).toBe(1);
      expect(r.body.result.searchResults[0]?.uid).toBe("user3@acme.example");
    }
    const none = await c.call<ListWire<AccountWire>>("GET", "/api/v1/account", { query: { fq: "UID=nobody@acme.example" } });
    expect(none.body.result).toMatchObject({ totalCount: 0, searchResults: [] });
    const and = await c.call<ListWire<AccountWire>>("GET", "/api/v1/account", { query: { fq: "FIRSTNAME EQ Odd AND LASTNAME EQ Number5" } });
    expect(and.body.result.searchResults.map((a) => a.uid)).toEqual(["user5@acme.example"]);
  });

  it("rejects an unknown fq field with a fieldError on fq", async () => {
    const r = await c.call("GET", "/api/v1/account", { query: { fq: "SHOESIZE=42" } });
    expect(r.status).toBe(400);
    expect(r.body.errors?.fieldErrors?.[0]).toMatchObject({ code: "Invalid", field: "fq" });
  });

  it("searches free text with q, and accepts and ignores dmPartitionId", async () => {
    const r = await c.call<ListWire<AccountWire>>("GET", "/api/v1/account", { query: { q: "even", dmPartitionId: "100001" } });
    expect(r.body.result.searchResults.map((a) => a.uid)).toEqual(["user2@acme.example", "user4@acme.example", "user6@acme.example"]);
    const other = await c.call<ListWire<AccountWire>>("GET", "/api/v1/account", { query: { dmPartitionId: "999" } });
    expect(other.body.result.totalCount).toBe(8);
  });
});

describe("GET /api/v1/account/{accountId} (INFERRED)", () => {
  it("returns the account, and 404 in the envelope when unknown", async () => {
    const a = await c.create({ emailAddress: "get@acme.example" });
    const r = await c.call<AccountWire>("GET", `/api/v1/account/${a.id}`);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ errors: null, result: a });
    for (const id of ["999999", "abc"]) {
      const nf = await c.call("GET", `/api/v1/account/${id}`);
      expect(nf.status).toBe(404);
      expect(nf.body).toEqual({ errors: { globalErrors: [{ code: "NotFound", message: `Account ${id} not found` }], fieldErrors: null }, result: null });
    }
  });
});

describe("PUT /api/v1/account/{accountId} (INFERRED update)", () => {
  it("updates names, locale and enabled in place and stamps modifiedAt/modifiedBy", async () => {
    const a = await c.create({ emailAddress: "upd@acme.example", firstName: "Old" });
    await fetch(c.sandbox.url + "/_sandbox/clock", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ advanceSeconds: 60 }) });
    const r = await c.call<AccountWire>("PUT", `/api/v1/account/${a.id}`, { form: { firstName: "New", lastName: "Name", displayName: "New Name", locale: "de_DE" } });
    expect(r.status).toBe(200);
    expect(r.body.result).toMatchObject({ id: a.id, firstName: "New", lastName: "Name", displayName: "New Name", locale: "de_DE", modifiedBy: 10000 });
    expect(r.body.result.modifiedAt).toBeGreaterThanOrEqual(a.modifiedAt! + 60_000);
    const json = await c.call<AccountWire>("PUT", `/api/v1/account/${a.id}`, { json: { lastName: "", enabled: false } });
    expect(json.body.result).toMatchObject({ firstName: "New", lastName: null, enabled: false });
  });

  it("changes the password (the new one authenticates, the old one no longer)", async () => {
    const a = await c.createApiUser("pw@acme.example", [c.roleId("User Management")]);
    const r = await c.call("PUT", `/api/v1/account/${a.id}`, { form: { password: "Another-Passw0rd" } });
    expect(r.status).toBe(200);
    expect(JSON.stringify(r.body)).not.toContain("Another-Passw0rd");
    expect((await c.call("GET", "/api/v1/account", { auth: { username: "pw@acme.example", password: "Another-Passw0rd" } })).status).toBe(200);
    expect((await c.call("GET", "/api/v1/account", { auth: { username: "pw@acme.example", password: STRONG_PASSWORD } })).status).toBe(401);
  });

  it("enforces the password policy on update with a fieldError on password", async () => {
    const a = await c.create({ emailAddress: "weak@acme.example" });
    const r = await c.call("PUT", `/api/v1/account/${a.id}`, { form: { password: "weak" } });
    expect(r.status).toBe(400);
    expect(r.body.errors?.fieldErrors?.map((e) => [e.code, e.field])).toEqual([
      ["Size", "password"],
      ["PasswordComplexity", "password"],
    ]);
  });

  it("refuses to change uid, emailAddress, username or the account type, but accepts them unchanged", async () => {
    const a = await c.create({ emailAddress: "imm@acme.example", password: STRONG_PASSWORD, accountType: "API" });
    const r = await c.call("PUT", `/api/v1/account/${a.id}`, {
      form: { uid: "other@acme.example", emailAddress: "other@acme.example", username: "other", accountType: "USER" },
    });
    expect(r.status).toBe(400);
    expect(r.body.errors?.fieldErrors?.map((e) => [e.code, e.field])).toEqual([
      ["Immutable", "uid"],
      ["Immutable", "emailAddress"],
      ["Immutable", "username"],
      ["Immutable", "accountType"],
    ]);
    const same = await c.call("PUT", `/api/v1/account/${a.id}`, { form: { uid: "IMM@acme.example", accountType: "api", firstName: "Same" } });
    expect(same.status).toBe(200);
  });

  it("answers 404 for an unknown account and 400 for a malformed value", async () => {
    expect((await c.call("PUT", "/api/v1/account/424242", { form: { firstName: "x" } })).status).toBe(404);
    const a = await c.create({ emailAddress: "bad@acme.example" });
    const r = await c.call("PUT", `/api/v1/account/${a.id}`, { form: { enabled: "sometimes" } });
    expect(r.status).toBe(400);
    expect(r.body.errors?.fieldErrors?.[0]).toMatchObject({ code: "typeMismatch", field: "enabled" });
  });
});

describe("DELETE /api/v1/account?id= (the default generation; the form of public client code)", () => {
  it("deletes one account; the answer is the envelope; it is gone from search", async () => {
    const a = await c.create({ emailAddress: "one-del@acme.example" });
    const r = await c.call("DELETE", "/api/v1/account", { query: { id: String(a.id) } });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ errors: null, result: 1 });
    const search = await c.call<ListWire<AccountWire>>("GET", "/api/v1/account", { query: { fq: "UID=one-del@acme.example" } });
    expect(search.body.result.totalCount).toBe(0);
  });

  it("answers 404 for an unknown id, 400 for no id or a malformed one, 400 with the reason for an account that cannot go", async () => {
    expect((await c.call("DELETE", "/api/v1/account", { query: { id: "777" } })).status).toBe(404);
    expect((await c.call("DELETE", "/api/v1/account")).body.errors?.fieldErrors?.[0]).toMatchObject({ code: "NotNull", field: "id" });
    expect((await c.call("DELETE", "/api/v1/account", { query: { id: "x" } })).body.errors?.fieldErrors?.[0]).toMatchObject({ code: "typeMismatch", field: "id" });
    const self = await c.call("DELETE", "/api/v1/account", { query: { id: "10000" } });
    expect(self.status).toBe(400);
    expect(self.body.errors?.globalErrors?.[0]).toEqual({ code: "NotDeletable", message: "You cannot delete the account you are signed in with" });
    expect(c.state().accounts.some((x) => x.id === 10000)).toBe(true);
  });

  it("does not serve the older bulk form: 405 in the envelope, nothing deleted", async () => {
    const a = await c.create({ emailAddress: "bulk-no@acme.example" });
    for (const [method, path] of [["DELETE", "/api/v1/accounts"], ["GET", "/api/v1/accounts/deleteViability"]] as const) {
      const r = await c.call(method, path, { query: { ids: String(a.id) } });
      expect(r.status).toBe(405);
      expect(r.body.errors?.globalErrors?.[0]?.code).toBe("MethodNotAllowed");
    }
    expect(c.state().accounts.some((x) => x.id === a.id)).toBe(true);
  });
});

describe("the bulk-delete generation: viability check and DELETE /api/v1/accounts?ids= (INFERRED)", () => {
  beforeEach(() => c.sandbox.setProfile("ivanti", "bulk-delete"));
  afterEach(() => c.sandbox.setProfile("ivanti", "current"));

  it("does not serve DELETE /api/v1/account?id=: 405, nothing deleted", async () => {
    const a = await c.create({ emailAddress: "single-no@acme.example" });
    const r = await c.call("DELETE", "/api/v1/account", { query: { id: String(a.id) } });
    expect(r.status).toBe(405);
    expect(c.state().accounts.some((x) => x.id === a.id)).toBe(true);
  });

  it("reports per id whether it can be deleted", async () => {
    const a = await c.create({ emailAddress: "del@acme.example" });
    const r = await c.call<Array<{ id: number; deletable: boolean; reason: string | null }>>("GET", "/api/v1/accounts/deleteViability", { query: { ids: `${a.id},10000,777` } });
    expect(r.status).toBe(200);
    expect(r.body.result.map((v) => [v.id, v.deletable, v.reason])).toEqual([
      [a.id, true, null],
      [10000, false, "SELF"],
      [777, false, "NOT_FOUND"],
    ]);
    expect(c.state().accounts.some((x) => x.id === a.id)).toBe(true);
    const none = await c.call("GET", "/api/v1/accounts/deleteViability");
    expect(none.body.errors?.fieldErrors).toEqual([{ code: "NotEmpty", field: "ids", message: "must not be empty" }]);
  });

  it("refuses to delete the tenant's super user even for another admin", async () => {
    await c.createApiUser("admin2@acme.example", [c.roleId("User Management")]);
    const r = await c.call<Array<{ reason: string }>>("GET", "/api/v1/accounts/deleteViability", {
      auth: { username: "admin2@acme.example", password: STRONG_PASSWORD },
      query: { ids: "10000" },
    });
    expect(r.body.result[0]?.reason).toBe("SUPER_USER");
  });

  it("deletes several ids with DELETE /api/v1/accounts and reports each; a deleted id is gone from search", async () => {
    const a = await c.create({ emailAddress: "d1@acme.example" });
    const b = await c.create({ emailAddress: "d2@acme.example" });
    const r = await c.call<Array<{ id: number; deleted: boolean; reason: string | null }>>("DELETE", "/api/v1/accounts", { query: { ids: `${a.id},${b.id},555` } });
    expect(r.status).toBe(200);
    expect(r.body.errors).toBeNull();
    expect(r.body.result.map((x) => [x.id, x.deleted, x.reason])).toEqual([
      [a.id, true, null],
      [b.id, true, null],
      [555, false, "NOT_FOUND"],
    ]);
    const search = await c.call<ListWire<AccountWire>>("GET", "/api/v1/account", { query: { fq: "UID=d1@acme.example" } });
    expect(search.body.result.totalCount).toBe(0);
    // A repeated delete succeeds at HTTP level and says NOT_FOUND per id.
    const again = await c.call<Array<{ reason: string | null }>>("DELETE", "/api/v1/accounts", { form: { ids: [String(a.id)] } });
    expect(again.status).toBe(200);
    expect(again.body.result[0]?.reason).toBe("NOT_FOUND");
  });

  it("can also put failed ids into errors.globalErrors of a 200 (configurable)", async () => {
    c.state().settings.bulkDeleteErrors = "globalErrors";
    const a = await c.create({ emailAddress: "g1@acme.example" });
    const r = await c.call<Array<{ id: number; deleted: boolean }>>("DELETE", "/api/v1/accounts", { json: { ids: [a.id, 31337] } });
    expect(r.status).toBe(200);
    expect(r.body.errors).toEqual({ globalErrors: [{ code: "NotFound", message: "Account 31337 not found" }], fieldErrors: null });
    expect(r.body.result.map((x) => x.deleted)).toEqual([true, false]);
  });

  it("rejects a bulk delete without ids or with non-numeric ids", async () => {
    expect((await c.call("DELETE", "/api/v1/accounts")).status).toBe(400);
    const r = await c.call("DELETE", "/api/v1/accounts", { query: { ids: "1,x" } });
    expect(r.body.errors?.fieldErrors?.[0]).toMatchObject({ code: "typeMismatch", field: "ids" });
  });

});

describe.each(["current", "bulk-delete"])("in the %s generation", (generation) => {
  beforeEach(() => c.sandbox.setProfile("ivanti", generation));
  afterEach(() => c.sandbox.setProfile("ivanti", "current"));

  it("does not serve a per-account DELETE /api/v1/account/{accountId} (no source describes one)", async () => {
    const a = await c.create({ emailAddress: "one@acme.example" });
    const r = await c.call("DELETE", `/api/v1/account/${a.id}`);
    expect(r.status).toBe(405);
    expect(c.state().accounts.some((x) => x.id === a.id)).toBe(true);
  });

  it("serves the same create, list and tenant metadata", async () => {
    const a = await c.create({ emailAddress: "gen@acme.example" });
    const r = await c.call<ListWire<AccountWire>>("GET", "/api/v1/account", { query: { fq: "UID=gen@acme.example" } });
    expect(r.body.result.searchResults.map((x) => x.id)).toEqual([a.id]);
    expect((await c.call<{ defaultDmPartitionId: number }>("GET", "/api/v1/metadata/tenant")).body.result.defaultDmPartitionId).toBe(100001);
  });
});
