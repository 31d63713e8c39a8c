// Turning role ids from a request into assignments, with the checks the Admin Portal applies.
import type { FieldError } from "./errors.js";
import { holdsRole } from "./auth.js";
import { DEFAULT_PARTITION_ID, type IvantiAccount, type IvantiState, type RoleAssignment } from "./state.js";

export type RolesResult = { ok: true; assignments: RoleAssignment[] } | { ok: false; fieldErrors: FieldError[] } | { ok: false; forbidden: string };

/** The space a request names with `dmPartitionId` (default space when absent); a FieldError when unknown. */
export function partitionFrom(state: IvantiState, query: URLSearchParams): number | FieldError {
  const raw = query.get("dmPartitionId");
  if (raw === null || raw.trim() === "") return state.partitions.find((p) => p.defaultPartition)?.id ?? DEFAULT_PARTITION_ID;
  const id = Number(raw);
  if (!Number.isInteger(id) || !state.partitions.some((p) => p.id === id)) {
    return { code: "Invalid", field: "dmPartitionId", message: `Unknown device space ${raw}` };
  }
  return id;
}

/**
 * Role ids to assignments. Unknown ids are field errors under `fieldPrefix` (e.g. `accounts[0].roles`);
 * space-specific roles are held in `dmPartitionId`. "Users cannot assign the permissions that they
 * do not already have" (documented): a caller that is not super user must hold each role it assigns.
 */
export function resolveRoles(state: IvantiState, caller: IvantiAccount, ids: number[], dmPartitionId: number, fieldPrefix: string): RolesResult {
  const errors: FieldError[] = [];
  const out: RoleAssignment[] = [];
  ids.forEach((id, i) => {
    const role = state.roles.find((r) => r.id === id);
    if (!role) {
      errors.push({ code: "Invalid", field: `${fieldPrefix}[${i}]`, message: `Unknown role id ${id}` });
      return;
    }
    const assignment = { roleId: id, dmPartitionId: role.spaceSpecific ? dmPartitionId : null };
    if (!out.some((a) => a.roleId === assignment.roleId && a.dmPartitionId === assignment.dmPartitionId)) out.push(assignment);
  });
  if (errors.length) return { ok: false, fieldErrors: errors };
  if (!caller.superUser) {
    for (const a of out) {
      const role = state.roles.find((r) => r.id === a.roleId)!;
      if (!holdsRole(state, caller, role.key, a.dmPartitionId ?? undefined)) {
        return { ok: false, forbidden: `You cannot assign the role "${role.name}" because you do not hold it` };
      }
    }
  }
  return { ok: true, assignments: out };
}
