// Emulator of the IBM Verify SaaS API-client API and its OAuth token endpoint (facts and sources:
// docs/vendors/ibm-verify.md; what is emulated: CONTRACT.md).
import { listOf } from "../../held.js";
import type { VendorModule } from "../../types.js";
import { errorResponse } from "./errors.js";
import { apiClientRoutes } from "./routes-apiclients.js";
import { SEED_ADMIN, seed, type VerifyState } from "./state.js";
import { issueToken } from "./token.js";

/** The seeded admin client as it is now (a test may have rotated its secret through PUT). */
function admin(state: VerifyState): { clientId: string; clientSecret: string } {
  const c = state.apiClients.find((a) => a.id === SEED_ADMIN.id);
  return { clientId: c?.clientId ?? SEED_ADMIN.clientId, clientSecret: c?.clientSecret ?? SEED_ADMIN.clientSecret };
}

export const ibmVerify: VendorModule<VerifyState, "VerifyApiClient", "ibm-verify"> = {
  id: "ibm-verify",
  prefix: "/ibm-verify",
  kinds: {
    VerifyApiClient: {
      held: (s) => listOf(s.apiClients).map((c) => ({ id: String(c.id), key: String(c.clientName), fields: c })),
      example: ({ name, label }) => ({ clientName: name, entitlements: ["readUsers"], description: label }),
    },
  },
  auth: "token",
  seed,
  routes: [
    { method: "POST", template: "/oauth2/token", handler: issueToken, changesNothing: true },
    { method: "POST", template: "/v1.0/endpoint/default/token", handler: issueToken, changesNothing: true },
    ...apiClientRoutes,
  ],
  config: (baseUrl, state) => ({ baseUrl, ...admin(state) }),
  env: (baseUrl, state) => {
    const a = admin(state);
    return { IBM_VERIFY_TENANT_URL: baseUrl, IBM_VERIFY_CLIENT_ID: a.clientId, IBM_VERIFY_CLIENT_SECRET: a.clientSecret };
  },
  errorResponse,
  expireTokens: (state) => {
    state.tokens = {};
  },
};
