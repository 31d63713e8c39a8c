// `/v1.0/apiclients` ([OAS] §1): list, create, bulk delete, get, update (full replace), delete.
import { randomSecret } from "../../http-util.js";
import type { Route, RouteContext, SandboxRequest, SandboxResponse } from "../../types.js";
import { authorize, isResponse } from "./auth.js";
import { MANAGE_CLIENTS, READ_CLIENTS, READ_SECRETS, tenantKnows } from "./entitlements.js";
import { MSG, errorBody, invalidJson, invalidQuery, notFound } from "./errors.js";
import { toWire } from "./present.js";
import {
  QueryError,
  applyFilter,
  matchesSearch,
  parseFilter,
  parsePagination,
  parseSearch,
  parseSort,
  sortClients,
} from "./query.js";
import type { ApiClientRecord, VerifyState } from "./state.js";
import { createSchema, describeIssues, unknownEntitlementIssues, updateSchema, type CreateBody, type UpdateBody } from "./validation.js";

type Ctx = RouteContext<VerifyState>;

const COLLECTION = "/v1.0/apiclients";
const ITEM = "/v1.0/apiclients/{apiClientId}";

/** Generated secrets: the length is not documented; the sandbox uses 32 characters. */
const newSecret = () => randomSecret(32);

/** The JSON body, or the documented 400 when it is absent or does not parse. */
function jsonBody(req: SandboxRequest): unknown {
  if (req.rawBody.trim() === "" || typeof req.body === "string") return undefined;
  return req.body;
}

/** The settable fields of a body, with unset optional fields left out of the record. */
function settable(body: CreateBody | UpdateBody): Omit<ApiClientRecord, "id" | "clientId" | "clientSecret" | "enabled"> {
  const rec: Omit<ApiClientRecord, "id" | "clientId" | "clientSecret" | "enabled"> = {
    clientName: body.clientName,
    entitlements: [...new Set(body.entitlements)],
    overrideSettings: {
      restrictScopes: body.overrideSettings?.restrictScopes ?? false,
      scopes: (body.overrideSettings?.scopes ?? []).map((s) => ({ name: s.name, ...(s.description !== undefined ? { description: s.description } : {}) })),
    },
  };
  if (body.description != null) rec.description = body.description;
  if (body.ipFilterOp != null) rec.ipFilterOp = body.ipFilterOp;
  if (body.ipFilters != null) rec.ipFilters = [...body.ipFilters];
  if (body.jwkUri != null) rec.jwkUri = body.jwkUri;
  if (body.additionalConfig != null) rec.additionalConfig = structuredClone(body.additionalConfig);
  if (body.additionalProperties != null) rec.additionalProperties = structuredClone(body.additionalProperties);
  return rec;
}

function revokeTokens(state: VerifyState, apiClientId: string): void {
  for (const [t, issued] of Object.entries(state.tokens)) if (issued.apiClientId === apiClientId) delete state.tokens[t];
}

function parseListQuery(query: URLSearchParams) {
  return {
    pagination: parsePagination(query.get("pagination")),
    sort: parseSort(query.get("sort")),
    search: parseSearch(query.get("search")),
    filter: parseFilter(query.get("filter")),
  };
}

function list(req: SandboxRequest, ctx: Ctx): SandboxResponse {
  const caller = authorize(req, ctx, READ_CLIENTS);
  if (isResponse(caller)) return caller;
  let q: ReturnType<typeof parseListQuery>;
  try {
    q = parseListQuery(req.query);
  } catch (e) {
    if (e instanceof QueryError) return invalidQuery(e.message);
    throw e;
  }
  const { pagination, sort, search, filter } = q;
  const showSecret = READ_SECRETS.some((e) => caller.entitlements.has(e));
  let matching = sortClients(ctx.state.apiClients.filter((c) => matchesSearch(c, search)), sort);
  // `count` caps the results taken from the data store; `limit` and `page` cut one page out of them.
  if (pagination?.count !== undefined) matching = matching.slice(0, pagination.count);
  const page = pagination?.page ?? 1;
  const limit = pagination?.limit ?? Math.max(matching.length, 1);
  const pageItems = pagination?.limit !== undefined ? matching.slice((page - 1) * limit, page * limit) : matching;
  return {
    status: 200,
    headers: { "content-type": "application/scim+json; charset=utf-8" },
    body: {
      count: pageItems.length,
      limit,
      page,
      total: matching.length,
      apiClients: pageItems.map((c) => applyFilter(toWire(c, showSecret), filter)),
    },
  };
}

function create(req: SandboxRequest, ctx: Ctx): SandboxResponse {
  const caller = authorize(req, ctx, MANAGE_CLIENTS);
  if (isResponse(caller)) return caller;
  const raw = jsonBody(req);
  if (raw === undefined) return invalidJson();
  const parsed = createSchema.safeParse(raw);
  if (!parsed.success) return invalidJson(describeIssues(parsed.error));
  const body = parsed.data;
  const unknown = unknownEntitlementIssues(body.entitlements, (e) => tenantKnows(e, ctx.state.extraEntitlements));
  if (unknown) return invalidJson(unknown);
  // Names are not unique at IBM (its SDK resolves a name by search and exact match), so no name check.
  const clientId = body.clientId ?? ctx.newId();
  if (ctx.state.apiClients.some((c) => c.clientId === clientId)) return errorBody(400, MSG.clientIdInUse.id, MSG.clientIdInUse.text);
  const rec: ApiClientRecord = {
    id: ctx.newId(),
    clientId,
    clientSecret: body.clientSecret ?? newSecret(),
    enabled: body.enabled,
    ...settable(body),
  };
  ctx.state.apiClients.push(rec);
  // 201 with no body: the id is the last segment of the absolute Location ([OAS], [SVA]).
  return { status: 201, headers: { location: `${ctx.baseUrl}${COLLECTION}/${encodeURIComponent(rec.id)}` } };
}

function bulkDelete(req: SandboxRequest, ctx: Ctx): SandboxResponse {
  const caller = authorize(req, ctx, MANAGE_CLIENTS);
  if (isResponse(caller)) return caller;
  const raw = jsonBody(req);
  if (!Array.isArray(raw) || raw.length === 0) return invalidJson("The body must be a non-empty array of operations.");
  const ops: { op: string; path: string }[] = [];
  for (const [i, item] of raw.entries()) {
    const o = item as { op?: unknown; path?: unknown } | null;
    if (typeof o !== "object" || o === null || o.op !== "remove" || typeof o.path !== "string" || !/^\/[^/]+$/.test(o.path)) {
      return invalidJson(`[${i}]: each operation must be {"op":"remove","path":"/<id>"}.`);
    }
    ops.push({ op: o.op, path: o.path });
  }
  const results = ops.map(({ op, path }) => {
    const id = path.slice(1);
    const idx = ctx.state.apiClients.findIndex((c) => c.id === id);
    if (idx < 0) return { op, path, result: "failure", error: MSG.notFound.text };
    ctx.state.apiClients.splice(idx, 1);
    revokeTokens(ctx.state, id);
    return { op, path, result: "success" };
  });
  if (results.every((r) => r.result === "success")) return { status: 204 };
  return { status: 207, body: { messageId: MSG.bulkPartial.id, messageDescription: MSG.bulkPartial.text, results } };
}

function getOne(req: SandboxRequest, ctx: Ctx): SandboxResponse {
  const caller = authorize(req, ctx, READ_CLIENTS);
  if (isResponse(caller)) return caller;
  const rec = ctx.state.apiClients.find((c) => c.id === req.params.apiClientId);
  if (!rec) return notFound();
  return { status: 200, body: toWire(rec, READ_SECRETS.some((e) => caller.entitlements.has(e))) };
}

function update(req: SandboxRequest, ctx: Ctx): SandboxResponse {
  const caller = authorize(req, ctx, MANAGE_CLIENTS);
  if (isResponse(caller)) return caller;
  const idx = ctx.state.apiClients.findIndex((c) => c.id === req.params.apiClientId);
  const current = ctx.state.apiClients[idx];
  if (!current) return notFound();
  const raw = jsonBody(req);
  if (raw === undefined) return invalidJson();
  const parsed = updateSchema.safeParse(raw);
  if (!parsed.success) return invalidJson(describeIssues(parsed.error));
  const body = parsed.data;
  const unknown = unknownEntitlementIssues(body.entitlements, (e) => tenantKnows(e, ctx.state.extraEntitlements));
  if (unknown) return invalidJson(unknown);
  if ((body.id !== undefined && body.id !== current.id) || (body.clientId !== undefined && body.clientId !== current.clientId)) {
    return errorBody(400, MSG.immutableField.id, MSG.immutableField.text);
  }
  // Full replace: omitted optional fields are cleared. "If the client secret is not specified, then a
  // new client secret will be generated" ([OAS]). An omitted `enabled` keeps its value (INFERRED).
  ctx.state.apiClients[idx] = {
    id: current.id,
    clientId: current.clientId,
    clientSecret: body.clientSecret ?? newSecret(),
    enabled: body.enabled ?? current.enabled,
    ...settable(body),
  };
  return { status: 204 };
}

function deleteOne(req: SandboxRequest, ctx: Ctx): SandboxResponse {
  const caller = authorize(req, ctx, MANAGE_CLIENTS);
  if (isResponse(caller)) return caller;
  const id = req.params.apiClientId ?? "";
  // "A successful response is returned even if the object does not exist" ([OAS]).
  ctx.state.apiClients = ctx.state.apiClients.filter((c) => c.id !== id);
  revokeTokens(ctx.state, id);
  return { status: 204 };
}

export const apiClientRoutes: Route<VerifyState>[] = [
  { method: "GET", template: COLLECTION, handler: list },
  { method: "POST", template: COLLECTION, handler: create },
  { method: "PATCH", template: COLLECTION, handler: bulkDelete },
  { method: "GET", template: ITEM, handler: getOne },
  { method: "PUT", template: ITEM, handler: update },
  { method: "DELETE", template: ITEM, handler: deleteOne },
];
