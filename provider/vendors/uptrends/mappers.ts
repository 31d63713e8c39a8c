// Mappers between the wire (ApiUser objects) and the resource's inputs and outputs.
import { DEFAULT_DESCRIPTION } from "./contract.js";
import type { UptrendsApiAccountInputs, UptrendsApiAccountOutputs } from "./inputs.js";
import type { WireApiUser, WireApiUserBody } from "./wire.js";

/** What the vendor stores for a description: an empty one becomes the default. */
export function effectiveDescription(description: string | null | undefined): string {
  return description === undefined || description === null || description.trim() === "" ? DEFAULT_DESCRIPTION : description;
}

/** Normaliser for diff: descriptions the vendor stores identically compare equal. */
export const descriptionNormaliser = (v: unknown): unknown => (v === undefined || v === null || typeof v === "string" ? effectiveDescription(v) : v);

/**
 * Inputs in the form the vendor reads back (GUIDs lower case, the default description filled in), so
 * state inputs, refreshed inputs and program inputs compare equal when they mean the same account.
 */
export function canonicalInputs(i: UptrendsApiAccountInputs): UptrendsApiAccountInputs {
  const out: UptrendsApiAccountInputs = { operatorGuid: i.operatorGuid.toLowerCase(), description: effectiveDescription(i.description) };
  if (i.importId !== undefined) out.importId = i.importId.toLowerCase();
  return out;
}

/** The writable fields of an ApiUser (documented: only these two). */
export function toWireBody(operatorGuid: string, description: string | undefined): WireApiUserBody {
  return { OperatorGuid: operatorGuid, Description: effectiveDescription(description) };
}

/** Outputs from a live ApiUser; the password is never read back, so the caller supplies it. */
export function toOutputs(u: WireApiUser, carried: { password: string; importId?: string | undefined }): UptrendsApiAccountOutputs {
  const out: UptrendsApiAccountOutputs = {
    apiUserGuid: u.ApiUserGuid.toLowerCase(),
    username: u.UserName,
    password: carried.password,
    operatorGuid: u.OperatorGuid.toLowerCase(),
    description: effectiveDescription(u.Description),
    accessType: u.ApiAccessType ?? "",
    createdDate: u.CreatedDate ?? "",
    lastUsed: u.LastUsed ?? "",
  };
  if (carried.importId) out.importId = carried.importId;
  return out;
}

/** The inputs a program declares for this live account (what refresh writes back as inputs). */
export function toInputs(o: UptrendsApiAccountOutputs): UptrendsApiAccountInputs {
  const i: UptrendsApiAccountInputs = { operatorGuid: o.operatorGuid, description: o.description };
  if (o.importId) i.importId = o.importId;
  return i;
}
