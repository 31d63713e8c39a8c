// Role API subset the provider needs: search (to resolve role names to ids) and read by id; v2 in
// the current generation, v1 in the legacy one.
import { json } from "../../http-util.js";
import type { Route } from "../../types.js";
import { authed } from "./auth.js";
import { errors } from "./errors.js";
import { runList } from "./filter.js";
import { CURRENT, LEGACY, onlyIn } from "./generations.js";
import { PERMS, type AaState } from "./state.js";
import { roleView } from "./views.js";

const ROLE_FIELDS = ["id", "name", "description", "countPrincipals", "version", "createdBy", "createdOn", "updatedBy", "updatedOn", "systemRole"] as const;

function roleRoutes(version: "v1" | "v2"): Route<AaState>[] {
  return [
  {
    method: "POST",
    template: `/${version}/usermanagement/roles/list`,
    changesNothing: true,
    handler: authed(PERMS.viewRoles, (req, ctx) => {
      const rows = Object.values(ctx.state.roles).map((r) => roleView(ctx.state, r));
      const r = runList(rows, req.body, ROLE_FIELDS);
      return "error" in r ? r.error : json(200, r.result);
    }),
  },
  {
    method: "GET",
    template: `/${version}/usermanagement/roles/{roleId}`,
    handler: authed(PERMS.viewRoles, (req, ctx) => {
      const raw = req.params.roleId ?? "";
      if (!/^\d+$/.test(raw)) return errors.validation(`Role id must be an integer, got ${raw}`);
      const role = ctx.state.roles[String(Number(raw))];
      return role ? json(200, roleView(ctx.state, role)) : errors.roleNotFound(raw);
    }),
  },
];
}

export const rolesRoutes: Route<AaState>[] = [...onlyIn(CURRENT, roleRoutes("v2")), ...onlyIn(LEGACY, roleRoutes("v1"))];
