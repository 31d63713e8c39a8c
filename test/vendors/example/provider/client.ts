// Example API client: a static API key as a bearer token on every call, and one method per endpoint.
import type * as z from "zod";
import { HttpClient, parseAnswer, PerSettings, type AuthProvider } from "../../http/index.js";
import { requireSetting, type Settings } from "../../settings.js";
import { PATHS, STATUS, VENDOR } from "./contract.js";
import { wireAccount, wireAccountList, wireCreatedAccount, wireError, wireGroupList, type WireAccount, type WireAccountBody, type WireCreatedAccount, type WireGroup } from "./wire.js";

/** The API key as a bearer token on every call: nothing to fetch or refresh, so a 401 is final. */
function apiKeyAuth(key: string): AuthProvider {
  return { headers: async () => ({ authorization: `Bearer ${key}` }), secrets: () => [key] };
}

const parse = <S extends z.ZodType>(schema: S, call: string, body: unknown): z.output<S> => parseAnswer(schema, body, VENDOR, call, "the Example API may have changed");

export class ExampleClient {
  constructor(readonly http: HttpClient) {}

  close(): Promise<void> {
    return this.http.close();
  }

  async create(body: WireAccountBody): Promise<WireCreatedAccount> {
    const r = await this.http.request({ method: "POST", path: PATHS.accounts, json: body });
    return parse(wireCreatedAccount, `POST ${PATHS.accounts}`, r.body);
  }

  /** Undefined when the vendor does not know it (404). */
  async get(id: string): Promise<WireAccount | undefined> {
    const r = await this.http.request({ method: "GET", path: PATHS.account, params: { id }, accept: [STATUS.notFound] });
    return r.status === STATUS.notFound ? undefined : parse(wireAccount, `GET ${PATHS.account}`, r.body);
  }

  async list(): Promise<WireAccount[]> {
    const r = await this.http.request({ method: "GET", path: PATHS.accounts });
    return parse(wireAccountList, `GET ${PATHS.accounts}`, r.body);
  }

  async update(id: string, body: { description: string; groupId: string | null }): Promise<WireAccount> {
    const r = await this.http.request({ method: "PATCH", path: PATHS.account, params: { id }, json: body });
    return parse(wireAccount, `PATCH ${PATHS.account}`, r.body);
  }

  /** False when it was already gone (404). */
  async remove(id: string): Promise<boolean> {
    const r = await this.http.request({ method: "DELETE", path: PATHS.account, params: { id }, accept: [STATUS.notFound] });
    return r.status !== STATUS.notFound;
  }

  async groups(): Promise<WireGroup[]> {
    const r = await this.http.request({ method: "GET", path: PATHS.groups });
    return parse(wireGroupList, `GET ${PATHS.groups}`, r.body);
  }
}

export interface ExampleSettings {
  baseUrl: string;
  apiKey: string;
}

/** What the Example client needs of the provider settings. */
export function exampleSettings(settings: Settings): ExampleSettings {
  return { baseUrl: requireSetting(settings, "exampleBaseUrl", VENDOR), apiKey: requireSetting(settings, "exampleApiKey", VENDOR) };
}

/** The vendor's `{ "error": … }` body as its message. */
export function describeExampleError(body: unknown): { message?: string } {
  const e = wireError.safeParse(body);
  return e.success ? { message: e.data.error } : {};
}

const clients = new PerSettings((settings: Settings) => {
  const s = exampleSettings(settings);
  return new ExampleClient(new HttpClient({ vendor: VENDOR, baseUrl: s.baseUrl, auth: apiKeyAuth(s.apiKey), describeError: describeExampleError }));
});

/** The client for these settings: one per settings value. */
export function exampleClient(settings: Settings): ExampleClient {
  return clients.get(settings);
}
