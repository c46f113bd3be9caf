/**
 * `timescales audit` over the DfE returns bundled in fixtures/reference
 * (SSDA903 and CIN census samples) and the seed 002 action plan, run
 * in-process through `main`.
 *
 * Expected due dates were worked out by hand from the rows quoted below, on a
 * printed calendar (python3 -c "import calendar; print(calendar.month(2015, 3))"),
 * with the England and Wales bank holidays of govuk-bank-holidays.json:
 * 2015-04-03 Good Friday, 2015-04-06 Easter Monday, 2015-05-25 Spring bank holiday;
 * 2017-05-01 Early May bank holiday; 2022-06-02 Spring bank holiday and
 * 2022-06-03 Platinum Jubilee bank holiday. Day 0 is never counted (C2).
 * lac-review `review-cycle` (default profile): 1st review 20 WD after becoming
 * looked after, 2nd 91 days after the 1st review held, then 183 days after the
 * previous review held (C8: from the actual date, not the due date).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from './harness';


type Row = Record<string, string>;
const csvRows = (text: string): Row[] => parse(text, { columns: true }) as Row[];

const HEADER =
  'case_id,procedure,rule,occurrence,anchor_event,anchor_date,due_date,earliest_date,completed_date,status,breach,working_days_late,days_late,source';

const ssda = (name: string) => fileURLToPath(new URL(`../../fixtures/reference/ssda903-sample/${name}`, import.meta.url));
const census = fileURLToPath(new URL('../../fixtures/reference/cin-census-sample/CIN_Census_2024.xml', import.meta.url));
const fakeCensus = fileURLToPath(new URL('../../fixtures/reference/cin-census-sample/fake_CIN_data.xml', import.meta.url));
const actionPlan = fileURLToPath(new URL('../../fixtures/action-plan/seed-002-actions.csv', import.meta.url));

/** The cells that a hand-check pins: rule, occurrence, anchor, due, completed, status. */
const pick = (r: Row) => [r.rule, r.occurrence, r.anchor_event, r.anchor_date, r.due_date, r.completed_date, r.status];

describe('audit --ssda903 (looked-after children return sample)', () => {
  let result: { code: number; out: string; err: string };
  let rows: Row[];
  beforeAll(async () => {
    const files = [ssda('header.csv'), ssda('episodes.csv'), ssda('reviews.csv')].join(',');
    result = await run('audit', '--ssda903', files, '--procedure', 'lac-review', '--as-of', '2024-03-31');
    rows = csvRows(result.out);
  });

  it('exits 1 (the sample has unusable rows), writes CSV results, and accounts for every row', () => {
    expect(result.code).toBe(1);
    expect(result.out.split('\n')[0]).toBe(HEADER);
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r.procedure).toBe('lac-review');
    // Unusable rows are listed on stderr with file and line.
    const errorLines = result.err.split('\n').filter((l) => l.startsWith('error:'));
    expect(errorLines.length).toBeGreaterThan(0);
    for (const l of errorLines) expect(l).toMatch(/ssda903-sample\/(header|episodes|reviews)\.csv:\d+/);
    expect(result.err).not.toMatch(/^\s+at /m);
    // rows read = used + reported, and rows read = every data line of the three files (no blank lines in them).
    const m = /(\d+) rows read, (\d+) used, (\d+) reported/.exec(result.err);
    expect(m, result.err).not.toBeNull();
    const [read, used, reported] = m!.slice(1).map(Number);
    expect(read).toBe(used + reported);
    expect(reported).toBeGreaterThan(0);
    const dataLines = ['header.csv', 'episodes.csv', 'reviews.csv']
      .map((f) => readFileSync(ssda(f), 'utf8').split(/\r?\n/).filter((l) => l.trim() !== '').length - 1)
      .reduce((a, b) => a + b, 0);
    expect(read).toBe(dataLines);
  });

  it('names the place of each problem once: severity, file:line:column, message, code', () => {
    // Issue 9: lines read `error: …/header.csv:7:CHILD: …/header.csv line 7: child 733831 …` (the place twice).
    // A problem of the evaluation (not of a row) is placed by its case instead.
    const lines = result.err.split('\n').filter((l) => /^(error|warning): /.test(l) && !/^(error|warning): case /.test(l));
    expect(lines.length).toBeGreaterThan(0);
    for (const l of lines) {
      const m = /^(?:error|warning): (.*ssda903-sample\/(?:header|episodes|reviews)\.csv):(\d+)(?::([A-Z_]+))?: (.*) \[[a-z0-9-]+\]$/.exec(l);
      expect(m, l).not.toBeNull();
      const [, file, line, , message] = m!;
      expect(message, l).not.toContain(file);
      expect(message, l).not.toMatch(new RegExp(`\\bline ${line}\\b`));
    }
  });

  it('groups the problems by code on stderr: counts first, the first 3 of each, and --problems FILE has them all', async () => {
    const lines = result.err.split('\n');
    const start = lines.indexOf(lines.find((l) => l.startsWith('Data problems by code (')) ?? '');
    expect(start).toBe(0);
    const counts: [number, string][] = [];
    for (const l of lines.slice(1)) {
      const m = /^\s+([\d,]+)  ([a-z0-9-]+) \((?:errors?|warnings?|[\d,]+ errors, [\d,]+ warnings)\)$/.exec(l);
      if (!m) break;
      counts.push([Number(m[1]!.replace(/,/g, '')), m[2]!]);
    }
    // Most frequent first; the codes the sample is known for are there.
    expect(counts.map(([n]) => n)).toEqual([...counts.map(([n]) => n)].sort((a, b) => b - a));
    const codes = counts.map(([, c]) => c);
    expect(codes).toContain('review-outside-period');
    expect(codes).toContain('child-without-episodes');
    // At most 3 example lines per code, each carrying its code.
    for (const code of codes) {
      const examples = lines.filter((l) => /^(error|warning): /.test(l) && l.endsWith(`[${code}]`));
      expect(examples.length, code).toBe(Math.min(3, counts.find(([, c]) => c === code)![0]));
    }
    const total = counts.reduce((n, [k]) => n + k, 0);
    expect(result.err).toContain(`${(total - codes.reduce((n, c) => n + Math.min(3, counts.find(([, x]) => x === c)![0]), 0)).toLocaleString('en-GB')} more not shown: write them all with --problems FILE.`);
    // --problems FILE: one CSV row per problem, as many as the counts add up to.
    const dir = mkdtempSync(join(tmpdir(), 'timescales-problems-'));
    const file = join(dir, 'problems.csv');
    const files = [ssda('header.csv'), ssda('episodes.csv'), ssda('reviews.csv')].join(',');
    const r = await run('audit', '--ssda903', files, '--as-of', '2024-03-31', '--summary', '--problems', file);
    const rows = parse(readFileSync(file, 'utf8').replace(/^\ufeff/, ''), { columns: true }) as { code: string }[];
    expect(rows.length).toBe(total);
    expect(rows.filter((x) => x.code === 'review-outside-period').length).toBe(counts.find(([, c]) => c === 'review-outside-period')![0]);
    expect(r.err).toContain(`All ${total.toLocaleString('en-GB')} problems are in ${file}.`);
    rmSync(dir, { recursive: true, force: true });
  });

  it('child 984857: one period, reviews from 20 WD, then 91 and 183 days after the review held', () => {
    // episodes.csv line 518: 984857,02/02/2015,S,...,12/07/2017,E13   (one period: Mon 2015-02-02 to 2017-07-12)
    // reviews.csv 1246: 06/02/2015; 1247: 30/09/2016.
    // 1st: 20 WD after Mon 2 Feb 2015 (no bank holidays in Feb 2015): Tue 3..Fri 6 (1..4), 9..13 (5..9),
    //      16..20 (10..14), 23..27 (15..19), Mon 2 Mar (20) → 2015-03-02; held 2015-02-06 → met.
    // 2nd: 2015-02-06 + 91 days: to 28 Feb 22, to 31 Mar 53, to 30 Apr 83, + 8 → 2015-05-08; held 2016-09-30 → met-late.
    // 3rd: 2016-09-30 + 183 days: to 31 Oct 31, 30 Nov 61, 31 Dec 92, 31 Jan 123, 28 Feb 151, 31 Mar 182, + 1
    //      → 2017-04-01 (before ceasing on 2017-07-12); no review after → overdue.
    const mine = rows.filter((r) => r.case_id === '984857#1' && r.rule === 'review-cycle');
    expect(mine.map(pick)).toEqual([
      ['review-cycle', '1', 'became-looked-after', '2015-02-02', '2015-03-02', '2015-02-06', 'met'],
      ['review-cycle', '2', 'lac-review', '2015-02-06', '2015-05-08', '2016-09-30', 'met-late'],
      ['review-cycle', '3', 'lac-review', '2016-09-30', '2017-04-01', '', 'overdue'],
    ]);
    // The overdue review is late only up to the end of care (12 Jul 2017): 1 Apr → 30 Apr 29, 31 May 60,
    // 30 Jun 90, + 12 = 102 calendar days.
    expect(mine[2]!.days_late).toBe('102');
  });

  it('child 535256: a review due after the child ceased to be looked after is not reported', () => {
    // episodes.csv line 229: 535256,12/03/2015,S,...,25/05/2017,E48 (one period, 2015-03-12 to 2017-05-25)
    // reviews.csv 551..554: 16/09/2015, 16/10/2015, 27/09/2016, 18/01/2017.
    // 1st: 20 WD after Thu 12 Mar 2015: Fri 13 (1), 16..20 (2..6), 23..27 (7..11), Mon 30 (12), Tue 31 (13),
    //      Wed 1 Apr (14), Thu 2 (15), [Fri 3 GF, Sat, Sun, Mon 6 EM], Tue 7 (16), Wed 8 (17), Thu 9 (18),
    //      Fri 10 (19), Mon 13 (20) → 2015-04-13; held 2015-09-16 → met-late.
    // 2nd: 2015-09-16 + 91: to 30 Sep 14, 31 Oct 45, 30 Nov 75, + 16 → 2015-12-16; held 2015-10-16 → met.
    // 3rd: 2015-10-16 + 183: to 31 Oct 15, 30 Nov 45, 31 Dec 76, 31 Jan 107, 29 Feb 2016 136, 31 Mar 167,
    //      + 16 → 2016-04-16; held 2016-09-27 → met-late.
    // 4th: 2016-09-27 + 183: to 30 Sep 3, 31 Oct 34, 30 Nov 64, 31 Dec 95, 31 Jan 126, 28 Feb 154, + 29
    //      → 2017-03-29; held 2017-01-18 → met.
    // 5th: 2017-01-18 + 183: to 31 Jan 13, 28 Feb 41, 31 Mar 72, 30 Apr 102, 31 May 133, 30 Jun 163, + 20
    //      → 2017-07-20, after ceasing on 2017-05-25 → not reported (C8).
    const mine = rows.filter((r) => r.case_id === '535256#1' && r.rule === 'review-cycle');
    expect(mine.map(pick)).toEqual([
      ['review-cycle', '1', 'became-looked-after', '2015-03-12', '2015-04-13', '2015-09-16', 'met-late'],
      ['review-cycle', '2', 'lac-review', '2015-09-16', '2015-12-16', '2015-10-16', 'met'],
      ['review-cycle', '3', 'lac-review', '2015-10-16', '2016-04-16', '2016-09-27', 'met-late'],
      ['review-cycle', '4', 'lac-review', '2016-09-27', '2017-03-29', '2017-01-18', 'met'],
    ]);
  });

  it('child 114490: three episodes make one period; RNE P and T are changes of carer', () => {
    // episodes.csv 527: 114490,28/05/2015,S,...,25/04/2017,X1
    //              528: 114490,25/04/2017,P,...,27/06/2017,X1   (DECOM = previous DEC: same period)
    //              529: 114490,27/06/2017,T,...,10/03/2018,E16
    // reviews.csv 1288..1291: 07/10/2015, 15/01/2016, 24/12/2016, 11/08/2017.
    // review-cycle:
    // 1st: 20 WD after Thu 28 May 2015 (Spring BH 25 May is before it): Fri 29 (1), Jun 1..5 (2..6),
    //      8..12 (7..11), 15..19 (12..16), Mon 22 (17), Tue 23 (18), Wed 24 (19), Thu 25 (20) → 2015-06-25;
    //      held 2015-10-07 → met-late.
    // 2nd: 2015-10-07 + 91: to 31 Oct 24, 30 Nov 54, 31 Dec 85, + 6 → 2016-01-06; held 2016-01-15 → met-late.
    // 3rd: 2016-01-15 + 183: to 31 Jan 16, 29 Feb 45, 31 Mar 76, 30 Apr 106, 31 May 137, 30 Jun 167, + 16
    //      → 2016-07-16; held 2016-12-24 → met-late.
    // 4th: 2016-12-24 + 183: to 31 Dec 7, 31 Jan 38, 28 Feb 66, 31 Mar 97, 30 Apr 127, 31 May 158, + 25
    //      → 2017-06-25; held 2017-08-11 → met-late.
    // 5th: 2017-08-11 + 183: to 31 Aug 20, 30 Sep 50, 31 Oct 81, 30 Nov 111, 31 Dec 142, 31 Jan 173, + 10
    //      → 2018-02-10 (before ceasing on 2018-03-10); no review → overdue.
    const cycle = rows.filter((r) => r.case_id === '114490#1' && r.rule === 'review-cycle');
    expect(cycle.map(pick)).toEqual([
      ['review-cycle', '1', 'became-looked-after', '2015-05-28', '2015-06-25', '2015-10-07', 'met-late'],
      ['review-cycle', '2', 'lac-review', '2015-10-07', '2016-01-06', '2016-01-15', 'met-late'],
      ['review-cycle', '3', 'lac-review', '2016-01-15', '2016-07-16', '2016-12-24', 'met-late'],
      ['review-cycle', '4', 'lac-review', '2016-12-24', '2017-06-25', '2017-08-11', 'met-late'],
      ['review-cycle', '5', 'lac-review', '2017-08-11', '2018-02-10', '', 'overdue'],
    ]);
    // review-after-carer-change, 1st: 20 WD after Tue 25 Apr 2017: Wed 26 (1), Thu 27 (2), Fri 28 (3),
    //      [Mon 1 May BH], Tue 2 (4), Wed 3 (5), Thu 4 (6), Fri 5 (7), 8..12 (8..12), 15..19 (13..17),
    //      Mon 22 (18), Tue 23 (19), Wed 24 (20) → 2017-05-24; next review 2017-08-11 → met-late.
    // 2nd (RNE T on Tue 27 Jun 2017): Wed 28 (1), Thu 29 (2), Fri 30 (3), Jul 3..7 (4..8), 10..14 (9..13),
    //      17..21 (14..18), Mon 24 (19), Tue 25 (20) → 2017-07-25.
    const carer = rows.filter((r) => r.case_id === '114490#1' && r.rule === 'review-after-carer-change');
    expect(carer.map((r) => [r.occurrence, r.anchor_event, r.anchor_date, r.due_date])).toEqual([
      ['1', 'carer-changed', '2017-04-25', '2017-05-24'],
      ['2', 'carer-changed', '2017-06-27', '2017-07-25'],
    ]);
    expect(pick(carer[0]!)).toEqual(['review-after-carer-change', '1', 'carer-changed', '2017-04-25', '2017-05-24', '2017-08-11', 'met-late']);
  });

  it('--summary over the sample gives review-cycle figures that add up', async () => {
    const files = [ssda('header.csv'), ssda('episodes.csv'), ssda('reviews.csv')].join(',');
    const r = await run('audit', '--ssda903', files, '--procedure', 'lac-review', '--as-of', '2024-03-31', '--summary', '--format', 'json');
    expect(r.code).toBe(1);
    const s = JSON.parse(r.out) as { procedure: string; rules: Array<Record<string, number | string | null> & { statuses: Record<string, number> }> };
    expect(s.procedure).toBe('lac-review');
    const cycle = s.rules.find((x) => x.rule === 'review-cycle')!;
    const n = (k: string) => cycle[k] as number;
    expect(Object.values(cycle.statuses).reduce((a, b) => a + b, 0)).toBe(n('results'));
    expect(n('dueByAsOf')).toBe(n('onTime') + n('late') + n('missed') + n('tooEarly'));
    expect(n('results')).toBe(n('dueByAsOf') + n('doneBeforeDue') + n('open') + n('noTimescale'));
    // The same number of review-cycle rows as the full CSV output has, and the same on time / late / missed.
    const rows = csvRows(result.out).filter((x) => x.rule === 'review-cycle');
    expect(n('results')).toBe(rows.length);
    expect(n('missed')).toBe(rows.filter((x) => x.status === 'overdue').length);
    expect(n('late')).toBe(rows.filter((x) => x.status === 'met-late').length);
    expect(n('onTime')).toBe(rows.filter((x) => x.status === 'met' && x.due_date <= '2024-03-31').length);
    expect(cycle.onTimePercent).toBe(Math.round((1000 * (cycle.onTime as number)) / (cycle.dueByAsOf as number)) / 10);
  });

  it('--summary --format json carries the same problem and row counts as the closing stderr line', async () => {
    const files = [ssda('header.csv'), ssda('episodes.csv'), ssda('reviews.csv')].join(',');
    const r = await run('audit', '--ssda903', files, '--procedure', 'lac-review', '--as-of', '2024-03-31', '--summary', '--format', 'json');
    const s = JSON.parse(r.out) as { problems: number; errors: number; warnings: number; rows: { read: number; used: number; reported: number } };
    const m = /(\d+) rows read, (\d+) used, (\d+) reported; (\d+) errors, (\d+) warnings/.exec(r.err);
    expect(m, r.err).not.toBeNull();
    const [read, used, reported, errors, warnings] = m!.slice(1).map(Number);
    expect(s.rows).toEqual({ read, used, reported });
    expect({ errors: s.errors, warnings: s.warnings }).toEqual({ errors, warnings });
    expect(s.problems).toBe(errors! + warnings!);
    // Reader problems (rows of the files) are counted too, not only the evaluation's: the sample has thousands.
    expect(s.errors).toBeGreaterThan(1000);
    expect(s.warnings).toBeGreaterThan(1000);
  });
});

describe('audit --cin-census (CIN census sample)', () => {
  it('child DfEX0000001: the ICPC is due 15 working days after the S47 strategy discussion', async () => {
    const r = await run('audit', '--cin-census', census, '--procedure', 'cp-conference', '--as-of', '2024-03-31');
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[0]).toBe(HEADER);
    const mine = csvRows(r.out).filter((x) => x.case_id === 'DfEX0000001');
    // Section47: S47ActualStartDate 2022-06-02 (a Thursday, itself the Spring bank holiday), DateOfInitialCPC 2022-06-17.
    // 15 WD: [Fri 3 Jun Platinum Jubilee, Sat, Sun], Mon 6 (1), Tue 7 (2), Wed 8 (3), Thu 9 (4), Fri 10 (5),
    // Mon 13..Fri 17 (6..10), Mon 20 (11), Tue 21 (12), Wed 22 (13), Thu 23 (14), Fri 24 (15) → 2022-06-24.
    // (The census's own InitialCPCtarget, 2022-06-23, counts the start day as day 1.) Held 2022-06-17 → met.
    const icpc = mine.filter((x) => x.rule === 'icpc');
    expect(icpc.map(pick)).toEqual([['icpc', '1', 'strategy-discussion', '2022-06-02', '2022-06-24', '2022-06-17', 'met']]);
    // CPPstartDate 2022-02-17 + 3 months → 2022-05-17; CPPreviewDate 2023-02-15 → met-late.
    const rcpc = mine.filter((x) => x.rule === 'rcpc');
    expect(pick(rcpc[0]!)).toEqual(['rcpc', '1', 'cp-plan-started', '2022-02-17', '2022-05-17', '2023-02-15', 'met-late']);
    // The census records no core group meeting: core-group-first is not measured, so it gives no rows.
    expect(mine.filter((x) => x.rule === 'core-group-first')).toEqual([]);
  });

  it('lists core-group-first as not measured; --all-rules evaluates it anyway', async () => {
    const s = await run('audit', '--cin-census', census, '--procedure', 'cp-conference', '--as-of', '2024-03-31', '--summary', '--format', 'json');
    const summary = JSON.parse(s.out) as { rules: { rule: string }[]; notMeasured: { rule: string; reason: string; evaluated: boolean }[] };
    expect(summary.rules.map((x) => x.rule)).toEqual(['icpc', 'rcpc']);
    expect(summary.notMeasured).toEqual([
      { rule: 'core-group-first', title: expect.any(String), missing: ['core-group'], reason: 'the data records no "core-group" (the event that completes it)', evaluated: false },
    ]);
    const r = await run('audit', '--cin-census', census, '--procedure', 'cp-conference', '--as-of', '2024-03-31', '--all-rules');
    // First core group: 10 WD after the ICPC Fri 2022-06-17: Mon 20..Fri 24 (1..5), Mon 27..Fri 1 Jul (6..10) → 2022-07-01.
    const core = csvRows(r.out).filter((x) => x.case_id === 'DfEX0000001' && x.rule === 'core-group-first');
    expect(core[0]!.anchor_date).toBe('2022-06-17');
    expect(core[0]!.due_date).toBe('2022-07-01');
  });

  it('--cin-census without --procedure audits the national rules (national-assessment-cp)', async () => {
    const r = await run('audit', '--cin-census', census, '--as-of', '2024-03-31');
    expect(r.code).toBe(0);
    const mine = csvRows(r.out).filter((x) => x.case_id === 'DfEX0000001');
    for (const x of mine) expect(x.procedure).toBe('national-assessment-cp');
    // ICPC from the actual S47 start, Thu 2 Jun 2022 (itself the spring bank holiday): [Fri 3 Jun Platinum Jubilee],
    // Mon 6..Fri 10 (1..5), 13..17 (6..10), 20..24 (11..15) → Fri 2022-06-24; held Fri 17 Jun → met.
    expect(mine.filter((x) => x.rule === 'icpc').map(pick)).toEqual([['icpc', '1', 's47-started', '2022-06-02', '2022-06-24', '2022-06-17', 'met']]);
    // CP plan reviews are review conferences: CPPstartDate Thu 17 Feb 2022 + 3 months = Tue 17 May 2022; review 15 Feb 2023 → met-late.
    expect(mine.filter((x) => x.rule === 'rcpc').map(pick)[0]).toEqual(['rcpc', '1', 'cp-plan-started', '2022-02-17', '2022-05-17', '2023-02-15', 'met-late']);
    // Assessments are single assessments, 45 WD from the referral Thu 6 Oct 2022: 7 (1), 10–14 (6), 17–21 (11), 24–28 (16),
    // 31 Oct–4 Nov (21), 7–11 (26), 14–18 (31), 21–25 (36), 28 Nov–2 Dec (41), Mon 5–Thu 8 Dec (45) → 2022-12-08. The
    // sample's only assessment is authorised on 2020-09-19, before the referral (a warning), so none completes it: overdue.
    expect(mine.filter((x) => x.rule === 'single-assessment').map(pick)).toEqual([['single-assessment', '1', 'referral', '2022-10-06', '2022-12-08', '', 'overdue']]);
    expect(r.err).toContain('completion-before-anchor');
  });

  it('--cin-census --profile from-assessment-start counts the single assessment from AssessmentActualStartDate', async () => {
    const r = await run('audit', '--cin-census', census, '--profile', 'from-assessment-start', '--as-of', '2024-12-31');
    const rows = csvRows(r.out).filter((x) => x.case_id === 'child_fails_assessments');
    // AssessmentActualStartDate Mon 25 Dec 2023 (Christmas Day) + 45 WD: [26 Dec], 27–29 (3), [1 Jan], 2–5 (7), 8–12 (12),
    // 15–19 (17), 22–26 (22), 29 Jan–2 Feb (27), 5–9 (32), 12–16 (37), 19–23 (42), Mon 26–Wed 28 Feb (45) → 2024-02-28;
    // authorised Sat 27 Jan 2024 → met. (The referral of this CINdetails is dated 24 Oct 2024, after both: a sample quirk.)
    expect(rows.filter((x) => x.rule === 'single-assessment-from-start').map(pick)).toEqual([
      ['single-assessment-from-start', '1', 'assessment-started', '2023-12-25', '2024-02-28', '2024-01-27', 'met'],
    ]);
  });

  it('a referral with ReferralNFA true needs no assessment (the synthetic sample: every referral is NFA)', async () => {
    const r = await run('audit', '--cin-census', fakeCensus, '--as-of', '2026-03-31', '--format', 'json');
    const rows = JSON.parse(r.out) as { rule: string }[];
    expect(rows.filter((x) => x.rule === 'single-assessment')).toEqual([]);
  });

  it('--ssda903 without --procedure audits national-looked-after: reviews only (plans and visits are not in the return)', async () => {
    const files = [ssda('header.csv'), ssda('episodes.csv'), ssda('reviews.csv')].join(',');
    const r = await run('audit', '--ssda903', files, '--as-of', '2024-03-31', '--summary', '--format', 'json');
    const s = JSON.parse(r.out) as { procedure: string; rules: { rule: string }[]; notMeasured: { rule: string }[] };
    expect(s.procedure).toBe('national-looked-after');
    expect(s.rules.map((x) => x.rule)).toEqual(['review-cycle']);
    expect(s.notMeasured.map((x) => x.rule).sort()).toEqual(['care-plan', 'eligible-needs-assessment', 'placement-notification', 'placement-plan', 'visits']);
  });
});

describe('audit --action-plan (seed 002)', () => {
  it('runs, turns BY WHEN into due dates, and lists contradictions as warnings on stderr', async () => {
    const r = await run('audit', '--action-plan', actionPlan, '--plan-date', '2012-05-01', '--as-of', '2012-05-01');
    // Contradictions are warnings, not unusable rows.
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[0]).toBe(HEADER);
    const rows = csvRows(r.out);
    const byId = new Map(rows.map((x) => [x.case_id, x]));
    // Line 2, 1a: "May 2012", Complete → due at the end of May, 2012-05-31; completed (undated) on the plan date → met.
    expect([byId.get('1a')!.due_date, byId.get('1a')!.status]).toEqual(['2012-05-31', 'met']);
    // Line 4, 1c: "January 2012", no status → due 2012-01-31; not complete at 2012-05-01 → overdue.
    expect([byId.get('1c')!.due_date, byId.get('1c')!.status]).toEqual(['2012-01-31', 'overdue']);
    // Line 20, 10a: "April 2012 (review June 2012)", "Ongoing" → due at the end of April, 2012-04-30.
    expect(byId.get('10a')!.due_date).toBe('2012-04-30');
    const warnings = r.err.split('\n').filter((l) => l.startsWith('warning:'));
    expect(warnings.length).toBeGreaterThan(0);
    // 10a is "Ongoing" past its date at 2012-05-01: it should read "Delayed".
    expect(warnings.some((l) => l.includes('seed-002-actions.csv:20') && l.includes('10a'))).toBe(true);
    // 1c has no status and its date has passed.
    expect(warnings.some((l) => l.includes('seed-002-actions.csv:4') && l.includes('1c'))).toBe(true);
    // 1a is complete: no contradiction.
    expect(warnings.some((l) => /\b1a\b/.test(l))).toBe(false);
    expect(r.err.split('\n').filter((l) => l.startsWith('error:'))).toEqual([]);
    const m = /(\d+) rows read, (\d+) used, (\d+) reported/.exec(r.err);
    expect(Number(m![1])).toBe(Number(m![2]) + Number(m![3]));
  });

  it('--action-plan without --plan-date is a usage error', async () => {
    const r = await run('audit', '--action-plan', actionPlan, '--as-of', '2012-05-01');
    expect(r.code).toBe(2);
    expect(r.err).toContain('--plan-date');
  });
});
