import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    // PGlite starts a Postgres per test file; give slow shared machines room.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
})
