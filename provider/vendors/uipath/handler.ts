// UiPathRobotAccount: a robot account in a UiPath organization (Identity API), member of groups.
// Name and partition are immutable (replace); display name and group membership update in place,
// membership through add/remove deltas. No secret: robot accounts have no credential of their own.
import { setting } from "../../config.js";
import { isOutcomeUnknown, VendorError } from "../../http/index.js";
import { asSet, caseless, checkWith, describeFailure, diffProperties, step, stripInternal, type DiffResult, type ResourceHandler } from "../../resource.js";
import { uipathClient, type UiPathClient } from "./client.js";
import { isDuplicateName } from "./contract.js";
import { isGuid, nameWarnings, robotAccountInputs, robotAccountOutputs, type RobotAccountInputs, type RobotAccountOutputs } from "./inputs.js";
import { groupDelta, parseVendorTime, sameGroups, toInputs, toOutputs } from "./mappers.js";
import type { RobotAccountDto, UpdateRobotAccountCommand } from "./wire.js";

const KIND = "UiPathRobotAccount";

const DIFF_SPEC = {
  properties: ["name", "displayName", "groupIds", "partitionGlobalId"],
  replaceOnChanges: ["name", "partitionGlobalId"],
  normalise: { groupIds: asSet, partitionGlobalId: caseless },
  defaults: { groupIds: [] },
} as const;

/**
 * How far before our request a lost create's robot may have been stamped and still be ours: the
 * `Date` header has one-second resolution; without it we allow for unsynchronised clocks.
 */
const SKEW_WITH_DATE_MS = 2_000;
const SKEW_WITHOUT_DATE_MS = 5 * 60_000;

type Resolved = RobotAccountInputs & { displayName: string; groupIds: string[]; partitionGlobalId: string };

/** Inputs with their defaults filled in (check does this; other entry points may see raw inputs). */
function resolve(i: RobotAccountInputs): Resolved {
  const partitionGlobalId = i.partitionGlobalId ?? setting("uipathPartitionGlobalId");
  if (!partitionGlobalId) throw new Error(`${KIND}: no partitionGlobalId: set it on the resource or the provider setting apiidentity:uipathPartitionGlobalId`);
  return { ...i, displayName: i.displayName ?? i.name, groupIds: i.groupIds ?? [], partitionGlobalId };
}

function client(): UiPathClient {
  return uipathClient();
}

/**
 * Brings `current` (live) to the declared inputs with one PUT carrying only what changed; no call
 * when nothing did. Returns the new outputs and the names of the properties it changed.
 */
async function apply(id: string, current: RobotAccountOutputs, target: Resolved, action: string): Promise<{ outs: RobotAccountOutputs; changed: string[] }> {
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
  const dto = await step(KIND, action, () => client().updateRobot(id, cmd));
  return { outs: toOutputs(dto, spelling), changed };
}

async function adopt(i: Resolved, importId: string): Promise<{ id: string; outs: RobotAccountOutputs }> {
  const dto = await step(KIND, `adopting robot account ${importId}`, () => client().getRobot(i.partitionGlobalId, importId));
  if (!dto) {
    throw new Error(`${KIND}: importId '${importId}' names no robot account at UiPath in partition '${i.partitionGlobalId}'; check the id (Admin > Accounts & Groups > Robot accounts)`);
  }
  if (dto.name !== i.name) {
    throw new Error(`${KIND}: cannot adopt robot account ${importId}: it is named '${dto.name}' but the program declares name '${i.name}', and UiPath cannot rename robot accounts; set name to '${dto.name}'`);
  }
  const current = toOutputs(dto, { partitionGlobalId: i.partitionGlobalId, groupIds: i.groupIds });
  const { outs, changed } = await apply(dto.id, current, i, `updating adopted robot account ${importId}`);
  process.stderr.write(`apiidentity: adopted ${KIND} ${dto.id}; changed: ${changed.length ? changed.join(", ") : "nothing"}\n`);
  return { id: dto.id, outs };
}

/** True when `r` is provably the robot our lost request created: same name, content, and created after we sent it. */
export function isOurs(r: RobotAccountDto, i: Resolved, sentAtVendorMs: number, skewMs: number): boolean {
  const created = parseVendorTime(r.creationTime);
  return (
    r.name === i.name &&
    (r.displayName || r.name) === i.displayName &&
    sameGroups(r.groupIds ?? [], i.groupIds) &&
    !Number.isNaN(created) &&
    created >= sentAtVendorMs - skewMs
  );
}

/** True when going from `olds` to `news` replaces the robot account (name or partition changes). */
function replaced(olds: Partial<RobotAccountInputs>, news: RobotAccountInputs): boolean {
  const pg = (v: string | undefined) => (v ?? setting("uipathPartitionGlobalId") ?? "").toLowerCase();
  return olds.name !== news.name || pg(olds.partitionGlobalId) !== pg(news.partitionGlobalId);
}

async function createNew(i: Resolved): Promise<{ id: string; outs: RobotAccountOutputs }> {
  const cmd = {
    partitionGlobalId: i.partitionGlobalId,
    name: i.name,
    displayName: i.displayName,
    ...(i.groupIds.length ? { groupIDsToAdd: i.groupIds } : {}),
  };
  const spelling = { partitionGlobalId: i.partitionGlobalId, groupIds: i.groupIds };
  // Names are unique per organization, so sending the create again after proving it did not land
  // cannot make a duplicate: a late first attempt makes the second one fail as a duplicate instead.
  for (let attempt = 1; ; attempt++) {
    const sentAt = Date.now();
    try {
      const dto = await client().createRobot(cmd);
      return { id: dto.id, outs: toOutputs(dto, spelling) };
    } catch (e) {
      if (isOutcomeUnknown(e)) {
        const found = await recoverLostCreate(i, sentAt, e);
        if (found) return { id: found.id, outs: toOutputs(found, spelling) };
        if (attempt < 2) continue;
      }
      throw await createFailure(i, e);
    }
  }
}

/** After a create with an unknown outcome: the robot it made, undefined when none exists, or an error. */
async function recoverLostCreate(i: Resolved, sentAt: number, cause: unknown): Promise<RobotAccountDto | undefined> {
  const lookup = await step(KIND, `looking up robot account '${i.name}' after a lost create answer`, () => client().findRobotsByName(i.partitionGlobalId, i.name));
  const [match] = lookup.matches;
  if (!match) return undefined;
  const offset = lookup.vendorNow === undefined ? 0 : lookup.vendorNow - lookup.receivedAt;
  const skew = lookup.vendorNow === undefined ? SKEW_WITHOUT_DATE_MS : SKEW_WITH_DATE_MS;
  if (isOurs(match, i, sentAt + offset, skew)) {
    process.stderr.write(`apiidentity: ${KIND} '${i.name}': the create answer was lost; took robot account ${match.id}, which that request created\n`);
    return match;
  }
  const why = describeFailure(KIND, "creating", cause).message.replace(`${KIND}: creating failed: `, "");
  throw new Error(
    `${KIND}: creating robot account '${i.name}' lost its answer (${why}), and a robot account with that name exists (id ${match.id}, created ${match.creationTime ?? "at an unknown time"}) that cannot be proven to be the one this request created; check it in UiPath and adopt it with importId: '${match.id}', or delete it and run again`,
  );
}

/** A create failure as one line; a duplicate name names the existing robot account to adopt. */
async function createFailure(i: Resolved, e: unknown): Promise<Error> {
  if (e instanceof VendorError) {
    const errors = (e.body as { errors?: Record<string, string[]> } | undefined)?.errors;
    if (isDuplicateName(e.status, errors)) {
      const existing = await client()
        .findRobotsByName(i.partitionGlobalId, i.name)
        .then((l) => l.matches[0]?.id)
        .catch(() => undefined);
      const adopt = existing ? ` adopt it with importId: '${existing}', or` : "";
      return new Error(`${KIND}: creating robot account '${i.name}' failed: ${e.message}. A robot account with this name already exists in the organization${existing ? ` (id ${existing})` : ""}:${adopt} pick another name.`);
    }
  }
  return describeFailure(KIND, `creating robot account '${i.name}'`, e);
}

export const uiPathRobotAccount: ResourceHandler<RobotAccountInputs, RobotAccountOutputs> = {
  kind: KIND,
  vendor: "UiPath",
  inputs: robotAccountInputs,
  outputs: robotAccountOutputs,
  secretOutputs: [],
  replaceOnChanges: DIFF_SPEC.replaceOnChanges,

  async check(olds, news) {
    const r = checkWith(robotAccountInputs, news);
    if (r.failures.length) return r;
    const i = { ...r.inputs };
    // Defaults are filled in here so that state holds what is managed, and read can reproduce it.
    i.displayName ??= i.name;
    i.groupIds ??= [];
    if (i.partitionGlobalId === undefined) {
      const fallback = setting("uipathPartitionGlobalId");
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
    // importId adopts at the first create only: when an existing resource is replaced (new name
    // or partition), the replacement must be a new robot account, not the adopted one again.
    const o = stripInternal(olds) as Partial<RobotAccountInputs>;
    if (i.importId && typeof o.name === "string" && replaced(o, i)) delete i.importId;
    return { inputs: i, failures: [] };
  },

  advise(inputs) {
    return typeof inputs.name === "string" ? nameWarnings(inputs.name) : [];
  },

  async diff(_id, olds, news): Promise<DiffResult> {
    const o = { ...olds, displayName: olds.displayName || olds.name };
    const n = { ...news, displayName: news.displayName ?? news.name, partitionGlobalId: news.partitionGlobalId ?? setting("uipathPartitionGlobalId") };
    const r = diffProperties(o, n, DIFF_SPEC);
    // A rename that only changes letter case clashes with the old account (names are unique
    // case-insensitively): delete it before creating the new one.
    if (r.replaces.includes("name") && !r.replaces.includes("partitionGlobalId") && o.name.toLowerCase() === n.name.toLowerCase()) {
      r.deleteBeforeReplace = true;
    }
    return r;
  },

  async create(inputs) {
    const i = resolve(inputs);
    if (i.importId) return adopt(i, i.importId);
    return createNew(i);
  },

  async read(id, props) {
    const partitionGlobalId = props.partitionGlobalId ?? setting("uipathPartitionGlobalId");
    if (!partitionGlobalId) throw new Error(`${KIND}: cannot read robot account ${id}: no partitionGlobalId in state or provider settings`);
    const dto = await step(KIND, `reading robot account ${id}`, () => client().getRobot(partitionGlobalId, id));
    if (!dto) return {};
    const outs = toOutputs(dto, { partitionGlobalId, groupIds: props.groupIds, importId: props.importId });
    return { id: dto.id, props: outs, inputs: toInputs(outs) };
  },

  async update(id, olds, news) {
    const i = resolve(news);
    const { outs } = await apply(id, olds, i, `updating robot account ${id}`);
    return outs;
  },

  async delete(id, props) {
    const partitionGlobalId = props.partitionGlobalId ?? setting("uipathPartitionGlobalId");
    if (!partitionGlobalId) throw new Error(`${KIND}: cannot delete robot account ${id}: no partitionGlobalId in state or provider settings`);
    await step(KIND, `deleting robot account ${id}`, () => client().deleteRobot(partitionGlobalId, id));
  },
};
