// `apiidentity discover <vendor>`: lists the identities that already exist at a vendor and prints
// declarations with `importId` set, so a team can take them under management with `pulumi up`.
// The inputs come from each resource's own read(), i.e. exactly what refresh would report.
import { parseArgs } from "node:util";
import { requiredInputsOf, writeOnlyInputsOf } from "../provider/declare.js";
import { handlerFor } from "../provider/handlers.js";
import { environmentSettings, type Settings } from "../provider/settings.js";
import { controlRoom } from "../provider/vendors/automation-anywhere/client.js";
import { verifyClient } from "../provider/vendors/ibm-verify/client.js";
import { isApiUserAccount, ivantiClient } from "../provider/vendors/ivanti/client.js";
import { uipathClient } from "../provider/vendors/uipath/client.js";
import { uptrendsClient } from "../provider/vendors/uptrends/client.js";
import { vendorKey } from "./vendor-keys.js";

interface Found {
  id: string;
  /** A readable name for the Pulumi resource. */
  label: string;
}

interface VendorSpec {
  kind: string;
  vendor: string;
  /** Existing identities, without the account the provider itself logs in with. */
  list(settings: Settings): Promise<Found[]>;
}

const same = (a: string | undefined | null, b: string | undefined) => !!a && !!b && a.toLowerCase() === b.toLowerCase();

export const VENDORS: Record<string, VendorSpec> = {
  ise: {
    kind: "IseApiUser",
    vendor: "Ivanti",
    async list(settings) {
      const self = settings.ivantiUsername;
      const all = await ivantiClient(settings).listAccounts();
      return all
        .filter((a) => isApiUserAccount(a) === true && !same(a.uid, self) && !same(a.username, self))
        .map((a) => ({ id: String(a.id), label: a.username ?? a.uid ?? String(a.id) }));
    },
  },
  uptrends: {
    kind: "UptrendsApiAccount",
    vendor: "Uptrends",
    async list(settings) {
      const client = uptrendsClient(settings);
      const self = settings.uptrendsUsername;
      const found: Found[] = [];
      for (const op of await client.listOperators()) {
        for (const u of await client.listApiUsersOfOperator(op.OperatorGuid)) {
          if (!same(u.UserName, self)) found.push({ id: u.ApiUserGuid, label: u.Description || u.UserName });
        }
      }
      return found;
    },
  },
  controlroom: {
    kind: "ControlRoomUser",
    vendor: "Automation Anywhere",
    async list(settings) {
      const self = settings.controlRoomUsername;
      return (await controlRoom(settings).listUsers()).filter((u) => !same(u.username, self)).map((u) => ({ id: String(u.id), label: u.username }));
    },
  },
  verify: {
    kind: "VerifyApiClient",
    vendor: "IBM Verify",
    async list(settings) {
      const self = settings.verifyClientId;
      return (await verifyClient(settings).list()).filter((c) => c.clientId !== self).map((c) => ({ id: c.id, label: c.clientName }));
    },
  },
  uipath: {
    kind: "UiPathRobotAccount",
    vendor: "UiPath",
    async list(settings) {
      const partition = settings.uipathPartitionGlobalId;
      if (!partition) throw new Error("UiPath: set apiidentity:uipathPartitionGlobalId or UIPATH_PARTITION_GLOBAL_ID to discover robot accounts");
      return (await uipathClient(settings).listRobots(partition)).map((r) => ({ id: r.id, label: r.name }));
    },
  },
};

export interface Discovered {
  kind: string;
  name: string;
  id: string;
  inputs: Record<string, unknown>;
  secretInputs: string[];
}

/** Pulumi resource names: lower-case, dashes, unique within the output. */
function resourceNames(labels: string[]): string[] {
  const used = new Map<string, number>();
  return labels.map((l) => {
    const base = l.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "") || "identity";
    const n = (used.get(base) ?? 0) + 1;
    used.set(base, n);
    return n === 1 ? base : `${base}-${n}`;
  });
}

/**
 * The write-only inputs (declared secrets the vendor never returns) that a program must set even
 * when it adopts: the declaration takes them from stack config secrets.
 */
function secretInputsToDeclare(kind: string): string[] {
  const required = requiredInputsOf(kind);
  return writeOnlyInputsOf(kind).filter((k) => required.includes(k));
}

/** `settings`: the provider settings to discover with; the CLI's are its environment's. */
export async function discoverVendor(key: string, settings: Settings = environmentSettings()): Promise<Discovered[]> {
  const spec = VENDORS[vendorKey(key)];
  if (!spec) throw new Error(`unknown vendor '${key}': use one of ${Object.keys(VENDORS).join(", ")}`);
  const handler = handlerFor(spec.kind).with(settings);
  const found = await spec.list(settings);
  const names = resourceNames(found.map((f) => f.label));
  const out: Discovered[] = [];
  for (const [i, f] of found.entries()) {
    const r = await handler.read(f.id, {});
    if (!r.id || !r.inputs) continue; // deleted meanwhile
    const writeOnly = writeOnlyInputsOf(spec.kind);
    const inputs = Object.fromEntries(
      Object.entries(r.inputs as Record<string, unknown>).filter(([k, v]) => v !== undefined && v !== null && k !== "importId" && !writeOnly.includes(k)),
    );
    out.push({ kind: spec.kind, name: names[i]!, id: r.id, inputs, secretInputs: secretInputsToDeclare(spec.kind) });
  }
  return out;
}

const camel = (s: string) => s.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** TypeScript that is also plain ES-module JavaScript, ready to paste into a program. */
export function declarations(found: Discovered[], vendorKey: string): string {
  const kinds = [...new Set(found.map((f) => f.kind))];
  const needsConfig = found.some((f) => f.secretInputs.length > 0);
  const lines = [
    `// ${found.length} existing identit${found.length === 1 ? "y" : "ies"} found by 'apiidentity discover ${vendorKey}'.`,
    "// 'pulumi up' adopts each one (importId) instead of creating it, then applies what is declared here.",
  ];
  if (needsConfig) lines.push('import * as pulumi from "@pulumi/pulumi";');
  if (kinds.length) lines.push(`import { ${kinds.join(", ")} } from "pulumi-apiidentity";`);
  if (needsConfig) lines.push("", "const config = new pulumi.Config();");
  for (const f of found) {
    lines.push("", `new ${f.kind}(${JSON.stringify(f.name)}, {`, `  importId: ${JSON.stringify(f.id)},`);
    for (const [k, v] of Object.entries(f.inputs)) lines.push(`  ${k}: ${JSON.stringify(v)},`);
    for (const k of f.secretInputs) {
      const key = camel(`${f.name}-${k}`);
      lines.push(`  ${k}: config.requireSecret(${JSON.stringify(key)}), // the vendor never returns it: pulumi config set --secret ${key}`);
    }
    lines.push("});");
  }
  return lines.join("\n") + "\n";
}

export async function discover(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { format: { type: "string", default: "ts" } } });
  const key = positionals[0];
  if (!key) throw new Error(`name a vendor: ${Object.keys(VENDORS).join(", ")}`);
  if (values.format !== "ts" && values.format !== "json") throw new Error(`--format must be ts or json, not '${values.format}'`);
  const found = await discoverVendor(key);
  process.stdout.write(values.format === "json" ? JSON.stringify(found, null, 2) + "\n" : declarations(found, key));
  process.stderr.write(`apiidentity discover: ${found.length} identit${found.length === 1 ? "y" : "ies"} at ${VENDORS[vendorKey(key)]!.vendor}\n`);
  return 0;
}
