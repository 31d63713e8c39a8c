// The fewest vendor requests each kind needs per phase, as docs/performance.md lists them with the
// reason for each: `perIdentity` for every identity, `perPhase` once per provider process and phase
// (a look-up all identities of the kind share). Authentication is counted apart: one token or
// login per token vendor and phase, none for the Basic-auth vendors (Uptrends, Ivanti).
import type { Kind } from "./fleet.js";
import type { Phase } from "./measure.js";

export interface Minimum {
  perIdentity: number;
  perPhase: number;
}

const m = (perIdentity: number, perPhase = 0): Minimum => ({ perIdentity, perPhase });

export const MINIMUM: Record<Kind, Record<Phase, Minimum>> = {
  // POST /accounts (roles by id: the role catalogue once); refresh: the account, then its roles (the
  // account answer carries none); update: PUT; delete: the guide's delete-viability check, then DELETE.
  IseApiUser: { up: m(1, 1), "preview --refresh": m(2), update: m(1), destroy: m(2) },
  // POST, GET, PUT, DELETE of /ApiUser: one each.
  UptrendsApiAccount: { up: m(1), "preview --refresh": m(1), update: m(1), destroy: m(1) },
  // POST /users (role names to ids: one role list); GET, PUT, DELETE of the user.
  ControlRoomUser: { up: m(1, 1), "preview --refresh": m(1), update: m(1), destroy: m(1) },
  // POST, then GET of Location (the answer has no client id or secret); GET; update: GET + PUT (a
  // full replace that must carry the secret and the fields we do not manage); DELETE.
  VerifyApiClient: { up: m(2), "preview --refresh": m(1), update: m(2), destroy: m(1) },
  // POST, GET, PUT (group changes as add/remove lists), DELETE of the robot account.
  UiPathRobotAccount: { up: m(1), "preview --refresh": m(1), update: m(1), destroy: m(1) },
};

/** Sandbox vendor ids that authenticate with a token or login (one per phase at most). */
export const TOKEN_VENDORS = ["automationAnywhere", "ibmVerify", "uipath"] as const;
/** Sandbox vendor ids that use HTTP Basic on every request: no authentication request at all. */
export const BASIC_VENDORS = ["uptrends", "ivanti"] as const;

/** The fewest requests of a kind in a phase for `count` identities (0 identities: none). */
export function minimumRequests(kind: Kind, phase: Phase, count: number): number {
  const x = MINIMUM[kind][phase];
  return count > 0 ? x.perIdentity * count + x.perPhase : 0;
}
