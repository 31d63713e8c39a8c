// State of the UiPath Identity emulator: organizations (partitions), the external application
// the provider logs in with, issued tokens, groups and robot accounts. Plain JSON so that the
// sandbox can persist it with `--state`.

/** An Automation Cloud organization; `partitionGlobalId` is its GUID. */
export type Organization = {
  name: string;
  partitionGlobalId: string;
};

/** A confidential external application with application scopes (client credentials). */
export type ExternalClient = {
  clientId: string;
  clientSecret: string;
  name: string;
  partitionGlobalId: string;
  /** Scopes an admin granted to the application in the portal. */
  allowedScopes: string[];
};

export type AccessToken = {
  accessToken: string;
  clientId: string;
  partitionGlobalId: string;
  scopes: string[];
  /** Sandbox-clock ms. */
  expiresAt: number;
};

export type Group = {
  id: string;
  partitionGlobalId: string;
  name: string;
  type: "builtIn" | "custom";
  /** Sandbox-clock ms. */
  creationTime: number;
  lastModificationTime: number | null;
};

export type RobotAccount = {
  id: string;
  partitionGlobalId: string;
  name: string;
  displayName: string | null;
  creationTime: number;
  /** Stays null: no documented way to log in as a robot account exists. */
  lastLoginTime: number | null;
  /** Membership lives here; a group's `members` is derived from it. */
  groupIds: string[];
};

/** INFERRED behaviours, kept adjustable through the state file. */
export type Settings = {
  /** Access-token lifetime (documented: one hour). */
  tokenLifetimeSeconds: number;
  /** Undocumented; best guess 409. */
  duplicateNameStatus: number;
  /** OpenAPI says 204, one docs page 200. */
  bulkDeleteStatus: number;
  /** No documented limit; keep robot names short. */
  nameMaxLength: number;
};

export type UiPathState = {
  settings: Settings;
  organizations: Organization[];
  clients: ExternalClient[];
  tokens: AccessToken[];
  groups: Group[];
  robotAccounts: RobotAccount[];
};

// Fixed ids so that demos, docs and persisted stacks see the same organization after a reset.
export const SEED_ORGANIZATION = "sandbox-org";
export const SEED_PARTITION = "6a0e1c9e-5d2b-4c1f-9f43-2f0b7d3c8a11";
export const SEED_CLIENT_ID = "3d7f3b1e-8c52-4a9e-b0f4-6e2a1c9d5b70";
export const SEED_CLIENT_SECRET = "sandbox-uipath-client-secret-Q7mK2vX9pR4t";

/** Every scope the seeded external application was granted. */
export const SEED_SCOPES = [
  "PM.RobotAccount",
  "PM.RobotAccount.Read",
  "PM.RobotAccount.Write",
  "PM.Group",
  "PM.Group.Read",
  "PM.Group.Write",
];

export const SEED_GROUP_IDS = {
  administrators: "1c2f7a3e-0b4d-4e8a-9c61-3f5a2d7b8e01",
  automationUsers: "2d3e8b4f-1c5e-4f9b-8d72-4a6b3e8c9f02",
  everyone: "3e4f9c5a-2d6f-4a0c-9e83-5b7c4f9d0a03",
  citizenDevelopers: "4f5a0d6b-3e7a-4b1d-8f94-6c8d5a0e1b04",
  robots: "5a6b1e7c-4f8b-4c2e-9a05-7d9e6b1f2c05",
};

// Seeded objects predate any sandbox clock; a fixed past instant keeps them stable.
const SEED_TIME = Date.parse("2024-01-15T09:30:00.000Z");

export function seedState(): UiPathState {
  const group = (id: string, name: string, type: Group["type"]): Group => ({
    id,
    partitionGlobalId: SEED_PARTITION,
    name,
    type,
    creationTime: SEED_TIME,
    lastModificationTime: null,
  });
  return {
    settings: { tokenLifetimeSeconds: 3600, duplicateNameStatus: 409, bulkDeleteStatus: 204, nameMaxLength: 64 },
    organizations: [{ name: SEED_ORGANIZATION, partitionGlobalId: SEED_PARTITION }],
    clients: [
      {
        clientId: SEED_CLIENT_ID,
        clientSecret: SEED_CLIENT_SECRET,
        name: "apiidentity-provider",
        partitionGlobalId: SEED_PARTITION,
        allowedScopes: [...SEED_SCOPES],
      },
    ],
    tokens: [],
    groups: [
      group(SEED_GROUP_IDS.administrators, "Administrators", "builtIn"),
      group(SEED_GROUP_IDS.automationUsers, "Automation Users", "builtIn"),
      group(SEED_GROUP_IDS.everyone, "Everyone", "builtIn"),
      group(SEED_GROUP_IDS.citizenDevelopers, "Citizen Developers", "builtIn"),
      group(SEED_GROUP_IDS.robots, "Robots", "custom"),
    ],
    robotAccounts: [],
  };
}
