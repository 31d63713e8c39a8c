import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["provider/**/*.test.ts", "sandbox/**/*.test.ts", "sdk/**/*.test.ts", "cli/**/*.test.ts", "bench/**/*.test.ts", "test/transport/**/*.test.ts", "test/release/**/*.test.ts", "test/*.test.ts"],
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: "e2e",
          include: ["test/e2e/**/*.test.ts"],
          testTimeout: 600_000,
          hookTimeout: 600_000,
          // Each e2e file drives real `pulumi` processes; two cores cannot run many at once.
          fileParallelism: false,
        },
      },
    ],
  },
});
