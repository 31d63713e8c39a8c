// Bad input for ControlRoomUser (rules: provider/vendors/automation-anywhere/inputs.ts,
// docs/resources/ControlRoomUser.md). Refused: the documented create-user rules (username up to
// 255 characters, an e-mail shape, passwords of 8-15 characters from a-z A-Z 0-9 @ - _ ! # $ % & .,
// at least one role, no repeats), wrong types, and role names the Control Room's roles list does not
// hold (the one read-only look-up check makes). Only warned: undocumented licence features, an
// e-mail the strict "name@domain.tld" reading refuses, role names differing only in case.
import type { Corpus } from "./corpus.js";

export const controlRoomUserCorpus: Corpus = {
  kind: "ControlRoomUser",
  className: "ControlRoomUser",
  prefix: "cr",
  valid: () => ({ username: "bad-input-bot", email: "bot@example.com", password: "Ex4mple#Bot1", roles: ["AAE_Basic"], licenseFeatures: ["RUNTIME"] }),
  invalid: [
    { id: "username-empty", category: "empty", set: { username: "" }, property: "username" },
    { id: "username-long", category: "over-long", set: { username: "u".repeat(256) }, property: "username" },
    { id: "username-number", category: "wrong type", set: { username: 42 }, property: "username" },
    { id: "username-missing", category: "missing", set: { username: undefined }, property: "username" },
    { id: "email-empty", category: "empty", set: { email: "" }, property: "email" },
    { id: "email-no-at", category: "bad e-mail", set: { email: "not-an-email" }, property: "email" },
    { id: "email-space", category: "bad e-mail", set: { email: "bot owner@example.com" }, property: "email" },
    { id: "email-tab", category: "control character", set: { email: "bot@example.com\t" }, property: "email" },
    { id: "email-number", category: "wrong type", set: { email: 1 }, property: "email" },
    { id: "password-short", category: "password rule", set: { password: "Sh0rt!x" }, property: "password" },
    { id: "password-long", category: "over-long", set: { password: "ThisIsWayTooLong1!" }, property: "password" },
    { id: "password-star", category: "password rule", set: { password: "Pass*word12" }, property: "password" },
    { id: "password-umlaut", category: "unusual Unicode", set: { password: "P\u00e4ssword-12" }, property: "password" },
    { id: "password-quote", category: "injection", set: { password: "pw' OR '1'='1" }, property: "password" },
    { id: "password-missing", category: "missing", set: { password: undefined }, property: "password", crossProperty: true },
    { id: "roles-empty", category: "empty", set: { roles: [] }, property: "roles" },
    { id: "roles-twice", category: "rule", set: { roles: ["AAE_Basic", "AAE_Basic"] }, property: "roles" },
    { id: "roles-empty-name", category: "empty", set: { roles: [""] }, property: "roles" },
    { id: "roles-unknown", category: "unknown role", set: { roles: ["Bot_Wizard"] }, property: "roles", lookup: true },
    { id: "roles-injection", category: "injection", set: { roles: ["AAE_Basic' OR 1=1 --"] }, property: "roles", lookup: true },
    { id: "roles-cyrillic", category: "unusual Unicode", set: { roles: ["AAE_B\u0430sic"] }, property: "roles", lookup: true },
    { id: "roles-nul", category: "control character", set: { roles: ["AAE_Basic\u0000"] }, property: "roles", lookup: true },
    { id: "disabled-string", category: "wrong type", set: { disabled: "no" }, property: "disabled" },
    { id: "autologin-number", category: "wrong type", set: { enableAutoLogin: 1 }, property: "enableAutoLogin" },
    { id: "licenses-string", category: "wrong type", set: { licenseFeatures: "RUNTIME" }, property: "licenseFeatures" },
    { id: "licenses-twice", category: "rule", set: { licenseFeatures: ["RUNTIME", "RUNTIME"] }, property: "licenseFeatures" },
    { id: "licenses-empty-name", category: "empty", set: { licenseFeatures: [""] }, property: "licenseFeatures" },
    { id: "first-number", category: "wrong type", set: { firstName: 5 }, property: "firstName" },
    { id: "description-bool", category: "wrong type", set: { description: false }, property: "description" },
    { id: "domain-empty", category: "empty", set: { domain: "" }, property: "domain" },
    { id: "import-letters", category: "bad id", set: { importId: "abc" }, property: "importId" },
    { id: "import-injection", category: "injection", set: { importId: "2075 OR 1=1" }, property: "importId" },
  ],
  warned: [
    { id: "license-undocumented", set: { licenseFeatures: ["ATTENDEDRUNTIME"] }, warning: /licenseFeatures: 'ATTENDEDRUNTIME' is not one of the documented features/ },
    { id: "email-no-tld", set: { email: "bot@localhost" }, warning: /email: 'bot@localhost' may not pass/ },
    { id: "roles-case", set: { roles: ["AAE_Basic", "aae_basic"] }, warning: /roles: 'AAE_Basic' and 'aae_basic' differ only in letter case/ },
  ],
};
