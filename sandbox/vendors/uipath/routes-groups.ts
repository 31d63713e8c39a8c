// Group endpoints of UiPath Identity. List and get are what the provider needs (group ids for
// `groupIDsToAdd`); create, update and delete of custom groups are emulated too so that dry runs and
// tests can set up their own groups. Membership of robot accounts is stored on the robot account.
import type { Route, RouteContext, SandboxRequest, SandboxResponse } from "../../types.js";
import { guard, partitionFor } from "./auth.js";
import { groupDto } from "./dto.js";
import { addError, fieldError, problem, validationProblem, type FieldErrors } from "./errors.js";
import { identityApi } from "./paths.js";
import type { Group, UiPathState } from "./state.js";
import { guidArray, jsonBody, notValid, optionalString, parseGuid, pathGuid } from "./validation.js";

type Ctx = RouteContext<UiPathState>;

function notFound(id: string): SandboxResponse {
  return problem(404, `Group '${id}' does not exist.`);
}

function findGroup(ctx: Ctx, partitionGlobalId: string, id: string): Group | undefined {
  return ctx.state.groups.find((g) => g.id === id && g.partitionGlobalId === partitionGlobalId);
}

function nameTaken(ctx: Ctx, partitionGlobalId: string, name: string, except?: string): boolean {
  const lower = name.toLowerCase();
  return ctx.state.groups.some((g) => g.partitionGlobalId === partitionGlobalId && g.id !== except && g.name.toLowerCase() === lower);
}

/**
 * The sandbox has no directory users, so member ids must be robot accounts of the partition
 * (INFERRED: unknown member ids are rejected with 400).
 */
function checkMembers(ctx: Ctx, partitionGlobalId: string, ids: string[], field: string, errors: FieldErrors): void {
  for (const id of ids) {
    if (!ctx.state.robotAccounts.some((r) => r.id === id && r.partitionGlobalId === partitionGlobalId)) {
      addError(errors, field, `Directory entity '${id}' does not exist.`);
    }
  }
}

function setMembership(ctx: Ctx, groupId: string, robotIds: string[], member: boolean): boolean {
  let changed = false;
  for (const r of ctx.state.robotAccounts) {
    if (!robotIds.includes(r.id)) continue;
    const has = r.groupIds.includes(groupId);
    if (member && !has) r.groupIds.push(groupId);
    if (!member && has) r.groupIds = r.groupIds.filter((g) => g !== groupId);
    changed ||= has !== member;
  }
  return changed;
}

function removeGroups(ctx: Ctx, ids: Set<string>): void {
  ctx.state.groups = ctx.state.groups.filter((g) => !ids.has(g.id));
  for (const r of ctx.state.robotAccounts) r.groupIds = r.groupIds.filter((g) => !ids.has(g));
}

function list(req: SandboxRequest, ctx: Ctx): SandboxResponse {
  const g = guard(req, ctx, "PM.Group", "Read");
  if ("response" in g) return g.response;
  const p = partitionFor(ctx, g.token, req.params.partitionGlobalId);
  if ("response" in p) return p.response;
  // A plain array, no paging, built-in and custom groups together.
  const groups = ctx.state.groups.filter((x) => x.partitionGlobalId === p.org.partitionGlobalId);
  return { status: 200, body: groups.map((x) => groupDto(x, ctx.state)) };
}

function getOne(req: SandboxRequest, ctx: Ctx): SandboxResponse {
  const g = guard(req, ctx, "PM.Group", "Read");
  if ("response" in g) return g.response;
  const id = pathGuid(req, "groupId");
  if ("response" in id) return id.response;
  const p = partitionFor(ctx, g.token, req.params.partitionGlobalId);
  if ("response" in p) return p.response;
  const group = findGroup(ctx, p.org.partitionGlobalId, id.id);
  return group ? { status: 200, body: groupDto(group, ctx.state) } : notFound(id.id);
}

function create(req: SandboxRequest, ctx: Ctx): SandboxResponse {
  const g = guard(req, ctx, "PM.Group", "Write");
  if ("response" in g) return g.response;
  const parsed = jsonBody(req, "CreateGroupCommand");
  if ("response" in parsed) return parsed.response;
  const body = parsed.body;
  const bindErrors: FieldErrors = {};
  for (const f of ["partitionGlobalId", "id"]) {
    if (body[f] !== undefined && body[f] !== null && !parseGuid(body[f])) addError(bindErrors, f, notValid(body[f]));
  }
  const name = optionalString(body, "name", bindErrors);
  const members = guidArray(body, "directoryUserMemberIDs", bindErrors);
  if (Object.keys(bindErrors).length) return validationProblem(bindErrors);

  const p = partitionFor(ctx, g.token, body.partitionGlobalId);
  if ("response" in p) return p.response;
  const partitionGlobalId = p.org.partitionGlobalId;
  const errors: FieldErrors = {};
  if (!name || !name.trim()) addError(errors, "name", "The name field is required.");
  checkMembers(ctx, partitionGlobalId, members, "directoryUserMemberIDs", errors);
  if (Object.keys(errors).length || !name) return validationProblem(errors);

  // The command may carry the id (documented); otherwise the server makes one.
  const id = parseGuid(body.id) ?? ctx.newId();
  if (ctx.state.groups.some((x) => x.id === id)) return problem(409, `A group with the id '${id}' already exists.`);
  if (nameTaken(ctx, partitionGlobalId, name)) return problem(409, `A group with the name '${name}' already exists.`);
  const group: Group = { id, partitionGlobalId, name, type: "custom", creationTime: ctx.now(), lastModificationTime: null };
  ctx.state.groups.push(group);
  setMembership(ctx, id, members, true);
  return { status: 201, body: groupDto(group, ctx.state) };
}

function update(req: SandboxRequest, ctx: Ctx): SandboxResponse {
  const g = guard(req, ctx, "PM.Group", "Write");
  if ("response" in g) return g.response;
  const id = pathGuid(req, "groupId");
  if ("response" in id) return id.response;
  const parsed = jsonBody(req, "UpdateGroupCommand");
  if ("response" in parsed) return parsed.response;
  const body = parsed.body;
  const bindErrors: FieldErrors = {};
  if (body.partitionGlobalId !== undefined && body.partitionGlobalId !== null && !parseGuid(body.partitionGlobalId)) {
    addError(bindErrors, "partitionGlobalId", notValid(body.partitionGlobalId));
  }
  const name = optionalString(body, "name", bindErrors);
  const toAdd = guidArray(body, "directoryUserIDsToAdd", bindErrors);
  const toRemove = guidArray(body, "directoryUserIDsToRemove", bindErrors);
  if (Object.keys(bindErrors).length) return validationProblem(bindErrors);

  const p = partitionFor(ctx, g.token, body.partitionGlobalId);
  if ("response" in p) return p.response;
  const group = findGroup(ctx, p.org.partitionGlobalId, id.id);
  if (!group) return notFound(id.id);

  const errors: FieldErrors = {};
  const renamed = !!name && name !== group.name;
  if (renamed && group.type === "builtIn") addError(errors, "name", "Built-in groups cannot be renamed.");
  checkMembers(ctx, group.partitionGlobalId, toAdd, "directoryUserIDsToAdd", errors);
  if (Object.keys(errors).length) return validationProblem(errors);
  if (renamed && name && nameTaken(ctx, group.partitionGlobalId, name, group.id)) {
    return problem(409, `A group with the name '${name}' already exists.`);
  }

  if (renamed && name) group.name = name;
  const added = setMembership(ctx, group.id, toAdd, true);
  const removed = setMembership(ctx, group.id, toRemove, false);
  if (renamed || added || removed) group.lastModificationTime = ctx.now();
  return { status: 200, body: groupDto(group, ctx.state) };
}

function deleteOne(req: SandboxRequest, ctx: Ctx): SandboxResponse {
  const g = guard(req, ctx, "PM.Group", "Write");
  if ("response" in g) return g.response;
  const id = pathGuid(req, "groupId");
  if ("response" in id) return id.response;
  const p = partitionFor(ctx, g.token, req.params.partitionGlobalId);
  if ("response" in p) return p.response;
  const group = findGroup(ctx, p.org.partitionGlobalId, id.id);
  if (!group) return notFound(id.id);
  // Built-in groups belong to the organization itself (INFERRED: 400).
  if (group.type === "builtIn") return fieldError("groupId", "Built-in groups cannot be deleted.");
  removeGroups(ctx, new Set([group.id]));
  return { status: 204 };
}

function bulkDelete(req: SandboxRequest, ctx: Ctx): SandboxResponse {
  const g = guard(req, ctx, "PM.Group", "Write");
  if ("response" in g) return g.response;
  const p = partitionFor(ctx, g.token, req.params.partitionGlobalId);
  if ("response" in p) return p.response;
  const parsed = jsonBody(req, "BulkGroupDeleteCommand");
  if ("response" in parsed) return parsed.response;
  const errors: FieldErrors = {};
  const ids = guidArray(parsed.body, "groupIDs", errors);
  const groups = ids.map((id) => findGroup(ctx, p.org.partitionGlobalId, id)).filter((x): x is Group => x !== undefined);
  for (const x of groups) if (x.type === "builtIn") addError(errors, "groupIDs", `Built-in group '${x.id}' cannot be deleted.`);
  if (Object.keys(errors).length) return validationProblem(errors);
  removeGroups(ctx, new Set(groups.map((x) => x.id)));
  return { status: 204 };
}

export const groupRoutes: Route<UiPathState>[] = [
  ...identityApi("POST", "/Group", create),
  ...identityApi("GET", "/Group/{partitionGlobalId}", list),
  ...identityApi("DELETE", "/Group/{partitionGlobalId}", bulkDelete),
  ...identityApi("GET", "/Group/{partitionGlobalId}/{groupId}", getOne),
  ...identityApi("DELETE", "/Group/{partitionGlobalId}/{groupId}", deleteOne),
  ...identityApi("PUT", "/Group/{groupId}", update),
];
