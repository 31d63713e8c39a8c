// Role names → role ids through the (cached) roles list. Shared by check, create/update and the
// program-side lookup `getControlRoomRole`.
import { LookupError } from "../../errors.js";
import type { Settings } from "../../settings.js";
import { messageOf } from "../../wording.js";
import { controlRoomClient, type ControlRoomClient } from "./client.js";
import type { ControlRoomRole, GetControlRoomRoleArgs } from "./inputs.js";
import type { WireRole } from "./wire.js";

export type { ControlRoomRole };

/** The role named `name`: exact spelling first, else the one role whose name matches ignoring case. */
export function matchRole(roles: readonly WireRole[], name: string): WireRole | undefined {
  const exact = roles.find((r) => r.name === name);
  if (exact) return exact;
  const caseless = roles.filter((r) => r.name.toLowerCase() === name.toLowerCase());
  return caseless.length === 1 ? caseless[0] : undefined;
}

export function knownRoleNames(roles: readonly WireRole[]): string {
  return roles.map((r) => r.name).sort((a, b) => a.localeCompare(b)).join(", ") || "(none)";
}

/** Role names the Control Room does not list. */
export class UnknownRolesError extends LookupError {
  constructor(
    readonly missing: string[],
    readonly known: string,
  ) {
    super(`unknown Control Room role${missing.length > 1 ? "s" : ""} ${missing.map((m) => `'${m}'`).join(", ")}; known roles: ${known}`);
  }
}

/**
 * Resolves role names to roles. A name missing from an earlier cached list triggers one fresh fetch
 * (the role may have been made since) before it is reported unknown.
 */
export async function resolveRoles(client: ControlRoomClient, names: readonly string[]): Promise<WireRole[]> {
  const cached = client.hasRoles();
  let roles = await client.listRoles();
  if (cached && names.some((n) => !matchRole(roles, n))) roles = await client.listRoles(true);
  const missing = names.filter((n) => !matchRole(roles, n));
  if (missing.length) throw new UnknownRolesError(missing, knownRoleNames(roles));
  return names.map((n) => matchRole(roles, n)!);
}

/** The role named `name` with these settings, or an error listing the known names. */
export async function findRole(settings: Settings, name: string): Promise<ControlRoomRole> {
  try {
    const [role] = await resolveRoles(controlRoomClient(settings), [name]);
    return { id: role!.id, name: role!.name, ...(role!.description ? { description: role!.description } : {}) };
  } catch (e) {
    throw new LookupError(`getControlRoomRole: ${messageOf(e)}`, { cause: e });
  }
}

/** The lookup `getControlRoomRole`: the role its arguments name. */
export const lookupRole = (settings: Settings, args: GetControlRoomRoleArgs): Promise<ControlRoomRole> => findRole(settings, args.name);
