// The five kinds the package ships, for the tests whose tables give each kind an entry written by
// hand (a create route, an identity made at the vendor, a resource name, a fleet member). Such a
// table is typed over these five, so a kind added to the registry later still typechecks; a test
// that then reaches for the new kind's entry fails, naming the kind and the table to extend.
import type { Kind } from "../sandbox/kinds.js";

export const SHIPPED_KINDS = ["IseApiUser", "UptrendsApiAccount", "ControlRoomUser", "VerifyApiClient", "UiPathRobotAccount"] as const satisfies readonly Kind[];

export type ShippedKind = (typeof SHIPPED_KINDS)[number];

/** A table with one entry per shipped kind. */
export type ShippedTable<T> = Readonly<Record<ShippedKind, T>>;

/** `table`'s entry for `kind`; for a kind it has none of, an error naming `where` the entry is to be added. */
export function entryFor<T>(table: ShippedTable<T>, kind: Kind, where: string): T {
  const entries: Readonly<Partial<Record<Kind, T>>> = table;
  const entry = entries[kind];
  if (entry === undefined) throw new Error(`${where} has no entry for ${kind}: a kind added to the registry needs one there`);
  return entry;
}
