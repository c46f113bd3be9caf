/**
 * Carried columns and --group-by (issue 11, item 6), --by (item 7), on
 * test/cli/data/lac-teams.csv at Fri 2024-06-28, review-cycle only. `team` is
 * constant per case (blank cells do not count); `stage` varies within S5, so
 * it is an event's attribute and is not carried.
 *
 * S5 (North) looked after Thu 1 Feb 2024: 1st due 20 WD later: Fri 2 (1), 5..9 (2..6), 12..16 (7..11),
 *    19..23 (12..16), Mon 26 (17), Tue 27 (18), Wed 28 (19), Thu 29 Feb (20) → 2024-02-29; held 28 Feb → on time.
 *    2nd: 28 Feb + 91 days: to 29 Feb 1, 31 Mar 32, 30 Apr 62, + 29 → 2024-05-29; none → missed.
 * S6 (South) looked after Fri 1 Dec 2023: 1st: Dec 4..8 (1..5), 11..15 (6..10), 18..22 (11..15),
 *    [25, 26 Dec bank holidays], 27 (16), 28 (17), 29 (18), [1 Jan bank holiday], Tue 2 Jan (19), Wed 3 Jan (20)
 *    → 2024-01-03; held Sun 31 Dec → on time.
 *    2nd: 31 Dec + 91: to 31 Jan 31, 29 Feb 60, + 31 → Sun 2024-03-31 (the last day of the financial year 2023/24);
 *    held Mon 1 Apr → late. 3rd: 1 Apr + 183: to 30 Apr 29, 31 May 60, 30 Jun 90, 31 Jul 121, 31 Aug 152,
 *    30 Sep 182, + 1 → 2024-10-01: open.
 * Financial years (1 April to 31 March): 2023/24 holds the dues 2024-02-29, 2024-01-03, 2024-03-31;
 * 2024/25 holds 2024-05-29 and 2024-10-01.
 */
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { carriedAttributes, periodOf } from '../../src/index';
import { run } from './harness';

const file = fileURLToPath(new URL('./data/lac-teams.csv', import.meta.url));
const BASE = ['audit', '--procedure', 'lac-review', '--as-of', '2024-06-28', '--rules', 'review-cycle'];

describe('carried columns', () => {
  it('a column constant per case is carried to every result row of the case; one that varies is not', async () => {
    const r = await run(...BASE, '--format', 'csv', file);
    const rows = parse(r.out, { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!).slice(-2)).toEqual(['source', 'team']);
    expect(rows.map((x) => [x.case_id, x.occurrence, x.team])).toEqual([
      ['S5', '1', 'North'],
      ['S5', '2', 'North'],
      ['S6', '1', 'South'],
      ['S6', '2', 'South'],
      ['S6', '3', 'South'],
    ]);
    const json = JSON.parse((await run(...BASE, '--format', 'json', file)).out) as { carried?: Record<string, string> }[];
    expect(json[0]!.carried).toEqual({ team: 'North' });
  });

  it('carriedAttributes: constant per case, blanks ignored', () => {
    const c = carriedAttributes([
      { id: 'A', events: [{ type: 'x', date: '2024-01-01', team: 'N', stage: '1' }, { type: 'y', date: '2024-01-02', stage: '2' }] },
      { id: 'B', events: [{ type: 'x', date: '2024-01-01', team: 'S' }] },
    ]);
    expect(c.columns).toEqual(['team']);
  });

  it('--group-by a column that is not carried is a usage error naming those that are', async () => {
    const r = await run(...BASE, '--group-by', 'stage', file);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--group-by: "stage" is not a column carried from the input');
    expect(r.err).toContain('carried: team');
  });
});

describe('--group-by and --by financial-year', () => {
  it('splits the figures by team and by the financial year of the due date, across 31 March', async () => {
    const r = await run(...BASE, '--summary', '--format', 'json', '--group-by', 'team', '--by', 'financial-year', file);
    expect(r.code, r.err).toBe(0);
    const s = JSON.parse(r.out);
    expect(s.breakdown.groupBy).toBe('team');
    expect(s.breakdown.by).toBe('financial-year');
    const brief = s.breakdown.rows.map((x: Record<string, unknown>) => [x.group, x.period, x.results, x.dueByAsOf, x.onTime, x.late, x.missed, x.open, x.onTimePercent]);
    expect(brief).toEqual([
      // North 2023/24: S5#1 (due 29 Feb) on time: 1 of 1 → 100.
      ['North', '2023/24', 1, 1, 1, 0, 0, 0, 100],
      // North 2024/25: S5#2 (due 29 May) missed: 0 of 1 → 0.
      ['North', '2024/25', 1, 1, 0, 0, 1, 0, 0],
      // South 2023/24: S6#1 (3 Jan) on time, S6#2 (Sun 31 Mar, still 2023/24) late: 1 of 2 → 50.
      ['South', '2023/24', 2, 2, 1, 1, 0, 0, 50],
      // South 2024/25: S6#3 (1 Oct) open: nothing due → null.
      ['South', '2024/25', 1, 0, 0, 0, 0, 1, null],
    ]);
    // The split rows add up to the rule's totals: results 1 + 1 + 2 + 1 = 5, due 1 + 1 + 2 + 0 = 4, on time 1 + 0 + 1 + 0 = 2.
    expect(s.rules[0]).toMatchObject({ results: 5, dueByAsOf: 4, onTime: 2, late: 1, missed: 1, open: 1, onTimePercent: 50 });
  });

  it('the table and CSV show the same split', async () => {
    const t = await run(...BASE, '--summary', '--format', 'table', '--group-by', 'team', '--by', 'financial-year', file);
    expect(t.out).toContain('By team and financial-year of the due date:');
    expect(t.out).toMatch(/^South\s+2023\/24\s+review-cycle\s+2\s+2\s+1\s+1\s+0\s+0\s+0\s+0\s+0\s+50\.0\s*$/m);
    const c = await run(...BASE, '--summary', '--format', 'csv', '--by', 'financial-year', file);
    const rows = parse(c.out, { columns: true }) as Record<string, string>[];
    expect(rows.map((x) => [x['financial-year'], x.results, x['due by as-of'], x['on time %']])).toEqual([
      ['all', '5', '4', '50.0'],
      // 2023/24: S5#1, S6#1 on time, S6#2 late: 2 of 3 → 66.7. 2024/25: S5#2 missed, S6#3 open: 0 of 1 → 0.0.
      ['2023/24', '3', '3', '66.7'],
      ['2024/25', '2', '1', '0.0'],
    ]);
  });

  it('periodOf: months, quarters, years and financial years', () => {
    expect(periodOf('2024-03-31', 'financial-year')).toBe('2023/24');
    expect(periodOf('2024-04-01', 'financial-year')).toBe('2024/25');
    expect(periodOf('2019-01-15', 'financial-year')).toBe('2018/19');
    expect(periodOf('1999-04-01', 'financial-year')).toBe('1999/00');
    expect(periodOf('2024-03-31', 'quarter')).toBe('2024-Q1');
    expect(periodOf('2024-04-01', 'quarter')).toBe('2024-Q2');
    expect(periodOf('2024-03-31', 'month')).toBe('2024-03');
    expect(periodOf('2024-03-31', 'year')).toBe('2024');
  });
});
