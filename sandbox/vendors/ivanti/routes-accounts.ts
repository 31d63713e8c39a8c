// User (account) calls: create, list/search, get, update, and delete in two generations: the form
// public client code uses (`DELETE /api/v1/account?id=`, the default) and the older bulk guess
// (check delete viability, then `DELETE /api/v1/accounts?ids=`), each served only in its profile.
// A per-account `DELETE /api/v1/account/{id}` is served in neither: no source describes it.
import type { Route, RouteContext, SandboxRequest, SandboxResponse } from "../../types.js";
import { requireTenantAdmin } from "./auth.js";
import { readBody } from "./body.js";
import { accountNotFound, badRequest, fieldErrors, forbidden, ok, okWithErrors, type FieldError } from "./errors.js";
import { pageOf, parseFilter, parseFreeText, parsePaging } from "./query.js";
import { partitionFrom, resolveRoles } from "./roles.js";
import {
  ACCOUNT_SOURCE_VALUES,
  ACCOUNT_TYPE_VALUES,
  ACCOUNT_TYPES,
  INVITE_STATE_VALUES,
  type IvantiAccount,
  type IvantiState,
  type RoleAssignment,
} from "./state.js";
import { boolish, createAccountSchema, passwordErrors, toFieldErrors, updateAccountSchema } from "./validation.js";
import { accountView } from "./views.js";
import { BULK_DELETE, CURRENT, onlyIn } from "./generations.js";

type Ctx = RouteContext<IvantiState>;

export function findAccount(state: IvantiState, rawId: string | undefined): IvantiAccount | undefined {
  if (!rawId || !/^\d+$/.test(rawId)) return undefined;
  const id = Number(rawId);
  return state.accounts.find((a) => a.id === id);
}

function expiry(state: IvantiState, now: number): number | null {
  const days = state.passwordPolicy.expirationDays;
  return days === null ? null : now + days * 86_400_000;
}

const sameText = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** POST /api/v1/accounts?sendInvite=… (documented; the password, name, role and API-user fields are INFERRED). */
function createAccounts(req: SandboxRequest, ctx: Ctx): SandboxResponse {
  const auth = requireTenantAdmin(req, ctx);
  if (!auth.ok) return auth.response;
  const { state } = ctx;
  const caller = auth.caller;

  const errors: FieldError[] = [];
  const inviteRaw = req.query.get("sendInvite");
  const invite = boolish.safeParse(inviteRaw ?? "false");
  if (!invite.success) errors.push({ code: "typeMismatch", field: "sendInvite", message: `Failed to convert value '${inviteRaw}' to a boolean` });
  const partition = partitionFrom(state, req.query);
  if (typeof partition !== "number") errors.push(partition);

  const body = readBody(req);
  if (!body.ok) return badRequest(body.message, "HttpMessageNotReadable");
  const items = body.body.accounts;
  if (!Array.isArray(items) || items.length === 0) {
    return fieldErrors([...errors, { code: "NotEmpty", field: "accounts", message: "must not be empty" }]);
  }

  const drafts: Array<{ account: Omit<IvantiAccount, "roles">; roleIds: number[] }> = [];
  items.forEach((item, i) => {
    const prefix = `accounts[${i}]`;
    const parsed = createAccountSchema.safeParse(item ?? {});
    const raw = (item ?? {}) as Record<string, unknown>;
    // `accountType` (the field real scripts read; values INFERRED), or the older boolean guess under
    // `apiUser` or the configured name.
    let isApiUser = false;
    const type = raw.accountType;
    if (type !== undefined) {
      const t = typeof type === "string" ? type.trim().toUpperCase() : "";
      if (t === ACCOUNT_TYPES.api) isApiUser = true;
      else if (t !== ACCOUNT_TYPES.user) errors.push({ code: "Invalid", field: `${prefix}.accountType`, message: `must be ${ACCOUNT_TYPES.api} or ${ACCOUNT_TYPES.user}` });
    }
    for (const apiField of new Set(["apiUser", state.settings.apiUserField ?? "apiUser"])) {
      const apiFlag = boolish.optional().safeParse(raw[apiField]);
      if (!apiFlag.success) errors.push({ code: "typeMismatch", field: `${prefix}.${apiField}`, message: "Failed to convert value to a boolean" });
      else if (apiFlag.data === true) isApiUser = true;
    }
    if (!parsed.success) {
      errors.push(...toFieldErrors(parsed.error, prefix));
      return;
    }
    const v = parsed.data;
    const email = v.emailAddress;
    const uid = v.uid === undefined || v.uid === "" ? email : v.uid;
    const username = v.username === undefined || v.username === "" ? email : v.username;
    if (!sameText(uid, email)) errors.push({ code: "Invalid", field: `${prefix}.uid`, message: "must be the same as the email address" });
    // Both names log in (Basic auth takes either), so each must be unique across uids and usernames.
    const loginTaken = (value: string) =>
      [...state.accounts, ...drafts.map((d) => d.account)].some((a) => sameText(a.uid, value) || sameText(a.username, value));
    if (loginTaken(uid)) errors.push({ code: "Duplicate", field: `${prefix}.uid`, message: `An account with UID ${uid} already exists` });
    else if (!sameText(username, uid) && loginTaken(username)) {
      errors.push({ code: "Duplicate", field: `${prefix}.username`, message: `An account with username ${username} already exists` });
    }
    if (v.password !== undefined) errors.push(...passwordErrors(v.password, state.passwordPolicy, `${prefix}.password`));
    else if (isApiUser) errors.push({ code: "NotBlank", field: `${prefix}.password`, message: "An API user needs a password" });
    const now = ctx.now();
    const invited = invite.success && invite.data && v.password === undefined;
    drafts.push({
      roleIds: v.roles ?? [],
      account: {
        id: 0,
        createdAt: now,
        createdBy: caller.id,
        modifiedAt: now,
        modifiedBy: caller.id,
        displayName: v.displayName ?? ([v.firstName, v.lastName].filter(Boolean).join(" ") || null),
        firstName: v.firstName ?? null,
        lastName: v.lastName ?? null,
        ldapServerId: null,
        uid,
        emailAddress: email,
        username,
        accountSource: "LOCAL",
        inviteState: invited ? "Pending" : "None",
        inviteResendCount: 0,
        inviteLastSentAt: invited ? now : null,
        locale: v.locale ?? null,
        enabled: v.enabled ?? true,
        locked: false,
        superUser: false,
        termsAccepted: false,
        passwordExpiresAt: v.password === undefined ? null : expiry(state, now),
        distinguishedName: null,
        objectGuid: null,
        isApiUser,
        password: v.password ?? null,
      },
    });
  });

  // Roles are checked only once the accounts themselves are valid.
  const resolved: RoleAssignment[][] = [];
  if (errors.length === 0 && typeof partition === "number") {
    for (const [i, d] of drafts.entries()) {
      const r = resolveRoles(state, caller, d.roleIds, partition, `accounts[${i}].roles`);
      if (!r.ok) {
        if ("forbidden" in r) return forbidden(r.forbidden);
        errors.push(...r.fieldErrors);
      } else resolved.push(r.assignments);
    }
  }
  if (errors.length) return fieldErrors(errors);

  const created = drafts.map((d, i) => {
    const account: IvantiAccount = { ...d.account, id: state.nextAccountId++, roles: resolved[i] ?? [] };
    state.accounts.push(account);
    return accountView(state, account);
  });
  // INFERRED: one posted account answers with the object, several with an array.
  return ok(created.length === 1 ? created[0] : created);
}

/** GET /api/v1/account (documented: rows ≤ 500, start, fq, q; dmPartitionId accepted and ignored). */
function listAccounts(req: SandboxRequest, ctx: Ctx): SandboxResponse {
  const auth = requireTenantAdmin(req, ctx);
  if (!auth.ok) return auth.response;
  const began = performance.now();
  const paging = parsePaging(req.query, ctx.state.settings);
  if (Array.isArray(paging)) return fieldErrors(paging);
  const filter = parseFilter(req.query.get("fq"));
  if (typeof filter !== "function") return fieldErrors([filter]);
  const text = parseFreeText(req.query.get("q"));
  const matches = ctx.state.accounts.filter((a) => filter(a) && text(a)).sort((a, b) => a.id - b.id);
  // The shape of a real answer (public client code): the page, where it starts, what was asked,
  // counts per value of a few fields over every match, and a count the sample always shows as 0.
  return ok({
    totalCount: matches.length,
    searchResults: pageOf(matches, paging, ctx.state.settings).map((a) => accountView(ctx.state, a)),
    offset: paging.start,
    limit: paging.rows,
    queryTime: Math.round(performance.now() - began),
    facetedResults: {
      ACCOUNTSOURCE: facet(ACCOUNT_SOURCE_VALUES, matches.map((a) => a.accountSource)),
      INVITESTATE: facet(INVITE_STATE_VALUES, matches.map((a) => a.inviteState)),
      ACCOUNTTYPE: facet(ACCOUNT_TYPE_VALUES, matches.map((a) => (a.isApiUser ? ACCOUNT_TYPES.api : ACCOUNT_TYPES.user))),
    },
    totalUnfilteredResultCount: 0,
  });
}

/** Counts per value: every known value (0 when absent), then any other value seen. */
function facet(known: readonly string[], values: string[]): Record<string, number> {
  const out: Record<string, number> = Object.fromEntries(known.map((k) => [k, 0]));
  for (const v of values) out[v] = (out[v] ?? 0) + 1;
  return out;
}

/** GET /api/v1/account/{accountId} (INFERRED). */
function getAccount(req: SandboxRequest, ctx: Ctx): SandboxResponse {
  const auth = requireTenantAdmin(req, ctx);
  if (!auth.ok) return auth.response;
  const account = findAccount(ctx.state, req.params.accountId);
  if (!account) return accountNotFound(req.params.accountId ?? "");
  return ok(accountView(ctx.state, account));
}

/** PUT /api/v1/account/{accountId} (INFERRED "Update User Account"): names, locale, enabled, password. */
function updateAccount(req: SandboxRequest, ctx: Ctx): SandboxResponse {
  const auth = requireTenantAdmin(req, ctx);
  if (!auth.ok) return auth.response;
  const { state } = ctx;
  const account = findAccount(state, req.params.accountId);
  if (!account) return accountNotFound(req.params.accountId ?? "");
  const body = readBody(req);
  if (!body.ok) return badRequest(body.message, "HttpMessageNotReadable");
  const b = body.body;

  const errors: FieldError[] = [];
  // The identity of an account does not change in place (INFERRED): delete and re-create instead.
  const immutable = (field: string, current: string | boolean) => {
    const sent = b[field];
    if (sent === undefined) return;
    const same = typeof current === "boolean" ? boolish.safeParse(sent).data === current : typeof sent === "string" && sameText(sent.trim(), current);
    if (!same) errors.push({ code: "Immutable", field, message: "cannot be changed; delete the account and create it again" });
  };
  immutable("uid", account.uid);
  immutable("emailAddress", account.emailAddress);
  immutable("username", account.username);
  immutable("accountSource", account.accountSource);
  immutable("accountType", account.isApiUser ? ACCOUNT_TYPES.api : ACCOUNT_TYPES.user);
  if (state.settings.apiUserField) immutable(state.settings.apiUserField, account.isApiUser);

  const parsed = updateAccountSchema.safeParse(b);
  if (!parsed.success) errors.push(...toFieldErrors(parsed.error));
  else if (parsed.data.password !== undefined) errors.push(...passwordErrors(parsed.data.password, state.passwordPolicy, "password"));
  if (errors.length || !parsed.success) return fieldErrors(errors);

  const v = parsed.data;
  const now = ctx.now();
  if (v.firstName !== undefined) account.firstName = v.firstName;
  if (v.lastName !== undefined) account.lastName = v.lastName;
  if (v.displayName !== undefined) account.displayName = v.displayName;
  if (v.locale !== undefined) account.locale = v.locale;
  if (v.enabled !== undefined) account.enabled = v.enabled;
  if (v.password !== undefined) {
    account.password = v.password;
    account.passwordExpiresAt = expiry(state, now);
  }
  account.modifiedAt = now;
  account.modifiedBy = auth.caller.id;
  return ok(accountView(state, account));
}

type Viability = { id: number; deletable: boolean; reason: "NOT_FOUND" | "SELF" | "SUPER_USER" | null; message: string | null };

function viability(state: IvantiState, caller: IvantiAccount, id: number): Viability {
  const account = state.accounts.find((a) => a.id === id);
  if (!account) return { id, deletable: false, reason: "NOT_FOUND", message: `Account ${id} not found` };
  if (account.id === caller.id) return { id, deletable: false, reason: "SELF", message: "You cannot delete the account you are signed in with" };
  if (account.superUser) return { id, deletable: false, reason: "SUPER_USER", message: "The tenant's super user cannot be deleted" };
  return { id, deletable: true, reason: null, message: null };
}

/** `ids` from the query (`ids=1,2` or repeated) and, for DELETE, from a form/JSON body too. */
function idsFrom(req: SandboxRequest, withBody: boolean): number[] | FieldError {
  const raw: string[] = req.query.getAll("ids");
  if (withBody) {
    const body = readBody(req);
    const ids = body.ok ? body.body.ids : undefined;
    if (Array.isArray(ids)) raw.push(...ids.map(String));
    else if (ids !== undefined) raw.push(String(ids));
  }
  const parts = raw.flatMap((s) => s.split(",")).map((s) => s.trim()).filter(Boolean);
  if (parts.length === 0) return { code: "NotEmpty", field: "ids", message: "must not be empty" };
  const bad = parts.find((p) => !/^\d+$/.test(p));
  if (bad !== undefined) return { code: "typeMismatch", field: "ids", message: `Failed to convert value '${bad}' to a number` };
  return [...new Set(parts.map(Number))];
}

/** GET /api/v1/accounts/deleteViability?ids=… (INFERRED "Check Delete User Viability"). */
function checkDeleteViability(req: SandboxRequest, ctx: Ctx): SandboxResponse {
  const auth = requireTenantAdmin(req, ctx);
  if (!auth.ok) return auth.response;
  const ids = idsFrom(req, false);
  if (!Array.isArray(ids)) return fieldErrors([ids]);
  return ok(ids.map((id) => viability(ctx.state, auth.caller, id)));
}

function remove(state: IvantiState, id: number): void {
  state.accounts = state.accounts.filter((a) => a.id !== id);
}

/**
 * DELETE /api/v1/account?id=… (the form public client code uses): one account. Its answer is in no
 * source: INFERRED (sandbox) `result: 1` as the device actions answer, 404 for an unknown id, 400
 * with the reason for an account that cannot be deleted.
 */
function deleteAccount(req: SandboxRequest, ctx: Ctx): SandboxResponse {
  const auth = requireTenantAdmin(req, ctx);
  if (!auth.ok) return auth.response;
  const raw = req.query.get("id");
  if (raw === null || raw.trim() === "") return fieldErrors([{ code: "NotNull", field: "id", message: "must not be null" }]);
  if (!/^\d+$/.test(raw.trim())) return fieldErrors([{ code: "typeMismatch", field: "id", message: `Failed to convert value '${raw}' to a number` }]);
  const id = Number(raw.trim());
  const v = viability(ctx.state, auth.caller, id);
  if (v.reason === "NOT_FOUND") return accountNotFound(String(id));
  if (!v.deletable) return badRequest(v.message ?? "The account cannot be deleted", "NotDeletable");
  remove(ctx.state, id);
  return ok(1);
}

/** DELETE /api/v1/accounts?ids=… (older INFERRED "Delete Users"): a per-id result; failures optionally also in errors. */
function deleteAccounts(req: SandboxRequest, ctx: Ctx): SandboxResponse {
  const auth = requireTenantAdmin(req, ctx);
  if (!auth.ok) return auth.response;
  const ids = idsFrom(req, true);
  if (!Array.isArray(ids)) return fieldErrors([ids]);
  const results = ids.map((id) => {
    const v = viability(ctx.state, auth.caller, id);
    if (v.deletable) remove(ctx.state, id);
    return { id, deleted: v.deletable, reason: v.reason, message: v.message };
  });
  const failed = results.filter((r) => !r.deleted);
  if (failed.length && ctx.state.settings.bulkDeleteErrors === "globalErrors") {
    return okWithErrors(
      results,
      failed.map((f) => ({ code: f.reason === "NOT_FOUND" ? "NotFound" : "NotDeletable", message: f.message ?? "" })),
    );
  }
  return ok(results);
}

export const accountRoutes: Route<IvantiState>[] = [
  { method: "POST", template: "/api/v1/accounts", handler: createAccounts },
  ...onlyIn(BULK_DELETE, [
    { method: "DELETE", template: "/api/v1/accounts", handler: deleteAccounts },
    { method: "GET", template: "/api/v1/accounts/deleteViability", handler: checkDeleteViability },
  ]),
  { method: "GET", template: "/api/v1/account", handler: listAccounts },
  ...onlyIn(CURRENT, [{ method: "DELETE", template: "/api/v1/account", handler: deleteAccount }]),
  { method: "GET", template: "/api/v1/account/{accountId}", handler: getAccount },
  { method: "PUT", template: "/api/v1/account/{accountId}", handler: updateAccount },
];
