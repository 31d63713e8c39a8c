// The identities each contender declares: N spread evenly over a list of kinds, identity i of kind
// kinds[i % kinds.length], named `bench-<i>`. `generation` goes into one property of every identity
// that updates in place, so the second `up` (generation "v2") is an update of every identity.
// Every value is literal: no lookup in the program, so only the provider calls the vendors.

import type { Kind } from "../sandbox/kinds.js";
import { SEED_GROUP_IDS } from "../sandbox/vendors/uipath/state.js";

export { KINDS, VENDOR_OF, type Kind } from "../sandbox/kinds.js";

/** The two kinds of the textbook comparison. */
export const TEXTBOOK_KINDS: readonly Kind[] = ["UiPathRobotAccount", "VerifyApiClient"];

/** The seeded UiPath group "Robots". */
const UIPATH_ROBOTS_GROUP = SEED_GROUP_IDS.robots;

export interface Member {
  kind: Kind;
  name: string;
  args: Record<string, unknown>;
}

export function members(size: number, kinds: readonly Kind[], generation: string, uptrendsOperatorGuid: string): Member[] {
  return Array.from({ length: size }, (_, i): Member => {
    const kind = kinds[i % kinds.length]!;
    const name = `bench-${i}`;
    const label = `bench ${i} ${generation}`;
    switch (kind) {
      case "IseApiUser":
        return {
          kind, name,
          args: { emailAddress: `${name}@example.com`, firstName: "Bench", lastName: `Member${i}`, displayName: label, password: "Bench-Ise-Passw0rd-4k2q", roles: ["Cisco ISE Operations"] },
        };
      case "UptrendsApiAccount":
        return { kind, name, args: { operatorGuid: uptrendsOperatorGuid, description: label } };
      case "ControlRoomUser":
        return { kind, name, args: { username: name, email: `${name}@example.com`, password: "Bench_Pass-042", roles: ["AAE_Basic"], description: label } };
      case "VerifyApiClient":
        return { kind, name, args: { clientName: name, entitlements: ["readUsers"], description: label } };
      case "UiPathRobotAccount":
        return { kind, name, args: { name, displayName: label, groupIds: [UIPATH_ROBOTS_GROUP] } };
    }
  });
}

