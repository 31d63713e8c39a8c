// A `POST /ApiUser` whose answer was lost. Uptrends has no idempotency key, and the password of the
// account it may have made was only in that answer: such an account can never be used. So the lost
// account is found (same operator, same description, never used, created since the request started,
// not made by this process otherwise), deleted, and the create is sent again (within the shared
// lifecycle's budget of sends). Anything that cannot be attributed with certainty is named in the
// error instead of touched.
import { LostCreateError, vendorCall } from "../../errors.js";
import { messageOf, plain } from "../../wording.js";
import type { LostAnswer, OwnCreate, MadeLateContext } from "../../lifecycle.js";
import type { UptrendsClient } from "./client.js";
import { LOST_CREATE_CLOCK_SKEW_MS } from "./contract.js";
import { effectiveDescription } from "./mappers.js";
import type { WireApiUser, WireApiUserBody, WireCreatedApiUser } from "./wire.js";

const KIND = "UptrendsApiAccount";

/** API users this process created and received: never mistaken for the result of a lost create. */
export const madeHere = new Set<string>();

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

/** The lifecycle's look-up after a lost create: never "ours", as what it made has no usable password. */
export async function findOwnCreate(client: UptrendsClient, body: WireApiUserBody, lost: LostAnswer): Promise<OwnCreate<WireCreatedApiUser>> {
  const list = await client.listApiUsersOfOperator(body.OperatorGuid);
  // What this process made for other resources, and (apiidentity recover) what state holds, is never it.
  const found = lostCreateCandidates(list, body, lost.startedAt, new Set([...madeHere, ...[...(lost.held ?? [])].map((id) => id.toLowerCase())]));
  if (found.length > 1) {
    throw new LostCreateError(
      KIND,
      lost.action,
      `the create may have happened: ${found.length} never-used API accounts of operator ${body.OperatorGuid} with description "${body.Description}" were created since, ` +
        `and one of them may be the one just made: ${describeAccounts(found)}. Its password cannot be recovered. ` +
        `Delete the ones nobody uses (operator's API management tab), then run 'pulumi up' again`,
      { cause: lost.cause },
    );
  }
  const orphan = found[0];
  if (!orphan) return { found: "none", note: "no account was made" };
  if (lost.dryRun) return { found: "none", note: `the account it made (${describeAccounts([orphan])}) would be deleted, as its password cannot be recovered` };
  // Provably the one just made, and useless: its password was only in the lost answer.
  try {
    await client.deleteApiUser(orphan.ApiUserGuid);
  } catch (e) {
    // The create happened and what it made is known: name it exactly (adopting it is no use, its password is lost).
    throw new LostCreateError(
      KIND,
      lost.action,
      `the create happened: it made API account ${describeAccounts([orphan])}, and deleting it failed (${plain(messageOf(e))}). ` +
        `That account is left at Uptrends and cannot be used or adopted, as its password was only in the lost answer: ` +
        `delete it on the operator's API management tab, then run 'pulumi up' again`,
      { cause: lost.cause },
    );
  }
  return { found: "none", note: `the account it made (${orphan.ApiUserGuid}) was deleted, as its password cannot be recovered` };
}

/**
 * After a create that needed several sends: an earlier send whose look-up found nothing may still
 * have landed late, making an account nobody can use (its password was only in that send's lost
 * answer). One read of the operator's accounts (only on this path: a create in one send never gets
 * here); the candidates are those the look-up would take, minus the account just made. Each is
 * deleted and said in the create's note; what cannot be deleted, or cannot be attributed (more candidates than
 * earlier sends), is named instead of touched.
 */
export async function deleteMadeLate(client: UptrendsClient, earlier: readonly WireApiUserBody[], keep: string, ctx: MadeLateContext): Promise<string | undefined> {
  // Every send of a create carries the same body (an Uptrends create gets no fresh plan per send).
  const body = earlier[0]!;
  const list = await client.listApiUsersOfOperator(body.OperatorGuid);
  const found = lostCreateCandidates(list, body, ctx.since, new Set([...madeHere, keep.toLowerCase()]));
  if (found.length === 0) return undefined;
  if (found.length > earlier.length) {
    return (
      `${found.length} never-used API accounts of operator ${body.OperatorGuid} with description "${body.Description}" were created since this create began, more than its ${earlier.length} earlier ` +
      `send${earlier.length > 1 ? "s" : ""} can have made: ${describeAccounts(found)}; none was deleted. Delete the ones nobody uses ${CONSOLE}`
    );
  }
  const failed: string[] = [];
  for (const u of found) {
    try {
      await vendorCall(KIND, `deleting API account ${u.ApiUserGuid}, made late by an earlier send of this create`, () => client.deleteApiUser(u.ApiUserGuid));
      ctx.note(`API account ${u.ApiUserGuid}, made late by an earlier send of this create (its password was only in the lost answer), was deleted`);
    } catch (e) {
      failed.push(`${describeAccounts([u])} (${plain(messageOf(e))})`);
    }
  }
  if (failed.length === 0) return undefined;
  return `an earlier send of this create also made API account${failed.length > 1 ? "s" : ""} ${failed.join(", ")}, not deleted; it cannot be used, as its password was only in the lost answer: delete ${failed.length > 1 ? "them" : "it"} ${CONSOLE}`;
}

const CONSOLE = "in Uptrends (the operator's API management tab)";
