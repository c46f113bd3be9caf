/**
 * A summary you can recompute by hand (issue 11, item 2), on
 * test/cli/data/lac-summary.csv at Fri 2024-06-28, review-cycle only.
 * Dates worked out on a printed calendar (python3 -c "import calendar;
 * print(calendar.month(2024, 6))") with the bank holidays Fri 29 Mar, Mon 1
 * Apr, Mon 6 May and Mon 27 May 2024; intervals 20 WD, 91 days, then 183 days.
 *
 * S1 looked after Fri 1 Mar: 1st due Tue 2 Apr (see test/audit/audit.test.ts L1), held 27 Mar → on time.
 *    2nd: 27 Mar + 91 days → 26 Jun; held 20 Jun → on time.
 *    3rd: 20 Jun + 183: to 30 Jun 10, 31 Jul 41, 31 Aug 72, 30 Sep 102, 31 Oct 133, 30 Nov 163, + 20 → 20 Dec: open.
 * S2 looked after Mon 3 Jun: 1st due Mon 1 Jul (audit.test.ts L3), held 24 Jun: done, but due after 28 Jun → done before due.
 *    2nd: 24 Jun + 91: to 30 Jun 6, 31 Jul 37, 31 Aug 68, + 23 → 23 Sep: open.
 * S3 looked after Mon 15 Apr: 1st due Tue 14 May (audit.test.ts L2), held 20 May → late.
 *    2nd: 20 May + 91: to 31 May 11, 30 Jun 41, 31 Jul 72, + 19 → 19 Aug: open.
 * S4 looked after Fri 1 Mar: 1st due Tue 2 Apr, none → missed; no 2nd is projected while the 1st is missing (C8).
 *
 * The sums: results 3 + 2 + 2 + 1 = 8; on time 2 (S1#1, S1#2); late 1 (S3#1); missed 1 (S4#1); too early 0;
 * due by as-of = 2 + 1 + 1 + 0 = 4; done before due 1 (S2#1); open 3 (S1#3, S2#2, S3#2); no timescale 0;
 * 4 + 1 + 3 + 0 = 8 results; on time % = 2 ÷ 4 = 50.0; breaches = 1 + 1 + 0 = 2.
 * (The old summary counted S2#1 as met but not as due: 3 met of 4 due, which could not be recomputed.)
 */
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { audit, countPeriods, getProcedure, periodsOf, readSsda903, ssda903Child } from '../../src/index';
import { run } from './harness';

const file = fileURLToPath(new URL('./data/lac-summary.csv', import.meta.url));
const ARGS = ['audit', '--procedure', 'lac-review', '--as-of', '2024-06-28', '--rules', 'review-cycle', '--summary'];
const BY_HAND = { results: 8, dueByAsOf: 4, onTime: 2, late: 1, missed: 1, tooEarly: 0, doneBeforeDue: 1, open: 3, noTimescale: 0, onTimePercent: 50 };

describe('the summary adds up', () => {
  it('JSON: the figures worked out by hand, and the headline', async () => {
    const r = await run(...ARGS, '--format', 'json', file);
    expect(r.code, r.err).toBe(0);
    const s = JSON.parse(r.out);
    expect(s).toMatchObject({ children: 4, cases: 4, periods: { label: 'periods of care', count: 4 }, results: 8, breaches: 2 });
    expect(s.rules).toHaveLength(1);
    expect(s.rules[0]).toMatchObject({ rule: 'review-cycle', measured: true, breaches: 2, ...BY_HAND });
    expect(s.rules[0].statuses).toMatchObject({ met: 3, 'met-late': 1, overdue: 1, pending: 3 });
    expect(s.notes[1]).toBe('on time % = on time ÷ due by as-of (one decimal; blank when nothing was due).');
  });

  it('CSV and table carry the same figures as JSON', async () => {
    const csv = await run(...ARGS, '--format', 'csv', file);
    const rows = parse(csv.out, { columns: true }) as Record<string, string>[];
    expect(rows).toEqual([
      {
        rule: 'review-cycle',
        results: '8',
        'due by as-of': '4',
        'on time': '2',
        late: '1',
        missed: '1',
        'too early': '0',
        'done before due': '1',
        open: '3',
        'no timescale': '0',
        'on time %': '50.0',
        measured: 'yes',
        note: '',
      },
    ]);
    const table = await run(...ARGS, '--format', 'table', file);
    expect(table.out).toContain('Summary: lac-review as at 2024-06-28 (profile default): 4 children, 4 cases (4 periods of care); 8 results, 2 breaches');
    expect(table.out).toMatch(/^review-cycle\s+8\s+4\s+2\s+1\s+1\s+0\s+1\s+3\s+0\s+50\.0\s*$/m);
    // The footnote says how on time % is worked out.
    expect(table.out).toContain('on time % = on time ÷ due by as-of');
    expect(table.out).toContain('due by as-of: results due on or before 2024-06-28 and done or missed by then; = on time + late + missed + too early.');
  });

  it('children and cases (periods of care) are counted apart: SSDA903, one child with two periods', async () => {
    // Child A: looked after 1 Mar to 5 Mar 2024, and again from 1 Apr 2024 (a gap, so a second period): cases A#1, A#2.
    const read = await readSsda903({
      header: { text: 'CHILD,DOB\nA,01/02/2010\n' },
      episodes: { text: 'CHILD,DECOM,RNE,DEC\nA,01/03/2024,S,05/03/2024\nA,01/04/2024,S,\n' },
      reviews: { text: 'CHILD,REVIEW\n' },
    });
    expect(read.cases.map((c) => c.id)).toEqual(['A#1', 'A#2']);
    const s = audit('lac-review', read.cases, { asOf: '2024-06-28', records: read.records!, childOf: ssda903Child }).summary;
    expect(s).toMatchObject({ children: 1, cases: 2, periods: { label: 'periods of care', count: 2 } });
  });

  it('a generic case holding two periods of care is one child, one case, two periods', () => {
    const ev = (type: string, date: string) => ({ type, date });
    const c = { id: 'G1', events: [ev('became-looked-after', '2024-01-02'), ev('ceased-looked-after', '2024-02-01'), ev('became-looked-after', '2024-04-01'), ev('became-looked-after', '2024-07-01')] };
    // The third start (1 Jul) is after the as-of date 28 Jun, and a start while a period runs begins none.
    const s = audit('lac-review', [c], { asOf: '2024-06-28' }).summary;
    expect(s).toMatchObject({ children: 1, cases: 1, periods: { label: 'periods of care', count: 2 } });
    expect(countPeriods([...c.events, ev('became-looked-after', '2024-05-01')], periodsOf(getProcedure('lac-review'))!, '2024-06-28')).toBe(2);
    expect(periodsOf(getProcedure('cp-conference'))).toBeUndefined();
  });
});
