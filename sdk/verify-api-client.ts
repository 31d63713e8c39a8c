// VerifyApiClient: an IBM Verify API client (client_credentials grant) with entitlements.
import * as pulumi from "@pulumi/pulumi";
import provider from "../provider/dynamic/kinds/VerifyApiClient.cjs";
import { adviseOn, secretOptions } from "./options.js";

/** One scope of an API client's override settings. */
export interface VerifyApiClientScope {
  /** OAuth scope name. */
  name: string;
  /** What the scope is for (shown in the admin console). */
  description?: string;
}

export interface VerifyApiClientArgs {
  /** Display name of the API client. Names are not unique at IBM Verify; a change updates the client in place. */
  clientName: pulumi.Input<string>;
  /**
   * Entitlements (permissions) of the client, e.g. `readUsers`, `manageUserGroups`. At least one; a set
   * (order and duplicates do not matter); names are case-sensitive IBM Verify entitlement names.
   */
  entitlements: pulumi.Input<pulumi.Input<string>[]>;
  /** Free-text description. */
  description?: pulumi.Input<string>;
  /** Whether the client can obtain tokens. Default `true`. */
  enabled?: pulumi.Input<boolean>;
  /** `allow`: only `ipFilters` may obtain tokens; `deny`: every address except `ipFilters`. Unset: no filter. */
  ipFilterOp?: pulumi.Input<"allow" | "deny">;
  /** IP addresses or CIDR blocks `ipFilterOp` applies to (a set). */
  ipFilters?: pulumi.Input<pulumi.Input<string>[]>;
  /** When true the client may request only the `scopes` listed. Default `false`. */
  restrictScopes?: pulumi.Input<boolean>;
  /** Scopes of the client's override settings (a set keyed by name). */
  scopes?: pulumi.Input<pulumi.Input<VerifyApiClientScope>[]>;
  /**
   * Any value; changing it makes IBM Verify generate a new client secret in place (same `clientId`,
   * same `apiClientId`). The new secret appears in `clientSecret`.
   */
  secretRotation?: pulumi.Input<string | number>;
  /**
   * Adopt an existing API client instead of creating one: its object id (`id` in
   * `GET /v1.0/apiclients`, the last segment of the create call's `Location`). Never causes a diff.
   */
  importId?: pulumi.Input<string>;
}

/** Outputs stored as Pulumi secrets. */
const SECRET_OUTPUTS = ["clientSecret"] as const;

/**
 * An IBM Verify API client: a non-human identity that obtains tokens with the client_credentials
 * grant and holds entitlements. IBM Verify generates its `clientId` and `clientSecret`.
 */
export class VerifyApiClient extends pulumi.dynamic.Resource {
  /** The API client's object id at IBM Verify (also the resource id). */
  declare readonly apiClientId: pulumi.Output<string>;
  /** The generated OAuth client id to request tokens with. */
  declare readonly clientId: pulumi.Output<string>;
  /** The generated OAuth client secret (a Pulumi secret). */
  declare readonly clientSecret: pulumi.Output<string>;
  /** Display name of the API client. */
  declare readonly clientName: pulumi.Output<string>;
  /** Entitlements of the client, as declared. */
  declare readonly entitlements: pulumi.Output<string[]>;
  /** Description of the client. */
  declare readonly description: pulumi.Output<string | undefined>;
  /** Whether the client can obtain tokens. */
  declare readonly enabled: pulumi.Output<boolean>;
  /** IP filter operation, `allow` or `deny`, if any. */
  declare readonly ipFilterOp: pulumi.Output<"allow" | "deny" | undefined>;
  /** IP addresses or CIDR blocks of the IP filter. */
  declare readonly ipFilters: pulumi.Output<string[] | undefined>;
  /** Whether the client may request only the listed scopes. */
  declare readonly restrictScopes: pulumi.Output<boolean | undefined>;
  /** Scopes of the client's override settings. */
  declare readonly scopes: pulumi.Output<VerifyApiClientScope[] | undefined>;
  /** The rotation trigger last applied. */
  declare readonly secretRotation: pulumi.Output<string | number | undefined>;
  /** The id this resource adopted, if it was adopted. */
  declare readonly importId: pulumi.Output<string | undefined>;

  constructor(name: string, args: VerifyApiClientArgs, opts?: pulumi.CustomResourceOptions) {
    const props = {
      description: undefined,
      enabled: undefined,
      ipFilterOp: undefined,
      ipFilters: undefined,
      restrictScopes: undefined,
      scopes: undefined,
      secretRotation: undefined,
      importId: undefined,
      ...args,
      apiClientId: undefined,
      clientId: undefined,
      clientSecret: undefined,
    };
    super(provider, name, props, secretOptions(opts, SECRET_OUTPUTS), "apiidentity", "VerifyApiClient");
    adviseOn(this, "VerifyApiClient", args);
  }
}
