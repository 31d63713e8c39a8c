// `apiidentity audit` at UiPath: every robot account of the partition with its groups by name, with
// one token for both lists. The provider logs in as an external application, which is not a robot
// account, so no entry is the provider's own.
import { ConfigurationError } from "../../error-root.js";
import type { AuditSupport, InventoryEntry } from "../../vendor-module.js";
import type { Settings } from "../../settings.js";
import { scopesFor, uiPathClient } from "./client.js";
import { ADMIN_GROUPS, GROUP_SCOPES, LAST_USED_FIELD } from "./contract.js";
import { parseVendorTime } from "./mappers.js";
import type { RobotAccountDto } from "./wire.js";

/** A vendor time as ISO 8601 with `Z`, or undefined when absent or unreadable. */
function isoOf(value: string | null | undefined): string | undefined {
  const t = parseVendorTime(value);
  return Number.isNaN(t) ? undefined : new Date(t).toISOString();
}

export function entryOf(r: RobotAccountDto, groupNames: ReadonlyMap<string, string>): InventoryEntry {
  const createdAt = isoOf(r.creationTime);
  return {
    kind: "UiPathRobotAccount",
    id: r.id,
    name: r.name,
    ...(createdAt ? { createdAt } : {}),
    // The field is always in the answer: null means the robot account never logged in.
    lastUsedAt: r.lastLoginTime ? (isoOf(r.lastLoginTime) ?? null) : null,
    roles: (r.groupIds ?? []).map((id) => groupNames.get(id) ?? id),
  };
}

export const audit: AuditSupport = {
  lastUsed: { field: LAST_USED_FIELD },
  administrative: ADMIN_GROUPS,
  async inventory(settings: Settings, progress?: (listed: number) => void): Promise<InventoryEntry[]> {
    const partition = settings.uipathPartitionGlobalId;
    if (!partition) throw new ConfigurationError("UiPath: set apiidentity:uipathPartitionGlobalId or UIPATH_PARTITION_GLOBAL_ID to audit robot accounts");
    const client = uiPathClient(settings);
    const robots = await client.listRobots(partition, { purpose: "audit", ...(progress ? { onPage: progress } : {}) });
    // Group names need a group scope; without one the audit names groups by id.
    const readsGroups = scopesFor("audit", client.settings.grantedScopes).some((s) => s === GROUP_SCOPES.read || s === GROUP_SCOPES.all);
    const groups = readsGroups && robots.some((r) => r.groupIds?.length) ? await client.listGroups(partition, "audit") : [];
    const names = new Map(groups.map((g) => [g.id, g.name]));
    return robots.map((r) => entryOf(r, names));
  },
};
