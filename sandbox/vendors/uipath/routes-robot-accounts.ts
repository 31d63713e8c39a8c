// RobotAccount endpoints of UiPath Identity: create, list (paged), get, update (display name and
// group deltas; the name is immutable), delete and bulk delete.
import type { Route, RouteContext, SandboxRequest, SandboxResponse } from "../../types.js";
import { guard, partitionFor } from "./auth.js";
import { robotAccountDto } from "./dto.js";
import { addError, fieldError, problem, validationProblem, type FieldErrors } from "./errors.js";
import { identityApi } from "./paths.js";
import type { RobotAccount, UiPathState } from "./state.js";
import { guidArray, jsonBody, notValid, optionalString, parseGuid, pathGuid, queryInt } from "./validation.js";

type Ctx = RouteContext<UiPathState>;

// Names are undocumented beyond "unique"; the safe reading is short ASCII without spaces or `@`,
// which the sandbox enforces so that dry runs catch names that may fail for real (INFERRED).
const NAME_CHARS = /^[\x21-\x3F\x41-\x7E]+$/;

function validateName(name: unknown, max: number, errors: FieldErrors): string | undefined {
  if (name === undefined || name === null || (typeof name === "string" && !name.trim())) {
    addError(errors, "name", "The name field is required.");
    return undefined;
  }
  if (typeof name !== "string") {
    addError(errors, "name", notValid(name));
    return undefined;
  }
  if (name.length > max) addError(errors, "name", `The field name must be a string with a maximum length of ${max}.`);
  if (!NAME_CHARS.test(name)) addError(errors, "name", "The name may only contain ASCII characters other than spaces and '@'.");
  return name;
}

/** Adds an error for every id that is not a group of the partition. */
function checkGroups(ctx: Ctx, partitionGlobalId: string, ids: string[], field: string, errors: FieldErrors): void {
  for (const id of ids) {
    if (!ctx.state.groups.some((g) => g.id === id && g.partitionGlobalId === partitionGlobalId)) {
      addError(errors, field, `Group '${id}' does not exist.`);
    }
  }
}

/** Group membership changed: the group's `lastModificationTime` moves (INFERRED). */
function touchGroups(ctx: Ctx, ids: Iterable<string>): void {
  const now = ctx.now();
  for (const id of ids) {
    const g = ctx.state.groups.find((x) => x.id === id);
    if (g) g.lastModificationTime = now;
  }
}

function notFound(id: string): SandboxResponse {
  return problem(404, `Robot account '${id}' does not exist.`);
}

function duplicate(ctx: Ctx, name: string): SandboxResponse {
  const status = ctx.state.settings.duplicateNameStatus;
  const message = `A robot account with the name '${name}' already exists.`;
  return status === 400 ? fieldError("name", message) : problem(status, message);
}

function findRobot(ctx: Ctx, partitionGlobalId: string, id: string): RobotAccount | undefined {
  return ctx.state.robotAccounts.find((r) => r.id === id && r.partitionGlobalId === partitionGlobalId);
}

function create(req: SandboxRequest, ctx: Ctx): SandboxResponse {
  const g = guard(req, ctx, "PM.RobotAccount", "Write");
  if ("response" in g) return g.response;
  const parsed = jsonBody(req, "CreateRobotAccountCommand");
  if ("response" in parsed) return parsed.response;
  const body = parsed.body;

  // Model binding: value types first, all reported together.
  const bindErrors: FieldErrors = {};
  if (body.partitionGlobalId !== undefined && body.partitionGlobalId !== null && !parseGuid(body.partitionGlobalId)) {
    addError(bindErrors, "partitionGlobalId", notValid(body.partitionGlobalId));
  }
  const displayName = optionalString(body, "displayName", bindErrors);
  const groupIds = guidArray(body, "groupIDsToAdd", bindErrors);
  if (Object.keys(bindErrors).length) return validationProblem(bindErrors);

  const p = partitionFor(ctx, g.token, body.partitionGlobalId);
  if ("response" in p) return p.response;
  const partitionGlobalId = p.org.partitionGlobalId;

  // `id` and `groupIDsToRemove`, shown in some docs examples, are ignored: the OpenAPI command has neither.
  const errors: FieldErrors = {};
  const name = validateName(body.name, ctx.state.settings.nameMaxLength, errors);
  checkGroups(ctx, partitionGlobalId, groupIds, "groupIDsToAdd", errors);
  if (Object.keys(errors).length || name === undefined) return validationProblem(errors);

  const lower = name.toLowerCase();
  if (ctx.state.robotAccounts.some((r) => r.partitionGlobalId === partitionGlobalId && r.name.toLowerCase() === lower)) {
    return duplicate(ctx, name);
  }

  const robot: RobotAccount = {
    id: ctx.newId(),
    partitionGlobalId,
    name,
    // The portal shows the name when no display name is given (INFERRED).
    displayName: displayName ? displayName : name,
    creationTime: ctx.now(),
    lastLoginTime: null,
    groupIds,
  };
  ctx.state.robotAccounts.push(robot);
  touchGroups(ctx, groupIds);
  // The documented create example carries a `Z`; reads do not.
  return { status: 201, body: robotAccountDto(robot, true) };
}

type SortKey = "name" | "displayName" | "creationTime" | "lastLoginTime" | "id";
const SORT_KEYS: Record<string, SortKey> = {
  name: "name",
  displayname: "displayName",
  creationtime: "creationTime",
  lastlogintime: "lastLoginTime",
  id: "id",
};

function compare(a: RobotAccount, b: RobotAccount, key: SortKey): number {
  const x = a[key];
  const y = b[key];
  if (x === y) return 0;
  if (x === null) return -1;
  if (y === null) return 1;
  if (typeof x === "number" && typeof y === "number") return x - y;
  return String(x).localeCompare(String(y), "en", { sensitivity: "base" });
}

function list(req: SandboxRequest, ctx: Ctx): SandboxResponse {
  const g = guard(req, ctx, "PM.RobotAccount", "Read");
  if ("response" in g) return g.response;
  const p = partitionFor(ctx, g.token, req.params.partitionGlobalId);
  if ("response" in p) return p.response;

  const errors: FieldErrors = {};
  const top = queryInt(req, "top", 10, 1000, errors);
  const skip = queryInt(req, "skip", 0, 2147483647, errors);
  const order = req.query.get("sortOrder");
  if (order && !/^(asc|desc)$/i.test(order)) addError(errors, "sortOrder", notValid(order));
  if (Object.keys(errors).length) return validationProblem(errors);

  // An unknown sortBy falls back to the name (INFERRED).
  const key = SORT_KEYS[(req.query.get("sortBy") ?? "").toLowerCase()] ?? "name";
  const desc = order?.toLowerCase() === "desc";
  const term = (req.query.get("searchTerm") ?? "").toLowerCase();
  const matches = ctx.state.robotAccounts
    .filter((r) => r.partitionGlobalId === p.org.partitionGlobalId)
    .filter((r) => !term || r.name.toLowerCase().includes(term) || (r.displayName ?? "").toLowerCase().includes(term))
    .sort((a, b) => (desc ? -1 : 1) * compare(a, b, key));
  return {
    status: 200,
    body: { totalCount: matches.length, results: matches.slice(skip, skip + top).map((r) => robotAccountDto(r)) },
  };
}

function getOne(req: SandboxRequest, ctx: Ctx): SandboxResponse {
  const g = guard(req, ctx, "PM.RobotAccount", "Read");
  if ("response" in g) return g.response;
  const id = pathGuid(req, "robotAccountId");
  if ("response" in id) return id.response;
  const p = partitionFor(ctx, g.token, req.params.partitionGlobalId);
  if ("response" in p) return p.response;
  const robot = findRobot(ctx, p.org.partitionGlobalId, id.id);
  return robot ? { status: 200, body: robotAccountDto(robot) } : notFound(id.id);
}

function update(req: SandboxRequest, ctx: Ctx): SandboxResponse {
  const g = guard(req, ctx, "PM.RobotAccount", "Write");
  if ("response" in g) return g.response;
  const id = pathGuid(req, "robotAccountId");
  if ("response" in id) return id.response;
  const parsed = jsonBody(req, "UpdateRobotAccountCommand");
  if ("response" in parsed) return parsed.response;
  const body = parsed.body;

  const bindErrors: FieldErrors = {};
  if (body.partitionGlobalId !== undefined && body.partitionGlobalId !== null && !parseGuid(body.partitionGlobalId)) {
    addError(bindErrors, "partitionGlobalId", notValid(body.partitionGlobalId));
  }
  const displayName = optionalString(body, "displayName", bindErrors);
  const toAdd = guidArray(body, "groupIDsToAdd", bindErrors);
  const toRemove = guidArray(body, "groupIDsToRemove", bindErrors);
  if (Object.keys(bindErrors).length) return validationProblem(bindErrors);

  const p = partitionFor(ctx, g.token, body.partitionGlobalId);
  if ("response" in p) return p.response;
  const robot = findRobot(ctx, p.org.partitionGlobalId, id.id);
  if (!robot) return notFound(id.id);

  const errors: FieldErrors = {};
  checkGroups(ctx, robot.partitionGlobalId, toAdd, "groupIDsToAdd", errors);
  if (Object.keys(errors).length) return validationProblem(errors);

  // The command has no `name`: a name sent anyway is ignored, as ASP.NET ignores unknown members.
  if (displayName) robot.displayName = displayName;
  const changed = new Set<string>();
  for (const gid of toAdd) {
    if (!robot.groupIds.includes(gid)) {
      robot.groupIds.push(gid);
      changed.add(gid);
    }
  }
  // Removals apply after additions; removing a group the robot is not in is a no-op (INFERRED).
  for (const gid of toRemove) {
    if (robot.groupIds.includes(gid)) {
      robot.groupIds = robot.groupIds.filter((x) => x !== gid);
      changed.add(gid);
    }
  }
  touchGroups(ctx, changed);
  return { status: 200, body: robotAccountDto(robot) };
}

function removeRobots(ctx: Ctx, robots: RobotAccount[]): void {
  const gone = new Set(robots.map((r) => r.id));
  touchGroups(ctx, new Set(robots.flatMap((r) => r.groupIds)));
  ctx.state.robotAccounts = ctx.state.robotAccounts.filter((r) => !gone.has(r.id));
}

function deleteOne(req: SandboxRequest, ctx: Ctx): SandboxResponse {
  const g = guard(req, ctx, "PM.RobotAccount", "Write");
  if ("response" in g) return g.response;
  const id = pathGuid(req, "robotAccountId");
  if ("response" in id) return id.response;
  const p = partitionFor(ctx, g.token, req.params.partitionGlobalId);
  if ("response" in p) return p.response;
  const robot = findRobot(ctx, p.org.partitionGlobalId, id.id);
  if (!robot) return notFound(id.id);
  removeRobots(ctx, [robot]);
  return { status: 204 };
}

function bulkDelete(req: SandboxRequest, ctx: Ctx): SandboxResponse {
  const g = guard(req, ctx, "PM.RobotAccount", "Write");
  if ("response" in g) return g.response;
  const p = partitionFor(ctx, g.token, req.params.partitionGlobalId);
  if ("response" in p) return p.response;
  const parsed = jsonBody(req, "BulkRobotAccountDeleteCommand");
  if ("response" in parsed) return parsed.response;
  const errors: FieldErrors = {};
  const ids = guidArray(parsed.body, "robotAccountIDs", errors);
  if (Object.keys(errors).length) return validationProblem(errors);
  // Ids that do not exist (or are already gone) are skipped (INFERRED).
  removeRobots(ctx, ids.map((id) => findRobot(ctx, p.org.partitionGlobalId, id)).filter((r): r is RobotAccount => r !== undefined));
  return { status: ctx.state.settings.bulkDeleteStatus };
}

export const robotAccountRoutes: Route<UiPathState>[] = [
  ...identityApi("POST", "/RobotAccount", create),
  ...identityApi("GET", "/RobotAccount/{partitionGlobalId}", list),
  ...identityApi("DELETE", "/RobotAccount/{partitionGlobalId}", bulkDelete),
  ...identityApi("GET", "/RobotAccount/{partitionGlobalId}/{robotAccountId}", getOne),
  ...identityApi("DELETE", "/RobotAccount/{partitionGlobalId}/{robotAccountId}", deleteOne),
  ...identityApi("PUT", "/RobotAccount/{robotAccountId}", update),
];
