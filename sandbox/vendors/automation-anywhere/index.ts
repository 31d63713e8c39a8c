// Automation Anywhere Automation 360 Control Room emulator: authentication, users, roles.
import { listOf } from "../../held.js";
import type { VendorModule } from "../../types.js";
import { expireTokens } from "./auth.js";
import { errorResponse } from "./errors.js";
import { GENERATIONS } from "./generations.js";
import { authRoutes } from "./routes-auth.js";
import { rolesRoutes } from "./routes-roles.js";
import { usersRoutes } from "./routes-users.js";
import { ADMIN_ID, seed, type AaState } from "./state.js";

function admin(state: AaState) {
  const user = state.users[String(ADMIN_ID)];
  return { username: user?.username ?? "", apiKey: user?.apiKey ?? "", password: user?.password ?? "" };
}

export const automationAnywhere: VendorModule<AaState, "ControlRoomUser", "automation-anywhere"> = {
  id: "automation-anywhere",
  prefix: "/automation-anywhere",
  kinds: {
    ControlRoomUser: {
      held: (s) => listOf(s.users).map((u) => ({ id: String(u.id), key: String(u.username), fields: u })),
      example: ({ name, label }) => ({ username: name, email: `${name}@example.com`, password: "Bench_Pass-042", roles: ["AAE_Basic"], description: label }),
      // The vendor reports no last use: only creation (and the last update, which follows it) moves.
      age: (s, ms, ids) => {
        const earlier = (iso: string) => new Date(Date.parse(iso) - ms).toISOString();
        const aged = Object.values(s.users).filter((u) => !ids || ids.has(String(u.id)));
        for (const u of aged) {
          u.createdOn = earlier(u.createdOn);
          u.updatedOn = earlier(u.updatedOn);
        }
        return aged.length;
      },
    },
  },
  // The seeded role Bot_Runner, spelled as a user might type it.
  lookupArguments: { getControlRoomRole: { name: "bot_runner" } },
  auth: "token",
  seed,
  // First = default: a Control Room of Automation 360 v.33 or later.
  profiles: GENERATIONS,
  routes: [...authRoutes, ...usersRoutes, ...rolesRoutes],
  // baseUrl is what `automationAnywhereUrl` takes: the Control Room origin, below which `/v1/...` lives.
  config: (baseUrl, state) => ({ baseUrl, ...admin(state) }),
  env: (baseUrl, state) => {
    const a = admin(state);
    return {
      AUTOMATION_ANYWHERE_URL: baseUrl,
      AUTOMATION_ANYWHERE_USERNAME: a.username,
      AUTOMATION_ANYWHERE_API_KEY: a.apiKey,
      AUTOMATION_ANYWHERE_PASSWORD: a.password,
    };
  },
  errorResponse,
  expireTokens,
};
