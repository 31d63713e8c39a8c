// UiPathRobotAccount handler against an in-process sandbox: CRUD with request counts, vanished
// robots, lost creates, token refresh, adoption, errors without secrets, and the group lookup.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { api, getToken, startHarness, type Harness } from "../../../sandbox/vendors/uipath/test-helpers.js";
import type { UiPathState } from "../../../sandbox/vendors/uipath/state.js";
import { UiPathClient } from "./client.js";
import { uiPathRobotAccount } from "./handler.js";
import type { RobotAccountInputs, RobotAccountOutputs } from "./inputs.js";
import { SettingsUnderTest } from "../../../test/settings.js";
import { tally } from "../../../test/tally.js";
import { recordingNotes } from "../../notes.js";

/** The provider settings of this file's runs (the sandbox's, once it is up). */
const settings = new SettingsUnderTest();
/** What the handler tells the user, read directly. */
const notes = recordingNotes();
const h = settings.bind(uiPathRobotAccount, notes);

const ROBOTS = "5a6b1e7c-4f8b-4c2e-9a05-7d9e6b1f2c05";
const AUTOMATION_USERS = "2d3e8b4f-1c5e-4f9b-8d72-4a6b3e8c9f02";
const EVERYONE = "3e4f9c5a-2d6f-4a0c-9e83-5b7c4f9d0a03";
const ROBOT = "/{organization}/identity_/api/RobotAccount";
const TOKEN = "/identity_/connect/token";

let sb: Harness;
let seq = 0;
const uniqueName = (p: string) => `${p}-${++seq}-${Date.now().toString(36)}`;

const state = () => sb.sandbox.store.vendor("uipath") as unknown as UiPathState;
const live = (id: string) => state().robotAccounts.find((r) => r.id === id);

/** Request counts since the last clear, as "METHOD route status" → n (uipath only). */
const counts = (): Record<string, number> => tally(sb.sandbox, "uipath");

async function checked(news: Record<string, unknown>): Promise<RobotAccountInputs> {
  const r = await h.check(undefined, news);
  expect(r.failures).toEqual([]);
  return r.inputs;
}

async function createdVia(news: Record<string, unknown>): Promise<{ id: string; outs: RobotAccountOutputs; inputs: RobotAccountInputs }> {
  const inputs = await checked(news);
  const r = await h.create(inputs);
  return { ...r, inputs };
}

/** Creates a robot directly through the vendor API (out of band). */
async function vendorCreate(body: Record<string, unknown>): Promise<{ id: string }> {
  const token = await getToken(sb);
  const r = await api(sb, "POST", "/RobotAccount", { token, body: { partitionGlobalId: sb.partitionGlobalId, ...body } });
  expect(r.status).toBe(201);
  return r.body as { id: string };
}


beforeAll(async () => {
  sb = await startHarness();
});
afterAll(async () => {
  await sb.sandbox.close();
});
beforeEach(() => {
  // Each test starts with the sandbox's settings and a cold token cache, as a fresh provider process does.
  settings.reset(sb.sandbox.config().env);
  sb.sandbox.faults.clear();
  sb.sandbox.clearRequests();
});
afterEach(() => vi.restoreAllMocks());

describe("UiPathRobotAccount handler (sandbox)", () => {
  it("creates with one token and one POST, reads, updates with one PUT, deletes with one DELETE", async () => {
    const name = uniqueName("crud");
    const { id, outs, inputs } = await createdVia({ name, groupIds: [ROBOTS.toUpperCase()] });
    expect(counts()).toEqual({ [`POST ${TOKEN} 200`]: 1, [`POST ${ROBOT} 201`]: 1 });
    expect(outs).toMatchObject({ robotAccountId: id, name, displayName: name, groupIds: [ROBOTS.toUpperCase()], partitionGlobalId: sb.partitionGlobalId });
    expect(outs.creationTime).toMatch(/Z$/);
    expect(live(id)).toMatchObject({ name, displayName: name, groupIds: [ROBOTS] });
    // Only the scope robot accounts need was requested.
    expect(state().tokens.at(-1)?.scopes).toEqual(["PM.RobotAccount"]);

    sb.sandbox.clearRequests();
    const read = await h.read(id, outs);
    expect(counts()).toEqual({ [`GET ${ROBOT}/{partitionGlobalId}/{robotAccountId} 200`]: 1 });
    // An unchanged robot reads back as exactly the checked inputs (user's GUID spelling kept).
    expect(read.inputs).toEqual(inputs);
    expect(read.props).toEqual(outs);

    sb.sandbox.clearRequests();
    const news = await checked({ name, displayName: "Nightly CI", groupIds: [AUTOMATION_USERS, EVERYONE] });
    const spy = vi.spyOn(UiPathClient.prototype, "updateRobot");
    const updated = await h.update(id, outs, news);
    expect(counts()).toEqual({ [`PUT ${ROBOT}/{robotAccountId} 200`]: 1 });
    expect(spy.mock.calls[0]?.[1]).toEqual({
      partitionGlobalId: sb.partitionGlobalId,
      displayName: "Nightly CI",
      groupIDsToAdd: [AUTOMATION_USERS, EVERYONE],
      groupIDsToRemove: [ROBOTS.toUpperCase()],
    });
    expect(updated).toMatchObject({ robotAccountId: id, displayName: "Nightly CI", groupIds: [AUTOMATION_USERS, EVERYONE] });
    expect(live(id)).toMatchObject({ displayName: "Nightly CI", groupIds: [AUTOMATION_USERS, EVERYONE] });

    sb.sandbox.clearRequests();
    await h.delete(id, updated);
    expect(counts()).toEqual({ [`DELETE ${ROBOT}/{partitionGlobalId}/{robotAccountId} 204`]: 1 });
    expect(live(id)).toBeUndefined();
  });

  it("an update sends only what changed", async () => {
    const name = uniqueName("delta");
    const { id, outs } = await createdVia({ name, displayName: "D", groupIds: [ROBOTS] });
    const spy = vi.spyOn(UiPathClient.prototype, "updateRobot");
    await h.update(id, outs, await checked({ name, displayName: "D", groupIds: [ROBOTS, EVERYONE] }));
    expect(spy.mock.calls[0]?.[1]).toEqual({ partitionGlobalId: sb.partitionGlobalId, groupIDsToAdd: [EVERYONE] });
    spy.mockClear();
    await h.update(id, outs, await checked({ name, displayName: "E", groupIds: [ROBOTS] }));
    expect(spy.mock.calls[0]?.[1]).toEqual({ partitionGlobalId: sb.partitionGlobalId, displayName: "E" });
    // The second update computed its delta from the stale state it was given: EVERYONE stays, as state said it was never there.
    expect(live(id)?.groupIds.sort()).toEqual([EVERYONE, ROBOTS].sort());
  });

  it("read shows out-of-band changes on the right property", async () => {
    const name = uniqueName("drift");
    const { id, outs, inputs } = await createdVia({ name, displayName: "Before", groupIds: [ROBOTS] });
    live(id)!.displayName = "Changed in portal";
    live(id)!.groupIds.push(EVERYONE);
    const read = await h.read(id, outs);
    expect(read.inputs).toEqual({ ...inputs, displayName: "Changed in portal", groupIds: [ROBOTS, EVERYONE] });
    const d = await h.diff(id, read.props!, inputs);
    expect(d).toMatchObject({ changes: true, replaces: [] });
    expect(d.changed.sort()).toEqual(["displayName", "groupIds"]);
  });

  it("a vanished robot reads as gone, and deleting it again succeeds", async () => {
    const { id, outs } = await createdVia({ name: uniqueName("gone") });
    state().robotAccounts = state().robotAccounts.filter((r) => r.id !== id);
    sb.sandbox.clearRequests();
    expect(await h.read(id, outs)).toEqual({});
    // One probe of the partition tells "robot gone" from "organization unknown".
    expect(counts()).toEqual({ [`GET ${ROBOT}/{partitionGlobalId}/{robotAccountId} 404`]: 1, [`GET ${ROBOT}/{partitionGlobalId} 200`]: 1 });
    await expect(h.delete(id, outs)).resolves.toBeUndefined();
  });

  it("a 404 from an unknown organization is a configuration error, not a vanished robot", async () => {
    const { id, outs } = await createdVia({ name: uniqueName("org") });
    settings.set({ UIPATH_ORGANIZATION: "no-such-org" });
    await expect(h.read(id, outs)).rejects.toThrow(/UiPathRobotAccount: .*organization 'no-such-org'.*uipathOrganization/);
    await expect(h.delete(id, outs)).rejects.toThrow(/no-such-org/);
    expect(live(id)).toBeDefined();
  });

  it("a lost create answer (commit, then reset) adopts the robot it made: no duplicate", async () => {
    const name = uniqueName("lost");
    sb.sandbox.faults.add({ vendor: "uipath", method: "POST", route: ROBOT, count: 1, effect: { type: "commitThenReset" } });
    notes.clear();
    const { id, outs } = await createdVia({ name, displayName: "Lost", groupIds: [ROBOTS] });
    expect(state().robotAccounts.filter((r) => r.name === name)).toHaveLength(1);
    expect(live(id)).toMatchObject({ name, displayName: "Lost" });
    expect(outs).toMatchObject({ robotAccountId: id, groupIds: [ROBOTS] });
    expect(counts()).toEqual({ [`POST ${TOKEN} 200`]: 1, [`POST ${ROBOT} 0`]: 1, [`GET ${ROBOT}/{partitionGlobalId} 200`]: 1 });
    expect(notes.written()).toContain(`robot account ${id}, made by that request, is now managed`);
  });

  it("a create that did not land (reset before handling) is looked up, then sent once more", async () => {
    const name = uniqueName("reset");
    sb.sandbox.faults.add({ vendor: "uipath", method: "POST", route: ROBOT, count: 1, effect: { type: "reset" } });
    const { id } = await createdVia({ name });
    expect(state().robotAccounts.filter((r) => r.name === name).map((r) => r.id)).toEqual([id]);
    expect(counts()).toMatchObject({ [`POST ${ROBOT} 0`]: 1, [`GET ${ROBOT}/{partitionGlobalId} 200`]: 1, [`POST ${ROBOT} 201`]: 1 });
  });

  it("a 500 on create is treated as unknown outcome: looked up, then created once", async () => {
    const name = uniqueName("five");
    sb.sandbox.faults.add({ vendor: "uipath", method: "POST", route: ROBOT, count: 1, effect: { type: "status", status: 500 } });
    const { id } = await createdVia({ name });
    expect(state().robotAccounts.filter((r) => r.name === name).map((r) => r.id)).toEqual([id]);
  });

  it("a lost answer with a same-named robot that is not provably ours fails, naming it", async () => {
    const name = uniqueName("clash");
    const other = await vendorCreate({ name, displayName: "Someone else's" });
    sb.sandbox.faults.add({ vendor: "uipath", method: "POST", route: ROBOT, count: 1, effect: { type: "commitThenReset" } });
    const inputs = await checked({ name, displayName: "Mine" });
    await expect(h.create(inputs)).rejects.toThrow(new RegExp(`UiPathRobotAccount: creating robot account '${name}' lost its answer .*id ${other.id}.*importId: "${other.id}"`));
    expect(state().robotAccounts.filter((r) => r.name === name)).toHaveLength(1);
  });

  it("a duplicate name fails with the vendor's message and the id to adopt", async () => {
    const name = uniqueName("dup");
    const other = await vendorCreate({ name });
    const inputs = await checked({ name: name.toUpperCase() });
    const err = await h.create(inputs).catch((e: Error) => e);
    expect(String(err)).toMatch(/UiPathRobotAccount: creating robot account .* failed: UiPath POST \/RobotAccount failed with HTTP 409: .*already exists/);
    expect(String(err)).toContain(`importId: "${other.id}"`);
  });

  it("gets a new token once after the vendor expired it (401), and keeps going", async () => {
    const { id, outs } = await createdVia({ name: uniqueName("tok") });
    sb.sandbox.faults.add({ vendor: "uipath", method: "GET", route: `${ROBOT}/*`, count: 1, effect: { type: "expireTokens" } });
    sb.sandbox.clearRequests();
    const r = await h.read(id, outs);
    expect(r.id).toBe(id);
    expect(counts()).toEqual({
      [`GET ${ROBOT}/{partitionGlobalId}/{robotAccountId} 401`]: 1,
      [`POST ${TOKEN} 200`]: 1,
      [`GET ${ROBOT}/{partitionGlobalId}/{robotAccountId} 200`]: 1,
    });
    // The fresh token is cached: the next call needs no token request.
    sb.sandbox.clearRequests();
    await h.read(id, outs);
    expect(counts()[`POST ${TOKEN} 200`]).toBeUndefined();
  });

  it("adopts an existing robot with importId: no create, one GET and one PUT, one note", async () => {
    const name = uniqueName("adopt");
    const existing = await vendorCreate({ name, displayName: "Old", groupIDsToAdd: [EVERYONE] });
    sb.sandbox.clearRequests();
    notes.clear();
    const { id, outs, inputs } = await createdVia({ name, displayName: "New", groupIds: [ROBOTS], importId: existing.id.toUpperCase() });
    expect(id).toBe(existing.id);
    expect(counts()).toEqual({
      [`POST ${TOKEN} 200`]: 1,
      [`GET ${ROBOT}/{partitionGlobalId}/{robotAccountId} 200`]: 1,
      [`PUT ${ROBOT}/{robotAccountId} 200`]: 1,
    });
    expect(live(id)).toMatchObject({ displayName: "New", groupIds: [ROBOTS] });
    expect(notes.written()).toContain(`apiidentity: adopted UiPathRobotAccount ${id}; changed: displayName, groupIds`);
    // Afterwards a read reproduces the program's inputs, importId included: no drift.
    const read = await h.read(id, outs);
    expect(read.inputs).toEqual(inputs);
    expect((await h.diff(id, read.props!, inputs)).changes).toBe(false);
  });

  it("adoption with nothing to change makes no PUT", async () => {
    const name = uniqueName("adopt-same");
    const existing = await vendorCreate({ name, groupIDsToAdd: [ROBOTS] });
    sb.sandbox.clearRequests();
    notes.clear();
    await createdVia({ name, groupIds: [ROBOTS], importId: existing.id });
    expect(Object.keys(counts()).filter((k) => k.startsWith("PUT") || k.startsWith("POST /{"))).toEqual([]);
  });

  it("adoption of an unknown id, or of a robot with another name, fails clearly", async () => {
    const missing = "0b5e0f6e-1111-4a2b-9c3d-123456789abc";
    await expect(h.create(await checked({ name: "x", importId: missing }))).rejects.toThrow(
      `UiPathRobotAccount: importId "${missing}": UiPath has no robot account with this id in partition '${sb.partitionGlobalId}'`,
    );
    const existing = await vendorCreate({ name: uniqueName("named") });
    await expect(h.create(await checked({ name: "other-name", importId: existing.id }))).rejects.toThrow(/cannot rename robot accounts; set name to/);
  });

  it("errors name the call and never carry the client secret or a token", async () => {
    // A group the organization does not have: the vendor's 400 message comes through.
    const err = await h.create(await checked({ name: uniqueName("badgroup"), groupIds: ["0b5e0f6e-1111-4a2b-9c3d-123456789abc"] })).catch((e: Error) => e);
    expect(String(err)).toMatch(/UiPathRobotAccount: creating robot account .* failed: UiPath POST \/RobotAccount failed with HTTP 400: .*groupIDsToAdd: Group '0b5e0f6e-1111-4a2b-9c3d-123456789abc' does not exist/);
    const secrets = [sb.clientSecret, ...state().tokens.map((t) => t.accessToken)];
    for (const s of secrets) expect(String(err)).not.toContain(s);

    // Wrong secret: the token error says what to check, without the secret.
    settings.set({ UIPATH_CLIENT_SECRET: "wrong-Secret-Value-9x8y7z" });
    const bad = await h.create(await checked({ name: uniqueName("badsecret") })).catch((e: Error) => e);
    expect(String(bad)).toMatch(/UiPathRobotAccount: .*connect\/token .*HTTP 400: invalid_client; check apiidentity:uipathClientId/);
    expect(String(bad)).not.toContain("wrong-Secret-Value-9x8y7z");

    // Only read scope granted: the 403 (empty body) says which scopes the token had.
    settings.set({ UIPATH_CLIENT_SECRET: sb.clientSecret, UIPATH_SCOPES: "PM.RobotAccount.Read" });
    const denied = await h.create(await checked({ name: uniqueName("ro") })).catch((e: Error) => e);
    expect(String(denied)).toMatch(/HTTP 403: access denied; the token holds 'PM.RobotAccount.Read'.*lack a permission/);
    for (const s of [sb.clientSecret, ...state().tokens.map((t) => t.accessToken)]) expect(String(denied)).not.toContain(s);
  });

  it("a missing credential names the config key and the environment variable", async () => {
    settings.set({ UIPATH_CLIENT_ID: undefined });
    await expect(h.create(await checked({ name: uniqueName("nocred") }))).rejects.toThrow(/apiidentity:uipathClientId.*UIPATH_CLIENT_ID/);
  });
});
