// The wire shape `APIClientConfig` of a stored API client.
import type { ApiClientRecord } from "./state.js";

/**
 * Field order follows [OAS]. Optional fields that were never set are omitted rather than sent as
 * null (INFERRED). `clientSecret` is left out for callers that may not see secrets: `readAPIClients`
 * "is unable to view the client secret" ([ENT]).
 */
export function toWire(c: ApiClientRecord, showSecret: boolean): Record<string, unknown> {
  return {
    id: c.id,
    clientId: c.clientId,
    ...(showSecret ? { clientSecret: c.clientSecret } : {}),
    clientName: c.clientName,
    enabled: c.enabled,
    entitlements: [...c.entitlements],
    overrideSettings: {
      restrictScopes: c.overrideSettings.restrictScopes,
      scopes: c.overrideSettings.scopes.map((s) => ({ ...s })),
    },
    ...(c.description !== undefined ? { description: c.description } : {}),
    ...(c.ipFilterOp !== undefined ? { ipFilterOp: c.ipFilterOp } : {}),
    ...(c.ipFilters !== undefined ? { ipFilters: [...c.ipFilters] } : {}),
    ...(c.jwkUri !== undefined ? { jwkUri: c.jwkUri } : {}),
    ...(c.additionalConfig !== undefined ? { additionalConfig: structuredClone(c.additionalConfig) } : {}),
    ...(c.additionalProperties !== undefined ? { additionalProperties: structuredClone(c.additionalProperties) } : {}),
  };
}
