// Identities made straight through the vendor APIs at a sandbox, as a console user or a script would:
// no stack knows them. One of each kind, each with the roles, groups or entitlements asked for by the
// vendor's own names, so a test can make some of them administrative.
import type { Kind } from "../../sandbox/kinds.js";
import type { Sandbox } from "../../sandbox/server.js";
import type { ShippedTable } from "../shipped-kinds.js";

/** One identity made out of band: its kind, vendor id and vendor name. */
export interface OutOfBand {
  kind: Kind;
  id: string;
  name: string;
}

/** What each out-of-band identity holds, by the vendor's names: Ivanti role ids, Control Room role ids, Verify entitlements, UiPath group ids. */
export interface OutOfBandRoles {
  ivantiRoleIds: readonly number[];
  controlRoomRoleIds: readonly number[];
  verifyEntitlements: readonly string[];
  uipathGroupIds: readonly string[];
}

const basic = (u: string, p: string) => "Basic " + Buffer.from(`${u}:${p}`).toString("base64");
const form = (o: Record<string, string>) => new URLSearchParams(o).toString();

async function send(url: string, init: RequestInit): Promise<Response> {
  const res = await fetch(url, init);
  if (res.status >= 300) throw new Error(`${init.method ?? "GET"} ${url} answered ${res.status}: ${await res.text()}`);
  return res;
}
const json = async <T>(url: string, init: RequestInit): Promise<T> => (await (await send(url, init)).json()) as T;
const post = (headers: Record<string, string>, body: string): RequestInit => ({ method: "POST", headers, body });

/** What each out-of-band identity is made with, per kind, in the vendor's own fields. */
export interface OutOfBandSpec {
  IseApiUser: { email: string; firstName: string; lastName: string; password: string; roleIds: readonly number[] };
  UptrendsApiAccount: { description: string };
  ControlRoomUser: { username: string; password: string; roleIds: readonly number[] };
  VerifyApiClient: { clientName: string; entitlements: readonly string[] };
  UiPathRobotAccount: { name: string; displayName?: string; groupIds?: readonly string[] };
}

/** One identity of each kind made through the vendor APIs at the sandbox, as `spec` says. */
export async function makeAtVendors(sb: Sandbox, spec: OutOfBandSpec): Promise<ShippedTable<OutOfBand>> {
  const v = sb.config().vendors;

  const iv = v.ivanti!;
  const ise = spec.IseApiUser;
  const account: Record<string, string> = {
    "accounts[0].emailAddress": ise.email,
    "accounts[0].accountSource": "LOCAL",
    "accounts[0].firstName": ise.firstName,
    "accounts[0].lastName": ise.lastName,
    "accounts[0].password": ise.password,
    "accounts[0].apiUser": "true",
    ...Object.fromEntries(ise.roleIds.map((id, i) => [`accounts[0].roles[${i}]`, String(id)])),
  };
  const ivanti = await json<{ result: { id: number } }>(
    `${iv.baseUrl}/api/v1/accounts?sendInvite=false`,
    post({ authorization: basic(iv.username!, iv.password!), "content-type": "application/x-www-form-urlencoded" }, form(account)),
  );

  const up = v.uptrends!;
  const uptrends = await json<{ ApiUserGuid: string }>(
    `${up.baseUrl}/ApiUser`,
    post({ authorization: basic(up.username!, up.password!), "content-type": "application/json" }, JSON.stringify({ OperatorGuid: up.operatorGuid, Description: spec.UptrendsApiAccount.description })),
  );

  const aa = v["automation-anywhere"]!;
  const cr = spec.ControlRoomUser;
  const { token } = await json<{ token: string }>(`${aa.baseUrl}/v2/authentication`, post({ "content-type": "application/json" }, JSON.stringify({ username: aa.username, apiKey: aa.apiKey })));
  const user = { username: cr.username, email: `${cr.username}@example.com`, password: cr.password, roles: cr.roleIds.map((id) => ({ id })), licenseFeatures: ["RUNTIME"] };
  const controlRoom = await json<{ id: number }>(`${aa.baseUrl}/v2/usermanagement/users`, post({ "x-authorization": token, "content-type": "application/json" }, JSON.stringify(user)));

  const ve = v["ibm-verify"]!;
  const vt = await json<{ access_token: string }>(
    `${ve.baseUrl}/oauth2/token`,
    post({ "content-type": "application/x-www-form-urlencoded" }, form({ grant_type: "client_credentials", client_id: ve.clientId!, client_secret: ve.clientSecret! })),
  );
  const client = await send(
    `${ve.baseUrl}/v1.0/apiclients`,
    post({ authorization: `Bearer ${vt.access_token}`, "content-type": "application/json" }, JSON.stringify({ clientName: spec.VerifyApiClient.clientName, entitlements: spec.VerifyApiClient.entitlements, enabled: true })),
  );

  const ui = v.uipath!;
  const bot = spec.UiPathRobotAccount;
  const ut = await json<{ access_token: string }>(
    `${ui.baseUrl}/identity_/connect/token`,
    post({ "content-type": "application/x-www-form-urlencoded" }, form({ grant_type: "client_credentials", client_id: ui.clientId!, client_secret: ui.clientSecret!, scope: "PM.RobotAccount" })),
  );
  const robot = await json<{ id: string }>(
    `${ui.baseUrl}/${ui.organization}/identity_/api/RobotAccount`,
    post(
      { authorization: `Bearer ${ut.access_token}`, "content-type": "application/json" },
      JSON.stringify({ partitionGlobalId: ui.partitionGlobalId, name: bot.name, ...(bot.displayName ? { displayName: bot.displayName } : {}), ...(bot.groupIds ? { groupIDsToAdd: bot.groupIds } : {}) }),
    ),
  );

  return {
    IseApiUser: { kind: "IseApiUser", id: String(ivanti.result.id), name: ise.email },
    UptrendsApiAccount: { kind: "UptrendsApiAccount", id: uptrends.ApiUserGuid, name: spec.UptrendsApiAccount.description },
    ControlRoomUser: { kind: "ControlRoomUser", id: String(controlRoom.id), name: cr.username },
    VerifyApiClient: { kind: "VerifyApiClient", id: client.headers.get("location")!.split("/").pop()!, name: spec.VerifyApiClient.clientName },
    UiPathRobotAccount: { kind: "UiPathRobotAccount", id: robot.id, name: bot.name },
  };
}

/** The password of the Ivanti account that LEGACY makes (a test signs in with it). */
export const LEGACY_ISE_PASSWORD = "Legacy-Ise-Pass1";

/** The "legacy" identities a console user made before any stack existed: what discover and import adopt. */
export const LEGACY: OutOfBandSpec = {
  IseApiUser: { email: "legacy-ise@example.com", firstName: "Legacy", lastName: "ISE", password: LEGACY_ISE_PASSWORD, roleIds: [1006] },
  UptrendsApiAccount: { description: "legacy dashboard" },
  ControlRoomUser: { username: "legacy-runner", password: "Legacy#Run1", roleIds: [2] },
  VerifyApiClient: { clientName: "legacy-reports", entitlements: ["readReports"] },
  UiPathRobotAccount: { name: "legacy-robot", displayName: "Legacy robot" },
};

/** One identity of each kind at the sandbox, named `<prefix>-<kind>` (Uptrends: its description), made through the vendor APIs. */
export async function makeOutOfBand(sb: Sandbox, prefix: string, roles: OutOfBandRoles): Promise<OutOfBand[]> {
  const nameOf = (kind: Kind) => `${prefix}-${kind}`.toLowerCase();
  const made = await makeAtVendors(sb, {
    IseApiUser: { email: `${nameOf("IseApiUser")}@example.com`, firstName: "Out", lastName: "Of Band", password: "Out-Of-Band-Pass1", roleIds: roles.ivantiRoleIds },
    UptrendsApiAccount: { description: nameOf("UptrendsApiAccount") },
    ControlRoomUser: { username: nameOf("ControlRoomUser"), password: "Out#Of#Band1", roleIds: roles.controlRoomRoleIds },
    VerifyApiClient: { clientName: nameOf("VerifyApiClient"), entitlements: roles.verifyEntitlements },
    UiPathRobotAccount: { name: nameOf("UiPathRobotAccount"), groupIds: roles.uipathGroupIds },
  });
  return Object.values(made);
}

/** Ages identities `days` into the past with the sandbox's control call (`POST /_sandbox/age`): how many it moved. */
export async function ageAt(sb: Sandbox, days: number, ids: readonly string[]): Promise<number> {
  return (await json<{ aged: number }>(`${sb.url}/_sandbox/age`, post({ "content-type": "application/json" }, JSON.stringify({ days, ids })))).aged;
}
