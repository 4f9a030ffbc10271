import { availableParallelism } from 'node:os';
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
          // Unit tests start no processes: spawn/exec/fork throw (a test that needs one belongs in
          // __tests__/integration).
          setupFiles: ['__tests__/unit/no-processes.setup.ts'],
          testTimeout: 20_000,
          // Sized for two cores: worker threads, at least two (vitest's default there is one), and
          // no per-file isolation, so the files of a worker share their imported modules (importing
          // them again for every file was half the suite's CPU time). Unit tests leave no global
          // state behind: environment, cwd and globals go through the CliIo/env arguments.
          pool: 'threads',
          maxWorkers: Math.max(2, availableParallelism() - 1),
          isolate: false,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['__tests__/integration/**/*.test.ts'],
          globalSetup: ['__tests__/integration/global-setup.ts'],
          // zod as the product runs it (jitless), for the tests that call src directly.
          setupFiles: ['__tests__/integration/zod-jitless.setup.ts'],
          testTimeout: 300_000,
          hookTimeout: 300_000,
          // 2 cores and one dockerd: files run one after another, tests inside a file in order.
          fileParallelism: false,
        },
      },
    ],
  },
});
