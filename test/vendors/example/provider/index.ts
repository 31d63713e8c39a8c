// Example, a test-only vendor (test/vendors/example/README.md), as the rest of the package sees it.
import type { ResourceHandler } from "../../resource.js";
import { defineLookup, type VendorModule } from "../../vendor-module.js";
import { exampleClient } from "./client.js";
import { VENDOR } from "./contract.js";
import { exampleServiceAccount } from "./handler.js";
import { exampleServiceAccountInputs, exampleServiceAccountOutputs, getExampleGroupInputs, getExampleGroupOutputs } from "./inputs.js";
import { findExampleGroup } from "./lookup.js";
import { audit } from "./audit.js";
import { probe } from "./probe.js";

const settings = {
  exampleBaseUrl: { env: "EXAMPLE_BASE_URL", description: "Base URL of the Example API v1.", default: "https://api.example.com/v1" },
  exampleApiKey: { env: "EXAMPLE_API_KEY", description: "API key the provider calls the Example API with (a bearer token).", secret: true },
} as const;

export const vendor: VendorModule<typeof settings> = {
  name: "example",
  aliases: [],
  displayName: VENDOR,
  settings,
  configuredBy: ["exampleApiKey"],
  kinds: [
    {
      kind: "ExampleServiceAccount",
      // POST, GET, PATCH, DELETE of the account: one each.
      minimum: { up: { perIdentity: 1, perPhase: 0 }, "preview --refresh": { perIdentity: 1, perPhase: 0 }, update: { perIdentity: 1, perPhase: 0 }, destroy: { perIdentity: 1, perPhase: 0 } },
      sdkModule: "example-service-account",
      // A getter, as is the probe's: the handler imports the settings, which import the registry.
      get handler() {
        return exampleServiceAccount as unknown as ResourceHandler;
      },
      inputs: exampleServiceAccountInputs,
      outputs: exampleServiceAccountOutputs,
    },
  ],
  lookups: [defineLookup(getExampleGroupInputs, getExampleGroupOutputs, findExampleGroup)],
  get probe() {
    return probe;
  },
  discover: {
    kind: "ExampleServiceAccount",
    list: async (s) => (await exampleClient(s).list()).map((a) => ({ id: a.id, label: a.name })),
  },
  orphans: {
    kind: "ExampleServiceAccount",
    configured: (s) => s.exampleApiKey !== undefined,
    tenant: (s) => (s.exampleApiKey === undefined ? undefined : s.exampleBaseUrl),
    marked: async (s) => (await exampleClient(s).list()).flatMap((a) => (a.createdBy ? [{ id: a.id, name: a.name, mark: a.createdBy }] : [])),
  },
  audit,
  // Loaded only by the demo and the transport bench: the npm package leaves demo.ts out.
  demo: () => import("./demo.js").then((m) => m.demo),
};
