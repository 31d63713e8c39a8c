// The fewest vendor requests each kind needs per phase, as each vendor module declares them
// (docs/performance.md lists them with the reason for each): `perIdentity` for every identity,
// `perPhase` once per provider process and phase (a look-up all identities of the kind share).
// Authentication is counted apart: one token or login per token vendor and phase, none for the
// vendors that send HTTP Basic on every request.
import type { Minimum } from "../provider/vendor-module.js";
import { VENDORS } from "../provider/vendors/index.js";
import type { Kind } from "./fleet.js";
import type { Phase } from "./measure.js";

export type { Minimum };
export { BASIC_VENDORS, TOKEN_VENDORS } from "../sandbox/kinds.js";

export const MINIMUM: Readonly<Record<Kind, Readonly<Record<Phase, Minimum>>>> = Object.fromEntries(VENDORS.flatMap((v) => v.kinds.map((k) => [k.kind, k.minimum]))) as Record<
  Kind,
  Record<Phase, Minimum>
>;

/** The fewest requests of a kind in a phase for `count` identities (0 identities: none). */
export function minimumRequests(kind: Kind, phase: Phase, count: number): number {
  const x = MINIMUM[kind][phase];
  return count > 0 ? x.perIdentity * count + x.perPhase : 0;
}
