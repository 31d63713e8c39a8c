// Contract: the role catalogue and role assignment (INFERRED), device spaces and dmPartitionId.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { setIseRoleName } from "./state.js";
import { STRONG_PASSWORD, startHarness, type AccountWire, type Harness, type ListWire, type RoleWire } from "./test-helpers.js";

let c: Harness;
beforeAll(async () => {
  c = await startHarness();
});
afterAll(() => c.sandbox.close());
beforeEach(async () => {
  await c.reset();
});

type Space = { id: number; name: string; defaultPartition: boolean; priority: number; createdAt: number };

describe("GET /api/v1/roles", () => {
  it("lists the roles with numeric ids, including exactly one named Cisco ISE Operations", async () => {
    const r = await c.call<ListWire<RoleWire>>("GET", "/api/v1/roles");
    expect(r.status).toBe(200);
    expect(r.body.errors).toBeNull();
    const roles = r.body.result.searchResults;
    expect(r.body.result.totalCount).toBe(roles.length);
    const ise = roles.filter((x) => x.name === "Cisco ISE Operations");
    expect(ise).toEqual([{ id: expect.any(Number), key: "CISCO_ISE_OPERATIONS", name: "Cisco ISE Operations", description: expect.any(String), spaceSpecific: false }]);
    expect(roles.map((x) => x.name)).toEqual(expect.arrayContaining(["System Management", "User Management", "Device Management", "Device Read Only"]));
    expect(roles.find((x) => x.name === "Device Management")?.spaceSpecific).toBe(true);
  });

  it("names the ISE role by the other spelling when told (setIseRoleName), and a reset brings the seed back", async () => {
    setIseRoleName(c.state(), "API Management Cisco ISE Operations");
    const r = await c.call<ListWire<RoleWire>>("GET", "/api/v1/roles");
    expect(r.body.result.searchResults.filter((x) => /cisco ise/i.test(x.name)).map((x) => x.name)).toEqual(["API Management Cisco ISE Operations"]);
    await c.reset();
    const again = await c.call<ListWire<RoleWire>>("GET", "/api/v1/roles");
    expect(again.body.result.searchResults.filter((x) => /cisco ise/i.test(x.name)).map((x) => x.name)).toEqual(["Cisco ISE Operations"]);
  });

  it("pages the catalogue by start/rows with at most 50 rows a page (a database-backed list)", async () => {
    c.state().settings.databaseRowsCap = 5;
    const first = await c.call<ListWire<RoleWire>>("GET", "/api/v1/roles", { query: { rows: "500" } });
    expect(first.body.result.searchResults).toHaveLength(5);
    expect(first.body.result.totalCount).toBe(c.state().roles.length);
    const second = await c.call<ListWire<RoleWire>>("GET", "/api/v1/roles", { query: { start: "5", rows: "500" } });
    expect(second.body.result.searchResults[0]?.id).toBe(c.state().roles[5]?.id);
  });

  it("requires Tenant Admin credentials", async () => {
    expect((await c.call("GET", "/api/v1/roles", { auth: null })).status).toBe(401);
    await c.createApiUser("ro@acme.example", [c.roleId("User Read Only")]);
    expect((await c.call("GET", "/api/v1/roles", { auth: { username: "ro@acme.example", password: STRONG_PASSWORD } })).status).toBe(403);
  });
});

describe("role assignment", () => {
  it("assigns roles on create (accounts[0].roles[i]) and reads them back", async () => {
    const ise = c.roleId("Cisco ISE Operations");
    const dev = c.roleId("Device Read Only");
    const a = await c.createApiUser("ise@acme.example", [ise, dev]);
    const r = await c.call<ListWire<RoleWire>>("GET", `/api/v1/account/${a.id}/roles`);
    expect(r.status).toBe(200);
    expect(r.body.result.searchResults).toEqual([
      expect.objectContaining({ id: ise, name: "Cisco ISE Operations", dmPartitionId: null }),
      expect.objectContaining({ id: dev, name: "Device Read Only", dmPartitionId: 100001 }),
    ]);
  });

  it("rejects an unknown role id on create with a fieldError and creates nothing", async () => {
    const r = await c.call("POST", "/api/v1/accounts", {
      form: { "accounts[0].emailAddress": "r@acme.example", "accounts[0].accountSource": "LOCAL", "accounts[0].roles[0]": "9999" },
    });
    expect(r.status).toBe(400);
    expect(r.body.errors?.fieldErrors).toEqual([{ code: "Invalid", field: "accounts[0].roles[0]", message: "Unknown role id 9999" }]);
    expect(c.state().accounts).toHaveLength(1);
  });

  it("replaces the roles with PUT /api/v1/account/{accountId}/roles (form and JSON)", async () => {
    const a = await c.create({ emailAddress: "swap@acme.example" });
    const ise = c.roleId("Cisco ISE Operations");
    const um = c.roleId("User Management");
    const put = await c.call<ListWire<RoleWire>>("PUT", `/api/v1/account/${a.id}/roles`, { form: { "roles[0]": String(ise), "roles[1]": String(um) } });
    expect(put.status).toBe(200);
    expect(put.body.result.searchResults.map((x) => x.id)).toEqual([ise, um]);
    const json = await c.call<ListWire<RoleWire>>("PUT", `/api/v1/account/${a.id}/roles`, { json: { roles: [ise] } });
    expect(json.body.result).toMatchObject({ totalCount: 1, searchResults: [{ id: ise }] });
    const cleared = await c.call<ListWire<RoleWire>>("PUT", `/api/v1/account/${a.id}/roles`, { form: {} });
    expect(cleared.body.result.totalCount).toBe(0);
    const acct = await c.call<AccountWire>("GET", `/api/v1/account/${a.id}`);
    expect(acct.body.result.modifiedBy).toBe(10000);
  });

  it("validates the roles body, the role ids and the account", async () => {
    const a = await c.create({ emailAddress: "v@acme.example" });
    const missing = await c.call("PUT", `/api/v1/account/${a.id}/roles`, { json: {} });
    expect(missing.status).toBe(400);
    expect(missing.body.errors?.fieldErrors?.[0]).toMatchObject({ code: "NotNull", field: "roles" });
    const bad = await c.call("PUT", `/api/v1/account/${a.id}/roles`, { form: { "roles[0]": "abc" } });
    expect(bad.body.errors?.fieldErrors?.[0]).toMatchObject({ code: "typeMismatch", field: "roles[0]" });
    const unknown = await c.call("PUT", `/api/v1/account/${a.id}/roles`, { json: { roles: [1] } });
    expect(unknown.body.errors?.fieldErrors?.[0]).toMatchObject({ code: "Invalid", field: "roles[0]" });
    expect((await c.call("PUT", "/api/v1/account/5/roles", { json: { roles: [] } })).status).toBe(404);
    expect((await c.call("GET", "/api/v1/account/5/roles")).status).toBe(404);
  });

  it("does not let a caller assign a role it does not hold (403)", async () => {
    await c.createApiUser("um@acme.example", [c.roleId("User Management")]);
    const auth = { username: "um@acme.example", password: STRONG_PASSWORD };
    const r = await c.call("POST", "/api/v1/accounts", {
      auth,
      form: {
        "accounts[0].emailAddress": "x@acme.example",
        "accounts[0].accountSource": "LOCAL",
        "accounts[0].password": STRONG_PASSWORD,
        "accounts[0].apiUser": "true",
        "accounts[0].roles[0]": String(c.roleId("Cisco ISE Operations")),
      },
    });
    expect(r.status).toBe(403);
    expect(r.body.errors?.globalErrors?.[0]?.message).toContain("Cisco ISE Operations");
    expect(c.state().accounts.some((a) => a.uid === "x@acme.example")).toBe(false);
    // A role it does hold is fine.
    const ok = await c.call("POST", "/api/v1/accounts", {
      auth,
      form: { "accounts[0].emailAddress": "y@acme.example", "accounts[0].accountSource": "LOCAL", "accounts[0].roles[0]": String(c.roleId("User Management")) },
    });
    expect(ok.status).toBe(200);
  });

  it("keeps the super user's roles", async () => {
    const r = await c.call("PUT", "/api/v1/account/10000/roles", { json: { roles: [] } });
    expect(r.status).toBe(403);
    const roles = await c.call<ListWire<RoleWire>>("GET", "/api/v1/account/10000/roles");
    expect(roles.body.result.searchResults.some((x) => x.name === "Cisco ISE Operations")).toBe(true);
  });

  it("holds space-specific roles in the space named by dmPartitionId, and rejects an unknown space", async () => {
    c.state().partitions.push({ ...c.state().partitions[0]!, id: 100002, name: "Marketing Space", defaultPartition: false });
    const a = await c.create({ emailAddress: "sp@acme.example", password: STRONG_PASSWORD });
    const dev = c.roleId("Device Read Only");
    const r = await c.call<ListWire<RoleWire>>("PUT", `/api/v1/account/${a.id}/roles`, { query: { dmPartitionId: "100002" }, form: { "roles[0]": String(dev) } });
    expect(r.body.result.searchResults[0]).toMatchObject({ id: dev, dmPartitionId: 100002 });
    const auth = { username: "sp@acme.example", password: STRONG_PASSWORD };
    expect((await c.call("GET", "/api/v1/device", { auth, query: { dmPartitionId: "100002" } })).status).toBe(200);
    expect((await c.call("GET", "/api/v1/device", { auth, query: { dmPartitionId: "100001" } })).status).toBe(403);
    const unknown = await c.call("PUT", `/api/v1/account/${a.id}/roles`, { query: { dmPartitionId: "4" }, form: { "roles[0]": String(dev) } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors?.fieldErrors?.[0]).toMatchObject({ code: "Invalid", field: "dmPartitionId" });
  });
});

describe("GET /api/v1/metadata/tenant (documented Get Tenant Metadata)", () => {
  it("names the default device space as defaultDmPartitionId, in the envelope", async () => {
    const r = await c.call<{ defaultDmPartitionId: number; dmPermissionList: string[] }>("GET", "/api/v1/metadata/tenant");
    expect(r.status).toBe(200);
    expect(r.body.errors).toBeNull();
    expect(r.body.result.defaultDmPartitionId).toBe(100001);
    expect(r.body.result.dmPermissionList).toEqual(expect.arrayContaining(["device.read"]));
  });

  it("follows the space marked default", async () => {
    c.state().partitions[0]!.defaultPartition = false;
    c.state().partitions.push({ ...c.state().partitions[0]!, id: 100002, name: "Main", defaultPartition: true });
    expect((await c.call<{ defaultDmPartitionId: number }>("GET", "/api/v1/metadata/tenant")).body.result.defaultDmPartitionId).toBe(100002);
  });

  it("requires Tenant Admin credentials (documented)", async () => {
    expect((await c.call("GET", "/api/v1/metadata/tenant", { auth: null })).status).toBe(401);
    await c.createApiUser("ise-meta@acme.example", [c.roleId("Cisco ISE Operations")]);
    expect((await c.call("GET", "/api/v1/metadata/tenant", { auth: { username: "ise-meta@acme.example", password: STRONG_PASSWORD } })).status).toBe(403);
  });
});

describe("GET /api/v1/tenant/partition/device", () => {
  it("lists the seeded default space as {searchResults, totalCount, offset, limit}", async () => {
    const r = await c.call<ListWire<Space>>("GET", "/api/v1/tenant/partition/device", { query: { start: "0", rows: "1" } });
    expect(r.status).toBe(200);
    expect(r.body.errors).toBeNull();
    expect(Object.keys(r.body.result)).toEqual(["searchResults", "totalCount", "offset", "limit"]);
    expect(r.body.result).toMatchObject({ totalCount: 1, offset: 0, limit: 1 });
    expect(r.body.result.searchResults[0]).toMatchObject({ id: 100001, name: "Default Space", defaultPartition: true });
    expect(r.body.result.searchResults[0]?.createdAt).toBeTypeOf("number");
    const dflt = await c.call<ListWire<Space>>("GET", "/api/v1/tenant/partition/device");
    expect(dflt.body.result.limit).toBe(50);
  });

  it("needs valid credentials, not Tenant Admin; rows above 500 is a 400", async () => {
    expect((await c.call("GET", "/api/v1/tenant/partition/device", { auth: null })).status).toBe(401);
    await c.createApiUser("ise@acme.example", [c.roleId("Cisco ISE Operations")]);
    expect((await c.call("GET", "/api/v1/tenant/partition/device", { auth: { username: "ise@acme.example", password: STRONG_PASSWORD } })).status).toBe(200);
    const r = await c.call("GET", "/api/v1/tenant/partition/device", { query: { rows: "501" } });
    expect(r.status).toBe(400);
    expect(r.body.errors?.fieldErrors?.[0]).toEqual({ code: "Range", message: "must be between 1 and 500", field: "rows" });
  });
});

describe("GET /api/v1/device (proves an API user's credentials)", () => {
  it("answers an API user holding Cisco ISE Operations, and 403 to one without a device role", async () => {
    await c.createApiUser("ise@acme.example", [c.roleId("Cisco ISE Operations")]);
    await c.createApiUser("none@acme.example", []);
    const ok = await c.call<ListWire<unknown>>("GET", "/api/v1/device", { auth: { username: "ise@acme.example", password: STRONG_PASSWORD }, query: { dmPartitionId: "100001", rows: "50", start: "0" } });
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ errors: null, result: { totalCount: 0, queryTime: 0, searchResults: [] } });
    const denied = await c.call("GET", "/api/v1/device", { auth: { username: "none@acme.example", password: STRONG_PASSWORD }, query: { dmPartitionId: "100001" } });
    expect(denied.status).toBe(403);
    expect(denied.body.errors?.globalErrors?.[0]?.code).toBe("Forbidden");
  });

  it("requires a known dmPartitionId", async () => {
    const missing = await c.call("GET", "/api/v1/device");
    expect(missing.status).toBe(400);
    expect(missing.body.errors?.fieldErrors).toEqual([{ code: "NotNull", field: "dmPartitionId", message: "must not be null" }]);
    const unknown = await c.call("GET", "/api/v1/device", { query: { dmPartitionId: "1" } });
    expect(unknown.body.errors?.fieldErrors?.[0]).toMatchObject({ code: "Invalid", field: "dmPartitionId" });
  });
});

describe("seeded with the other spelling of the ISE role (createIvanti seed option)", () => {
  let other: Harness;
  beforeAll(async () => {
    other = await startHarness({ iseRoleName: "API Management Cisco ISE Operations" });
  });
  afterAll(() => other.sandbox.close());

  it("lists and assigns the role under that name", async () => {
    const r = await other.call<ListWire<RoleWire>>("GET", "/api/v1/roles");
    const ise = r.body.result.searchResults.filter((x) => x.key === "CISCO_ISE_OPERATIONS");
    expect(ise.map((x) => x.name)).toEqual(["API Management Cisco ISE Operations"]);
    const a = await other.createApiUser("ise@acme.example", [ise[0]!.id]);
    const held = await other.call<ListWire<RoleWire>>("GET", `/api/v1/account/${a.id}/roles`);
    expect(held.body.result.searchResults.map((x) => x.name)).toEqual(["API Management Cisco ISE Operations"]);
  });
});
