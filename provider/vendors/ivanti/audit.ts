// `apiidentity audit` at Ivanti Neurons for MDM: every API user (and the provider's own account),
// from the paged account search, with the roles each holds (one read per account: the account list
// carries no roles). HTTP Basic on every call: there is no login to count.
import type { AuditSupport, InventoryEntry } from "../../vendor-module.js";
import type { Settings } from "../../settings.js";
import { isApiUserAccount, isLoginAccount, ivantiClient } from "./client.js";
import { ADMIN_ROLES, SUPER_USER_ROLE } from "./contract.js";
import { isoTime } from "./mappers.js";
import type { WireAccount, WireHeldRole } from "./wire.js";

export function entryOf(a: WireAccount, held: readonly WireHeldRole[], self: boolean): InventoryEntry {
  const roles = [...new Set(held.map((r) => r.name))];
  if (a.superUser) roles.push(SUPER_USER_ROLE);
  const createdAt = isoTime(a.createdAt);
  return {
    kind: "IseApiUser",
    id: String(a.id),
    name: a.username ?? a.uid,
    ...(createdAt ? { createdAt } : {}),
    roles,
    ...(self ? { self: true } : {}),
  };
}

export const audit: AuditSupport = {
  administrative: [...ADMIN_ROLES, SUPER_USER_ROLE],
  async inventory(settings: Settings, progress?: (listed: number) => void): Promise<InventoryEntry[]> {
    const client = ivantiClient(settings);
    const login = settings.ivantiUsername;
    const accounts = (await client.listAccounts(progress)).filter((a) => isApiUserAccount(a) === true || isLoginAccount(a, login));
    // The role reads go out together: the shared transport holds them to its per-tenant concurrency.
    return Promise.all(accounts.map(async (a) => entryOf(a, (await client.heldRoles(String(a.id))) ?? [], isLoginAccount(a, login))));
  },
};
