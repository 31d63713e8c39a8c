// UiPathRobotAccount: a robot account in a UiPath organization (Identity API), member of groups.
// Name and partition are immutable (replace); display name and group membership update in place,
// membership through add/remove deltas. No secret: robot accounts have no credential of their own.
import { alreadyExists, ConfigurationError, vendorCall } from "../../errors.js";
import { VendorError } from "../../http/index.js";
import { defineResource, type Converged, type OwnCreate } from "../../lifecycle.js";
import { diffSpecOf, withDeclaredDefaults } from "../../property-facts.js";
import { checkWith, diffProperties, type DiffResult } from "../../resource.js";
import { uiPathClient, type UiPathClient } from "./client.js";
import { isDuplicateName } from "./contract.js";
import { adviseInputs, isGuid, robotAccountInputs, robotAccountOutputs, type RobotAccountInputs, type RobotAccountOutputs } from "./inputs.js";
import { groupDelta, parseVendorTime, sameGroups, toInputs, toOutputs } from "./mappers.js";
import type { RobotAccountDto, UpdateRobotAccountCommand } from "./wire.js";

const KIND = "UiPathRobotAccount";

const DIFF_SPEC = diffSpecOf(robotAccountInputs);

/**
 * How far before our request a lost create's robot may have been stamped and still be ours: the
 * `Date` header has one-second resolution; without it we allow for unsynchronised clocks.
 */
const SKEW_WITH_DATE_MS = 2_000;
const SKEW_WITHOUT_DATE_MS = 5 * 60_000;

type Resolved = RobotAccountInputs & { displayName: string; groupIds: string[]; partitionGlobalId: string };

/**
 * Inputs with their defaults filled in (check does this; other entry points may see raw inputs).
 * `defaultPartition`: the provider setting uipathPartitionGlobalId.
 */
function resolve(i: RobotAccountInputs, defaultPartition: string | undefined): Resolved {
  const partitionGlobalId = i.partitionGlobalId ?? defaultPartition;
  if (!partitionGlobalId) throw new ConfigurationError(`${KIND}: no partitionGlobalId: set it on the resource or the provider setting apiidentity:uipathPartitionGlobalId`);
  return { ...withDeclaredDefaults(robotAccountInputs, i), partitionGlobalId } as Resolved;
}

/**
 * Brings `current` (live) to the declared inputs with one PUT carrying only what changed; no call
 * when nothing did. Returns the new outputs and the names of the properties it changed.
 */
async function converge(client: UiPathClient, id: string, current: RobotAccountOutputs, desired: RobotAccountInputs): Promise<Converged<RobotAccountOutputs>> {
  const target = resolve(desired, client.settings.partitionGlobalId);
  const spelling = { partitionGlobalId: target.partitionGlobalId, groupIds: target.groupIds, importId: target.importId };
  const cmd: UpdateRobotAccountCommand = { partitionGlobalId: current.partitionGlobalId };
  const changed: string[] = [];
  if (current.displayName !== target.displayName) {
    cmd.displayName = target.displayName;
    changed.push("displayName");
  }
  const { toAdd, toRemove } = groupDelta(current.groupIds, target.groupIds);
  if (toAdd.length) cmd.groupIDsToAdd = toAdd;
  if (toRemove.length) cmd.groupIDsToRemove = toRemove;
  if (toAdd.length || toRemove.length) changed.push("groupIds");
  if (!changed.length) {
    return { outs: { ...current, groupIds: [...target.groupIds], partitionGlobalId: target.partitionGlobalId, ...(target.importId ? { importId: target.importId } : {}) }, changed };
  }
  const dto = await vendorCall(KIND, `updating robot account ${id}`, () => client.updateRobot(id, cmd));
  return { outs: toOutputs(dto, spelling), changed };
}

/** True when `r` is provably the robot our lost request created: same name, content, and created after we sent it. */
export function isOurs(r: RobotAccountDto, i: Resolved, sentAtVendorMs: number, skewMs: number): boolean {
  return notOursBecause(r, i, sentAtVendorMs, skewMs).length === 0;
}

/** Why `r` cannot be proven to be what our lost request created (empty when it is). */
function notOursBecause(r: RobotAccountDto, i: Resolved, sentAtVendorMs: number, skewMs: number): string[] {
  const created = parseVendorTime(r.creationTime);
  const why: string[] = [];
  if (r.name !== i.name) why.push("its name is spelt differently");
  if ((r.displayName || r.name) !== i.displayName) why.push("its displayName differs");
  if (!sameGroups(r.groupIds ?? [], i.groupIds)) why.push("its groups differ");
  if (Number.isNaN(created) || created < sentAtVendorMs - skewMs) why.push("it was created before this request");
  return why;
}

/** After a create with an unknown outcome: the robot it made, none, or one that cannot be proven ours. */
async function findOwnCreate(client: UiPathClient, i: Resolved, sentAt: number): Promise<OwnCreate<RobotAccountDto>> {
  const lookup = await client.findRobotsByName(i.partitionGlobalId, i.name);
  const [match] = lookup.matches;
  if (!match) return { found: "none" };
  const offset = lookup.vendorNow === undefined ? 0 : lookup.vendorNow - lookup.receivedAt;
  const skew = lookup.vendorNow === undefined ? SKEW_WITHOUT_DATE_MS : SKEW_WITH_DATE_MS;
  const why = notOursBecause(match, i, sentAt + offset, skew);
  if (why.length === 0) return { found: "ours", made: match, id: match.id };
  return { found: "unproven", id: match.id, what: `a robot account named '${match.name}' (id ${match.id}, created ${match.creationTime ?? "at an unknown time"})`, why: why.join(", ") };
}

/** Whether a refused create says a robot account with this name exists. */
function duplicateName(e: unknown): boolean {
  return e instanceof VendorError && isDuplicateName(e.status, (e.body as { errors?: Record<string, string[]> } | undefined)?.errors);
}

/** A create refused because the name exists names the existing robot account to adopt. */
async function refused(client: UiPathClient, i: Resolved, action: string, e: unknown): Promise<Error | undefined> {
  if (!(e instanceof VendorError)) return undefined;
  const errors = (e.body as { errors?: Record<string, string[]> } | undefined)?.errors;
  if (!isDuplicateName(e.status, errors)) return undefined;
  const existing = await client
    .findRobotsByName(i.partitionGlobalId, i.name)
    .then((l) => l.matches[0]?.id)
    .catch(() => undefined);
  return alreadyExists(KIND, action, e, { vendor: "UiPath", existing: "a robot account with this name", ...(existing ? { id: existing } : {}), rename: "pick another name" });
}

/** The partition a stored robot account lives in. */
function partitionOf(client: UiPathClient, id: string, props: Partial<RobotAccountOutputs>, doing: string): string {
  const partitionGlobalId = props.partitionGlobalId ?? client.settings.partitionGlobalId;
  if (!partitionGlobalId) throw new ConfigurationError(`${KIND}: cannot ${doing} robot account ${id}: no partitionGlobalId in state or provider settings`);
  return partitionGlobalId;
}

export const uiPathRobotAccount = defineResource({
  kind: KIND,
  vendor: "UiPath",
  noun: "robot account",
  console: "in UiPath (Admin > Accounts & Groups > Robot accounts)",
  inputs: robotAccountInputs,
  outputs: robotAccountOutputs,
  client: (settings) => uiPathClient(settings),

  check(_olds, news, settings) {
    const r = checkWith(robotAccountInputs, news);
    if (r.failures.length) return r;
    // Defaults are filled in here so that state holds what is managed, and read can reproduce it.
    const i = withDeclaredDefaults(robotAccountInputs, r.inputs);
    if (i.partitionGlobalId === undefined) {
      const fallback = settings.uipathPartitionGlobalId;
      if (!fallback) {
        return {
          inputs: i,
          failures: [
            {
              property: "partitionGlobalId",
              reason: "not set: give partitionGlobalId, or set the provider setting 'pulumi config set apiidentity:uipathPartitionGlobalId <organization GUID>' (or UIPATH_PARTITION_GLOBAL_ID)",
            },
          ],
        };
      }
      if (!isGuid(fallback)) {
        return { inputs: i, failures: [{ property: "partitionGlobalId", reason: `the provider setting uipathPartitionGlobalId ('${fallback}') is not a GUID` }] };
      }
      i.partitionGlobalId = fallback;
    }
    // importId at a replacement: the shared lifecycle drops it (provider/lifecycle.ts).
    return { inputs: i, failures: [] };
  },

  advise: adviseInputs,

  diff(olds, news, settings): DiffResult {
    const n = { ...news, partitionGlobalId: news.partitionGlobalId ?? settings.uipathPartitionGlobalId };
    const r = diffProperties(olds, n, DIFF_SPEC);
    // A rename that only changes letter case clashes with the old account (names are unique
    // case-insensitively): delete it before creating the new one.
    if (r.replaces.includes("name") && !r.replaces.includes("partitionGlobalId") && olds.name.toLowerCase() === n.name.toLowerCase()) {
      r.deleteBeforeReplace = true;
    }
    return r;
  },

  desired: (news, settings) => resolve(news, settings.uipathPartitionGlobalId),

  create: {
    action: (i) => `creating robot account '${i.name}'`,
    plan(client, news) {
      const i = resolve(news, client.settings.partitionGlobalId);
      const cmd = { partitionGlobalId: i.partitionGlobalId, name: i.name, displayName: i.displayName, ...(i.groupIds.length ? { groupIDsToAdd: i.groupIds } : {}) };
      return { i, cmd, spelling: { partitionGlobalId: i.partitionGlobalId, groupIds: i.groupIds } };
    },
    send: (client, { cmd }) => client.createRobot(cmd),
    // Names are unique per organization, so sending the create again after proving it did not land
    // cannot make a duplicate: a late first attempt makes the second one fail as a duplicate instead.
    findOwnCreate: (client, { i }, _news, lost) => findOwnCreate(client, i, lost.startedAt),
    duplicate: duplicateName,
    refused: (client, { i }, _news, e, action) => refused(client, i, action, e),
    finish: (_client, dto, _news, { spelling }) => ({ id: dto.id, outs: toOutputs(dto, spelling) }),
  },

  adopt: {
    fetch: (client, importId, i) => client.getRobot(resolve(i, client.settings.partitionGlobalId).partitionGlobalId, importId),
    notFound: (_importId, i, client) => ({
      detail: `in partition '${resolve(i, client.settings.partitionGlobalId).partitionGlobalId}'`,
      todo: "Check the id (Admin > Accounts & Groups > Robot accounts), or remove importId to create a new robot account",
    }),
    guard: (_client, dto, i) =>
      dto.name !== i.name ? { reason: `it is named '${dto.name}' but the program declares name '${i.name}'`, todo: `UiPath cannot rename robot accounts; set name to '${dto.name}'` } : undefined,
    current: (client, dto, news) => {
      const i = resolve(news, client.settings.partitionGlobalId);
      return { id: dto.id, current: toOutputs(dto, { partitionGlobalId: i.partitionGlobalId, groupIds: i.groupIds }) };
    },
  },
  converge,

  async read(client, id, props) {
    const partitionGlobalId = partitionOf(client, id, props, "read");
    const dto = await vendorCall(KIND, `reading robot account ${id}`, () => client.getRobot(partitionGlobalId, id));
    if (!dto) return {};
    const outs = toOutputs(dto, { partitionGlobalId, groupIds: props.groupIds, importId: props.importId });
    return { id: dto.id, props: outs, inputs: toInputs(outs) };
  },

  async remove(client, id, props) {
    const partitionGlobalId = partitionOf(client, id, props, "delete");
    await vendorCall(KIND, `deleting robot account ${id}`, () => client.deleteRobot(partitionGlobalId, id));
  },
});
