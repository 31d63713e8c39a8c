// The value the engine passes during preview for an input that is not known yet.
// @pulumi/pulumi exports it only as `unknownValue` of its runtime module, and loading that module pulls
// in the engine connection and run settings; the handlers also run outside a Pulumi program
// (`apiidentity check`, discover, tests), and runtime Pulumi imports stay inside dynamic/ and plugin/
// (ARCHITECTURE.md). So this one constant is kept here, and unknown.test.ts proves it equals the runtime's.
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
