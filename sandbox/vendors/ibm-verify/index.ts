// PLACEHOLDER: replaced by the full emulator of this vendor.
import type { VendorModule } from "../../types.js";
import { json } from "../../http-util.js";

export const ibmVerify: VendorModule = {
  id: "ibmVerify",
  prefix: "/ibm-verify",
  seed: () => ({}),
  routes: [],
  config: (baseUrl) => ({ baseUrl }),
  env: () => ({}),
  errorResponse: (status, message) => json(status, { message }),
  expireTokens: () => {},
};
