// ControlRoomUser: a user of an Automation 360 Control Room, created through
// /v2/usermanagement/users (v1 on a legacy Control Room) with at least one role. Replaced when `username` or `domain` changes,
// updated in place (full-replace PUT) otherwise.
import { alreadyExists, vendorCall } from "../../errors.js";
import { VendorError } from "../../http/index.js";
import { defineResource, type Converged, type OwnCreate } from "../../lifecycle.js";
import { diffSpecOf } from "../../property-facts.js";
import { caseless, checkWith, holdsUnknown, diffProperties, stripInternal, type CheckFailure } from "../../resource.js";
import type { Settings } from "../../settings.js";
import { controlRoomClient, hasSettings, type ControlRoomClient } from "./client.js";
import { INFERRED, VENDOR } from "./contract.js";
import { advise, baseInputs, inputs, outputs, type Inputs, type Outputs } from "./inputs.js";
import { inputsOf, isFromCreate, liveInputs, toBody, toOutputs } from "./mappers.js";
import { resolveRoles, UnknownRolesError } from "./roles.js";
import type { UserBody, WireUser } from "./wire.js";

const KIND = "ControlRoomUser";
/**
 * Tolerance when proving a lost create by its `createdOn`: small when the Control Room's clock is
 * known from the token's `iat` (whole seconds, plus latency), larger when it is not.
 */
const SKEW_KNOWN_CLOCK_MS = 2_000;
const SKEW_UNKNOWN_CLOCK_MS = 60_000;

/** How ControlRoomUser inputs compare, as inputs.ts declares them. */
export const diffSpec = diffSpecOf(baseInputs);


/** Role names that `olds` already resolved (no vendor call needed for them). */
function newRoleNames(news: readonly string[], olds: unknown): string[] {
  const prior = (olds as { roles?: unknown } | undefined)?.roles;
  const known = new Set(Array.isArray(prior) ? prior.filter((r): r is string => typeof r === "string").map((r) => r.toLowerCase()) : []);
  return news.filter((n) => !known.has(n.toLowerCase()));
}

export async function check(olds: unknown, news: unknown, settings: Settings): Promise<{ inputs: Inputs; failures: CheckFailure[] }> {
  const { inputs: result, failures } = checkWith(inputs, news);
  // Role names are checked against the Control Room (read-only roles list, cached per process) only
  // when every other rule passed, the provider settings are there and a name is new: bad input
  // fails without a vendor call, and a steady state costs none.
  const roles = result.roles;
  if (failures.length === 0 && Array.isArray(roles) && !holdsUnknown(roles) && hasSettings(settings)) {
    const fresh = newRoleNames(roles, olds);
    if (fresh.length) {
      try {
        await resolveRoles(controlRoomClient(settings), fresh);
      } catch (e) {
        if (e instanceof UnknownRolesError) failures.push({ property: "roles", reason: e.message });
        // Anything else (network, credentials) is reported by create/update with its full context.
      }
    }
  }
  return { inputs: result, failures };
}

export function diff(olds: Outputs, news: Inputs) {
  const r = diffProperties(inputsOf(olds), news, diffSpec);
  // The same username cannot exist twice: a replace that keeps it must delete the old user first.
  const sameName = caseless(olds.username) === caseless(news.username);
  return { ...r, deleteBeforeReplace: r.replaces.length > 0 && sameName };
}

async function roleIdsFor(client: ControlRoomClient, names: readonly string[], olds?: Partial<Outputs>): Promise<number[]> {
  // Unchanged names reuse the ids in state: no roles list call on a plain update.
  const known = new Map<string, number>();
  const oldNames = olds?.roles ?? [];
  const oldIds = olds?.roleIds ?? [];
  if (oldNames.length === oldIds.length) oldNames.forEach((n, i) => known.set(n.toLowerCase(), oldIds[i]!));
  if (names.every((n) => known.has(n.toLowerCase()))) return names.map((n) => known.get(n.toLowerCase())!);
  return (await resolveRoles(client, names)).map((r) => r.id);
}

/**
 * A create whose answer was lost: the user found under that name is taken only when it is provably
 * the one just created (created since, by the provider's own user, with exactly the fields sent).
 */
async function findOwnCreate(client: ControlRoomClient, body: UserBody, startedMs: number): Promise<OwnCreate<WireUser>> {
  const [user] = await client.findUsersByName(body.username);
  if (!user) return { found: "none" };
  const offset = client.clockOffsetMs;
  const proof = { startedMs: startedMs + (offset ?? 0), callerId: client.callerId, skewMs: offset === undefined ? SKEW_UNKNOWN_CLOCK_MS : SKEW_KNOWN_CLOCK_MS };
  if (isFromCreate(user, body, proof)) return { found: "ours", made: user, id: String(user.id) };
  return { found: "unproven", id: String(user.id), what: `a user named '${user.username}' (id ${user.id})`, why: "its creation time, creator or fields differ from this request" };
}

/** Whether a refused create may say the user exists: 409 (or 400 on some builds, INFERRED). */
function mayBeDuplicate(e: unknown): boolean {
  return e instanceof VendorError && (INFERRED.duplicateStatuses as readonly number[]).includes(e.status);
}

/** 409 (or 400 on some builds) may mean "already exists": say which user, so nothing is left unexplained. */
async function refused(client: ControlRoomClient, username: string, action: string, e: unknown): Promise<Error | undefined> {
  if (!mayBeDuplicate(e)) return undefined;
  const [existing] = await client.findUsersByName(username).catch(() => []);
  if (!existing) return undefined;
  return alreadyExists(KIND, action, e, { vendor: VENDOR, existing: "a Control Room user with this name", id: existing.id, rename: "choose another username" });
}

/** Brings a live user to the declared inputs: one full-replace PUT when anything differs, none otherwise. */
async function converge(client: ControlRoomClient, id: string, current: { user: WireUser; outs: Outputs }, news: Inputs): Promise<Converged<Outputs>> {
  const { changed } = diffProperties(inputsOf(current.outs), news, diffSpec);
  let live = current.user;
  if (changed.length) {
    const roleIds = await vendorCall(KIND, "resolving roles", () => roleIdsFor(client, news.roles, current.outs));
    const body = toBody(news, roleIds, { create: false, password: true });
    live = await vendorCall(KIND, `updating user ${id}`, () => client.updateUser(id, body));
  }
  return { outs: toOutputs(live, news), changed };
}

export const controlRoomUser = defineResource({
  kind: KIND,
  vendor: VENDOR,
  noun: "user",
  console: "in the Control Room (Administration > Users)",
  inputs,
  outputs,
  client: (settings) => controlRoomClient(settings),
  check,
  advise,
  diff,

  create: {
    action: (news) => `creating user '${news.username}'`,
    async plan(client, news) {
      const roleIds = await vendorCall(KIND, "resolving roles", () => roleIdsFor(client, news.roles));
      return toBody(news, roleIds, { create: true, password: true });
    },
    send: (client, body) => client.createUser(body),
    // Usernames are unique at the vendor: once the look-up proves the lost create did not happen,
    // one more try cannot make a duplicate (at worst it answers 409).
    findOwnCreate: (client, body, _news, lost) => findOwnCreate(client, body, lost.startedAt),
    duplicate: mayBeDuplicate,
    refused: (client, _body, news, e, action) => refused(client, news.username, action, e),
    finish: (_client, user, news) => ({ id: String(user.id), outs: toOutputs(user, news) }),
  },

  adopt: {
    fetch: (client, importId) => client.getUser(importId),
    notFound: (_importId, _news, client) => ({ detail: `at ${client.url}`, todo: "Check the id in the Control Room (Administration > Users), or remove importId to create a new user" }),
    guard(client, user, news) {
      if (client.callerId === user.id) {
        // A later destroy would delete the provider's own login and lock it out.
        return { reason: `it is the user the provider logs in with ('${user.username}')`, todo: "Manage another user, or log the provider in as a different user" };
      }
      if (caseless(user.username) !== caseless(news.username)) {
        return { reason: `it is the user '${user.username}', but username is '${news.username}'`, todo: `A username cannot change: set username to '${user.username}' or use another importId` };
      }
      if ((user.domain ?? "") !== (news.domain ?? "")) {
        return { reason: `it has domain '${user.domain ?? ""}', but domain is '${news.domain ?? ""}'`, todo: "A domain cannot change: declare the user's domain or use another importId" };
      }
      return undefined;
    },
    // The live password is unknown, so a declared one counts as a change and is set.
    current: (_client, user, news) => ({ id: String(user.id), current: { user, outs: toOutputs(user, { ...news, password: undefined }) } }),
  },
  converge,

  async read(client, id, props) {
    const user = await vendorCall(KIND, `reading user ${id}`, () => client.getUser(id));
    if (!user) return {};
    const prior = inputsOf(stripInternal(props) as Partial<Outputs>);
    return { id: String(user.id), props: toOutputs(user, prior), inputs: liveInputs(user, prior) };
  },

  async update(client, id, olds, news) {
    const roleIds = await vendorCall(KIND, "resolving roles", () => roleIdsFor(client, news.roles, olds));
    // A password goes over the wire only when it changed; everything else is sent because PUT replaces the user.
    const body = toBody(news, roleIds, { create: false, password: news.password !== undefined && news.password !== olds.password });
    const user = await vendorCall(KIND, `updating user ${id}`, () => client.updateUser(id, body));
    return toOutputs(user, news);
  },

  async remove(client, id) {
    await vendorCall(KIND, `deleting user ${id}`, () => client.deleteUser(id));
  },
});
