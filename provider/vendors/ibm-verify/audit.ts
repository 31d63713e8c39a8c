// `apiidentity audit` at IBM Verify: every API client (one list, which answers all of them) with its
// entitlements, after one token; the client the provider authenticates as is the provider's own.
import type { AuditSupport, InventoryEntry } from "../../vendor-module.js";
import type { Settings } from "../../settings.js";
import { verifyClient } from "./client.js";
import { ADMIN_ENTITLEMENT } from "./contract.js";
import type { ApiClientWire } from "./wire.js";

export function entryOf(c: ApiClientWire, self: string | undefined): InventoryEntry {
  return {
    kind: "VerifyApiClient",
    id: c.id,
    name: c.clientName,
    roles: c.entitlements ?? [],
    ...(self !== undefined && c.clientId === self ? { self: true } : {}),
  };
}

export const audit: AuditSupport = {
  administrative: [ADMIN_ENTITLEMENT],
  async inventory(settings: Settings, progress?: (listed: number) => void): Promise<InventoryEntry[]> {
    const clients = await verifyClient(settings).list();
    progress?.(clients.length);
    return clients.map((c) => entryOf(c, settings.ibmVerifyClientId));
  },
};
