// The rules for text inputs that are no vendor's choice, written once and applied from each vendor's
// inputs.ts: no control characters in a name, username, e-mail address or display name (a free-text
// description may hold tabs and line breaks, nothing else of the kind), and no empty or blank
// identifier. Lengths are the vendor's: refused where a vendor source documents a maximum, else a
// warning from `lengthWarning` naming the length we assume.
import type * as z from "zod";

/** C0 controls (U+0000–U+001F), DEL (U+007F) and C1 controls (U+0080–U+009F). */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
/** The same, except tab, line feed and carriage return: layout a multi-line description may use. */
const CONTROL_BUT_LAYOUT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

/** The length we assume for a name, username, e-mail address or display name no source limits. */
export const ASSUMED_NAME_MAX = 255;
/** The length we assume for a free-text description no source limits. */
export const ASSUMED_DESCRIPTION_MAX = 1024;

/** `U+0000 at character 4`: the first character `pattern` finds, for a message. */
function firstMatch(value: string, pattern: RegExp): string | undefined {
  const m = pattern.exec(value);
  if (!m) return undefined;
  const code = m[0].codePointAt(0) ?? 0;
  return `U+${code.toString(16).toUpperCase().padStart(4, "0")} at character ${m.index + 1}`;
}

/** Why a name-like value is refused, or undefined when it passes. */
export function nameProblem(property: string, value: string): string | undefined {
  const found = firstMatch(value, CONTROL);
  if (found) return `${property} must not contain control characters (found ${found}): a name, username, e-mail address or display name is printable text on one line`;
  return undefined;
}

/** Why a free-text value is refused, or undefined when it passes. */
export function freeTextProblem(property: string, value: string): string | undefined {
  const found = firstMatch(value, CONTROL_BUT_LAYOUT);
  if (found) return `${property} must not contain control characters other than tabs and line breaks (found ${found})`;
  return undefined;
}

/** Why an identifier is refused for being blank, or undefined. */
export function blankProblem(property: string, value: string): string | undefined {
  if (value.length > 0 && value.trim().length === 0) return `${property} must not be only whitespace`;
  return undefined;
}

type Text = z.ZodType<string>;

function refuse<S extends Text>(schema: S, ...rules: Array<(v: string) => string | undefined>): S {
  return schema.superRefine((v, ctx) => {
    for (const rule of rules) {
      const reason = rule(v);
      if (reason !== undefined) ctx.addIssue({ code: "custom", message: reason });
    }
  });
}

/**
 * A name, e-mail address or display name: no control characters, and not only whitespace (an empty
 * value is left to the schema's own rule, which says whether to omit it).
 */
export function nameText<S extends Text>(schema: S, property: string): S {
  return refuse(schema, (v) => nameProblem(property, v), (v) => blankProblem(property, v));
}

/** An identifier (a username, a login or client name): no control characters, and never empty or blank. */
export function identifierText<S extends Text>(schema: S, property: string): S {
  // Whitespace alone names nothing: it is as empty as the empty string.
  return refuse(schema, (v) => (v.trim().length === 0 ? `${property} must not be empty` : undefined), (v) => nameProblem(property, v));
}

/** Free text (a description): no control characters except tabs and line breaks. */
export function freeText<S extends Text>(schema: S, property: string): S {
  return refuse(schema, (v) => freeTextProblem(property, v));
}

/**
 * The warning for a value longer than the length we assume where no vendor source documents one:
 * it names the property, its length and the assumed limit; undefined when within it.
 */
export function lengthWarning(property: string, value: unknown, assumedMax: number, vendor: string): string | undefined {
  if (typeof value !== "string" || value.length <= assumedMax) return undefined;
  return `${property} has ${value.length} characters; we assume ${vendor} accepts at most ${assumedMax} (INFERRED: no ${vendor} source documents a maximum), so the create or update may be refused.`;
}
