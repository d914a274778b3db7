import { defineConfig } from 'vitest/config';

// Unit tests: pure view-model functions only (no DOM). The browser suite is vitest.e2e.config.ts.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
    reporters: ['default', ['json', { outputFile: '../../.reports/web.json' }]],
    // Generous safety nets for a busy 2-core machine, never a speed check; slow tests set their own.
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
