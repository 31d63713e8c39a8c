// The two Control Room generations this emulator plays (see CONTRACT.md, "Generations"):
// "current" (Automation 360 v.33 and later: authentication and user management on v2, the v1
// versions discontinued) and "legacy" (before v2: v1 only).
import type { Route } from "../../types.js";
import { errorResponse } from "./errors.js";
import type { AaState } from "./state.js";

export const CURRENT = "current";
export const LEGACY = "legacy";
export const GENERATIONS = [CURRENT, LEGACY] as const;
export type Generation = (typeof GENERATIONS)[number];

/** The path version each generation serves for authentication and user management. */
export const VERSION_OF: Record<Generation, "v2" | "v1"> = { current: "v2", legacy: "v1" };

/**
 * Routes that exist in one generation only. In the other generation the same method and path are
 * still answered, as a Control Room answers a call it does not have: 404 with the vendor's error
 * body (INFERRED: the vendor says the v1 calls "stop working", not how). Answering them through a
 * route keeps their template in the request counters.
 */
export function onlyIn(generation: Generation, routes: Route<AaState>[]): Route<AaState>[] {
  const other: Generation = generation === CURRENT ? LEGACY : CURRENT;
  return routes.flatMap((r) => [
    { ...r, profiles: [generation] },
    { method: r.method, template: r.template, profiles: [other], handler: (req) => errorResponse(404, `No route ${req.method} ${req.path}`) },
  ]);
}
