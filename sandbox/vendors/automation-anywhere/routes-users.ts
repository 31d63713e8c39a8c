// User API: create, read, update (full replace), delete, and the `/list` search; on v2 in the
// current generation, on v1 in the legacy one.
import { json } from "../../http-util.js";
import type { Route, SandboxResponse } from "../../types.js";
import { authed } from "./auth.js";
import { aaError, errors } from "./errors.js";
import { runList } from "./filter.js";
import { CURRENT, LEGACY, onlyIn } from "./generations.js";
import { PERMS, findUserByName, iso, type AaState, type StoredUser } from "./state.js";
import { createUserSchema, parseBody, updateUserSchema } from "./validation.js";
import { userView } from "./views.js";

/** Scalar fields of the user object: what `/list` can filter and sort by. */
const USER_FIELDS = [
  "id", "username", "domain", "firstName", "lastName", "version", "principalId", "deleted", "emailVerified", "passwordSet",
  "questionsSet", "enableAutoLogin", "disabled", "clientRegistered", "description", "createdBy", "createdOn", "updatedBy",
  "updatedOn", "publicKey", "appType", "routingName", "appUrl", "email",
] as const;

const unique = <T>(xs: T[]): T[] => [...new Set(xs)];

/** Every role id must exist (reference checklist: 400). */
function unknownRole(state: AaState, roles: { id: number }[]): SandboxResponse | undefined {
  const missing = roles.find((r) => !state.roles[String(r.id)]);
  return missing ? aaError(400, "usermanagement.role.notfound", `Role with id ${missing.id} does not exist`) : undefined;
}

/** The `{userId}` path segment as a stored user, or 400 (not an integer) / 404. */
function lookup(state: AaState, raw: string | undefined): { user: StoredUser } | { error: SandboxResponse } {
  if (!raw || !/^\d+$/.test(raw)) return { error: errors.validation(`User id must be an integer, got ${raw ?? ""}`) };
  const user = state.users[String(Number(raw))];
  return user ? { user } : { error: errors.userNotFound(raw) };
}

function userRoutes(version: "v1" | "v2"): Route<AaState>[] {
  const base = `/${version}/usermanagement/users`;
  return [
    {
      method: "POST",
      template: base,
      handler: authed(PERMS.createUsers, (req, ctx, caller) => {
        const parsed = parseBody(createUserSchema, req.body);
        if ("error" in parsed) return parsed.error;
        const b = parsed.data;
        if (findUserByName(ctx.state, b.username)) return errors.duplicateUser(b.username);
        const badRole = unknownRole(ctx.state, b.roles);
        if (badRole) return badRole;
        const now = iso(ctx.now());
        const user: StoredUser = {
          id: ctx.state.nextUserId++,
          username: b.username,
          domain: b.domain ?? null,
          firstName: b.firstName ?? null,
          lastName: b.lastName ?? null,
          email: b.email,
          description: b.description ?? null,
          version: 0,
          roleIds: unique(b.roles.map((r) => r.id)),
          licenseFeatures: unique(b.licenseFeatures ?? []),
          emailVerified: false,
          disabled: b.disabled ?? false,
          enableAutoLogin: b.enableAutoLogin ?? false,
          createdBy: caller.id,
          createdOn: now,
          updatedBy: caller.id,
          updatedOn: now,
          password: b.password ?? null,
          apiKey: null,
        };
        ctx.state.users[String(user.id)] = user;
        return json(201, userView(ctx.state, user));
      }),
    },
    {
      method: "POST",
      template: `${base}/list`,
      changesNothing: true,
      handler: authed(PERMS.viewUsers, (req, ctx) => {
        const rows = Object.values(ctx.state.users).map((u) => userView(ctx.state, u));
        const r = runList(rows, req.body, USER_FIELDS);
        return "error" in r ? r.error : json(200, r.result);
      }),
    },
    {
      method: "GET",
      template: `${base}/{userId}`,
      handler: authed(PERMS.viewUsers, (req, ctx) => {
        const found = lookup(ctx.state, req.params.userId);
        return "error" in found ? found.error : json(200, userView(ctx.state, found.user));
      }),
    },
    {
      method: "PUT",
      template: `${base}/{userId}`,
      handler: authed(PERMS.editUsers, (req, ctx, caller) => {
        const found = lookup(ctx.state, req.params.userId);
        if ("error" in found) return found.error;
        const user = found.user;
        const parsed = parseBody(updateUserSchema, req.body);
        if ("error" in parsed) return parsed.error;
        const b = parsed.data;
        // username may be in the body (mandatory on v11.3, left out in the Automation 360 example):
        // the same name (ignoring case, as usernames compare) is accepted; another one is refused, not
        // ignored, since PUT replaces fields but cannot rename (INFERRED). domain likewise.
        if (b.username !== undefined && b.username.toLowerCase() !== user.username.toLowerCase()) return errors.validation("username cannot be changed");
        if ("domain" in b && (b.domain ?? null) !== user.domain) return errors.validation("domain cannot be changed");
        if (b.version !== undefined && b.version !== user.version) return errors.versionConflict(user.version, b.version);
        const badRole = unknownRole(ctx.state, b.roles);
        if (badRole) return badRole;
        // Full replacement of the mutable fields: what is left out goes back to its default (INFERRED from the doc example).
        user.email = b.email;
        user.firstName = b.firstName ?? null;
        user.lastName = b.lastName ?? null;
        user.description = b.description ?? null;
        user.disabled = b.disabled ?? false;
        user.enableAutoLogin = b.enableAutoLogin ?? false;
        user.licenseFeatures = unique(b.licenseFeatures ?? []);
        user.roleIds = unique(b.roles.map((r) => r.id));
        if (b.password !== undefined) user.password = b.password;
        user.version += 1;
        user.updatedBy = caller.id;
        user.updatedOn = iso(ctx.now());
        return json(200, userView(ctx.state, user));
      }),
    },
    {
      method: "DELETE",
      template: `${base}/{userId}`,
      handler: authed(PERMS.deleteUsers, (req, ctx) => {
        const found = lookup(ctx.state, req.params.userId);
        if ("error" in found) return found.error;
        // The endpoint page answers 200 with the user as it was (`deleted: false`).
        const body = userView(ctx.state, found.user);
        delete ctx.state.users[String(found.user.id)];
        for (const [token, t] of Object.entries(ctx.state.tokens)) if (t.userId === found.user.id) delete ctx.state.tokens[token];
        return json(200, body);
      }),
    },
  ];
}

export const usersRoutes: Route<AaState>[] = [...onlyIn(CURRENT, userRoutes("v2")), ...onlyIn(LEGACY, userRoutes("v1"))];
