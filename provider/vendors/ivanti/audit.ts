// `apiidentity audit` at Ivanti Neurons for MDM: every API user (and the provider's own account),
// from the paged account search, with the roles each holds (one read per account: the account list
// carries no roles). HTTP Basic on every call: there is no login to count.
import type { AuditSupport, InventoryEntry } from "../../vendor-module.js";
import type { Settings } from "../../settings.js";
import { collectPages, isApiUserAccount, ivantiClient } from "./client.js";
import { ADMIN_ROLES, SUPER_USER_ROLE } from "./contract.js";
import type { WireAccount, WireHeldRole } from "./wire.js";

const same = (a: string | undefined | null, b: string | undefined) => !!a && !!b && a.toLowerCase() === b.toLowerCase();

export function entryOf(a: WireAccount, held: readonly WireHeldRole[], self: boolean): InventoryEntry {
  const roles = [...new Set(held.map((r) => r.name))];
  if (a.superUser) roles.push(SUPER_USER_ROLE);
  return {
    kind: "IseApiUser",
    id: String(a.id),
    name: a.username ?? a.uid,
    ...(typeof a.createdAt === "number" ? { createdAt: new Date(a.createdAt).toISOString() } : {}),
    roles,
    ...(self ? { self: true } : {}),
  };
}

export const audit: AuditSupport = {
  administrative: [...ADMIN_ROLES, SUPER_USER_ROLE],
  async inventory(settings: Settings, progress?: (listed: number) => void): Promise<InventoryEntry[]> {
    const client = ivantiClient(settings);
    const login = settings.ivantiUsername;
    let listed = 0;
    const accounts = await collectPages(async (start, rows) => {
      const page = await client.accountPage(start, rows);
      listed += page.rows.length;
      progress?.(listed);
      return page;
    });
    const isSelf = (a: WireAccount) => same(a.uid, login) || same(a.username, login);
    const audited = accounts.filter((a) => isApiUserAccount(a) === true || isSelf(a));
    const entries: InventoryEntry[] = [];
    // One account at a time: a large tenant is read at the pace of one caller, as the provider reads it.
    for (const a of audited) entries.push(entryOf(a, (await client.heldRoles(String(a.id))) ?? [], isSelf(a)));
    return entries;
  },
};
