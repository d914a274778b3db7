/** Debian's Chromium, used through playwright-core (never `playwright install`). */
export const CHROMIUM = '/usr/bin/chromium';
