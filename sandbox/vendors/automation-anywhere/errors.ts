// The Control Room error body `{code, details, message}` (reference section 6, INFERRED shape).
import { json } from "../../http-util.js";
import type { SandboxResponse } from "../../types.js";

/** Default `code` per status, used when a caller (fault injection, unknown route) gives none. */
const CODE_BY_STATUS: Record<number, string> = {
  400: "request.invalid",
  401: "authentication.required",
  403: "operation.unauthorized",
  404: "resource.notfound",
  405: "method.notallowed",
  409: "resource.conflict",
  429: "request.ratelimited",
  500: "server.error",
  502: "server.badgateway",
  503: "server.unavailable",
  504: "server.timeout",
};

export function aaError(status: number, code: string, message: string, details = ""): SandboxResponse {
  return json(status, { code, details, message });
}

export function errorResponse(status: number, message: string): SandboxResponse {
  return aaError(status, CODE_BY_STATUS[status] ?? `http.${status}`, message);
}

export const errors = {
  validation: (message: string, details = "") => aaError(400, "request.validation.failed", message, details),
  authRequired: () => aaError(401, "authentication.required", "Authentication required"),
  tokenInvalid: () => aaError(401, "authentication.token.invalid", "Authentication token is invalid"),
  tokenExpired: () => aaError(401, "authentication.token.expired", "Authentication token has expired"),
  badCredentials: () => aaError(401, "authentication.credentials.invalid", "Invalid username, password or API key"),
  userDisabled: () => aaError(401, "authentication.user.disabled", "User is disabled"),
  forbidden: (action: string) => aaError(403, "operation.unauthorized", "The operation is not authorized", `missing permission ${action}`),
  userNotFound: (id: string) => aaError(404, "usermanagement.user.notfound", `User with id ${id} not found`),
  roleNotFound: (id: string) => aaError(404, "usermanagement.role.notfound", `Role with id ${id} not found`),
  duplicateUser: (username: string) => aaError(409, "usermanagement.user.duplicate", `User with username ${username} already exists`),
  versionConflict: (expected: number, got: number) =>
    aaError(409, "usermanagement.user.version.conflict", `User was modified: current version is ${expected}, request has ${got}`),
};
