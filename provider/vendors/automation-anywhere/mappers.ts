// Wire ↔ resource mappers: request bodies from inputs, inputs and outputs from a live user.
import { withDeclaredDefaults } from "../../property-facts.js";
import { asSet, deepEqual } from "../../resource.js";
import { baseInputs, type Inputs, type Outputs } from "./inputs.js";
import type { UserBody, WireUser } from "./wire.js";

/** The vendor returns null for unset text; a resource leaves it out. */
const orUndefined = <T>(v: T | null | undefined): T | undefined => (v === null ? undefined : v);

/** Keeps the program's spelling/order when the live value is the same under normalisation. */
function keep<T>(prior: T | undefined, live: T | undefined, norm: (v: unknown) => unknown = (v) => v): T | undefined {
  return deepEqual(norm(prior), norm(live)) && prior !== undefined ? prior : live;
}

/**
 * The body of create (with `domain`) or of the full-replace PUT (without it: it cannot change).
 * Both carry `username`: the PUT unchanged, since older Control Rooms list it as mandatory there.
 * Every mutable field is sent because the PUT resets what it does not get.
 */
export function toBody(declared: Inputs, roleIds: readonly number[], opts: { create: boolean; password: boolean }): UserBody {
  const i = withDeclaredDefaults(baseInputs, declared);
  const body: UserBody = {
    username: i.username,
    email: i.email,
    roles: roleIds.map((id) => ({ id })),
    firstName: i.firstName ?? null,
    lastName: i.lastName ?? null,
    description: i.description ?? null,
    disabled: i.disabled,
    enableAutoLogin: i.enableAutoLogin!,
    licenseFeatures: [...i.licenseFeatures!],
  };
  if (opts.create) body.domain = i.domain ?? null;
  if (opts.password && i.password !== undefined) body.password = i.password;
  return body;
}

/**
 * Inputs as the live user says they are. `prior` (the program's inputs or the last state) supplies
 * what the vendor never returns (password, importId) and the spelling/order to keep when equal.
 */
export function liveInputs(user: WireUser, prior: Partial<Inputs>): Inputs {
  const liveRoles = (user.roles ?? []).map((r) => r.name ?? String(r.id));
  // Kept as the vendor names them, known or not (each once): the Control Room is the judge of its licences.
  const liveLicenses = [...new Set((user.licenseFeatures ?? []).filter((f) => f !== ""))];
  const out: Inputs = {
    username: keep(prior.username, user.username, (v) => (typeof v === "string" ? v.toLowerCase() : v))!,
    // A user without an email (not documented, but not impossible) keeps the one declared.
    email: orUndefined(user.email) || prior.email || "",
    roles: keep(prior.roles, liveRoles, asSet)!,
    disabled: user.disabled ?? false,
  };
  // The vendor's own example has `"domain": ""` for a Control Room (non-directory) user: that is no domain.
  const text = { firstName: user.firstName, lastName: user.lastName, description: user.description, domain: user.domain || null } as const;
  for (const k of Object.keys(text) as (keyof typeof text)[]) {
    const v = keep(prior[k], orUndefined(text[k]));
    if (v !== undefined) out[k] = v;
  }
  // Omitted in the program and at the vendor's default: stay omitted, so refresh shows no change.
  const autoLogin = user.enableAutoLogin ?? false;
  if (prior.enableAutoLogin !== undefined || autoLogin) out.enableAutoLogin = autoLogin;
  const licenses = keep(prior.licenseFeatures ?? [], liveLicenses, asSet)!;
  if (prior.licenseFeatures !== undefined || licenses.length) out.licenseFeatures = licenses;
  if (prior.password !== undefined) out.password = prior.password;
  if (prior.importId !== undefined) out.importId = prior.importId;
  return out;
}

/** Outputs: the live inputs plus what only the vendor knows. `roleIds` follow the order of `roles`. */
export function toOutputs(user: WireUser, prior: Partial<Inputs>): Outputs {
  const i = liveInputs(user, prior);
  const idByName = new Map((user.roles ?? []).map((r) => [(r.name ?? String(r.id)).toLowerCase(), r.id]));
  const out: Outputs = {
    ...i,
    userId: String(user.id),
    roleIds: i.roles.map((n) => idByName.get(n.toLowerCase())).filter((id): id is number => id !== undefined),
    passwordSet: user.passwordSet ?? false,
    emailVerified: user.emailVerified ?? false,
  };
  if (user.createdOn) out.createdOn = user.createdOn;
  if (user.updatedOn) out.updatedOn = user.updatedOn;
  return out;
}

/** The resource inputs held in a state's outputs (drops vendor-only fields and engine keys). */
export function inputsOf(props: Partial<Outputs>): Partial<Inputs> {
  const { userId: _u, roleIds: _r, passwordSet: _p, emailVerified: _e, createdOn: _c, updatedOn: _o, ...rest } = props;
  return Object.fromEntries(Object.entries(rest).filter(([k, v]) => !k.startsWith("__") && v !== undefined)) as Partial<Inputs>;
}

const sameSet = (a: readonly (string | number)[] | null | undefined, b: readonly (string | number)[] | null | undefined) =>
  deepEqual(asSet([...(a ?? [])]), asSet([...(b ?? [])]));

/**
 * True when `user` is provably the one a lost create just made: created by the provider's own login
 * after the request started (with `skewMs` for clock differences), never changed since (version 0),
 * and holding exactly what the create body asked for.
 */
export function isFromCreate(user: WireUser, body: UserBody, opts: { startedMs: number; callerId: number | undefined; skewMs: number }): boolean {
  const created = user.createdOn ? Date.parse(user.createdOn) : NaN;
  if (!Number.isFinite(created) || created < opts.startedMs - opts.skewMs) return false;
  if (opts.callerId !== undefined && user.createdBy !== opts.callerId) return false;
  if ((user.version ?? 0) !== 0) return false;
  const same = (a: string | null | undefined, b: string | null | undefined) => (a ?? null) === (b ?? null);
  return (
    user.username.toLowerCase() === body.username.toLowerCase() &&
    same(user.email, body.email) &&
    same(user.firstName, body.firstName) &&
    same(user.lastName, body.lastName) &&
    same(user.description, body.description) &&
    same(user.domain, body.domain) &&
    (user.disabled ?? false) === body.disabled &&
    (user.enableAutoLogin ?? false) === body.enableAutoLogin &&
    sameSet(user.licenseFeatures, body.licenseFeatures) &&
    sameSet((user.roles ?? []).map((r) => r.id), body.roles.map((r) => r.id)) &&
    (user.passwordSet ?? false) === (body.password !== undefined)
  );
}
