// Emulator of UiPath Identity (Automation Cloud / Automation Suite) for robot accounts: the
// client-credentials token endpoint, RobotAccount and Group APIs. See CONTRACT.md.
import { listOf } from "../../held.js";
import type { VendorModule } from "../../types.js";
import { expireAll, tokenEndpoint } from "./auth.js";
import { errorResponse } from "./errors.js";
import { rateLimits } from "./rate-limits.js";
import { groupRoutes } from "./routes-groups.js";
import { robotAccountRoutes } from "./routes-robot-accounts.js";
import { SEED_GROUP_IDS, seedState, type UiPathState } from "./state.js";

/** The seeded organization and the external application the provider logs in with. */
function seeded(state: UiPathState) {
  const org = state.organizations[0];
  const client = state.clients[0];
  return {
    organization: org?.name ?? "",
    partitionGlobalId: org?.partitionGlobalId ?? "",
    clientId: client?.clientId ?? "",
    clientSecret: client?.clientSecret ?? "",
    scopes: client?.allowedScopes.join(" ") ?? "",
  };
}

export const uipath: VendorModule<UiPathState, "UiPathRobotAccount", "uipath"> = {
  id: "uipath",
  prefix: "/uipath",
  kinds: {
    UiPathRobotAccount: {
      held: (s) => listOf(s.robotAccounts).map((r) => ({ id: String(r.id), key: String(r.name), fields: r })),
      example: ({ name, label }) => ({ name, displayName: label, groupIds: [SEED_GROUP_IDS.robots] }),
      age: (s, ms, ids) => {
        const aged = s.robotAccounts.filter((r) => !ids || ids.has(r.id));
        for (const r of aged) {
          r.creationTime -= ms;
          if (r.lastLoginTime !== null) r.lastLoginTime -= ms;
        }
        return aged.length;
      },
    },
  },
  lookupArguments: { getUiPathGroup: { name: "Robots" } },
  auth: "token",
  seed: seedState,
  routes: [
    // At the host root, never under an organization (documented).
    { method: "POST", template: "/identity_/connect/token", handler: tokenEndpoint, changesNothing: true },
    ...robotAccountRoutes,
    ...groupRoutes,
  ],
  config: (baseUrl, state) => {
    const s = seeded(state);
    return { baseUrl, organization: s.organization, partitionGlobalId: s.partitionGlobalId, clientId: s.clientId, clientSecret: s.clientSecret };
  },
  env: (baseUrl, state) => {
    const s = seeded(state);
    return {
      UIPATH_BASE_URL: baseUrl,
      UIPATH_ORGANIZATION: s.organization,
      UIPATH_PARTITION_GLOBAL_ID: s.partitionGlobalId,
      UIPATH_CLIENT_ID: s.clientId,
      UIPATH_CLIENT_SECRET: s.clientSecret,
      UIPATH_SCOPES: s.scopes,
    };
  },
  errorResponse,
  expireTokens: expireAll,
  rateLimits,
};
