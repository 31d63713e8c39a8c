// The vendor names the CLI commands take: each vendor's one name, and the older spellings its
// module declares as aliases (scripts written for them keep working).
import { VENDORS } from "../provider/vendors/index.js";

/** Every vendor's one name, in the registry's order. */
export const VENDOR_NAMES: readonly string[] = VENDORS.map((v) => v.name);

/** The one name a vendor name or alias stands for (unknown names come back unchanged). */
export function vendorKey(name: string): string {
  return VENDORS.find((v) => v.name === name || v.aliases.includes(name))?.name ?? name;
}
