// `apiidentity check ise`: the Ivanti contract (contract.ts) tried against a real tenant with the
// provider's own settings. Read-only by default; with `write`, one throw-away API user is created,
// updated and deleted, and nothing else is touched.
import { randomBytes } from "node:crypto";
import type { ProbeRecorder, Probe, ProbeOptions, WriteTrial } from "../../probe.js";
import { ACCOUNT_SOURCES, ADMIN_ROLES, API_ACCOUNT_TYPES, INVITE_STATES, ISE_ROLE_NAMES, MAX_ROWS, PATHS, VENDOR } from "./contract.js";
import { isApiUserAccount, ivantiClient, type IvantiClient } from "./client.js";
import { sameCaseless } from "../../caseless.js";
import type { IseRole } from "./ise-role.js";
import { createForm, roleNames } from "./mappers.js";
import type { WireAccount, WireRole } from "./wire.js";
import { audit } from "./audit.js";

/** The delete: which of the two forms the tenant answers. */
const DELETE_TOPIC = `delete form: DELETE ${PATHS.deleteAccount}?id= (public client code), else DELETE ${PATHS.deleteAccounts}?ids= (older, INFERRED)`;

async function run(rec: ProbeRecorder, options: ProbeOptions): Promise<void> {
  rec.lastUse(audit.lastUsed?.field);
  const client = ivantiClient(options.settings);
  const ise = client.tenant.iseRole;
  const login = client.login;

  const first = await rec.authenticate(`HTTP Basic as ${login} (GET ${PATHS.searchAccounts})`, () => client.accountPage(0, MAX_ROWS));

  // Accounts: every page, by totalCount.
  const accounts = await rec.call(`GET ${PATHS.searchAccounts} lists every account, paged by totalCount`, () => client.listAccounts());
  if (accounts) {
    const total = first.totalCount ?? accounts.length;
    rec.expect(
      `GET ${PATHS.searchAccounts} lists every account, paged by totalCount`,
      accounts.length >= total,
      `${accounts.length} accounts read; totalCount ${total}; the first page held ${first.rows.length} rows for ${MAX_ROWS} asked`,
      `read ${accounts.length} accounts but totalCount says ${total}`,
    );
    checkAccountType(rec, accounts);
  }

  // The provider's own account: what it may do.
  const self = accounts?.find((a) => sameCaseless(a.uid, login) || sameCaseless(a.username, login) || sameCaseless(a.emailAddress, login));
  let selfRoles: string[] | undefined;
  if (!self) {
    rec.leaveOpen("the provider's own account is listed", `no account has the uid or username ${login}; its roles (and so its permissions) cannot be read`);
  } else {
    const got = await rec.call(`GET ${PATHS.account} reads one account (INFERRED path)`, () => client.getAccount(String(self.id)));
    if (got !== undefined) rec.confirm(`GET ${PATHS.account} reads one account (INFERRED path)`, `account ${self.id} read`, true);
    else if (accounts) rec.contradict(`GET ${PATHS.account} reads one account (INFERRED path)`, `answered 404 for account ${self.id}, which the documented list holds`, true);
    const held = await rec.call(`GET ${PATHS.accountRoles} lists the roles an account holds (UNDOCUMENTED call)`, () => client.heldRoles(String(self.id)));
    if (held) {
      selfRoles = roleNames(held);
      rec.confirm(`GET ${PATHS.accountRoles} lists the roles an account holds (UNDOCUMENTED call)`, `${login} holds ${selfRoles.length} roles`, true);
    }
  }
  recordPermissions(rec, self, selfRoles, ise);

  // The role catalogue and the ISE role under either spelling (or the setting).
  const catalogue = await rec.call(`GET ${PATHS.roles} lists the role catalogue (UNDOCUMENTED call)`, () => client.roles(true));
  let iseRole: WireRole | undefined;
  if (catalogue) {
    rec.confirm(`GET ${PATHS.roles} lists the role catalogue (UNDOCUMENTED call)`, `${catalogue.length} roles`, true);
    const matches = catalogue.filter((r) => ise.is(r.name));
    iseRole = matches[0];
    const names = ise.names.map((n) => `"${n}"`).join(" or ");
    rec.expect(
      "the Cisco ISE role is in the catalogue",
      matches.length > 0,
      `found as "${iseRole?.name}" (id ${iseRole?.id})${ise.configured ? " (provider setting ivantiIseRoleName)" : ""}`,
      `no role named ${names}; roles listed: ${catalogue.map((r) => r.name).join(", ")}. Set the provider setting ivantiIseRoleName (IVANTI_ISE_ROLE_NAME) to this tenant's name of the role`,
    );
  }

  // The default device space: where space-specific roles are held when ivantiDmPartitionId is not set.
  const spaceTopic = `GET ${PATHS.tenantMetadata} names the default device space (defaultDmPartitionId)`;
  const space = await rec.call(spaceTopic, () => client.defaultSpaceId());
  if (space !== undefined) rec.confirm(spaceTopic, `default space ${space}`);

  if (!options.write) {
    const why = "only a write trial (--write) tries it";
    rec.leaveOpen("create an API user: accounts[0].password, names, enabled, accountType=API, roles[j] (INFERRED fields)", why, true);
    rec.leaveOpen(`"Update User Account" as PUT ${PATHS.account} (INFERRED path)`, why, true);
    rec.leaveOpen(`PUT ${PATHS.accountRoles} replaces the roles an account holds (UNDOCUMENTED call)`, why, true);
    rec.leaveOpen(DELETE_TOPIC, why);
    return;
  }
  rec.write = await writeTrial(rec, client, options.throwAwayName, iseRole);
}

/** Whether accounts carry `accountType`, and whether its values name API users as contract.ts guesses. */
function checkAccountType(rec: ProbeRecorder, accounts: WireAccount[]): void {
  const values = [...new Set(accounts.map((a) => a.accountType).filter((v): v is string => typeof v === "string" && v !== ""))];
  if (values.length === 0) {
    rec.leaveOpen("accounts carry accountType", `none of the ${accounts.length} accounts has the field; API users are then recognised only by the older apiUser flag, when present`, true);
    return;
  }
  rec.confirm("accounts carry accountType", `values seen: ${values.join(", ")}`);
  for (const [field, known] of [["accountSource", ACCOUNT_SOURCES], ["inviteState", INVITE_STATES]] as const) {
    const seen = [...new Set(accounts.map((a) => a[field]).filter((v): v is string => typeof v === "string" && v !== ""))];
    const other = seen.filter((v) => !(known as readonly string[]).includes(v));
    // Unknown values are read as they come; the finding only says the list in the docs is incomplete.
    if (other.length) rec.confirm(`${field} values`, `values seen beyond the ones a real answer shows (${known.join(", ")}): ${other.join(", ")}; read as sent`);
  }
  const api = values.filter((v) => (API_ACCOUNT_TYPES as readonly string[]).includes(v.toUpperCase()));
  if (api.length) rec.confirm(`API users have accountType ${API_ACCOUNT_TYPES.join(" / ")}`, `seen: ${api.join(", ")}`);
  else rec.leaveOpen(`API users have accountType ${API_ACCOUNT_TYPES.join(" / ")}`, `no account has this value (seen: ${values.join(", ")}); there may be no API user yet`);
}

function recordPermissions(rec: ProbeRecorder, self: WireAccount | undefined, roles: string[] | undefined, iseRole: IseRole): void {
  const admin = "Tenant Admin: super user, or the System Management or User Management role";
  const adminFor = "creating, updating and deleting API users (the guide: these calls require Tenant Admin credentials)";
  const ise = `${ISE_ROLE_NAMES[0]} held by the provider's account`;
  const iseFor = "assigning the ISE role (Ivanti: users cannot assign permissions they do not already have)";
  if (self?.superUser) {
    rec.permission(admin, "granted", adminFor, "the provider's account is the tenant's super user");
    rec.permission(ise, "granted", iseFor, "the super user holds every role");
    return;
  }
  if (!roles) {
    rec.permission(admin, "unknown", adminFor);
    rec.permission(ise, "unknown", iseFor);
    return;
  }
  const hasAdmin = roles.some((r) => ADMIN_ROLES.some((x) => sameCaseless(r, x)));
  rec.permission(admin, hasAdmin ? "granted" : "missing", adminFor, `roles held: ${roles.join(", ") || "none"}`);
  rec.permission(ise, roles.some(iseRole.is) ? "granted" : "missing", iseFor, `roles held: ${roles.join(", ") || "none"}`);
}

/** A password that meets the usual tenant policy (four character classes, 20 characters). */
function throwAwayPassword(): string {
  return `Ck-${randomBytes(12).toString("base64url")}-a1B`;
}

/**
 * Creates, updates and deletes one API user named `name`, and confirms it is gone. Every later step
 * acts only on the id the create answered with, and only while its uid is the throw-away address.
 */
async function writeTrial(rec: ProbeRecorder, client: IvantiClient, name: string, iseRole: WireRole | undefined): Promise<WriteTrial> {
  const trial: WriteTrial = { name, created: false, updated: false, deleted: false, confirmedGone: false };
  if (!iseRole) {
    trial.problem = "not tried: the Cisco ISE role was not found in the catalogue, and an API user for ISE needs it";
    return trial;
  }
  const domain = client.login.includes("@") ? client.login.split("@").pop() : "example.com";
  const email = `${name}@${domain}`;
  const password = throwAwayPassword();
  let id: string | undefined;
  try {
    const topic = "create an API user: accounts[0].password, names, enabled, accountType=API, roles[j] (INFERRED fields)";
    const form = createForm({ emailAddress: email, username: name, displayName: name, password, roles: [iseRole.name], enabled: true }, [iseRole.id]);
    const created = await rec.call(topic, () => client.createAccount(form, [password]));
    if (!created) return { ...trial, problem: "the create failed; nothing was made" };
    id = String(created.id);
    trial.created = true;
    if (!sameCaseless(created.uid, email)) {
      rec.contradict(topic, `the answer names account ${created.id} with uid ${created.uid}, not ${email}; it is left alone`, true);
      return { ...trial, problem: `account ${created.id} answered with another uid; check it in the Admin Portal (Users)` };
    }
    rec.confirm(topic, `account ${id} created`, true);
    const apiUser = isApiUserAccount(created);
    if (apiUser === undefined) rec.leaveOpen("accountType=API on create makes an API user", "the answer carries neither accountType nor apiUser", true);
    else rec.expect("accountType=API on create makes an API user", apiUser, `the answer says accountType ${created.accountType ?? "(apiUser true)"}`, `the answer says accountType ${created.accountType ?? "(apiUser false)"}`, true);

    const held = await rec.call(`GET ${PATHS.accountRoles} lists the roles an account holds (UNDOCUMENTED call)`, () => client.heldRoles(id!));
    if (held) rec.expect("roles[j] on create are held", held.some((r) => r.id === iseRole.id), `holds "${iseRole.name}"`, `holds ${roleNames(held).join(", ") || "no role"}, not "${iseRole.name}"`, true);

    const updateTopic = `"Update User Account" as PUT ${PATHS.account} (INFERRED path)`;
    const updated = await rec.call(updateTopic, () => client.updateAccount(id!, { displayName: `${name} updated` }, []));
    if (updated) {
      trial.updated = true;
      rec.expect(updateTopic, updated.displayName === `${name} updated`, "displayName changed", `displayName reads ${updated.displayName ?? "(none)"} after the update`, true);
    }
    const rolesTopic = `PUT ${PATHS.accountRoles} replaces the roles an account holds (UNDOCUMENTED call)`;
    const replaced = await rec.call(rolesTopic, () => client.replaceRoles(id!, [iseRole.id], undefined));
    if (replaced) rec.confirm(rolesTopic, `account ${id} holds ${roleNames(replaced).join(", ")}`, true);
  } finally {
    if (id !== undefined && trial.created) await deleteTrial(rec, client, id, email, trial);
  }
  return trial;
}

async function deleteTrial(rec: ProbeRecorder, client: IvantiClient, id: string, email: string, trial: WriteTrial): Promise<void> {
  const leftBehind = `account ${id} (${email}) may be left behind: delete it in the Admin Portal (Users)`;
  const result = await rec.call(DELETE_TOPIC, () => client.deleteAccount(id));
  if (result) {
    const form = result.form === "single" ? `DELETE ${PATHS.deleteAccount}?id= (the form of public client code)` : `DELETE ${PATHS.deleteAccounts}?ids= (the older form; DELETE ${PATHS.deleteAccount}?id= answered 404 or 405)`;
    const detail = result.outcome === "deleted" ? `account ${id} deleted` : result.outcome === "notFound" ? `account ${id} not found` : `account ${id} not deleted: ${result.reason}`;
    rec.expect(DELETE_TOPIC, result.outcome === "deleted", `the tenant answered ${form}: ${detail}`, `the tenant answered ${form}: ${detail}`);
  }
  trial.deleted = result?.outcome === "deleted";
  const still = await rec.call(`GET ${PATHS.searchAccounts} confirms the throw-away account is gone`, () => client.findAccounts("uid", email));
  trial.confirmedGone = still !== undefined && !still.some((a) => String(a.id) === id);
  if (!trial.confirmedGone) trial.problem = leftBehind;
  else rec.confirm(`GET ${PATHS.searchAccounts} confirms the throw-away account is gone`, `no account ${email}`);
}

export const probe: Probe = { key: "ivanti", vendor: VENDOR, run };
