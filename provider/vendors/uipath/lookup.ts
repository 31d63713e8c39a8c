// Group lookup by name (behind the SDK's getUiPathGroup): one call to the unpaged group list,
// exact name first, then case-insensitive; a miss lists the names that exist.
import { LookupError } from "../../errors.js";
import type { Settings } from "../../settings.js";
import { messageOf } from "../../wording.js";
import { uiPathClient } from "./client.js";
import type { FindGroupArgs, UiPathGroup } from "./inputs.js";
import { normaliseTime } from "./mappers.js";
import type { GroupDto } from "./wire.js";

export type { FindGroupArgs, UiPathGroup };

function pick(groups: GroupDto[], name: string): GroupDto | "ambiguous" | undefined {
  const exact = groups.filter((g) => g.name === name);
  if (exact.length === 1) return exact[0];
  const loose = groups.filter((g) => g.name.toLowerCase() === name.toLowerCase());
  if (loose.length === 1) return loose[0];
  return exact.length > 1 || loose.length > 1 ? "ambiguous" : undefined;
}

/** The group named `args.name`, with the settings the caller resolved (the SDK: the program's stack config first). */
export async function findUiPathGroup(settings: Settings, args: FindGroupArgs): Promise<UiPathGroup> {
  // A missing credential fails first, as itself, before anything else is asked of the settings.
  const client = uiPathClient(settings);
  const partitionGlobalId = args.partitionGlobalId ?? settings.uipathPartitionGlobalId;
  if (!partitionGlobalId) {
    throw new LookupError("getUiPathGroup: no partitionGlobalId: pass one, or set 'apiidentity:uipathPartitionGlobalId' (or UIPATH_PARTITION_GLOBAL_ID)");
  }
  let groups: GroupDto[];
  try {
    groups = await client.listGroups(partitionGlobalId);
  } catch (e) {
    throw new LookupError(`getUiPathGroup('${args.name}'): listing UiPath groups failed: ${messageOf(e)}`, { cause: e });
  }
  const g = pick(groups, args.name);
  if (!g || g === "ambiguous") {
    const names = groups.map((x) => `'${x.name}'`).sort().join(", ");
    const why = g === "ambiguous" ? "more than one group has" : "no group has";
    throw new LookupError(`getUiPathGroup: ${why} the name '${args.name}' in UiPath partition '${partitionGlobalId}'; known groups: ${names || "none"}`);
  }
  const group: UiPathGroup = { id: g.id, name: g.name, memberIds: (g.members ?? []).map((m) => m.identifier).filter((x): x is string => !!x) };
  if (g.type) group.type = g.type;
  const created = normaliseTime(g.creationTime);
  if (created) group.creationTime = created;
  const modified = normaliseTime(g.lastModificationTime);
  if (modified) group.lastModificationTime = modified;
  return group;
}
