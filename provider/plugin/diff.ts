// The engine's per-property diff (`detailedDiff`) from a handler's diff result: which properties
// changed, whether each was added, removed or changed, and whether its change replaces the identity.
// The handler decides what changed and what replaces (from the declarations, after normalisation);
// this file only words that for the engine.
import { isAbsent as absent, type DiffResult } from "../resource.js";
import type { Values } from "./struct.js";

/** Pulumi's kinds of property change (the protocol's PropertyDiff.Kind, by name). */
export type DiffKind = "add" | "add-replace" | "delete" | "delete-replace" | "update" | "update-replace";

export interface PropertyChange {
  kind: DiffKind;
  /** True: the change is between old and new inputs (not an output read back). */
  inputDiff: boolean;
}

/** A Diff or DiffConfig answer in the protocol's terms. */
export interface DiffAnswer {
  changes: boolean;
  replaces: string[];
  /** Every property that changed (the protocol's `diffs`). */
  diffs: string[];
  detailedDiff: Record<string, PropertyChange>;
  deleteBeforeReplace: boolean;
}

/**
 * Maps a handler's DiffResult to the engine's. `olds` are the old inputs (whether a property was set
 * before), `news` the new ones; a property in `replaces` the handler did not list as changed (a
 * replacement decided from several properties) is reported too.
 */
export function engineDiff(r: DiffResult, olds: Values, news: Values): DiffAnswer {
  const replaces = [...new Set(r.replaces)];
  const diffs = [...new Set([...r.changed, ...replaces])];
  const detailedDiff: Record<string, PropertyChange> = {};
  for (const p of diffs) {
    const replace = replaces.includes(p);
    const base: "add" | "delete" | "update" = absent(olds[p]) && !absent(news[p]) ? "add" : !absent(olds[p]) && absent(news[p]) ? "delete" : "update";
    detailedDiff[p] = { kind: replace ? `${base}-replace` : base, inputDiff: true };
  }
  return {
    changes: r.changes || diffs.length > 0,
    replaces,
    diffs,
    detailedDiff,
    deleteBeforeReplace: replaces.length > 0 && r.deleteBeforeReplace === true,
  };
}
