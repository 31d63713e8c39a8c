// IBM Verify, as the rest of the package sees it.
import type { ResourceHandler } from "../../resource.js";
import type { VendorModule } from "../../vendor-module.js";
import { audit } from "./audit.js";
import { probe } from "./probe.js";
import { normaliseTenantUrl, verifyClient } from "./client.js";
import { VENDOR } from "./contract.js";
import { verifyApiClient } from "./handler.js";
import { verifyApiClientInputs, verifyApiClientOutputs } from "./inputs.js";
import { markedClients } from "./orphans.js";
import { settleByMarker } from "./recover.js";

const settings = {
  ibmVerifyTenantUrl: { env: "IBM_VERIFY_TENANT_URL", description: "Base URL of the IBM Verify tenant, e.g. https://example.verify.ibm.com.", namesTenant: true },
  ibmVerifyClientId: { env: "IBM_VERIFY_CLIENT_ID", description: "Client id of the IBM Verify API client the provider obtains tokens with." },
  ibmVerifyClientSecret: { env: "IBM_VERIFY_CLIENT_SECRET", description: "Client secret of that IBM Verify API client.", secret: true },
} as const;

export const vendor: VendorModule<typeof settings> = {
  name: "ibm-verify",
  aliases: ["verify", "ibmVerify"],
  displayName: VENDOR,
  formerSettingsPrefix: "verify",
  settings,
  configuredBy: ["ibmVerifyTenantUrl", "ibmVerifyClientId"],
  kinds: [
    {
      kind: "VerifyApiClient",
      // POST, then GET of Location (the answer has no client id or secret); GET; update: GET + PUT (a
      // full replace that must carry the secret and the fields we do not manage); DELETE.
      minimum: { up: { perIdentity: 2, perPhase: 0 }, "preview --refresh": { perIdentity: 1, perPhase: 0 }, update: { perIdentity: 2, perPhase: 0 }, destroy: { perIdentity: 1, perPhase: 0 } },
      sdkModule: "verify-api-client",
      // A getter, as is the probe's: the handler imports the settings, which import this registry,
      // so it may still be loading when this module is.
      get handler() {
        return verifyApiClient as unknown as ResourceHandler;
      },
      inputs: verifyApiClientInputs,
      outputs: verifyApiClientOutputs,
      adviceExports: { inputs: "verifyApiClientInputs", advise: "adviseInputs" },
      settleByMark: settleByMarker,
    },
  ],
  lookups: [],
  get probe() {
    return probe;
  },
  discover: {
    kind: "VerifyApiClient",
    async list(s) {
      const self = s.ibmVerifyClientId;
      return (await verifyClient(s).list()).filter((c) => c.clientId !== self).map((c) => ({ id: c.id, label: c.clientName }));
    },
  },
  // The create marker (`[apiidentity:<nonce>]` at the end of the description) attributes a client.
  orphans: {
    kind: "VerifyApiClient",
    configured: (s) => s.ibmVerifyTenantUrl !== undefined || s.ibmVerifyClientId !== undefined,
    tenant: (s) => (s.ibmVerifyTenantUrl === undefined ? undefined : normaliseTenantUrl(s.ibmVerifyTenantUrl).toLowerCase()),
    marked: async (s) => markedClients(await verifyClient(s).list()),
  },
  audit,
  // Loaded only by the demo and the transport bench: the npm package leaves demo.ts out.
  demo: () => import("./demo.js").then((m) => m.demo),
};
