import { defineConfig } from 'vitest/config';

// End-to-end: playwright-core drives Debian's Chromium against `vite preview` (see e2e/global-setup.ts).
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    environment: 'node',
    globalSetup: ['e2e/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 360_000, // the first run in a page loads the sentence encoder (28 MB) and encodes the event's sentences (~9/s in Chromium)
    hookTimeout: 120_000,
    reporters: ['default', ['json', { outputFile: '../../.reports/web-e2e.json' }]],
  },
});
