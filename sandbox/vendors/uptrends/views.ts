// Wire shapes (PascalCase) of stored objects.
import { isAdministrator, requestsLast30Days } from "./auth.js";
import type { StoredApiUser, StoredOperator, UptrendsState } from "./state.js";

/** The `ApiUser` object; field names are INFERRED (CONTRACT.md). Never carries the password. */
export function apiUserView(u: StoredApiUser, state: UptrendsState, now: number): Record<string, unknown> {
  const view: Record<string, unknown> = {
    ApiUserGuid: u.apiUserGuid,
    OperatorGuid: u.operatorGuid,
    Description: u.description,
    UserName: u.userName,
    ApiAccessType: u.apiAccessType,
    CreatedDate: u.createdDate,
    LastUsed: u.lastUsed.kind === "at" ? u.lastUsed.ts : null,
    RequestsLast30Days: requestsLast30Days(u, now),
  };
  if (u.lastUsed.kind !== "at" && state.behaviour.lastUsedPlaceholder === "omit") delete view.LastUsed;
  return view;
}

/** The `Operator` object of the Swagger; `Password` is write-only and never returned. */
export function operatorView(op: StoredOperator): Record<string, unknown> {
  return {
    OperatorGuid: op.operatorGuid,
    Hash: op.hash,
    FullName: op.fullName,
    Email: op.email,
    MobilePhone: op.mobilePhone,
    OutgoingPhoneNumberId: op.outgoingPhoneNumberId,
    OutgoingPhoneNumberIdSpecified: op.outgoingPhoneNumberId !== null,
    IsAccountAdministrator: isAdministrator(op),
    BackupEmail: op.backupEmail,
    IsOnDuty: op.isOnDuty,
    CultureName: op.cultureName,
    CultureNameSpecified: op.cultureName !== null,
    TimeZoneId: op.timeZoneId,
    TimeZoneIdSpecified: op.timeZoneId !== null,
    SmsProvider: op.smsProvider,
    UseNumericSender: op.useNumericSender,
    UseNumericSenderSpecified: op.useNumericSender !== null,
    AllowNativeLogin: op.allowNativeLogin,
    AllowNativeLoginSpecified: true,
    AllowSingleSignon: op.allowSingleSignon,
    AllowSingleSignonSpecified: true,
    DefaultDashboard: op.defaultDashboard,
    SetupMode: op.setupMode,
    OperatorRole: op.operatorRole,
  };
}
