// Identity Server's published rate limits (UiPath, "API rate limits for Identity Server"): per
// organization and rolling 5-minute window, GET 300, POST 24,000, PUT 160, PATCH 160, DELETE 160.
// The API is served with and without the organization segment (paths.ts); the form without it is
// counted in a window of its own, the path not naming the organization. The token endpoint, outside
// any organization, is not counted (INFERRED).
import type { SandboxRateLimits } from "../../types.js";

const WINDOW_SECONDS = 300;

export const rateLimits: SandboxRateLimits = {
  tenantOf(path) {
    const m = /^\/(?:([^/]+)\/)?identity_\/api\//.exec(path);
    if (!m) return undefined;
    return m[1] === undefined ? "" : decodeURIComponent(m[1]);
  },
  limits: [
    { methods: ["GET"], requests: 300, windowSeconds: WINDOW_SECONDS },
    { methods: ["POST"], requests: 24_000, windowSeconds: WINDOW_SECONDS },
    { methods: ["PUT"], requests: 160, windowSeconds: WINDOW_SECONDS },
    { methods: ["PATCH"], requests: 160, windowSeconds: WINDOW_SECONDS },
    { methods: ["DELETE"], requests: 160, windowSeconds: WINDOW_SECONDS },
  ],
};
