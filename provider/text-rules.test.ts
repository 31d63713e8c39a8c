import { describe, expect, it } from "vitest";
import * as z from "zod";
import { freeText, identifierText, lengthWarning, nameText } from "./text-rules.js";

const issues = (schema: z.ZodType, v: unknown) => {
  const r = schema.safeParse(v);
  return r.success ? [] : r.error.issues.map((i) => i.message);
};

describe("the universal text rules", () => {
  const id = identifierText(z.string(), "username");
  const name = nameText(z.string(), "displayName");
  const text = freeText(z.string(), "description");

  it("refuse C0, DEL and C1 controls in a name, naming the property and the character", () => {
    for (const c of ["\u0000", "\n", "\r", "\t", "\u001b", "\u007f", "\u0085", "\u009f"]) {
      expect(issues(name, `a${c}b`)).toEqual([expect.stringMatching(/^displayName must not contain control characters \(found U\+[0-9A-F]{4} at character 2\)/)]);
    }
    expect(issues(id, "bot\u0000")).toEqual(["username must not contain control characters (found U+0000 at character 4): a name, username, e-mail address or display name is printable text on one line"]);
  });

  it("refuse an empty or blank identifier, and a blank name; let an empty name to the schema's own rule", () => {
    expect(issues(id, "")).toEqual(["username must not be empty"]);
    expect(issues(id, " \u3000\u00a0")).toEqual(["username must not be empty"]);
    expect(issues(name, "   ")).toEqual(["displayName must not be only whitespace"]);
    expect(issues(name, "")).toEqual([]);
  });

  it("let a description hold tabs and line breaks, nothing else of the kind", () => {
    expect(issues(text, "line one\r\nline\ttwo\n")).toEqual([]);
    expect(issues(text, "a\u0000b")).toEqual(["description must not contain control characters other than tabs and line breaks (found U+0000 at character 2)"]);
    expect(issues(text, "a\u0085")).toHaveLength(1);
  });

  it("accept ordinary text in every language", () => {
    for (const s of ["Bad Input", "Zoë Ångström", "山田 太郎", "bot@example.com"]) {
      expect(issues(id, s)).toEqual([]);
      expect(issues(text, s)).toEqual([]);
    }
  });

  it("warn past an assumed length, naming the property, its length and the assumed limit", () => {
    expect(lengthWarning("description", "d".repeat(1024), 1024, "Uptrends")).toBeUndefined();
    expect(lengthWarning("description", undefined, 1024, "Uptrends")).toBeUndefined();
    expect(lengthWarning("description", "d".repeat(5000), 1024, "Uptrends")).toBe(
      "description has 5000 characters; we assume Uptrends accepts at most 1024 (INFERRED: no Uptrends source documents a maximum), so the create or update may be refused.",
    );
  });
});
