// Operator endpoints: list, create, get, replace, patch, delete, and the operator's authorizations.
import { randomBytes } from "node:crypto";
import { noContent } from "../../http-util.js";
import type { Route, SandboxRequest, SandboxResponse } from "../../types.js";
import { type Caller, type Ctx, findOperator, isAdministrator, withApiAuth } from "./auth.js";
import { badRequest, forbidden, messageList, operatorNotFound } from "./errors.js";
import { applyOperatorBody, newOperator, operatorBody } from "./operator-fields.js";
import { AUTHORIZATION_TYPES, type StoredOperator, type UptrendsState } from "./state.js";
import { guidParam, parseBody, sameGuid } from "./validation.js";
import { operatorView } from "./views.js";

const ADMIN_ONLY = "Only account administrators can manage operators.";

/** The operator at `{operatorGuid}`, or the 400/404 response. */
function operatorAt(req: SandboxRequest, ctx: Ctx): StoredOperator | SandboxResponse {
  const guid = guidParam(req, "operatorGuid");
  if (typeof guid !== "string") return guid;
  return findOperator(ctx.state, guid) ?? operatorNotFound();
}

const isOperator = (v: StoredOperator | SandboxResponse): v is StoredOperator => "operatorGuid" in v;

/** PUT and PATCH: administrators may change anyone, other operators only themselves. */
function update(mode: "replace" | "patch") {
  return withApiAuth((req, ctx, caller) => {
    const found = operatorAt(req, ctx);
    if (!isOperator(found)) return found;
    if (!isAdministrator(caller.operator) && found !== caller.operator) return forbidden(ADMIN_ONLY);
    const parsed = parseBody(req, operatorBody);
    if (!parsed.ok) return parsed.response;
    if (parsed.data.OperatorGuid && !sameGuid(parsed.data.OperatorGuid, found.operatorGuid)) {
      return badRequest("The OperatorGuid in the request body does not match the URL.");
    }
    const result = applyOperatorBody(ctx.state, found, parsed.data, mode);
    if (!result.ok) return messageList(403, ...result.messages);
    Object.assign(found, result.operator);
    return noContent();
  });
}

/** A valid `{authorizationType}` (enum binding ignores case), or the 400. */
function authorizationType(req: SandboxRequest): (typeof AUTHORIZATION_TYPES)[number] | SandboxResponse {
  const raw = req.params.authorizationType ?? "";
  const type = AUTHORIZATION_TYPES.find((t) => t.toLowerCase() === raw.toLowerCase());
  return type ?? badRequest(`The value '${raw}' is not valid for authorizationType.`);
}

function requireAdmin(caller: Caller): SandboxResponse | undefined {
  return isAdministrator(caller.operator) ? undefined : forbidden(ADMIN_ONLY);
}

export const operatorRoutes: Route<UptrendsState>[] = [
  {
    method: "GET",
    template: "/v4/Operator",
    handler: withApiAuth((_req, ctx) => ({ status: 200, body: ctx.state.operators.map(operatorView) })),
  },
  {
    method: "POST",
    template: "/v4/Operator",
    handler: withApiAuth((req, ctx, caller) => {
      const denied = requireAdmin(caller);
      if (denied) return denied;
      const parsed = parseBody(req, operatorBody);
      if (!parsed.ok) return parsed.response;
      if (ctx.state.operators.length >= ctx.state.operatorQuota) {
        return messageList(403, "The maximum number of operators for this account has been reached.");
      }
      const draft = newOperator(ctx.newId(), randomBytes(16).toString("base64"));
      const result = applyOperatorBody(ctx.state, draft, parsed.data, "create");
      if (!result.ok) return messageList(403, ...result.messages);
      ctx.state.operators.push(result.operator);
      return { status: 201, body: operatorView(result.operator) };
    }),
  },
  {
    method: "GET",
    template: "/v4/Operator/{operatorGuid}",
    handler: withApiAuth((req, ctx) => {
      const found = operatorAt(req, ctx);
      return isOperator(found) ? { status: 200, body: operatorView(found) } : found;
    }),
  },
  { method: "PUT", template: "/v4/Operator/{operatorGuid}", handler: update("replace") },
  { method: "PATCH", template: "/v4/Operator/{operatorGuid}", handler: update("patch") },
  {
    method: "DELETE",
    template: "/v4/Operator/{operatorGuid}",
    handler: withApiAuth((req, ctx, caller) => {
      const found = operatorAt(req, ctx);
      if (!isOperator(found)) return found;
      if (found === caller.operator) return forbidden("Deleting the current operator is not allowed.");
      const denied = requireAdmin(caller);
      if (denied) return denied;
      ctx.state.operators = ctx.state.operators.filter((o) => o !== found);
      if (ctx.state.behaviour.cascadeApiUsersOnOperatorDelete) {
        ctx.state.apiUsers = ctx.state.apiUsers.filter((u) => !sameGuid(u.operatorGuid, found.operatorGuid));
      }
      return noContent();
    }),
  },
  {
    method: "GET",
    template: "/v4/Operator/{operatorGuid}/Authorization",
    handler: withApiAuth((req, ctx) => {
      const found = operatorAt(req, ctx);
      return isOperator(found) ? { status: 200, body: [...found.authorizations] } : found;
    }),
  },
  {
    method: "POST",
    template: "/v4/Operator/{operatorGuid}/Authorization/{authorizationType}",
    handler: withApiAuth((req, ctx, caller) => {
      const found = operatorAt(req, ctx);
      if (!isOperator(found)) return found;
      const type = authorizationType(req);
      if (typeof type !== "string") return type;
      const denied = requireAdmin(caller);
      if (denied) return denied;
      if (found.authorizations.includes(type)) return badRequest(`The operator already has the authorization '${type}'.`);
      found.authorizations.push(type);
      return { status: 201 };
    }),
  },
  {
    method: "DELETE",
    template: "/v4/Operator/{operatorGuid}/Authorization/{authorizationType}",
    handler: withApiAuth((req, ctx, caller) => {
      const found = operatorAt(req, ctx);
      if (!isOperator(found)) return found;
      const type = authorizationType(req);
      if (typeof type !== "string") return type;
      const denied = requireAdmin(caller);
      if (denied) return denied;
      if (!found.authorizations.includes(type)) return messageList(404, `The operator does not have the authorization '${type}'.`);
      found.authorizations = found.authorizations.filter((a) => a !== type);
      return noContent();
    }),
  },
];
