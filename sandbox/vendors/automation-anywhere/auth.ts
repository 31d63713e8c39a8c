// Tokens: JWT-shaped strings kept in state with a 20-minute expiry, sent back in `X-Authorization`.
import { randomBytes } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import type { RouteContext, RouteHandler, SandboxRequest, SandboxResponse } from "../../types.js";
import { errors } from "./errors.js";
import { grants, TOKEN_TTL_MS, type AaState, type PermissionPair, type StoredUser } from "./state.js";
import { permissionsOf } from "./views.js";

const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

/** Mints a token shaped like the vendor's samples (RS512 header, `sub` = user id, `exp - iat` = 1200 s); the signature is random bytes, clients must not verify it. */
export function issueToken(state: AaState, user: StoredUser, now: number): string {
  pruneExpired(state, now);
  const iat = Math.floor(now / 1000);
  const payload = {
    sub: String(user.id),
    clientType: "WEB",
    licenses: [...user.licenseFeatures],
    analyticsLicensesPurchased: {},
    iat,
    exp: iat + TOKEN_TTL_MS / 1000,
    iss: "AutomationAnywhere",
    nanoTime: Number(process.hrtime.bigint() % 1_000_000_000_000n),
  };
  const token = `${b64url({ alg: "RS512" })}.${b64url(payload)}.${randomBytes(64).toString("base64url")}`;
  state.tokens[token] = { userId: user.id, issuedAt: now, expiresAt: now + TOKEN_TTL_MS };
  return token;
}

/** Drops tokens that expired long ago so a persisted state file does not grow forever. */
function pruneExpired(state: AaState, now: number): void {
  for (const [token, t] of Object.entries(state.tokens)) if (t.expiresAt + TOKEN_TTL_MS < now) delete state.tokens[token];
}

export function expireTokens(state: AaState): void {
  // Keep the entries (expired, not unknown) so callers get the "expired" 401 like after 20 minutes.
  for (const t of Object.values(state.tokens)) t.expiresAt = 0;
}

export type TokenCheck = { user: StoredUser } | { error: SandboxResponse };

/** Resolves a token to its live user, or the vendor's 401. */
export function checkToken(state: AaState, token: string, now: number): TokenCheck {
  const t = state.tokens[token];
  if (!t) return { error: errors.tokenInvalid() };
  if (now >= t.expiresAt) return { error: errors.tokenExpired() };
  const user = state.users[String(t.userId)];
  // A deleted or disabled user's sessions end with the user.
  if (!user || user.disabled) return { error: errors.tokenInvalid() };
  return { user };
}

export function headerToken(headers: IncomingHttpHeaders): string | undefined {
  const h = headers["x-authorization"];
  const v = Array.isArray(h) ? h[0] : h;
  return v?.trim() || undefined;
}

/** Runs the handler only for a request with a valid `X-Authorization` token whose user holds the `needed` pair. */
export function authed(
  needed: PermissionPair,
  handler: (req: SandboxRequest, ctx: RouteContext<AaState>, caller: StoredUser) => SandboxResponse,
): RouteHandler<AaState> {
  return (req, ctx) => {
    const token = headerToken(req.headers);
    if (!token) return errors.authRequired();
    const check = checkToken(ctx.state, token, ctx.now());
    if ("error" in check) return check.error;
    if (!permissionsOf(ctx.state, check.user).some((p) => grants(p, needed))) return errors.forbidden(`${needed.action}|${needed.resourceType}`);
    return handler(req, ctx, check.user);
  };
}
