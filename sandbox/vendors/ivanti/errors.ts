// The `{errors, result}` envelope every Ivanti answer wears, success and failure alike.
import { STATUS_CODES } from "node:http";
import type { SandboxResponse } from "../../types.js";

/** Spring-style field error (documented: `code`, `message`; `field` INFERRED). */
export type FieldError = { code: string; message: string; field: string };
/** INFERRED shape of one global error. */
export type GlobalError = { code: string; message: string };

export type Errors = { globalErrors: GlobalError[] | null; fieldErrors: FieldError[] | null };

export function ok(result: unknown, status = 200): SandboxResponse {
  return { status, body: { errors: null, result } };
}

/** A 200 whose envelope still carries errors (INFERRED: errors may ride there). */
export function okWithErrors(result: unknown, globalErrors: GlobalError[]): SandboxResponse {
  return { status: 200, body: { errors: { globalErrors, fieldErrors: null }, result } };
}

export function fieldErrors(errors: FieldError[], status = 400): SandboxResponse {
  return { status, body: { errors: { globalErrors: null, fieldErrors: errors }, result: null } };
}

/** PascalCase reason phrase, used as the code of a global error when no better one exists. */
function codeFor(status: number): string {
  return (STATUS_CODES[status] ?? "Error").replace(/[^A-Za-z0-9 ]/g, "").replace(/ (\w)/g, (_, c: string) => c.toUpperCase()).replace(/ /g, "");
}

export function globalError(status: number, message: string, code = codeFor(status)): SandboxResponse {
  const r: SandboxResponse = { status, body: { errors: { globalErrors: [{ code, message }], fieldErrors: null }, result: null } };
  if (status === 401) r.headers = { "www-authenticate": 'Basic realm="Ivanti Neurons for MDM"' };
  return r;
}

export const unauthorized = (message: string): SandboxResponse => globalError(401, message, "Unauthorized");
export const forbidden = (message: string): SandboxResponse => globalError(403, message, "Forbidden");
export const accountNotFound = (id: string): SandboxResponse => globalError(404, `Account ${id} not found`, "NotFound");
export const badRequest = (message: string, code = "BadRequest"): SandboxResponse => globalError(400, message, code);
