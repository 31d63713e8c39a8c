// IseApiUser: an Ivanti Neurons for MDM API user holding "Cisco ISE Operations", for Cisco ISE.
// create = one POST (plus the role catalogue once per process); read = account + its roles;
// update = a partial PUT of what changed ("Update User Account") and, if roles changed, one PUT of
// the role set; delete = one DELETE of the account (the form public client code uses, with the older
// bulk form as a fallback the client learns once per process).
import { alreadyExists, ApiIdentityError, ConfigurationError, reworded, vendorCall } from "../../errors.js";
import { messageOf } from "../../wording.js";
import { VendorError } from "../../http/index.js";
import { defineResource, type Converged, type OwnCreate } from "../../lifecycle.js";
import { diffSpecOf } from "../../property-facts.js";
import { checkWith, diffProperties, stripInternal, type DiffSpec } from "../../resource.js";
import { DUPLICATE_CODES, ISE_ROLE_NAMES, LOST_CREATE_CLOCK_SKEW_MS, PATHS, VENDOR } from "./contract.js";
import { isApiUserAccount, ivantiClient, type IvantiClient } from "./client.js";
import { adviseInputs, iseApiUserInputs, iseApiUserInputsFor, iseApiUserOutputs, withDefaults, type IseApiUserInputs, type IseApiUserOutputs } from "./inputs.js";
import { iseRoleOf, type IseRole } from "./ise-role.js";
import { wireEnvelope } from "./wire.js";
import { createForm, inputsOf, isoTime, liveOutputs, outputsFrom, sameRoles, updateForm } from "./mappers.js";
import type { WireAccount } from "./wire.js";

export const KIND = "IseApiUser";

/** What the engine passes for a value not known yet (preview of a value computed by another resource). */
export { UNKNOWN } from "../../resource.js";
import { UNKNOWN, holdsUnknown } from "../../resource.js";
import type { Settings } from "../../settings.js";

/** The values to redact from vendor errors: the declared password, if any. */
const secretsOf = (i: IseApiUserInputs): string[] => (i.password === undefined ? [] : [i.password]);

/** How IseApiUser inputs compare, for a tenant whose ISE role goes by the names `ise` knows. */
function diffSpec(ise: IseRole): DiffSpec<IseApiUserInputs> {
  return diffSpecOf(iseApiUserInputsFor(ise)) as DiffSpec<IseApiUserInputs>;
}


const PASSWORD_REQUIRED =
  "password is required to create an API user (Ivanti gives an API user no other way to sign in); leave it out only when adopting an existing one with importId, which then keeps its password";

/** Validates; properties not known yet (preview) are left to the real run. Fills dependent defaults. */
export function checkInputs(news: unknown, settings: Settings): { inputs: IseApiUserInputs; failures: { property: string; reason: string }[] } {
  const ise = iseRoleOf(settings);
  const raw = stripInternal(news);
  const unknown = Object.keys(raw).filter((k) => holdsUnknown(raw[k]));
  type Key = keyof typeof iseApiUserInputs.shape;
  const mask = Object.fromEntries(unknown.filter((k) => k in iseApiUserInputs.shape).map((k) => [k, true])) as Partial<Record<Key, true>>;
  const known = Object.fromEntries(Object.entries(raw).filter(([k]) => !unknown.includes(k)));
  const r = checkWith(iseApiUserInputsFor(ise).omit(mask), known);
  // Ivanti refuses an API user without a password (INFERRED), so a create needs one; an adopted API
  // user keeps the one it has (adoption must not force a password change nobody can read back).
  // Reported next to the schema's failures, so one preview names every property to fix.
  // An importId that is itself refused adopts nothing, so it does not excuse the password.
  const adopting = raw.importId !== undefined && !r.failures.some((f) => f.property.split(".")[0] === "importId");
  const missing = raw.password === undefined && !adopting ? [{ property: "password", reason: PASSWORD_REQUIRED }] : [];
  if (r.failures.length || missing.length) return { inputs: raw as IseApiUserInputs, failures: [...r.failures, ...missing] };
  const parsed = { ...r.inputs, ...Object.fromEntries(unknown.map((k) => [k, raw[k]])) } as IseApiUserInputs;
  // A tenant's own spelling of the ISE role (provider setting) is the default when roles is not set.
  if (raw.roles === undefined) parsed.roles = [ise.defaultName];
  const out = withDefaults(parsed);
  // A display name derived from a name that is not known yet is not known either.
  if (parsed.displayName === undefined && (parsed.firstName === UNKNOWN || parsed.lastName === UNKNOWN)) out.displayName = UNKNOWN;
  return { inputs: out, failures: [] };
}

/** Whether the replacement would take a login name (uid or username) the old account still holds. */
function loginsCollide(olds: Partial<IseApiUserOutputs>, news: IseApiUserInputs): boolean {
  const old = new Set([olds.uid, olds.emailAddress, olds.username].filter((v): v is string => !!v).map((v) => v.toLowerCase()));
  return [news.emailAddress, news.username ?? news.emailAddress].some((v) => old.has(v.toLowerCase()));
}

/**
 * Role names to ids through the catalogue (fetched once per process, again once on a miss). A name
 * of the ISE role finds the tenant's ISE role under whichever name the tenant gives it.
 */
async function resolveRoles(client: IvantiClient, names: string[]): Promise<{ ids: number[]; space: number | undefined }> {
  type Cat = Awaited<ReturnType<IvantiClient["roles"]>>;
  const ise = client.tenant.iseRole;
  const findOne = (cat: Cat, n: string) =>
    cat.find((r) => r.name.toLowerCase() === n.toLowerCase()) ?? (ise.is(n) ? cat.find((r) => ise.is(r.name)) : undefined);
  const find = (cat: Cat) => names.map((n) => findOne(cat, n));
  let catalogue = await client.roles();
  if (find(catalogue).includes(undefined)) catalogue = await client.roles(true);
  const found = find(catalogue);
  const missing = names.filter((_, i) => found[i] === undefined);
  if (missing.length) {
    const hint = missing.some(ise.is)
      ? ` Ivanti names the Cisco ISE role "${ISE_ROLE_NAMES[0]}" or "${ISE_ROLE_NAMES[1]}"${ise.configured ? `, and the provider setting ivantiIseRoleName says "${ise.configured}"` : ""}; if this tenant calls it something else, set the provider setting ivantiIseRoleName (IVANTI_ISE_ROLE_NAME) to that name.`
      : "";
    throw new ApiIdentityError(
      `${KIND}: roles: Ivanti has no role named ${missing.map((m) => `"${m}"`).join(", ")}. Roles this tenant lists: ${catalogue.map((r) => r.name).join(", ")}.${hint}`,
    );
  }
  const roles = found.filter((r) => r !== undefined);
  const ids = [...new Set(roles.map((r) => r.id))];
  // Space-specific roles are held in one device space: the configured one, else the tenant's default.
  const space = roles.some((r) => r.spaceSpecific) ? (configuredSpace(client.tenant.dmPartitionId) ?? (await client.defaultSpaceId())) : undefined;
  return { ids, space };
}

/** `apiidentity:ivantiDmPartitionId` / IVANTI_DM_PARTITION_ID: the device space for space-specific roles. */
function configuredSpace(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) {
    throw new ConfigurationError(`${KIND}: provider setting 'ivantiDmPartitionId' (IVANTI_DM_PARTITION_ID) must be a device space id (a positive whole number), not '${raw}'.`);
  }
  return n;
}

/**
 * After a 404 from a per-account call (an INFERRED path), ask the documented search too: if it still
 * lists the account, the path is wrong for this tenant and "gone" would be a lie.
 */
async function confirmGone(client: IvantiClient, id: string, uid: string | undefined, action: string): Promise<void> {
  if (!uid) return;
  const found = await vendorCall(KIND, `${action} account ${id}: confirm it is gone`, () => client.findAccounts("uid", uid));
  if (found.some((a) => String(a.id) === id)) {
    throw new ApiIdentityError(
      `${KIND}: ${action} account ${id}: ${VENDOR} answered 404 on ${PATHS.account}, yet the documented search still lists ${uid} with this id. The INFERRED per-account path does not match this tenant's API (see the Vendor contract of IseApiUser); nothing was changed in state.`,
    );
  }
}

/**
 * The delete calls say the account is not there: the documented search must agree, or "gone" would
 * be a lie (e.g. ids the INFERRED call does not understand).
 */
async function confirmGoneBySearch(client: IvantiClient, id: string, uid: string | undefined, call: string): Promise<void> {
  if (!uid) return;
  const found = await vendorCall(KIND, `delete account ${id}: confirm it is gone`, () => client.findAccounts("uid", uid));
  if (found.some((a) => String(a.id) === id)) {
    throw new ApiIdentityError(
      `${KIND}: delete account ${id}: ${VENDOR}'s ${call} call says there is no such account, yet the documented search still lists ${uid} with this id. The delete call does not match this tenant's API (see the Vendor contract of IseApiUser); nothing was changed in state.`,
    );
  }
}

/**
 * Looks for the account a create with an unknown outcome may have made. It is taken only when it is
 * provably that request's work: same UID, created after the request started (less clock skew), by
 * the provider's own account (when Ivanti reports creators), with exactly the fields and roles sent.
 */
async function findOwnCreate(client: IvantiClient, desired: IseApiUserInputs, roleIds: number[], startedAt: number): Promise<OwnCreate<WireAccount>> {
  const [account] = await client.findAccounts("uid", desired.emailAddress);
  if (!account) return { found: "none", note: `${VENDOR} has no account with this email address` };
  const why: string[] = [];
  if (account.createdAt == null) why.push("its creation time is unknown");
  else if (account.createdAt < startedAt - LOST_CREATE_CLOCK_SKEW_MS) why.push("it was created before this request");
  const self = await client.selfId();
  if (self !== undefined && account.createdBy != null && account.createdBy !== self) why.push("another account created it");
  if ((account.username ?? account.uid).toLowerCase() !== (desired.username ?? desired.emailAddress).toLowerCase()) why.push("its username differs");
  for (const f of ["firstName", "lastName", "displayName"] as const) if ((account[f] ?? undefined) !== desired[f]) why.push(`its ${f} differs`);
  if ((account.enabled ?? true) !== desired.enabled) why.push("its enabled flag differs");
  if (isApiUserAccount(account) === false) why.push(`it is not an API user (${account.accountType ? `accountType ${account.accountType}` : "apiUser false"})`);
  if (why.length === 0) {
    const held = (await client.heldRoles(String(account.id))) ?? [];
    const heldIds = new Set(held.map((r) => r.id));
    if (heldIds.size !== new Set(roleIds).size || !roleIds.every((r) => heldIds.has(r))) why.push("its roles differ");
  }
  if (why.length === 0) return { found: "ours", made: account, id: String(account.id) };
  return { found: "unproven", id: String(account.id), what: `an account ${account.uid} (id ${account.id}, created ${isoTime(account.createdAt) ?? "at an unknown time"})`, why: why.join(", ") };
}

/** Whether a refused create says the account exists (INFERRED codes, or a message saying so). */
export function isDuplicate(e: unknown): boolean {
  if (!(e instanceof VendorError) || e.status < 400 || e.status >= 500) return false;
  const env = wireEnvelope.safeParse(e.body);
  const errors = env.success ? env.data.errors : undefined;
  const items = [...(errors?.fieldErrors ?? []), ...(errors?.globalErrors ?? [])];
  return items.some((i) => (DUPLICATE_CODES as readonly string[]).includes(i.code ?? "") || /already (exists|in use|taken)/i.test(i.message ?? "")) || e.status === 409;
}

/**
 * A create refused because the account exists: names the situation and how to adopt it, instead of
 * the generic "check the inputs". The id comes from the documented search (one call, only here).
 */
async function refused(client: IvantiClient, email: string, action: string, e: unknown): Promise<Error | undefined> {
  if (!isDuplicate(e)) return undefined;
  const found = await client.findAccounts("uid", email).catch(() => [] as Awaited<ReturnType<IvantiClient["findAccounts"]>>);
  const id = found[0]?.id;
  return alreadyExists(KIND, action, e, {
    vendor: VENDOR,
    existing: "an account with this email address or username",
    ...(id !== undefined ? { id } : {}),
    rename: "choose another emailAddress/username",
  });
}

/**
 * Brings an existing account to the desired inputs: a partial PUT of the fields that differ (the
 * password only when it differs or is unknown), and the role set only when it differs.
 */
async function converge(client: IvantiClient, id: string, current: Partial<IseApiUserOutputs>, desired: IseApiUserInputs): Promise<Converged<IseApiUserOutputs>> {
  const { form, changed } = updateForm(current, desired);
  let account: WireAccount | undefined;
  if (changed.length) {
    account = await vendorCall(KIND, `update API user ${id} (${changed.join(", ")})`, () => client.updateAccount(id, form, secretsOf(desired)));
  }
  if (!sameRoles(current.roles, desired.roles, client.tenant.iseRole)) {
    const { ids, space } = await vendorCall(KIND, `resolve the roles of API user ${id}`, () => resolveRoles(client, desired.roles));
    try {
      await vendorCall(KIND, `set the roles of API user ${id}`, () => client.replaceRoles(id, ids, space));
    } catch (e) {
      throw changed.length ? halfDone(e, id, changed) : e;
    }
    changed.push("roles");
  }
  const meta = account
    ? { id: account.id, uid: account.uid, inviteState: account.inviteState, createdAt: account.createdAt }
    : { id: Number(id), uid: current.uid ?? desired.emailAddress, inviteState: current.inviteState, createdAt: current.createdAt ? Date.parse(current.createdAt) : null };
  return { outs: outputsFrom(desired, meta), changed };
}

/**
 * The roles PUT failed after the fields PUT landed (an adoption or an update of both): says what the
 * account holds already and how to finish, so nothing is left unexplained.
 */
function halfDone(e: unknown, id: string, changed: readonly string[]): Error {
  const first = messageOf(e).replace(/\.$/, "");
  // An adoption's error goes on to say, in the lifecycle's words, that the account is not managed yet.
  return reworded(e, `${first}. API user ${id} holds the new ${changed.join(", ")} already, not the new roles: run 'pulumi up' again to finish.`);
}

export const iseApiUser = defineResource({
  kind: KIND,
  vendor: VENDOR,
  noun: "account",
  console: "in the Admin Portal (Users)",
  inputs: iseApiUserInputs,
  outputs: iseApiUserOutputs,
  client: (settings) => ivantiClient(settings),

  check: (_olds, news, settings) => checkInputs(news, settings),
  advise: (inputs) => adviseInputs(inputs as unknown as Record<string, unknown>),

  diff(olds, news, settings) {
    const desired = withDefaults(news);
    const r = diffProperties(olds, desired, diffSpec(iseRoleOf(settings)));
    // The old account must go first when the new one would take a login name it still holds.
    if (r.replaces.length && loginsCollide(olds, desired)) r.deleteBeforeReplace = true;
    return r;
  },
  desired: withDefaults,

  create: {
    action: (desired) => `creating API user ${desired.emailAddress}`,
    async plan(client, desired) {
      const { ids, space } = await vendorCall(KIND, `resolve the roles of ${desired.emailAddress}`, () => resolveRoles(client, desired.roles));
      return { form: createForm(desired, ids), ids, space };
    },
    send: (client, { form, space }, desired) => client.createAccount(form, secretsOf(desired), space),
    // Sent again only when the look-up proves no account has this email address.
    findOwnCreate: (client, { ids }, desired, lost) => findOwnCreate(client, desired, ids, lost.startedAt),
    duplicate: isDuplicate,
    refused: (client, _plan, desired, e, action) => refused(client, desired.emailAddress, action, e),
    finish: (_client, account, desired) => ({ id: String(account.id), outs: outputsFrom(desired, account) }),
  },

  adopt: {
    fetch: (client, id) => client.getAccount(id),
    notFound: () => ({ detail: `(GET ${PATHS.account} answered 404)`, todo: "Check the id in the Admin Portal (Users) or remove importId to create a new API user" }),
    guard(_client, account, desired) {
      if (account.superUser) return { reason: `it is the tenant's super user (${account.uid})`, todo: "It cannot be managed as an API user: adopt another account" };
      const email = account.emailAddress ?? account.uid;
      if (email.toLowerCase() !== desired.emailAddress.toLowerCase()) {
        return { reason: `it is the account ${email}, but emailAddress is "${desired.emailAddress}"`, todo: `The email address cannot change in place: set emailAddress to "${email}"` };
      }
      const username = account.username ?? email;
      const wanted = desired.username ?? desired.emailAddress;
      if (username.toLowerCase() !== wanted.toLowerCase()) {
        return { reason: `it has the username "${username}", but the inputs ask for "${wanted}"`, todo: `The username cannot change in place: set username to "${username}"` };
      }
      return undefined;
    },
    async current(client, account, _desired, notes) {
      const id = String(account.id);
      if (isApiUserAccount(account) === false) {
        notes.warn(`${KIND} importId "${id}": Ivanti reports this account as accountType ${account.accountType ?? "(not an API user)"}, not an API user; it is adopted as it is`);
      }
      const held = await vendorCall(KIND, `read the roles of account ${id}`, () => client.heldRoles(id));
      // The current password cannot be read: a declared one is set, none leaves the account's own.
      return { id, current: liveOutputs(account, held ?? [], {}, client.tenant.iseRole) };
    },
  },
  converge,

  async read(client, id, props) {
    const account = await vendorCall(KIND, `read API user ${id}`, () => client.getAccount(id));
    if (!account) {
      await confirmGone(client, id, props.uid ?? props.emailAddress, "read");
      return {};
    }
    const held = await vendorCall(KIND, `read the roles of API user ${id}`, () => client.heldRoles(id));
    if (!held) return {};
    const outs = liveOutputs(account, held, props, client.tenant.iseRole);
    return { id, props: outs, inputs: inputsOf(outs) };
  },

  async remove(client, id, props) {
    const uid = props.uid ?? props.emailAddress;
    const r = await vendorCall(KIND, `delete API user ${id}`, () => client.deleteAccount(id));
    const call = r.form === "single" ? `DELETE ${PATHS.deleteAccount}?id=` : `DELETE ${PATHS.deleteAccounts}?ids=`;
    if (r.outcome === "deleted") return;
    if (r.outcome === "notFound") {
      await confirmGoneBySearch(client, id, uid, call);
      return;
    }
    throw new ApiIdentityError(`${KIND}: delete API user ${id}: Ivanti did not delete it (${r.reason}). Fix that in the Admin Portal (Users) and run the command again, or remove the resource from the stack with 'pulumi state delete' to leave the account in place.`);
  },
});
