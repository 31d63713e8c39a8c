// GUID handling and request-body helpers shared by the routes.
import type * as z from "zod";
import type { SandboxRequest, SandboxResponse } from "../../types.js";
import { badRequest } from "./errors.js";

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isGuid(value: string): boolean {
  return GUID.test(value);
}

/** .NET parses GUIDs case-insensitively, so comparisons ignore case. */
export function sameGuid(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** The lower-case GUID of a path parameter, or the 400 ASP.NET model binding gives for a malformed one. */
export function guidParam(req: SandboxRequest, name: string): string | SandboxResponse {
  const raw = req.params[name] ?? "";
  if (!isGuid(raw)) return badRequest(`The value '${raw}' is not valid for ${name}.`);
  return raw.toLowerCase();
}

/** Parses a JSON object body with a zod schema; a malformed body is a 400 MessageList. */
export function parseBody<T>(req: SandboxRequest, schema: z.ZodType<T>): { ok: true; data: T } | { ok: false; response: SandboxResponse } {
  if (typeof req.body !== "object" || req.body === null || Array.isArray(req.body)) {
    return { ok: false, response: badRequest("The request body must be a JSON object.") };
  }
  const result = schema.safeParse(req.body);
  if (!result.success) {
    return { ok: false, response: badRequest(...result.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`)) };
  }
  return { ok: true, data: result.data };
}
