/**
 * The HTML report without a browser: one self-contained file (nothing is
 * loaded from anywhere), its figures taken from the audit's summary, and
 * text from the input escaped. The browser test (npm run test:browser)
 * opens it in Chromium.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../cli/harness';

const FILE = 'test/cli/data/cp-due.csv';
// The file records no rcpc event; --records names it, so rcpc is measured (and has nothing due by 10 May).
const BASE = ['audit', '--procedure', 'cp-conference', '--as-of', '2024-05-10', '--records', 'strategy-discussion,icpc,cp-plan-started,core-group,rcpc', FILE];

/** The embedded data of a report. */
function embedded(html: string): Record<string, any> {
  const m = /<script type="application\/json" id="report-data">(.*?)<\/script>/s.exec(html);
  return JSON.parse(m![1]!);
}

/** The report without its inline scripts: what is left are the elements. */
const markup = (html: string) => html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '');

describe('audit --format html', () => {
  it('is one file: the chart library, styles and data inline, no element that loads anything', async () => {
    const { code, out } = await run(...BASE, '--format', 'html');
    expect(code).toBe(0);
    expect(out.startsWith('<!doctype html>')).toBe(true);
    expect(out).toContain('Chart.js v4');
    expect(out.match(/<script\b/g)!.length).toBe(3);
    expect(markup(out)).not.toMatch(/\s(src|href|srcset|action)\s*=/i);
    expect(markup(out)).not.toMatch(/<(link|iframe|img|object|embed)\b/i);
    expect(out).not.toMatch(/@import|url\(/);
  });

  it('takes its figures from the summary (A1 icpc met, A2 icpc overdue; A1 core group met late)', async () => {
    const html = (await run(...BASE, '--format', 'html')).out;
    const summary = JSON.parse((await run(...BASE, '--summary', '--format', 'json')).out);
    const d = embedded(html);
    expect(d.headline).toMatchObject({ cases: summary.cases, results: summary.results, breaches: summary.breaches, rulesEvaluated: 3 });
    // icpc: due by 10 May: A1 (due 19 Apr, met 17 Apr) and A2 (due 19 Apr, overdue) → 1 of 2 = 50%; A3 is due 16 May.
    expect(d.rules.find((r: { rule: string }) => r.rule === 'icpc')).toEqual({ rule: 'icpc', title: expect.any(String), results: 3, dueByAsOf: 2, onTime: 1, late: 0, missed: 1, tooEarly: 0, onTimePercent: 50, measured: true });
    // rcpc: A1's only, due 17 Jul: nothing due by the as-of date.
    expect(d.notMeasured).toEqual([{ rule: 'rcpc', title: expect.any(String), reason: 'nothing fell due by 2024-05-10 (1 result, none due yet)' }]);
    // Breaches and open items: A1 core group (met late), A2 icpc (overdue), A3 icpc (due-soon), A1 rcpc (pending).
    expect(d.items.map((i: { caseId: string; rule: string; status: string }) => `${i.caseId} ${i.rule} ${i.status}`).sort()).toEqual([
      'A1 core-group-first met-late',
      'A1 rcpc pending',
      'A2 icpc overdue',
      'A3 icpc due-soon',
    ]);
    expect(d.headline.openItems).toBe(3);
    // Every due date is in 2024/25 except none: 19 Apr, 1 May, 16 May, 17 Jul 2024 are all after 31 March 2024.
    expect(d.trend).toMatchObject({ by: 'financial-year', periods: ['2024/25'] });
    expect(html).toMatch(/id="h-cases">3</);
  });

  it('lists the rules the data cannot measure with the audit\'s reason', async () => {
    const d = embedded((await run('audit', '--procedure', 'cp-conference', '--as-of', '2024-05-10', FILE, '--format', 'html')).out);
    expect(d.notMeasured.map((n: { rule: string; reason: string }) => [n.rule, n.reason])).toEqual([['rcpc', expect.stringMatching(/^not measured: the data records no "rcpc"/)]]);
    // icpc and core-group-first are measured; rcpc is left out of the rules and of the count.
    expect(d.headline).toMatchObject({ rulesMeasured: 2, rulesEvaluated: 3 });
    expect(d.rules.map((r: { rule: string }) => r.rule)).toEqual(['icpc', 'core-group-first']);
  });

  it('splits by a carried column and by the period asked for', async () => {
    const d = embedded((await run(...BASE, '--format', 'html', '--group-by', 'worker', '--by', 'month')).out);
    expect(d.groups.column).toBe('worker');
    expect(d.groups.names).toEqual(['W1', 'W2']);
    // icpc: W1 has A2 (overdue) due by the as-of date (A3 due later): 0 of 1; W2 has A1, met: 1 of 1.
    const icpc = d.groups.series.find((s: { rule: string }) => s.rule === 'icpc');
    expect([icpc.onTime, icpc.due, icpc.values]).toEqual([[0, 1], [1, 1], [0, 100]]);
    // By month: icpc due in April (A1, A2) and May (A3, not due by 10 May); core group due 1 May (A1).
    expect(d.trend.periods).toEqual(['2024-04', '2024-05']);
    expect(d.items.every((i: { group?: string }) => i.group === 'W1' || i.group === 'W2')).toBe(true);
  });

  it('counts data problems by code, and escapes what the input says', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'timescales-html-'));
    try {
      const file = join(dir, 'hostile.csv');
      writeFileSync(file, 'case_id,event,date,s47\n</script><script>alert(1)</script>,strategy-discussion,2024-05-01,true\nB1,no-such-event,2024-05-01,\nB2,no-such-event,2024-05-02,\nB3,icpc,2024-13-01,\n');
      const { code, out } = await run('audit', '--procedure', 'cp-conference', '--as-of', '2024-05-10', '--all-rules', file, '--format', 'html');
      expect(code).toBe(1);
      expect(markup(out)).toContain('&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(out.match(/<script\b/g)!.length).toBe(3);
      const d = embedded(out);
      // The icpc of the hostile case id is open (strategy discussion Wed 1 May 2024, icpc due 15 WD later, after 10 May).
      expect(d.items.map((i: { caseId: string }) => i.caseId)).toEqual(['</script><script>alert(1)</script>']);
      expect(d.problems).toEqual([
        { code: 'unknown-event', severity: 'error', count: 2 },
        { code: 'invalid-date', severity: 'error', count: 1 },
      ]);
      expect(d.headline).toMatchObject({ rowsRead: 4, rowsUsed: 1, rowsReported: 3 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('names its sources by title and says the as-of date, calendar and profile in the footer', async () => {
    const html = (await run(...BASE, '--format', 'html', '--calendar', 'scotland')).out;
    const footer = /<footer>([\s\S]*?)<\/footer>/.exec(html)![1]!;
    expect(footer).toMatch(/Sources:.*Working Together/);
    expect(footer).toContain('As at 2024-05-10');
    expect(footer).toContain('calendar: Scotland bank holidays');
    expect(footer).toContain('profile default');
    expect(footer).not.toMatch(/\.txt/);
  });
});
