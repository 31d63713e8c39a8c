// Device spaces (partitions), the tenant metadata that names the default one, and the device search
// an API user's credentials are for.
import type { Route, RouteContext, SandboxRequest, SandboxResponse } from "../../types.js";
import { authenticate, mayReadDevices, requireTenantAdmin } from "./auth.js";
import { fieldErrors, forbidden, ok } from "./errors.js";
import { pageOf, parsePaging } from "./query.js";
import type { IvantiState } from "./state.js";

type Ctx = RouteContext<IvantiState>;

/** GET /api/v1/tenant/partition/device ([C]): `{searchResults, totalCount, offset, limit}`; any signed-in account. */
function listPartitions(req: SandboxRequest, ctx: Ctx): SandboxResponse {
  const auth = authenticate(req, ctx);
  if (!auth.ok) return auth.response;
  const paging = parsePaging(req.query, ctx.state.settings);
  if (Array.isArray(paging)) return fieldErrors(paging);
  const all = [...ctx.state.partitions].sort((a, b) => a.id - b.id);
  return ok({
    searchResults: pageOf(all, paging, ctx.state.settings),
    totalCount: all.length,
    offset: paging.start,
    limit: Math.min(paging.rows, ctx.state.settings.databaseRowsCap),
  });
}

/**
 * GET /api/v1/device?dmPartitionId=… ([C]; `dmPartitionId` required, INFERRED 400 without it). The
 * sandbox holds no devices; the call exists so that an API user's credentials and its Cisco ISE
 * Operations role can be proven to work.
 */
function listDevices(req: SandboxRequest, ctx: Ctx): SandboxResponse {
  const auth = authenticate(req, ctx);
  if (!auth.ok) return auth.response;
  const raw = req.query.get("dmPartitionId");
  if (raw === null || raw.trim() === "") return fieldErrors([{ code: "NotNull", field: "dmPartitionId", message: "must not be null" }]);
  const id = Number(raw);
  if (!Number.isInteger(id) || !ctx.state.partitions.some((p) => p.id === id)) {
    return fieldErrors([{ code: "Invalid", field: "dmPartitionId", message: `Unknown device space ${raw}` }]);
  }
  const paging = parsePaging(req.query, ctx.state.settings);
  if (Array.isArray(paging)) return fieldErrors(paging);
  if (!mayReadDevices(ctx.state, auth.caller, id)) return forbidden("You do not have permission to view devices in this space");
  return ok({ totalCount: 0, queryTime: 0, searchResults: [] });
}

/**
 * GET /api/v1/metadata/tenant (documented "Get Tenant Metadata", Tenant Admin credentials). Public
 * scripts read `result.defaultDmPartitionId` from it; the permission lists of the documented answer
 * are sent as short samples (INFERRED (sandbox): which permissions, in what order).
 */
function tenantMetadata(req: SandboxRequest, ctx: Ctx): SandboxResponse {
  const auth = requireTenantAdmin(req, ctx);
  if (!auth.ok) return auth.response;
  const space = ctx.state.partitions.find((p) => p.defaultPartition) ?? ctx.state.partitions[0];
  return ok({
    defaultDmPartitionId: space?.id ?? null,
    cmPermissionList: ["app.read", "content.read"],
    dmPermissionList: ["device.read", "device.lock", "device.wipe", "device.send.message"],
  });
}

export const spaceRoutes: Route<IvantiState>[] = [
  { method: "GET", template: "/api/v1/metadata/tenant", handler: tenantMetadata },
  { method: "GET", template: "/api/v1/tenant/partition/device", handler: listPartitions },
  { method: "GET", template: "/api/v1/device", handler: listDevices },
];
