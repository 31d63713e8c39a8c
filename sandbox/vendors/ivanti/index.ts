// PLACEHOLDER: replaced by the full emulator of this vendor.
import type { VendorModule } from "../../types.js";
import { json } from "../../http-util.js";

export const ivanti: VendorModule = {
  id: "ivanti",
  prefix: "/ivanti",
  seed: () => ({}),
  routes: [],
  config: (baseUrl) => ({ baseUrl }),
  env: () => ({}),
  errorResponse: (status, message) => json(status, { message }),
  expireTokens: () => {},
};
