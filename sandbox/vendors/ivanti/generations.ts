// The API generations this emulator plays, as forms of the account delete (see CONTRACT.md,
// "Generations"). "current" (the default): `DELETE /api/v1/account?id=`, the form public client code
// uses. "bulk-delete": the older guess, `GET /api/v1/accounts/deleteViability?ids=` and
// `DELETE /api/v1/accounts?ids=`.
import type { Route } from "../../types.js";
import { globalError } from "./errors.js";
import type { IvantiState } from "./state.js";

export const CURRENT = "current";
export const BULK_DELETE = "bulk-delete";
export const GENERATIONS = [CURRENT, BULK_DELETE] as const;
export type Generation = (typeof GENERATIONS)[number];

/**
 * Routes that exist in one generation only. In the other, the same method and path answer 405 in
 * the vendor's envelope, as a Spring service answers a method it does not map on a path it knows
 * (INFERRED (sandbox): every path here has a GET or POST in both generations). Answering through a
 * route keeps the template in the request counters.
 */
export function onlyIn(generation: Generation, routes: Route<IvantiState>[]): Route<IvantiState>[] {
  const others = GENERATIONS.filter((g) => g !== generation);
  return routes.flatMap((r) => [
    { ...r, profiles: [generation] },
    { method: r.method, template: r.template, profiles: others, handler: (req) => globalError(405, `Method ${req.method} not allowed`) },
  ]);
}
