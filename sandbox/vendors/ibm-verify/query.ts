// Query syntax of GET /v1.0/apiclients ([OAS] §4): each of `pagination`, `sort`, `search` and `filter`
// is ONE query parameter whose value is itself an encoded expression.
import type { ApiClientRecord } from "./state.js";

export class QueryError extends Error {}

const MAX_PAGE = 1000;

export type Pagination = { count?: number; page: number; limit?: number };

/** `pagination=count%3D10%26page%3D1%26limit%3D5`; page is 1-based (INFERRED). */
export function parsePagination(value: string | null): Pagination | undefined {
  if (value === null) return undefined;
  const parts = new URLSearchParams(value);
  const out: Pagination = { page: 1 };
  for (const [key, raw] of parts) {
    if (key !== "count" && key !== "page" && key !== "limit") throw new QueryError(`Unknown pagination parameter ${key}.`);
    if (!/^\d+$/.test(raw)) throw new QueryError(`The pagination parameter ${key} must be a positive integer.`);
    const n = Number(raw);
    if (n < 1) throw new QueryError(`The pagination parameter ${key} must be at least 1.`);
    if (key !== "page" && n > MAX_PAGE) throw new QueryError(`The pagination parameter ${key} must not exceed ${MAX_PAGE}.`);
    out[key] = n;
  }
  return out;
}

type SortKey = { field: "clientId" | "clientName" | "enabled"; desc: boolean };
const SORT_FIELDS = new Set(["clientId", "clientName", "enabled"]);

/** `sort=-enabled,+clientId`. A `+` sent unencoded arrives as a space, so a leading space means ascending. */
export function parseSort(value: string | null): SortKey[] {
  if (value === null) return [];
  return value.split(",").map((item) => {
    const m = /^([+\- ])\s*(\w+)$/.exec(item);
    if (!m || !SORT_FIELDS.has(m[2]!)) throw new QueryError(`The sort attribute ${JSON.stringify(item)} is not valid.`);
    return { field: m[2] as SortKey["field"], desc: m[1] === "-" };
  });
}

export function sortClients(clients: ApiClientRecord[], keys: SortKey[]): ApiClientRecord[] {
  if (keys.length === 0) return clients;
  return [...clients].sort((a, b) => {
    for (const k of keys) {
      const av = a[k.field];
      const bv = b[k.field];
      const c = typeof av === "boolean" ? Number(av) - Number(bv) : String(av).localeCompare(String(bv), "en");
      if (c !== 0) return k.desc ? -c : c;
    }
    return 0;
  });
}

type Clause = { field: "clientId" | "clientName" | "enabled"; op: "=" | "!=" | "contains"; value: string | boolean };

/** Splits on `&` outside double quotes, so a quoted name may contain `&`. */
function splitClauses(expr: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  for (const ch of expr) {
    if (ch === '"') quoted = !quoted;
    if (ch === "&" && !quoted) {
      out.push(cur);
      cur = "";
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/** `search=clientName contains "abc"&enabled=true`: strings are double-quoted, booleans are not. */
export function parseSearch(value: string | null): Clause[] {
  if (value === null || value.trim() === "") return [];
  return splitClauses(value).map((raw) => {
    const m = /^\s*(\w+)\s*(!=|=|\scontains\s)\s*(.*?)\s*$/.exec(raw);
    if (!m) throw new QueryError(`The search clause ${JSON.stringify(raw)} is not valid.`);
    const field = m[1]!;
    const op = m[2]!.trim() as Clause["op"];
    const v = m[3]!;
    if (field === "enabled") {
      if (op === "contains" || (v !== "true" && v !== "false")) throw new QueryError(`The search clause ${JSON.stringify(raw)} is not valid for a boolean.`);
      return { field, op, value: v === "true" };
    }
    if (field !== "clientId" && field !== "clientName") throw new QueryError(`The search field ${field} is not valid.`);
    const q = /^"(.*)"$/.exec(v);
    if (!q) throw new QueryError(`The search value of ${field} must be double quoted.`);
    return { field, op, value: q[1]! };
  });
}

/** `contains` ignores case; `=` and `!=` compare exactly (INFERRED). */
export function matchesSearch(c: ApiClientRecord, clauses: Clause[]): boolean {
  return clauses.every((cl) => {
    const actual = c[cl.field];
    if (cl.op === "contains") return String(actual).toLowerCase().includes(String(cl.value).toLowerCase());
    return cl.op === "=" ? actual === cl.value : actual !== cl.value;
  });
}

const FILTER_FIELDS = new Set(["id", "clientId", "clientName", "clientSecret", "entitlements", "enabled"]);

export type Filter = { mode: "include" | "exclude"; fields: Set<string> };

/** `filter=clientId` (include only) or `filter=!clientSecret,enabled` (exclude); the two never mix. */
export function parseFilter(value: string | null): Filter | undefined {
  if (value === null || value === "") return undefined;
  const items = value.split(",").map((s) => s.trim());
  const mode = items[0]!.startsWith("!") ? "exclude" : "include";
  const fields = new Set<string>();
  for (const [i, item] of items.entries()) {
    const negated = item.startsWith("!");
    if (negated && mode === "include") throw new QueryError("The filter must be either inclusive or exclusive, not both.");
    const name = negated ? item.slice(1) : item;
    if (!FILTER_FIELDS.has(name)) throw new QueryError(`The filter field ${JSON.stringify(name)} at position ${i + 1} is not valid.`);
    fields.add(name);
  }
  return { mode, fields };
}

export function applyFilter(obj: Record<string, unknown>, filter: Filter | undefined): Record<string, unknown> {
  if (!filter) return obj;
  return Object.fromEntries(
    Object.entries(obj).filter(([k]) => (filter.mode === "include" ? filter.fields.has(k) : !filter.fields.has(k))),
  );
}
