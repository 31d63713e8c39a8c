// The wire's service account as the resource's outputs and inputs.
import type { ExampleServiceAccountInputs, ExampleServiceAccountOutputs } from "./inputs.js";
import type { WireAccount } from "./wire.js";

/** Outputs from a live account; the token is never read back, so the caller supplies it. */
export function toOutputs(a: WireAccount, carried: { token: string; importId?: string | undefined }): ExampleServiceAccountOutputs {
  const out: ExampleServiceAccountOutputs = { accountId: a.id, name: a.name, description: a.description ?? "", token: carried.token, createdAt: a.createdAt };
  if (a.groupId) out.groupId = a.groupId;
  if (carried.importId) out.importId = carried.importId;
  return out;
}

/** The inputs a program declares for this live account (what refresh writes back as inputs). */
export function toInputs(o: ExampleServiceAccountOutputs): ExampleServiceAccountInputs {
  const i: ExampleServiceAccountInputs = { name: o.name, description: o.description };
  if (o.groupId) i.groupId = o.groupId;
  if (o.importId) i.importId = o.importId;
  return i;
}

