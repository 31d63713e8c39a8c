// State of the Example API emulator: the API key the provider uses, two groups and the accounts.
import type { VendorState } from "../../types.js";

export interface StoredAccount {
  id: string;
  name: string;
  description: string;
  groupId: string | null;
  /** Only returned by the create. */
  token: string;
  createdBy: string | null;
  createdAt: string;
}

export interface ExampleState extends VendorState {
  apiKey: string;
  groups: { id: string; name: string }[];
  accounts: StoredAccount[];
}

export const SEED = { apiKey: "example-key-7f3a9c", groups: [{ id: "grp-ops", name: "Operations" }, { id: "grp-reports", name: "Reports" }] } as const;

export function seedState(): ExampleState {
  return { apiKey: SEED.apiKey, groups: SEED.groups.map((g) => ({ ...g })), accounts: [] };
}
