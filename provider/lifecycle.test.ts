import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { AdoptionError, LostCreateError, OutcomeUnknownError, VendorCallError } from "./errors.js";
import { TransportError, VendorError } from "./http/index.js";
import { defineResource, type OwnCreate } from "./lifecycle.js";
import { diffProperties } from "./resource.js";
import { resolveSettings, type Settings } from "./settings.js";

// A vendor in memory: just enough to drive every path of the shared protocol.
const inputs = z.object({ name: z.string().min(1), note: z.string().default(""), importId: z.string().optional() });
const outputs = inputs.extend({ thingId: z.string() });
type Out = z.output<typeof outputs>;
interface Thing {
  id: string;
  name: string;
  note: string;
}

const lostAnswer = () => new TransportError({ vendor: "Acme", method: "POST", pathTemplate: "/things", code: "CONNECTION", detail: "connection failed", outcomeUnknown: true });

function acme(look: (things: Thing[], name: string) => OwnCreate<Thing>, opts: { attempts?: number } = {}) {
  const things = new Map<string, Thing>();
  const calls: string[] = [];
  const faults: ("lost" | "refused" | "lostAfterWrite" | "noId")[] = [];
  let n = 0;
  const clientsMadeWith: Settings[] = [];
  const declared = defineResource({
    kind: "AcmeThing",
    vendor: "Acme",
    noun: "thing",
    console: "in the Acme console",
    inputs,
    outputs,
    secretOutputs: [],
    replaceOnChanges: ["name"],
    client: (settings) => (clientsMadeWith.push(settings), { things }),
    diff: (olds, news) => diffProperties(olds, news, { properties: ["name", "note"], replaceOnChanges: ["name"] }),
    create: {
      action: (i) => `creating thing '${i.name}'`,
      plan: (_c, i) => ({ name: i.name, note: i.note }),
      async send(_c, body) {
        calls.push("POST");
        const fault = faults.shift();
        if (fault === "refused") throw new VendorError({ vendor: "Acme", method: "POST", pathTemplate: "/things", status: 400, vendorMessage: "bad note" });
        const made = { id: `t${++n}`, ...body };
        if (fault !== "lost") things.set(made.id, made);
        if (fault === "noId") throw new OutcomeUnknownError("Acme answered 201 without the id");
        if (fault) throw lostAnswer();
        return made;
      },
      attempts: opts.attempts ?? 2,
      async findOwnCreate(_c, body) {
        calls.push("LOOKUP");
        return look([...things.values()], body.name);
      },
      finish: (_c, t, i) => ({ id: t.id, outs: { ...i, thingId: t.id } }),
    },
    adopt: {
      fetch: async (_c, id) => things.get(id),
      notFound: () => ({ todo: "Check the id in the Acme console" }),
      guard: (_c, t, i) => (t.name !== i.name ? { reason: `it is named '${t.name}'`, todo: `Set name to '${t.name}'` } : undefined),
      current: (_c, t) => ({ id: t.id, current: { ...t, thingId: t.id } as Out }),
    },
    async converge(_c, id, current, desired) {
      if (current.note === desired.note) return { outs: { ...current, ...desired, thingId: id }, changed: [] };
      calls.push("PUT");
      things.set(id, { id, name: desired.name, note: desired.note });
      return { outs: { ...desired, thingId: id }, changed: ["note"] };
    },
    async read(_c, id) {
      const t = things.get(id);
      return t ? { id, props: { ...t, thingId: id }, inputs: { name: t.name, note: t.note } } : {};
    },
    async remove(_c, id) {
      things.delete(id);
    },
  });
  const settings = resolveSettings({ env: { UPTRENDS_USERNAME: "acme-settings" } });
  return { declared, handler: declared.with(settings), settings, clientsMadeWith, things, calls, faults };
}

/** The usual proof: a thing with this name is ours. */
const byName = (things: Thing[], name: string): OwnCreate<Thing> => {
  const t = things.find((x) => x.name === name);
  return t ? { found: "ours", made: t, id: t.id } : { found: "none" };
};

let stderr: { mock: { calls: unknown[][] }; mockRestore(): void };
beforeEach(() => {
  stderr = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
});
afterEach(() => stderr.mockRestore());
const logged = () => stderr.mock.calls.map((c) => String(c[0])).join("");

describe("defineResource: check, diff, read, update, delete", () => {
  it("checks with the schema in Pulumi's order (olds, news) and diffs with the vendor's rule", async () => {
    const { handler } = acme(byName);
    expect(await handler.check({ name: "old" }, { name: "a", __provider: "x" })).toEqual({ inputs: { name: "a", note: "" }, failures: [] });
    expect((await handler.check(undefined, { name: "" })).failures.map((f) => f.property)).toEqual(["name"]);
    expect((await handler.diff("t1", { name: "a", note: "", thingId: "t1" }, { name: "b", note: "" })).replaces).toEqual(["name"]);
  });
  it("update converges from the outputs in state; read of a vanished thing has no id; delete of it succeeds", async () => {
    const { handler, calls } = acme(byName);
    const { id, outs } = await handler.create({ name: "a", note: "" });
    expect(await handler.update(id, outs, { name: "a", note: "x" })).toEqual({ name: "a", note: "x", thingId: id });
    expect(calls).toEqual(["POST", "PUT"]);
    await handler.delete(id, outs);
    expect(await handler.read(id, outs)).toEqual({});
    await expect(handler.delete(id, outs)).resolves.toBeUndefined();
  });
});

describe("defineResource: settings", () => {
  it("asks for the client of the settings its methods were given, at every call", async () => {
    const { handler, settings, clientsMadeWith, declared } = acme(byName);
    const { id, outs } = await handler.create({ name: "a", note: "" });
    await handler.read(id, outs);
    await handler.delete(id, outs);
    expect(clientsMadeWith).toHaveLength(3);
    expect(clientsMadeWith.every((s) => s === settings)).toBe(true);
    const other = resolveSettings({});
    await declared.with(other).read(id, outs);
    expect(clientsMadeWith.at(-1)).toBe(other);
  });
});

describe("defineResource: adoption (importId)", () => {
  it("takes the thing without a create, converges it and reports what changed", async () => {
    const { handler, things, calls } = acme(byName);
    things.set("t9", { id: "t9", name: "a", note: "old" });
    expect(await handler.create({ name: "a", note: "new", importId: "t9" })).toEqual({ id: "t9", outs: { name: "a", note: "new", importId: "t9", thingId: "t9" } });
    expect(calls).toEqual(["PUT"]);
    expect(logged()).toBe("apiidentity: adopted AcmeThing t9; changed: note\n");
  });
  it("an unknown id and a refused one fail as AdoptionError naming the id, the reason and what to do", async () => {
    const { handler, things } = acme(byName);
    const missing = await handler.create({ name: "a", note: "", importId: "nope" }).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(AdoptionError);
    expect((missing as Error).message).toBe('AcmeThing: importId "nope": Acme has no thing with this id. Check the id in the Acme console.');
    things.set("t9", { id: "t9", name: "other", note: "" });
    await expect(handler.create({ name: "a", note: "", importId: "t9" })).rejects.toThrow("AcmeThing: importId \"t9\": it is named 'other'. Set name to 'other'.");
  });
});

describe("defineResource: a create whose answer was lost", () => {
  it("takes what the lost request provably made: no second create, one line on stderr", async () => {
    const { handler, faults, calls, things } = acme(byName);
    faults.push("lostAfterWrite");
    const { id } = await handler.create({ name: "a", note: "" });
    expect(calls).toEqual(["POST", "LOOKUP"]);
    expect([...things.keys()]).toEqual([id]);
    expect(logged()).toBe(`apiidentity: AcmeThing: creating thing 'a' lost its answer (Acme POST /things: connection failed); thing ${id}, made by that request, is now managed\n`);
  });
  it("sends again only after the look-up proves nothing was made", async () => {
    const { handler, faults, calls } = acme(byName);
    faults.push("lost");
    await handler.create({ name: "a", note: "" });
    expect(calls).toEqual(["POST", "LOOKUP", "POST"]);
  });
  it("lost on every attempt: a LostCreateError that says nothing is left behind and keeps its cause", async () => {
    const { handler, faults, calls } = acme(byName);
    faults.push("lost", "lost");
    const err = await handler.create({ name: "a", note: "" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LostCreateError);
    expect((err as Error).message).toBe("AcmeThing: creating thing 'a' lost its answer (Acme POST /things: connection failed); it was attempt 2, and no thing was made. Nothing is left behind: run 'pulumi up' again.");
    expect((err as Error).cause).toBeInstanceOf(TransportError);
    expect(calls).toEqual(["POST", "LOOKUP", "POST", "LOOKUP"]);
  });
  it("something it cannot prove is its own is left alone and named with the importId to adopt it", async () => {
    const { handler, faults } = acme(() => ({ found: "unproven", id: "t7", what: "a thing named 'a' (id t7)", why: "it was created before this request" }));
    faults.push("lost");
    await expect(handler.create({ name: "a", note: "" })).rejects.toThrow(
      "AcmeThing: creating thing 'a' lost its answer (Acme POST /things: connection failed); Acme now has a thing named 'a' (id t7) that cannot be proven to be the one just created (it was created before this request), so it was not taken over. Check it in the Acme console, then adopt it with importId: \"t7\" or delete it, and run 'pulumi up' again.",
    );
  });
  it("a look-up that fails too says what may exist and where to look", async () => {
    const { handler, faults } = acme(() => {
      throw new VendorError({ vendor: "Acme", method: "GET", pathTemplate: "/things", status: 503, vendorMessage: "busy" });
    });
    faults.push("lost");
    await expect(handler.create({ name: "a", note: "" })).rejects.toThrow(
      /^AcmeThing: creating thing 'a' lost its answer \(.*\); the outcome is unknown, and looking up the thing it may have made failed: Acme GET \/things failed with HTTP 503: busy\..*\. What it may have made at Acme is not known: look for it in the Acme console, then delete it or adopt it with importId/,
    );
  });
  it("an answer without the id counts as lost (OutcomeUnknownError) and is settled by the look-up", async () => {
    const { handler, faults, calls, things } = acme(byName, { attempts: 1 });
    faults.push("noId");
    const { id } = await handler.create({ name: "a", note: "" });
    expect(calls).toEqual(["POST", "LOOKUP"]);
    expect([...things.keys()]).toEqual([id]);
  });
  it("a refusal is a VendorCallError with the vendor's words, never retried", async () => {
    const { handler, faults, calls } = acme(byName);
    faults.push("refused");
    const err = await handler.create({ name: "a", note: "" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(VendorCallError);
    expect((err as Error).message).toMatch(/^AcmeThing: creating thing 'a' failed: Acme POST \/things failed with HTTP 400: bad note\. Check the resource's inputs/);
    expect(calls).toEqual(["POST"]);
  });
});
