// UiPath (Automation Cloud or Automation Suite), as the rest of the package sees it.
import { ConfigurationError } from "../../error-root.js";
import type { ResourceHandler } from "../../resource.js";
import { defineLookup, type VendorModule } from "../../vendor-module.js";
import { audit } from "./audit.js";
import { probe } from "./probe.js";
import { uiPathClient } from "./client.js";
import { RATE_LIMITS, VENDOR } from "./contract.js";
import { uiPathRobotAccount } from "./handler.js";
import { getUiPathGroupInputs, getUiPathGroupOutputs, robotAccountInputs, robotAccountOutputs } from "./inputs.js";
import { findUiPathGroup } from "./lookup.js";

const settings = {
  uipathBaseUrl: {
    env: "UIPATH_BASE_URL",
    description: "Base URL of UiPath Automation Cloud or of an Automation Suite installation. Defaults to UiPath Automation Cloud.",
    default: "https://cloud.uipath.com",
    namesTenant: true,
  },
  uipathOrganization: { env: "UIPATH_ORGANIZATION", description: "Name of the UiPath organization (the first segment of its URLs).", namesTenant: true },
  uipathPartitionGlobalId: {
    env: "UIPATH_PARTITION_GLOBAL_ID",
    description: "GUID of the UiPath organization (partitionGlobalId); the default of UiPathRobotAccount partitionGlobalId.",
    namesTenant: true,
  },
  uipathClientId: { env: "UIPATH_CLIENT_ID", description: "Client id of the UiPath external application the provider obtains tokens with." },
  uipathClientSecret: { env: "UIPATH_CLIENT_SECRET", description: "Client secret of that UiPath external application.", secret: true },
  uipathScopes: {
    env: "UIPATH_SCOPES",
    description: "The scopes the UiPath external application was granted, separated by spaces or commas; the provider checks them before each call that needs one.",
  },
} as const;

export const vendor: VendorModule<typeof settings> = {
  name: "uipath",
  aliases: [],
  displayName: VENDOR,
  settings,
  configuredBy: ["uipathOrganization", "uipathClientId"],
  kinds: [
    {
      kind: "UiPathRobotAccount",
      // POST, GET, PUT (group changes as add/remove lists), DELETE of the robot account.
      minimum: { up: { perIdentity: 1, perPhase: 0 }, "preview --refresh": { perIdentity: 1, perPhase: 0 }, update: { perIdentity: 1, perPhase: 0 }, destroy: { perIdentity: 1, perPhase: 0 } },
      sdkModule: "uipath-robot-account",
      // A getter, as is the probe's: the handler imports the settings, which import this registry,
      // so it may still be loading when this module is.
      get handler() {
        return uiPathRobotAccount as unknown as ResourceHandler;
      },
      inputs: robotAccountInputs,
      outputs: robotAccountOutputs,
      adviceExports: { inputs: "robotAccountInputs", advise: "adviseInputs" },
    },
  ],
  lookups: [defineLookup(getUiPathGroupInputs, getUiPathGroupOutputs, findUiPathGroup)],
  get probe() {
    return probe;
  },
  discover: {
    kind: "UiPathRobotAccount",
    async list(s) {
      const partition = s.uipathPartitionGlobalId;
      if (!partition) throw new ConfigurationError("UiPath: set apiidentity:uipathPartitionGlobalId or UIPATH_PARTITION_GLOBAL_ID to discover robot accounts");
      return (await uiPathClient(s).listRobots(partition)).map((r) => ({ id: r.id, label: r.name }));
    },
  },
  rateLimits: RATE_LIMITS,
  audit,
  // Loaded only by the demo and the transport bench: the npm package leaves demo.ts out.
  demo: () => import("./demo.js").then((m) => m.demo),
};
