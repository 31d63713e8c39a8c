// Role catalogue and role assignment (undocumented calls: no public source describes any role call).
import type { Route, RouteContext, SandboxRequest, SandboxResponse } from "../../types.js";
import { requireTenantAdmin } from "./auth.js";
import { readBody } from "./body.js";
import { accountNotFound, badRequest, fieldErrors, forbidden, ok } from "./errors.js";
import { pageOf, parsePaging, type Paging } from "./query.js";
import { partitionFrom, resolveRoles } from "./roles.js";
import { findAccount } from "./routes-accounts.js";
import type { IvantiAccount, IvantiState } from "./state.js";
import { rolesBodySchema, toFieldErrors } from "./validation.js";
import { assignmentView, roleView } from "./views.js";

type Ctx = RouteContext<IvantiState>;

/** Roles live in the database: a page holds at most `databaseRowsCap` rows whatever `rows` asks. */
function heldRoles(state: IvantiState, account: IvantiAccount, paging: Paging = { start: 0, rows: state.settings.maxRows }) {
  const views = account.roles.map((a) => assignmentView(state, a)).filter((v) => v !== undefined);
  return { totalCount: views.length, searchResults: pageOf(views, paging, state.settings) };
}

/** GET /api/v1/roles: every assignable role, with the numeric id that assignment calls take. */
function listRoles(req: SandboxRequest, ctx: Ctx): SandboxResponse {
  const auth = requireTenantAdmin(req, ctx);
  if (!auth.ok) return auth.response;
  const paging = parsePaging(req.query, { ...ctx.state.settings, defaultRows: ctx.state.settings.maxRows });
  if (Array.isArray(paging)) return fieldErrors(paging);
  return ok({ totalCount: ctx.state.roles.length, searchResults: pageOf(ctx.state.roles, paging, ctx.state.settings).map(roleView) });
}

/** GET /api/v1/account/{accountId}/roles: the roles the account holds. */
function getAccountRoles(req: SandboxRequest, ctx: Ctx): SandboxResponse {
  const auth = requireTenantAdmin(req, ctx);
  if (!auth.ok) return auth.response;
  const account = findAccount(ctx.state, req.params.accountId);
  if (!account) return accountNotFound(req.params.accountId ?? "");
  const paging = parsePaging(req.query, { ...ctx.state.settings, defaultRows: ctx.state.settings.maxRows });
  if (Array.isArray(paging)) return fieldErrors(paging);
  return ok(heldRoles(ctx.state, account, paging));
}

/**
 * PUT /api/v1/account/{accountId}/roles with `roles[0]=<id>&roles[1]=…` (or JSON `{"roles": [ids]}`):
 * replaces the roles the account holds; space-specific roles go to `dmPartitionId` (default space).
 */
function putAccountRoles(req: SandboxRequest, ctx: Ctx): SandboxResponse {
  const auth = requireTenantAdmin(req, ctx);
  if (!auth.ok) return auth.response;
  const { state } = ctx;
  const account = findAccount(state, req.params.accountId);
  if (!account) return accountNotFound(req.params.accountId ?? "");
  const body = readBody(req);
  if (!body.ok) return badRequest(body.message, "HttpMessageNotReadable");
  // A form that sends no `roles[i]` at all means "no roles"; JSON must say `"roles": []`.
  const isForm = String(req.headers["content-type"] ?? "").includes("application/x-www-form-urlencoded");
  const parsed = rolesBodySchema.safeParse(isForm && body.body.roles === undefined ? { roles: [] } : body.body);
  if (!parsed.success) return fieldErrors(toFieldErrors(parsed.error));
  const partition = partitionFrom(state, req.query);
  if (typeof partition !== "number") return fieldErrors([partition]);
  const r = resolveRoles(state, auth.caller, parsed.data.roles, partition, "roles");
  if (!r.ok) return "forbidden" in r ? forbidden(r.forbidden) : fieldErrors(r.fieldErrors);
  // The super user keeps every role: the tenant must never lose its last full administrator.
  if (account.superUser) return forbidden("The roles of the tenant's super user cannot be changed");
  account.roles = r.assignments;
  account.modifiedAt = ctx.now();
  account.modifiedBy = auth.caller.id;
  return ok(heldRoles(state, account));
}

export const roleRoutes: Route<IvantiState>[] = [
  { method: "GET", template: "/api/v1/roles", handler: listRoles },
  { method: "GET", template: "/api/v1/account/{accountId}/roles", handler: getAccountRoles },
  { method: "PUT", template: "/api/v1/account/{accountId}/roles", handler: putAccountRoles },
];
