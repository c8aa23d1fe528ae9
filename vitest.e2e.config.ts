import { defineConfig } from 'vitest/config'

// End-to-end tests: real Chromium with the built extension (dist/) against the local console replica.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: 'forks',
    fileParallelism: false,
    maxWorkers: 1,
  },
})
