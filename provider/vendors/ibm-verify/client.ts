// IBM Verify client: client_credentials token (cached per provider process) and the
// /v1.0/apiclients endpoints this resource uses.
import { HttpClient, parseAnswer, PerSettings, TokenError, tokenAuth, VendorError, type TokenAuth } from "../../http/index.js";
import { requireSetting, type Settings } from "../../settings.js";
import { COLLECTION_PATH, ITEM_PATH, SEARCHABLE_NAME, TOKEN_PATH, VENDOR } from "./contract.js";
import { apiClientListWire, apiClientWire, errorWire, tokenWire, type ApiClientBody, type ApiClientWire } from "./wire.js";

export { VENDOR };

export interface VerifySettings {
  /** `https://<tenant>.verify.ibm.com`, without a trailing slash. */
  tenantUrl: string;
  clientId: string;
  clientSecret: string;
}

/** Accepts `https://tenant.verify.ibm.com[/]` or a bare host name (IBM's SDK takes the host). */
export function normaliseTenantUrl(raw: string): string {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw.trim()) ? raw.trim() : `https://${raw.trim()}`;
  return withScheme.replace(/\/+$/, "");
}

/** What the IBM Verify client needs of the provider settings. */
export function verifySettings(settings: Settings): VerifySettings {
  return {
    tenantUrl: normaliseTenantUrl(requireSetting(settings, "ibmVerifyTenantUrl", VENDOR)),
    clientId: requireSetting(settings, "ibmVerifyClientId", VENDOR),
    clientSecret: requireSetting(settings, "ibmVerifyClientSecret", VENDOR),
  };
}

/** The vendor's own words from either error shape: `{messageId, messageDescription}` or OAuth's `{error, error_description}`. */
export function describeVerifyError(body: unknown): { message?: string } {
  const parsed = errorWire.safeParse(body);
  if (!parsed.success) return {};
  const e = parsed.data;
  if (e.messageDescription) return { message: e.messageId ? `${e.messageId} ${e.messageDescription}` : e.messageDescription };
  if (e.error) return { message: e.error_description ? `${e.error}: ${e.error_description}` : e.error };
  return {};
}

/** The object id of a new client: last segment of `Location` (absolute or relative), else `id` of a body. */
export function idFromCreateAnswer(headers: Record<string, string>, body: unknown): string | undefined {
  const location = headers["location"];
  if (location) {
    const path = new URL(location, "http://relative.invalid").pathname;
    const last = path.split("/").filter(Boolean).pop();
    if (last) return decodeURIComponent(last);
  }
  if (body && typeof body === "object" && typeof (body as { id?: unknown }).id === "string" && (body as { id: string }).id) {
    return (body as { id: string }).id;
  }
  return undefined;
}

export class VerifyClient {
  readonly http: HttpClient;
  private readonly auth: TokenAuth;

  constructor(private readonly settings: VerifySettings) {
    this.auth = tokenAuth({
      fetch: () => this.fetchToken(),
      header: (token) => ({ authorization: `Bearer ${token}` }),
      credentials: () => [settings.clientSecret],
    });
    this.http = new HttpClient({ vendor: VENDOR, baseUrl: settings.tenantUrl, auth: this.auth, describeError: describeVerifyError });
  }

  /** Closes the client's connections. */
  close(): Promise<void> {
    return this.http.close();
  }

  private async fetchToken(): Promise<{ token: string; expiresInSeconds: number }> {
    try {
      const res = await this.http.request({
        method: "POST",
        path: TOKEN_PATH,
        form: { grant_type: "client_credentials", client_id: this.settings.clientId, client_secret: this.settings.clientSecret },
        noAuth: true,
        // Asking for a token twice has no effect at the vendor beyond a second token.
        retrySafe: true,
        secrets: [this.settings.clientSecret],
      });
      const t = parseAnswer(tokenWire, res.body, VENDOR, `POST ${TOKEN_PATH}`);
      // Documented lifetime is 7199 s; assume a short one if the answer leaves it out.
      return { token: t.access_token, expiresInSeconds: t.expires_in ?? 300 };
    } catch (e) {
      if (e instanceof VendorError && (e.status === 400 || e.status === 401) && /invalid_client|unauthorized_client/.test(e.vendorMessage)) {
        throw new TokenError(
          `${e.message}. The provider credentials were rejected: check apiidentity:ibmVerifyClientId and apiidentity:ibmVerifyClientSecret (or IBM_VERIFY_CLIENT_ID / IBM_VERIFY_CLIENT_SECRET) and that the API client is enabled`,
          { cause: e },
        );
      }
      throw e;
    }
  }

  /** Fetches a token now (or keeps the cached one): the first call of `apiidentity check`. */
  async authenticate(): Promise<void> {
    await this.auth.token();
  }

  /** POST /v1.0/apiclients: 201, no body, `Location` names the new object. Returns that id. */
  async create(body: ApiClientBody): Promise<string | undefined> {
    const res = await this.http.request({ method: "POST", path: COLLECTION_PATH, json: body, secrets: body.clientSecret ? [body.clientSecret] : [] });
    return idFromCreateAnswer(res.headers, res.body);
  }

  /** GET /v1.0/apiclients/{id}; undefined when the client does not exist (404). */
  async get(id: string): Promise<ApiClientWire | undefined> {
    const res = await this.http.request({ method: "GET", path: ITEM_PATH, params: { id }, accept: [404] });
    if (res.status === 404) return undefined;
    return parseAnswer(apiClientWire, res.body, VENDOR, `GET ${ITEM_PATH}`);
  }

  /** Clients whose name is exactly `name` (names are not unique). */
  async findByName(name: string): Promise<ApiClientWire[]> {
    // The search expression goes through the path template so that it is percent-encoded as one
    // value (spaces as %20, never `+`): the documented `search` takes one URL-encoded value.
    const res = SEARCHABLE_NAME.test(name)
      ? await this.http.request({ method: "GET", path: `${COLLECTION_PATH}?search={search}`, params: { search: `clientName = "${name}"` } })
      : await this.http.request({ method: "GET", path: COLLECTION_PATH });
    const list = parseAnswer(apiClientListWire, res.body ?? {}, VENDOR, `GET ${COLLECTION_PATH}`);
    return (list.apiClients ?? []).filter((c) => c.clientName === name);
  }

  /** Every API client (no `pagination` parameter: the vendor returns all matches). */
  async list(): Promise<ApiClientWire[]> {
    const res = await this.http.request({ method: "GET", path: COLLECTION_PATH });
    return parseAnswer(apiClientListWire, res.body ?? {}, VENDOR, `GET ${COLLECTION_PATH}`).apiClients ?? [];
  }

  /** PUT /v1.0/apiclients/{id}: full replace, 204. Without `clientSecret` IBM generates a new secret. */
  async replace(id: string, body: Record<string, unknown>): Promise<void> {
    const secret = typeof body.clientSecret === "string" ? [body.clientSecret] : [];
    await this.http.request({ method: "PUT", path: ITEM_PATH, params: { id }, json: body, secrets: secret });
  }

  /** DELETE /v1.0/apiclients/{id}: 204, documented also for an unknown id; a 404 counts as gone too. */
  async delete(id: string): Promise<void> {
    await this.http.request({ method: "DELETE", path: ITEM_PATH, params: { id }, accept: [404] });
  }
}

const clients = new PerSettings((settings: Settings) => new VerifyClient(verifySettings(settings)));

/** One client (and so one cached token) per settings value. */
export function verifyClient(settings: Settings): VerifyClient {
  return clients.get(settings);
}
