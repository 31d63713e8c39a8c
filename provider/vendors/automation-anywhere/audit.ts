// `apiidentity audit` at Automation Anywhere: every Control Room user with its roles by name, from
// the paged user list after one login; the login user is the provider's own. The user object
// reports no last login, so the audit has no last-used field here (contract.ts).
import { sameCaseless } from "../../caseless.js";
import type { AuditSupport, InventoryEntry } from "../../vendor-module.js";
import type { Settings } from "../../settings.js";
import { controlRoomClient } from "./client.js";
import { ADMIN_ROLE } from "./contract.js";
import type { WireUser } from "./wire.js";

export function entryOf(u: WireUser, roleNames: ReadonlyMap<number, string>, self: string | undefined): InventoryEntry {
  const t = u.createdOn ? Date.parse(u.createdOn) : NaN;
  return {
    kind: "ControlRoomUser",
    id: String(u.id),
    name: u.username,
    ...(Number.isNaN(t) ? {} : { createdAt: new Date(t).toISOString() }),
    roles: (u.roles ?? []).map((r) => r.name ?? roleNames.get(r.id) ?? String(r.id)),
    ...(sameCaseless(u.username, self) ? { self: true } : {}),
  };
}

export const audit: AuditSupport = {
  administrative: [ADMIN_ROLE],
  async inventory(settings: Settings, progress?: (listed: number) => void): Promise<InventoryEntry[]> {
    const client = controlRoomClient(settings);
    const users = await client.listUsers(progress);
    // The user list names each role; the role list is read only when an answer leaves a name out.
    const unnamed = users.some((u) => (u.roles ?? []).some((r) => !r.name));
    const roleNames = new Map(unnamed ? (await client.listRoles()).map((r) => [r.id, r.name] as const) : []);
    return users.map((u) => entryOf(u, roleNames, settings.automationAnywhereUsername));
  },
};
