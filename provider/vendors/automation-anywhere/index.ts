// Automation Anywhere (the Control Room), as the rest of the package sees it.
import { sameCaseless } from "../../caseless.js";
import type { ResourceHandler } from "../../resource.js";
import { defineLookup, type VendorModule } from "../../vendor-module.js";
import { audit } from "./audit.js";
import { probe } from "./probe.js";
import { controlRoomClient } from "./client.js";
import { VENDOR } from "./contract.js";
import { controlRoomUser } from "./handler.js";
import { getControlRoomRoleInputs, getControlRoomRoleOutputs, inputs, outputs } from "./inputs.js";
import { lookupRole } from "./roles.js";

const settings = {
  automationAnywhereUrl: { env: "AUTOMATION_ANYWHERE_URL", description: "Base URL of the Automation Anywhere Control Room.", namesTenant: true },
  automationAnywhereUsername: { env: "AUTOMATION_ANYWHERE_USERNAME", description: "Username of the Control Room user the provider logs in as." },
  automationAnywhereApiKey: { env: "AUTOMATION_ANYWHERE_API_KEY", description: "API key of that Control Room user; used instead of automationAnywherePassword when both are set.", secret: true },
  automationAnywherePassword: { env: "AUTOMATION_ANYWHERE_PASSWORD", description: "Password of that Control Room user (used when no automationAnywhereApiKey is set).", secret: true },
} as const;

export const vendor: VendorModule<typeof settings> = {
  name: "automation-anywhere",
  aliases: ["controlroom", "automationAnywhere"],
  displayName: VENDOR,
  formerSettingsPrefix: "controlRoom",
  settings,
  configuredBy: ["automationAnywhereUrl", "automationAnywhereUsername"],
  kinds: [
    {
      kind: "ControlRoomUser",
      // POST /users (role names to ids: one role list); GET, PUT, DELETE of the user.
      minimum: { up: { perIdentity: 1, perPhase: 1 }, "preview --refresh": { perIdentity: 1, perPhase: 0 }, update: { perIdentity: 1, perPhase: 0 }, destroy: { perIdentity: 1, perPhase: 0 } },
      sdkModule: "control-room-user",
      // A getter, as is the probe's: the handler imports the settings, which import this registry,
      // so it may still be loading when this module is.
      get handler() {
        return controlRoomUser as unknown as ResourceHandler;
      },
      inputs,
      outputs,
      adviceExports: { inputs: "inputs", advise: "advise" },
      sdk: {
        from: "./sdk.js",
        imports: ["ControlRoomLicenseFeature", "ControlRoomRole", "roleNames"],
        args: { roles: "string | ControlRoomRole", licenseFeatures: "ControlRoomLicenseFeature" },
        outputs: { licenseFeatures: "ControlRoomLicenseFeature" },
        convert: { roles: "roleNames" },
      },
    },
  ],
  lookups: [defineLookup(getControlRoomRoleInputs, getControlRoomRoleOutputs, lookupRole)],
  get probe() {
    return probe;
  },
  discover: {
    kind: "ControlRoomUser",
    async list(s) {
      const self = s.automationAnywhereUsername;
      return (await controlRoomClient(s).listUsers()).filter((u) => !sameCaseless(u.username, self)).map((u) => ({ id: String(u.id), label: u.username }));
    },
  },
  audit,
  // Loaded only by the demo and the transport bench: the npm package leaves demo.ts out.
  demo: () => import("./demo.js").then((m) => m.demo),
};
