/**
 * The HTML report of the example caseload in a real browser: Debian's
 * Chromium driven by playwright-core (nothing is downloaded). Every request
 * other than the report file itself is refused and counted, so the report
 * must need no network. Run with `npm run test:browser`; CHROMIUM=path
 * overrides /usr/bin/chromium. The screenshot is saved to
 * test-output/report-example.png (docs/report-example.png is a copy of it).
 * It also checks the promised accessibility (titled chart images with text
 * alternatives, tables with captions and column headers) and printing to PDF.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../cli/harness';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const EXECUTABLE = process.env.CHROMIUM ?? '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const ARGS = [
  'audit',
  '--procedure',
  'lac-review',
  '--as-of',
  '2024-06-30',
  join(ROOT, 'examples/lac-review-caseload.csv'),
];

const work = mkdtempSync(join(tmpdir(), 'timescales-browser-'));
let context: BrowserContext;
let page: Page;
const consoleErrors: string[] = [];
const requests: string[] = [];
let summary: {
  children: number;
  cases: number;
  results: number;
  breaches: number;
  rules: Array<{ rule: string; results: number; dueByAsOf: number; onTime: number; late: number; missed: number; tooEarly: number; onTimePercent: number | null }>;
  notMeasured: Array<{ rule: string; evaluated: boolean }>;
};

beforeAll(async () => {
  if (!existsSync(EXECUTABLE)) throw new Error(`no Chromium at ${EXECUTABLE}: apt-get install -y chromium (or set CHROMIUM=path)`);
  const report = join(work, 'report.html');
  const html = await run(...ARGS, '--format', 'html', '--group-by', 'team', '--out', report);
  expect(html.code).toBe(0);
  const json = await run(...ARGS, '--summary', '--format', 'json');
  expect(json.code).toBe(0);
  summary = JSON.parse(json.out);
  context = await chromium.launchPersistentContext(join(work, 'profile'), { executablePath: EXECUTABLE, headless: true, args: FLAGS, viewport: { width: 1200, height: 900 } });
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url === pathToFileURL(report).href) return route.continue();
    requests.push(url);
    return route.abort();
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  await page.goto(pathToFileURL(report).href, { waitUntil: 'load' });
});

afterAll(async () => {
  await context?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('the HTML report in Chromium', () => {
  it('opens with no console errors and no network request', () => {
    expect(consoleErrors).toEqual([]);
    expect(requests).toEqual([]);
  });

  it('draws every chart: three canvases (rules, trend, teams), each with painted pixels', async () => {
    interface Canvas {
      id: string;
      width: number;
      height: number;
      getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } };
    }
    const painted = await page.$$eval('canvas', (found) =>
      (found as unknown as Canvas[]).map((c) => {
        const ctx = c.getContext('2d');
        const { data } = ctx.getImageData(0, 0, c.width, c.height);
        let n = 0;
        for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) n++;
        return { id: c.id, width: c.width, height: c.height, painted: n };
      }),
    );
    expect(painted.map((c) => c.id)).toEqual(['chart-rules', 'chart-trend', 'chart-groups']);
    for (const c of painted) {
      expect(c.width).toBeGreaterThan(100);
      expect(c.painted).toBeGreaterThan(1000);
    }
    expect(await page.evaluate(() => (globalThis as unknown as { reportCharts: unknown[] }).reportCharts.length)).toBe(3);
  });

  it('shows the headline figures of the audit JSON summary', async () => {
    const text = async (sel: string) => (await page.locator(sel).textContent())?.trim();
    expect(await text('#h-children')).toBe(summary.children.toLocaleString('en-GB'));
    expect(await text('#h-cases')).toBe(summary.cases.toLocaleString('en-GB'));
    expect(await text('#h-results')).toBe(summary.results.toLocaleString('en-GB'));
    expect(await text('#h-breaches')).toBe(summary.breaches.toLocaleString('en-GB'));
    expect(await text('#as-of')).toBe('2024-06-30');
    const measured = summary.rules.filter((r) => r.onTimePercent !== null);
    expect(await text('#h-rules')).toBe(`${measured.length} of ${summary.rules.length + summary.notMeasured.filter((n) => !n.evaluated).length}`);
    // Every rule the audit could not measure is listed, with its reason.
    expect(summary.notMeasured.length).toBeGreaterThan(0);
    const listed = await page.locator('#not-measured tbody tr').allTextContents();
    for (const n of summary.notMeasured) expect(listed.some((l) => l.startsWith(n.rule) && l.includes('not measured: the data records no'))).toBe(true);
    for (const r of summary.rules) {
      const row = page.locator(`#rules-table tr[data-rule="${r.rule}"]`);
      const cells = await row.locator('td').allTextContents();
      const n = (x: number) => x.toLocaleString('en-GB');
      expect(cells.slice(0, 6)).toEqual([n(r.results), n(r.dueByAsOf), n(r.onTime), n(r.late), n(r.missed), n(r.tooEarly)]);
      expect(cells[6]).toBe(r.onTimePercent === null ? '–' : `${r.onTimePercent.toFixed(1)}%`);
    }
  });

  it('filters the table of breaches and open items by rule, and sorts it by days late', async () => {
    const visible = () => page.locator('#items-table tbody tr:not([hidden])');
    const all = await visible().count();
    expect(all).toBeGreaterThan(0);
    await page.selectOption('#filter-rule', 'review-cycle');
    const rules = await visible().evaluateAll((rows) => rows.map((r) => r.getAttribute('data-rule')));
    expect(rules.length).toBeGreaterThan(0);
    expect(rules.length).toBeLessThan(all);
    expect(new Set(rules)).toEqual(new Set(['review-cycle']));
    await page.selectOption('#filter-rule', '');
    expect(await visible().count()).toBe(all);
    const late = page.locator('#items-table thead button[data-key="late"]');
    await late.click();
    await late.click();
    const days = await visible().evaluateAll((rows) => rows.map((r) => Number(r.lastElementChild!.getAttribute('data-sort'))));
    expect(days).toEqual([...days].sort((a, b) => b - a));
    expect(await page.locator('#items-table thead th[aria-sort="descending"]').count()).toBe(1);
    // Back to the order of the file for the screenshot.
    await page.reload({ waitUntil: 'load' });
  });

  it('is accessible in the ways it promises: every chart a titled image with a text alternative, every table with headers and a caption', async () => {
    const charts = await page.$$eval('canvas', (cs) =>
      cs.map((c) => {
        const ids = (a: string) => (c.getAttribute(a) ?? '').split(' ').filter(Boolean);
        const text = (id: string) => (c.ownerDocument.getElementById(id)?.textContent ?? '').trim();
        return { role: c.getAttribute('role'), title: ids('aria-labelledby').map(text).join(' '), described: ids('aria-describedby').map(text).join(' ').length, fallback: (c.textContent ?? '').trim().length };
      }),
    );
    for (const c of charts) {
      expect(c.role).toBe('img');
      expect(c.title).toMatch(/On-time %/);
      expect(c.described).toBeGreaterThan(20);
      expect(c.fallback).toBeGreaterThan(10);
    }
    const tables = await page.$$eval('table', (ts) => ts.map((t) => ({ caption: Boolean(t.querySelector('caption')), heads: t.querySelectorAll('thead th[scope="col"]').length })));
    expect(tables.length).toBeGreaterThanOrEqual(5);
    for (const t of tables) expect(t).toMatchObject({ caption: true, heads: expect.any(Number) });
    expect(tables.every((t) => t.heads > 0)).toBe(true);
  });

  it('prints to PDF, with the print stylesheet hiding the controls', async () => {
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.controls').isVisible()).toBe(false);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    expect(pdf.length).toBeGreaterThan(50_000);
    await page.emulateMedia({ media: 'screen' });
    expect(await page.locator('.controls').isVisible()).toBe(true);
  });

  it('saves a screenshot (test-output/report-example.png)', async () => {
    const dir = join(ROOT, 'test-output');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'report-example.png');
    await page.setViewportSize({ width: 1200, height: 2100 });
    await page.evaluate(() => (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0));
    await page.screenshot({ path: file, fullPage: false });
    expect(readFileSync(file).subarray(1, 4).toString()).toBe('PNG');
  });
});
