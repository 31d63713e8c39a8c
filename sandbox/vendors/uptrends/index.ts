// Uptrends API v4 emulator: API accounts ("API users") bound to operators, HTTP Basic auth.
import { listOf } from "../../held.js";
import type { VendorModule } from "../../types.js";
import { messageList } from "./errors.js";
import { accountRoutes } from "./routes-account.js";
import { apiUserRoutes } from "./routes-apiuser.js";
import { operatorRoutes } from "./routes-operator.js";
import { registerRoutes } from "./routes-register.js";
import { SEED, seedState, type UptrendsState } from "./state.js";

export type { UptrendsState } from "./state.js";
export { SEED as UPTRENDS_SEED } from "./state.js";

export const uptrends: VendorModule<UptrendsState, "UptrendsApiAccount", "uptrends"> = {
  id: "uptrends",
  prefix: "/uptrends",
  kinds: {
    UptrendsApiAccount: {
      held: (s) => listOf(s.apiUsers).map((a) => ({ id: String(a.apiUserGuid), key: String(a.description), fields: a })),
      example: ({ label }) => ({ operatorGuid: SEED.operatorGuid, description: label }),
      age: (s, ms, ids) => {
        const earlier = (iso: string) => new Date(Date.parse(iso) - ms).toISOString();
        const aged = s.apiUsers.filter((u) => !ids || ids.has(u.apiUserGuid));
        for (const u of aged) {
          u.createdDate = earlier(u.createdDate);
          if (u.lastUsed.kind === "at") u.lastUsed = { kind: "at", ts: earlier(u.lastUsed.ts) };
        }
        return aged.length;
      },
    },
  },
  lookupArguments: { getUptrendsOperator: { email: SEED.operatorEmail } },
  auth: "basic",
  seed: seedState,
  routes: [...apiUserRoutes, ...operatorRoutes, ...registerRoutes, ...accountRoutes],
  config: (baseUrl) => ({
    baseUrl: `${baseUrl}/v4`,
    username: SEED.apiUserName,
    password: SEED.apiPassword,
    operatorGuid: SEED.operatorGuid,
  }),
  env: (baseUrl) => ({
    UPTRENDS_USERNAME: SEED.apiUserName,
    UPTRENDS_PASSWORD: SEED.apiPassword,
    UPTRENDS_BASE_URL: `${baseUrl}/v4`,
  }),
  errorResponse: (status, message) => {
    const r = messageList(status, message);
    return status === 401 ? { ...r, headers: { "www-authenticate": 'Basic realm="Uptrends API"' } } : r;
  },
  // Uptrends has no tokens: every call carries Basic credentials, so there is nothing to expire.
  expireTokens: () => {},
};
