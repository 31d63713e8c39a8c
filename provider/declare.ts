// The declarations of every shipped resource kind and lookup, in one list: the source the
// generators (schema.json, SDK classes, docs tables) and the CLI's secret handling read, so that no
// caller guesses a secret from its name. Each entry points at the vendor folder's inputs.ts.
import type { z } from "zod";
import { secretsOf, shapeOf, writeOnlyOf } from "./property-facts.js";
import * as automationAnywhere from "./vendors/automation-anywhere/inputs.js";
import * as ibmVerify from "./vendors/ibm-verify/inputs.js";
import * as ivanti from "./vendors/ivanti/inputs.js";
import * as uipath from "./vendors/uipath/inputs.js";
import * as uptrends from "./vendors/uptrends/inputs.js";

export { SETTING_FACTS, type SettingFacts } from "./setting-facts.js";
export { factsOf, replacesOf, secretsOf, shapeOf, updatableOf, writeOnlyOf, type OnChange, type PropertyFacts } from "./property-facts.js";

export interface ResourceDeclaration {
  /** Resource type name, e.g. `UptrendsApiAccount` (token `apiidentity:index:<kind>`). */
  readonly kind: string;
  /** The vendor folder under provider/vendors/. */
  readonly folder: string;
  /** The SDK module under sdk/ that holds the generated class. */
  readonly sdkModule: string;
  readonly inputs: z.ZodObject;
  readonly outputs: z.ZodObject;
}

export interface LookupDeclaration {
  /** Function name in the SDK, e.g. `getUptrendsOperator` (token `apiidentity:index:<name>`). */
  readonly name: string;
  readonly folder: string;
  readonly inputs: z.ZodObject;
  readonly outputs: z.ZodObject;
}

/** The five shipped resources, in the order the docs present them. */
export const RESOURCES: readonly ResourceDeclaration[] = [
  { kind: "IseApiUser", folder: "ivanti", sdkModule: "ise-api-user", inputs: ivanti.iseApiUserInputs, outputs: ivanti.iseApiUserOutputs },
  { kind: "UptrendsApiAccount", folder: "uptrends", sdkModule: "uptrends-api-account", inputs: uptrends.uptrendsApiAccountInputs, outputs: uptrends.uptrendsApiAccountOutputs },
  { kind: "ControlRoomUser", folder: "automation-anywhere", sdkModule: "control-room-user", inputs: automationAnywhere.inputs, outputs: automationAnywhere.outputs },
  { kind: "VerifyApiClient", folder: "ibm-verify", sdkModule: "verify-api-client", inputs: ibmVerify.verifyApiClientInputs, outputs: ibmVerify.verifyApiClientOutputs },
  { kind: "UiPathRobotAccount", folder: "uipath", sdkModule: "uipath-robot-account", inputs: uipath.robotAccountInputs, outputs: uipath.robotAccountOutputs },
];

/** The lookups a program calls to find the ids resources take. */
export const LOOKUPS: readonly LookupDeclaration[] = [
  { name: "getUptrendsOperator", folder: "uptrends", inputs: uptrends.getUptrendsOperatorInputs, outputs: uptrends.getUptrendsOperatorOutputs },
  { name: "getControlRoomRole", folder: "automation-anywhere", inputs: automationAnywhere.getControlRoomRoleInputs, outputs: automationAnywhere.getControlRoomRoleOutputs },
  { name: "getUiPathGroup", folder: "uipath", inputs: uipath.getUiPathGroupInputs, outputs: uipath.getUiPathGroupOutputs },
];

export function declarationOf(kind: string): ResourceDeclaration | undefined {
  return RESOURCES.find((r) => r.kind === kind);
}

/** Every property (input or output) of `kind` that Pulumi keeps as a secret; empty for an unknown kind. */
export function secretPropertiesOf(kind: string): ReadonlySet<string> {
  const d = declarationOf(kind);
  return new Set(d ? [...secretsOf(d.inputs), ...secretsOf(d.outputs)] : []);
}

/**
 * Secret inputs the vendor never returns (passwords a user sets): a read cannot recover them, so
 * a declaration written from what the vendor holds must take them from elsewhere (stack config).
 */
export function writeOnlyInputsOf(kind: string): readonly string[] {
  const d = declarationOf(kind);
  return d ? writeOnlyOf(d.inputs) : [];
}

/** Inputs a program must set for `kind` (neither optional nor defaulted); empty for an unknown kind. */
export function requiredInputsOf(kind: string): readonly string[] {
  const d = declarationOf(kind);
  if (!d) return [];
  return Object.entries(shapeOf(d.inputs))
    .filter(([, s]) => !s.safeParse(undefined).success)
    .map(([name]) => name);
}
