// Identities made straight through the vendor APIs at a sandbox, as a console user or a script would:
// no stack knows them. One of each kind, each with the roles, groups or entitlements asked for by the
// vendor's own names, so a test can make some of them administrative.
import type { Kind } from "../../sandbox/kinds.js";
import type { Sandbox } from "../../sandbox/server.js";

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

/** One identity of each kind at the sandbox, named `<prefix>-<kind>` (Uptrends: its description), made through the vendor APIs. */
export async function makeOutOfBand(sb: Sandbox, prefix: string, roles: OutOfBandRoles): Promise<OutOfBand[]> {
  const v = sb.config().vendors;
  const nameOf = (kind: Kind) => `${prefix}-${kind}`.toLowerCase();
  const made: OutOfBand[] = [];

  const iv = v.ivanti!;
  const email = `${nameOf("IseApiUser")}@example.com`;
  const account: Record<string, string> = {
    "accounts[0].emailAddress": email,
    "accounts[0].accountSource": "LOCAL",
    "accounts[0].firstName": "Out",
    "accounts[0].lastName": "Of Band",
    "accounts[0].password": "Out-Of-Band-Pass1",
    "accounts[0].apiUser": "true",
    ...Object.fromEntries(roles.ivantiRoleIds.map((id, i) => [`accounts[0].roles[${i}]`, String(id)])),
  };
  const ivanti = await json<{ result: { id: number } }>(
    `${iv.baseUrl}/api/v1/accounts?sendInvite=false`,
    post({ authorization: basic(iv.username!, iv.password!), "content-type": "application/x-www-form-urlencoded" }, form(account)),
  );
  made.push({ kind: "IseApiUser", id: String(ivanti.result.id), name: email });

  const up = v.uptrends!;
  const uptrends = await json<{ ApiUserGuid: string }>(
    `${up.baseUrl}/ApiUser`,
    post({ authorization: basic(up.username!, up.password!), "content-type": "application/json" }, JSON.stringify({ OperatorGuid: up.operatorGuid, Description: nameOf("UptrendsApiAccount") })),
  );
  made.push({ kind: "UptrendsApiAccount", id: uptrends.ApiUserGuid, name: nameOf("UptrendsApiAccount") });

  const aa = v["automation-anywhere"]!;
  const { token } = await json<{ token: string }>(`${aa.baseUrl}/v2/authentication`, post({ "content-type": "application/json" }, JSON.stringify({ username: aa.username, apiKey: aa.apiKey })));
  const user = {
    username: nameOf("ControlRoomUser"),
    email: `${nameOf("ControlRoomUser")}@example.com`,
    password: "Out#Of#Band1",
    roles: roles.controlRoomRoleIds.map((id) => ({ id })),
    licenseFeatures: ["RUNTIME"],
  };
  const controlRoom = await json<{ id: number }>(`${aa.baseUrl}/v2/usermanagement/users`, post({ "x-authorization": token, "content-type": "application/json" }, JSON.stringify(user)));
  made.push({ kind: "ControlRoomUser", id: String(controlRoom.id), name: user.username });

  const ve = v["ibm-verify"]!;
  const vt = await json<{ access_token: string }>(
    `${ve.baseUrl}/oauth2/token`,
    post({ "content-type": "application/x-www-form-urlencoded" }, form({ grant_type: "client_credentials", client_id: ve.clientId!, client_secret: ve.clientSecret! })),
  );
  const client = await send(
    `${ve.baseUrl}/v1.0/apiclients`,
    post({ authorization: `Bearer ${vt.access_token}`, "content-type": "application/json" }, JSON.stringify({ clientName: nameOf("VerifyApiClient"), entitlements: roles.verifyEntitlements, enabled: true })),
  );
  made.push({ kind: "VerifyApiClient", id: client.headers.get("location")!.split("/").pop()!, name: nameOf("VerifyApiClient") });

  const ui = v.uipath!;
  const ut = await json<{ access_token: string }>(
    `${ui.baseUrl}/identity_/connect/token`,
    post({ "content-type": "application/x-www-form-urlencoded" }, form({ grant_type: "client_credentials", client_id: ui.clientId!, client_secret: ui.clientSecret!, scope: "PM.RobotAccount" })),
  );
  const robot = await json<{ id: string }>(
    `${ui.baseUrl}/${ui.organization}/identity_/api/RobotAccount`,
    post(
      { authorization: `Bearer ${ut.access_token}`, "content-type": "application/json" },
      JSON.stringify({ partitionGlobalId: ui.partitionGlobalId, name: nameOf("UiPathRobotAccount"), groupIDsToAdd: roles.uipathGroupIds }),
    ),
  );
  made.push({ kind: "UiPathRobotAccount", id: robot.id, name: nameOf("UiPathRobotAccount") });
  return made;
}

/** Ages identities `days` into the past with the sandbox's control call (`POST /_sandbox/age`): how many it moved. */
export async function ageAt(sb: Sandbox, days: number, ids: readonly string[]): Promise<number> {
  return (await json<{ aged: number }>(`${sb.url}/_sandbox/age`, post({ "content-type": "application/json" }, JSON.stringify({ days, ids })))).aged;
}
