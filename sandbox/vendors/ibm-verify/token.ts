// The OAuth 2.0 token endpoint, served at both documented paths: `/oauth2/token` ([OAS], [SDK]) and
// `/v1.0/endpoint/default/token` ([TOK]). Only the client_credentials grant is emulated.
import { randomBytes } from "node:crypto";
import { basicCredentials } from "../../http-util.js";
import type { RouteContext, SandboxRequest, SandboxResponse } from "../../types.js";
import { oauthError } from "./errors.js";
import { ipAllowed } from "./ip-filter.js";
import { TOKEN_LIFETIME_SECONDS, type VerifyState } from "./state.js";

const KNOWN_GRANTS = new Set(["client_credentials", "authorization_code", "refresh_token", "password", "token-exchange"]);

/** Address the filter sees: the first `X-Forwarded-For` hop (lets tests act as another host), else loopback. */
function callerIp(req: SandboxRequest): string {
  const xff = req.headers["x-forwarded-for"];
  const first = (Array.isArray(xff) ? xff[0] : xff)?.split(",")[0]?.trim();
  return first || "127.0.0.1";
}

function formField(form: Record<string, unknown>, name: string): string | undefined {
  const v = form[name];
  return typeof v === "string" && v !== "" ? v : undefined;
}

/** RFC 6749 §2.3.1: id and secret are form-encoded before they go into the Basic header. */
function formDecode(v: string): string {
  try {
    return decodeURIComponent(v.replace(/\+/g, " "));
  } catch {
    return v;
  }
}

export function issueToken(req: SandboxRequest, ctx: RouteContext<VerifyState>): SandboxResponse {
  if (!req.headers["content-type"]?.includes("application/x-www-form-urlencoded")) {
    return oauthError(400, "invalid_request", "The request must be sent as application/x-www-form-urlencoded.");
  }
  const form = (req.body ?? {}) as Record<string, unknown>;
  const grantType = formField(form, "grant_type");
  if (!grantType) return oauthError(400, "invalid_request", "The grant_type parameter is missing.");
  if (!KNOWN_GRANTS.has(grantType)) return oauthError(400, "unsupported_grant_type", `The grant type ${grantType} is not supported.`);
  if (grantType !== "client_credentials") {
    return oauthError(400, "unsupported_grant_type", `The sandbox emulates only the client_credentials grant, not ${grantType}.`);
  }
  if (formField(form, "client_assertion")) {
    return oauthError(400, "invalid_client", "private_key_jwt client authentication is not emulated by the sandbox.");
  }

  // client_secret_basic or client_secret_post, never both (RFC 6749 §2.3).
  const basic = basicCredentials(req.headers);
  const postId = formField(form, "client_id");
  const postSecret = formField(form, "client_secret");
  if (basic && (postId || postSecret)) {
    return oauthError(400, "invalid_request", "Use either the Authorization header or the client_id and client_secret parameters, not both.");
  }
  const clientId = basic ? formDecode(basic.username) : postId;
  const clientSecret = basic ? formDecode(basic.password) : postSecret;
  if (!clientId || !clientSecret) return oauthError(400, "invalid_client", "The client credentials are missing.");

  const client = ctx.state.apiClients.find((c) => c.clientId === clientId);
  if (!client || client.clientSecret !== clientSecret) {
    return oauthError(400, "invalid_client", "The client ID or secret is not valid.");
  }
  // `enabled`: "whether or not the client can be used to generate tokens" ([OAS]).
  if (!client.enabled) return oauthError(400, "invalid_client", "The client is disabled.");
  if (!ipAllowed(client.ipFilterOp, client.ipFilters, callerIp(req))) {
    return oauthError(400, "invalid_client", "The client is not allowed to request a token from this address.");
  }

  const scope = formField(form, "scope");
  if (scope && client.overrideSettings.restrictScopes) {
    const allowed = new Set(client.overrideSettings.scopes.map((s) => s.name));
    const refused = scope.split(" ").filter((s) => s && !allowed.has(s));
    if (refused.length > 0) return oauthError(400, "invalid_scope", `The scope ${refused.join(" ")} is not allowed for this client.`);
  }

  // Forget expired tokens so the persisted state does not grow without bound.
  const now = ctx.now();
  for (const [t, issued] of Object.entries(ctx.state.tokens)) if (issued.expiresAt <= now) delete ctx.state.tokens[t];

  const accessToken = randomBytes(30).toString("base64url");
  ctx.state.tokens[accessToken] = {
    apiClientId: client.id,
    expiresAt: now + TOKEN_LIFETIME_SECONDS * 1000,
    ...(scope ? { scope } : {}),
  };
  return {
    status: 200,
    headers: { "cache-control": "no-store", pragma: "no-cache" },
    body: {
      access_token: accessToken,
      grant_id: ctx.newId(),
      token_type: "Bearer",
      expires_in: TOKEN_LIFETIME_SECONDS,
      ...(scope ? { scope } : {}),
    },
  };
}
