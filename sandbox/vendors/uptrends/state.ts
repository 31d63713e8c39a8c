// Uptrends sandbox state: one account with operators and the API accounts ("API users") bound to them.
import { createHash } from "node:crypto";

/** Values of `OperatorAuthorizationType` in the vendor's Swagger (2022). */
export const AUTHORIZATION_TYPES = [
  "AccountAccess",
  "AccountAdministrator",
  "AllowInfra",
  "FinancialOperator",
  "TechnicalContact",
  "ShareDashboards",
  "CreateAlertDefinition",
  "CreateIntegration",
] as const;
export type AuthorizationType = (typeof AUTHORIZATION_TYPES)[number];

export const SMS_PROVIDERS = ["UseAccountSetting", "SmsProviderEurope", "SmsProviderInternational", "SmsProviderEurope2", "SmsProviderUSA"] as const;
export const SETUP_MODES = ["Manual", "Invitation"] as const;
export const CULTURE_NAMES = ["", "en-US", "en-GB", "fr-FR", "de-DE", "nl-NL"] as const;
export const API_ACCESS_TYPES = ["Generic", "MobileApp", "TransactionRecorder", "Grafana"] as const;

export type StoredOperator = {
  operatorGuid: string;
  hash: string;
  fullName: string;
  /** Login name; matched case-insensitively. */
  email: string;
  /** sha256 of the login password; undefined when the operator has none (SSO-only, invitation pending). */
  passwordHash?: string;
  mobilePhone: string | null;
  outgoingPhoneNumberId: number | null;
  /** The account's owner; this flag is read-only on the wire. */
  isAccountAdministrator: boolean;
  backupEmail: string | null;
  isOnDuty: boolean;
  cultureName: string | null;
  timeZoneId: number | null;
  smsProvider: (typeof SMS_PROVIDERS)[number];
  useNumericSender: boolean | null;
  allowNativeLogin: boolean;
  allowSingleSignon: boolean;
  defaultDashboard: string;
  setupMode: (typeof SETUP_MODES)[number];
  operatorRole: string;
  authorizations: AuthorizationType[];
};

/** "Last used" as the vendor UI shows it: Unknown, Not yet used, or a timestamp. */
export type LastUsed = { kind: "unknown" } | { kind: "never" } | { kind: "at"; ts: string };

export type StoredApiUser = {
  apiUserGuid: string;
  operatorGuid: string;
  description: string;
  userName: string;
  /** sha256 of the password: the password itself is shown once and never stored, as at the vendor. */
  passwordHash: string;
  apiAccessType: (typeof API_ACCESS_TYPES)[number];
  createdDate: string;
  lastUsed: LastUsed;
  /** Authenticated requests per UTC day (`YYYY-MM-DD`), pruned to the last 30 days. */
  usage: Record<string, number>;
};

/** Choices no public source settles (INFERRED); edit them in a persisted state file to try the alternatives. */
export type UptrendsBehaviour = {
  /** How a LastUsed of "unknown" or "never" is serialised: `null` (default) or the field left out. */
  lastUsedPlaceholder: "null" | "omit";
  /** Deleting an operator also deletes its API users (INFERRED). */
  cascadeApiUsersOnOperatorDelete: boolean;
  /** Body of a 401: the vendor's MessageList (default) or empty. */
  unauthorizedBody: "messageList" | "empty";
};

export type UptrendsState = {
  accountId: string;
  /** Whether the account has SSO enabled (lets operators be SSO-only). */
  ssoEnabled: boolean;
  operatorQuota: number;
  operators: StoredOperator[];
  apiUsers: StoredApiUser[];
  behaviour: UptrendsBehaviour;
};

export function sha256(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/** Seeded identities: fixed so that docs, demo and a restarted sandbox agree. */
export const SEED = {
  accountId: "100001",
  operatorGuid: "2f3c9a1e-6b7d-4e58-9a0c-1d2e3f4a5b6c",
  operatorFullName: "Sandbox Administrator",
  operatorEmail: "admin@sandbox.uptrends.test",
  /** Login password of the seeded operator (for the legacy `POST /Register`). */
  operatorPassword: "Sandbox-Operator-Login-1",
  apiUserGuid: "7d4e1c2b-3a5f-4b6c-8d9e-0f1a2b3c4d5e",
  apiUserName: "5a1d2b3c4e5f60718293a4b5c6d7e8f9",
  apiPassword: "Sandbox-Uptrends-Api-Password-1",
  createdDate: "2024-01-01T00:00:00.000Z",
} as const;

export function seedState(): UptrendsState {
  return {
    accountId: SEED.accountId,
    ssoEnabled: true,
    operatorQuota: 25,
    operators: [
      {
        operatorGuid: SEED.operatorGuid,
        hash: "c2FuZGJveC1hZG1pbmlzdHJhdG9y",
        fullName: SEED.operatorFullName,
        email: SEED.operatorEmail,
        passwordHash: sha256(SEED.operatorPassword),
        mobilePhone: null,
        outgoingPhoneNumberId: null,
        isAccountAdministrator: true,
        backupEmail: null,
        isOnDuty: true,
        cultureName: "en-US",
        timeZoneId: 1,
        smsProvider: "UseAccountSetting",
        useNumericSender: false,
        allowNativeLogin: true,
        allowSingleSignon: false,
        defaultDashboard: "UseAccountSpecifiedDashboard",
        setupMode: "Manual",
        operatorRole: "Unspecified",
        authorizations: ["AccountAccess", "AccountAdministrator"],
      },
    ],
    apiUsers: [
      {
        apiUserGuid: SEED.apiUserGuid,
        operatorGuid: SEED.operatorGuid,
        description: "Sandbox admin API account",
        userName: SEED.apiUserName,
        passwordHash: sha256(SEED.apiPassword),
        apiAccessType: "Generic",
        createdDate: SEED.createdDate,
        lastUsed: { kind: "never" },
        usage: {},
      },
    ],
    behaviour: {
      lastUsedPlaceholder: "null",
      cascadeApiUsersOnOperatorDelete: true,
      unauthorizedBody: "messageList",
    },
  };
}
