/**
 * Issue 15, as a journalism class uses the app, at 1440×900, 1024×768 and 390×844:
 * stories first, a plain summary, numbered facts, who is quoted, charts for essays
 * (exports opened and checked), plain language, phones and keyboards (axe-core: no
 * serious violations), state in the URL and in the session, and a 300-article
 * multi-event corpus (bench/synth.ts) loaded through the upload control with no long
 * task over 200 ms. Screenshots of every view at every size go to
 * artifacts/screenshots/ (gitignored).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AnalysisReport } from '@parallax/core';
import type { Browser, BrowserContext, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { generateCorpus } from '../../../bench/synth';

/** A fixed CPU workload timed in the page (best of 5): how fast this machine is right now. */
function calibrate(): number {
  let best = Infinity;
  for (let r = 0; r < 5; r++) {
    const t0 = performance.now();
    let x = 0;
    for (let i = 0; i < 20_000_000; i++) x = (x + i * 7) % 1_000_003;
    if (x < 0) throw new Error('unreachable');
    best = Math.min(best, performance.now() - t0);
  }
  return Math.round(best);
}
/** calibrate() on this machine kind with both cores idle (measured 2026-12-04). */
const CALIBRATION_IDLE_MS = 70;
import { launch, openApp, REPO_ROOT, screenshot } from './browser';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const VIEWS = ['stories', 'summary', 'side', 'diff', 'coverage', 'quotes', 'charts', 'evidence'] as const;
const SIZES = [
  [1440, 900],
  [1024, 768],
  [390, 844],
] as const;
/** Internal ids and rule names that must never be on screen. */
const JARGON = /diff:[a-z]|[a-z]+-spelling\b|[a-z]+-naming\b|\brule:|\bvader:|\b[a-z-]+:s\d+\b|\((gov|place|person)\)|Alignment and diff from the engine|source_balance|n_outlets/;

let browser: Browser;
let tmp: string;
let cli: AnalysisReport;

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'parallax-semester-'));
  execFileSync('pnpm', ['--silent', '--dir', REPO_ROOT, 'parallax', 'analyze', 'fixtures/riyadh-2025-02-18', '--out', join(tmp, 'out'), '--quiet'], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  cli = JSON.parse(readFileSync(join(tmp, 'out', 'report.json'), 'utf8')) as AnalysisReport;
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

async function newPage(width: number, height: number, touch = false): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width, height }, acceptDownloads: true, hasTouch: touch, isMobile: touch });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return { context, page, errors };
}

async function axeSerious(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    const w = window as unknown as { axe: { run: (ctx: unknown, o: unknown) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } };
    const r = await w.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.nodes.join(' | ')}`);
}

const panelText = (page: Page) => page.evaluate(() => (document.querySelector('.workspace') as HTMLElement | null)?.innerText ?? '');

describe.each(SIZES)('at %i×%i', (width, height) => {
  test('every view: drawn, screenshotted, no serious axe violation, no internal ids, no sideways page scroll; the tab bar reaches every tab', async () => {
    const { context, page, errors } = await newPage(width, height);
    await openApp(page, '');
    await page.waitForSelector('.story-card');
    const problems: string[] = [];
    for (const v of VIEWS) {
      // Reach the tab the way a user does: it must be scrollable into view and clickable.
      const tab = page.locator(`#tab-${v}`);
      await tab.scrollIntoViewIfNeeded();
      await tab.click();
      await page.waitForSelector(`#panel-${v}`);
      if (v === 'evidence') await page.waitForSelector('[data-testid="downloads"] button.file');
      if (v === 'charts') await page.waitForSelector('[data-chart="doc-sentiment"] svg');
      await page.waitForTimeout(150);
      await screenshot(page, `${v}-${width}`);
      const text = await panelText(page);
      const jargon = JARGON.exec(text);
      if (jargon) problems.push(`${v}: internal id on screen: ${jargon[0]}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      if (overflow > 1) problems.push(`${v}: page scrolls sideways by ${overflow}px`);
      for (const s of await axeSerious(page)) problems.push(`${v}: ${s}`);
    }
    expect(problems).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('keyboard only: Home/End on the tabs, one tab stop per column, Enter opens the diff of the focused sentence’s own fact', async () => {
    const { context, page } = await newPage(width, height);
    await openApp(page, '?tab=summary');
    await page.waitForSelector('[data-testid="summary"]');
    // From the top of the page, Tab reaches the tab bar.
    await page.keyboard.press('Tab');
    let onTab = false;
    for (let i = 0; i < 30 && !onTab; i++) {
      onTab = await page.evaluate(() => document.activeElement?.getAttribute('role') === 'tab');
      if (!onTab) await page.keyboard.press('Tab');
    }
    expect(onTab).toBe(true);
    await page.keyboard.press('End');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('tab-evidence');
    await page.keyboard.press('Home');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('tab-stories');
    for (let i = 0; i < 2; i++) await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('tab-side');
    await page.waitForSelector('[data-testid="columns"] .col');
    // Tab stops in the side-by-side view: few, and each one does something.
    const stops = await page.$$eval('#panel-side *', (els) =>
      els
        .filter((e) => {
          const t = (e as HTMLElement).tabIndex;
          const visible = (e as HTMLElement).offsetParent !== null || e.tagName === 'SUMMARY';
          return t >= 0 && visible && !(e as HTMLButtonElement).disabled;
        })
        .map((e) => ({ tag: e.tagName, role: e.getAttribute('role'), cls: (e as HTMLElement).className })),
    );
    const dead = stops.filter((s) => !['A', 'BUTTON', 'INPUT', 'SELECT', 'TEXTAREA', 'SUMMARY'].includes(s.tag) && s.role !== 'button' && !/col-body/.test(String(s.cls)));
    expect(dead).toEqual([]);
    expect(stops.length).toBeLessThanOrEqual(5 * 3 + 4);
    // Into the first column: arrows move inside it, Enter opens the diff of that sentence's fact.
    await page.focus('.col .sent.shared[tabindex="0"]');
    await page.keyboard.press('ArrowDown');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      return { sid: el.dataset.sid ?? null, claim: el.dataset.claim ?? null, badge: el.dataset.fact ?? null };
    });
    expect(focused.sid).not.toBeNull();
    const outlined = await page.$$eval(`.sent[data-claim="${focused.claim}"]`, (els) => els.map((el) => getComputedStyle(el).outlineStyle));
    expect(outlined.length).toBeGreaterThan(1);
    expect(outlined.every((o) => o === 'solid')).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid="diff"]');
    expect(await page.getAttribute('[data-testid="diff"]', 'data-claim')).toBe(focused.claim);
    expect(await page.getAttribute('[data-testid="diff"]', 'data-a-sentence')).toBe(focused.sid);
    expect(await page.textContent('[data-testid="diff"] .diff-fact .fb')).toBe(focused.badge);
    // The diff's label is the compared passage itself, and it comes from the engine's diffs.
    const aText = await page.textContent('[data-testid="diff"] .diff-side p >> nth=0');
    expect(aText).toBe(sentenceText(cli, focused.sid!));
    expect(cli.diffs.some((d) => d.claim_id === focused.claim && (d.a_sentence_id === focused.sid || d.b_sentence_id === focused.sid))).toBe(true);
    // Charts: every interactive mark is reachable; Enter on a tone bar opens its evidence, which is in the URL.
    await page.click('#tab-charts');
    await page.focus('[data-chart="doc-sentiment"] .mark[tabindex="0"]');
    await page.keyboard.press('ArrowDown');
    const article = await page.evaluate(() => (document.activeElement as Element).getAttribute('data-article'));
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid="evidence"]');
    const url = new URL(page.url());
    expect([url.searchParams.get('tab'), url.searchParams.get('m'), url.searchParams.get('ea')]).toEqual(['evidence', 'sentiment', article]);
    const heading = await page.textContent('[data-testid="evidence"] h3');
    await page.reload();
    await page.waitForSelector('[data-testid="evidence"]', { timeout: 60_000 });
    expect(await page.textContent('[data-testid="evidence"] h3')).toBe(heading);
    expect(await page.textContent('[data-testid="evidence"]')).toMatch(/These words pushed the score (up|down)/);
    expect(JARGON.exec(await panelText(page))?.[0] ?? null).toBeNull();
    await screenshot(page, `evidence-selected-${width}`);
    await context.close();
  });
});

/** Click and wait for the download; headless Chromium now and then drops one of a quick series, so retry (at most three tries). */
async function clickDownload(page: Page, selector: string): Promise<Download> {
  for (let attempt = 1; ; attempt++) {
    try {
      const [download] = await Promise.all([page.waitForEvent('download', { timeout: 8_000 }), page.click(selector)]);
      return download;
    } catch (err) {
      if (attempt >= 3) throw err;
    }
  }
}

function sentenceText(r: AnalysisReport, sid: string): string {
  for (const a of r.articles) {
    const s = a.sentences.find((x) => x.id === sid);
    if (s) return a.text.slice(s.start, s.end);
  }
  return '';
}

describe('facts with identity, summary, quotes (1440×900)', () => {
  test('coverage lists shared facts by outlet count with one-outlet facts folded per outlet; badges match everywhere', async () => {
    const { context, page } = await newPage(1440, 900);
    await openApp(page, '?tab=coverage');
    await page.waitForSelector('[data-testid="coverage"]');
    const rows = await page.$$eval('[data-testid="coverage"] tbody tr', (trs) => trs.map((tr) => ({ claim: tr.getAttribute('data-claim'), badge: tr.querySelector('.fb')?.textContent, present: tr.querySelectorAll('td.yes').length })));
    const shared = cli.claims.filter((c) => c.article_ids.length >= 2);
    expect(rows.length).toBe(shared.length);
    expect(rows.map((r) => r.present)).toEqual([...rows.map((r) => r.present)].sort((a, b) => b - a));
    expect(rows.map((r) => r.badge)).toEqual(rows.map((_, i) => `F${i + 1}`));
    for (const r of rows) expect(r.present).toBe(cli.claims.find((c) => c.claim_id === r.claim)!.article_ids.length);
    const folds = await page.$$eval('.single details', (ds) => ds.map((d) => d.getAttribute('data-outlet')));
    expect(folds.length).toBeGreaterThan(0);
    // One colour is never used to claim "same fact": no per-fact tints in the side-by-side view.
    await page.click('#tab-side');
    await page.waitForSelector('.sent.shared');
    const tints = await page.$$eval('.sent.shared', (els) => [...new Set(els.map((e) => getComputedStyle(e).backgroundColor))]);
    expect(tints.length).toBe(1);
    const badgeOf = await page.$$eval('.sent.shared', (els) => els.map((e) => [e.getAttribute('data-claim'), e.getAttribute('data-fact')]));
    for (const [claim, badge] of badgeOf) expect(rows.find((r) => r.claim === claim)?.badge).toBe(badge);
    await context.close();
  });

  test('the summary says in sentences what all, some and one outlet report, and keeps the user’s own outlet groups', async () => {
    const { context, page } = await newPage(1440, 900);
    await openApp(page, '?tab=summary');
    await page.waitForSelector('[data-testid="summary"]');
    const all = cli.claims.filter((c) => c.article_ids.length === 5).length;
    expect(await page.textContent('#sum-all')).toBe(`All 5 outlets report ${all} fact${all === 1 ? '' : 's'}:`);
    expect(await page.locator('.summary .only-fold').count()).toBe(5);
    expect(await page.textContent('.summary .only-fold >> nth=0')).toMatch(/^ ?Only Associated Press reports \d+ facts?/);
    const inputs = page.locator('.group-inputs input');
    await inputs.nth(0).fill('left');
    await inputs.nth(1).fill('left');
    await inputs.nth(2).fill('right');
    await page.waitForSelector('[data-testid="group-lines"]');
    expect(await page.textContent('[data-testid="group-lines"]')).toContain('“left”');
    await page.locator('#sum-groups').scrollIntoViewIfNeeded();
    await screenshot(page, 'summary-groups-1440');
    await page.reload();
    await page.waitForSelector('[data-testid="group-lines"]', { timeout: 60_000 });
    expect(await page.locator('.group-inputs input').nth(2).inputValue()).toBe('right');
    await context.close();
  });

  test('who is quoted: every quote of core is in the panel, by speaker and outlet, with verbs', async () => {
    const { context, page } = await newPage(1440, 900);
    await openApp(page, '?tab=quotes');
    await page.waitForSelector('[data-testid="quotes"]');
    const cells = await page.$$eval('.quote-table tbody td:not(.none)', (tds) => tds.map((td) => Number(/(\d+) quotes?,/.exec(td.textContent ?? '')?.[1] ?? 0)));
    expect(cells.reduce((t, n) => t + n, 0)).toBe(cli.quotes.length);
    const verbs = new Set(cli.quotes.map((q) => q.verb).filter(Boolean));
    const shown = await page.$$eval('.quote-table .verb', (vs) => vs.map((v) => v.textContent ?? ''));
    expect(shown.some((v) => [...verbs].some((x) => v.includes(x!)))).toBe(true);
    expect(await page.locator('.only-tag').count()).toBeGreaterThan(0);
    await context.close();
  });
});

describe('charts for essays (1440×900)', () => {
  test('every chart exports SVG and PNG (2×) with title, story, outlets, measure and Parallax version', async () => {
    const { context, page } = await newPage(1440, 900);
    await openApp(page, '?tab=charts');
    await page.waitForSelector('[data-chart="doc-sentiment"] svg');
    const ids = await page.$$eval('.chart-grid figure.card', (fs) => fs.filter((f) => f.querySelector('.card-actions')).map((f) => f.getAttribute('data-chart') ?? ''));
    expect(ids).toEqual(['doc-sentiment', 'arc', 'frames', 'entities', 'sources', 'terms']);
    // Tone bars show their value; a zero shows as a dot with "+0.00", not as nothing.
    const labels = await page.$$eval('[data-chart="doc-sentiment"] .mark text:last-of-type', (ts) => ts.map((t) => t.textContent));
    expect(labels.every((l) => /^[+-]?\d\.\d\d$/.test(l ?? ''))).toBe(true);
    for (const id of ids) {
      const title = (await page.textContent(`[data-chart="${id}"] h3`)) ?? '';
      const svgDl = await clickDownload(page, `[data-chart="${id}"] .card-actions button:text("SVG")`);
      const svgPath = join(tmp, `${id}.svg`);
      await svgDl.saveAs(svgPath);
      const svg = readFileSync(svgPath, 'utf8');
      expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="(\d+)" height="(\d+)"/);
      const [, w, h] = /width="(\d+)" height="(\d+)"/.exec(svg)!;
      expect(Number(w)).toBeGreaterThan(400);
      expect(Number(h)).toBeGreaterThan(150);
      expect(svg).toContain(`<title>${title}</title>`);
      expect(svg).toContain('Story: U.S. and Russian officials meet');
      expect(svg).toContain('Outlets: Associated Press, Mediaite, NPR, Tasnim News Agency, Washington Times');
      expect(svg).toContain('Measure: ');
      expect(svg).toContain(`Parallax ${cli.tool.version}`);
      expect(svg).not.toMatch(/…<\/t/);
      const pngDl = await clickDownload(page, `[data-chart="${id}"] .card-actions button:text("PNG")`);
      const pngPath = join(tmp, `${id}.png`);
      await pngDl.saveAs(pngPath);
      const png = readFileSync(pngPath);
      expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([Number(w) * 2, Number(h) * 2]);
    }
    // Open an exported file in the browser, as a student would, and look at it.
    const shot = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    await shot.goto(`file://${join(tmp, 'doc-sentiment.png')}`);
    await screenshot(shot, 'export-doc-sentiment-png');
    await shot.goto(`file://${join(tmp, 'terms.svg')}`);
    await screenshot(shot, 'export-terms-svg');
    await shot.close();
    await context.close();
  });
});

describe('phones (390×844, touch)', () => {
  test('a tap highlights the fact across outlets first; "Compare wording" then opens it', async () => {
    const { context, page } = await newPage(390, 844, true);
    await openApp(page);
    await page.waitForSelector('.sent.shared');
    const el = page.locator('.col >> nth=0').locator('.sent.shared').nth(1);
    const sid = await el.getAttribute('data-sid');
    const claim = await el.getAttribute('data-claim');
    await el.tap();
    await page.waitForSelector('[data-testid="fact-bar"]');
    expect(new URL(page.url()).searchParams.get('tab')).toBe('side');
    const outlined = await page.$$eval(`.sent[data-claim="${claim}"]`, (els) => els.map((e) => getComputedStyle(e).outlineStyle));
    expect(outlined.every((o) => o === 'solid')).toBe(true);
    await screenshot(page, 'side-tap-390');
    await page.tap('[data-testid="fact-bar"] button');
    await page.waitForSelector('[data-testid="diff"]');
    expect(await page.getAttribute('[data-testid="diff"]', 'data-a-sentence')).toBe(sid);
    // The tab bar scrolls: the last tab can be reached and shown.
    await page.locator('#tab-evidence').scrollIntoViewIfNeeded();
    await page.tap('#tab-evidence');
    await page.waitForSelector('[data-testid="downloads"]');
    const box = await page.locator('#tab-evidence').boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 390).toBe(true);
    await context.close();
  });
});

describe('state and a 300-article corpus', () => {
  test('front matter with an unquoted colon still reads (with a plain warning); uploaded files survive a reload, with a "your files / the example" switch', async () => {
    const { context, page } = await newPage(1024, 768);
    await openApp(page);
    await page.click('text=Use your own articles');
    const md = (id: string, outlet: string, title: string) =>
      Buffer.from(`---\nid: ${id}\noutlet: ${outlet}\ntitle: ${title}\npublished: 2025-02-18\n---\nRussian and American officials met in Riyadh on Tuesday. Ukraine was not invited to the talks. ${outlet} reported the meeting lasted hours.`);
    await page.setInputFiles('[data-testid="file-input"]', [
      { name: 'one.md', mimeType: 'text/markdown', buffer: md('one', 'Daily Ledger', 'Riyadh talks: day one') },
      { name: 'two.md', mimeType: 'text/markdown', buffer: md('two', 'Morning Post', 'Talks in Riyadh') },
    ]);
    await page.click('[data-testid="analyse"]');
    await page.waitForSelector('.workspace[data-articles="one two"]', { timeout: 60_000 });
    await page.click('#tab-side');
    await page.waitForSelector('.col[data-article="one"]');
    expect(await page.textContent('.col[data-article="one"] .col-title')).toBe('Riyadh talks: day one');
    expect(await page.textContent('.col[data-article="one"] .col-outlet')).toContain('Daily Ledger');
    expect(await page.textContent('[data-testid="rejections"]')).toContain('a value contains a colon');
    await page.reload();
    await page.waitForSelector('.workspace[data-articles="one two"]', { timeout: 60_000 });
    expect(await page.textContent('[data-testid="source-line"]')).toContain('Your files');
    expect(await page.getAttribute('[data-testid="show-user"]', 'aria-pressed')).toBe('true');
    await page.click('[data-testid="show-example"]');
    await page.waitForSelector('.workspace[data-articles="ap mediaite npr tasnim washington-times"]', { timeout: 60_000 });
    await page.click('[data-testid="show-user"]');
    await page.waitForSelector('.workspace[data-articles="one two"]', { timeout: 60_000 });
    await context.close();
  });

  test('300 articles in many stories load through the upload control; the page stays responsive; stories are searchable cards, opening on the biggest', async () => {
    const corpus = generateCorpus({ articles: 300, seed: 15 });
    const jsonl = corpus.map((a) => JSON.stringify({ id: a.id, outlet: a.outlet, title: a.title, published: a.published, url: a.url, text: a.text })).join('\n');
    const { context, page, errors } = await newPage(1440, 900);
    await page.addInitScript(() => {
      const w = window as unknown as { __longTasks: number[]; __measure: boolean };
      w.__longTasks = [];
      w.__measure = false;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) if (w.__measure) w.__longTasks.push(Math.round(e.duration));
      }).observe({ type: 'longtask', buffered: false });
    });
    await openApp(page, '');
    await page.waitForSelector('.story-card');
    await page.click('text=Use your own articles');
    await page.setInputFiles('[data-testid="file-input"]', [{ name: 'synthetic-300.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from(jsonl) }]);
    await page.waitForSelector('text=Compare 1 file');
    const calibrationMs = await page.evaluate(calibrate);
    await page.evaluate(() => ((window as unknown as { __measure: boolean }).__measure = true));
    await page.click('[data-testid="analyse"]');
    // While it runs, the page answers: the progress line updates and a click is handled.
    await page.waitForSelector('[data-testid="progress"]');
    const t0 = Date.now();
    await page.click('.tagline');
    const clickMs = Date.now() - t0;
    await page.waitForFunction(() => document.querySelectorAll('.workspace[data-articles] .story-card').length > 0 && (document.querySelector('.workspace')?.getAttribute('data-articles') ?? '').split(' ').length >= 290, null, {
      timeout: 240_000,
    });
    await page.waitForTimeout(300);
    const longTasks = await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);
    console.log(`300 articles: ${longTasks.length} long tasks, longest ${Math.max(0, ...longTasks)} ms; a click during analysis took ${clickMs} ms`);
    // 200 ms on an idle machine; on a busy one every task is slower by the same factor, so the
    // limit is scaled by a fixed CPU workload timed in this page in this run (the baseline).
    const slowdown = Math.max(1, calibrationMs / CALIBRATION_IDLE_MS);
    console.log(`calibration ${calibrationMs} ms (idle ${CALIBRATION_IDLE_MS} ms): long-task limit ${Math.round(200 * slowdown)} ms`);
    expect(Math.max(0, ...longTasks)).toBeLessThanOrEqual(200 * slowdown);
    const total = Number(/(\d+) stories/.exec((await page.textContent('.story-tools [role="status"]')) ?? '')?.[1]);
    expect(total).toBeGreaterThan(20);
    expect(await page.locator('.workspace select').count()).toBe(0);
    expect(await page.locator('.story-card').count()).toBe(Math.min(40, total));
    // It opens on the story with most outlets.
    const outlets = await page.$$eval('.story-card .story-meta strong', (ss) => ss.map((s) => Number(s.textContent)));
    expect(outlets[0]).toBe(Math.max(...outlets));
    expect(await page.getAttribute('.story-card >> nth=0', 'aria-current')).toBe('true');
    await screenshot(page, 'stories-300-1440');
    // Search narrows the list; newest sorts by date; a card opens its story's summary.
    const word = ((await page.textContent('.story-card .story-label >> nth=3')) ?? '').split(/[\s,]+/).find((w) => w.length > 4) ?? 'talks';
    await page.fill('.story-tools input[type="search"]', word);
    const hits = await page.locator('.story-card').count();
    expect(hits).toBeGreaterThan(0);
    expect(hits).toBeLessThan(Math.min(40, total) + 1);
    for (const l of await page.$$eval('.story-card', (cs) => cs.map((c) => c.textContent ?? ''))) expect(l.toLowerCase()).toContain(word.toLowerCase());
    await page.fill('.story-tools input[type="search"]', '');
    await page.click('.sort button:text("Newest")');
    const dates = await page.$$eval('.story-card .story-meta > span:first-child', (ss) => ss.map((s) => s.textContent ?? ''));
    const dated = dates.filter((d) => d !== 'no date');
    expect(dated).toEqual([...dated].sort().reverse());
    expect(dates.slice(0, dated.length)).toEqual(dated);
    // Keyboard: the list is one tab stop; End goes to the last card.
    await page.focus('.story-card[tabindex="0"]');
    await page.keyboard.press('End');
    expect(await page.evaluate(() => document.activeElement === [...document.querySelectorAll('.story-card')].pop())).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid="summary"], .summary');
    expect(new URL(page.url()).searchParams.get('tab')).toBe('summary');
    expect(errors).toEqual([]);
    await context.close();
  }, 300_000);
});

