// Two sandboxes as two tenants of every vendor, one dynamic provider process configured with a
// settings profile for each: every kind's identity lands at the tenant its profile names, is read,
// updated and deleted there, and the other tenant sees no request for it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exampleInputs, SANDBOX_KINDS, type Kind } from "../../sandbox/kinds.js";
import { countsSince, eachKind, heldCounts, startTwoTenants, tenantSettings, type TwoTenants } from "../../test/e2e/two-tenants.js";
import type { Sandbox } from "../../sandbox/server.js";
import { dispatch } from "./dispatch.js";

let t: TwoTenants;
const profileOf = (sb: Sandbox) => Object.fromEntries(Object.entries(tenantSettings(sb)).map(([name, s]) => [name, s.value]));
const requestsAt = (sb: Sandbox) => sb.requests().reduce((n, r) => n + r.count, 0);

beforeAll(async () => {
  t = await startTwoTenants();
  const config: Record<string, string> = { "apiidentity:profiles": JSON.stringify({ a: profileOf(t.a), b: profileOf(t.b) }) };
  await dispatch(SANDBOX_KINDS[0]!, "configure", [{ config: { get: (key: string) => config[key] } }]);
});
afterAll(async () => {
  await t?.close();
});

interface Made {
  kind: Kind;
  profile: "a" | "b";
  id: string;
  outs: Record<string, unknown>;
}

describe("settings profiles against two tenants", () => {
  const made: Made[] = [];

  it("each identity is created at the tenant of its profile, and only there", async () => {
    const before = { a: heldCounts(t.a), b: heldCounts(t.b) };
    for (const profile of ["a", "b"] as const) {
      for (const [i, kind] of SANDBOX_KINDS.entries()) {
        const inputs = { ...exampleInputs(kind, { index: i + 1, name: `profile-${profile}-${i}`, label: `Profile ${profile} ${i}` }), profile };
        const checked = (await dispatch(kind, "check", [undefined, inputs])) as { inputs: Record<string, unknown>; failures: unknown[] };
        expect(checked.failures, kind).toEqual([]);
        expect(checked.inputs.profile).toBe(profile);
        const r = (await dispatch(kind, "create", [checked.inputs])) as { id: string; outs: Record<string, unknown> };
        expect(r.outs.profile, kind).toBe(profile);
        made.push({ kind: kind, profile, id: r.id, outs: r.outs });
      }
    }
    expect(countsSince(t.a, before.a)).toEqual(eachKind(1));
    expect(countsSince(t.b, before.b)).toEqual(eachKind(1));
  });

  it("read, diff and delete go to the tenant the state's profile names; the other tenant gets no request", async () => {
    for (const m of made) {
      const [here, there] = m.profile === "a" ? [t.a, t.b] : [t.b, t.a];
      here.clearRequests();
      there.clearRequests();
      const r = (await dispatch(m.kind, "read", [m.id, m.outs])) as { id?: string; props?: Record<string, unknown>; inputs?: Record<string, unknown> };
      expect(r.id, m.kind).toBe(m.id);
      expect(r.inputs?.profile).toBe(m.profile);
      expect(requestsAt(here), m.kind).toBeGreaterThan(0);
      expect(requestsAt(there), m.kind).toBe(0);
    }
    const before = { a: heldCounts(t.a), b: heldCounts(t.b) };
    for (const m of made.filter((x) => x.profile === "a")) await dispatch(m.kind, "delete", [m.id, m.outs]);
    expect(countsSince(t.a, before.a)).toEqual(eachKind(-1));
    expect(countsSince(t.b, before.b)).toEqual(eachKind(0));
    for (const m of made.filter((x) => x.profile === "b")) await dispatch(m.kind, "delete", [m.id, m.outs]);
    expect(countsSince(t.b, before.b)).toEqual(eachKind(-1));
  });

  it("a profile that does not exist fails in check with no request at either tenant", async () => {
    t.a.clearRequests();
    t.b.clearRequests();
    for (const [i, kind] of SANDBOX_KINDS.entries()) {
      const inputs = { ...exampleInputs(kind, { index: i + 1, name: `missing-${i}`, label: `Missing ${i}` }), profile: "c" };
      const r = (await dispatch(kind, "check", [undefined, inputs])) as { failures: { property: string; reason: string }[] };
      expect(r.failures, kind).toEqual([{ property: "profile", reason: expect.stringContaining("the settings profile 'c' does not exist: the stack config 'apiidentity:profiles' holds 'a', 'b'") }]);
    }
    expect(requestsAt(t.a) + requestsAt(t.b)).toBe(0);
  });

  it("a profile that lacks a credential fails before any request, naming the profile and the key", async () => {
    const { uipathClientSecret: _s, ...lacking } = profileOf(t.a);
    const config: Record<string, string> = { "apiidentity:profiles": JSON.stringify({ a: profileOf(t.a), b: profileOf(t.b), short: lacking }) };
    await dispatch("UiPathRobotAccount", "configure", [{ config: { get: (key: string) => config[key] } }]);
    t.a.clearRequests();
    const inputs = { ...exampleInputs("UiPathRobotAccount", { index: 9, name: "short-1", label: "Short 1" }), profile: "short" };
    await expect(dispatch("UiPathRobotAccount", "create", [inputs])).rejects.toThrow("the settings profile 'short' lacks the setting 'uipathClientSecret'. Set it with 'pulumi config set --path apiidentity:profiles.short.uipathClientSecret <value> --secret'.");
    expect(requestsAt(t.a)).toBe(0);
  });
});
