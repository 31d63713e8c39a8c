// Reading answers whose field names vary in letter case (for example a vendor that writes
// `OperatorGuid` in one answer and `operatorGuid` in another). The wire schema names each field
// once; `caseInsensitiveObject` respells the answer's keys to those names before validating it.
import * as z from "zod";

/**
 * A copy of `value` in which every key that equals one of `names` apart from letter case is spelled
 * as in `names`. A key spelled exactly as wanted wins over a differently cased duplicate. Keys that
 * match no name are kept unchanged. Anything that is not a plain object is returned as it is.
 */
export function respellKeys(value: unknown, names: readonly string[]): unknown {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return value;
  const byLower = new Map(names.map((n) => [n.toLowerCase(), n]));
  const src = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(src)) {
    const wanted = byLower.get(k.toLowerCase());
    if (wanted === undefined) {
      if (!(k in out)) out[k] = v;
    } else if (k === wanted || !Object.prototype.hasOwnProperty.call(src, wanted)) {
      out[wanted] = v;
    }
  }
  return out;
}

/**
 * `z.object(shape)` that accepts the shape's field names in any letter case. Unknown fields are
 * dropped, as with `z.object`.
 */
export function caseInsensitiveObject<T extends z.ZodRawShape>(shape: T) {
  const names = Object.keys(shape);
  return z.preprocess((v) => respellKeys(v, names), z.object(shape));
}
