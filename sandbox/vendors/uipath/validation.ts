// Request parsing shared by the Identity API routes: JSON bodies, GUIDs, query integers, and the
// .NET date-time format the API writes.
import type { SandboxRequest, SandboxResponse } from "../../types.js";
import { addError, fieldError, problem, type FieldErrors } from "./errors.js";

const GUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The canonical (lower-case) GUID, or undefined when `value` is not one. */
export function parseGuid(value: unknown): string | undefined {
  return typeof value === "string" && GUID_RE.test(value) ? value.toLowerCase() : undefined;
}

/** ASP.NET model binding's message for a value it cannot convert. */
export function notValid(value: unknown): string {
  return `The value '${typeof value === "string" ? value : JSON.stringify(value)}' is not valid.`;
}

/** A GUID route value, or the 400 ProblemDetails ASP.NET gives for a non-GUID segment. */
export function pathGuid(req: SandboxRequest, param: string): { id: string } | { response: SandboxResponse } {
  const raw = req.params[param] ?? "";
  const id = parseGuid(raw);
  return id ? { id } : { response: fieldError(param, notValid(raw)) };
}

/**
 * The JSON object of a `[FromBody]` command. Like ASP.NET: 415 without a JSON content type, 400
 * for an empty body or one that is not an object.
 */
export function jsonBody(req: SandboxRequest, command: string): { body: Record<string, unknown> } | { response: SandboxResponse } {
  const type = req.headers["content-type"] ?? "";
  if (!/json/i.test(type)) return { response: problem(415) };
  if (!req.rawBody.trim()) return { response: fieldError("", "A non-empty request body is required.") };
  const body = req.body;
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return { response: fieldError("$", `The JSON value could not be converted to ${command}.`) };
  }
  return { body: body as Record<string, unknown> };
}

/** An optional `uuid[]` body field; records errors under `field[i]` as ASP.NET does. */
export function guidArray(body: Record<string, unknown>, field: string, errors: FieldErrors): string[] {
  const value = body[field];
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    addError(errors, field, notValid(value));
    return [];
  }
  const ids: string[] = [];
  value.forEach((v, i) => {
    const id = parseGuid(v);
    if (id) {
      if (!ids.includes(id)) ids.push(id);
    } else addError(errors, `${field}[${i}]`, notValid(v));
  });
  return ids;
}

/** An optional `string | null` body field. */
export function optionalString(body: Record<string, unknown>, field: string, errors: FieldErrors): string | null | undefined {
  const value = body[field];
  if (value === undefined || value === null) return value;
  if (typeof value !== "string") {
    addError(errors, field, notValid(value));
    return undefined;
  }
  return value;
}

/** An optional non-negative int32 query parameter. */
export function queryInt(
  req: SandboxRequest,
  name: string,
  fallback: number,
  max: number,
  errors: FieldErrors,
): number {
  const raw = req.query.get(name);
  if (raw === null || raw === "") return fallback;
  if (!/^\d+$/.test(raw)) {
    addError(errors, name, notValid(raw));
    return fallback;
  }
  const n = Number(raw);
  if (n > max) {
    addError(errors, name, `The field ${name} must be between 0 and ${max}.`);
    return fallback;
  }
  return n;
}

/**
 * .NET round-trip format with 7 fractional digits. The docs show `Z` on the create response and no
 * offset on reads (EF returns DateTimeKind.Unspecified), so reads pass `utc = false`. Both are UTC.
 */
export function formatTime(ms: number, utc: boolean): string {
  const iso = new Date(ms).toISOString(); // 2021-10-19T18:05:17.346Z
  return `${iso.slice(0, 23)}0000${utc ? "Z" : ""}`;
}
