import { describe, expect, it } from "vitest";
import * as z from "zod";
import { allHandlers, handlerFor, registerHandler } from "./handlers.js";
import type { ResourceHandler } from "./resource.js";
import { VENDORS } from "./vendors/index.js";
import { SHIPPED_KINDS } from "../test/shipped-kinds.js";

const extra = (kind: string): ResourceHandler => ({
  kind,
  vendor: "Extra",
  inputs: z.object({}),
  outputs: z.object({}),
  secretOutputs: [],
  replaceOnChanges: [],
  with: () => ({
    check: async () => ({ inputs: {}, failures: [] }),
    diff: async () => ({ changes: false, replaces: [], changed: [] }),
    create: async () => ({ id: "1", outs: {} }),
    read: async () => ({}),
    update: async () => ({}),
    delete: async () => undefined,
  }),
});

describe("resource kinds", () => {
  it("ships the five vendor kinds among the registry's, each once, and no test-only kind", () => {
    const kinds = allHandlers().map((h) => h.kind);
    expect(kinds).toEqual(expect.arrayContaining([...SHIPPED_KINDS]));
    expect(new Set(kinds).size).toBe(kinds.length);
    expect(() => handlerFor("TestingMemo")).toThrow(/no handler for resource kind 'TestingMemo'/);
  });

  it("serves every kind of every vendor module in the registry, by that module's handler", () => {
    const declared = VENDORS.flatMap((v) => v.kinds);
    expect(allHandlers().map((h) => h.kind)).toEqual(declared.map((k) => k.kind));
    for (const k of declared) expect(handlerFor(k.kind)).toBe(k.handler);
  });

  it("serves a registered kind without listing it among the shipped ones", () => {
    registerHandler(extra("ExtraKind"));
    expect(handlerFor("ExtraKind").vendor).toBe("Extra");
    expect(allHandlers().some((h) => h.kind === "ExtraKind")).toBe(false);
  });

  it("refuses to replace a shipped kind", () => {
    expect(() => registerHandler(extra("UptrendsApiAccount"))).toThrow(/cannot be registered again/);
    expect(handlerFor("UptrendsApiAccount").vendor).toBe("Uptrends");
  });
});
