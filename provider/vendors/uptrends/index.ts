// Uptrends, as the rest of the package sees it.
import { sameCaseless } from "../../caseless.js";
import type { ResourceHandler } from "../../resource.js";
import { defineLookup, type VendorModule } from "../../vendor-module.js";
import { audit } from "./audit.js";
import { probe } from "./probe.js";
import { uptrendsClient } from "./client.js";
import { VENDOR } from "./contract.js";
import { uptrendsApiAccount } from "./handler.js";
import { getUptrendsOperatorInputs, getUptrendsOperatorOutputs, uptrendsApiAccountInputs, uptrendsApiAccountOutputs } from "./inputs.js";
import { lookupOperator } from "./operators.js";

const settings = {
  uptrendsUsername: { env: "UPTRENDS_USERNAME", description: "Username of the Uptrends API account the provider calls the API with (HTTP Basic)." },
  uptrendsPassword: { env: "UPTRENDS_PASSWORD", description: "Password of that Uptrends API account.", secret: true },
  uptrendsBaseUrl: { env: "UPTRENDS_BASE_URL", description: "Base URL of the Uptrends API v4. Defaults to the public Uptrends API.", default: "https://api.uptrends.com/v4", namesTenant: true },
} as const;

export const vendor: VendorModule<typeof settings> = {
  name: "uptrends",
  aliases: [],
  displayName: VENDOR,
  settings,
  configuredBy: ["uptrendsUsername"],
  kinds: [
    {
      kind: "UptrendsApiAccount",
      // POST, GET, PUT, DELETE of /ApiUser: one each.
      minimum: { up: { perIdentity: 1, perPhase: 0 }, "preview --refresh": { perIdentity: 1, perPhase: 0 }, update: { perIdentity: 1, perPhase: 0 }, destroy: { perIdentity: 1, perPhase: 0 } },
      sdkModule: "uptrends-api-account",
      // A getter, as is the probe's: the handler imports the settings, which import this registry,
      // so it may still be loading when this module is.
      get handler() {
        return uptrendsApiAccount as unknown as ResourceHandler;
      },
      inputs: uptrendsApiAccountInputs,
      outputs: uptrendsApiAccountOutputs,
      adviceExports: { inputs: "uptrendsApiAccountInputs", advise: "adviseInputs" },
    },
  ],
  lookups: [defineLookup(getUptrendsOperatorInputs, getUptrendsOperatorOutputs, lookupOperator)],
  get probe() {
    return probe;
  },
  discover: {
    kind: "UptrendsApiAccount",
    async list(s) {
      const client = uptrendsClient(s);
      const self = s.uptrendsUsername;
      const found = [];
      for (const op of await client.listOperators()) {
        for (const u of await client.listApiUsersOfOperator(op.OperatorGuid)) {
          if (!sameCaseless(u.UserName, self)) found.push({ id: u.ApiUserGuid, label: u.Description || u.UserName });
        }
      }
      return found;
    },
  },
  audit,
  // Loaded only by the demo and the transport bench: the npm package leaves demo.ts out.
  demo: () => import("./demo.js").then((m) => m.demo),
};
