// HTTP Basic authentication: API accounts for the API, operator logins for the legacy `/Register`.
import { basicCredentials } from "../../http-util.js";
import type { RouteContext, RouteHandler, SandboxRequest, SandboxResponse } from "../../types.js";
import { unauthorized } from "./errors.js";
import { sha256, type StoredApiUser, type StoredOperator, type UptrendsState } from "./state.js";
import { sameGuid } from "./validation.js";

export type Ctx = RouteContext<UptrendsState>;

/** The API account that authenticated the call and the operator it acts for. */
export interface Caller {
  apiUser: StoredApiUser;
  operator: StoredOperator;
}

export type AuthedHandler = (req: SandboxRequest, ctx: Ctx, caller: Caller) => SandboxResponse;

const USAGE_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

export function isAdministrator(op: StoredOperator): boolean {
  return op.isAccountAdministrator || op.authorizations.includes("AccountAdministrator");
}

export function findOperator(state: UptrendsState, guid: string): StoredOperator | undefined {
  return state.operators.find((o) => sameGuid(o.operatorGuid, guid));
}

/** Stamps "last used" and the 30-day request count, as the vendor does for every authenticated call. */
function recordUse(apiUser: StoredApiUser, now: number): void {
  apiUser.lastUsed = { kind: "at", ts: new Date(now).toISOString() };
  const day = new Date(now).toISOString().slice(0, 10);
  apiUser.usage[day] = (apiUser.usage[day] ?? 0) + 1;
  const oldest = new Date(now - (USAGE_DAYS - 1) * DAY_MS).toISOString().slice(0, 10);
  for (const d of Object.keys(apiUser.usage)) if (d < oldest) delete apiUser.usage[d];
}

export function requestsLast30Days(apiUser: StoredApiUser, now: number): number {
  const oldest = new Date(now - (USAGE_DAYS - 1) * DAY_MS).toISOString().slice(0, 10);
  return Object.entries(apiUser.usage).reduce((sum, [d, n]) => (d >= oldest ? sum + n : sum), 0);
}

export function authenticateApiAccount(req: SandboxRequest, ctx: Ctx): Caller | undefined {
  const creds = basicCredentials(req.headers);
  if (!creds) return undefined;
  const apiUser = ctx.state.apiUsers.find((u) => u.userName === creds.username);
  if (!apiUser || apiUser.passwordHash !== sha256(creds.password)) return undefined;
  const operator = findOperator(ctx.state, apiUser.operatorGuid);
  if (!operator) return undefined;
  recordUse(apiUser, ctx.now());
  return { apiUser, operator };
}

/** Operator login (e-mail + password); SSO-only operators have no native login and cannot use it. */
export function authenticateOperatorLogin(req: SandboxRequest, state: UptrendsState): StoredOperator | undefined {
  const creds = basicCredentials(req.headers);
  if (!creds) return undefined;
  const op = state.operators.find((o) => o.email.toLowerCase() === creds.username.toLowerCase());
  if (!op || !op.allowNativeLogin || !op.passwordHash || op.passwordHash !== sha256(creds.password)) return undefined;
  return op;
}

/** Wraps a handler behind API-account Basic auth (the `basicauth` scheme). */
export function withApiAuth(handler: AuthedHandler): RouteHandler<UptrendsState> {
  return (req, ctx) => {
    const caller = authenticateApiAccount(req, ctx);
    if (!caller) return unauthorized(ctx.state);
    return handler(req, ctx, caller);
  };
}
