// How a setting's names follow from its vendor's one name: the stack config key starts with the one
// name in camelCase and the environment variable is the key in upper snake case. A vendor whose
// settings had another prefix before keeps those names readable, as deprecated aliases.

/** `acme-cloud` → `acmeCloud`: what each of the vendor's settings starts with. */
export function settingsPrefixOf(vendorName: string): string {
  return vendorName.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** `acmeCloudApiKey` → `ACME_CLOUD_API_KEY`: a setting's environment variable. */
export function envNameOf(setting: string): string {
  return setting.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toUpperCase();
}

/** The name a setting had under a vendor's former prefix (`acmeCloudUrl` with former prefix `acme` → `acmeUrl`). */
export function formerNameOf(setting: string, prefix: string, formerPrefix: string): string {
  return formerPrefix + setting.slice(prefix.length);
}
