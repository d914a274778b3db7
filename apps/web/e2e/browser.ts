import { CHROMIUM } from './chromium';
export { CHROMIUM };
/** Shared helpers for the browser suite: Debian's Chromium via playwright-core. */
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { inject } from 'vitest';

/**
 * The `vite preview` this run started (global-setup.ts picks a free port, so suites of
 * several checkouts on one machine never test each other's build).
 */
export const PREVIEW_URL: string = inject('previewUrl');
export const PREVIEW_ORIGIN = new URL(PREVIEW_URL).origin;
export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const SCREENSHOTS = join(REPO_ROOT, 'artifacts', 'screenshots');

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: false });
}

/** Open the app (optionally with a query) and wait until the example's columns are drawn. */
export async function openApp(page: Page, query = '?tab=side'): Promise<void> {
  await page.goto(`${PREVIEW_URL}${query}`);
  await page.waitForSelector('.workspace', { timeout: 240_000 });
}
