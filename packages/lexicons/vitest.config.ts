import { defineConfig } from 'vitest/config';
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    reporters: ['default', ['json', { outputFile: '../../.reports/lexicons.json' }]],
    // Generous safety nets for a busy 2-core machine, never a speed check; slow tests set their own.
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
