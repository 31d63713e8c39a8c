// Contract: the RobotAccount endpoints of UiPath Identity.
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { SEED_GROUP_IDS } from "./state.js";
import { api, getToken, GUID, startHarness, type Harness } from "./test-helpers.js";

let h: Harness;
let token: string;
beforeAll(async () => {
  h = await startHarness();
  token = await getToken(h);
});
afterAll(async () => {
  await h.sandbox.close();
});

type Robot = { id: string; name: string; displayName: string | null; creationTime: string; lastLoginTime: string | null; groupIds: string[] };
type Problem = { type: string; title: string; status: number; traceId: string; detail?: string; errors?: Record<string, string[]> };

const WITH_Z = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{7}Z$/;
const NO_Z = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{7}$/;

async function createRobot(body: Record<string, unknown>, withOrg = true) {
  return api(h, "POST", "/RobotAccount", { token, withOrg, body: { partitionGlobalId: h.partitionGlobalId, ...body } });
}

function expectValidation(r: { status: number; body: unknown; headers: Headers }, field: string, message?: RegExp | string) {
  expect(r.status).toBe(400);
  expect(r.headers.get("content-type")).toMatch(/application\/problem\+json/);
  const p = r.body as Problem;
  expect(p.type).toBe("https://tools.ietf.org/html/rfc7231#section-6.5.1");
  expect(p.title).toBe("One or more validation errors occurred.");
  expect(p.status).toBe(400);
  expect(p.traceId).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-00$/);
  expect(Object.keys(p.errors ?? {})).toContain(field);
  if (message !== undefined) {
    const msgs = p.errors?.[field] ?? [];
    expect(msgs.some((m) => (typeof message === "string" ? m === message : message.test(m)))).toBe(true);
  }
}

function expectProblem(r: { status: number; body: unknown }, status: number, title: string) {
  expect(r.status).toBe(status);
  const p = r.body as Problem;
  expect(p.status).toBe(status);
  expect(p.title).toBe(title);
  expect(typeof p.detail).toBe("string");
}

describe("POST /identity_/api/RobotAccount", () => {
  it("creates a robot account: 201 RobotAccountDto with a server-assigned GUID", async () => {
    const r = await createRobot({ name: "Roby", displayName: "Roby the robot", groupIDsToAdd: [SEED_GROUP_IDS.robots, SEED_GROUP_IDS.automationUsers] });
    expect(r.status).toBe(201);
    const robot = r.body as Robot;
    expect(Object.keys(robot).sort()).toEqual(["creationTime", "displayName", "groupIds", "id", "lastLoginTime", "name"]);
    expect(robot.id).toMatch(GUID);
    expect(robot.name).toBe("Roby");
    expect(robot.displayName).toBe("Roby the robot");
    expect(robot.lastLoginTime).toBeNull();
    expect(robot.groupIds).toEqual([SEED_GROUP_IDS.robots, SEED_GROUP_IDS.automationUsers]);
    // The documented create example carries 7 fractional digits and a Z.
    expect(robot.creationTime).toMatch(WITH_Z);
  });

  it("serves the org-less base URL too, ignores a client-sent id and defaults displayName to the name", async () => {
    const clientId = "11111111-2222-3333-4444-555555555555";
    const r = await createRobot({ id: clientId, name: "no-org-robot", groupIDsToRemove: [SEED_GROUP_IDS.robots] }, false);
    expect(r.status).toBe(201);
    const robot = r.body as Robot;
    expect(robot.id).not.toBe(clientId);
    expect(robot.displayName).toBe("no-org-robot");
    expect(robot.groupIds).toEqual([]);
  });

  it("rejects a duplicate name, case-insensitively, with 409 ProblemDetails", async () => {
    expect((await createRobot({ name: "dup-robot" })).status).toBe(201);
    const again = await createRobot({ name: "DUP-Robot" });
    expectProblem(again, 409, "Conflict");
    expect((again.body as Problem).detail).toContain("DUP-Robot");
  });

  it("requires a name", async () => {
    expectValidation(await createRobot({}), "name", "The name field is required.");
    expectValidation(await createRobot({ name: "   " }), "name", "The name field is required.");
    expectValidation(await createRobot({ name: 42 }), "name", "The value '42' is not valid.");
  });

  it("rejects names with spaces, '@', non-ASCII characters or over 64 characters (INFERRED rules)", async () => {
    for (const name of ["has space", "robot@corp", "rôbot", "r".repeat(65)]) {
      expectValidation(await createRobot({ name }), "name");
    }
    expect((await createRobot({ name: "r".repeat(64) })).status).toBe(201);
  });

  it("validates partitionGlobalId: required, a GUID, an existing organization", async () => {
    const noPartition = await api(h, "POST", "/RobotAccount", { token, body: { name: "x1" } });
    expectValidation(noPartition, "partitionGlobalId", "The partitionGlobalId field is required.");
    const bad = await api(h, "POST", "/RobotAccount", { token, body: { partitionGlobalId: "DatacomGroup", name: "x2" } });
    expectValidation(bad, "partitionGlobalId", "The value 'DatacomGroup' is not valid.");
    const unknown = await api(h, "POST", "/RobotAccount", { token, body: { partitionGlobalId: "99999999-9999-4999-8999-999999999999", name: "x3" } });
    expectProblem(unknown, 404, "Not Found");
  });

  it("answers 403 for an organization the token does not belong to (INFERRED)", async () => {
    // A second organization exists in the sandbox, but the seeded application belongs to the first.
    const other = "77777777-7777-4777-8777-777777777777";
    const state = h.sandbox.store.vendor("uipath") as { organizations: { name: string; partitionGlobalId: string }[] };
    state.organizations.push({ name: "other-org", partitionGlobalId: other });
    const r = await api(h, "POST", "/RobotAccount", { token, body: { partitionGlobalId: other, name: "x4" } });
    expect(r.status).toBe(403);
    expect((await api(h, "GET", `/RobotAccount/${other}`, { token })).status).toBe(403);
  });

  it("validates groupIDsToAdd: GUIDs of groups of the partition", async () => {
    expectValidation(await createRobot({ name: "g1", groupIDsToAdd: ["not-a-guid"] }), "groupIDsToAdd[0]", "The value 'not-a-guid' is not valid.");
    const unknownGroup = "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee";
    expectValidation(await createRobot({ name: "g2", groupIDsToAdd: [unknownGroup] }), "groupIDsToAdd", `Group '${unknownGroup}' does not exist.`);
    // Nothing was created by the failed calls.
    const list = await api(h, "GET", `/RobotAccount/${h.partitionGlobalId}?searchTerm=g`, { token });
    expect((list.body as { results: Robot[] }).results.map((r) => r.name)).not.toContain("g2");
  });

  it("needs a JSON body (415 without JSON content type, 400 when empty or not an object)", async () => {
    const text = await api(h, "POST", "/RobotAccount", { token, body: "name=x", headers: { "content-type": "text/plain" } });
    expectProblem({ status: text.status, body: { ...(text.body as Problem), detail: "" } }, 415, "Unsupported Media Type");
    const empty = await fetch(`${h.base}/identity_/api/RobotAccount`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    });
    expect(empty.status).toBe(400);
    expect(((await empty.json()) as Problem).errors).toEqual({ "": ["A non-empty request body is required."] });
    expectValidation(await api(h, "POST", "/RobotAccount", { token, body: "[1,2]" }), "$");
  });

  it("answers an unknown organization in the path with 404", async () => {
    const res = await fetch(`${h.base}/no-such-org/identity_/api/RobotAccount`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ partitionGlobalId: h.partitionGlobalId, name: "lost" }),
    });
    expect(res.status).toBe(404);
    expect(((await res.json()) as Problem).title).toBe("Not Found");
  });
});

describe("GET /identity_/api/RobotAccount/{partitionGlobalId}/{robotAccountId}", () => {
  it("returns the robot account; reads carry no Z on creationTime", async () => {
    const created = (await createRobot({ name: "get-me", groupIDsToAdd: [SEED_GROUP_IDS.everyone] })).body as Robot;
    for (const withOrg of [true, false]) {
      const r = await api(h, "GET", `/RobotAccount/${h.partitionGlobalId}/${created.id}`, { token, withOrg });
      expect(r.status).toBe(200);
      const robot = r.body as Robot;
      expect(robot).toEqual({ ...created, creationTime: created.creationTime.slice(0, -1) });
      expect(robot.creationTime).toMatch(NO_Z);
    }
  });

  it("accepts an upper-case GUID", async () => {
    const created = (await createRobot({ name: "upper-guid" })).body as Robot;
    const r = await api(h, "GET", `/RobotAccount/${h.partitionGlobalId.toUpperCase()}/${created.id.toUpperCase()}`, { token });
    expect(r.status).toBe(200);
    expect((r.body as Robot).id).toBe(created.id);
  });

  it("answers an unknown id with 404 ProblemDetails and a non-GUID id with 400", async () => {
    const unknown = await api(h, "GET", `/RobotAccount/${h.partitionGlobalId}/12345678-1234-4234-8234-123456789012`, { token });
    expectProblem(unknown, 404, "Not Found");
    expectValidation(await api(h, "GET", `/RobotAccount/${h.partitionGlobalId}/rb-12`, { token }), "robotAccountId", "The value 'rb-12' is not valid.");
  });
});

describe("GET /identity_/api/RobotAccount/{partitionGlobalId} (paged list)", () => {
  beforeAll(async () => {
    for (let i = 0; i < 12; i++) {
      const n = String(i).padStart(2, "0");
      expect((await createRobot({ name: `page-${n}`, displayName: `Pager ${11 - i}` })).status).toBe(201);
    }
  });

  it("returns {totalCount, results} with 10 results by default", async () => {
    const r = await api(h, "GET", `/RobotAccount/${h.partitionGlobalId}?searchTerm=page-`, { token });
    expect(r.status).toBe(200);
    const body = r.body as { totalCount: number; results: Robot[] };
    expect(Object.keys(body).sort()).toEqual(["results", "totalCount"]);
    expect(body.totalCount).toBe(12);
    expect(body.results).toHaveLength(10);
    expect(body.results[0]!.creationTime).toMatch(NO_Z);
  });

  it("pages with top and skip", async () => {
    const names: string[] = [];
    for (let skip = 0; skip < 12; skip += 5) {
      const r = await api(h, "GET", `/RobotAccount/${h.partitionGlobalId}?searchTerm=page-&top=5&skip=${skip}&sortBy=name`, { token });
      const body = r.body as { totalCount: number; results: Robot[] };
      expect(body.totalCount).toBe(12);
      names.push(...body.results.map((x) => x.name));
    }
    expect(names).toEqual(Array.from({ length: 12 }, (_, i) => `page-${String(i).padStart(2, "0")}`));
    const none = await api(h, "GET", `/RobotAccount/${h.partitionGlobalId}?searchTerm=page-&top=0`, { token });
    expect(none.body).toEqual({ totalCount: 12, results: [] });
  });

  it("sorts by a field in either order", async () => {
    const desc = await api(h, "GET", `/RobotAccount/${h.partitionGlobalId}?searchTerm=page-&top=3&sortBy=name&sortOrder=desc`, { token });
    expect((desc.body as { results: Robot[] }).results.map((x) => x.name)).toEqual(["page-11", "page-10", "page-09"]);
    const byDisplay = await api(h, "GET", `/RobotAccount/${h.partitionGlobalId}?searchTerm=page-&top=2&sortBy=displayName&sortOrder=asc`, { token });
    expect((byDisplay.body as { results: Robot[] }).results.map((x) => x.displayName)).toEqual(["Pager 0", "Pager 1"]);
  });

  it("searches name and display name, case-insensitively", async () => {
    const byName = await api(h, "GET", `/RobotAccount/${h.partitionGlobalId}?searchTerm=PAGE-07`, { token });
    expect((byName.body as { results: Robot[] }).results.map((x) => x.name)).toEqual(["page-07"]);
    const byDisplay = await api(h, "GET", `/RobotAccount/${h.partitionGlobalId}?searchTerm=pager 11`, { token });
    expect((byDisplay.body as { results: Robot[] }).results.map((x) => x.name)).toEqual(["page-00"]);
  });

  it("rejects top over 1000, a negative skip and an unknown sortOrder with 400", async () => {
    expectValidation(await api(h, "GET", `/RobotAccount/${h.partitionGlobalId}?top=1001`, { token }), "top");
    expectValidation(await api(h, "GET", `/RobotAccount/${h.partitionGlobalId}?skip=-1`, { token }), "skip");
    expectValidation(await api(h, "GET", `/RobotAccount/${h.partitionGlobalId}?sortOrder=up`, { token }), "sortOrder");
  });

  it("rejects a non-GUID partition with 400 and an unknown one with 404", async () => {
    expectValidation(await api(h, "GET", "/RobotAccount/DatacomGroup", { token }), "partitionGlobalId", "The value 'DatacomGroup' is not valid.");
    expectProblem(await api(h, "GET", "/RobotAccount/99999999-9999-4999-8999-999999999999", { token }), 404, "Not Found");
  });
});

describe("PUT /identity_/api/RobotAccount/{robotAccountId}", () => {
  it("changes displayName and applies group deltas; the name cannot change", async () => {
    const created = (await createRobot({ name: "upd-robot", groupIDsToAdd: [SEED_GROUP_IDS.robots, SEED_GROUP_IDS.everyone] })).body as Robot;
    const r = await api(h, "PUT", `/RobotAccount/${created.id}`, {
      token,
      body: {
        partitionGlobalId: h.partitionGlobalId,
        name: "renamed-robot",
        displayName: "Updated",
        groupIDsToAdd: [SEED_GROUP_IDS.automationUsers],
        groupIDsToRemove: [SEED_GROUP_IDS.everyone],
      },
    });
    expect(r.status).toBe(200);
    const robot = r.body as Robot;
    expect(robot.name).toBe("upd-robot");
    expect(robot.displayName).toBe("Updated");
    expect(robot.groupIds).toEqual([SEED_GROUP_IDS.robots, SEED_GROUP_IDS.automationUsers]);
    expect(robot.creationTime).toMatch(NO_Z);
    const read = await api(h, "GET", `/RobotAccount/${h.partitionGlobalId}/${created.id}`, { token });
    expect(read.body).toEqual(robot);
  });

  it("leaves displayName and groups alone when they are not sent; removing a non-member is a no-op", async () => {
    const created = (await createRobot({ name: "upd-keep", displayName: "Keep", groupIDsToAdd: [SEED_GROUP_IDS.robots] })).body as Robot;
    const r = await api(h, "PUT", `/RobotAccount/${created.id}`, {
      token,
      body: { partitionGlobalId: h.partitionGlobalId, groupIDsToRemove: [SEED_GROUP_IDS.administrators] },
    });
    expect(r.status).toBe(200);
    expect((r.body as Robot).displayName).toBe("Keep");
    expect((r.body as Robot).groupIds).toEqual([SEED_GROUP_IDS.robots]);
  });

  it("answers an unknown id with 404 and validates the command", async () => {
    const unknown = await api(h, "PUT", "/RobotAccount/12345678-1234-4234-8234-123456789012", { token, body: { partitionGlobalId: h.partitionGlobalId, displayName: "x" } });
    expectProblem(unknown, 404, "Not Found");
    const created = (await createRobot({ name: "upd-bad" })).body as Robot;
    const noPartition = await api(h, "PUT", `/RobotAccount/${created.id}`, { token, body: { displayName: "x" } });
    expectValidation(noPartition, "partitionGlobalId");
    const badGroup = await api(h, "PUT", `/RobotAccount/${created.id}`, {
      token,
      body: { partitionGlobalId: h.partitionGlobalId, groupIDsToAdd: ["aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee"] },
    });
    expectValidation(badGroup, "groupIDsToAdd");
    expectValidation(await api(h, "PUT", "/RobotAccount/rb-12", { token, body: { partitionGlobalId: h.partitionGlobalId } }), "robotAccountId");
  });
});

describe("DELETE robot accounts", () => {
  it("deletes one: 204, then 404 on read and on a second delete", async () => {
    const created = (await createRobot({ name: "del-me", groupIDsToAdd: [SEED_GROUP_IDS.robots] })).body as Robot;
    const path = `/RobotAccount/${h.partitionGlobalId}/${created.id}`;
    const del = await api(h, "DELETE", path, { token });
    expect(del.status).toBe(204);
    expect(del.text).toBe("");
    expectProblem(await api(h, "GET", path, { token }), 404, "Not Found");
    expectProblem(await api(h, "DELETE", path, { token }), 404, "Not Found");
    // It left the group too.
    const group = await api(h, "GET", `/Group/${h.partitionGlobalId}/${SEED_GROUP_IDS.robots}`, { token });
    expect((group.body as { members: { identifier: string }[] }).members.map((m) => m.identifier)).not.toContain(created.id);
  });

  it("bulk-deletes by robotAccountIDs with 204, skipping unknown ids", async () => {
    const a = (await createRobot({ name: "bulk-a" })).body as Robot;
    const b = (await createRobot({ name: "bulk-b" })).body as Robot;
    const c = (await createRobot({ name: "bulk-c" })).body as Robot;
    const r = await api(h, "DELETE", `/RobotAccount/${h.partitionGlobalId}`, {
      token,
      body: { robotAccountIDs: [a.id, b.id, "12345678-1234-4234-8234-123456789012"] },
    });
    expect(r.status).toBe(204);
    const left = await api(h, "GET", `/RobotAccount/${h.partitionGlobalId}?searchTerm=bulk-`, { token });
    expect((left.body as { results: Robot[] }).results.map((x) => x.id)).toEqual([c.id]);
    expectValidation(await api(h, "DELETE", `/RobotAccount/${h.partitionGlobalId}`, { token, body: { robotAccountIDs: ["nope"] } }), "robotAccountIDs[0]");
  });
});
