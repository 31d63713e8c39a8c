// The ApiUser API: list, list per operator, get, create, update (Description only), delete.
import * as z from "zod";
import { noContent } from "../../http-util.js";
import type { Route, SandboxResponse } from "../../types.js";
import { type Caller, findOperator, isAdministrator, withApiAuth } from "./auth.js";
import { createApiUser, normaliseDescription } from "./api-users.js";
import { apiUserNotFound, badRequest, forbidden, operatorNotFound } from "./errors.js";
import type { StoredApiUser, UptrendsState } from "./state.js";
import { apiUserView } from "./views.js";
import { guidParam, isGuid, parseBody, sameGuid } from "./validation.js";

const NOT_ALLOWED = "Only account administrators can manage API users of other operators.";

// Only OperatorGuid and Description are writable; read-only fields a client echoes back are ignored.
const apiUserBody = z.looseObject({
  OperatorGuid: z.string().nullish(),
  Description: z.string().nullish(),
});

/** Administrators manage every API user; other operators only their own. */
function mayManage(caller: Caller, operatorGuid: string): boolean {
  return isAdministrator(caller.operator) || sameGuid(caller.operator.operatorGuid, operatorGuid);
}

/** The API user at `{apiUserGuid}` if the caller may see it, else the error response. */
function lookup(state: UptrendsState, caller: Caller, raw: string | SandboxResponse): StoredApiUser | SandboxResponse {
  if (typeof raw !== "string") return raw;
  const apiUser = state.apiUsers.find((u) => sameGuid(u.apiUserGuid, raw));
  if (!apiUser) return apiUserNotFound();
  if (!mayManage(caller, apiUser.operatorGuid)) return forbidden(NOT_ALLOWED);
  return apiUser;
}

const isStored = (v: StoredApiUser | SandboxResponse): v is StoredApiUser => "apiUserGuid" in v;

export const apiUserRoutes: Route<UptrendsState>[] = [
  {
    method: "GET",
    template: "/v4/ApiUser",
    handler: withApiAuth((_req, ctx, caller) => {
      const now = ctx.now();
      const visible = ctx.state.apiUsers.filter((u) => mayManage(caller, u.operatorGuid));
      return { status: 200, body: visible.map((u) => apiUserView(u, ctx.state, now)) };
    }),
  },
  {
    method: "POST",
    template: "/v4/ApiUser",
    handler: withApiAuth((req, ctx, caller) => {
      const parsed = parseBody(req, apiUserBody);
      if (!parsed.ok) return parsed.response;
      const operatorGuid = parsed.data.OperatorGuid;
      if (!operatorGuid) return badRequest("OperatorGuid is required.");
      if (!isGuid(operatorGuid)) return badRequest(`The value '${operatorGuid}' is not valid for OperatorGuid.`);
      const operator = findOperator(ctx.state, operatorGuid);
      if (!operator) return operatorNotFound();
      if (!mayManage(caller, operator.operatorGuid)) return forbidden(NOT_ALLOWED);
      const { apiUser, password } = createApiUser(ctx, operator, normaliseDescription(parsed.data.Description));
      const view = apiUserView(apiUser, ctx.state, ctx.now());
      // The only response that ever carries the password.
      const body = { ApiUserGuid: view.ApiUserGuid, OperatorGuid: view.OperatorGuid, Description: view.Description, UserName: view.UserName, Password: password, ...view };
      return { status: 201, headers: { location: `${ctx.baseUrl}/v4/ApiUser/${apiUser.apiUserGuid}` }, body };
    }),
  },
  {
    method: "GET",
    template: "/v4/ApiUser/Operator/{operatorGuid}",
    handler: withApiAuth((req, ctx, caller) => {
      const guid = guidParam(req, "operatorGuid");
      if (typeof guid !== "string") return guid;
      const operator = findOperator(ctx.state, guid);
      if (!operator) return operatorNotFound();
      if (!mayManage(caller, operator.operatorGuid)) return forbidden(NOT_ALLOWED);
      const now = ctx.now();
      const list = ctx.state.apiUsers.filter((u) => sameGuid(u.operatorGuid, guid));
      return { status: 200, body: list.map((u) => apiUserView(u, ctx.state, now)) };
    }),
  },
  {
    method: "GET",
    template: "/v4/ApiUser/{apiUserGuid}",
    handler: withApiAuth((req, ctx, caller) => {
      const found = lookup(ctx.state, caller, guidParam(req, "apiUserGuid"));
      if (!isStored(found)) return found;
      return { status: 200, body: apiUserView(found, ctx.state, ctx.now()) };
    }),
  },
  {
    method: "PUT",
    template: "/v4/ApiUser/{apiUserGuid}",
    handler: withApiAuth((req, ctx, caller) => {
      const found = lookup(ctx.state, caller, guidParam(req, "apiUserGuid"));
      if (!isStored(found)) return found;
      const parsed = parseBody(req, apiUserBody);
      if (!parsed.ok) return parsed.response;
      const { OperatorGuid, Description } = parsed.data;
      if (OperatorGuid && !sameGuid(OperatorGuid, found.operatorGuid)) {
        return badRequest("The OperatorGuid of an API user cannot be changed.");
      }
      // A missing Description leaves it as is; an empty one gets the default, as on create.
      if (Description !== undefined) found.description = normaliseDescription(Description);
      return noContent();
    }),
  },
  {
    method: "DELETE",
    template: "/v4/ApiUser/{apiUserGuid}",
    handler: withApiAuth((req, ctx, caller) => {
      const found = lookup(ctx.state, caller, guidParam(req, "apiUserGuid"));
      if (!isStored(found)) return found;
      ctx.state.apiUsers = ctx.state.apiUsers.filter((u) => u !== found);
      return noContent();
    }),
  },
];
