// Bad input for UiPathRobotAccount (rules: provider/vendors/uipath/inputs.ts,
// docs/resources/UiPathRobotAccount.md). Refused: an empty or blank name or displayName, control
// characters in either, group, partition and import ids that are not GUIDs, a group listed twice,
// wrong types. Only warned (UiPath documents no rule): a name over 64 characters or outside printable
// ASCII without spaces or '@', a displayName over 255. Whether a
// group exists is UiPath's to say at create: a well-formed unknown group id is not refused here.
import { guidVariants as g, type Corpus } from "./corpus.js";

export const uiPathRobotAccountCorpus: Corpus = {
  kind: "UiPathRobotAccount",
  className: "UiPathRobotAccount",
  prefix: "uipath",
  valid: (f) => ({ name: "bad-input-robot", displayName: "Bad input robot", partitionGlobalId: f.uipathPartitionGlobalId }),
  invalid: [
    { id: "name-empty", category: "empty", set: { name: "" }, property: "name" },
    { id: "name-missing", category: "missing", set: { name: undefined }, property: "name" },
    { id: "name-number", category: "wrong type", set: { name: 42 }, property: "name" },
    { id: "name-list", category: "wrong type", set: { name: ["bad-input-robot"] }, property: "name" },
    { id: "name-blank", category: "whitespace", set: { name: "   " }, property: "name" },
    { id: "name-nul", category: "control character", set: { name: "robot\u0000" }, property: "name" },
    { id: "name-newline", category: "control character", set: { name: "bad-input\nrobot" }, property: "name" },
    { id: "display-empty", category: "empty", set: { displayName: "" }, property: "displayName" },
    { id: "display-number", category: "wrong type", set: { displayName: 7 }, property: "displayName" },
    { id: "display-bool", category: "wrong type", set: { displayName: false }, property: "displayName" },
    { id: "display-blank", category: "whitespace", set: { displayName: " \t " }, property: "displayName" },
    { id: "display-nul", category: "control character", set: { displayName: "Bad\u0000robot" }, property: "displayName" },
    { id: "groups-string", category: "wrong type", set: { groupIds: g.valid }, property: "groupIds" },
    { id: "groups-number", category: "wrong type", set: { groupIds: [42] }, property: "groupIds" },
    { id: "groups-name", category: "bad GUID", set: { groupIds: ["Robots"] }, property: "groupIds" },
    { id: "groups-twice", category: "rule", set: { groupIds: [g.valid, g.valid.toUpperCase()] }, property: "groupIds" },
    { id: "groups-zwsp", category: "unusual Unicode", set: { groupIds: [g.zeroWidthSpace] }, property: "groupIds" },
    { id: "groups-odata", category: "injection", set: { groupIds: [g.odataInjection] }, property: "groupIds" },
    { id: "partition-empty", category: "empty", set: { partitionGlobalId: "" }, property: "partitionGlobalId" },
    { id: "partition-name", category: "bad GUID", set: { partitionGlobalId: "my-organization" }, property: "partitionGlobalId" },
    { id: "partition-number", category: "wrong type", set: { partitionGlobalId: 1 }, property: "partitionGlobalId" },
    { id: "partition-path", category: "injection", set: { partitionGlobalId: g.pathTraversal }, property: "partitionGlobalId" },
    { id: "partition-cyrillic", category: "unusual Unicode", set: { partitionGlobalId: g.cyrillicA }, property: "partitionGlobalId" },
    { id: "partition-crlf", category: "control character", set: { partitionGlobalId: `${g.valid}\r\n` }, property: "partitionGlobalId" },
    { id: "import-name", category: "bad GUID", set: { importId: "robot-1" }, property: "importId" },
    { id: "import-empty", category: "empty", set: { importId: "" }, property: "importId" },
    { id: "import-nodashes", category: "bad GUID", set: { importId: g.noDashes }, property: "importId" },
    { id: "import-odata", category: "injection", set: { importId: g.odataInjection }, property: "importId" },
    { id: "import-bool", category: "wrong type", set: { importId: true }, property: "importId" },
    { id: "import-nul", category: "control character", set: { importId: g.withNul }, property: "importId" },
  ],
  warned: [
    { id: "name-spaces", set: { name: "bad input robot" }, warning: /name 'bad input robot' has characters outside printable ASCII, or spaces or '@'/ },
    { id: "name-long", set: { name: "r".repeat(80) }, warning: /has 80 characters, over the guessed limit of at most 64/ },
    { id: "name-5000", set: { name: "r".repeat(5000) }, warning: /name '.*' has 5000 characters, over the guessed limit of at most 64/ },
    { id: "display-5000", set: { displayName: "D".repeat(5000) }, warning: /displayName has 5000 characters; .*at most 255/ },
  ],
};
