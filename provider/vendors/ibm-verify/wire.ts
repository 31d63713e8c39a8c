// Wire shapes of the IBM Verify API-client API ([OAS] schemas), parsed leniently: fields this
// package does not manage are kept as they came, because PUT replaces the whole object and must
// send them back unchanged.
import * as z from "zod";

const scope = z.looseObject({ name: z.string(), description: z.string().nullish() });

/** `APIClientOverrideSettings`; IBM may add fields (e.g. `accessTokenLifetime`), kept by looseObject. */
export const overrideSettingsWire = z.looseObject({
  restrictScopes: z.boolean().nullish(),
  scopes: z.array(scope).nullish(),
});

/** `APIClientConfig`: the GET answer and the PUT body. */
export const apiClientWire = z.looseObject({
  id: z.string().min(1),
  clientId: z.string().min(1),
  /** Present only for callers allowed to see secrets. */
  clientSecret: z.string().nullish(),
  clientName: z.string(),
  enabled: z.boolean().nullish(),
  entitlements: z.array(z.string()).nullish(),
  overrideSettings: overrideSettingsWire.nullish(),
  description: z.string().nullish(),
  /** Documented as `allow` | `deny`; read as any string so a value IBM adds is kept, not refused. */
  ipFilterOp: z.string().nullish(),
  ipFilters: z.array(z.string()).nullish(),
});
export type ApiClientWire = z.output<typeof apiClientWire>;

/** `APIClientConfigPaginatedResponseContainer` of GET /v1.0/apiclients. */
export const apiClientListWire = z.looseObject({
  total: z.number().nullish(),
  apiClients: z.array(apiClientWire).nullish(),
});

/** `APIClientConfigRequest` (POST) and the managed part of `APIClientConfig` (PUT). */
export interface ApiClientBody {
  clientName: string;
  enabled: boolean;
  entitlements: string[];
  description?: string;
  overrideSettings: { restrictScopes: boolean; scopes: { name: string; description?: string }[]; [k: string]: unknown };
  ipFilterOp?: string;
  ipFilters?: string[];
  clientSecret?: string;
  /** PUT only: the object id, equal to the one in the path. */
  id?: string;
  [k: string]: unknown;
}

/** `TokenResponse` of the token endpoint. */
export const tokenWire = z.looseObject({
  access_token: z.string().min(1),
  expires_in: z.coerce.number().positive().optional(),
  token_type: z.string().optional(),
});

/** `ErrorResponse` of the API and OAuth's `Error_0` of the token endpoint. */
export const errorWire = z.looseObject({
  messageId: z.string().optional(),
  messageDescription: z.string().optional(),
  error: z.string().optional(),
  error_description: z.string().optional(),
});
