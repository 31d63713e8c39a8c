// UiPath Identity is ASP.NET Core: errors are RFC 7807 ProblemDetails, validation errors carry an
// `errors` map of field -> messages, and the JWT bearer handler answers 401/403 with no body.
import { randomBytes } from "node:crypto";
import type { SandboxResponse } from "../../types.js";

const PROBLEM_JSON = { "content-type": "application/problem+json; charset=utf-8" };

// ASP.NET Core's default `type` and `title` per status.
const DEFAULTS: Record<number, { type: string; title: string }> = {
  400: { type: "https://tools.ietf.org/html/rfc7231#section-6.5.1", title: "Bad Request" },
  404: { type: "https://tools.ietf.org/html/rfc7231#section-6.5.4", title: "Not Found" },
  405: { type: "https://tools.ietf.org/html/rfc7231#section-6.5.5", title: "Method Not Allowed" },
  409: { type: "https://tools.ietf.org/html/rfc7231#section-6.5.8", title: "Conflict" },
  415: { type: "https://tools.ietf.org/html/rfc7231#section-6.5.13", title: "Unsupported Media Type" },
  422: { type: "https://tools.ietf.org/html/rfc4918#section-11.2", title: "Unprocessable Entity" },
  429: { type: "https://tools.ietf.org/html/rfc6585#section-4", title: "Too Many Requests" },
  500: { type: "https://tools.ietf.org/html/rfc7231#section-6.6.1", title: "An error occurred while processing your request." },
  502: { type: "https://tools.ietf.org/html/rfc7231#section-6.6.3", title: "Bad Gateway" },
  503: { type: "https://tools.ietf.org/html/rfc7231#section-6.6.4", title: "Service Unavailable" },
  504: { type: "https://tools.ietf.org/html/rfc7231#section-6.6.5", title: "Gateway Timeout" },
};

/** W3C trace-context id, as ASP.NET puts in `traceId`. */
function traceId(): string {
  return `00-${randomBytes(16).toString("hex")}-${randomBytes(8).toString("hex")}-00`;
}

export function problem(status: number, detail?: string): SandboxResponse {
  const d = DEFAULTS[status] ?? { type: "about:blank", title: `Error ${status}` };
  return {
    status,
    headers: PROBLEM_JSON,
    body: { type: d.type, title: d.title, status, ...(detail ? { detail } : {}), traceId: traceId() },
  };
}

export type FieldErrors = Record<string, string[]>;

export function addError(errors: FieldErrors, field: string, message: string): void {
  (errors[field] ??= []).push(message);
}

/** 400 `ValidationProblemDetails`, the documented shape for Identity validation failures. */
export function validationProblem(errors: FieldErrors): SandboxResponse {
  return {
    status: 400,
    headers: PROBLEM_JSON,
    body: {
      type: "https://tools.ietf.org/html/rfc7231#section-6.5.1",
      title: "One or more validation errors occurred.",
      status: 400,
      traceId: traceId(),
      errors,
    },
  };
}

export function fieldError(field: string, message: string): SandboxResponse {
  return validationProblem({ [field]: [message] });
}

/** 401 as the JWT bearer handler sends it: empty body, reason in `WWW-Authenticate`. */
export function unauthorized(description?: string): SandboxResponse {
  const challenge = description
    ? `Bearer error="invalid_token", error_description="${description.replace(/"/g, "'")}"`
    : "Bearer";
  return { status: 401, headers: { "www-authenticate": challenge } };
}

/** 403 as ASP.NET authorization sends it when a scope policy fails: empty body. */
export function forbidden(): SandboxResponse {
  return { status: 403 };
}

/** The vendor's error for any status (fault injection, unknown routes). */
export function errorResponse(status: number, message: string): SandboxResponse {
  if (status === 401) return unauthorized(message);
  if (status === 403) return forbidden();
  return problem(status, message);
}

/** OAuth2 token-endpoint error (IdentityServer): always 400 with `{"error": code}`. */
export function oauthError(error: string): SandboxResponse {
  return { status: 400, headers: { "cache-control": "no-store", pragma: "no-cache" }, body: { error } };
}
