// State of the emulated IBM Verify tenant: API clients and the access tokens issued to them.

/** One scope of `overrideSettings.scopes`. */
export type ScopeSetting = { name: string; description?: string };

export type OverrideSettings = { restrictScopes: boolean; scopes: ScopeSetting[] };

export type AdditionalConfig = {
  clientAuthMethod?: string;
  validateClientAssertionJti?: boolean;
  allowedClientAssertionVerificationKeys?: string[];
};

/** An API client as stored; the wire shape (`APIClientConfig`) is derived from it in present.ts. */
export type ApiClientRecord = {
  /** The object id used in `/v1.0/apiclients/{id}` and in the `Location` of the create call. */
  id: string;
  /** The OAuth client id used at the token endpoint. */
  clientId: string;
  clientSecret: string;
  clientName: string;
  enabled: boolean;
  entitlements: string[];
  overrideSettings: OverrideSettings;
  description?: string;
  ipFilterOp?: "allow" | "deny";
  ipFilters?: string[];
  jwkUri?: string;
  additionalConfig?: AdditionalConfig;
  additionalProperties?: Record<string, unknown>;
};

export type IssuedToken = {
  /** `id` of the API client the token was issued to. */
  apiClientId: string;
  /** Sandbox clock (ms) after which the token is rejected. */
  expiresAt: number;
  scope?: string;
};

export type VerifyState = {
  apiClients: ApiClientRecord[];
  /** Keyed by the opaque access token. */
  tokens: Record<string, IssuedToken>;
  /**
   * Entitlement names this tenant knows beyond the documented ones: a newer tenant than our docs.
   * Tests set it (sandbox.store) to stand for an entitlement IBM added after this emulator was written.
   */
  extraEntitlements?: string[];
};

/** Seconds a token lives; the documented sample answers `expires_in: 7199` ("expire in 2 hours"). */
export const TOKEN_LIFETIME_SECONDS = 7199;

/**
 * The seeded admin API client: fixed values so that examples and the demo can name them; it holds
 * the entitlements needed to manage API clients and read their secrets.
 */
export const SEED_ADMIN = {
  id: "5c4a1b7e-0d2f-4e63-9a1b-3f0c2d9e8a01",
  clientId: "9f1c2b3a-6d4e-4f70-8a9b-0c1d2e3f4a5b",
  clientSecret: "SandboxVerifyAdminSecret01",
  clientName: "sandbox-admin",
} as const;

export function seed(): VerifyState {
  return {
    apiClients: [
      {
        id: SEED_ADMIN.id,
        clientId: SEED_ADMIN.clientId,
        clientSecret: SEED_ADMIN.clientSecret,
        clientName: SEED_ADMIN.clientName,
        enabled: true,
        entitlements: ["manageAPIClients", "readAPIClients"],
        overrideSettings: { restrictScopes: false, scopes: [] },
        description: "Seeded administrator API client of the sandbox tenant",
      },
    ],
    tokens: {},
  };
}
