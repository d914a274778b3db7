import { defineConfig } from 'vitest/config';

// Unit tests: pure view-model functions only (no DOM). The browser suite is vitest.e2e.config.ts.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
    reporters: ['default', ['json', { outputFile: '../../.reports/web.json' }]],
  },
});
