// Bearer authentication and entitlement checks of the `/v1.0/apiclients` API.
import { bearerToken } from "../../http-util.js";
import type { RouteContext, SandboxRequest, SandboxResponse } from "../../types.js";
import { forbidden, unauthorized } from "./errors.js";
import type { ApiClientRecord, VerifyState } from "./state.js";

export type Caller = { client: ApiClientRecord; entitlements: ReadonlySet<string> };

/**
 * The API client behind the request's bearer token, or the 401/403 to answer. Entitlements are read
 * from the client as it is now, so a change made by PUT applies to tokens already issued (INFERRED).
 */
export function authorize(
  req: SandboxRequest,
  ctx: RouteContext<VerifyState>,
  anyOf: readonly string[],
): Caller | SandboxResponse {
  const token = bearerToken(req.headers);
  if (!token) return unauthorized();
  const issued = ctx.state.tokens[token];
  if (!issued || issued.expiresAt <= ctx.now()) return unauthorized();
  const client = ctx.state.apiClients.find((c) => c.id === issued.apiClientId);
  // Deleting a client revokes its tokens (INFERRED); disabling does not ([UI]: they live until expiry).
  if (!client) return unauthorized();
  const entitlements = new Set(client.entitlements);
  if (!anyOf.some((e) => entitlements.has(e))) return forbidden();
  return { client, entitlements };
}

export function isResponse(x: Caller | SandboxResponse): x is SandboxResponse {
  return "status" in x;
}
