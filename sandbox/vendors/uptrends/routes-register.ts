// Legacy `POST /Register`: an operator logs in with e-mail + password and gets a new API account.
import type { Route } from "../../types.js";
import { authenticateOperatorLogin, findOperator, isAdministrator } from "./auth.js";
import { createApiUser, normaliseDescription } from "./api-users.js";
import { badRequest, forbidden, operatorNotFound, unauthorized } from "./errors.js";
import type { UptrendsState } from "./state.js";
import { isGuid } from "./validation.js";

export const registerRoutes: Route<UptrendsState>[] = [
  {
    method: "POST",
    template: "/v4/Register",
    handler: (req, ctx) => {
      // `user-basicauth`: the operator's own login, never an API account.
      const caller = authenticateOperatorLogin(req, ctx.state);
      if (!caller) return unauthorized(ctx.state);
      let target = caller;
      const operatorGuid = req.query.get("operatorGuid");
      if (operatorGuid) {
        if (!isGuid(operatorGuid)) return badRequest(`The value '${operatorGuid}' is not valid for operatorGuid.`);
        const found = findOperator(ctx.state, operatorGuid);
        if (!found) return operatorNotFound();
        if (found !== caller && !isAdministrator(caller)) {
          return forbidden("Only account administrators can register API accounts for other operators.");
        }
        target = found;
      }
      const { apiUser, password } = createApiUser(ctx, target, normaliseDescription(req.query.get("description")));
      // RegistrationResponse: PascalCase fields plus the lower-case `status`.
      return {
        status: 201,
        body: {
          UserName: apiUser.userName,
          Password: password,
          AccountId: ctx.state.accountId,
          OperatorName: target.fullName,
          status: "OK",
        },
      };
    },
  },
];
