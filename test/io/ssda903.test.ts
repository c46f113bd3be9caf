import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CaseRecordSchema } from '../../src/engine/case';
import { DataProblemSchema, formatProblem, type DataProblem } from '../../src/engine/problems';
import { TimescalesInputError } from '../../src/errors';
import { InputFileError } from '../../src/io/source';
import { buildPeriods, readSsda903, type Ssda903Result } from '../../src/io/ssda903';

const sample = (name: string) =>
  fileURLToPath(new URL(`../../fixtures/reference/ssda903-sample/${name}`, import.meta.url));
const messy = (name: string) => fileURLToPath(new URL(`./data/dfe/ssda903-messy/${name}`, import.meta.url));

const countBy = (problems: DataProblem[]) => {
  const out: Record<string, number> = {};
  for (const p of problems) out[`${p.code}/${p.severity}`] = (out[`${p.code}/${p.severity}`] ?? 0) + 1;
  return out;
};

/** The invariants every result must keep: schemas hold, and read = used + reported per table. */
function expectWellFormed(r: Ssda903Result) {
  for (const c of r.cases) expect(CaseRecordSchema.safeParse(c).success, c.id).toBe(true);
  for (const p of r.problems) expect(DataProblemSchema.safeParse(p).success, p.message).toBe(true);
  for (const t of ['header', 'episodes', 'reviews'] as const) {
    const rows = r.stats.rows[t];
    expect(rows.used + rows.reported, t).toBe(rows.read);
  }
  // Each review row is matched, unmatched (reported) or unreadable (reported).
  expect(r.stats.reviewsMatched).toBe(r.stats.rows.reviews.used);
  expect(r.stats.periods).toBe(allCases(r).length);
}

/** The cases evaluated and those set apart (short breaks): one per period of care. */
function allCases(r: Ssda903Result) {
  const all = [...r.cases, ...(r.setAside ?? []).flatMap((x) => x.cases)];
  return all.sort((a, b) => r.cases.concat((r.setAside ?? []).flatMap((x) => x.cases)).indexOf(a) - r.cases.concat((r.setAside ?? []).flatMap((x) => x.cases)).indexOf(b));
}

/**
 * The events of the review-sequence mapping (became-looked-after, carer-changed, lac-review,
 * ceased-looked-after), leaving out the placement-order and placed-for-adoption events of
 * issue 11 item 8, which have their own test below; cases in id order.
 */
function reviewMapping(cases: ReturnType<typeof allCases>) {
  return cases
    .map((c) => ({ ...c, events: c.events.filter((e) => e.type !== 'placement-order' && e.type !== 'placed-for-adoption') }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

describe('readSsda903 on the community validator sample', () => {
  let loaded: Promise<Ssda903Result> | undefined;
  // Read once and shared by the tests of this block (they only read the result).
  const load = () =>
    (loaded ??= readSsda903({ header: sample('header.csv'), episodes: sample('episodes.csv'), reviews: sample('reviews.csv') }));

  it('finds the numbers of children, periods and reviews worked out independently', async () => {
    const r = await load();
    expectWellFormed(r);
    // All numbers below come from test/io/data/dfe/count_ssda903.py, a Python script
    // written from interfaces.md (not from the TypeScript), run once:
    //   python3 test/io/data/dfe/count_ssda903.py fixtures/reference/ssda903-sample
    // Its output:
    //   children 2123 / periods 2194 / open periods 1385 / periods not starting with S 1876
    //   carer-changed events 1945 / reviews matched 6722 unmatched 5860 unreadable 0
    //   header read 2675 used 2123 reported 552
    //   episodes read 5050 used 4978 reported 72 (overlapping 72)
    //   reviews read 12582 used 6722 reported 5860
    // (`wc -l` gives 2676, 5051 and 12583 lines: one header line each, no multi-line cells.)
    expect(r.stats).toEqual({
      children: 2123,
      periods: 2194,
      reviewsMatched: 6722,
      reviewsUnmatched: 5860,
      rows: {
        header: { read: 2675, used: 2123, reported: 552 },
        episodes: { read: 5050, used: 4978, reported: 72 },
        reviews: { read: 12582, used: 6722, reported: 5860 },
      },
    });
    expect(countBy(r.problems)).toEqual({
      'child-without-episodes/error': 552, // 552 header children have no episode row at all
      'overlapping-episode/error': 72,
      'period-not-starting-with-rne-s/warning': 1876,
      'review-outside-period/error': 5860,
    });
    const events = allCases(r).flatMap((c) => c.events);
    expect(events.filter((e) => e.type === 'carer-changed')).toHaveLength(1945);
    expect(events.filter((e) => e.type === 'lac-review')).toHaveLength(6722);
    expect(events.filter((e) => e.type === 'became-looked-after')).toHaveLength(2194);
    // every period not open has a ceased-looked-after: 2194 − 1385 open = 809
    expect(events.filter((e) => e.type === 'ceased-looked-after')).toHaveLength(809);
  });

  it('maps child 566910 (one period, starts with RNE L, a T episode, three reviews)', async () => {
    const r = await load();
    // header.csv:2   566910,2,27/03/2008,...
    // episodes.csv:2 566910,15/02/2016,L,...,DEC 14/08/2017,REC X1
    // episodes.csv:3 566910,14/08/2017,T,...,DEC blank
    //   → DECOM 14/08/2017 = previous DEC 14/08/2017: one period, open (last DEC blank).
    //   → first RNE L, not S: a warning at episodes.csv line 2.
    //   → line 3 is inside the period with RNE T: carer-changed 2017-08-14.
    // reviews.csv:2-4 30/08/2017, 29/07/2018, 08/10/2018: all after 15/02/2016 in an open period.
    expect(reviewMapping(allCases(r)).filter((c) => c.id.startsWith('566910#'))).toEqual([
      {
        id: '566910#1',
        dateOfBirth: '2008-03-27',
        events: [
          { type: 'became-looked-after', date: '2016-02-15', rne: 'L' },
          { type: 'carer-changed', date: '2017-08-14', rne: 'T' },
          { type: 'lac-review', date: '2017-08-30', reviewCode: 'PN6' },
          { type: 'lac-review', date: '2018-07-29', reviewCode: 'PN6' },
          { type: 'lac-review', date: '2018-10-08', reviewCode: 'PN4' },
        ],
      },
    ]);
    const mine = r.problems.filter((p) => p.caseId === '566910');
    expect(mine).toMatchObject([
      { code: 'period-not-starting-with-rne-s', severity: 'warning', file: sample('episodes.csv'), line: 2, column: 'RNE', value: 'L' },
    ]);
  });

  it('maps child 116056 (two periods after a gap; a review before the first)', async () => {
    const r = await load();
    // episodes.csv:107 116056,06/11/2016,P,...,DEC 28/04/2017
    // episodes.csv:108 116056,28/04/2017,L,...,DEC 16/06/2017,REC E15  (continues: L is no carer change)
    // episodes.csv:109 116056,06/08/2017,S,...,DEC 17/08/2017,REC E12  (06/08 > 16/06: a gap, new period)
    // reviews.csv:239  116056,16/11/2003,31/08/2016 → before 06/11/2016: outside every period.
    expect(reviewMapping(allCases(r)).filter((c) => c.id.startsWith('116056#'))).toEqual([
      {
        id: '116056#1',
        dateOfBirth: '2003-11-16',
        events: [
          { type: 'became-looked-after', date: '2016-11-06', rne: 'P' },
          { type: 'ceased-looked-after', date: '2017-06-16', rec: 'E15' },
        ],
      },
      {
        id: '116056#2',
        dateOfBirth: '2003-11-16',
        events: [
          { type: 'became-looked-after', date: '2017-08-06', rne: 'S' },
          { type: 'ceased-looked-after', date: '2017-08-17', rec: 'E12' },
        ],
      },
    ]);
    expect(r.problems.filter((p) => p.caseId === '116056')).toMatchObject([
      { code: 'period-not-starting-with-rne-s', file: sample('episodes.csv'), line: 107, value: 'P' },
      { code: 'review-outside-period', severity: 'error', file: sample('reviews.csv'), line: 239, column: 'REVIEW', value: '31/08/2016' },
    ]);
  });

  it('maps child 708102 (an overlapping episode is reported and the walk goes on)', async () => {
    const r = await load();
    // episodes.csv:312 708102,11/03/2017,T,...,DEC 10/03/2018,REC E14
    // episodes.csv:313 708102,11/01/2018,S,...,DEC 25/03/2018 → starts before 10/03/2018: overlaps, not used
    // episodes.csv:314 708102,25/03/2018,P,...,DEC blank → after 10/03/2018 (the last kept DEC): new period
    // reviews.csv:788 09/03/2017 → two days before 11/03/2017: outside
    // reviews.csv:789 09/04/2017, :790 13/11/2017 → period 1 (11/03/2017..10/03/2018)
    // reviews.csv:791 21/10/2018, :792 19/03/2021 → period 2 (open from 25/03/2018)
    expect(reviewMapping(allCases(r)).filter((c) => c.id.startsWith('708102#'))).toEqual([
      {
        id: '708102#1',
        dateOfBirth: '2004-12-20',
        events: [
          { type: 'became-looked-after', date: '2017-03-11', rne: 'T' },
          { type: 'lac-review', date: '2017-04-09', reviewCode: 'PN4' },
          { type: 'lac-review', date: '2017-11-13', reviewCode: 'PN3' },
          { type: 'ceased-looked-after', date: '2018-03-10', rec: 'E14' },
        ],
      },
      {
        id: '708102#2',
        dateOfBirth: '2004-12-20',
        events: [
          { type: 'became-looked-after', date: '2018-03-25', rne: 'P' },
          { type: 'lac-review', date: '2018-10-21', reviewCode: 'PN3' },
          { type: 'lac-review', date: '2021-03-19', reviewCode: 'PN0' },
        ],
      },
    ]);
    expect(r.problems.filter((p) => p.caseId === '708102')).toMatchObject([
      { code: 'period-not-starting-with-rne-s', line: 312, value: 'T' },
      { code: 'overlapping-episode', severity: 'error', file: sample('episodes.csv'), line: 313, column: 'DECOM', value: '2018-01-11' },
      { code: 'period-not-starting-with-rne-s', line: 314, value: 'P' },
      { code: 'review-outside-period', file: sample('reviews.csv'), line: 788, value: '09/03/2017' },
    ]);
  });

  it('maps child 319014 (overlap in the middle of a chain)', async () => {
    const r = await load();
    // episodes.csv:749 319014,23/03/2017,P,...,DEC 12/09/2017
    // episodes.csv:750 319014,12/09/2017,L,...,DEC 20/01/2018,REC E47 (continues)
    // episodes.csv:751 319014,06/12/2017,S,...,DEC 16/03/2018 → before 20/01/2018: overlaps, not used
    // episodes.csv:752 319014,16/03/2018,P,...,DEC 30/03/2018,REC E6 → after 20/01/2018: new period
    // reviews.csv:1769 27/02/2016 and :1770 20/03/2017 → before 23/03/2017: outside
    // reviews.csv:1771 07/11/2017 and :1772 23/12/2017 → period 1 (23/03/2017..20/01/2018)
    expect(reviewMapping(allCases(r)).filter((c) => c.id.startsWith('319014#')).map((c) => c.events)).toEqual([
      [
        { type: 'became-looked-after', date: '2017-03-23', rne: 'P' },
        { type: 'lac-review', date: '2017-11-07', reviewCode: 'PN1' },
        { type: 'lac-review', date: '2017-12-23', reviewCode: 'PN5' },
        { type: 'ceased-looked-after', date: '2018-01-20', rec: 'E47' },
      ],
      [
        { type: 'became-looked-after', date: '2018-03-16', rne: 'P' },
        { type: 'ceased-looked-after', date: '2018-03-30', rec: 'E6' },
      ],
    ]);
    expect(r.problems.filter((p) => p.caseId === '319014').map((p) => [p.code, p.line])).toEqual([
      ['period-not-starting-with-rne-s', 749],
      ['overlapping-episode', 751],
      ['period-not-starting-with-rne-s', 752],
      ['review-outside-period', 1769],
      ['review-outside-period', 1770],
    ]);
  });
});

describe('readSsda903 on hand-made messy files (BOM, CRLF, quoted commas and newlines)', () => {
  const load = () => readSsda903({ header: messy('header.csv'), episodes: messy('episodes.csv'), reviews: messy('reviews.csv') });

  it('keeps every row: used or reported', async () => {
    const r = await load();
    expectWellFormed(r);
    // header.csv: 5 rows; used only A1 at line 2.
    //   line 3 B2 DOB 31/02/2013 (no 31 Feb), line 4 C3 DOB 2014-01-01 (ISO), line 5 D4 (no episodes),
    //   line 6 A1 again (duplicate) → 4 reported.
    // episodes.csv: 11 rows (lines 2, 3–4, 5, 6, 7, 8, 9, 10, 11, 12, 13).
    //   reported: 5 (overlaps the open episode of lines 3–4), 9 (01/06/23: two-digit year),
    //   10 (DEC 30/06/2023 before DECOM 01/07/2023), 12 (2 cells), 13 (blank CHILD) → 5; used 6.
    // reviews.csv: 9 rows; reported: A1 28/02/2024 (before 01/03/2024), B2 01/08/2023 (gap between
    //   15/05/2023 and 01/09/2023), B2 31/04/2023 (no 31 April), D4 (no period) → 4; used 5.
    expect(r.stats).toEqual({
      children: 3, // A1, B2, E5
      periods: 4, // A1#1, B2#1, B2#2, E5#1
      reviewsMatched: 5,
      reviewsUnmatched: 3,
      rows: {
        header: { read: 5, used: 1, reported: 4 },
        episodes: { read: 11, used: 6, reported: 5 },
        reviews: { read: 9, used: 5, reported: 4 },
      },
    });
  });

  it('builds the periods and events', async () => {
    const r = await load();
    expect(r.cases).toEqual([
      {
        // episodes lines 2 (01/03/2024–27/03/2024, S) and 3–4 (27/03/2024, P, open; a quoted
        // HOME_POST cell spans two lines). Reviews 27/03/2024 and 2/4/2024 (no leading zeros).
        id: 'A1#1',
        dateOfBirth: '2012-06-05',
        events: [
          { type: 'became-looked-after', date: '2024-03-01', rne: 'S' },
          { type: 'carer-changed', date: '2024-03-27', rne: 'P' },
          { type: 'lac-review', date: '2024-03-27', reviewCode: 'PN1' },
          { type: 'lac-review', date: '2024-04-02', reviewCode: 'PN2' },
        ],
      },
      {
        // rows out of date order: line 7 (10/01/2023, L) then line 8 (20/02/2023, T, to 15/05/2023).
        // DOB: the header's 31/02/2013 is unreadable, so the first matched review's 07/07/2013.
        // A review on the DEC day (15/05/2023) is inside (DECOM <= review <= DEC).
        id: 'B2#1',
        dateOfBirth: '2013-07-07',
        events: [
          { type: 'became-looked-after', date: '2023-01-10', rne: 'L' },
          { type: 'carer-changed', date: '2023-02-20', rne: 'T' },
          { type: 'lac-review', date: '2023-05-01', reviewCode: 'PN1' },
          { type: 'lac-review', date: '2023-05-15', reviewCode: 'PN1' },
          { type: 'ceased-looked-after', date: '2023-05-15', rec: 'E11' },
        ],
      },
      {
        // line 6: 01/09/2023, S, open — after the gap from 15/05/2023.
        id: 'B2#2',
        dateOfBirth: '2013-07-07',
        events: [{ type: 'became-looked-after', date: '2023-09-01', rne: 'S' }],
      },
      {
        // line 11; no header row, DOB 03/03/2020 from its review.
        id: 'E5#1',
        dateOfBirth: '2020-03-03',
        events: [
          { type: 'became-looked-after', date: '2024-01-15', rne: 'S' },
          { type: 'lac-review', date: '2024-01-20', reviewCode: 'PN0' },
        ],
      },
    ]);
  });

  it('names file, line, column and value in each problem, in file and line order', async () => {
    const r = await load();
    const where = r.problems.map((p) => [p.code, p.severity, p.file, p.line, p.column, p.value]);
    expect(where).toEqual([
      ['invalid-date', 'error', messy('header.csv'), 3, 'DOB', '31/02/2013'],
      ['invalid-date', 'error', messy('header.csv'), 4, 'DOB', '2014-01-01'],
      ['child-without-episodes', 'error', messy('header.csv'), 5, 'CHILD', 'D4'],
      ['duplicate-header-row', 'error', messy('header.csv'), 6, 'CHILD', 'A1'],
      ['overlapping-episode', 'error', messy('episodes.csv'), 5, 'DECOM', '2024-04-02'],
      ['child-without-header', 'warning', messy('episodes.csv'), 6, 'CHILD', 'B2'],
      ['period-not-starting-with-rne-s', 'warning', messy('episodes.csv'), 7, 'RNE', 'L'],
      ['invalid-date', 'error', messy('episodes.csv'), 9, 'DECOM', '01/06/23'],
      ['episode-ends-before-start', 'error', messy('episodes.csv'), 10, 'DEC', '30/06/2023'],
      ['child-without-header', 'warning', messy('episodes.csv'), 11, 'CHILD', 'E5'],
      ['wrong-column-count', 'error', messy('episodes.csv'), 12, undefined, 'E5,'],
      ['missing-value', 'error', messy('episodes.csv'), 13, 'CHILD', ''],
      ['review-outside-period', 'error', messy('reviews.csv'), 3, 'REVIEW', '28/02/2024'],
      ['conflicting-date-of-birth', 'warning', messy('reviews.csv'), 5, 'DOB', '08/07/2013'],
      ['review-outside-period', 'error', messy('reviews.csv'), 6, 'REVIEW', '01/08/2023'],
      ['invalid-date', 'error', messy('reviews.csv'), 7, 'REVIEW', '31/04/2023'],
      ['review-outside-period', 'error', messy('reviews.csv'), 9, 'REVIEW', '01/01/2024'],
    ]);
    const twoDigit = r.problems.find((p) => p.value === '01/06/23')!;
    // The location is the problem's, written once in front of the message.
    expect(formatProblem(twoDigit)).toBe(`${messy('episodes.csv')}:9:DECOM: ${twoDigit.message}`);
    expect(twoDigit.message).toMatch(/two-digit year/);
    const iso = r.problems.find((p) => p.value === '2014-01-01')!;
    expect(iso.message).toContain('DD/MM/YYYY');
    expect(iso.message).not.toContain('--date-format');
  });
});

describe('readSsda903 input errors', () => {
  const header = { name: 'header.csv', text: 'CHILD,DOB\nA,01/02/2010\n' };
  const episodes = { name: 'episodes.csv', text: 'CHILD,DECOM,RNE,DEC\nA,01/03/2024,S,\n' };
  const reviews = { name: 'reviews.csv', text: 'CHILD,DOB,REVIEW\nA,01/02/2010,27/03/2024\n' };

  it('reads text given in memory', async () => {
    const r = await readSsda903({ header, episodes, reviews });
    expect(r.cases).toEqual([
      {
        id: 'A#1',
        dateOfBirth: '2010-02-01',
        events: [
          { type: 'became-looked-after', date: '2024-03-01', rne: 'S' },
          { type: 'lac-review', date: '2024-03-27' },
        ],
      },
    ]);
    expect(r.problems).toEqual([]);
  });

  it('accepts { path } and names nameless text after the table', async () => {
    const r = await readSsda903({
      header: { path: messy('header.csv') },
      episodes: { text: 'CHILD,DECOM,RNE,DEC\nA1,31/02/2024,S,\n' },
      reviews: { text: 'CHILD,REVIEW\n' },
    });
    expect(r.problems.find((p) => p.code === 'invalid-date' && p.value === '31/02/2024')).toMatchObject({
      file: 'episodes.csv',
      line: 2,
      column: 'DECOM',
    });
    expect(r.problems[0].file).toBe(messy('header.csv'));
  });

  it('throws naming the file and the missing column', async () => {
    const bad = { name: 'episodes.csv', text: 'CHILD,RNE,DEC\nA,S,\n' };
    const err = await readSsda903({ header, episodes: bad, reviews }).catch((e) => e);
    expect(err).toBeInstanceOf(TimescalesInputError);
    expect(err).toBeInstanceOf(InputFileError);
    expect([err.file, err.line, err.column]).toEqual(['episodes.csv', 1, 'DECOM']);
    expect(err.message).toBe(
      'episodes.csv:1: missing column "DECOM" of the SSDA903 episodes table: expected a header row with CHILD,DECOM,RNE,DEC; found CHILD,RNE,DEC',
    );
  });

  it('throws on an empty file, accepts a header only', async () => {
    const err = await readSsda903({ header, episodes, reviews: { name: 'reviews.csv', text: '' } }).catch((e) => e);
    expect(err).toBeInstanceOf(TimescalesInputError);
    expect(err.message).toMatch(/^reviews\.csv: file is empty/);
    const r = await readSsda903({ header, episodes, reviews: { name: 'reviews.csv', text: 'CHILD,DOB,REVIEW\r\n' } });
    expect(r.stats.rows.reviews).toEqual({ read: 0, used: 0, reported: 0 });
    expect(r.cases).toHaveLength(1);
  });

  it('throws naming the file and line of malformed CSV', async () => {
    const bad = { name: 'episodes.csv', text: 'CHILD,DECOM,RNE,DEC\nA,01/03/2024,S,\nB,"01/03/2024,S,\n' };
    const err = await readSsda903({ header, episodes: bad, reviews }).catch((e) => e);
    expect(err).toBeInstanceOf(TimescalesInputError);
    expect([err.file, err.line]).toEqual(['episodes.csv', 3]);
    expect(err.message).toMatch(/^episodes\.csv:3: cannot read the CSV \(Quote Not Closed/);
  });

  it('throws naming a file that cannot be read', async () => {
    const err = await readSsda903({ header, episodes, reviews: '/no/such/dir/reviews.csv' }).catch((e) => e);
    expect(err).toBeInstanceOf(TimescalesInputError);
    expect(err.file).toBe('/no/such/dir/reviews.csv');
    expect(err.message).toBe('/no/such/dir/reviews.csv: cannot read the file (no such file or directory)');
  });

  it('keeps a formula-looking child id as plain data', async () => {
    const r = await readSsda903({
      header: { name: 'h.csv', text: 'CHILD,DOB\n=1+1,01/02/2010\n' },
      episodes: { name: 'e.csv', text: 'CHILD,DECOM,RNE,DEC\n=1+1,01/03/2024,S,05/03/2024\n' },
      reviews: { name: 'r.csv', text: 'CHILD,REVIEW\n' },
    });
    expect(r.cases.map((c) => c.id)).toEqual(['=1+1#1']);
  });

  it('reports a time of day in a date cell instead of dropping it', async () => {
    const r = await readSsda903({
      header,
      episodes: { name: 'episodes.csv', text: 'CHILD,DECOM,RNE,DEC\nA,01/03/2024 09:30,S,\n' },
      reviews,
    });
    expect(r.cases).toEqual([]);
    expect(r.problems.map((p) => [p.code, p.file, p.line, p.column, p.value])).toEqual([
      ['child-without-episodes', 'header.csv', 2, 'CHILD', 'A'],
      ['invalid-date', 'episodes.csv', 2, 'DECOM', '01/03/2024 09:30'],
      ['review-outside-period', 'reviews.csv', 2, 'REVIEW', '27/03/2024'],
    ]);
  });
});

describe('buildPeriods', () => {
  const ep = (line: number, start: string, end?: string, rne = 'P') => ({ line, start, end, rne, rec: '' });

  it('chains DECOM = previous DEC, splits on a gap, and sets overlaps apart', () => {
    const { periods, overlapping } = buildPeriods([
      ep(5, '2024-05-01'), // after the gap from 2024-04-10: a second period, open
      ep(2, '2024-01-01', '2024-02-01', 'S'),
      ep(3, '2024-02-01', '2024-04-10', 'T'), // continues
      ep(4, '2024-03-01', '2024-03-05'), // starts before 2024-04-10: overlaps line 3
      ep(6, '2024-06-01'), // line 5 has no DEC: still open, so this overlaps it
    ]);
    expect(periods.map((p) => [p.start, p.end, p.episodes.map((e) => e.line)])).toEqual([
      ['2024-01-01', '2024-04-10', [2, 3]],
      ['2024-05-01', undefined, [5]],
    ]);
    expect(overlapping.map((o) => [o.episode.line, o.previous.line])).toEqual([
      [4, 3],
      [6, 5],
    ]);
  });

  it('treats a one-day gap as a new period', () => {
    // DEC Wed 2024-02-14, next DECOM Thu 2024-02-15: not equal, so not the same period.
    const { periods } = buildPeriods([ep(2, '2024-01-01', '2024-02-14', 'S'), ep(3, '2024-02-15', undefined, 'S')]);
    expect(periods).toHaveLength(2);
  });
});

describe('what the SSDA903 can answer beyond the review sequence (issue 11, item 8)', () => {
  it('LS E1 gives placement-order and PLACE A3-A6 placed-for-adoption on the episode DECOM, once per run; V3/V4 periods are set apart', async () => {
    const { readSsda903 } = await import('../../src/index');
    const r = await readSsda903({
      header: { text: 'CHILD,DOB\nA,01/02/2015\nB,01/02/2016\n' },
      episodes: {
        text: [
          'CHILD,DECOM,RNE,LS,PLACE,DEC',
          // A: looked after 1 Mar 2023 (C2, foster), placement order 1 Jun 2023 (E1), still E1 when placed for adoption 1 Sep (A3), then A4.
          'A,01/03/2023,S,C2,U1,01/06/2023',
          'A,01/06/2023,L,E1,U1,01/09/2023',
          'A,01/09/2023,P,E1,A3,01/11/2023',
          'A,01/11/2023,T,E1,A4,',
          // B: short breaks only (V3 then V4).
          'B,05/01/2024,S,V3,H5,07/01/2024',
          'B,07/01/2024,L,V4,H5,08/01/2024',
          '',
        ].join('\n'),
      },
      reviews: { text: 'CHILD,REVIEW\n' },
    });
    expect(r.records).toEqual(expect.arrayContaining(['placement-order', 'placed-for-adoption']));
    expect(r.cases.map((c) => c.id)).toEqual(['A#1']);
    const events = r.cases[0]!.events.map((e) => [e.type, e.date]);
    expect(events).toEqual([
      ['became-looked-after', '2023-03-01'],
      ['placement-order', '2023-06-01'],
      ['carer-changed', '2023-09-01'],
      ['placed-for-adoption', '2023-09-01'],
      ['carer-changed', '2023-11-01'],
    ]);
    expect(r.setAside).toEqual([{ reason: expect.stringContaining('short breaks'), cases: [expect.objectContaining({ id: 'B#1' })] }]);
    // Every row is still used: 2 header + 6 episodes read and used.
    expect(r.counts).toEqual({ read: 8, used: 8, reported: 0 });
  });
});
