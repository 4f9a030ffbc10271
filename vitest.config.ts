import { defineConfig } from 'vitest/config';

// Two projects: `unit` (plain objects, no Docker; fast) and `integration` (real dockerd, buildx,
// QEMU and the local registry provisioned by scripts/test-env.sh).
export default defineConfig({
  test: {
    reporters: ['default', './__tests__/helpers/summary-reporter.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['__tests__/unit/**/*.test.ts'],
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['__tests__/integration/**/*.test.ts'],
          globalSetup: ['__tests__/integration/global-setup.ts'],
          testTimeout: 300_000,
          hookTimeout: 300_000,
          // 2 cores and one dockerd: files run one after another, tests inside a file in order.
          fileParallelism: false,
        },
      },
    ],
  },
});
