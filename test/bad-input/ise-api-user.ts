// Bad input for IseApiUser (rules: provider/vendors/ivanti/inputs.ts, docs/resources/IseApiUser.md).
// Refused: a malformed emailAddress, a username with ':', an empty or blank name, control characters
// in a name, an empty password, roles without
// the Cisco ISE role, a non-numeric importId, wrong types. Only warned (the tenant decides): the
// password policy, names over 255 characters or with spaces at either end.
import type { Corpus } from "./corpus.js";

export const iseApiUserCorpus: Corpus = {
  kind: "IseApiUser",
  className: "IseApiUser",
  prefix: "ise",
  valid: () => ({ emailAddress: "bad-input-ise@example.com", firstName: "Bad", lastName: "Input", password: "Ex4mple-Ise-Pass" }),
  invalid: [
    { id: "email-empty", category: "empty", set: { emailAddress: "" }, property: "emailAddress" },
    { id: "email-missing", category: "missing", set: { emailAddress: undefined }, property: "emailAddress" },
    { id: "email-double-at", category: "bad e-mail", set: { emailAddress: "ise@@example.com" }, property: "emailAddress" },
    { id: "email-newline", category: "control character", set: { emailAddress: "ise@example.com\n" }, property: "emailAddress" },
    { id: "email-injection", category: "injection", set: { emailAddress: "ise@example.com' OR '1'='1" }, property: "emailAddress" },
    { id: "username-empty", category: "empty", set: { username: "" }, property: "username" },
    { id: "username-colon", category: "rule", set: { username: "svc:ise" }, property: "username" },
    { id: "username-number", category: "wrong type", set: { username: 7 }, property: "username" },
    { id: "username-blank", category: "whitespace", set: { username: "   " }, property: "username" },
    { id: "username-nul", category: "control character", set: { username: "ise\u0000api" }, property: "username" },
    { id: "username-newline", category: "control character", set: { username: "ise\napi" }, property: "username" },
    { id: "first-empty", category: "empty", set: { firstName: "" }, property: "firstName" },
    { id: "first-bool", category: "wrong type", set: { firstName: true }, property: "firstName" },
    { id: "last-empty", category: "empty", set: { lastName: "" }, property: "lastName" },
    { id: "first-blank", category: "whitespace", set: { firstName: "  " }, property: "firstName" },
    { id: "last-tab", category: "control character", set: { lastName: "In\tput" }, property: "lastName" },
    { id: "display-nul", category: "control character", set: { displayName: "Bad\u0000Input" }, property: "displayName" },
    { id: "display-c1", category: "control character", set: { displayName: "Bad\u0085Input" }, property: "displayName" },
    { id: "display-empty", category: "empty", set: { displayName: "" }, property: "displayName" },
    { id: "password-empty", category: "password rule", set: { password: "" }, property: "password" },
    { id: "password-missing", category: "missing", set: { password: undefined }, property: "password" },
    { id: "password-number", category: "wrong type", set: { password: 12345678 }, property: "password" },
    { id: "roles-empty", category: "empty", set: { roles: [] }, property: "roles" },
    { id: "roles-no-ise", category: "unknown role", set: { roles: ["Device Manager"] }, property: "roles" },
    { id: "roles-string", category: "wrong type", set: { roles: "Cisco ISE Operations" }, property: "roles" },
    { id: "roles-cyrillic", category: "unusual Unicode", set: { roles: ["\u0421isco ISE Operations"] }, property: "roles" },
    { id: "roles-nul", category: "control character", set: { roles: ["Cisco ISE\u0000Operations"] }, property: "roles" },
    { id: "enabled-number", category: "wrong type", set: { enabled: 1 }, property: "enabled" },
    { id: "enabled-string", category: "wrong type", set: { enabled: "yes" }, property: "enabled" },
    { id: "import-letters", category: "bad id", set: { importId: "abc" }, property: "importId" },
    { id: "import-padded", category: "whitespace", set: { importId: " 10005 " }, property: "importId" },
    { id: "import-fullwidth", category: "unusual Unicode", set: { importId: "\uff11\uff10\uff10\uff10\uff15" }, property: "importId" },
    { id: "import-injection", category: "injection", set: { importId: "10005; DROP TABLE accounts" }, property: "importId" },
  ],
  warned: [
    { id: "password-policy", set: { password: "short" }, warning: /password must be 8 to 128 characters/ },
    { id: "first-long", set: { firstName: "F".repeat(300) }, warning: /firstName has 300 characters/ },
    { id: "username-5000", set: { username: "u".repeat(5000) }, warning: /username has 5000 characters; .*more than 255/ },
    { id: "last-5000", set: { lastName: "L".repeat(5000) }, warning: /lastName has 5000 characters; .*more than 255/ },
    { id: "display-5000", set: { displayName: "D".repeat(5000) }, warning: /displayName has 5000 characters; .*more than 255/ },
    { id: "display-padded", set: { displayName: " Bad Input " }, warning: /displayName starts or ends with whitespace/ },
  ],
};
