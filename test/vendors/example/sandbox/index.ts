// Emulator of the Example API, a test-only vendor (test/vendors/example/README.md). See CONTRACT.md.
import type { VendorModule } from "../../types.js";
import { errorBody } from "./errors.js";
import { routes } from "./routes.js";
import { SEED, seedState, type ExampleState } from "./state.js";

export const example: VendorModule<ExampleState, "ExampleServiceAccount", "example"> = {
  id: "example",
  prefix: "/example",
  kinds: {
    ExampleServiceAccount: {
      held: (s) => s.accounts.map((a) => ({ id: a.id, key: a.name, fields: { ...a } })),
      example: ({ name, label }) => ({ name, description: label }),
    },
  },
  lookupArguments: { getExampleGroup: { name: SEED.groups[0].name } },
  // The key goes with every request, as Basic credentials would: no login call to count.
  auth: "basic",
  seed: seedState,
  routes,
  config: (baseUrl) => ({ baseUrl: `${baseUrl}/v1`, apiKey: SEED.apiKey }),
  env: (baseUrl) => ({ EXAMPLE_BASE_URL: `${baseUrl}/v1`, EXAMPLE_API_KEY: SEED.apiKey }),
  errorResponse: errorBody,
  // A static API key: no token to expire.
  expireTokens: () => {},
};
