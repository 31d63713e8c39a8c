// Bad input for VerifyApiClient (rules: provider/vendors/ibm-verify/inputs.ts,
// docs/resources/VerifyApiClient.md). Refused: a blank clientName, control characters in names and
// descriptions, no or empty entitlements, an
// ipFilterOp other than allow/deny, an ipFilters entry that is no IP address or CIDR block, a filter
// half set, empty or repeated scope names, the provider's marker in description, wrong types.
// Only warned: an entitlement name this package does not know (IBM Verify decides), names and
// descriptions longer than the lengths we assume (IBM's OpenAPI file documents none).
import type { Corpus } from "./corpus.js";

// A bad address alone: its own rule fails first, so the cross-property rules (a filter needs an
// operation) are not applied and the refusal names ipFilters only.
const filters = (ipFilters: unknown) => ({ ipFilters });

export const verifyApiClientCorpus: Corpus = {
  kind: "VerifyApiClient",
  className: "VerifyApiClient",
  prefix: "verify",
  valid: () => ({ clientName: "bad-input-client", entitlements: ["readUsers"] }),
  invalid: [
    { id: "name-empty", category: "empty", set: { clientName: "" }, property: "clientName" },
    { id: "name-tab-newline", category: "control character", set: { clientName: "\t\r\n" }, property: "clientName" },
    { id: "name-ideographic-space", category: "unusual Unicode", set: { clientName: "\u3000\u00a0\ufeff" }, property: "clientName" },
    { id: "name-nul", category: "control character", set: { clientName: "bad\u0000client" }, property: "clientName" },
    { id: "name-newline", category: "control character", set: { clientName: "bad\nclient" }, property: "clientName" },
    { id: "name-number", category: "wrong type", set: { clientName: 42 }, property: "clientName" },
    { id: "entitlements-empty", category: "empty", set: { entitlements: [] }, property: "entitlements" },
    { id: "entitlements-empty-name", category: "empty", set: { entitlements: [""] }, property: "entitlements" },
    { id: "entitlements-string", category: "wrong type", set: { entitlements: "readUsers" }, property: "entitlements" },
    { id: "entitlements-missing", category: "missing", set: { entitlements: undefined }, property: "entitlements" },
    { id: "description-marker", category: "rule", set: { description: "copied [apiidentity:0123] marker" }, property: "description" },
    { id: "description-nul", category: "control character", set: { description: "bad\u0000input" }, property: "description" },
    { id: "description-number", category: "wrong type", set: { description: 7 }, property: "description" },
    { id: "enabled-string", category: "wrong type", set: { enabled: "true" }, property: "enabled" },
    { id: "op-permit", category: "rule", set: { ipFilterOp: "permit" }, property: "ipFilterOp" },
    { id: "op-upper", category: "rule", set: { ipFilterOp: "ALLOW" }, property: "ipFilterOp" },
    { id: "op-without-filters", category: "rule", set: { ipFilterOp: "allow" }, property: "ipFilters", crossProperty: true },
    { id: "filters-without-op", category: "rule", set: { ipFilters: ["10.0.0.1"] }, property: "ipFilterOp", crossProperty: true },
    { id: "filter-octet", category: "rule", set: filters(["999.1.1.1"]), property: "ipFilters" },
    { id: "filter-prefix", category: "over-long", set: filters(["10.0.0.0/33"]), property: "ipFilters" },
    { id: "filter-fullwidth", category: "unusual Unicode", set: filters(["\uff11\uff10.0.0.1"]), property: "ipFilters" },
    { id: "filter-injection", category: "injection", set: filters(["10.0.0.1; rm -rf /"]), property: "ipFilters" },
    { id: "scope-empty", category: "empty", set: { scopes: [{ name: "" }] }, property: "scopes" },
    { id: "scope-twice", category: "rule", set: { scopes: [{ name: "openid" }, { name: "openid" }] }, property: "scopes", crossProperty: true },
    { id: "scope-name-nul", category: "control character", set: { scopes: [{ name: "open\u0000id" }] }, property: "scopes" },
    { id: "scope-unknown-key", category: "rule", set: { scopes: [{ name: "openid", grant: "all" }] }, property: "scopes" },
    { id: "scopes-string", category: "wrong type", set: { scopes: "openid" }, property: "scopes" },
    { id: "restrict-string", category: "wrong type", set: { restrictScopes: "yes" }, property: "restrictScopes" },
    { id: "rotation-bool", category: "wrong type", set: { secretRotation: true }, property: "secretRotation" },
    { id: "rotation-object", category: "wrong type", set: { secretRotation: { at: 1 } }, property: "secretRotation" },
    { id: "import-empty", category: "empty", set: { importId: "" }, property: "importId" },
    { id: "import-blank", category: "whitespace", set: { importId: "   " }, property: "importId" },
  ],
  warned: [
    { id: "entitlement-unknown", set: { entitlements: ["manageApiClients"] }, warning: /entitlements: 'manageApiClients' is not an IBM Verify entitlement this package knows/ },
    { id: "name-5000", set: { clientName: "c".repeat(5000) }, warning: /clientName has 5000 characters; .*at most 255/ },
    { id: "description-5000", set: { description: "d".repeat(5000) }, warning: /description has 5000 characters; .*at most 1024/ },
  ],
};
