// `apiidentity check uipath`: the UiPath Identity contract (contract.ts) tried against a real
// organization with the provider's own settings. Read-only unless `options.write`; then it creates,
// updates and deletes one throw-away robot account named `options.throwAwayName`, and nothing else.
import { randomUUID } from "node:crypto";
import { type ProbeRecorder, ProbeCannotRun, type Probe, type ProbeOptions, type WriteTrial } from "../../probe.js";
import { VendorError } from "../../http/index.js";
import { audit } from "./audit.js";
import { uiPathClient, type UiPathClient } from "./client.js";
import { VENDOR } from "./contract.js";
import { GROUP_SCOPES, isDuplicateName, NAME_MAX_LENGTH, NAME_PATTERN, PATHS, ROBOT_SCOPES, TOKEN_PATH } from "./contract.js";
import { parseVendorTime } from "./mappers.js";
import { problemDetails, type RobotAccountDto } from "./wire.js";
import { messageOf } from "../../wording.js";

/** Records the scopes the provider needs against those the token carries. */
function recordScopes(rec: ProbeRecorder, what: string, neededFor: string, alternatives: string[][], granted: string[] | undefined): void {
  const name = alternatives.map((a) => a.join(" + ")).join(" or ");
  if (!granted) {
    rec.permission(name, "unknown", neededFor, "the token answer names no scopes");
    return;
  }
  const ok = alternatives.some((a) => a.every((s) => granted.includes(s)));
  rec.permission(name, ok ? "granted" : "missing", neededFor, `${what} token carries: ${granted.join(" ") || "none"}`);
}

function checkNames(rec: ProbeRecorder, robots: readonly RobotAccountDto[]): void {
  const topic = `robot-account names: printable ASCII without spaces or '@', at most ${NAME_MAX_LENGTH} characters (our guess; a warning only)`;
  const outside = robots.filter((r) => r.name.length > NAME_MAX_LENGTH || (r.name !== "" && !NAME_PATTERN.test(r.name)));
  if (outside.length) {
    rec.contradict(topic, `UiPath holds ${outside.length} robot account(s) whose name breaks the guess, e.g. one of ${outside[0]!.name.length} characters (${outside[0]!.id})`, true);
  } else {
    rec.leaveOpen(topic, robots.length ? `all ${robots.length} existing names fit the guess; that does not show what UiPath refuses` : "no robot accounts to look at", true);
  }
  const seen = new Map<string, string>();
  const clash = robots.find((r) => {
    const k = r.name.toLowerCase();
    if (seen.has(k) && seen.get(k) !== r.name) return true;
    seen.set(k, r.name);
    return false;
  });
  if (clash) rec.contradict("names are unique case-insensitively", `two robot accounts differ only in letter case: '${clash.name}' and '${seen.get(clash.name.toLowerCase())}'`, true);
  else rec.leaveOpen("names are unique case-insensitively", "no two existing names differ only in letter case; only a create could tell", true);
}

function checkTimes(rec: ProbeRecorder, robots: readonly RobotAccountDto[]): void {
  const withTime = robots.filter((r) => r.creationTime);
  if (!withTime.length) {
    rec.leaveOpen("creationTime is a UTC time, with or without Z", "no creationTime to look at", true);
    return;
  }
  const bad = withTime.find((r) => Number.isNaN(parseVendorTime(r.creationTime)));
  rec.expect("creationTime is a UTC time, with or without Z", !bad, `${withTime.length} creation time(s) read`, `creationTime '${bad?.creationTime}' is not a readable time`, true);
}

/** `--write`: one throw-away robot account, created, updated, duplicated (expecting a refusal), deleted. */
async function writeTrial(rec: ProbeRecorder, client: UiPathClient, partitionGlobalId: string, name: string): Promise<WriteTrial> {
  const trial: WriteTrial = { name, created: false, updated: false, deleted: false, confirmedGone: false };
  const created = await rec.call(`POST /api${PATHS.createRobot} (throw-away robot '${name}')`, () => client.createRobot({ partitionGlobalId, name, groupIDsToAdd: [] }));
  if (!created) {
    trial.problem = `the create failed; if a robot account named '${name}' exists, delete it in Admin > Accounts & Groups > Robot accounts`;
    return trial;
  }
  trial.created = true;
  rec.expect(
    "a robot account created without displayName shows its name",
    !created.displayName || created.displayName === name,
    `displayName is ${created.displayName ? `'${created.displayName}'` : "empty"}`,
    `displayName is '${created.displayName}', not the name`,
    true,
  );

  // The same name again: the client expects 409, or a 400 whose `errors.name` says it exists.
  try {
    const twin = await client.createRobot({ partitionGlobalId, name, groupIDsToAdd: [] });
    rec.contradict("a duplicate name is refused with 409 (or a 400 naming the name)", "UiPath created a second robot account with the same name", true);
    const removed = await rec.call("deleting the duplicate throw-away robot", () => client.deleteRobot(partitionGlobalId, twin.id));
    if (!removed) trial.problem = `a second robot account named '${name}' (${twin.id}) may remain: delete it`;
  } catch (e) {
    if (e instanceof VendorError) {
      const body = problemDetails.safeParse(e.body);
      const dup = isDuplicateName(e.status, body.success ? body.data.errors : undefined);
      rec.expect("a duplicate name is refused with 409 (or a 400 naming the name)", dup, `HTTP ${e.status}`, `HTTP ${e.status}, which the client does not read as "name taken": ${e.vendorMessage}`, true);
    } else rec.fail("a duplicate name is refused with 409 (or a 400 naming the name)", e);
  }

  const updated = await rec.call(`PUT /api${PATHS.updateRobot} (throw-away robot)`, () => client.updateRobot(created.id, { partitionGlobalId, displayName: `${name} (updated)` }));
  trial.updated = updated?.displayName === `${name} (updated)`;
  if (updated) rec.expect("PUT answers with the updated robot account", trial.updated, "the new displayName is in the answer", `the answer's displayName is '${updated.displayName ?? ""}'`);

  const deleted = await rec.call(`DELETE /api${PATHS.robot} (throw-away robot)`, () => client.deleteRobot(partitionGlobalId, created.id));
  trial.deleted = deleted === true;
  const after = await rec.call(`GET /api${PATHS.robot} after the delete`, () => client.getRobot(partitionGlobalId, created.id));
  trial.confirmedGone = after === undefined && trial.deleted;
  if (trial.confirmedGone) rec.confirm("a deleted robot account answers 404", "the read after the delete found nothing", true);
  if (!trial.deleted || !trial.confirmedGone) {
    trial.problem = `robot account '${name}' (${created.id}) may still exist: delete it in Admin > Accounts & Groups > Robot accounts`;
  }
  return trial;
}

export const probe: Probe = {
  key: "uipath",
  vendor: VENDOR,
  async run(rec: ProbeRecorder, options: ProbeOptions): Promise<void> {
    const client = uiPathClient(options.settings);
    const partitionGlobalId = client.settings.partitionGlobalId;
    if (!partitionGlobalId) {
      throw new ProbeCannotRun(`${VENDOR}: set apiidentity:uipathPartitionGlobalId (or UIPATH_PARTITION_GLOBAL_ID): every robot-account call names the organization's partition`);
    }
    const robotToken = await rec.authenticate(`POST ${TOKEN_PATH} (client credentials, robot-account scopes)`, () => client.tokenScopes("robotAccounts"));
    recordScopes(rec, "the robot-account", "creating, reading, updating and deleting robot accounts", [[ROBOT_SCOPES.all], [ROBOT_SCOPES.read, ROBOT_SCOPES.write]], robotToken.granted);
    const groupNeed = "getUiPathGroup and checking groupIds";
    const groupAlternatives = [[GROUP_SCOPES.read], [GROUP_SCOPES.all]];
    try {
      const groupToken = await client.tokenScopes("groups");
      recordScopes(rec, "the group", groupNeed, groupAlternatives, groupToken.granted);
    } catch (e) {
      // The settings name no group scope, or the application was not granted one.
      rec.permission(groupAlternatives.map((a) => a.join(" + ")).join(" or "), "missing", groupNeed, messageOf(e));
      rec.fail(`POST ${TOKEN_PATH} (group scope)`, e);
    }

    const robots = await rec.call(`GET /api${PATHS.listRobots}: RobotAccountDto and the {totalCount, results} page`, () => client.listRobots(partitionGlobalId));
    if (robots) {
      rec.confirm("robot-account list answers {totalCount, results}", `${robots.length} robot account(s) read`);
      checkNames(rec, robots);
      checkTimes(rec, robots);
      const field = audit.lastUsed?.field;
      rec.lastUse(field, robots.length && field ? robots.some((r) => field in r) : undefined, robots.length ? undefined : "no robot accounts to look at");
    }
    const groups = await rec.call(`GET /api${PATHS.listGroups}: a plain GroupDto array`, () => client.listGroups(partitionGlobalId));
    if (groups) rec.confirm("group list answers a plain GroupDto array", `${groups.length} group(s) read`);

    // A robot id nobody has: the client reads 404 (with the partition known) as "gone".
    const missing = await rec.call(`GET /api${PATHS.robot} of an unknown id`, () => client.getRobot(partitionGlobalId, randomUUID()));
    if (missing === undefined && !rec.findings.some((f) => f.topic === `GET /api${PATHS.robot} of an unknown id`)) {
      rec.confirm("an unknown robot-account id answers 404 while the partition is known", "404, and the partition list answered", true);
    }
    rec.leaveOpen(
      "the /{organization}/identity_/api and /identity_/api roots reach the same API",
      client.settings.organization ? "the check used the organization form only" : "the check used /identity_/api only",
      true,
    );

    if (options.write) rec.write = await writeTrial(rec, client, partitionGlobalId, options.throwAwayName);
  },
};
