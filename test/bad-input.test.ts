// The bad-input corpus against each kind's own check, without Pulumi or a vendor: every invalid entry
// is refused naming its property (a look-up entry passes every local rule: only the vendor's list
// refuses it, which test/e2e/bad-input.test.ts shows), every "warned" entry passes with its warning,
// and the corpus holds at least 25 entries per kind, of every category the issue names.
import { describe, expect, it } from "vitest";
import { handlerFor } from "../provider/handlers.js";
import { resolveSettings } from "../provider/settings.js";
import { corpora, groupInputs, inputsOf, previewGroups, type Category, type VendorFacts } from "./bad-input/index.js";

const facts: VendorFacts = {
  uptrendsOperatorGuid: "7c1f2a3b-4d5e-4f60-8a9b-0c1d2e3f4a5b",
  uipathPartitionGlobalId: "0b6e5a4d-3c2b-4a19-8f7e-6d5c4b3a2918",
};

const firstSegment = (property: string) => property.split(".")[0];

describe.each(corpora.map((c) => [c.kind, c] as const))("%s", (_kind, c) => {
  // No provider settings: no vendor is reachable, so only the local rules judge.
  const handler = handlerFor(c.kind);
  const h = { check: handler.with(resolveSettings({})).check, advise: handler.advise?.bind(handler) };

  it("holds at least 25 invalid inputs, each with its own id", () => {
    expect(c.invalid.length).toBeGreaterThanOrEqual(25);
    expect(new Set(c.invalid.map((e) => e.id)).size).toBe(c.invalid.length);
    expect(new Set(c.warned.map((e) => e.id)).size).toBe(c.warned.length);
  });

  it("starts from inputs that pass check without a warning", async () => {
    const r = await h.check(undefined, c.valid(facts));
    expect(r.failures).toEqual([]);
    expect(h.advise?.(r.inputs) ?? []).toEqual([]);
  });

  it.each(c.invalid.map((e) => [e.id, e] as const))("refuses %s naming its property", async (_id, e) => {
    const r = await h.check(undefined, inputsOf(c, e, facts));
    if (e.lookup) {
      // No local rule refuses it: the Control Room's roles list does (see the e2e test).
      expect(r.failures).toEqual([]);
      return;
    }
    expect(r.failures.length, JSON.stringify(r.failures)).toBeGreaterThan(0);
    expect(r.failures.map((f) => firstSegment(f.property))).toContain(e.property);
    for (const f of r.failures) expect(f.reason.trim().length).toBeGreaterThan(0);
  });

  // test/e2e/bad-input.test.ts previews these groups, one resource each: every entry of a group must
  // still be refused, naming its own property, next to the others.
  it.each(previewGroups(c).map((g) => [g.map((e) => e.id).join(", "), g] as const))("refuses together: %s", async (_ids, group) => {
    const r = await h.check(undefined, groupInputs(c, group, facts));
    if (group.every((e) => e.lookup)) {
      expect(r.failures).toEqual([]);
      return;
    }
    const named = r.failures.map((f) => firstSegment(f.property));
    for (const e of group) expect(named, e.id).toContain(e.property);
  });

  it.each(c.warned.map((e) => [e.id, e] as const))("accepts %s with a warning", async (_id, e) => {
    const r = await h.check(undefined, inputsOf(c, e, facts));
    expect(r.failures).toEqual([]);
    const warnings = h.advise?.(r.inputs) ?? [];
    expect(warnings.some((w) => e.warning.test(w)), warnings.join("\n")).toBe(true);
  });
});

describe("the corpus as a whole", () => {
  it("covers every kind of bad input the issue names", () => {
    const seen = new Set<Category>(corpora.flatMap((c) => c.invalid.map((e) => e.category)));
    const wanted: Category[] = ["wrong type", "missing", "empty", "whitespace", "over-long", "bad e-mail", "password rule", "unknown role", "bad GUID", "control character", "unusual Unicode", "injection"];
    expect(wanted.filter((w) => !seen.has(w))).toEqual([]);
    const total = corpora.reduce((n, c) => n + c.invalid.length, 0);
    console.log(`bad input corpus: ${total} invalid inputs over ${corpora.length} resources (${corpora.map((c) => `${c.kind} ${c.invalid.length}`).join(", ")}), ${corpora.reduce((n, c) => n + c.warned.length, 0)} warned, not refused`);
  });
});
