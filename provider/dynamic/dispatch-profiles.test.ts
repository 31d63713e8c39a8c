// A resource of the dynamic classes names a settings profile (its `profile` input): every call for it
// runs with that profile's settings, the handler never sees the input, state keeps the name (never a
// credential), and a profile that does not exist fails in check, before any vendor call.
import { describe, expect, it } from "vitest";
import * as z from "zod";
import { registerHandler } from "../handlers.js";
import type { ResourceHandler, Settings } from "../resource.js";
import { dispatch } from "./dispatch.js";

const calls: { method: string; settings: Settings; args: unknown[] }[] = [];
const handler: ResourceHandler = {
  kind: "DispatchProfileRecorder",
  vendor: "Recorder",
  inputs: z.object({}),
  outputs: z.object({}),
  secretOutputs: [],
  replaceOnChanges: [],
  with: (settings) => {
    const record = (method: string, args: unknown[]) => calls.push({ method, settings, args });
    return {
      check: async (olds, news) => (record("check", [olds, news]), { inputs: { ...(news as object), checked: true }, failures: [] }),
      diff: async (id, olds, news) => (record("diff", [id, olds, news]), { changes: false, replaces: [], changed: [] }),
      create: async (inputs) => (record("create", [inputs]), { id: "1", outs: { made: true } }),
      read: async (id, props) => (record("read", [id, props]), { id, props: { made: true }, inputs: { name: "n" } }),
      update: async (id, olds, news) => (record("update", [id, olds, news]), { made: true }),
      delete: async (id, props) => void record("delete", [id, props]),
    };
  },
};
registerHandler(handler);

const K = "DispatchProfileRecorder";
const profiles = { eu: { uipathOrganization: "org-eu", uipathClientSecret: "eu-secret" }, us: { uipathOrganization: "org-us" } };
const configure = (values: Record<string, unknown>) => dispatch(K, "configure", [{ config: { get: (key: string) => values[key] } }]);

describe("dispatch with settings profiles", () => {
  it("runs each call with the settings of the profile the resource names, and of the stack without one", async () => {
    await configure({ "apiidentity:uipathOrganization": "org-stack", "apiidentity:profiles": JSON.stringify(profiles) });
    calls.length = 0;
    await dispatch(K, "check", [undefined, { name: "a", profile: "eu" }]);
    await dispatch(K, "create", [{ name: "a", profile: "eu" }]);
    await dispatch(K, "read", ["1", { made: true, profile: "us" }]);
    await dispatch(K, "update", ["1", { made: true, profile: "eu" }, { name: "b", profile: "eu" }]);
    await dispatch(K, "delete", ["1", { made: true, profile: "us" }]);
    await dispatch(K, "create", [{ name: "c" }]);
    expect(calls.map((c) => [c.method, c.settings.uipathOrganization])).toEqual([
      ["check", "org-eu"],
      ["create", "org-eu"],
      ["read", "org-us"],
      ["update", "org-eu"],
      ["delete", "org-us"],
      ["create", "org-stack"],
    ]);
    // One settings value per profile: the calls of a profile share its clients.
    expect(calls[1]!.settings).toBe(calls[0]!.settings);
  });

  it("the handler never sees the profile input; state keeps its name in the inputs and outputs and nothing of its settings", async () => {
    calls.length = 0;
    const checked = (await dispatch(K, "check", [undefined, { name: "a", profile: "eu" }])) as { inputs: object };
    const made = (await dispatch(K, "create", [{ name: "a", profile: "eu" }])) as { outs: object };
    const read = (await dispatch(K, "read", ["1", { made: true, profile: "eu" }])) as { props: object; inputs: object };
    const updated = (await dispatch(K, "update", ["1", { made: true, profile: "eu" }, { name: "b", profile: "eu" }])) as { outs: object };
    for (const c of calls) expect(JSON.stringify(c.args), c.method).not.toContain("profile");
    expect(checked.inputs).toEqual({ name: "a", checked: true, profile: "eu" });
    expect(made.outs).toEqual({ made: true, profile: "eu" });
    expect(read).toEqual({ id: "1", props: { made: true, profile: "eu" }, inputs: { name: "n", profile: "eu" } });
    expect(updated.outs).toEqual({ made: true, profile: "eu" });
    expect(JSON.stringify([checked, made, read, updated])).not.toMatch(/eu-secret|org-eu/);
  });

  it("a resource without a profile keeps its state as it was (no profile key)", async () => {
    const made = (await dispatch(K, "create", [{ name: "c" }])) as { outs: object };
    expect(made.outs).toEqual({ made: true });
  });

  it("another profile replaces the resource (it is another tenant); the same profile leaves the diff to the handler", async () => {
    const other = (await dispatch(K, "diff", ["1", { made: true, profile: "eu" }, { name: "a", profile: "us" }])) as { changes: boolean; replaces: string[] };
    expect(other).toEqual(expect.objectContaining({ changes: true, replaces: ["profile"] }));
    const none = (await dispatch(K, "diff", ["1", { made: true }, { name: "a", profile: "us" }])) as { replaces: string[] };
    expect(none.replaces).toEqual(["profile"]);
    calls.length = 0;
    const same = (await dispatch(K, "diff", ["1", { made: true, profile: "eu" }, { name: "a", profile: "eu" }])) as { changes: boolean };
    expect(same.changes).toBe(false);
    expect(calls.map((c) => [c.method, c.settings.uipathOrganization])).toEqual([["diff", "org-eu"]]);
  });

  it("new credentials in a profile change no resource: the diff does not depend on them", async () => {
    await configure({ "apiidentity:profiles": JSON.stringify({ ...profiles, eu: { ...profiles.eu, uipathClientSecret: "rotated" } }) });
    const d = (await dispatch(K, "diff", ["1", { made: true, profile: "eu" }, { name: "a", profile: "eu" }])) as { changes: boolean };
    expect(d.changes).toBe(false);
    calls.length = 0;
    await dispatch(K, "create", [{ name: "a", profile: "eu" }]);
    expect(calls[0]!.settings.uipathClientSecret).toBe("rotated");
  });

  it("a profile that does not exist is a check failure on profile, naming it and what to do; the handler is not called", async () => {
    calls.length = 0;
    const r = (await dispatch(K, "check", [undefined, { name: "a", profile: "apac" }])) as { failures: { property: string; reason: string }[] };
    expect(r.failures).toEqual([{ property: "profile", reason: expect.stringContaining("the settings profile 'apac' does not exist: the stack config 'apiidentity:profiles' holds 'eu', 'us'") }]);
    expect(calls).toEqual([]);
    await expect(dispatch(K, "delete", ["1", { profile: "apac" }])).rejects.toThrow("the settings profile 'apac' does not exist");
    expect(calls).toEqual([]);
  });

  it("a malformed apiidentity:profiles fails the resources that name a profile, not the others", async () => {
    await configure({ "apiidentity:profiles": "[1]" });
    calls.length = 0;
    const r = (await dispatch(K, "check", [undefined, { profile: "eu" }])) as { failures: { property: string; reason: string }[] };
    expect(r.failures[0]!.reason).toContain("'apiidentity:profiles' is not an object of profiles");
    await dispatch(K, "create", [{ name: "c" }]);
    expect(calls.map((c) => c.method)).toEqual(["create"]);
  });
});
