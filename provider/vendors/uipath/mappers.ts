// Wire ↔ resource mapping: RobotAccountDto to outputs (keeping the user's spelling of GUIDs when
// they are equal under normalisation), outputs to the inputs `read` reconstructs, and the group
// deltas UiPath's update command takes.
import { TIME_WITHOUT_OFFSET } from "./contract.js";
import type { RobotAccountInputs, RobotAccountOutputs } from "./inputs.js";
import type { RobotAccountDto } from "./wire.js";

/** UiPath writes UTC times with and without `Z`; outputs always carry the `Z`, so reads never flip them. */
export function normaliseTime(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  return TIME_WITHOUT_OFFSET.test(value) ? `${value}Z` : value;
}

/** Milliseconds since the epoch of a vendor time (UTC when it has no offset), or NaN. */
export function parseVendorTime(value: string | null | undefined): number {
  const t = normaliseTime(value);
  if (!t) return NaN;
  // Date.parse takes at most millisecond precision reliably: cut the 7 fractional digits to 3.
  return Date.parse(t.replace(/(\.\d{3})\d+/, "$1"));
}

const lower = (s: string) => s.toLowerCase();

/**
 * The live ids, spelled and ordered as the user wrote them where they still match: the user's
 * entries that are live (in their order and case), then live entries the user did not list.
 */
export function keepSpelling(preferred: readonly string[] | undefined, live: readonly string[]): string[] {
  const liveSet = new Set(live.map(lower));
  const kept = (preferred ?? []).filter((id) => liveSet.has(lower(id)));
  const keptSet = new Set(kept.map(lower));
  const seen = new Set<string>();
  const extra = live.filter((id) => {
    const k = lower(id);
    if (keptSet.has(k) || seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  return [...kept, ...extra];
}

/** Values from state or the program whose spelling outputs keep when the vendor's is equivalent. */
export interface Spelling {
  partitionGlobalId: string;
  groupIds?: readonly string[];
  importId?: string;
}

export function toOutputs(dto: RobotAccountDto, spelling: Spelling): RobotAccountOutputs {
  const out: RobotAccountOutputs = {
    robotAccountId: dto.id,
    name: dto.name,
    // UiPath stores the name when no display name is given (INFERRED); never leave it empty.
    displayName: dto.displayName || dto.name,
    groupIds: keepSpelling(spelling.groupIds, dto.groupIds ?? []),
    partitionGlobalId: spelling.partitionGlobalId,
  };
  const created = normaliseTime(dto.creationTime);
  if (created) out.creationTime = created;
  const lastLogin = normaliseTime(dto.lastLoginTime);
  if (lastLogin) out.lastLoginTime = lastLogin;
  if (spelling.importId) out.importId = spelling.importId;
  return out;
}

/** The inputs an unchanged robot account corresponds to (what `check` makes of the program's inputs). */
export function toInputs(out: RobotAccountOutputs): RobotAccountInputs {
  const inputs: RobotAccountInputs = {
    name: out.name,
    displayName: out.displayName,
    groupIds: [...out.groupIds],
    partitionGlobalId: out.partitionGlobalId,
  };
  if (out.importId) inputs.importId = out.importId;
  return inputs;
}

/** `groupIDsToAdd` / `groupIDsToRemove` that turn `current` into `target` (GUIDs compared case-insensitively). */
export function groupDelta(current: readonly string[], target: readonly string[]): { toAdd: string[]; toRemove: string[] } {
  const cur = new Set(current.map(lower));
  const tgt = new Set(target.map(lower));
  const uniq = (ids: readonly string[], keep: (k: string) => boolean) => {
    const seen = new Set<string>();
    return ids.filter((id) => {
      const k = lower(id);
      if (seen.has(k) || !keep(k)) return false;
      seen.add(k);
      return true;
    });
  };
  return { toAdd: uniq(target, (k) => !cur.has(k)), toRemove: uniq(current, (k) => !tgt.has(k)) };
}

export function sameGroups(a: readonly string[], b: readonly string[]): boolean {
  const d = groupDelta(a, b);
  return d.toAdd.length === 0 && d.toRemove.length === 0;
}
