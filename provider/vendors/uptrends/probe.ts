// `apiidentity check uptrends`: the Uptrends contract (contract.ts) tried against a real account with
// the provider's own settings. Read-only unless `options.write`; then it creates, updates and deletes
// one throw-away API account whose Description is `options.throwAwayName`, and nothing else.
import { randomUUID } from "node:crypto";
import type { ProbeRecorder, Probe, ProbeOptions, WriteTrial } from "../../probe.js";
import { respellKeys } from "../../http/index.js";
import { ACCESS_TYPES, ADMIN_AUTHORIZATION, API_USER_FIELDS, LOST_CREATE_CLOCK_SKEW_MS, PATHS } from "./contract.js";
import { audit } from "./audit.js";
import { uptrendsClient, type UptrendsClient } from "./client.js";
import { VENDOR } from "./contract.js";
import { toWireBody } from "./mappers.js";
import type { WireApiUser, WireOperator } from "./wire.js";

const NEEDED_FOR_ADMIN = "creating, updating and deleting API accounts of operators other than the provider's own (only administrators may edit other operators' API credentials)";

/** True when some object of a raw list answer carries `field` (any letter case). */
function listHasField(raw: unknown, field: string): boolean {
  if (!Array.isArray(raw)) return false;
  return raw.some((o) => {
    const r = respellKeys(o, [field]);
    return r !== null && typeof r === "object" && (r as Record<string, unknown>)[field] !== undefined;
  });
}

function hasField(raw: unknown, field: string): boolean {
  return listHasField([raw], field);
}

/** The INFERRED optional ApiUser fields: a missing one is a contradiction, except while it may be legitimately absent. */
function checkOptionalFields(rec: ProbeRecorder, raw: unknown, users: readonly WireApiUser[]): void {
  const where = `GET ${PATHS.apiUsers}`;
  if (!users.length) {
    rec.leaveOpen("ApiUser field names (ApiAccessType, CreatedDate, LastUsed, RequestsLast30Days)", `${where} returned no API users to look at`, true);
    return;
  }
  for (const field of [API_USER_FIELDS.accessType, API_USER_FIELDS.createdDate] as const) {
    rec.expect(
      `ApiUser field ${field}`,
      listHasField(raw, field),
      `${where}: the API users carry ${field}`,
      `${where}: no API user carries a field ${field} (in any letter case); the client reads it (outputs, lost-create matching)`,
      true,
    );
  }
  // LastUsed may be null or absent while an account was never used.
  if (listHasField(raw, API_USER_FIELDS.lastUsed)) rec.confirm(`ApiUser field ${API_USER_FIELDS.lastUsed}`, `${where}: seen on at least one API user`, true);
  else rec.leaveOpen(`ApiUser field ${API_USER_FIELDS.lastUsed}`, `${where}: no API user carries it; it may be absent only while never used`, true);
  if (listHasField(raw, "RequestsLast30Days")) rec.confirm("ApiUser field RequestsLast30Days", `${where}: seen on at least one API user`, true);
  else rec.leaveOpen("ApiUser field RequestsLast30Days", `${where}: no API user carries it (the client treats it as 0)`, true);

  const unknown = [...new Set(users.map((u) => u.ApiAccessType).filter((t): t is string => !!t && !(ACCESS_TYPES as readonly string[]).includes(t)))];
  if (unknown.length) rec.leaveOpen("ApiAccessType values", `values beyond the documented ${ACCESS_TYPES.join(", ")}: ${unknown.join(", ")} (kept as they are)`);
  else rec.confirm("ApiAccessType values", `only documented values seen (${ACCESS_TYPES.join(", ")})`);
}

/** Permission: is the provider's own operator an account administrator? */
async function checkPermissions(rec: ProbeRecorder, client: UptrendsClient, own: WireApiUser | undefined, operators: readonly WireOperator[] | undefined): Promise<void> {
  if (!own) {
    rec.permission(ADMIN_AUTHORIZATION, "unknown", NEEDED_FOR_ADMIN, `the provider's API account (${client.username}) is not in the GET ${PATHS.apiUsers} answer, so its operator is unknown`);
    return;
  }
  const rights = await rec.call(`GET ${PATHS.operatorAuthorizations} (the provider's own operator)`, () => client.getOperatorAuthorizations(own.OperatorGuid));
  const op = operators?.find((o) => o.OperatorGuid.toLowerCase() === own.OperatorGuid.toLowerCase());
  if (rights === undefined && op?.IsAccountAdministrator == null) {
    rec.permission(ADMIN_AUTHORIZATION, "unknown", NEEDED_FOR_ADMIN, "neither the operator's authorizations nor IsAccountAdministrator could be read");
    return;
  }
  const admin = rights?.includes(ADMIN_AUTHORIZATION) === true || op?.IsAccountAdministrator === true;
  const seen = rights ? `authorizations: ${rights.join(", ") || "none"}` : `IsAccountAdministrator: ${String(op?.IsAccountAdministrator)}`;
  rec.permission(
    ADMIN_AUTHORIZATION,
    admin ? "granted" : "missing",
    NEEDED_FOR_ADMIN,
    `operator ${own.OperatorGuid}; ${seen}${admin ? "" : "; without it only the operator's own API accounts can be managed"}`,
  );
}

/** `--write`: one throw-away API account of the provider's own operator, created, updated, deleted. */
async function writeTrial(rec: ProbeRecorder, client: UptrendsClient, operatorGuid: string, name: string): Promise<WriteTrial> {
  const trial: WriteTrial = { name, created: false, updated: false, deleted: false, confirmedGone: false };
  const startedAt = Date.now();
  const created = await rec.call(`POST ${PATHS.apiUsers} (throw-away account '${name}')`, () => client.createApiUser(toWireBody(operatorGuid, name)));
  if (!created) {
    trial.problem = `the create failed; if an API account with description '${name}' exists at operator ${operatorGuid}, delete it in the operator's API management tab`;
    return trial;
  }
  trial.created = true;
  const guid = created.ApiUserGuid;
  rec.confirm(`POST ${PATHS.apiUsers} answer carries ${API_USER_FIELDS.guid}, ${API_USER_FIELDS.username} and ${API_USER_FIELDS.password}`, `created ${guid}`, true);
  const createdAt = created.CreatedDate ? Date.parse(created.CreatedDate) : NaN;
  if (Number.isNaN(createdAt)) rec.leaveOpen("CreatedDate is the vendor clock, close to ours (lost-create window)", "the create answer has no readable CreatedDate", true);
  else
    rec.expect(
      "CreatedDate is the vendor clock, close to ours (lost-create window)",
      Math.abs(createdAt - startedAt) <= LOST_CREATE_CLOCK_SKEW_MS,
      `CreatedDate ${created.CreatedDate} is within ${LOST_CREATE_CLOCK_SKEW_MS / 60000} minutes of our clock`,
      `CreatedDate ${created.CreatedDate} is more than ${LOST_CREATE_CLOCK_SKEW_MS / 60000} minutes from our clock (${new Date(startedAt).toISOString()})`,
      true,
    );

  const read = await rec.call(`GET ${PATHS.apiUser} (throw-away account)`, () => client.getApiUserAnswer(guid));
  if (read?.user) {
    rec.expect(
      "the password appears only in the create answer",
      !hasField(read.raw, API_USER_FIELDS.password),
      `GET ${PATHS.apiUser} does not return ${API_USER_FIELDS.password}`,
      `GET ${PATHS.apiUser} returns a ${API_USER_FIELDS.password} field`,
      true,
    );
  }

  const newDescription = `${name} (updated)`;
  const updated = await rec.call(`PUT ${PATHS.apiUser} (throw-away account)`, async () => {
    await client.updateApiUser(guid, toWireBody(operatorGuid, newDescription));
    return true;
  });
  if (updated) {
    const after = await rec.call(`GET ${PATHS.apiUser} after the update`, () => client.getApiUser(guid));
    trial.updated = after?.Description === newDescription;
    rec.expect(
      "PUT changes Description in place",
      trial.updated,
      "the new description reads back",
      `the description reads back as '${after?.Description ?? "(none)"}'`,
    );
  }

  const deleted = await rec.call(`DELETE ${PATHS.apiUser} (throw-away account)`, () => client.deleteApiUser(guid));
  trial.deleted = deleted === true;
  const gone = await rec.call(`GET ${PATHS.apiUser} after the delete`, () => client.getApiUserAnswer(guid));
  trial.confirmedGone = gone?.status === 404;
  if (!trial.deleted || !trial.confirmedGone) {
    trial.problem = `API account ${guid} (description '${name}') may still exist at operator ${operatorGuid}: delete it in the operator's API management tab`;
  }
  return trial;
}

export const probe: Probe = {
  key: "uptrends",
  vendor: VENDOR,
  async run(rec: ProbeRecorder, options: ProbeOptions): Promise<void> {
    const client = uptrendsClient(options.settings);
    // No login call: the first call with the API account's Basic credentials is the authentication.
    const operators = await rec.authenticate(`GET ${PATHS.operators} with the API account's Basic credentials`, () => client.listOperators());
    rec.confirm(`GET ${PATHS.operators} answers with the Operator objects`, `${operators.length} operator(s)`);

    const list = await rec.call(`GET ${PATHS.apiUsers}: ApiUser field names ${API_USER_FIELDS.guid}, ${API_USER_FIELDS.operatorGuid}, ${API_USER_FIELDS.username}`, () =>
      client.listApiUsers(),
    );
    let own: WireApiUser | undefined;
    if (list) {
      rec.confirm(
        `ApiUser fields ${API_USER_FIELDS.guid} and ${API_USER_FIELDS.username}`,
        list.users.length ? `read on ${list.users.length} API user(s)` : `GET ${PATHS.apiUsers} returned an empty list`,
        true,
      );
      checkOptionalFields(rec, list.raw, list.users);
      const field = audit.lastUsed?.field;
      rec.lastUse(field, list.users.length && field ? listHasField(list.raw, field) : undefined, list.users.length ? undefined : "no API users to look at");
      own = list.users.find((u) => u.UserName === client.username);
      if (own) {
        const mine = await rec.call(`GET ${PATHS.apiUsersOfOperator} (the provider's own operator)`, () => client.listApiUsersOfOperator(own!.OperatorGuid));
        if (mine) rec.expect(`GET ${PATHS.apiUsersOfOperator} lists the operator's API users`, mine.some((u) => u.ApiUserGuid.toLowerCase() === own!.ApiUserGuid.toLowerCase()), "the provider's own API account is listed", "the provider's own API account is missing from its operator's list");
      }
    }
    await checkPermissions(rec, client, own, operators);

    // A GUID nobody has: the client takes 404 as "no such API account" (refresh, delete).
    const probeGuid = randomUUID();
    const missing = await rec.call(`GET ${PATHS.apiUser} of an unknown GUID`, () => client.getApiUserAnswer(probeGuid));
    if (missing) rec.expect("an unknown ApiUserGuid answers 404", missing.status === 404, "404", `HTTP ${missing.status}`, true);

    rec.leaveOpen(`an empty Description becomes "API"`, "the client never sends an empty Description (it sends \"API\" itself), so this does not matter to it", true);

    if (options.write) {
      if (!own) {
        rec.write = { name: options.throwAwayName, created: false, updated: false, deleted: false, confirmedGone: false, problem: "the provider's own API account was not found, so no operator to create the throw-away account for; nothing was written" };
        return;
      }
      rec.write = await writeTrial(rec, client, own.OperatorGuid, options.throwAwayName);
    }
  },
};
