// Contract: the Group endpoints of UiPath Identity, and robot membership seen from the group side.
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

type Member = { objectType: string; source: string; identifier: string; name: string; email: string | null; displayName: string | null };
type Group = { id: string; name: string; displayName: string; type: string; creationTime: string; lastModificationTime: string | null; members: Member[] };
type Problem = { status: number; title: string; errors?: Record<string, string[]> };

const groupPath = (id = "") => `/Group/${h.partitionGlobalId}${id ? `/${id}` : ""}`;

describe("GET /identity_/api/Group/{partitionGlobalId}", () => {
  it("returns a plain array of the seeded built-in and custom groups", async () => {
    const r = await api(h, "GET", groupPath(), { token });
    expect(r.status).toBe(200);
    const groups = r.body as Group[];
    expect(Array.isArray(groups)).toBe(true);
    expect(groups.map((g) => [g.name, g.type])).toEqual([
      ["Administrators", "builtIn"],
      ["Automation Users", "builtIn"],
      ["Everyone", "builtIn"],
      ["Citizen Developers", "builtIn"],
      ["Robots", "custom"],
    ]);
    for (const g of groups) {
      expect(Object.keys(g).sort()).toEqual(["creationTime", "displayName", "id", "lastModificationTime", "members", "name", "type"]);
      expect(g.id).toMatch(GUID);
      expect(g.creationTime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{7}$/);
    }
  });

  it("works without the organization segment and rejects bad partitions", async () => {
    expect((await api(h, "GET", groupPath(), { token, withOrg: false })).status).toBe(200);
    const bad = await api(h, "GET", "/Group/DatacomGroup", { token });
    expect(bad.status).toBe(400);
    expect((bad.body as Problem).errors).toEqual({ partitionGlobalId: ["The value 'DatacomGroup' is not valid."] });
    expect((await api(h, "GET", "/Group/99999999-9999-4999-8999-999999999999", { token })).status).toBe(404);
  });
});

describe("GET /identity_/api/Group/{partitionGlobalId}/{groupId}", () => {
  it("returns one group, 404 for an unknown id, 400 for a non-GUID id", async () => {
    const r = await api(h, "GET", groupPath(SEED_GROUP_IDS.everyone), { token });
    expect(r.status).toBe(200);
    expect((r.body as Group).name).toBe("Everyone");
    const missing = await api(h, "GET", groupPath("12345678-1234-4234-8234-123456789012"), { token });
    expect(missing.status).toBe(404);
    expect((missing.body as Problem).title).toBe("Not Found");
    expect((await api(h, "GET", groupPath("gryff-01"), { token })).status).toBe(400);
  });

  it("lists robot accounts that are members as DirectoryRobotUser entities", async () => {
    const created = await api(h, "POST", "/RobotAccount", {
      token,
      body: { partitionGlobalId: h.partitionGlobalId, name: "member-bot", displayName: "Member", groupIDsToAdd: [SEED_GROUP_IDS.robots] },
    });
    const robotId = (created.body as { id: string }).id;
    const g = (await api(h, "GET", groupPath(SEED_GROUP_IDS.robots), { token })).body as Group;
    expect(g.members).toContainEqual({ objectType: "DirectoryRobotUser", source: "local", identifier: robotId, name: "member-bot", email: null, displayName: "Member" });
    expect(g.lastModificationTime).not.toBeNull();

    // Removing the robot from the group through the robot account shows on the group.
    await api(h, "PUT", `/RobotAccount/${robotId}`, { token, body: { partitionGlobalId: h.partitionGlobalId, groupIDsToRemove: [SEED_GROUP_IDS.robots] } });
    const after = (await api(h, "GET", groupPath(SEED_GROUP_IDS.robots), { token })).body as Group;
    expect(after.members.map((m) => m.identifier)).not.toContain(robotId);
  });
});

describe("custom groups: create, update, delete", () => {
  it("creates a custom group (201), rejects a duplicate name (409), updates members, deletes (204)", async () => {
    const robot = (await api(h, "POST", "/RobotAccount", { token, body: { partitionGlobalId: h.partitionGlobalId, name: "grp-bot" } })).body as { id: string };
    const created = await api(h, "POST", "/Group", { token, body: { partitionGlobalId: h.partitionGlobalId, name: "Gryffindors", directoryUserMemberIDs: [robot.id] } });
    expect(created.status).toBe(201);
    const group = created.body as Group;
    expect(group.type).toBe("custom");
    expect(group.id).toMatch(GUID);
    expect(group.members.map((m) => m.identifier)).toEqual([robot.id]);
    // Membership shows on the robot account.
    const r1 = await api(h, "GET", `/RobotAccount/${h.partitionGlobalId}/${robot.id}`, { token });
    expect((r1.body as { groupIds: string[] }).groupIds).toEqual([group.id]);

    const dup = await api(h, "POST", "/Group", { token, body: { partitionGlobalId: h.partitionGlobalId, name: "gryffindors" } });
    expect(dup.status).toBe(409);

    const upd = await api(h, "PUT", `/Group/${group.id}`, {
      token,
      body: { partitionGlobalId: h.partitionGlobalId, name: "Gryffindor", directoryUserIDsToAdd: [], directoryUserIDsToRemove: [robot.id] },
    });
    expect(upd.status).toBe(200);
    expect((upd.body as Group).name).toBe("Gryffindor");
    expect((upd.body as Group).members).toEqual([]);

    expect((await api(h, "DELETE", groupPath(group.id), { token })).status).toBe(204);
    expect((await api(h, "GET", groupPath(group.id), { token })).status).toBe(404);
  });

  it("deleting a group removes it from its robot accounts; bulk delete takes groupIDs", async () => {
    const g1 = (await api(h, "POST", "/Group", { token, body: { partitionGlobalId: h.partitionGlobalId, name: "bulk-g1" } })).body as Group;
    const g2 = (await api(h, "POST", "/Group", { token, body: { partitionGlobalId: h.partitionGlobalId, name: "bulk-g2" } })).body as Group;
    const robot = (await api(h, "POST", "/RobotAccount", { token, body: { partitionGlobalId: h.partitionGlobalId, name: "bulk-g-bot", groupIDsToAdd: [g1.id, g2.id, SEED_GROUP_IDS.robots] } })).body as { id: string };
    const r = await api(h, "DELETE", groupPath(), { token, body: { groupIDs: [g1.id, g2.id] } });
    expect(r.status).toBe(204);
    const after = await api(h, "GET", `/RobotAccount/${h.partitionGlobalId}/${robot.id}`, { token });
    expect((after.body as { groupIds: string[] }).groupIds).toEqual([SEED_GROUP_IDS.robots]);
  });

  it("refuses to delete or rename built-in groups (400) and members that do not exist (400)", async () => {
    expect((await api(h, "DELETE", groupPath(SEED_GROUP_IDS.everyone), { token })).status).toBe(400);
    expect((await api(h, "DELETE", groupPath(), { token, body: { groupIDs: [SEED_GROUP_IDS.administrators] } })).status).toBe(400);
    const rename = await api(h, "PUT", `/Group/${SEED_GROUP_IDS.everyone}`, { token, body: { partitionGlobalId: h.partitionGlobalId, name: "All" } });
    expect(rename.status).toBe(400);
    expect(Object.keys((rename.body as Problem).errors ?? {})).toEqual(["name"]);
    const ghost = await api(h, "POST", "/Group", {
      token,
      body: { partitionGlobalId: h.partitionGlobalId, name: "ghosts", directoryUserMemberIDs: ["12345678-1234-4234-8234-123456789012"] },
    });
    expect(ghost.status).toBe(400);
    expect(Object.keys((ghost.body as Problem).errors ?? {})).toEqual(["directoryUserMemberIDs"]);
  });
});
