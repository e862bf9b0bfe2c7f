import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'web/**/*.test.{ts,tsx}'],
    globalSetup: ['test/setup/globalSetup.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    // Screens under load (two cores, tests in parallel) may take seconds to settle.
    expect: { poll: { timeout: 20_000, interval: 100 } },
    hookTimeout: 120_000,
    reporters: ['default'],
  },
});
