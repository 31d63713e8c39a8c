// How a caller may name a sandbox vendor: its id (the one name, `automation-anywhere`), the older
// camelCase id (`automationAnywhere`, which scripts written before the one name still send) or its
// URL prefix without the slash, in any case.
import type { VendorModule } from "./types.js";

const plain = (s: string) => s.toLowerCase().replace(/[-_]/g, "");

/** The id of the module `name` names, or undefined when it names none of them. */
export function vendorIdOf<M extends Pick<VendorModule, "id" | "prefix">>(name: string, modules: readonly M[]): M["id"] | undefined {
  const n = plain(name);
  return modules.find((m) => plain(m.id) === n || plain(m.prefix.slice(1)) === n)?.id;
}
