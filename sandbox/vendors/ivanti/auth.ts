// HTTP Basic on every call (documented), and the role checks that decide what a caller may do.
import { basicCredentials } from "../../http-util.js";
import type { RouteContext, SandboxRequest, SandboxResponse } from "../../types.js";
import { forbidden, unauthorized } from "./errors.js";
import { ROLE_KEYS, type IvantiAccount, type IvantiState } from "./state.js";

export type AuthResult = { ok: true; caller: IvantiAccount } | { ok: false; response: SandboxResponse };

/** Finds an account by login name: its `uid` (the email address) first, then its `username`. */
export function findByLogin(state: IvantiState, login: string): IvantiAccount | undefined {
  const l = login.toLowerCase();
  return state.accounts.find((a) => a.uid.toLowerCase() === l) ?? state.accounts.find((a) => a.username.toLowerCase() === l);
}

export function authenticate(req: SandboxRequest, ctx: RouteContext<IvantiState>): AuthResult {
  const creds = basicCredentials(req.headers);
  if (!creds) return { ok: false, response: unauthorized("Full authentication is required to access this resource") };
  const account = findByLogin(ctx.state, creds.username);
  // Accounts created without a password (invited users) cannot authenticate at all.
  if (!account || account.password === null || account.password !== creds.password) {
    return { ok: false, response: unauthorized("Bad credentials") };
  }
  if (!account.enabled) return { ok: false, response: unauthorized("User is disabled") };
  if (account.locked) return { ok: false, response: unauthorized("User account is locked") };
  if (account.passwordExpiresAt !== null && ctx.now() >= account.passwordExpiresAt) {
    return { ok: false, response: unauthorized("User credentials have expired") };
  }
  return { ok: true, caller: account };
}

/** Whether the account holds the role with this key (in `dmPartitionId` for space roles). */
export function holdsRole(state: IvantiState, account: IvantiAccount, key: string, dmPartitionId?: number): boolean {
  const role = state.roles.find((r) => r.key === key);
  if (!role) return false;
  return account.roles.some((a) => a.roleId === role.id && (dmPartitionId === undefined || a.dmPartitionId === null || a.dmPartitionId === dmPartitionId));
}

/** "Tenant Admin" credentials: the tenant's super user, or System / User Management (documented). */
export function isTenantAdmin(state: IvantiState, account: IvantiAccount): boolean {
  return account.superUser || holdsRole(state, account, ROLE_KEYS.systemManagement) || holdsRole(state, account, ROLE_KEYS.userManagement);
}

/** Authenticates and requires Tenant Admin credentials, as every user call does. */
export function requireTenantAdmin(req: SandboxRequest, ctx: RouteContext<IvantiState>): AuthResult {
  const auth = authenticate(req, ctx);
  if (!auth.ok) return auth;
  if (!isTenantAdmin(ctx.state, auth.caller)) {
    return { ok: false, response: forbidden("This call requires Tenant Admin credentials (System Management or User Management role)") };
  }
  return auth;
}

/** Device-scoped reads: Cisco ISE Operations, System Management, or a device role in that space (INFERRED). */
export function mayReadDevices(state: IvantiState, account: IvantiAccount, dmPartitionId: number): boolean {
  if (account.superUser) return true;
  if (holdsRole(state, account, ROLE_KEYS.ciscoIseOperations) || holdsRole(state, account, ROLE_KEYS.systemManagement)) return true;
  return [ROLE_KEYS.deviceManagement, ROLE_KEYS.deviceReadOnly, ROLE_KEYS.deviceActions].some((k) => holdsRole(state, account, k, dmPartitionId));
}
