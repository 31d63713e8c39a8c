// ControlRoomUser: a user of an Automation 360 Control Room, created through
// /v2/usermanagement/users (v1 on a legacy Control Room) with at least one role. Replaced when `username` or `domain` changes,
// updated in place (full-replace PUT) otherwise.
import { isOutcomeUnknown, VendorError } from "../../http/index.js";
import { asSet, caseless, checkWith, describeFailure, holdsUnknown, diffProperties, stripInternal, step, type CheckFailure, type DiffSpec, type ResourceHandler } from "../../resource.js";
import { controlRoom, hasSettings, readSettings, type ControlRoomClient } from "./client.js";
import { INFERRED, VENDOR } from "./contract.js";
import { advise, inputs, outputs, REPLACE_ON_CHANGES, SECRET_OUTPUTS, type Inputs, type Outputs } from "./inputs.js";
import { inputsOf, isFromCreate, liveInputs, toBody, toOutputs } from "./mappers.js";
import { resolveRoles, UnknownRolesError } from "./roles.js";
import type { UserBody, WireUser } from "./wire.js";

const KIND = "ControlRoomUser";
/** What the engine sends for a value not known yet during preview (e.g. another resource's output). */
/**
 * Tolerance when proving a lost create by its `createdOn`: small when the Control Room's clock is
 * known from the token's `iat` (whole seconds, plus latency), larger when it is not.
 */
const SKEW_KNOWN_CLOCK_MS = 2_000;
const SKEW_UNKNOWN_CLOCK_MS = 60_000;

export const diffSpec: DiffSpec<Inputs> = {
  properties: ["username", "email", "password", "roles", "firstName", "lastName", "description", "disabled", "enableAutoLogin", "licenseFeatures", "domain"],
  replaceOnChanges: REPLACE_ON_CHANGES,
  // Usernames and role names are case-insensitive at the Control Room; roles and licenses are sets.
  normalise: { username: caseless, roles: asSet, licenseFeatures: asSet },
  defaults: { disabled: false, enableAutoLogin: false, licenseFeatures: [] },
};


/** Role names that `olds` already resolved (no vendor call needed for them). */
function newRoleNames(news: readonly string[], olds: unknown): string[] {
  const prior = (olds as { roles?: unknown } | undefined)?.roles;
  const known = new Set(Array.isArray(prior) ? prior.filter((r): r is string => typeof r === "string").map((r) => r.toLowerCase()) : []);
  return news.filter((n) => !known.has(n.toLowerCase()));
}

export async function check(olds: unknown, news: unknown): Promise<{ inputs: Inputs; failures: CheckFailure[] }> {
  const { inputs: result, failures } = checkWith(inputs, news);
  // Role names are checked against the Control Room (read-only roles list, cached per process) only
  // when every other rule passed, the provider settings are there and a name is new: bad input
  // fails without a vendor call, and a steady state costs none.
  const roles = result.roles;
  if (failures.length === 0 && Array.isArray(roles) && !holdsUnknown(roles) && hasSettings()) {
    const fresh = newRoleNames(roles, olds);
    if (fresh.length) {
      try {
        await resolveRoles(controlRoom(), fresh);
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

function existsMessage(user: WireUser): string {
  return `a Control Room user named '${user.username}' already exists (id ${user.id}); choose another username, or adopt it with importId: "${user.id}"`;
}

/**
 * A create whose answer was lost: the user found under that name is taken only when it is provably
 * the one just created; undefined when no such user exists (the create never happened).
 */
async function recoverLostCreate(client: ControlRoomClient, body: UserBody, startedMs: number, cause: unknown): Promise<WireUser | undefined> {
  const username = body.username ?? "";
  const found = await step(KIND, `looking up user '${username}' after its create lost the answer`, () => client.findUsersByName(username));
  const user = found[0];
  if (!user) return undefined;
  const offset = client.clockOffsetMs;
  const proof = { startedMs: startedMs + (offset ?? 0), callerId: client.callerId, skewMs: offset === undefined ? SKEW_UNKNOWN_CLOCK_MS : SKEW_KNOWN_CLOCK_MS };
  if (isFromCreate(user, body, proof)) return user;
  const why = cause instanceof Error ? cause.message : String(cause);
  throw new Error(
    `${KIND}: creating user '${username}' lost its answer (${why}), and a user with that name now exists at ${VENDOR} (id ${user.id}) that cannot be proven to be the one just created. Check it in the Control Room, then adopt it with importId: "${user.id}" or delete it, and run 'pulumi up' again.`,
  );
}

async function createUser(client: ControlRoomClient, body: UserBody): Promise<WireUser> {
  const username = body.username ?? "";
  for (let attempt = 0; ; attempt++) {
    const startedMs = Date.now();
    try {
      return await client.createUser(body);
    } catch (e) {
      if (isOutcomeUnknown(e)) {
        const user = await recoverLostCreate(client, body, startedMs, e);
        if (user) return user;
        // Not there, so the create never happened. Usernames are unique at the vendor: one more try
        // cannot make a duplicate (at worst it answers 409).
        if (attempt === 0) continue;
        throw describeFailure(KIND, `creating user '${username}' (no user was created; run 'pulumi up' again)`, e);
      }
      if (e instanceof VendorError && (INFERRED.duplicateStatuses as readonly number[]).includes(e.status)) {
        // 409 (or 400 on some builds) may mean "already exists": say which user, so nothing is left unexplained.
        const existing = await client.findUsersByName(username).catch(() => []);
        if (existing[0]) throw new Error(`${KIND}: creating user '${username}' failed: ${existsMessage(existing[0])}.`);
      }
      throw describeFailure(KIND, `creating user '${username}'`, e);
    }
  }
}

/** Takes an existing user under management: read it, apply the declared inputs, report what changed. */
async function adopt(client: ControlRoomClient, news: Inputs, importId: string): Promise<{ id: string; outs: Outputs }> {
  const user = await step(KIND, `reading user ${importId} to adopt it`, () => client.getUser(importId));
  if (!user) throw new Error(`${KIND}: importId "${importId}": ${VENDOR} has no user with id ${importId} at ${readSettings().url}. Check the id in the Control Room (Administration > Users).`);
  if (client.callerId === user.id) {
    // A later destroy would delete the provider's own login and lock it out.
    throw new Error(`${KIND}: importId "${importId}" is the user the provider logs in with ('${user.username}'); it cannot be adopted. Manage another user, or log the provider in as a different user.`);
  }
  if (caseless(user.username) !== caseless(news.username)) {
    throw new Error(`${KIND}: importId "${importId}" is the user '${user.username}', but username is '${news.username}'. A username cannot change: set username to '${user.username}' or use another importId.`);
  }
  if ((user.domain ?? "") !== (news.domain ?? "")) {
    throw new Error(`${KIND}: importId "${importId}" has domain '${user.domain ?? ""}', but domain is '${news.domain ?? ""}'. A domain cannot change: declare the user's domain or use another importId.`);
  }
  // The live password is unknown, so a declared one counts as a change and is set.
  const current = toOutputs(user, { ...news, password: undefined });
  const { changed } = diffProperties(inputsOf(current), news, diffSpec);
  let live = user;
  if (changed.length) {
    const roleIds = await step(KIND, "resolving roles", () => roleIdsFor(client, news.roles, current));
    const body = toBody(news, roleIds, { create: false, password: true });
    live = await step(KIND, `updating adopted user ${importId}`, () => client.updateUser(importId, body));
  }
  process.stderr.write(`apiidentity: adopted ${KIND} ${importId}; changed: ${changed.length ? changed.join(", ") : "nothing"}\n`);
  return { id: String(user.id), outs: toOutputs(live, news) };
}

export const controlRoomUser: ResourceHandler<Inputs, Outputs> = {
  kind: KIND,
  vendor: VENDOR,
  inputs,
  outputs,
  secretOutputs: SECRET_OUTPUTS,
  replaceOnChanges: REPLACE_ON_CHANGES,
  check,
  advise,
  diff: async (_id, olds, news) => diff(olds, news),

  async create(news) {
    const client = controlRoom();
    if (news.importId !== undefined) return adopt(client, news, news.importId);
    const roleIds = await step(KIND, "resolving roles", () => roleIdsFor(client, news.roles));
    const user = await createUser(client, toBody(news, roleIds, { create: true, password: true }));
    return { id: String(user.id), outs: toOutputs(user, news) };
  },

  async read(id, props) {
    const client = controlRoom();
    const user = await step(KIND, `reading user ${id}`, () => client.getUser(id));
    if (!user) return {};
    const prior = inputsOf(stripInternal(props) as Partial<Outputs>);
    return { id: String(user.id), props: toOutputs(user, prior), inputs: liveInputs(user, prior) };
  },

  async update(id, olds, news) {
    const client = controlRoom();
    const roleIds = await step(KIND, "resolving roles", () => roleIdsFor(client, news.roles, olds));
    // A password goes over the wire only when it changed; everything else is sent because PUT replaces the user.
    const body = toBody(news, roleIds, { create: false, password: news.password !== undefined && news.password !== olds.password });
    const user = await step(KIND, `updating user ${id}`, () => client.updateUser(id, body));
    return toOutputs(user, news);
  },

  async delete(id) {
    const client = controlRoom();
    await step(KIND, `deleting user ${id}`, () => client.deleteUser(id));
  },
};
