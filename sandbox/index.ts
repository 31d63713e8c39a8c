export { startSandbox, type Sandbox, type SandboxOptions, type SandboxConfig, type RequestCount } from "./server.js";
export type { VendorId, VendorModule, VendorName } from "./types.js";
export { vendorIdOf } from "./vendor-id.js";
export { VENDOR_IDS, vendorModules } from "./vendors/index.js";
