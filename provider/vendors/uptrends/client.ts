// Uptrends API v4 client: HTTP Basic with an API account on every call (no token, no login call),
// and the ApiUser / Operator endpoints the resource and the operator lookup need.
import type * as z from "zod";
import { basicAuth, HttpClient, parseAnswer, PerSettings, respellKeys, type HttpMethod } from "../../http/index.js";
import { requireSetting, type Settings } from "../../settings.js";

export { basicAuth };
import { PATHS, STATUS, VENDOR } from "./contract.js";
import {
  wireApiUser,
  wireApiUserList,
  wireAuthorizationList,
  wireCreatedApiUser,
  wireMessageList,
  wireOperatorList,
  type WireApiUser,
  type WireApiUserBody,
  type WireCreatedApiUser,
  type WireOperator,
} from "./wire.js";

export { VENDOR };

export interface UptrendsSettings {
  baseUrl: string;
  username: string;
  password: string;
}

/** What the Uptrends client needs of the provider settings. */
export function uptrendsSettings(settings: Settings): UptrendsSettings {
  return {
    baseUrl: requireSetting(settings, "uptrendsBaseUrl", VENDOR),
    username: requireSetting(settings, "uptrendsUsername", VENDOR),
    password: requireSetting(settings, "uptrendsPassword", VENDOR),
  };
}

/** Basic credentials of the provider's API account. Nothing to refresh: a 401 is final. */
/** The vendor's `MessageList` joined into one line; any other body is kept as text. */
export function describeUptrendsError(body: unknown): { message?: string } {
  const parsed = wireMessageList.safeParse(body);
  if (parsed.success && parsed.data.Messages?.length) {
    const texts = parsed.data.Messages.map((m) => m.Message?.trim()).filter((m): m is string => !!m);
    // describeFailure adds its own full stop.
    if (texts.length) return { message: texts.join(" ").replace(/\.$/, "") };
  }
  if (typeof body === "string" && body.trim()) return { message: body.trim().slice(0, 300) };
  return {};
}

/** The Uptrends answer read with its wire schema; `note` adds what the user must know about a failure. */
function parse<S extends z.ZodType>(schema: S, method: HttpMethod, path: string, body: unknown, note = ""): z.output<S> {
  return parseAnswer(schema, body, VENDOR, `${method} ${path}`, `the API may have changed (see the Vendor contract of UptrendsApiAccount)${note}`);
}

export class UptrendsClient {
  /** `username`: the provider's own API account, which the resource must never take over. */
  constructor(
    readonly http: HttpClient,
    readonly username: string,
  ) {}

  /** Closes the client's connections. */
  close(): Promise<void> {
    return this.http.close();
  }

  /** `POST /ApiUser`: one call; the answer is the only place the password ever appears. */
  async createApiUser(body: WireApiUserBody): Promise<WireCreatedApiUser> {
    const r = await this.http.request({ method: "POST", path: PATHS.apiUsers, json: body });
    // A 2xx means the account exists even if the answer is not what we expect: name it.
    const guid = (respellKeys(r.body, ["ApiUserGuid"]) as { ApiUserGuid?: unknown } | undefined)?.ApiUserGuid;
    const note = typeof guid === "string" ? `. The API account ${guid} was created anyway: delete it or adopt it with importId` : "";
    return parse(wireCreatedApiUser, "POST", PATHS.apiUsers, r.body, note);
  }

  /** `GET /ApiUser/{apiUserGuid}`; undefined when the vendor does not know it (404). */
  async getApiUser(apiUserGuid: string): Promise<WireApiUser | undefined> {
    const r = await this.http.request({ method: "GET", path: PATHS.apiUser, params: { apiUserGuid }, accept: [STATUS.notFound] });
    if (r.status === STATUS.notFound) return undefined;
    return parse(wireApiUser, "GET", PATHS.apiUser, r.body);
  }

  /** `GET /ApiUser/Operator/{operatorGuid}`: every API user of one operator (no paging). */
  async listApiUsersOfOperator(operatorGuid: string): Promise<WireApiUser[]> {
    const r = await this.http.request({ method: "GET", path: PATHS.apiUsersOfOperator, params: { operatorGuid } });
    return parse(wireApiUserList, "GET", PATHS.apiUsersOfOperator, r.body);
  }

  /** `PUT /ApiUser/{apiUserGuid}`: only Description changes; OperatorGuid must be the current one. */
  async updateApiUser(apiUserGuid: string, body: WireApiUserBody): Promise<void> {
    await this.http.request({ method: "PUT", path: PATHS.apiUser, params: { apiUserGuid }, json: body });
  }

  /** `DELETE /ApiUser/{apiUserGuid}`; false when it was already gone (404). */
  async deleteApiUser(apiUserGuid: string): Promise<boolean> {
    const r = await this.http.request({ method: "DELETE", path: PATHS.apiUser, params: { apiUserGuid }, accept: [STATUS.notFound] });
    return r.status !== STATUS.notFound;
  }

  /** `GET /ApiUser`: every API user the credentials may see, with the raw answer (for `apiidentity check`). */
  async listApiUsers(): Promise<{ users: WireApiUser[]; raw: unknown }> {
    const r = await this.http.request({ method: "GET", path: PATHS.apiUsers });
    return { users: parse(wireApiUserList, "GET", PATHS.apiUsers, r.body), raw: r.body };
  }

  /** `GET /ApiUser/{apiUserGuid}` with its status and raw answer, 404 included (for `apiidentity check`). */
  async getApiUserAnswer(apiUserGuid: string): Promise<{ status: number; user?: WireApiUser; raw: unknown }> {
    const r = await this.http.request({ method: "GET", path: PATHS.apiUser, params: { apiUserGuid }, accept: [STATUS.notFound] });
    if (r.status === STATUS.notFound) return { status: r.status, raw: r.body };
    return { status: r.status, user: parse(wireApiUser, "GET", PATHS.apiUser, r.body), raw: r.body };
  }

  /** `GET /Operator/{operatorGuid}/Authorization`: the operator's rights (names kept as sent). */
  async getOperatorAuthorizations(operatorGuid: string): Promise<string[]> {
    const r = await this.http.request({ method: "GET", path: PATHS.operatorAuthorizations, params: { operatorGuid } });
    return parse(wireAuthorizationList, "GET", PATHS.operatorAuthorizations, r.body);
  }

  /** `GET /Operator`: every operator of the account. */
  async listOperators(): Promise<WireOperator[]> {
    const r = await this.http.request({ method: "GET", path: PATHS.operators });
    return parse(wireOperatorList, "GET", PATHS.operators, r.body);
  }
}

// One client per settings value for the life of the process, so connections are pooled.
const clients = new PerSettings((settings: Settings) => {
  const s = uptrendsSettings(settings);
  return new UptrendsClient(
    new HttpClient({ vendor: VENDOR, baseUrl: s.baseUrl, auth: basicAuth(s.username, s.password), describeError: (body) => describeUptrendsError(body) }),
    s.username,
  );
});

/** The client for these settings: one per settings value. */
export function uptrendsClient(settings: Settings): UptrendsClient {
  return clients.get(settings);
}
