// What the client assumes about the Example Identity API, a vendor made up for the tests that add a
// sixth vendor (test/vendors/example/README.md). Every fact is its emulator's (sandbox CONTRACT.md).

/** The vendor's name in messages (a constant of this file, which imports nothing). */
export const VENDOR = "Example";

/** Paths below the base URL (which already ends in `/v1`). */
export const PATHS = {
  accounts: "/service-accounts",
  account: "/service-accounts/{id}",
  groups: "/groups",
} as const;

export const STATUS = { created: 201, noContent: 204, notFound: 404, conflict: 409 } as const;
