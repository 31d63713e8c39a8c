// The shared `/list` request grammar: filter tree, sort, page, fields (reference section 5).
import type { SandboxResponse } from "../../types.js";
import { errors } from "./errors.js";

type Row = Record<string, unknown>;
type Scalar = string | number | boolean | null;

export const DEFAULT_PAGE_LENGTH = 100; // INFERRED: the vendor documents no default.

const LEAF_OPERATORS = new Set(["lt", "le", "eq", "ne", "ge", "gt", "substring"]);

class ListError extends Error {}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);
const isScalar = (v: unknown): v is Scalar => v === null || ["string", "number", "boolean"].includes(typeof v);
const isTimestampField = (field: string) => /On$/.test(field);

/** Orders a row value against a filter value, coercing the filter value to the field's type. */
function compare(field: string, rowValue: Scalar, value: unknown): number {
  if (!isScalar(value)) throw new ListError(`filter value for ${field} must be a string, number or boolean`);
  if (typeof rowValue === "number") {
    const n = Number(value);
    if (value === null || value === "" || Number.isNaN(n)) throw new ListError(`filter value for ${field} must be a number`);
    return rowValue - n;
  }
  if (typeof rowValue === "boolean") {
    const b = String(value).toLowerCase();
    if (b !== "true" && b !== "false") throw new ListError(`filter value for ${field} must be true or false`);
    return Number(rowValue) - Number(b === "true");
  }
  if (isTimestampField(field) && typeof rowValue === "string") {
    const t = Date.parse(String(value));
    if (Number.isNaN(t)) throw new ListError(`filter value for ${field} must be an ISO-8601 timestamp`);
    return Date.parse(rowValue) - t;
  }
  // Strings compare case-insensitively, like usernames are unique case-insensitively (INFERRED).
  const a = (rowValue ?? "").toLowerCase();
  const b = value === null ? "" : String(value).toLowerCase();
  return a < b ? -1 : a > b ? 1 : 0;
}

function fieldValue(row: Row, field: unknown, fields: ReadonlySet<string>): Scalar {
  if (typeof field !== "string" || !fields.has(field)) throw new ListError(`unknown field ${String(field)}`);
  const v = row[field];
  return isScalar(v) ? v : null;
}

function matches(row: Row, node: unknown, fields: ReadonlySet<string>): boolean {
  if (node === undefined || node === null) return true;
  if (!isObject(node)) throw new ListError("filter must be an object");
  const op = node.operator;
  if (op === undefined && Object.keys(node).length === 0) return true; // `"filter": {}` means no filter
  if (typeof op !== "string") throw new ListError("filter.operator is required");
  switch (op.toLowerCase()) {
    case "none":
      return true;
    case "and":
    case "or":
    case "not": {
      const operands = node.operands;
      if (!Array.isArray(operands)) throw new ListError(`operator ${op} needs an operands list`);
      if (op.toLowerCase() === "and") return operands.every((o) => matches(row, o, fields));
      if (op.toLowerCase() === "or") return operands.some((o) => matches(row, o, fields));
      if (operands.length !== 1) throw new ListError("operator not needs exactly one operand");
      return !matches(row, operands[0], fields);
    }
  }
  const leaf = op.toLowerCase();
  if (!LEAF_OPERATORS.has(leaf)) throw new ListError(`unknown filter operator ${op}`);
  const v = fieldValue(row, node.field, fields);
  if (leaf === "substring") {
    if (!isScalar(node.value)) throw new ListError("substring value must be a string");
    return String(v ?? "").toLowerCase().includes(String(node.value ?? "").toLowerCase());
  }
  const c = compare(node.field as string, v, node.value);
  switch (leaf) {
    case "lt":
      return c < 0;
    case "le":
      return c <= 0;
    case "eq":
      return c === 0;
    case "ne":
      return c !== 0;
    case "ge":
      return c >= 0;
    default:
      return c > 0;
  }
}

function compareRows(a: Row, b: Row, field: string): number {
  const x = a[field];
  const y = b[field];
  if (typeof x === "number" && typeof y === "number") return x - y;
  if (typeof x === "boolean" && typeof y === "boolean") return Number(x) - Number(y);
  const s = String(x ?? "").toLowerCase();
  const t = String(y ?? "").toLowerCase();
  return s < t ? -1 : s > t ? 1 : 0;
}

function pageNumber(v: unknown, name: string): number | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== "number" || !Number.isInteger(v) || v < 0) throw new ListError(`page.${name} must be a non-negative integer`);
  return v;
}

export type ListResult = { page: { offset: number; total: number; totalFilter: number }; list: Row[] };

/**
 * Applies a `/list` body to rows. `fields` are the filterable and sortable (scalar) fields;
 * any other field is a 400 (INFERRED). Without `sort` the order is id descending (documented).
 */
export function runList(rows: Row[], body: unknown, fields: readonly string[]): { result: ListResult } | { error: SandboxResponse } {
  try {
    if (body !== undefined && !isObject(body)) throw new ListError("Request body must be a JSON object");
    const req = body ?? {};
    const check = new Set(fields);

    const filtered = rows.filter((r) => matches(r, req.filter, check)).sort((a, b) => Number(b.id) - Number(a.id));

    if (req.sort !== undefined && req.sort !== null) {
      if (!Array.isArray(req.sort)) throw new ListError("sort must be a list of {field, direction}");
      const keys = req.sort.map((s: unknown) => {
        if (!isObject(s) || typeof s.field !== "string" || !check.has(s.field)) throw new ListError(`cannot sort by ${isObject(s) ? String(s.field) : "?"}`);
        const dir = s.direction === undefined ? "asc" : String(s.direction).toLowerCase();
        if (dir !== "asc" && dir !== "desc") throw new ListError("sort direction must be asc or desc");
        return { field: s.field, sign: dir === "asc" ? 1 : -1 };
      });
      filtered.sort((a, b) => {
        for (const k of keys) {
          const c = compareRows(a, b, k.field);
          if (c !== 0) return c * k.sign;
        }
        return 0;
      });
    }

    const page = req.page;
    if (page !== undefined && page !== null && !isObject(page)) throw new ListError("page must be an object");
    const offset = pageNumber(page?.offset, "offset") ?? 0;
    // A length of 0 is read as "not given" (INFERRED).
    const length = pageNumber(page?.length, "length") || DEFAULT_PAGE_LENGTH;
    let list = filtered.slice(offset, offset + length);

    const wanted = req.fields;
    if (wanted !== undefined && wanted !== null) {
      if (!Array.isArray(wanted) || !wanted.every((f) => typeof f === "string")) throw new ListError("fields must be a list of field names");
      // A non-empty `fields` list projects each row onto those fields (INFERRED).
      if (wanted.length) list = list.map((r) => Object.fromEntries(wanted.filter((f) => f in r).map((f) => [f, r[f]])));
    }
    return { result: { page: { offset, total: rows.length, totalFilter: filtered.length }, list } };
  } catch (e) {
    if (e instanceof ListError) return { error: errors.validation(e.message) };
    throw e;
  }
}
