// A `POST /ApiUser` whose answer was lost. Uptrends has no idempotency key, and the password of the
// account it may have made was only in that answer: such an account can never be used. So the handler
// finds it (same operator, same description, never used, created since the request started, not made
// by this process otherwise), deletes it, and creates again once. Anything it cannot attribute with
// certainty is named in the error instead of touched.
import { LOST_CREATE_CLOCK_SKEW_MS } from "./contract.js";
import { effectiveDescription } from "./mappers.js";
import type { WireApiUser, WireApiUserBody } from "./wire.js";

/** Accounts that may be the one a lost `POST /ApiUser` made. */
export function lostCreateCandidates(list: readonly WireApiUser[], sent: WireApiUserBody, startedAt: number, madeHere: ReadonlySet<string>): WireApiUser[] {
  const since = startedAt - LOST_CREATE_CLOCK_SKEW_MS;
  return list.filter((u) => {
    if (madeHere.has(u.ApiUserGuid.toLowerCase())) return false;
    if (u.OperatorGuid.toLowerCase() !== sent.OperatorGuid.toLowerCase()) return false;
    if (effectiveDescription(u.Description) !== sent.Description) return false;
    // Nobody can have used it: its password never reached anyone.
    if (u.LastUsed || (u.RequestsLast30Days ?? 0) > 0) return false;
    if (u.ApiAccessType && u.ApiAccessType !== "Generic") return false;
    // Without a creation date it cannot be excluded, so it stays a candidate (and makes a match ambiguous).
    const created = u.CreatedDate ? Date.parse(u.CreatedDate) : NaN;
    return Number.isNaN(created) || created >= since;
  });
}

export function describeAccounts(list: readonly WireApiUser[]): string {
  return list.map((u) => `${u.ApiUserGuid} (username ${u.UserName}, created ${u.CreatedDate ?? "at an unknown time"})`).join(", ");
}
