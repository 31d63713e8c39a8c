// UptrendsApiAccount: an Uptrends API v4 API account ("API user") bound to an operator, and the
// getUptrendsOperator lookup that finds the operator's GUID by name or e-mail.
import * as pulumi from "@pulumi/pulumi";
import provider from "../provider/dynamic/kinds/UptrendsApiAccount.cjs";
import { UPTRENDS_SECRET_OUTPUTS } from "../provider/vendors/uptrends/inputs.js";
import { lookupOperator, type UptrendsOperator, type UptrendsOperatorQuery } from "../provider/vendors/uptrends/operators.js";
import { adviseOn, secretOptions } from "./options.js";
import { useProgramConfig } from "./program-config.js";

export type { UptrendsOperator, UptrendsOperatorQuery } from "../provider/vendors/uptrends/operators.js";

export interface UptrendsApiAccountArgs {
  /**
   * GUID of the operator the API account belongs to (case-insensitive). Changing it replaces the
   * account: Uptrends cannot move an API account to another operator. See {@link getUptrendsOperator}.
   */
  operatorGuid: pulumi.Input<string>;
  /** Description shown in the operator's API management tab; updated in place. Empty or omitted means "API". */
  description?: pulumi.Input<string>;
  /**
   * ApiUserGuid of an existing API account to adopt instead of creating one. The password of an
   * adopted account cannot be retrieved: the `password` output stays empty. Never causes a diff.
   */
  importId?: pulumi.Input<string>;
}

/**
 * An Uptrends API account: a generated username and password for HTTP Basic against the Uptrends
 * API v4, acting as one operator. Uptrends shows the password only when the account is created.
 */
export class UptrendsApiAccount extends pulumi.dynamic.Resource {
  /** GUID of the API account at Uptrends (also the resource id). */
  declare readonly apiUserGuid: pulumi.Output<string>;
  /** Generated username (the HTTP Basic user name). */
  declare readonly username: pulumi.Output<string>;
  /** Generated password (secret); empty for an adopted account. */
  declare readonly password: pulumi.Output<string>;
  /** GUID of the operator the API account belongs to (lower case). */
  declare readonly operatorGuid: pulumi.Output<string>;
  /** Description at the vendor ("API" when none was given). */
  declare readonly description: pulumi.Output<string>;
  /** Access type at the vendor (`Generic` for accounts made here). */
  declare readonly accessType: pulumi.Output<string>;
  /** When the account was created (ISO 8601, vendor clock). */
  declare readonly createdDate: pulumi.Output<string>;
  /** When the account was last used (ISO 8601); empty while never used. Updated by refresh, never a diff. */
  declare readonly lastUsed: pulumi.Output<string>;

  constructor(name: string, args: UptrendsApiAccountArgs, opts?: pulumi.CustomResourceOptions) {
    super(
      provider,
      name,
      {
        ...args,
        apiUserGuid: undefined,
        username: undefined,
        password: undefined,
        accessType: undefined,
        createdDate: undefined,
        lastUsed: undefined,
      },
      secretOptions(opts, UPTRENDS_SECRET_OUTPUTS),
      "apiidentity",
      "UptrendsApiAccount",
    );
    adviseOn(this, "UptrendsApiAccount", args);
  }
}

/**
 * Finds an Uptrends operator by full name and/or e-mail (both case-insensitive), to use its
 * `operatorGuid` for an {@link UptrendsApiAccount}. Runs in the program with the provider settings
 * (`apiidentity:uptrends*` stack config, else `UPTRENDS_*` environment variables). Throws when no
 * operator or more than one matches, listing the account's operators.
 */
export async function getUptrendsOperator(query: UptrendsOperatorQuery): Promise<UptrendsOperator> {
  useProgramConfig();
  return lookupOperator(query);
}
