import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import * as z from "zod";
import { AdoptionError, LostCreateError, OutcomeUnknownError, VendorCallError } from "./errors.js";
import { backoffDelay, parseAnswer, TransportError, UnexpectedAnswerError, VendorError } from "./http/index.js";
import { createRetry, defineResource, settlePendingCreate, type LostAnswer, type OwnCreate, type MadeLateContext } from "./lifecycle.js";
import { diffProperties } from "./resource.js";
import { resolveSettings, type Settings } from "./settings.js";
import { recordingNotes } from "./notes.js";

// A vendor in memory: just enough to drive every path of the shared protocol.
const inputs = z.object({ name: z.string().min(1).meta({ onChange: "replace" }), note: z.string().default(""), importId: z.string().optional().meta({ onChange: "none" }) });
const outputs = inputs.extend({ thingId: z.string() });
type Out = z.output<typeof outputs>;
interface Thing {
  id: string;
  name: string;
  note: string;
  /** The marker of the send that made it (a vendor whose names are not unique, as IBM Verify). */
  marker?: string;
}
interface Plan {
  name: string;
  note: string;
  marker: string;
}

const lostAnswer = () => new TransportError({ vendor: "Acme", method: "POST", pathTemplate: "/things", code: "CONNECTION", detail: "connection failed", outcomeUnknown: true });

/** A 2xx answer that cannot be read: the create happened, what it made is not known. */
const unreadable = () => {
  try {
    parseAnswer(z.object({ id: z.string() }), "{\"id\": \"t", "Acme", "POST /things");
  } catch (e) {
    return e;
  }
  throw new Error("unreachable");
};

/**
 * What one send meets: `lost` (nothing made, answer lost), `lostAfterWrite` (made, answer lost),
 * `lostLate` (answer lost, made later: there from the next send on), `noId`, `unreadable` (made, a
 * 2xx answer that cannot be read), `unreadableNoWrite`, `refused`.
 */
type Fault = "lost" | "refused" | "lostAfterWrite" | "lostLate" | "noId" | "unreadable" | "unreadableNoWrite";

function acme(
  look: (things: Thing[], plan: Plan, lost: LostAnswer<Plan>) => OwnCreate<Thing>,
  opts: {
    markers?: boolean;
    deleteMadeLate?: (earlier: readonly Plan[], id: string, ctx: MadeLateContext) => Promise<string | undefined>;
    /** Names are unique: a create of a name that exists is refused (409), as at four of the five vendors. */
    unique?: boolean;
    /** The converge of an adoption fails after its first write. */
    convergeFails?: boolean;
  } = {},
) {
  const things = new Map<string, Thing>();
  const calls: string[] = [];
  const faults: Fault[] = [];
  /** Things a lost send made, appearing only when the next send goes out (a late commit). */
  const late: Thing[] = [];
  const lookups: LostAnswer<Plan>[] = [];
  let n = 0;
  let markers = 0;
  const clientsMadeWith: Settings[] = [];
  const declared = defineResource({
    kind: "AcmeThing",
    vendor: "Acme",
    noun: "thing",
    console: "in the Acme console",
    inputs,
    outputs,
    client: (settings) => (clientsMadeWith.push(settings), { things }),
    diff: (olds, news) => diffProperties(olds, news, { properties: ["name", "note"], replaceOnChanges: ["name"] }),
    create: {
      action: (i) => `creating thing '${i.name}'`,
      plan: (_c, i): Plan => ({ name: i.name, note: i.note, marker: `m${++markers}` }),
      ...(opts.markers ? { resendPlan: (p: Plan): Plan => ({ ...p, marker: `m${++markers}` }) } : {}),
      async send(_c, body) {
        calls.push(opts.markers ? `POST ${body.marker}` : "POST");
        for (const t of late.splice(0)) things.set(t.id, t);
        const fault = faults.shift();
        if (opts.unique && [...things.values()].some((t) => t.name === body.name)) {
          throw new VendorError({ vendor: "Acme", method: "POST", pathTemplate: "/things", status: 409, vendorMessage: "a thing with this name already exists" });
        }
        if (fault === "refused") throw new VendorError({ vendor: "Acme", method: "POST", pathTemplate: "/things", status: 400, vendorMessage: "bad note" });
        const made: Thing = { id: `t${++n}`, ...body };
        if (fault === "lost" || fault === "unreadableNoWrite") {
          // nothing made
        } else if (fault === "lostLate") late.push(made);
        else things.set(made.id, made);
        if (fault === "noId") throw new OutcomeUnknownError("Acme answered 201 without the id");
        if (fault === "unreadable" || fault === "unreadableNoWrite") throw unreadable();
        if (fault) throw lostAnswer();
        return made;
      },
      async findOwnCreate(_c, body, _i, lost) {
        calls.push("LOOKUP");
        lookups.push(lost);
        return look([...things.values()], body, lost);
      },
      ...(opts.unique ? { duplicate: (e: unknown) => e instanceof VendorError && e.status === 409 } : {}),
      ...(opts.deleteMadeLate ? { deleteMadeLate: (_c: unknown, earlier: readonly Plan[], made: { id: string }, _i: z.output<typeof inputs>, ctx: MadeLateContext) => (calls.push("DELETE LATE"), opts.deleteMadeLate!(earlier, made.id, ctx)) } : {}),
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
      if (opts.convergeFails) {
        things.set(id, { id, name: desired.name, note: desired.note });
        throw new VendorCallError("AcmeThing: setting the tags of thing " + id + " failed: Acme answered 503. Thing " + id + " holds the new note already.");
      }
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
  return { declared, handler: declared.with(settings, notes), settings, clientsMadeWith, things, calls, faults, late, lookups };
}

/** The usual proof where names are unique: a thing with this name is ours. */
const byName = (things: Thing[], { name }: Plan): OwnCreate<Thing> => {
  const t = things.find((x) => x.name === name);
  return t ? { found: "ours", made: t, id: t.id } : { found: "none" };
};

/** The proof where names are not unique: the marker of this send, or of an earlier send of this create. */
const byMarker = (things: Thing[], plan: Plan, lost: LostAnswer<Plan>): OwnCreate<Thing> => {
  const mine = [plan, ...lost.earlier].map((p) => p.marker);
  const t = mine.map((m) => things.find((x) => x.marker === m)).find((x) => x !== undefined);
  return t ? { found: "ours", made: t, id: t.id } : { found: "none" };
};

/** The notes each test's handler writes, read directly: `logged()` is what stderr would show. */
let notes = recordingNotes();
let sleep: { mock: { calls: unknown[][] }; mockRestore(): void };
beforeEach(() => {
  notes = recordingNotes();
  sleep = vi.spyOn(createRetry, "sleep").mockResolvedValue(undefined);
});
afterEach(() => {
  sleep.mockRestore();
});
const logged = () => notes.written();

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
    expect(notes.recorded.map((n) => n.severity)).toEqual(["info"]);
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

describe("defineResource: importId acts at the first create only", () => {
  it("a replacement with importId still declared creates a new thing: adopting the replaced one again would fail its guard, or leave state on a thing the engine then deletes", async () => {
    const { handler, things, calls } = acme(byName);
    things.set("t9", { id: "t9", name: "a", note: "" });
    const first = (await handler.check(undefined, { name: "a", importId: "t9" })).inputs;
    expect(first.importId).toBe("t9");
    const adopted = await handler.create(first);
    // What the engine does next for a replacing change: check against the old inputs, diff, create, delete the old.
    const news = (await handler.check(first, { name: "b", importId: "t9" })).inputs;
    expect(news).not.toHaveProperty("importId");
    expect((await handler.diff(adopted.id, adopted.outs, news)).replaces).toEqual(["name"]);
    const replacement = await handler.create(news);
    await handler.delete(adopted.id, adopted.outs);
    expect(replacement.id).not.toBe("t9");
    expect([...things.values()]).toEqual([expect.objectContaining({ id: replacement.id, name: "b" })]);
    expect(calls).toEqual(["POST"]);
  });
  it("keeps importId on the first create, on a change made in place, and with no change", async () => {
    const { handler } = acme(byName);
    const first = (await handler.check({}, { name: "a", importId: "t9" })).inputs;
    expect(first.importId).toBe("t9");
    expect((await handler.check(first, { name: "a", note: "x", importId: "t9" })).inputs.importId).toBe("t9");
    expect((await handler.check(first, { name: "a", importId: "t9" })).inputs.importId).toBe("t9");
  });
});

describe("defineResource: a create whose answer was lost", () => {
  it("takes what the lost request provably made: no second create, one note", async () => {
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
  it("sends again within one budget of five sends, with the transport's backoff before each resend", async () => {
    const { handler, faults, calls } = acme(byName);
    faults.push("lost", "lost", "lost", "lost");
    await handler.create({ name: "a", note: "" });
    expect(calls).toEqual(["POST", "LOOKUP", "POST", "LOOKUP", "POST", "LOOKUP", "POST", "LOOKUP", "POST"]);
    expect(createRetry.sends).toBe(5);
    // Full jitter below the transport's ceilings: 300, 600, 1200, 2400 ms.
    const waits = sleep.mock.calls.map((c) => c[0] as number);
    expect(waits).toHaveLength(4);
    waits.forEach((ms, k) => {
      expect(ms).toBeGreaterThanOrEqual(0);
      expect(ms).toBeLessThan(Math.min(createRetry.backoff.maxMs, createRetry.backoff.baseMs * 2 ** k));
    });
    expect(createRetry.backoff).toEqual({ baseMs: 300, maxMs: 8_000 });
    expect(backoffDelay(0, createRetry.backoff, () => 0.999)).toBe(299);
  });
  it("lost on every send of the budget: a LostCreateError that says nothing is left behind and keeps its cause", async () => {
    const { handler, faults, calls } = acme(byName);
    faults.push("lost", "lost", "lost", "lost", "lost");
    const err = await handler.create({ name: "a", note: "" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LostCreateError);
    expect((err as Error).message).toBe("AcmeThing: creating thing 'a' lost its answer (Acme POST /things: connection failed); it was attempt 5, and no thing was made. Nothing is left behind: run 'pulumi up' again.");
    expect((err as Error).cause).toBeInstanceOf(TransportError);
    expect(calls.filter((c) => c === "POST")).toHaveLength(5);
    expect(calls.filter((c) => c === "LOOKUP")).toHaveLength(5);
    expect(sleep.mock.calls).toHaveLength(4);
  });
  it("no pause before the first send, nor after a send whose look-up took what it made", async () => {
    const { handler, faults } = acme(byName);
    faults.push("lostAfterWrite");
    await handler.create({ name: "a", note: "" });
    expect(sleep.mock.calls).toHaveLength(0);
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
    const { handler, faults, calls, things } = acme(byName);
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

describe("defineResource: a create whose 2xx answer cannot be read", () => {
  it("is an unknown outcome: the look-up takes what it made, no second create", async () => {
    const { handler, faults, calls, things } = acme(byName);
    faults.push("unreadable");
    const { id } = await handler.create({ name: "a", note: "" });
    expect(calls).toEqual(["POST", "LOOKUP"]);
    expect([...things.keys()]).toEqual([id]);
    expect(logged()).toMatch(new RegExp(`^apiidentity: AcmeThing: creating thing 'a' lost its answer \\(Acme: unexpected answer to POST /things .*\\); thing ${id}, made by that request, is now managed\n$`));
  });
  it("sends again when the look-up proves nothing was made", async () => {
    const { handler, faults, calls, things } = acme(byName);
    faults.push("unreadableNoWrite");
    const { id } = await handler.create({ name: "a", note: "" });
    expect(calls).toEqual(["POST", "LOOKUP", "POST"]);
    expect([...things.keys()]).toEqual([id]);
  });
  it("a look-up that fails too names the unreadable answer as the cause", async () => {
    const { handler, faults } = acme(() => {
      throw new VendorError({ vendor: "Acme", method: "GET", pathTemplate: "/things", status: 503, vendorMessage: "busy" });
    });
    faults.push("unreadable");
    const err = await handler.create({ name: "a", note: "" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LostCreateError);
    expect((err as Error).cause).toBeInstanceOf(UnexpectedAnswerError);
    expect((err as Error).message).toMatch(/lost its answer \(Acme: unexpected answer to POST \/things .*\); the outcome is unknown, and looking up the thing it may have made failed/);
  });
});

describe("defineResource: resends where names are not unique (a marker per send)", () => {
  it("each resend gets a fresh plan (resendPlan), and each look-up is told the plans of the earlier sends", async () => {
    const { handler, faults, calls, lookups } = acme(byMarker, { markers: true });
    faults.push("lost", "lost");
    await handler.create({ name: "a", note: "" });
    expect(calls).toEqual(["POST m1", "LOOKUP", "POST m2", "LOOKUP", "POST m3"]);
    expect(lookups.map((l) => l.earlier.map((p) => p.marker))).toEqual([[], ["m1"]]);
    expect(lookups.map((l) => l.attempt)).toEqual([1, 2]);
  });
  it("a late commit of an earlier send is taken over rather than duplicated", async () => {
    const { handler, faults, calls, things } = acme(byMarker, { markers: true });
    // Send 1 lands only after its look-up said none; send 2 makes nothing and loses its answer.
    faults.push("lostLate", "lost");
    const { id } = await handler.create({ name: "a", note: "" });
    expect(calls).toEqual(["POST m1", "LOOKUP", "POST m2", "LOOKUP"]);
    expect([...things.values()].map((t) => [t.id, t.marker])).toEqual([[id, "m1"]]);
  });
  it("after a create that needed resends, deleteMadeLate removes what an earlier send made late", async () => {
    const tidied: { earlier: string[]; kept: string }[] = [];
    const env = acme(byMarker, {
      markers: true,
      deleteMadeLate: async (earlier, kept) => {
        tidied.push({ earlier: earlier.map((p) => p.marker), kept });
        for (const t of [...env.things.values()]) if (t.id !== kept && earlier.some((p) => p.marker === t.marker)) env.things.delete(t.id);
        return undefined;
      },
    });
    env.faults.push("lostLate");
    const { id } = await env.handler.create({ name: "a", note: "" });
    // Send 1's thing appears after its look-up; send 2 succeeds; deleteMadeLate deletes send 1's.
    expect(env.calls).toEqual(["POST m1", "LOOKUP", "POST m2", "DELETE LATE"]);
    expect(tidied).toEqual([{ earlier: ["m1"], kept: id }]);
    expect([...env.things.values()].map((t) => t.marker)).toEqual(["m2"]);
  });
  it("what deleteMadeLate could not remove is named in a warning note; the create itself stands", async () => {
    const { handler, faults, calls } = acme(byMarker, { markers: true, deleteMadeLate: async () => "thing t1 (marker m1) could not be deleted: Acme DELETE failed. Delete it in the Acme console" });
    faults.push("lost");
    const { id } = await handler.create({ name: "a", note: "" });
    expect(calls).toEqual(["POST m1", "LOOKUP", "POST m2", "DELETE LATE"]);
    expect(logged()).toBe(`apiidentity: AcmeThing: creating thing 'a' needed 2 sends; thing ${id} is managed, but thing t1 (marker m1) could not be deleted: Acme DELETE failed. Delete it in the Acme console\n`);
    expect(notes.recorded.map((n) => n.severity)).toEqual(["warning"]);
  });
  it("a kind without fresh plans (no resendPlan) gets deleteMadeLate too, told the earlier sends, the first send's start and where to say what it deleted", async () => {
    const before = Date.now();
    const seen: { earlier: number; since: number }[] = [];
    const env = acme(byMarker, {
      deleteMadeLate: async (earlier, kept, ctx) => {
        seen.push({ earlier: earlier.length, since: ctx.since });
        for (const t of [...env.things.values()]) if (t.id !== kept) env.things.delete(t.id);
        ctx.note("thing t1, made late by an earlier send, was deleted.");
        return undefined;
      },
    });
    env.faults.push("lostLate");
    const { id } = await env.handler.create({ name: "a", note: "" });
    expect(env.calls).toEqual(["POST", "LOOKUP", "POST", "DELETE LATE"]);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.earlier).toBe(1);
    expect(seen[0]!.since).toBeGreaterThanOrEqual(before);
    expect([...env.things.keys()]).toEqual([id]);
    expect(logged()).toBe(`apiidentity: AcmeThing: creating thing 'a' needed 2 sends; thing ${id} is managed, and thing t1, made late by an earlier send, was deleted\n`);
  });
  it("deleteMadeLate is not called after a create that needed one send", async () => {
    const { handler, faults, calls } = acme(byMarker, { markers: true, deleteMadeLate: async () => undefined });
    faults.push("lostAfterWrite");
    await handler.create({ name: "a", note: "" });
    await handler.create({ name: "b", note: "" });
    expect(calls).toEqual(["POST m1", "LOOKUP", "POST m2"]);
  });
});

describe("defineResource: a resend refused as a duplicate where names are unique (an earlier send landed late)", () => {
  /** Unique names: a thing with this name, created no earlier than the first send, is ours. */
  const sinceFirstSend = (things: Thing[], { name }: Plan, lost: LostAnswer<Plan>): OwnCreate<Thing> => {
    const t = things.find((x) => x.name === name);
    if (!t) return { found: "none" };
    return created.get(t.id)! >= lost.startedAt ? { found: "ours", made: t, id: t.id } : { found: "unproven", id: t.id, what: `a thing named '${t.name}' (id ${t.id})`, why: "it was created before this request" };
  };
  const created = new Map<string, number>();
  const stamp = (things: Map<string, Thing>) => {
    for (const id of things.keys()) if (!created.has(id)) created.set(id, Date.now());
  };

  it("the refused resend's duplicate is the earlier send's work: taken over, no error, one note", async () => {
    const env = acme((things, plan, lost) => (stamp(env.things), sinceFirstSend(things, plan, lost)), { unique: true });
    // Send 1 loses its answer and lands only after its look-up found nothing; send 2 is refused (409).
    env.faults.push("lostLate");
    const { id } = await env.handler.create({ name: "a", note: "" });
    expect(env.calls).toEqual(["POST", "LOOKUP", "POST", "LOOKUP"]);
    expect([...env.things.keys()]).toEqual([id]);
    // The second look-up is bounded by the first send's start, not the refused resend's.
    expect(env.lookups[1]!.startedAt).toBe(env.lookups[0]!.startedAt);
    expect(env.lookups[1]!.attempt).toBe(2);
    expect(logged()).toContain(`apiidentity: AcmeThing: creating thing 'a' was sent again and refused as a duplicate; thing ${id} was made by its earlier send (which landed late) and is now managed`);
  });
  it("a duplicate that is not provably the earlier send's is refused as before, naming the vendor's words", async () => {
    const env = acme((things, plan, lost) => {
      // After the first look-up found nothing, someone else makes a thing with this name and another note.
      if (lost.attempt === 1) env.late.push({ id: "x1", name: "a", note: "theirs" });
      stamp(env.things);
      const t = things.find((x) => x.name === plan.name);
      return t && t.note !== plan.note ? { found: "unproven", id: t.id, what: `a thing named 'a' (id ${t.id})`, why: "its note differs" } : sinceFirstSend(things, plan, lost);
    }, { unique: true });
    env.faults.push("lost");
    const e = (await env.handler.create({ name: "a", note: "" }).catch((x: unknown) => x)) as Error;
    expect(e).toBeInstanceOf(VendorCallError);
    expect(e.message).toMatch(/^AcmeThing: creating thing 'a' failed: Acme POST \/things failed with HTTP 409: a thing with this name already exists\./);
    expect(env.calls).toEqual(["POST", "LOOKUP", "POST", "LOOKUP"]);
    expect([...env.things.keys()]).toEqual(["x1"]);
  });
  it("a duplicate refusal of the first send is no lost create: no look-up, the vendor's words", async () => {
    const env = acme(sinceFirstSend, { unique: true });
    env.things.set("x2", { id: "x2", name: "b", note: "" });
    await expect(env.handler.create({ name: "b", note: "" })).rejects.toThrow("a thing with this name already exists");
    expect(env.calls).toEqual(["POST"]);
  });
});

describe("defineResource: an adoption whose converge fails after a write", () => {
  it("says the identity is not managed yet and that the next 'pulumi up' with importId adopts it", async () => {
    const { handler, things } = acme(byName, { convergeFails: true });
    things.set("t9", { id: "t9", name: "a", note: "old" });
    const e = (await handler.create({ name: "a", note: "new", importId: "t9" }).catch((x: unknown) => x)) as Error;
    expect(e).toBeInstanceOf(VendorCallError);
    expect(e.message).toBe(
      'AcmeThing: setting the tags of thing t9 failed: Acme answered 503. Thing t9 holds the new note already. Thing t9 is not managed yet (it is in no state): keep importId: "t9" and run \'pulumi up\' again, which adopts it and finishes.',
    );
  });
});

describe("settlePendingCreate: a create a killed run left pending (apiidentity recover)", () => {
  const pending = (inputs: Record<string, unknown>, held: string[] = []) => ({ inputs: { __createKey: "p/s/AcmeThing/a", ...inputs }, sentAfter: 1_000, held: new Set(held) });

  it("takes what the look-up proves the create made, bounded by the time the killed run could have sent it; no create", async () => {
    const { declared, settings, things, calls, lookups } = acme(byName);
    things.set("t5", { id: "t5", name: "a", note: "" });
    expect(await settlePendingCreate(declared, settings, pending({ name: "a", note: "" }))).toEqual({ action: "import", id: "t5", note: "thing t5 is provably what it made: imported" });
    expect(calls).toEqual(["LOOKUP"]);
    expect(lookups[0]).toMatchObject({ startedAt: 1_000, attempt: 1, earlier: [], held: new Set(), dryRun: false });
  });
  it("nothing found: the pending create made nothing and is cleared", async () => {
    const { declared, settings } = acme(byName);
    expect(await settlePendingCreate(declared, settings, pending({ name: "a", note: "" }))).toEqual({ action: "clear", note: "no thing was made" });
  });
  it("never takes what a resource in state holds: with unique names, the pending create made nothing", async () => {
    const { declared, settings, things } = acme(byName);
    things.set("t5", { id: "t5", name: "a", note: "" });
    const v = await settlePendingCreate(declared, settings, pending({ name: "a", note: "" }, ["t5"]));
    expect(v).toEqual({ action: "clear", note: "thing t5 with its natural key belongs to a resource in state, so this create made none" });
  });
  it("what it cannot prove is named with importId, never taken", async () => {
    const { declared, settings, things } = acme(() => ({ found: "unproven", id: "t7", what: "a thing named 'a' (id t7)", why: "it was created before the killed run" }));
    things.set("t7", { id: "t7", name: "a", note: "" });
    expect(await settlePendingCreate(declared, settings, pending({ name: "a", note: "" }))).toEqual({
      action: "unresolved",
      id: "t7",
      note: "Acme has a thing named 'a' (id t7) that cannot be proven to be what this create made (it was created before the killed run): check it in the Acme console, then adopt it with importId: \"t7\" or delete it",
    });
  });
  it("an adoption (importId) makes nothing: cleared without a look-up", async () => {
    const { declared, settings, calls } = acme(byName);
    expect(await settlePendingCreate(declared, settings, pending({ name: "a", note: "", importId: "t1" }))).toEqual({ action: "clear", note: "an adoption (importId) makes nothing: the next 'pulumi up' adopts thing t1" });
    expect(calls).toEqual([]);
  });
  it("a look-up that fails leaves it unresolved, naming the failure", async () => {
    const { declared, settings } = acme(() => {
      throw new VendorError({ vendor: "Acme", method: "GET", pathTemplate: "/things", status: 503, vendorMessage: "down" });
    });
    const v = await settlePendingCreate(declared, settings, pending({ name: "a", note: "" }));
    expect(v.action).toBe("unresolved");
    expect(v.note).toMatch(/^looking up the thing it may have made failed: .*503/);
  });
});

describe("defineResource: a plain CRUD kind declares only what differs (the lifecycle's defaults)", () => {
  /** A kind with no lost-create look-up, no adoption hooks, no diff of its own, and a refusal that names the action it was given. */
  function plain() {
    const things = new Map<string, Thing>();
    const refusedWith: string[] = [];
    let lose = false;
    const declared = defineResource({
      kind: "PlainThing",
      vendor: "Plain",
      noun: "thing",
      console: "in the Plain console",
      inputs,
      outputs,
      client: () => ({ things }),
      create: {
        action: (i) => `making thing '${i.name}'`,
        plan: (_c, i): Plan => ({ name: i.name, note: i.note, marker: "" }),
        async send(_c, body) {
          if (lose) throw lostAnswer();
          if (body.note === "bad") throw new VendorError({ vendor: "Plain", method: "POST", pathTemplate: "/things", status: 400, vendorMessage: "bad note" });
          const t: Thing = { id: `p${things.size + 1}`, name: body.name, note: body.note };
          things.set(t.id, t);
          return t;
        },
        refused: async (_c, _plan, _i, _e, action) => (refusedWith.push(action), undefined),
        finish: (_c, t, i) => ({ id: t.id, outs: { ...i, thingId: t.id } }),
      },
      async converge(_c, id, current: Out, desired) {
        const changed = current.note === desired.note ? [] : ["note"];
        if (changed.length) things.set(id, { id, name: desired.name, note: desired.note });
        return { outs: { ...desired, thingId: id }, changed };
      },
      read: async (_c, id) => (things.has(id) ? { id, props: { ...things.get(id)!, thingId: id } } : {}),
      remove: async (_c, id) => void things.delete(id),
    });
    return { declared, handler: declared.with(resolveSettings({}), notes), things, refusedWith, loseAnswers: () => (lose = true) };
  }

  it("diffs the declared inputs as declared (importId never, name replaces) and derives the secret and replace lists", async () => {
    const { declared, handler } = plain();
    const olds = { name: "a", note: "x", thingId: "p1" };
    expect(await handler.diff("p1", olds, { name: "a", note: "x", importId: "p1" })).toEqual({ changes: false, replaces: [], changed: [] });
    expect(await handler.diff("p1", olds, { name: "b", note: "y" })).toEqual({ changes: true, replaces: ["name"], changed: ["name", "note"] });
    expect(declared.replaceOnChanges).toEqual(["name"]);
    expect(declared.secretOutputs).toEqual([]);
  });

  it("a lost answer without a look-up is unproven: one send, no resend, the user told where to look", async () => {
    const { handler, things, loseAnswers } = plain();
    loseAnswers();
    const err = await handler.create({ name: "a", note: "" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LostCreateError);
    expect((err as Error).message).toBe(
      "PlainThing: making thing 'a' lost its answer (Acme POST /things: connection failed); Plain may have a thing made by this request that cannot be proven to be the one just created (PlainThing has no way to look up what a create made), so it was not taken over. Check it in the Plain console, then adopt it with importId or delete it, and run 'pulumi up' again.",
    );
    expect(things.size).toBe(0);
    expect(sleep.mock.calls).toHaveLength(0);
  });

  it("adoption by id: what read finds under importId is what converge starts from; an unknown id says to check it in the console", async () => {
    const { handler, things } = plain();
    things.set("p7", { id: "p7", name: "a", note: "old" });
    expect(await handler.create({ name: "a", note: "new", importId: "p7" })).toEqual({ id: "p7", outs: { name: "a", note: "new", importId: "p7", thingId: "p7" } });
    expect(things.get("p7")?.note).toBe("new");
    await expect(handler.create({ name: "a", note: "", importId: "nope" })).rejects.toThrow('PlainThing: importId "nope": Plain has no thing with this id. Check the id in the Plain console, or remove importId to create a new thing.');
  });

  it("a refusal hook is given the create's action, in the words the user reads", async () => {
    const { handler, refusedWith } = plain();
    await expect(handler.create({ name: "a", note: "bad" })).rejects.toThrow(/^PlainThing: making thing 'a' failed: /);
    expect(refusedWith).toEqual(["making thing 'a'"]);
  });
});
