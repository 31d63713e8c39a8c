// Contract tests of the ApiUser API over real HTTP.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Sandbox } from "../../server.js";
import { SEED } from "./state.js";
import { ADMIN, GUID_RE, client, control, createApiUser, createOperator, list, messages, obj, reset, startHarness } from "./test-helpers.js";

const API_USER_KEYS = ["ApiUserGuid", "OperatorGuid", "Description", "UserName", "ApiAccessType", "CreatedDate", "LastUsed", "RequestsLast30Days"].sort();

let sb: Sandbox;
let call: ReturnType<typeof client>;

beforeAll(async () => {
  sb = await startHarness();
  call = client(sb);
});
afterAll(() => sb.close());
beforeEach(() => reset(sb));

describe("GET /ApiUser", () => {
  it("lists every API user of the account with PascalCase fields and no password", async () => {
    const r = await call("GET", "/ApiUser");
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toMatch(/application\/json/);
    const users = list(r);
    expect(users).toHaveLength(1);
    const seed = users[0]!;
    expect(Object.keys(seed).sort()).toEqual(API_USER_KEYS);
    expect(seed).toMatchObject({
      ApiUserGuid: SEED.apiUserGuid,
      OperatorGuid: SEED.operatorGuid,
      UserName: SEED.apiUserName,
      ApiAccessType: "Generic",
      CreatedDate: SEED.createdDate,
    });
    expect(r.text).not.toContain("Password");
  });
});

describe("POST /ApiUser", () => {
  it("creates an API user and returns its password once", async () => {
    const r = await call("POST", "/ApiUser", { body: { OperatorGuid: SEED.operatorGuid, Description: "CI pipeline" } });
    expect(r.status).toBe(201);
    const b = obj(r);
    expect(Object.keys(b).sort()).toEqual([...API_USER_KEYS, "Password"].sort());
    expect(b.ApiUserGuid).toMatch(GUID_RE);
    expect(b.OperatorGuid).toBe(SEED.operatorGuid);
    expect(b.Description).toBe("CI pipeline");
    expect(b.ApiAccessType).toBe("Generic");
    expect(b.LastUsed).toBeNull();
    expect(b.RequestsLast30Days).toBe(0);
    expect(typeof b.UserName).toBe("string");
    expect((b.Password as string).length).toBeGreaterThanOrEqual(16);
    expect(new Date(b.CreatedDate as string).toISOString()).toBe(b.CreatedDate);
    expect(r.headers.get("location")).toBe(`${sb.url}/uptrends/v4/ApiUser/${b.ApiUserGuid as string}`);

    const get = await call("GET", `/ApiUser/${b.ApiUserGuid as string}`);
    expect(get.status).toBe(200);
    expect(obj(get).Password).toBeUndefined();
    expect(get.text).not.toContain(b.Password as string);
    // The state dump never holds the password either.
    expect(JSON.stringify(await control(sb, "GET", "/_sandbox/state"))).not.toContain(b.Password as string);

    const own = await call("GET", "/Account", { auth: { username: b.UserName as string, password: b.Password as string } });
    expect(own.status).toBe(200);
  });

  it("accepts an upper-case OperatorGuid and ignores read-only fields", async () => {
    const r = await call("POST", "/ApiUser", {
      body: { OperatorGuid: SEED.operatorGuid.toUpperCase(), Description: "x", UserName: "chosen", ApiAccessType: "MobileApp", ApiUserGuid: "00000000-0000-0000-0000-000000000000" },
    });
    expect(r.status).toBe(201);
    expect(obj(r).UserName).not.toBe("chosen");
    expect(obj(r).ApiAccessType).toBe("Generic");
    expect(obj(r).ApiUserGuid).not.toBe("00000000-0000-0000-0000-000000000000");
    expect(obj(r).OperatorGuid).toBe(SEED.operatorGuid);
  });

  it("defaults an empty or missing Description to \"API\"", async () => {
    const a = await call("POST", "/ApiUser", { body: { OperatorGuid: SEED.operatorGuid, Description: "" } });
    const b = await call("POST", "/ApiUser", { body: { OperatorGuid: SEED.operatorGuid } });
    expect(obj(a).Description).toBe("API");
    expect(obj(b).Description).toBe("API");
  });

  it("allows several API users with the same description (no uniqueness)", async () => {
    await createApiUser(call, SEED.operatorGuid, "dup");
    await createApiUser(call, SEED.operatorGuid, "dup");
    const r = await call("GET", `/ApiUser/Operator/${SEED.operatorGuid}`);
    expect(list(r).filter((u) => u.Description === "dup")).toHaveLength(2);
  });

  it("rejects a missing or malformed OperatorGuid with 400 MessageList", async () => {
    const missing = await call("POST", "/ApiUser", { body: { Description: "x" } });
    expect(missing.status).toBe(400);
    expect(messages(missing)).toEqual(["OperatorGuid is required."]);
    const bad = await call("POST", "/ApiUser", { body: { OperatorGuid: "not-a-guid" } });
    expect(bad.status).toBe(400);
    expect(messages(bad)[0]).toContain("not-a-guid");
    const wrongType = await call("POST", "/ApiUser", { body: { OperatorGuid: SEED.operatorGuid, Description: 5 } });
    expect(wrongType.status).toBe(400);
    expect(messages(wrongType).length).toBe(1);
  });

  it("rejects a body that is not a JSON object", async () => {
    const r = await call("POST", "/ApiUser", { rawBody: "[1,2]" });
    expect(r.status).toBe(400);
    expect(r.body).toEqual({ Messages: [{ Message: "The request body must be a JSON object." }] });
    const none = await call("POST", "/ApiUser");
    expect(none.status).toBe(400);
  });

  it("answers 404 'The specified operator was not found.' for an unknown operator", async () => {
    const r = await call("POST", "/ApiUser", { body: { OperatorGuid: "11111111-2222-4333-8444-555555555555" } });
    expect(r.status).toBe(404);
    expect(r.body).toEqual({ Messages: [{ Message: "The specified operator was not found." }] });
    const all = await call("GET", "/ApiUser");
    expect(list(all)).toHaveLength(1);
  });
});

describe("GET /ApiUser/Operator/{operatorGuid}", () => {
  it("lists only that operator's API users", async () => {
    const other = await createOperator(call, "other@example.com");
    const created = await createApiUser(call, other, "other's");
    const r = await call("GET", `/ApiUser/Operator/${other}`);
    expect(r.status).toBe(200);
    expect(list(r).map((u) => u.ApiUserGuid)).toEqual([created.guid]);
    const seedList = await call("GET", `/ApiUser/Operator/${SEED.operatorGuid.toUpperCase()}`);
    expect(list(seedList).map((u) => u.ApiUserGuid)).toEqual([SEED.apiUserGuid]);
  });

  it("answers 404 for an unknown operator and 400 for a malformed guid", async () => {
    const unknown = await call("GET", "/ApiUser/Operator/11111111-2222-4333-8444-555555555555");
    expect(unknown.status).toBe(404);
    expect(messages(unknown)).toEqual(["The specified operator was not found."]);
    const bad = await call("GET", "/ApiUser/Operator/xyz");
    expect(bad.status).toBe(400);
    expect(messages(bad)).toEqual(["The value 'xyz' is not valid for operatorGuid."]);
  });
});

describe("GET /ApiUser/{apiUserGuid}", () => {
  it("returns the API user, matching the guid case-insensitively", async () => {
    const r = await call("GET", `/ApiUser/${SEED.apiUserGuid.toUpperCase()}`);
    expect(r.status).toBe(200);
    expect(Object.keys(obj(r)).sort()).toEqual(API_USER_KEYS);
    expect(obj(r).ApiUserGuid).toBe(SEED.apiUserGuid);
  });

  it("answers 404 MessageList for an unknown guid and 400 for a malformed one", async () => {
    const r = await call("GET", "/ApiUser/11111111-2222-4333-8444-555555555555");
    expect(r.status).toBe(404);
    expect(r.body).toEqual({ Messages: [{ Message: "The specified API user was not found." }] });
    const bad = await call("GET", "/ApiUser/abc");
    expect(bad.status).toBe(400);
    expect(messages(bad)).toEqual(["The value 'abc' is not valid for apiUserGuid."]);
  });
});

describe("PUT /ApiUser/{apiUserGuid}", () => {
  it("updates the Description and answers 204 with no body", async () => {
    const { guid } = await createApiUser(call, SEED.operatorGuid, "before");
    const r = await call("PUT", `/ApiUser/${guid}`, { body: { OperatorGuid: SEED.operatorGuid.toUpperCase(), Description: "after" } });
    expect(r.status).toBe(204);
    expect(r.text).toBe("");
    const get = await call("GET", `/ApiUser/${guid}`);
    expect(obj(get).Description).toBe("after");
  });

  it("keeps the Description when it is left out", async () => {
    const { guid } = await createApiUser(call, SEED.operatorGuid, "keep");
    expect((await call("PUT", `/ApiUser/${guid}`, { body: { OperatorGuid: SEED.operatorGuid } })).status).toBe(204);
    expect(obj(await call("GET", `/ApiUser/${guid}`)).Description).toBe("keep");
  });

  it("refuses to move the API user to another operator (400)", async () => {
    const other = await createOperator(call, "move@example.com");
    const { guid } = await createApiUser(call, SEED.operatorGuid, "stay");
    const r = await call("PUT", `/ApiUser/${guid}`, { body: { OperatorGuid: other, Description: "moved" } });
    expect(r.status).toBe(400);
    expect(messages(r)).toEqual(["The OperatorGuid of an API user cannot be changed."]);
    const get = await call("GET", `/ApiUser/${guid}`);
    expect(obj(get)).toMatchObject({ OperatorGuid: SEED.operatorGuid, Description: "stay" });
  });

  it("answers 404 for an unknown API user and 400 for a bad body", async () => {
    const r = await call("PUT", "/ApiUser/11111111-2222-4333-8444-555555555555", { body: { Description: "x" } });
    expect(r.status).toBe(404);
    expect(messages(r)).toEqual(["The specified API user was not found."]);
    const bad = await call("PUT", `/ApiUser/${SEED.apiUserGuid}`, { body: { Description: ["x"] } });
    expect(bad.status).toBe(400);
  });
});

describe("DELETE /ApiUser/{apiUserGuid}", () => {
  it("deletes the API user (204), after which it is 404 and its credentials are refused", async () => {
    const { guid, creds } = await createApiUser(call, SEED.operatorGuid, "doomed");
    expect((await call("GET", "/Account", { auth: creds })).status).toBe(200);
    const r = await call("DELETE", `/ApiUser/${guid}`);
    expect(r.status).toBe(204);
    expect(r.text).toBe("");
    expect((await call("GET", `/ApiUser/${guid}`)).status).toBe(404);
    const again = await call("DELETE", `/ApiUser/${guid}`);
    expect(again.status).toBe(404);
    expect(messages(again)).toEqual(["The specified API user was not found."]);
    expect((await call("GET", "/Account", { auth: creds })).status).toBe(401);
  });
});

describe("permissions of a non-administrator", () => {
  it("sees and manages only its own operator's API users; others are 403", async () => {
    const op = await createOperator(call, "plain@example.com");
    const mine = await createApiUser(call, op, "mine");
    const asPlain = { auth: mine.creds };

    const listed = await call("GET", "/ApiUser", asPlain);
    expect(list(listed).map((u) => u.ApiUserGuid)).toEqual([mine.guid]);

    const foreign = await call("GET", `/ApiUser/${SEED.apiUserGuid}`, asPlain);
    expect(foreign.status).toBe(403);
    expect(messages(foreign)).toEqual(["Only account administrators can manage API users of other operators."]);
    expect((await call("GET", `/ApiUser/Operator/${SEED.operatorGuid}`, asPlain)).status).toBe(403);
    expect((await call("POST", "/ApiUser", { ...asPlain, body: { OperatorGuid: SEED.operatorGuid } })).status).toBe(403);
    expect((await call("DELETE", `/ApiUser/${SEED.apiUserGuid}`, asPlain)).status).toBe(403);

    const own = await call("POST", "/ApiUser", { ...asPlain, body: { OperatorGuid: op, Description: "self-service" } });
    expect(own.status).toBe(201);
    expect((await call("PUT", `/ApiUser/${mine.guid}`, { ...asPlain, body: { OperatorGuid: op, Description: "renamed" } })).status).toBe(204);
  });
});

describe("request accounting", () => {
  it("counts requests under the documented route templates", async () => {
    await control(sb, "DELETE", "/_sandbox/requests");
    await call("GET", `/ApiUser/${SEED.apiUserGuid}`);
    await call("GET", `/ApiUser/Operator/${SEED.operatorGuid}`);
    const r = (await control(sb, "GET", "/_sandbox/requests")) as { requests: { route: string; status: number; vendor: string }[] };
    const routes = r.requests.filter((q) => q.vendor === "uptrends").map((q) => `${q.route} ${q.status}`);
    expect(routes).toContain("/v4/ApiUser/{apiUserGuid} 200");
    expect(routes).toContain("/v4/ApiUser/Operator/{operatorGuid} 200");
    expect(ADMIN.username).toBe(SEED.apiUserName);
  });
});
