// Emulator of the Ivanti Neurons for MDM (MobileIron Cloud) Customer Integration API: users,
// API users, roles and device spaces. See CONTRACT.md for what is documented and what is INFERRED.
import { listOf } from "../../held.js";
import type { VendorModule } from "../../types.js";
import { globalError } from "./errors.js";
import { accountRoutes } from "./routes-accounts.js";
import { roleRoutes } from "./routes-roles.js";
import { spaceRoutes } from "./routes-spaces.js";
import { GENERATIONS } from "./generations.js";
import { ADMIN_PASSWORD, ADMIN_UID, seed, type IvantiState, type SeedOptions } from "./state.js";

/** The seeded Tenant Admin (super user); falls back to the seed values if the state lost it. */
function admin(state: IvantiState): { username: string; password: string } {
  const a = state.accounts.find((x) => x.superUser && x.password !== null);
  return { username: a?.uid ?? ADMIN_UID, password: a?.password ?? ADMIN_PASSWORD };
}

/** The emulator with seed options, e.g. `createIvanti({ iseRoleName: "API Management Cisco ISE Operations" })`. */
export function createIvanti(options: SeedOptions = {}): VendorModule<IvantiState> {
  return { ...ivanti, seed: () => seed(options) };
}

export const ivanti: VendorModule<IvantiState, "IseApiUser", "ivanti"> = {
  id: "ivanti",
  prefix: "/ivanti",
  kinds: {
    IseApiUser: {
      held: (s) => listOf(s.accounts).map((a) => ({ id: String(a.id), key: String(a.emailAddress), fields: a })),
      example: ({ name, index, label }) => ({ emailAddress: `${name}@example.com`, firstName: "Bench", lastName: `Member${index}`, displayName: label, password: "Bench-Ise-Passw0rd-4k2q", roles: ["Cisco ISE Operations"] }),
      // The vendor reports no last use: only creation (and the last change, which follows it) moves.
      age: (s, ms, ids) => {
        const aged = s.accounts.filter((a) => !ids || ids.has(String(a.id)));
        for (const a of aged) {
          if (a.createdAt !== null) a.createdAt -= ms;
          if (a.modifiedAt !== null) a.modifiedAt -= ms;
        }
        return aged.length;
      },
    },
  },
  auth: "basic",
  seed: () => seed(),
  // First = default: the delete form public client code uses; then the older bulk form.
  profiles: GENERATIONS,
  routes: [...accountRoutes, ...roleRoutes, ...spaceRoutes],
  config: (baseUrl, state) => ({ baseUrl, ...admin(state) }),
  env: (baseUrl, state) => {
    const a = admin(state);
    return { IVANTI_BASE_URL: baseUrl, IVANTI_USERNAME: a.username, IVANTI_PASSWORD: a.password };
  },
  errorResponse: (status, message) => globalError(status, message),
  // Basic auth only: Ivanti issues no tokens, so there is nothing to expire.
  expireTokens: () => {},
};
