// The facts declared on each property are the only source of a kind's diff, its defaults and the
// sentence the generated docs, schema.json and SDK give each default.
import { describe, expect, it } from "vitest";
import * as z from "zod";
import { defaultSentenceOf, diffSpecOf, withDeclaredDefaults } from "./property-facts.js";
import { asSet, caseless, diffProperties } from "./resource.js";

const declared = z.object({
  name: z.string().meta({ description: "Name.", onChange: "replace", compare: caseless }),
  label: z.string().optional().meta({ description: "Label.", defaultsTo: "name" }),
  tags: z.array(z.string()).optional().meta({ description: "Tags.", compare: asSet, whenOmitted: [] }),
  enabled: z.boolean().default(true).meta({ description: "Enabled." }),
  importId: z.string().optional().meta({ description: "Adopt.", onChange: "none" }),
});

/** Inputs as a diff sees them after check: any subset of the declared ones. */
const news = (v: Record<string, unknown>) => v as z.output<typeof declared>;

describe("diffSpecOf", () => {
  it("compares every input but those that never diff, with the declared comparison and defaults", () => {
    const spec = diffSpecOf(declared);
    expect(spec.properties).toEqual(["name", "label", "tags", "enabled"]);
    expect(spec.replaceOnChanges).toEqual(["name"]);
    expect(spec.normalise).toEqual({ name: caseless, tags: asSet });
    expect(spec.defaults).toEqual({ tags: [], enabled: true });
    expect(spec.defaultsTo).toEqual({ label: "name" });
  });

  it("an omitted input equals its default, or the input it defaults to; a real change still shows", () => {
    const spec = diffSpecOf(declared);
    const olds = { name: "Bot", label: "Bot", tags: [], enabled: true };
    expect(diffProperties(olds, news({ name: "Bot" }), spec).changed).toEqual([]);
    expect(diffProperties(olds, news({ name: "bot", label: "Bot" }), spec).changed).toEqual([]);
    expect(diffProperties({ name: "bot", label: "" }, news({ name: "bot", label: "bot" }), spec).changed).toEqual([]);
    expect(diffProperties(olds, news({ name: "Bot", label: "Robot", tags: ["a"], enabled: false, importId: "x" }), spec).changed).toEqual(["label", "tags", "enabled"]);
    expect(diffProperties(olds, news({ name: "other" }), spec).replaces).toEqual(["name"]);
  });
});

describe("withDeclaredDefaults", () => {
  it("fills what an omitted input stands for and the inputs others default to; keeps what is set", () => {
    expect(withDeclaredDefaults(declared, { name: "bot" })).toEqual({ name: "bot", label: "bot", tags: [], enabled: true });
    expect(withDeclaredDefaults(declared, { name: "bot", label: "Bot", tags: ["x"], enabled: false })).toEqual({ name: "bot", label: "Bot", tags: ["x"], enabled: false });
  });

  it("gives each resource its own copy of a list default", () => {
    const a = withDeclaredDefaults(declared, { name: "a" } as { name: string; tags?: string[] });
    if (!a.tags) throw new Error("no default list");
    a.tags.push("changed");
    expect(withDeclaredDefaults(declared, { name: "b" })).toMatchObject({ tags: [] });
  });
});

describe("defaultSentenceOf", () => {
  it("says the declared default in one sentence, and nothing where none is declared", () => {
    const shape = declared.shape;
    expect(defaultSentenceOf(shape.label)).toBe("Defaults to `name`.");
    expect(defaultSentenceOf(shape.tags)).toBe("Omitted means none.");
    expect(defaultSentenceOf(z.boolean().optional().meta({ whenOmitted: false }))).toBe("Defaults to `false`.");
    expect(defaultSentenceOf(shape.name)).toBeUndefined();
  });
});
