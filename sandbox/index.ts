export { startSandbox, type Sandbox, type SandboxOptions, type SandboxConfig, type RequestCount } from "./server.js";
export type { VendorId, VendorModule } from "./types.js";
export { vendorModules } from "./vendors/index.js";
