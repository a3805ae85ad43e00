import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 30_000,
    // Set-ups build whole registers (the sample data, a pack exchanged between two): on a
    // busy CI machine, or on the PostgreSQL half, they take longer than vitest's 10 s.
    hookTimeout: 60_000,
  },
})
