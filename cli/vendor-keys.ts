// The vendor names the CLI commands take: each command's key (`ise`, `controlroom`, `verify`, …) and
// the folder-style names people also type.
const ALIASES: Readonly<Record<string, string>> = {
  ivanti: "ise",
  "automation-anywhere": "controlroom",
  "ibm-verify": "verify",
};

/** The command key a vendor name stands for (unknown names come back unchanged). */
export function vendorKey(name: string): string {
  return ALIASES[name] ?? name;
}
