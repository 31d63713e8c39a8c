// IBM Verify error bodies. The REST API answers `ErrorResponse` = {messageId, messageDescription}
// ([OAS]); 403 has no declared body; the token endpoint answers OAuth's {error, error_description}.
import type { SandboxResponse } from "../../types.js";

/**
 * Message ids. Only CSIAB3702E appears in [OAS] (as the example of `ErrorResponse`); the others are
 * chosen by the sandbox in the same CSIA…E style (INFERRED) — clients must branch on the status.
 */
export const MSG = {
  invalidJson: { id: "CSIAB0002E", text: "The JSON input was invalid." },
  notFound: { id: "CSIAB3703E", text: "The requested API client does not exist." },
  invalidToken: { id: "CSIAB0101E", text: "The access token is not valid or has expired." },
  invalidQuery: { id: "CSIAB0003E", text: "A query parameter was not valid." },
  bulkPartial: { id: "CSIAB0036W", text: "Some of the bulk operations failed." },
  clientIdInUse: { id: "CSIAB0004E", text: "The client ID is already in use." },
  immutableField: { id: "CSIAB0005E", text: "The ID and the client ID of an API client cannot be modified." },
  retrievalFailed: { id: "CSIAB3702E", text: "The retrieval of the resource failed." },
} as const;

export function errorBody(status: number, messageId: string, messageDescription: string): SandboxResponse {
  // 403 carries no body in [OAS]; IBM's SDK only looks at the status.
  if (status === 403) return { status };
  return { status, body: { messageId, messageDescription } };
}

/** Generic vendor error for any status (fault injection, unknown routes). */
export function errorResponse(status: number, message: string): SandboxResponse {
  const messageId = status === 404 ? MSG.retrievalFailed.id : `CSIAB0${String(status).padStart(3, "0")}E`;
  return errorBody(status, messageId, message);
}

export function invalidJson(detail?: string): SandboxResponse {
  return errorBody(400, MSG.invalidJson.id, detail ? `${MSG.invalidJson.text} ${detail}` : MSG.invalidJson.text);
}

export function invalidQuery(detail: string): SandboxResponse {
  return errorBody(400, MSG.invalidQuery.id, `${MSG.invalidQuery.text} ${detail}`);
}

export function notFound(): SandboxResponse {
  return errorBody(404, MSG.notFound.id, MSG.notFound.text);
}

export function unauthorized(): SandboxResponse {
  // WWW-Authenticate follows RFC 6750; IBM does not document its 401 at all (INFERRED).
  return {
    status: 401,
    headers: { "www-authenticate": 'Bearer error="invalid_token"' },
    body: { messageId: MSG.invalidToken.id, messageDescription: MSG.invalidToken.text },
  };
}

export function forbidden(): SandboxResponse {
  return { status: 403 };
}

/** OAuth error of the token endpoint (`Error_0` in [OAS]). */
export function oauthError(status: number, error: string, description: string): SandboxResponse {
  return {
    status,
    headers: { "cache-control": "no-store", pragma: "no-cache" },
    body: { error, error_description: description },
  };
}
