// `apiidentity check controlroom`: the Control Room contract (contract.ts) tried against a real
// Control Room with the provider's own settings. Read-only unless `options.write`; then it creates,
// updates and deletes one throw-away user named `options.throwAwayName`, and nothing else.
import { randomBytes } from "node:crypto";
import * as z from "zod";
import type { ProbeRecorder, Probe, ProbeOptions, WriteTrial } from "../../probe.js";
import { VendorError } from "../../http/index.js";
import { ControlRoomClient, controlRoomSettings, tokenClaims, type HeldPermission } from "./client.js";
import { ADMIN_ROLE, INFERRED, PATHS, PERMISSIONS, VENDOR } from "./contract.js";
import { PASSWORD_RULE } from "./inputs.js";
import { toBody } from "./mappers.js";
import type { WireRole, WireUser } from "./wire.js";
import { audit } from "./audit.js";

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** True when the login answer lists this Action | Resource type pair (both must match). */
export function holds(held: readonly HeldPermission[], p: { action: string; resourceType: string }): boolean {
  return held.some((h) => same(h.action, p.action) && same(h.resourceType, p.resourceType));
}

const pair = (p: { action: string; resourceType: string }) => `${p.action}|${p.resourceType}`;

function recordPermissions(rec: ProbeRecorder, client: ControlRoomClient, readUsers: boolean, readRoles: boolean): void {
  const me = client.loginUser;
  const admin = me?.roleNames.some((r) => same(r, ADMIN_ROLE)) ?? false;
  const held = me?.permissions;
  for (const p of PERMISSIONS) {
    if (admin) rec.permission(p.name, "granted", p.neededFor, `the provider's user '${me?.username ?? me?.id}' holds ${ADMIN_ROLE}`);
    else if (held && holds(held, p)) rec.permission(p.name, "granted", p.neededFor, `the login answer lists ${pair(p)}`);
    else if (p.name === "View users" && readUsers) rec.permission(p.name, "granted", p.neededFor, "users/list answered");
    else if (p.name === "View roles" && readRoles) rec.permission(p.name, "granted", p.neededFor, "roles/list answered");
    else if (held) rec.permission(p.name, "missing", p.neededFor, `the login answer lists ${held.length} permissions, none is ${pair(p)} (action ${p.action} on resource type ${p.resourceType})`);
    else rec.permission(p.name, "unknown", p.neededFor, "the login answer lists no permissions");
  }
  const topic = "permissions listed as Action | Resource type pairs";
  if (!held?.length) rec.leaveOpen(topic, "the login answer lists no permissions");
  else {
    const ours = PERMISSIONS.filter((p) => holds(held, p));
    rec.confirm(topic, ours.length ? `the login answer lists ${ours.map(pair).join(", ")}` : `the login answer lists ${held.length} pairs, none of the ones the provider needs`);
  }
}

function recordLogin(rec: ProbeRecorder, client: ControlRoomClient, token: string | undefined): void {
  const topic = "a missing v2 login answers 404 (the client then uses v1 for login and user management)";
  if (client.generation === "v1") {
    rec.confirm("login path", `POST ${PATHS.v2.login} answered 404 and POST ${PATHS.v1.login} answered: a Control Room older than Automation 360 v.33; the provider logs in on v1`);
    rec.confirm(topic, `POST ${PATHS.v2.login} answered 404`, true);
  } else {
    rec.confirm("login path", `POST ${PATHS.v2.login} answered`);
    rec.leaveOpen(topic, "v2 answered, so the fallback was not needed", true);
  }
  const { iat, exp } = token ? tokenClaims(token) : {};
  if (iat !== undefined && exp !== undefined) rec.confirm("token lifetime read from the JWT's iat/exp", `the token lives ${exp - iat} s`, true);
  else rec.leaveOpen("token lifetime read from the JWT's iat/exp", `the token carries no readable iat/exp: the client assumes ${INFERRED.defaultTokenLifetimeSeconds} s and logs in again on 401`, true);
}

function recordUsers(rec: ProbeRecorder, client: ControlRoomClient, users: readonly WireUser[]): void {
  rec.confirm(
    "user-management generation",
    client.generation === "v1"
      ? `POST ${PATHS.v1.usersList} answered after the v1 login: a legacy Control Room; the provider uses v1 there`
      : `POST ${PATHS.v2.usersList} answered: a current Control Room (v2 user management); the provider sends no v1 call there`,
  );
  const documented = new Set<string>(INFERRED.documentedLicenseFeatures);
  const extra = [...new Set(users.flatMap((u) => u.licenseFeatures ?? []).filter((f) => !documented.has(f)))];
  rec.confirm(
    "licenseFeatures read as an open list",
    extra.length ? `features beyond the documented five are in use: ${extra.join(", ")} (read and kept)` : `only documented features seen across ${users.length} users`,
    true,
  );
  const loose = users.filter((u) => u.email && !z.email().safeParse(u.email).success).length;
  if (loose) rec.confirm("email: a stricter format than local@domain is only a warning", `${loose} users hold an email the strict reading would refuse`, true);
  else rec.leaveOpen("email: a stricter format than local@domain is only a warning", "every email seen passes the strict reading", true);
  const flagged = users.filter((u) => u.deleted === true).length;
  rec.leaveOpen("a user with deleted: true counts as gone", flagged ? `${flagged} listed users carry deleted: true` : "no listed user carries deleted: true", true);
}

function recordRoles(rec: ProbeRecorder, client: ControlRoomClient, roles: readonly WireRole[]): void {
  const paging = client.rolePaging;
  rec.expect(
    `roles/list pages of ${INFERRED.pageLength} rows until the total`,
    paging !== undefined && (paging.total === undefined || paging.total === paging.rows),
    `${paging?.rows ?? roles.length} roles in ${paging?.pages ?? 1} page(s) of at most ${INFERRED.pageLength}${paging?.total !== undefined ? `; page.total ${paging.total}` : ""}`,
    `read ${paging?.rows ?? roles.length} roles in ${paging?.pages ?? "?"} page(s), but the Control Room reports ${paging?.total ?? "?"}`,
    true,
  );
  const names = roles.map((r) => r.name.toLowerCase());
  const twins = names.filter((n, i) => names.indexOf(n) !== i).length;
  if (twins) rec.contradict("role names are unique ignoring case", `${twins} role names repeat with other letter case (the client then needs the exact spelling)`, true);
  else rec.confirm("role names are unique ignoring case", `${roles.length} roles, no two differ only in case`, true);
}

/** Read-only probes of the INFERRED lookups: `eq` on username, case-insensitive match, 404 for an unknown id, the error body. */
async function recordLookups(rec: ProbeRecorder, client: ControlRoomClient, users: readonly WireUser[]): Promise<void> {
  const me = client.loginUser;
  if (me?.username) {
    const found = await rec.call("users/list filters with eq on username", () => client.findUsersByName(me.username!));
    if (found) rec.expect("users/list filters with eq on username", found.some((u) => u.id === me.id), `the search for '${me.username}' finds the provider's own user`, `the search for '${me.username}' does not find the provider's own user (id ${me.id})`, true);
    const upper = await rec.call("usernames compare ignoring case", () => client.findUsersByName(me.username!.toUpperCase()));
    if (upper?.some((u) => u.id === me.id)) rec.confirm("usernames compare ignoring case", `the search for '${me.username!.toUpperCase()}' finds '${me.username}'`, true);
    else if (upper) rec.leaveOpen("usernames compare ignoring case", "the search in other letter case found nothing (the filter may compare exactly; uniqueness is not shown)", true);
  } else rec.leaveOpen("users/list filters with eq on username", "the login answer carries no username", true);

  const unknownId = String(Math.max(0, ...users.map((u) => u.id)) + 987_654);
  const unknown = await rec.call("an unknown user id answers 404", async () => ({ user: await client.getUser(unknownId) }));
  if (unknown) rec.expect("an unknown user id answers 404", unknown.user === undefined, `GET of id ${unknownId} answered 404`, `GET of id ${unknownId} answered a user`, true);

  const path = PATHS[client.generation ?? "v2"].usersList;
  const bad = await rec.call("error body {code, details, message}", () =>
    client.http.request({ method: "POST", path, json: { filter: { operator: "no-such-operator", field: "username", value: "x" }, page: { offset: 0, length: 1 } }, accept: [400, 422], retrySafe: true }),
  );
  if (bad) {
    const body = bad.body as Record<string, unknown> | undefined;
    const shaped = body !== null && typeof body === "object" && typeof body.message === "string";
    if (bad.status < 400) rec.leaveOpen("error body {code, details, message}", `POST ${path} with an unknown filter operator answered ${bad.status}, not an error`, true);
    else
      rec.expect(
        "error body {code, details, message}",
        shaped,
        `HTTP ${bad.status} with ${Object.keys(body ?? {}).join(", ")}; details is ${Array.isArray(body?.details) ? "a list" : typeof body?.details}`,
        `HTTP ${bad.status} with a body of other shape (${body && typeof body === "object" ? Object.keys(body).join(", ") : typeof body}); the client falls back to the raw text`,
        true,
      );
  }
}

function throwAwayPassword(): string {
  const core = randomBytes(12).toString("base64").replace(/[^A-Za-z0-9]/g, "").slice(0, 9);
  const pw = `Ck${core}-7`;
  return PASSWORD_RULE.test(pw) ? pw : "Ck_Check-2024";
}

/** `--write`: one disabled throw-away user holding the least role found, created, updated, deleted. */
async function writeTrial(rec: ProbeRecorder, client: ControlRoomClient, roles: readonly WireRole[], name: string): Promise<WriteTrial> {
  const trial: WriteTrial = { name, created: false, updated: false, deleted: false, confirmedGone: false };
  const before = await rec.call("users/list before the write trial", () => client.findUsersByName(name));
  if (!before) {
    trial.problem = "could not look up the throw-away name first; nothing was created";
    return trial;
  }
  if (before.length) {
    trial.problem = `a user named '${name}' already exists (id ${before[0]!.id}); nothing was created or changed`;
    return trial;
  }
  const role = roles.find((r) => r.name === "AAE_Basic") ?? [...roles].sort((a, b) => a.name.localeCompare(b.name))[0];
  if (!role) {
    trial.problem = "the roles list is empty, and a user needs a role; nothing was created";
    return trial;
  }
  const inputs = { username: name, email: `${name}@example.com`, password: throwAwayPassword(), roles: [role.name], description: "apiidentity check: throw-away user", disabled: true };
  const paths = PATHS[client.generation ?? "v2"];
  const created = await rec.call(`POST ${paths.users} (throw-away user '${name}')`, () => client.createUser(toBody(inputs, [role.id], { create: true, password: true })));
  if (!created) {
    trial.problem = `the create failed; if a user named '${name}' exists, delete it in the Control Room (Administration > Users)`;
    return trial;
  }
  trial.created = true;
  const id = String(created.id);
  rec.expect("create answers the user object", created.username.toLowerCase() === name.toLowerCase(), `created user ${id} on ${client.generation ?? "v2"}`, `the create answer names '${created.username}'`, true);
  rec.expect("the password is never returned, only passwordSet", created.passwordSet === true && !("password" in created), "passwordSet: true, no password field", "the create answer carries a password field or no passwordSet", true);
  try {
    const updatedInputs = { ...inputs, description: `${inputs.description} (updated)`, firstName: "Check" };
    const body = toBody(updatedInputs, [role.id], { create: false, password: false });
    const topic = "PUT carrying the unchanged username (no domain) updates in place, keeping the password";
    const put = `PUT ${paths.user}`;
    let updated: WireUser | undefined;
    try {
      updated = await client.updateUser(id, body);
    } catch (e) {
      // A refusal of the body is the answer to the question, not an outage.
      if (e instanceof VendorError && (e.status === 400 || e.status === 422)) rec.contradict(topic, `the Control Room refused a ${put} carrying username '${body.username}' unchanged: ${e.vendorMessage}`, true);
      else rec.fail(topic, e);
    }
    if (!updated) trial.problem = `the Control Room did not accept a ${put} carrying the unchanged username '${body.username}' (see "${topic}")`;
    else {
      trial.updated = updated.description === updatedInputs.description && updated.firstName === "Check";
      rec.expect(
        topic,
        trial.updated && updated.passwordSet === true,
        `the Control Room accepted a ${put} carrying username '${body.username}' unchanged: description and firstName changed, passwordSet still true`,
        `the Control Room answered a ${put} carrying username '${body.username}', but the answer does not show the change, or lost the password`,
        true,
      );
      if (typeof updated.version === "number" && typeof created.version === "number") rec.expect("version grows with each PUT", updated.version > created.version, `version ${created.version} → ${updated.version}`, `version ${created.version} → ${updated.version}`, true);
    }
  } finally {
    const deleted = await rec.call(`DELETE ${paths.user} (throw-away user)`, () => client.deleteUser(id));
    trial.deleted = deleted === true;
    const after = trial.deleted ? await rec.call(`GET ${paths.user} after the delete`, async () => ({ user: await client.getUser(id) })) : undefined;
    trial.confirmedGone = trial.deleted && after !== undefined && after.user === undefined;
    rec.expect("DELETE answers 200 or 204; a read afterwards answers 404", trial.confirmedGone, `user ${id} is gone`, `user ${id} may still exist`, true);
    if (!trial.confirmedGone) trial.problem = `the throw-away user ${id} ('${name}') may still exist: delete it in the Control Room (Administration > Users)`;
  }
  return trial;
}

async function run(rec: ProbeRecorder, options: ProbeOptions): Promise<void> {
  rec.lastUse(audit.lastUsed?.field);
  const settings = controlRoomSettings(options.settings);
  // A client of its own: it learns the Control Room's generation from scratch and records how.
  const client = new ControlRoomClient(settings);
  await rec.authenticate(`login as '${settings.username}' with ${settings.credential.kind === "apiKey" ? "an API key" : "a password"}`, () => client.authenticate());
  recordLogin(rec, client, client.tokenValue());
  const users = await rec.call("users/list answers {page, list[user]}", () => client.listUsers());
  if (users) recordUsers(rec, client, users);
  const roles = await rec.call("roles/list answers {page, list[role]}", () => client.listRoles(true));
  if (roles) recordRoles(rec, client, roles);
  recordPermissions(rec, client, users !== undefined, roles !== undefined);
  if (users) await recordLookups(rec, client, users);
  for (const topic of ["a duplicate username on create answers 409 (or 400)", "PUT replaces every mutable field (what is left out is reset)", "username and domain cannot change through PUT"]) {
    rec.leaveOpen(topic, "not tried: it would need a second user or a refused change at the Control Room", true);
  }
  if (options.write) {
    if (!roles) rec.write = { name: options.throwAwayName, created: false, updated: false, deleted: false, confirmedGone: false, problem: "the roles list could not be read; nothing was created" };
    else rec.write = await writeTrial(rec, client, roles, options.throwAwayName);
  } else {
    rec.leaveOpen("create answers 201 (or 200) with the user object", "not tried: run with --write", true);
  }
}

export const probe: Probe = { key: "automation-anywhere", vendor: VENDOR, run };
