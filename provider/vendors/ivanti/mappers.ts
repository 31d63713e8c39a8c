// Between Ivanti's wire objects and the IseApiUser inputs/outputs: the create form, the partial update
// form, outputs from a live account, and inputs reconstructed from outputs for refresh.
import { caseless, deepEqual, type Normaliser } from "../../resource.js";
import { ACCOUNT_SOURCE_LOCAL, ACCOUNT_TYPE_FIELD, API_ACCOUNT_TYPE, CREATE_FIELDS, CREATE_PREFIX, UPDATE_FIELDS } from "./contract.js";
import { DOCUMENTED_ISE_ROLE, type IseRole } from "./ise-role.js";
import { defaultDisplayName, type IseApiUserInputs, type IseApiUserOutputs } from "./inputs.js";
import type { WireAccount, WireHeldRole } from "./wire.js";

/** Keys that exist only in outputs. */
const OUTPUT_ONLY = ["accountId", "uid", "inviteState", "createdAt"] as const;

/** Drops undefined values so that state never holds a key the program did not set. */
export function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

export function isoTime(ms: number | null | undefined): string | null {
  return typeof ms === "number" && Number.isFinite(ms) ? new Date(ms).toISOString() : null;
}

/** The documented indexed form of `POST /api/v1/accounts`, for one API user (INFERRED fields: contract.ts). */
// (accountType=API is the INFERRED way to ask for an API user.)
export function createForm(i: IseApiUserInputs, roleIds: number[]): Record<string, string> {
  const f: Record<string, string> = {};
  const put = (field: string, value: string | undefined) => {
    if (value !== undefined) f[CREATE_PREFIX + field] = value;
  };
  put(CREATE_FIELDS.emailAddress, i.emailAddress);
  put(CREATE_FIELDS.uid, i.emailAddress);
  put(CREATE_FIELDS.accountSource, ACCOUNT_SOURCE_LOCAL);
  put(CREATE_FIELDS.username, i.username ?? i.emailAddress);
  put(CREATE_FIELDS.firstName, i.firstName);
  put(CREATE_FIELDS.lastName, i.lastName);
  put(CREATE_FIELDS.displayName, i.displayName);
  put(CREATE_FIELDS.password, i.password);
  put(CREATE_FIELDS.enabled, String(i.enabled));
  put(ACCOUNT_TYPE_FIELD, API_ACCOUNT_TYPE);
  roleIds.forEach((id, j) => put(`${CREATE_FIELDS.roles}[${j}]`, String(id)));
  return f;
}

/** Outputs after a create or update: the desired inputs plus what only the vendor knows. */
export function outputsFrom(desired: IseApiUserInputs, account: Pick<WireAccount, "id" | "uid" | "inviteState" | "createdAt">): IseApiUserOutputs {
  return compact({
    ...desired,
    username: desired.username ?? desired.emailAddress,
    accountId: String(account.id),
    uid: account.uid,
    inviteState: account.inviteState ?? null,
    createdAt: isoTime(account.createdAt),
  });
}

/** The old value when it equals the live one under `norm` (keeps the user's spelling), else the live value. */
function keep<T>(live: T, old: T | undefined, norm: Normaliser = (v) => v): T {
  return old !== undefined && deepEqual(norm(live), norm(old)) ? old : live;
}

/** Role names an account holds, once each, in the vendor's order. */
export function roleNames(held: WireHeldRole[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const r of held) {
    if (seen.has(r.name.toLowerCase())) continue;
    seen.add(r.name.toLowerCase());
    out.push(r.name);
  }
  return out;
}

/**
 * Outputs from the live account. Values equal to the previous outputs under normalisation keep their
 * previous spelling; the password (never returned) and importId are carried over from `prev`.
 */
export function liveOutputs(account: WireAccount, held: WireHeldRole[], prev: Partial<IseApiUserOutputs>, ise: IseRole = DOCUMENTED_ISE_ROLE): IseApiUserOutputs {
  const email = account.emailAddress || account.uid;
  // An empty name is no name: inputs never hold "" (check refuses it).
  const text = (v: string | null | undefined) => (v ? v : undefined);
  return compact({
    emailAddress: keep(email, prev.emailAddress, caseless),
    username: keep(account.username || email, prev.username, caseless),
    firstName: text(account.firstName),
    lastName: text(account.lastName),
    // No display name at the vendor reads as the one check derives from the names, so refreshed
    // inputs pass check to the same value and show no change.
    displayName: text(account.displayName) ?? defaultDisplayName(text(account.firstName), text(account.lastName)),
    password: prev.password as string,
    roles: keep(roleNames(held), prev.roles, ise.roleSet),
    enabled: account.enabled ?? true,
    importId: prev.importId,
    accountId: String(account.id),
    uid: account.uid,
    inviteState: account.inviteState ?? null,
    createdAt: isoTime(account.createdAt),
  });
}

/** The inputs a set of outputs stands for (what refresh writes back as the resource's inputs). */
export function inputsOf(o: IseApiUserOutputs): IseApiUserInputs {
  const copy: Record<string, unknown> = { ...o };
  for (const k of OUTPUT_ONLY) delete copy[k];
  return compact(copy) as IseApiUserInputs;
}

/** Whether two role lists name the same set (order, case, repeats and ISE role spelling aside). */
export function sameRoles(a: readonly string[] | undefined, b: readonly string[] | undefined, ise: IseRole = DOCUMENTED_ISE_ROLE): boolean {
  return deepEqual(ise.roleSet(a ?? []), ise.roleSet(b ?? []));
}

/**
 * The partial update form of `PUT /api/v1/account/{id}`: only fields that differ between the current
 * state and the desired inputs. A cleared name is sent as "" (INFERRED: the vendor stores null). The
 * password goes only when declared and changed (or unknown: `current.password` undefined, as on adoption).
 */
export function updateForm(current: Partial<IseApiUserOutputs>, desired: IseApiUserInputs): { form: Record<string, string>; changed: string[] } {
  const form: Record<string, string> = {};
  const changed: string[] = [];
  for (const f of ["firstName", "lastName", "displayName"] as const) {
    if (!deepEqual(current[f], desired[f])) {
      form[UPDATE_FIELDS[f]] = desired[f] ?? "";
      changed.push(f);
    }
  }
  if ((current.enabled ?? true) !== desired.enabled) {
    form[UPDATE_FIELDS.enabled] = String(desired.enabled);
    changed.push("enabled");
  }
  // A password the inputs do not declare (an adoption) stays as Ivanti holds it.
  if (desired.password !== undefined && current.password !== desired.password) {
    form[UPDATE_FIELDS.password] = desired.password;
    changed.push("password");
  }
  return { form, changed };
}
