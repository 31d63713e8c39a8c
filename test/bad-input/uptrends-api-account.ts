// Bad input for UptrendsApiAccount (rules: provider/vendors/uptrends/inputs.ts,
// docs/resources/UptrendsApiAccount.md): operatorGuid and importId must be GUIDs, description a
// string without control characters other than tabs and line breaks. Only warned: a description
// longer than the length we assume (Uptrends documents none).
import { guidVariants as g, type Corpus } from "./corpus.js";

export const uptrendsApiAccountCorpus: Corpus = {
  kind: "UptrendsApiAccount",
  className: "UptrendsApiAccount",
  prefix: "uptrends",
  valid: (f) => ({ operatorGuid: f.uptrendsOperatorGuid, description: "bad input" }),
  invalid: [
    { id: "operator-empty", category: "empty", set: { operatorGuid: "" }, property: "operatorGuid" },
    { id: "operator-blank", category: "whitespace", set: { operatorGuid: "   " }, property: "operatorGuid" },
    { id: "operator-missing", category: "missing", set: { operatorGuid: undefined }, property: "operatorGuid" },
    { id: "operator-short", category: "bad GUID", set: { operatorGuid: g.short }, property: "operatorGuid" },
    { id: "operator-long", category: "over-long", set: { operatorGuid: g.long }, property: "operatorGuid" },
    { id: "operator-braces", category: "bad GUID", set: { operatorGuid: g.braces }, property: "operatorGuid" },
    { id: "operator-newline", category: "control character", set: { operatorGuid: g.trailingNewline }, property: "operatorGuid" },
    { id: "operator-zwsp", category: "unusual Unicode", set: { operatorGuid: g.zeroWidthSpace }, property: "operatorGuid" },
    { id: "operator-cyrillic", category: "unusual Unicode", set: { operatorGuid: g.cyrillicA }, property: "operatorGuid" },
    { id: "operator-sql", category: "injection", set: { operatorGuid: g.sqlInjection }, property: "operatorGuid" },
    { id: "import-name", category: "bad GUID", set: { importId: "my-api-account" }, property: "importId" },
    { id: "import-number", category: "wrong type", set: { importId: 12345 }, property: "importId" },
    { id: "import-nonhex", category: "bad GUID", set: { importId: g.nonHex }, property: "importId" },
    { id: "import-nodashes", category: "bad GUID", set: { importId: g.noDashes }, property: "importId" },
    { id: "import-padded", category: "whitespace", set: { importId: g.padded }, property: "importId" },
    { id: "import-nul", category: "control character", set: { importId: g.withNul }, property: "importId" },
    { id: "import-fullwidth", category: "unusual Unicode", set: { importId: g.fullwidthDigits }, property: "importId" },
    { id: "import-path", category: "injection", set: { importId: g.pathTraversal }, property: "importId" },
    { id: "import-odata", category: "injection", set: { importId: g.odataInjection }, property: "importId" },
    { id: "import-wildcard", category: "injection", set: { importId: "*" }, property: "importId" },
    { id: "description-number", category: "wrong type", set: { description: 42 }, property: "description" },
    { id: "description-bool", category: "wrong type", set: { description: false }, property: "description" },
    { id: "description-list", category: "wrong type", set: { description: ["bad", "input"] }, property: "description" },
    { id: "description-object", category: "wrong type", set: { description: { text: "bad input" } }, property: "description" },
    { id: "description-nul", category: "control character", set: { description: "bad\u0000input" }, property: "description" },
    { id: "description-del", category: "control character", set: { description: "bad\u007finput" }, property: "description" },
    { id: "description-empty-object", category: "wrong type", set: { description: {} }, property: "description" },
  ],
  warned: [
    { id: "description-5000", set: { description: "d".repeat(5000) }, warning: /description has 5000 characters; .*at most 1024/ },
  ],
};
