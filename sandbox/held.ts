// The records of a state collection (an array, or an object keyed by id) as plain records.
export const listOf = (v: unknown): Record<string, unknown>[] =>
  (Array.isArray(v) ? v : v && typeof v === "object" ? Object.values(v) : []) as Record<string, unknown>[];
