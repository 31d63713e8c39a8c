// Contract: the `/list` search grammar on users (v1, v2) and roles, and role reads.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GENERATIONS, newUser, startHarness, uniqueName, type Harness } from "./test-helpers.js";

// Every contract below holds for both generations (paths go out on the generation's version).
describe.each(GENERATIONS)("%s Control Room", (generation) => {
  let h: Harness;
  let token: string;
  let stem: string;
  /** Three users sharing `stem`, in creation order (ids ascending). */
  const mine: Record<string, unknown>[] = [];

  beforeAll(async () => {
    h = await startHarness(generation);
    token = await h.adminToken();
    stem = uniqueName("lst");
    for (const [suffix, extra] of [
      ["charlie", { disabled: true }],
      ["alpha", {}],
      ["bravo", { roles: [{ id: 26 }] }],
    ] as const) {
      const r = await h.call("POST", "/v1/usermanagement/users", newUser({ username: `${stem}-${suffix}`, ...extra }), token);
      mine.push(r.body);
      await h.control("POST", "/_sandbox/clock", { advanceSeconds: 10 });
    }
  });
  afterAll(async () => {
    await h.sandbox.close();
  });

  const list = (body: unknown, path = "/v1/usermanagement/users/list") => h.call("POST", path, body, token);
  const names = (r: { body: Record<string, unknown> }) => (r.body.list as { username: string }[]).map((u) => u.username);
  const bySubstring = { operator: "substring", field: "username", value: "" };

  describe("POST /v1/usermanagement/users/list", () => {
    it("returns {page: {offset, total, totalFilter}, list} with full user objects, id descending by default", async () => {
      const r = await list({ fields: [], filter: { ...bySubstring, value: stem }, page: { offset: 0, length: 200 } });
      expect(r.status).toBe(200);
      expect(Object.keys(r.body).sort()).toEqual(["list", "page"]);
      expect(r.body.page).toEqual({ offset: 0, total: 4, totalFilter: 3 });
      expect(names(r)).toEqual([`${stem}-bravo`, `${stem}-alpha`, `${stem}-charlie`]);
      expect((r.body.list as Record<string, unknown>[])[2]).toEqual(mine[0]);
    });

    it("an empty body or an empty filter lists everyone", async () => {
      for (const body of [undefined, {}, { filter: {} }, { filter: { operator: "NONE" } }]) {
        const r = await list(body);
        expect(r.status).toBe(200);
        expect(r.body.page).toEqual({ offset: 0, total: 4, totalFilter: 4 });
        expect((r.body.list as unknown[]).length).toBe(4);
      }
    });

    it("eq on username is exact but case-insensitive (the by-name lookup)", async () => {
      const r = await list({ filter: { operator: "eq", field: "username", value: `${stem}-ALPHA` } });
      expect(names(r)).toEqual([`${stem}-alpha`]);
      expect((await list({ filter: { operator: "eq", field: "username", value: `${stem}-alp` } })).body.list).toEqual([]);
    });

    it("and / or / not / ne / booleans / numbers / timestamps", async () => {
      const sub = { ...bySubstring, value: stem };
      const and = await list({ filter: { operator: "and", operands: [sub, { operator: "eq", field: "disabled", value: "true" }] } });
      expect(names(and)).toEqual([`${stem}-charlie`]);
      const or = await list({
        filter: { operator: "or", operands: [{ operator: "eq", field: "username", value: `${stem}-alpha` }, { operator: "eq", field: "username", value: `${stem}-bravo` }] },
      });
      expect(names(or).sort()).toEqual([`${stem}-alpha`, `${stem}-bravo`]);
      const not = await list({ filter: { operator: "and", operands: [sub, { operator: "not", operands: [{ operator: "eq", field: "disabled", value: true }] }] } });
      expect(names(not).sort()).toEqual([`${stem}-alpha`, `${stem}-bravo`]);
      const ne = await list({ filter: { operator: "and", operands: [sub, { operator: "ne", field: "username", value: `${stem}-alpha` }] } });
      expect(names(ne).sort()).toEqual([`${stem}-bravo`, `${stem}-charlie`]);
      const ids = await list({ filter: { operator: "and", operands: [sub, { operator: "ge", field: "id", value: String(mine[1]!.id) }] } });
      expect(names(ids).sort()).toEqual([`${stem}-alpha`, `${stem}-bravo`]);
      const lt = await list({ filter: { operator: "lt", field: "id", value: 2 } });
      expect(names(lt)).toEqual([h.admin.username]);
      const after = await list({ filter: { operator: "and", operands: [sub, { operator: "gt", field: "createdOn", value: String(mine[0]!.createdOn) }] } });
      expect(names(after).sort()).toEqual([`${stem}-alpha`, `${stem}-bravo`]);
      const le = await list({ filter: { operator: "and", operands: [sub, { operator: "le", field: "createdOn", value: String(mine[1]!.createdOn) }] } });
      expect(names(le).sort()).toEqual([`${stem}-alpha`, `${stem}-charlie`]);
    });

    it("sorts by any scalar field, asc or desc, with several keys", async () => {
      const asc = await list({ filter: { ...bySubstring, value: stem }, sort: [{ field: "username", direction: "asc" }] });
      expect(names(asc)).toEqual([`${stem}-alpha`, `${stem}-bravo`, `${stem}-charlie`]);
      const multi = await list({ filter: { ...bySubstring, value: stem }, sort: [{ field: "disabled", direction: "desc" }, { field: "username", direction: "desc" }] });
      expect(names(multi)).toEqual([`${stem}-charlie`, `${stem}-bravo`, `${stem}-alpha`]);
    });

    it("pages with offset and length; totals ignore the page", async () => {
      const base = { filter: { ...bySubstring, value: stem }, sort: [{ field: "username", direction: "asc" }] };
      const p1 = await list({ ...base, page: { offset: 0, length: 2 } });
      expect(names(p1)).toEqual([`${stem}-alpha`, `${stem}-bravo`]);
      expect(p1.body.page).toEqual({ offset: 0, total: 4, totalFilter: 3 });
      const p2 = await list({ ...base, page: { offset: 2, length: 2, total: 99, totalFilter: 99 } });
      expect(names(p2)).toEqual([`${stem}-charlie`]);
      expect(p2.body.page).toEqual({ offset: 2, total: 4, totalFilter: 3 });
      const past = await list({ ...base, page: { offset: 10, length: 2 } });
      expect(past.body.list).toEqual([]);
    });

    it("default page length is 100", async () => {
      for (let i = 0; i < 100; i++) {
        await h.call("POST", "/v1/usermanagement/users", newUser({ username: `${stem}-bulk-${String(i).padStart(3, "0")}` }), token);
      }
      const r = await list({ filter: { ...bySubstring, value: stem } });
      expect((r.body.list as unknown[]).length).toBe(100);
      expect((r.body.page as { totalFilter: number }).totalFilter).toBe(103);
      const rest = await list({ filter: { ...bySubstring, value: stem }, page: { offset: 100, length: 100 } });
      expect((rest.body.list as unknown[]).length).toBe(3);
    });

    it("a non-empty fields list projects each user", async () => {
      const r = await list({ fields: ["id", "username"], filter: { operator: "eq", field: "username", value: `${stem}-alpha` } });
      expect(r.body.list).toEqual([{ id: mine[1]!.id, username: `${stem}-alpha` }]);
    });

    it("400 with the vendor error body for a malformed request", async () => {
      const bad = [
        { filter: { operator: "like", field: "username", value: "x" } },
        { filter: { operator: "eq", field: "nosuchfield", value: "x" } },
        { filter: { operator: "and" } },
        { filter: { operator: "eq", field: "id", value: "abc" } },
        { filter: { operator: "gt", field: "createdOn", value: "yesterday" } },
        { sort: [{ field: "roles", direction: "asc" }] },
        { sort: [{ field: "username", direction: "up" }] },
        { page: { offset: -1, length: 10 } },
        "not json",
      ];
      for (const body of bad) {
        const r = await list(body);
        expect(r.status, JSON.stringify(body)).toBe(400);
        expect(Object.keys(r.body).sort()).toEqual(["code", "details", "message"]);
      }
    });

    it("is served under /v2 with the same semantics", async () => {
      const body = { filter: { ...bySubstring, value: `${stem}-a` } };
      const v2 = await list(body, "/v2/usermanagement/users/list");
      expect(v2.status).toBe(200);
      expect(v2.body).toEqual((await list(body)).body);
      expect(names(v2)).toEqual([`${stem}-alpha`]);
    });

    it("401 without a token", async () => {
      expect((await h.call("POST", "/v1/usermanagement/users/list", {})).status).toBe(401);
    });
  });

  describe("POST /v1/usermanagement/roles/list", () => {
    it("lists the seeded roles with the documented fields; resolves a role name to its id", async () => {
      const r = await h.call("POST", "/v1/usermanagement/roles/list", { sort: [{ field: "name", direction: "asc" }], filter: {}, fields: [], page: { offset: 0, length: 200 } }, token);
      expect(r.status).toBe(200);
      expect(r.body.page).toEqual({ offset: 0, total: 5, totalFilter: 5 });
      const roles = r.body.list as Record<string, unknown>[];
      expect(roles.map((x) => x.name)).toEqual(["AAE_Admin", "AAE_Basic", "Bot_Creator", "Bot_Runner", "Device_admin"]);
      expect(Object.keys(roles[0]!).sort()).toEqual(
        ["id", "name", "description", "countPrincipals", "version", "createdBy", "createdOn", "updatedBy", "updatedOn", "systemRole"].sort(),
      );
      expect(roles.find((x) => x.name === "AAE_Basic")).toMatchObject({ id: 2, systemRole: true });
      expect(roles.find((x) => x.name === "AAE_Admin")).toMatchObject({ id: 1, systemRole: true, countPrincipals: 1 });
      expect(roles.find((x) => x.name === "Bot_Runner")).toMatchObject({ id: 26, systemRole: false, countPrincipals: 1 });

      const byName = await h.call("POST", "/v1/usermanagement/roles/list", { filter: { operator: "eq", field: "name", value: "aae_basic" } }, token);
      expect(byName.body.list).toHaveLength(1);
      expect((byName.body.list as { id: number }[])[0]!.id).toBe(2);
    });

    it("default order is id descending; 401 without a token", async () => {
      const r = await h.call("POST", "/v1/usermanagement/roles/list", {}, token);
      expect((r.body.list as { id: number }[]).map((x) => x.id)).toEqual([169, 26, 24, 2, 1]);
      expect((await h.call("POST", "/v1/usermanagement/roles/list", {})).status).toBe(401);
    });
  });

  describe("GET /v1/usermanagement/roles/{id}", () => {
    it("200 for a known role, 404 for an unknown one", async () => {
      const r = await h.call("GET", "/v1/usermanagement/roles/2", undefined, token);
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ id: 2, name: "AAE_Basic", systemRole: true });
      const missing = await h.call("GET", "/v1/usermanagement/roles/4242", undefined, token);
      expect(missing.status).toBe(404);
      expect(missing.body.code).toBe("usermanagement.role.notfound");
    });
  });
});
