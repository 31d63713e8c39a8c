// The writable fields of an `Operator` body and how they are applied and validated.
import * as z from "zod";
import { CULTURE_NAMES, SETUP_MODES, SMS_PROVIDERS, sha256, type StoredOperator, type UptrendsState } from "./state.js";
import { sameGuid } from "./validation.js";

// Wrong JSON types and unknown enum values fail deserialisation (400); rule violations are 403.
export const operatorBody = z.looseObject({
  OperatorGuid: z.string().nullish(),
  Password: z.string().nullish(),
  FullName: z.string().nullish(),
  Email: z.string().nullish(),
  MobilePhone: z.string().nullish(),
  OutgoingPhoneNumberId: z.number().int().nullish(),
  OutgoingPhoneNumberIdSpecified: z.boolean().nullish(),
  BackupEmail: z.string().nullish(),
  IsOnDuty: z.boolean().nullish(),
  CultureName: z.string().nullish(),
  CultureNameSpecified: z.boolean().nullish(),
  TimeZoneId: z.number().int().nullish(),
  TimeZoneIdSpecified: z.boolean().nullish(),
  SmsProvider: z.enum(SMS_PROVIDERS).nullish(),
  UseNumericSender: z.boolean().nullish(),
  UseNumericSenderSpecified: z.boolean().nullish(),
  AllowNativeLogin: z.boolean().nullish(),
  AllowNativeLoginSpecified: z.boolean().nullish(),
  AllowSingleSignon: z.boolean().nullish(),
  AllowSingleSignonSpecified: z.boolean().nullish(),
  DefaultDashboard: z.string().nullish(),
  SetupMode: z.enum(SETUP_MODES).nullish(),
  OperatorRole: z.string().nullish(),
});
export type OperatorBody = z.infer<typeof operatorBody>;

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/**
 * A value with a `…Specified` companion is applied when the companion is true; when the companion is
 * absent, a non-null value is applied too (lenient reading); an explicit `false` ignores the value.
 */
function specified<T>(value: T | null | undefined, flag: boolean | null | undefined): { apply: boolean; value: T | null } {
  if (flag === true) return { apply: true, value: value ?? null };
  if (flag === false) return { apply: false, value: null };
  return value === undefined || value === null ? { apply: false, value: null } : { apply: true, value };
}

export function newOperator(guid: string, hash: string): StoredOperator {
  return {
    operatorGuid: guid,
    hash,
    fullName: "",
    email: "",
    mobilePhone: null,
    outgoingPhoneNumberId: null,
    isAccountAdministrator: false,
    backupEmail: null,
    isOnDuty: true,
    cultureName: null,
    timeZoneId: null,
    smsProvider: "UseAccountSetting",
    useNumericSender: null,
    allowNativeLogin: true,
    allowSingleSignon: false,
    defaultDashboard: "UseAccountSpecifiedDashboard",
    setupMode: "Manual",
    operatorRole: "Unspecified",
    // "When creating an operator, a default operator authorization of 'AccountAccess' is automatically created."
    authorizations: ["AccountAccess"],
  };
}

/**
 * Applies `body` to a copy of `current` and validates the result. `full` (POST, PUT) requires the
 * identifying fields; PATCH changes only what is present. Returns the updated copy or the messages.
 */
export function applyOperatorBody(
  state: UptrendsState,
  current: StoredOperator,
  body: OperatorBody,
  mode: "create" | "replace" | "patch",
): { ok: true; operator: StoredOperator } | { ok: false; messages: string[] } {
  const op: StoredOperator = { ...current, authorizations: [...current.authorizations] };
  const messages: string[] = [];
  const full = mode !== "patch";

  if (body.FullName !== undefined || full) op.fullName = (body.FullName ?? "").trim();
  if (body.Email !== undefined || full) op.email = (body.Email ?? "").trim();
  if (body.MobilePhone !== undefined) op.mobilePhone = body.MobilePhone;
  if (body.BackupEmail !== undefined) op.backupEmail = body.BackupEmail;
  if (body.IsOnDuty !== undefined && body.IsOnDuty !== null) op.isOnDuty = body.IsOnDuty;
  if (body.SmsProvider) op.smsProvider = body.SmsProvider;
  if (body.DefaultDashboard) op.defaultDashboard = body.DefaultDashboard;
  if (body.SetupMode) op.setupMode = body.SetupMode;
  if (body.OperatorRole) op.operatorRole = body.OperatorRole;

  const phone = specified(body.OutgoingPhoneNumberId, body.OutgoingPhoneNumberIdSpecified);
  if (phone.apply) op.outgoingPhoneNumberId = phone.value;
  const culture = specified(body.CultureName, body.CultureNameSpecified);
  if (culture.apply) op.cultureName = culture.value;
  const tz = specified(body.TimeZoneId, body.TimeZoneIdSpecified);
  if (tz.apply) op.timeZoneId = tz.value;
  const numeric = specified(body.UseNumericSender, body.UseNumericSenderSpecified);
  if (numeric.apply) op.useNumericSender = numeric.value;
  // Null means "use the account default": native login on, SSO off.
  const native = specified(body.AllowNativeLogin, body.AllowNativeLoginSpecified);
  if (native.apply) op.allowNativeLogin = native.value ?? true;
  const sso = specified(body.AllowSingleSignon, body.AllowSingleSignonSpecified);
  if (sso.apply) op.allowSingleSignon = sso.value ?? false;

  if (body.Password) op.passwordHash = sha256(body.Password);

  if (!op.fullName) messages.push("FullName is required.");
  if (!op.email) messages.push("Email is required.");
  else if (!EMAIL.test(op.email)) messages.push(`'${op.email}' is not a valid e-mail address.`);
  else if (state.operators.some((o) => !sameGuid(o.operatorGuid, op.operatorGuid) && o.email.toLowerCase() === op.email.toLowerCase())) {
    messages.push("An operator with this e-mail address already exists.");
  }
  if (op.cultureName !== null && !(CULTURE_NAMES as readonly string[]).includes(op.cultureName)) {
    messages.push(`CultureName must be one of: ${CULTURE_NAMES.filter(Boolean).join(", ")} or empty.`);
  }
  if (!op.allowNativeLogin && !state.ssoEnabled) messages.push("AllowNativeLogin can only be set to false if the account has SSO enabled.");
  if (op.allowSingleSignon && !state.ssoEnabled) messages.push("AllowSingleSignon can only be set to true if the account has SSO enabled.");
  if (mode === "create" && op.allowNativeLogin && op.setupMode === "Manual" && !op.passwordHash) {
    messages.push("The password is a required field if AllowNativeLogin is set to True.");
  }
  return messages.length > 0 ? { ok: false, messages } : { ok: true, operator: op };
}
