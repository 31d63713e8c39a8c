// Authentication as UiPath Identity does it: an external application gets a bearer token from
// `POST /identity_/connect/token` (client credentials, form-encoded), and each API route demands
// the umbrella scope (`PM.RobotAccount`) or its `.Read` / `.Write` half.
import { randomBytes } from "node:crypto";
import { basicCredentials, bearerToken } from "../../http-util.js";
import type { RouteContext, SandboxRequest, SandboxResponse } from "../../types.js";
import { fieldError, forbidden, oauthError, problem, unauthorized } from "./errors.js";
import type { AccessToken, Organization, UiPathState } from "./state.js";
import { notValid, parseGuid } from "./validation.js";

type Ctx = RouteContext<UiPathState>;

// Grants IdentityServer knows but this (client-credentials-only) application may not use.
const OTHER_GRANTS = new Set(["authorization_code", "password", "refresh_token", "implicit", "urn:ietf:params:oauth:grant-type:device_code"]);

const b64url = (v: unknown) => Buffer.from(JSON.stringify(v)).toString("base64url");

/** JWT-shaped like the real tokens; the sandbox only ever looks the string up in state. */
function mintJwt(ctx: Ctx, clientId: string, scopes: string[], iat: number, exp: number): string {
  const header = { alg: "RS256", kid: "sandbox", typ: "at+jwt" };
  const payload = { iss: `${ctx.baseUrl}/identity_`, nbf: iat, iat, exp, client_id: clientId, scope: scopes, jti: ctx.newId() };
  return `${b64url(header)}.${b64url(payload)}.${randomBytes(32).toString("base64url")}`;
}

export function tokenEndpoint(req: SandboxRequest, ctx: Ctx): SandboxResponse {
  const state = ctx.state;
  if (!/application\/x-www-form-urlencoded/i.test(req.headers["content-type"] ?? "")) return oauthError("invalid_request");
  const form = (typeof req.body === "object" && req.body !== null ? req.body : {}) as Record<string, string>;

  // IdentityServer authenticates the client first (form fields or HTTP Basic), then the grant.
  const basic = basicCredentials(req.headers);
  const clientId = form.client_id ?? basic?.username;
  const clientSecret = form.client_secret ?? basic?.password;
  if (!clientId || !clientSecret) return oauthError("invalid_client");
  const client = state.clients.find((c) => c.clientId === clientId);
  if (!client || client.clientSecret !== clientSecret) return oauthError("invalid_client");

  const grant = form.grant_type;
  if (grant !== "client_credentials") return oauthError(grant && OTHER_GRANTS.has(grant) ? "unauthorized_client" : "unsupported_grant_type");

  const requested = [...new Set((form.scope ?? "").split(/\s+/).filter(Boolean))];
  // No scope parameter: IdentityServer grants every scope the client is allowed.
  const scopes = requested.length ? requested : [...client.allowedScopes];
  if (scopes.some((s) => !client.allowedScopes.includes(s))) return oauthError("invalid_scope");

  const now = ctx.now();
  const lifetime = state.settings.tokenLifetimeSeconds;
  const iat = Math.floor(now / 1000);
  const accessToken = mintJwt(ctx, client.clientId, scopes, iat, iat + lifetime);
  // Drop dead tokens so that a long-lived state file does not grow without bound.
  state.tokens = state.tokens.filter((t) => t.expiresAt > now);
  state.tokens.push({ accessToken, clientId: client.clientId, partitionGlobalId: client.partitionGlobalId, scopes, expiresAt: now + lifetime * 1000 });
  return {
    status: 200,
    headers: { "cache-control": "no-store", pragma: "no-cache" },
    body: { access_token: accessToken, expires_in: lifetime, token_type: "Bearer", scope: scopes.join(" ") },
  };
}

export type Resource = "PM.RobotAccount" | "PM.Group";
export type Access = "Read" | "Write";

/**
 * Bearer token (401), scope (403), then the optional `{organization}` path segment (404): the order
 * in which ASP.NET's authentication, authorization and routing reject a request.
 */
export function guard(req: SandboxRequest, ctx: Ctx, resource: Resource, access: Access): { token: AccessToken } | { response: SandboxResponse } {
  const presented = bearerToken(req.headers);
  if (!presented) return { response: unauthorized() };
  const token = ctx.state.tokens.find((t) => t.accessToken === presented);
  if (!token) return { response: unauthorized("The signature is invalid") };
  if (ctx.now() >= token.expiresAt) {
    return { response: unauthorized(`The token expired at '${new Date(token.expiresAt).toISOString()}'`) };
  }
  if (!token.scopes.includes(resource) && !token.scopes.includes(`${resource}.${access}`)) return { response: forbidden() };
  const orgName = req.params.organization;
  if (orgName !== undefined && !ctx.state.organizations.some((o) => o.name.toLowerCase() === orgName.toLowerCase())) {
    return { response: problem(404, `Organization '${orgName}' does not exist.`) };
  }
  return { token };
}

/**
 * The organization a `partitionGlobalId` (path or body) names: 400 when missing or not a GUID,
 * 404 when no such organization exists, 403 when the token belongs to another one (INFERRED).
 */
export function partitionFor(
  ctx: Ctx,
  token: AccessToken,
  value: unknown,
  field = "partitionGlobalId",
): { org: Organization } | { response: SandboxResponse } {
  if (value === undefined || value === null || value === "") return { response: fieldError(field, `The ${field} field is required.`) };
  const id = parseGuid(value);
  if (!id) return { response: fieldError(field, notValid(value)) };
  const org = ctx.state.organizations.find((o) => o.partitionGlobalId === id);
  if (!org) return { response: problem(404, `Partition '${id}' does not exist.`) };
  if (token.partitionGlobalId !== id) return { response: forbidden() };
  return { org };
}

/** Makes every issued token invalid now (fault `expireTokens`). */
export function expireAll(state: UiPathState): void {
  for (const t of state.tokens) t.expiresAt = 0;
}
