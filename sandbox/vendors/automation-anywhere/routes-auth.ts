// Authentication API: login and refresh (v2 on a current Control Room, v1 on a legacy one), validate, logout.
import { json, noContent } from "../../http-util.js";
import type { Route, RouteHandler } from "../../types.js";
import { checkToken, headerToken, issueToken } from "./auth.js";
import { errors } from "./errors.js";
import { CURRENT, LEGACY, onlyIn } from "./generations.js";
import { findUserByName, type AaState } from "./state.js";
import { loginSchema, parseBody, tokenBodySchema } from "./validation.js";
import { userView } from "./views.js";

/** `{username, password}` or `{username, apiKey}` → `{token, user}`. */
const login: RouteHandler<AaState> = (req, ctx) => {
  const parsed = parseBody(loginSchema, req.body);
  if ("error" in parsed) return parsed.error;
  const { username, password, apiKey } = parsed.data;
  if (password === undefined && apiKey === undefined) return errors.validation("password or apiKey is required");
  const user = findUserByName(ctx.state, username);
  // The password wins when both are sent (INFERRED); one message for every mismatch, so usernames cannot be probed.
  const ok = user !== undefined && (password !== undefined ? user.password !== null && user.password === password : user.apiKey !== null && user.apiKey === apiKey);
  if (!ok) return errors.badCredentials();
  if (user.disabled) return errors.userDisabled();
  const token = issueToken(ctx.state, user, ctx.now());
  return json(200, { token, user: userView(ctx.state, user) });
};

/** `POST /v2/authentication/token` (legacy: `/v1/...`): a new 20-minute token for a still-valid one. */
const refresh: RouteHandler<AaState> = (req, ctx) => {
  const header = headerToken(req.headers);
  if (!header) return errors.authRequired();
  const fromHeader = checkToken(ctx.state, header, ctx.now());
  if ("error" in fromHeader) return fromHeader.error;
  const parsed = parseBody(tokenBodySchema, req.body);
  if ("error" in parsed) return parsed.error;
  const current = checkToken(ctx.state, parsed.data.token, ctx.now());
  if ("error" in current) return current.error;
  // The old token stays valid until its own expiry (INFERRED).
  return json(200, { token: issueToken(ctx.state, current.user, ctx.now()) });
};

/** `GET /v1/authentication/token?token=…` → `{valid}`. */
const validate: RouteHandler<AaState> = (req, ctx) => {
  const token = req.query.get("token");
  if (!token) return errors.validation("token query parameter is required");
  return json(200, { valid: !("error" in checkToken(ctx.state, token, ctx.now())) });
};

/** `POST /v1/authentication/logout` with `{token}` → 204; the token is revoked. */
const logout: RouteHandler<AaState> = (req, ctx) => {
  const parsed = parseBody(tokenBodySchema, req.body);
  if ("error" in parsed) return parsed.error;
  const check = checkToken(ctx.state, parsed.data.token, ctx.now());
  if ("error" in check) return check.error;
  delete ctx.state.tokens[parsed.data.token];
  return noContent();
};

export const authRoutes: Route<AaState>[] = [
  // Token generation and refresh: v2 on a current Control Room, v1 on a legacy one (the vendor's
  // API overview: from v.33 POST v1/authentication and POST v1/authentication/token are discontinued).
  ...onlyIn(CURRENT, [
    { method: "POST", template: "/v2/authentication", handler: login, changesNothing: true },
    { method: "POST", template: "/v2/authentication/token", handler: refresh, changesNothing: true },
  ]),
  ...onlyIn(LEGACY, [
    { method: "POST", template: "/v1/authentication", handler: login, changesNothing: true },
    { method: "POST", template: "/v1/authentication/token", handler: refresh, changesNothing: true },
  ]),
  // Validation and logout stay on v1 in both generations ("Use the v1 Authentication APIs to verify ... JWTs ... and terminate sessions").
  { method: "GET", template: "/v1/authentication/token", handler: validate },
  { method: "POST", template: "/v1/authentication/logout", handler: logout, changesNothing: true },
];
