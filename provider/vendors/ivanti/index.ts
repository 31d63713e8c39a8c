// Ivanti Neurons for MDM, as the rest of the package sees it.
import type { ResourceHandler } from "../../resource.js";
import type { VendorModule } from "../../vendor-module.js";
import { audit } from "./audit.js";
import { probe } from "./probe.js";
import { isApiUserAccount, isLoginAccount, ivantiClient } from "./client.js";
import { VENDOR } from "./contract.js";
import { iseApiUser } from "./handler.js";
import { iseApiUserInputs, iseApiUserOutputs } from "./inputs.js";

const settings = {
  ivantiBaseUrl: { env: "IVANTI_BASE_URL", description: "Base URL of the Ivanti Neurons for MDM tenant (its host, https).", namesTenant: true },
  ivantiUsername: { env: "IVANTI_USERNAME", description: "Username of the Ivanti administrator or API user the provider calls the API with." },
  ivantiPassword: { env: "IVANTI_PASSWORD", description: "Password of that Ivanti account.", secret: true },
  ivantiDmPartitionId: { env: "IVANTI_DM_PARTITION_ID", description: "Device space (dmPartitionId) roles are assigned in. Defaults to the tenant's default device space." },
  ivantiIseRoleName: {
    env: "IVANTI_ISE_ROLE_NAME",
    description: "The tenant's own name of the Cisco ISE Operations role, when it spells the role differently; it then also is the default of IseApiUser roles.",
  },
} as const;

export const vendor: VendorModule<typeof settings> = {
  name: "ivanti",
  aliases: ["ise"],
  displayName: VENDOR,
  settings,
  configuredBy: ["ivantiBaseUrl", "ivantiUsername"],
  kinds: [
    {
      kind: "IseApiUser",
      // POST /accounts (roles by id: the role catalogue once); refresh: the account, then its roles (the
      // account answer carries none); update: PUT; delete: one DELETE of the account (the current form;
      // a tenant that refuses it costs a second, the older bulk form).
      minimum: { up: { perIdentity: 1, perPhase: 1 }, "preview --refresh": { perIdentity: 2, perPhase: 0 }, update: { perIdentity: 1, perPhase: 0 }, destroy: { perIdentity: 1, perPhase: 0 } },
      sdkModule: "ise-api-user",
      // A getter, as is the probe's: the handler imports the settings, which import this registry,
      // so it may still be loading when this module is.
      get handler() {
        return iseApiUser as unknown as ResourceHandler;
      },
      inputs: iseApiUserInputs,
      outputs: iseApiUserOutputs,
      adviceExports: { inputs: "iseApiUserInputs", advise: "adviseInputs" },
    },
  ],
  lookups: [],
  get probe() {
    return probe;
  },
  discover: {
    kind: "IseApiUser",
    async list(s) {
      const self = s.ivantiUsername;
      const all = await ivantiClient(s).listAccounts();
      return all
        .filter((a) => isApiUserAccount(a) === true && !isLoginAccount(a, self))
        .map((a) => ({ id: String(a.id), label: a.username ?? a.uid ?? String(a.id) }));
    },
  },
  audit,
  // Loaded only by the demo and the transport bench: the npm package leaves demo.ts out.
  demo: () => import("./demo.js").then((m) => m.demo),
};
