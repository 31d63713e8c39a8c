// The emulated Example API against its CONTRACT.md: the key on every call, the token only in the
// create answer, unique names, a name that cannot change, and 404 for what is gone.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, startHarness, type Harness } from "./test-helpers.js";

let sb: Harness;
beforeAll(async () => {
  sb = await startHarness();
});
afterAll(() => sb.close());

describe("Example API v1 (emulated)", () => {
  it("refuses a call without the API key or with another one", async () => {
    expect(await call(sb, "GET", "/service-accounts", { key: null })).toEqual({ status: 401, body: { error: "The API key is missing or wrong." } });
    expect((await call(sb, "GET", "/groups", { key: "not-the-key" })).status).toBe(401);
  });

  it("creates with a token shown once, refuses the name again, updates all but the name, deletes", async () => {
    const made = await call(sb, "POST", "/service-accounts", { body: { name: "ci", description: "builds", groupId: "grp-ops", createdBy: "mark" } });
    expect(made.status).toBe(201);
    const account = made.body as { id: string; token: string };
    expect(made.body).toMatchObject({ name: "ci", description: "builds", groupId: "grp-ops", createdBy: "mark" });
    expect(account.token).toMatch(/^ex_\w{32}$/);
    const read = await call(sb, "GET", `/service-accounts/${account.id}`);
    expect(read.status).toBe(200);
    expect(read.body).not.toHaveProperty("token");

    expect((await call(sb, "POST", "/service-accounts", { body: { name: "ci" } })).status).toBe(409);
    expect((await call(sb, "POST", "/service-accounts", { body: { name: "other", groupId: "grp-none" } })).status).toBe(400);
    expect((await call(sb, "PATCH", `/service-accounts/${account.id}`, { body: { name: "renamed" } })).status).toBe(400);
    const patched = await call(sb, "PATCH", `/service-accounts/${account.id}`, { body: { description: "", groupId: null } });
    expect(patched.body).toMatchObject({ id: account.id, name: "ci", description: "", groupId: null });

    expect((await call(sb, "DELETE", `/service-accounts/${account.id}`)).status).toBe(204);
    expect((await call(sb, "DELETE", `/service-accounts/${account.id}`)).status).toBe(404);
    expect((await call(sb, "GET", `/service-accounts/${account.id}`)).status).toBe(404);
    expect((await call(sb, "GET", "/service-accounts")).body).toEqual([]);
  });

  it("lists the seeded groups", async () => {
    expect(await call(sb, "GET", "/groups")).toEqual({ status: 200, body: [{ id: "grp-ops", name: "Operations" }, { id: "grp-reports", name: "Reports" }] });
  });
});
