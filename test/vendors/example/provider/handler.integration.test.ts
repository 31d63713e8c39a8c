// ExampleServiceAccount's handler against the in-process emulator: one request per step, the token
// kept from the create, an update in place, adoption without a create, and a vanished account.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { call, startHarness, type Harness } from "../../../sandbox/vendors/example/test-helpers.js";
import { SettingsUnderTest } from "../../../test/settings.js";
import { tally } from "../../../test/tally.js";
import { recordingNotes } from "../../notes.js";
import { exampleServiceAccount } from "./handler.js";

const settings = new SettingsUnderTest();
const h = settings.bind(exampleServiceAccount, recordingNotes());
let sb: Harness;

beforeAll(async () => {
  sb = await startHarness();
  settings.reset(sb.config().env);
});
afterAll(() => sb.close());
beforeEach(() => sb.clearRequests());

const ACCOUNTS = "/v1/service-accounts";
const ACCOUNT = "/v1/service-accounts/{id}";

describe("ExampleServiceAccount", () => {
  it("create, read, update in place, delete: one request each, the token kept from the create", async () => {
    const { inputs } = await h.check(undefined, { name: "svc-a", description: "first", groupId: "grp-ops" });
    const { id, outs } = await h.create(inputs);
    expect(outs).toMatchObject({ accountId: id, name: "svc-a", description: "first", groupId: "grp-ops" });
    expect(outs.token).toMatch(/^ex_/);
    expect(tally(sb, "example")).toEqual({ [`POST ${ACCOUNTS} 201`]: 1 });

    sb.clearRequests();
    const read = await h.read(id, outs);
    expect(read.props).toEqual(outs);
    expect(read.inputs).toEqual({ name: "svc-a", description: "first", groupId: "grp-ops" });
    expect(await h.diff(id, outs, inputs)).toMatchObject({ changes: false });

    const changed = { ...inputs, description: "second" };
    expect(await h.diff(id, outs, changed)).toMatchObject({ changes: true, replaces: [] });
    expect(await h.diff(id, outs, { ...inputs, name: "svc-b" })).toMatchObject({ changes: true, replaces: ["name"] });
    const updated = await h.update(id, outs, changed);
    expect(updated).toMatchObject({ description: "second", token: outs.token });

    await h.delete(id, updated);
    expect(tally(sb, "example")).toEqual({ [`GET ${ACCOUNT} 200`]: 1, [`PATCH ${ACCOUNT} 200`]: 1, [`DELETE ${ACCOUNT} 204`]: 1 });
    expect(await h.read(id, updated)).toEqual({});
    expect(exampleServiceAccount.secretOutputs).toEqual(["token"]);
  });

  it("adopts an account made elsewhere by its id, without a create, with no token", async () => {
    const made = (await call(sb, "POST", "/service-accounts", { body: { name: "by-hand", description: "console" } })).body as { id: string };
    sb.clearRequests();
    const { inputs } = await h.check(undefined, { name: "by-hand", description: "console", importId: made.id });
    const { id, outs } = await h.create(inputs);
    expect(id).toBe(made.id);
    expect(outs).toMatchObject({ token: "", importId: made.id });
    expect(tally(sb, "example")).toEqual({ [`GET ${ACCOUNT} 200`]: 1 });
    await h.delete(id, outs);
  });
});
