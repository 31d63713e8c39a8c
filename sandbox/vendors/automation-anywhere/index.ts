// PLACEHOLDER: replaced by the full emulator of this vendor.
import type { VendorModule } from "../../types.js";
import { json } from "../../http-util.js";

export const automationAnywhere: VendorModule = {
  id: "automationAnywhere",
  prefix: "/automation-anywhere",
  seed: () => ({}),
  routes: [],
  config: (baseUrl) => ({ baseUrl }),
  env: () => ({}),
  errorResponse: (status, message) => json(status, { message }),
  expireTokens: () => {},
};
