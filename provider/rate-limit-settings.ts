// The provider-wide settings of pacing to the vendors' rate limits, declared once beside the network
// settings: the settings layer, schema.json's config, the docs tables and the dynamic provider read
// them from here. The transport reads them from the settings value (provider/http/pacing-settings.ts).
import { DEFAULT_RATE_LIMIT_WAIT_SECONDS } from "./http/pacing-settings.js";
import type { SettingDeclaration } from "./vendor-module.js";

export const RATE_LIMIT_SETTINGS = {
  rateLimitPacing: {
    env: "APIIDENTITY_RATE_LIMIT_PACING",
    description:
      "on (the default): calls to a tenant wait for the budget of the vendor's published rate limit instead of being refused, and a refusal for rate (HTTP 429) slows that tenant's calls for the rest of the run. off: calls are sent as they come and a refusal is retried at most four times, waiting at most 30 s each.",
    default: "on",
  },
  rateLimitWaitSeconds: {
    env: "APIIDENTITY_RATE_LIMIT_WAIT_SECONDS",
    description:
      "How long, in seconds, a vendor's refusals for rate (HTTP 429, Retry-After) may hold back the calls to one tenant in one run before the provider stops calling it with one error. Waits for a published limit's budget are not counted.",
    default: String(DEFAULT_RATE_LIMIT_WAIT_SECONDS),
  },
} as const satisfies Readonly<Record<string, SettingDeclaration>>;

export type RateLimitSettingName = keyof typeof RATE_LIMIT_SETTINGS;
