// A fleet of API identities spread evenly over the five kinds, as one Pulumi program (ESM index.js),
// for the reliability tests that run many identities through the real engine. Identity i is of kind
// SANDBOX_KINDS[i % 5] and is named `<prefix>-<i>`; `generation` goes into one property of each identity that
// updates in place, so a second generation is an update of every identity.

import { SANDBOX_KINDS, type Kind } from "../../sandbox/kinds.js";
import { SEED_GROUP_IDS } from "../../sandbox/vendors/uipath/state.js";

export { SANDBOX_KINDS, VENDOR_OF, type Kind } from "../../sandbox/kinds.js";

/** The seeded UiPath group "Robots". */
const UIPATH_ROBOTS_GROUP = SEED_GROUP_IDS.robots;
const ISE_PASSWORD = "Fleet-Ise-Passw0rd-4k2q";
const CONTROL_ROOM_PASSWORD = "Fleet_Pass-042";

export interface FleetOptions {
  size: number;
  /** Written into the property each identity updates in place. */
  generation: string;
  /** The Uptrends operator the API accounts belong to (from the sandbox's config). */
  uptrendsOperatorGuid: string;
  prefix?: string;
}

export interface Member {
  index: number;
  kind: Kind;
  /** The Pulumi resource name (last URN segment). */
  name: string;
  /** The natural key at the vendor: e-mail, username, client or robot name. */
  key: string;
  args: Record<string, unknown>;
  /** The value the vendor must hold for `generation` after an update (the in-place property). */
  updated: { field: string; value: string };
}

export function fleet(o: FleetOptions): Member[] {
  const prefix = o.prefix ?? "fleet";
  return Array.from({ length: o.size }, (_, index): Member => {
    const kind = SANDBOX_KINDS[index % SANDBOX_KINDS.length]!;
    const name = `${prefix}-${index}`;
    const label = `${prefix} ${index} ${o.generation}`;
    switch (kind) {
      case "IseApiUser": {
        const key = `${name}@example.com`;
        return {
          index, kind, name, key,
          args: { emailAddress: key, firstName: "Fleet", lastName: `Member${index}`, displayName: label, password: ISE_PASSWORD, roles: ["Cisco ISE Operations"] },
          updated: { field: "displayName", value: label },
        };
      }
      case "UptrendsApiAccount":
        // Uptrends makes up the username; the description is what tells the accounts apart.
        return { index, kind, name, key: label, args: { operatorGuid: o.uptrendsOperatorGuid, description: label }, updated: { field: "description", value: label } };
      case "ControlRoomUser":
        return {
          index, kind, name, key: name,
          args: { username: name, email: `${name}@example.com`, password: CONTROL_ROOM_PASSWORD, roles: ["AAE_Basic"], description: label },
          updated: { field: "description", value: label },
        };
      case "VerifyApiClient":
        return { index, kind, name, key: name, args: { clientName: name, entitlements: ["readUsers"], description: label }, updated: { field: "description", value: label } };
      case "UiPathRobotAccount":
        return { index, kind, name, key: name, args: { name, displayName: label, groupIds: [UIPATH_ROBOTS_GROUP] }, updated: { field: "displayName", value: label } };
      default:
        // A kind added to the registry after this table: its member is written here by hand.
        throw new Error(`the reliability fleet has no member of kind ${String(kind)}: add its inputs and in-place property to test/reliability/fleet.ts`);
    }
  });
}

/** The program declaring every member (no lookups: each value is literal, so only the provider calls vendors). */
export function fleetProgram(members: readonly Member[]): string {
  const kinds = [...new Set(members.map((m) => m.kind))];
  const lines = members.map((m) => `new ${m.kind}(${JSON.stringify(m.name)}, ${JSON.stringify(m.args)});`);
  return `import { ${kinds.join(", ")} } from "pulumi-apiidentity";\n${lines.join("\n")}\n`;
}

/** Identities per kind, e.g. `{IseApiUser: 5, …}`. */
export function perKind(members: readonly Member[]): Record<Kind, number> {
  const out = Object.fromEntries(SANDBOX_KINDS.map((k) => [k, 0])) as Record<Kind, number>;
  for (const m of members) out[m.kind]++;
  return out;
}

/** The fleet size from an environment variable (a positive integer), or the default. */
export function sizeFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 500) throw new Error(`${name}=${raw}: expected an integer from 1 to 500`);
  return n;
}
