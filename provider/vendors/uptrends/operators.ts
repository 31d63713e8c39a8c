// Finding an operator by name or e-mail (for the `getUptrendsOperator` lookup): list and match, as
// the API has no filter (SWAGGER-2022 `GET /Operator`).
import { describeFailure, LookupError } from "../../errors.js";
import type { Settings } from "../../resource.js";
import { uptrendsClient, type UptrendsClient } from "./client.js";
import type { UptrendsOperator, UptrendsOperatorQuery } from "./inputs.js";
import type { WireOperator } from "./wire.js";

export type { UptrendsOperator, UptrendsOperatorQuery };

const same = (a: string | null | undefined, b: string) => (a ?? "").trim().toLowerCase() === b.trim().toLowerCase();

function toOperator(o: WireOperator): UptrendsOperator {
  const out: UptrendsOperator = {
    operatorGuid: o.OperatorGuid.toLowerCase(),
    fullName: o.FullName ?? "",
    email: o.Email ?? "",
    isAccountAdministrator: o.IsAccountAdministrator === true,
  };
  if (o.OperatorRole) out.operatorRole = o.OperatorRole;
  return out;
}

const show = (o: WireOperator) => `${o.FullName ?? "(no name)"} <${o.Email ?? "no e-mail"}>`;

/** The one operator matching the query; otherwise an error that lists what exists. */
export function matchOperator(list: readonly WireOperator[], q: UptrendsOperatorQuery): UptrendsOperator {
  const name = q.name?.trim() ? q.name : undefined;
  const email = q.email?.trim() ? q.email : undefined;
  if (!name && !email) throw new LookupError("getUptrendsOperator: give the operator's name or email (or both).");
  const wanted = [name && `name '${name}'`, email && `e-mail '${email}'`].filter(Boolean).join(" and ");
  const hits = list.filter((o) => (!name || same(o.FullName, name)) && (!email || same(o.Email, email)));
  const [only] = hits;
  if (hits.length === 1 && only) return toOperator(only);
  if (hits.length > 1) {
    throw new LookupError(`getUptrendsOperator: ${hits.length} Uptrends operators have ${wanted}: ${hits.map(show).join(", ")}. Look it up by e-mail, which is unique.`);
  }
  const existing = list.length ? list.map(show).join(", ") : "none";
  throw new LookupError(`getUptrendsOperator: no Uptrends operator has ${wanted}. The account's operators: ${existing}.`);
}

export async function findOperator(client: UptrendsClient, q: UptrendsOperatorQuery): Promise<UptrendsOperator> {
  return matchOperator(await client.listOperators(), q);
}

/**
 * The lookup behind `getUptrendsOperator`, with the settings it is given (the SDK's: the program's
 * stack config first). Every failure is one line naming the lookup.
 */
export async function lookupOperator(settings: Settings, q: UptrendsOperatorQuery): Promise<UptrendsOperator> {
  try {
    return await findOperator(uptrendsClient(settings), q);
  } catch (e) {
    throw describeFailure("getUptrendsOperator", "listing Uptrends operators (GET /Operator)", e);
  }
}
