// `apiidentity audit` at Uptrends: every API account (one `GET /ApiUser`), with the rights of its
// operator (one `GET /Operator`); the account the provider logs in with is the provider's own.
import { sameCaseless } from "../../caseless.js";
import type { AuditSupport, InventoryEntry } from "../../vendor-module.js";
import type { Settings } from "../../settings.js";
import { uptrendsClient } from "./client.js";
import { ADMIN_AUTHORIZATION, API_USER_FIELDS, LAST_USED_TRACKED_SINCE } from "./contract.js";
import type { WireApiUser } from "./wire.js";

function isoOf(value: string | null | undefined): string | undefined {
  const t = value ? Date.parse(value) : NaN;
  return Number.isNaN(t) ? undefined : new Date(t).toISOString();
}

/** Null LastUsed means "not yet used", except on accounts older than the vendor's tracking: unknown. */
function lastUsedOf(u: WireApiUser, createdAt: string | undefined): string | null | undefined {
  const at = isoOf(u.LastUsed);
  if (at) return at;
  return createdAt && Date.parse(createdAt) < LAST_USED_TRACKED_SINCE ? undefined : null;
}

export function entryOf(u: WireApiUser, administrators: ReadonlySet<string>, self: string | undefined): InventoryEntry {
  const createdAt = isoOf(u.CreatedDate);
  const lastUsedAt = lastUsedOf(u, createdAt);
  return {
    kind: "UptrendsApiAccount",
    id: u.ApiUserGuid,
    name: u.Description || u.UserName,
    ...(createdAt ? { createdAt } : {}),
    ...(lastUsedAt !== undefined ? { lastUsedAt } : {}),
    roles: administrators.has(u.OperatorGuid.toLowerCase()) ? [ADMIN_AUTHORIZATION] : [],
    ...(sameCaseless(u.UserName, self) ? { self: true } : {}),
  };
}

export const audit: AuditSupport = {
  lastUsed: { field: API_USER_FIELDS.lastUsed },
  administrative: [ADMIN_AUTHORIZATION],
  async inventory(settings: Settings, progress?: (listed: number) => void): Promise<InventoryEntry[]> {
    const client = uptrendsClient(settings);
    // Neither list is paged: each is one call.
    const { users } = await client.listApiUsers();
    progress?.(users.length);
    const operators = users.length ? await client.listOperators() : [];
    const administrators = new Set(operators.filter((o) => o.IsAccountAdministrator).map((o) => o.OperatorGuid.toLowerCase()));
    return users.map((u) => entryOf(u, administrators, client.username));
  },
};
