import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The AWS SDK warns on Node < 22 about its releases after January 2027 (the lockfile
    // pins one that supports Node 20); the warning would bury real output.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    projects: [
      {
        test: {
          name: 'unit',
          include: ['electron/**/*.test.ts', 'bench/**/*.test.ts', 'renderer/**/*.test.ts', 'scripts/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // Integration suites share the real keyring and spawn processes: one file at a time.
          fileParallelism: false,
        },
      },
    ],
  },
});
