/**
 * The audit API: `audit` (batch), `auditStream` (async, constant memory) and
 * the per-rule summary a board reads (onTimePercent = 100 × on time (met,
 * met-after-target, deemed-met) / results due on or before the as-of date,
 * one decimal, null when nothing is due).
 *
 * A small lac-review caseload at as-of Fri 2024-06-28, with four rules on:
 * review-cycle, review-after-carer-change, decisions-considered and
 * iro-visit-recorded. Every due date and status was worked out by hand on a
 * printed calendar (python3 -c "import calendar; print(calendar.month(2024, 5))")
 * with the England and Wales bank holidays 2024-01-01, Fri 2024-03-29 (Good
 * Friday), Mon 2024-04-01 (Easter Monday), Mon 2024-05-06 (Early May), Mon
 * 2024-05-27 (Spring). Day 0 is never counted (C2); the warning window is 5 WD.
 */
import { describe, expect, it } from 'vitest';
import { audit, auditStream, getProcedure, recordedEvents, SummaryBuilder, type CaseRecord, type DataProblem, type Result } from '../../src/index';

const AS_OF = '2024-06-28';

/** The rules of lac-review as listed in procedures.md §5. */
const LAC_RULES = [
  'review-cycle',
  'review-after-carer-change',
  'review-after-placement-order',
  'placement-order-not-placed',
  'long-term-foster-meeting',
  'invitations-sent',
  'child-consulted',
  'documents-to-iro',
  'iro-preparation',
  'iro-visit-before-review',
  'decisions-circulated',
  'full-record',
  'record-distributed',
  'decisions-considered',
  'care-plan-updated',
  'iro-visit-recorded',
  'permanence-plan',
  'staying-put',
  'pathway-transition',
];

/** Overrides that switch off every lac-review rule but `on`. */
function only(...on: string[]) {
  return Object.fromEntries(LAC_RULES.filter((r) => !on.includes(r)).map((r) => [r, { enabled: false }]));
}

const FOUR = ['review-cycle', 'review-after-carer-change', 'decisions-considered', 'iro-visit-recorded'];
const OPTIONS = { asOf: AS_OF, overrides: only(...FOUR) };

const ev = (type: string, date: string) => ({ type, date });

const CASES: CaseRecord[] = [
  {
    id: 'L1',
    events: [
      ev('became-looked-after', '2024-03-01'),
      ev('iro-visit', '2024-03-20'),
      ev('iro-visit-recorded', '2024-03-26'),
      ev('lac-review', '2024-03-27'),
      ev('review-decisions-circulated', '2024-04-02'),
      ev('review-decisions-considered', '2024-04-05'),
    ],
  },
  {
    id: 'L2',
    events: [
      ev('became-looked-after', '2024-04-15'),
      ev('iro-visit', '2024-05-01'),
      ev('lac-review', '2024-05-20'),
      ev('review-decisions-circulated', '2024-05-24'),
    ],
  },
  {
    id: 'L3',
    events: [ev('became-looked-after', '2024-06-03'), ev('iro-visit', '2024-06-24')],
  },
  {
    id: 'L4',
    events: [
      ev('became-looked-after', '2024-05-28'),
      ev('iro-visit', '2024-06-03'),
      ev('iro-visit-recorded', '2024-06-12'),
      ev('lac-review', '2024-06-20'),
      ev('review-decisions-circulated', '2024-06-24'),
    ],
  },
  {
    id: 'L5',
    events: [
      ev('became-looked-after', '2024-01-02'),
      ev('iro-visit', '2024-01-22'),
      ev('iro-visit-recorded', '2024-01-23'),
      ev('lac-review', '2024-01-29'),
      ev('review-decisions-circulated', '2024-02-01'),
      ev('review-decisions-considered', '2024-02-12'),
      ev('lac-review', '2024-04-29'),
    ],
  },
];

const brief = (rs: readonly Result[], rule: string) =>
  rs.filter((r) => r.rule === rule).map((r) => [r.caseId, r.occurrence, r.due, r.completed?.date, r.status, r.breach, r.late ? [r.late.workingDays, r.late.days] : undefined]);

describe('audit: results and summary of a small caseload, by hand', () => {
  const report = audit('lac-review', CASES, OPTIONS);

  it('review-cycle results', () => {
    // L1: became looked after Fri 1 Mar. 1st: Mon 4..Fri 8 (1..5), 11..15 (6..10), 18..22 (11..15), Mon 25 (16),
    //     Tue 26 (17), Wed 27 (18), Thu 28 (19), [Fri 29 GF, Sat, Sun, Mon 1 Apr EM], Tue 2 Apr (20) → 2024-04-02;
    //     held 27 Mar → met. 2nd: 27 Mar + 91 days: to 31 Mar 4, 30 Apr 34, 31 May 65, + 26 → 2024-06-26;
    //     none by Fri 28 Jun → overdue, late Thu 27, Fri 28 = 2 WD, 2 days.
    // L2: became looked after Mon 15 Apr. 1st: Tue 16..Fri 19 (1..4), 22..26 (5..9), Mon 29 (10), Tue 30 (11),
    //     Wed 1 May (12), Thu 2 (13), Fri 3 (14), [Mon 6 BH], Tue 7 (15), Wed 8 (16), Thu 9 (17), Fri 10 (18),
    //     Mon 13 (19), Tue 14 (20) → 2024-05-14; held Mon 20 May → met-late, late Wed 15, Thu 16, Fri 17, Mon 20
    //     = 4 WD, 6 days. 2nd: 20 May + 91: to 31 May 11, 30 Jun 41, 31 Jul 72, + 19 → 2024-08-19, pending.
    // L3: became looked after Mon 3 Jun. 1st: Tue 4..Fri 7 (1..4), 10..14 (5..9), 17..21 (10..14), 24..28 (15..19),
    //     Mon 1 Jul (20) → 2024-07-01; 5 WD before is Mon 24 Jun, so on Fri 28 Jun it is due-soon.
    // L4: became looked after Tue 28 May. 1st: Wed 29 (1), Thu 30 (2), Fri 31 (3), Jun 3..7 (4..8), 10..14 (9..13),
    //     17..21 (14..18), Mon 24 (19), Tue 25 (20) → 2024-06-25; held 20 Jun → met.
    //     2nd: 20 Jun + 91: to 30 Jun 10, 31 Jul 41, 31 Aug 72, + 19 → 2024-09-19, pending.
    // L5: became looked after Tue 2 Jan. 1st: Wed 3 (1), Thu 4 (2), Fri 5 (3), 8..12 (4..8), 15..19 (9..13),
    //     22..26 (14..18), Mon 29 (19), Tue 30 (20) → 2024-01-30; held 29 Jan → met.
    //     2nd: 29 Jan + 91: to 31 Jan 2, 29 Feb 31, 31 Mar 62, + 29 → 2024-04-29; held on the due date → met.
    //     3rd: 29 Apr + 183: to 30 Apr 1, 31 May 32, 30 Jun 62, 31 Jul 93, 31 Aug 124, 30 Sep 154, + 29
    //     → 2024-10-29, pending.
    expect(brief(report.results, 'review-cycle')).toEqual([
      ['L1', 1, '2024-04-02', '2024-03-27', 'met', false, undefined],
      ['L1', 2, '2024-06-26', undefined, 'overdue', true, [2, 2]],
      ['L2', 1, '2024-05-14', '2024-05-20', 'met-late', true, [4, 6]],
      ['L2', 2, '2024-08-19', undefined, 'pending', false, undefined],
      ['L3', 1, '2024-07-01', undefined, 'due-soon', false, undefined],
      ['L4', 1, '2024-06-25', '2024-06-20', 'met', false, undefined],
      ['L4', 2, '2024-09-19', undefined, 'pending', false, undefined],
      ['L5', 1, '2024-01-30', '2024-01-29', 'met', false, undefined],
      ['L5', 2, '2024-04-29', '2024-04-29', 'met', false, undefined],
      ['L5', 3, '2024-10-29', undefined, 'pending', false, undefined],
    ]);
  });

  it('decisions-considered results (silence is agreement)', () => {
    // L1: circulated Tue 2 Apr → Wed 3 (1), Thu 4 (2), Fri 5 (3), Mon 8 (4), Tue 9 (5) → 2024-04-09; considered 5 Apr → met.
    // L2: circulated Fri 24 May → [Mon 27 Spring BH], Tue 28 (1), Wed 29 (2), Thu 30 (3), Fri 31 (4), Mon 3 Jun (5)
    //     → 2024-06-03; nothing by 28 Jun → deemed-met.
    // L4: circulated Mon 24 Jun → Tue 25 (1), Wed 26 (2), Thu 27 (3), Fri 28 (4), Mon 1 Jul (5) → 2024-07-01;
    //     inside the warning window on 28 Jun → due-soon.
    // L5: circulated Thu 1 Feb → Fri 2 (1), Mon 5 (2), Tue 6 (3), Wed 7 (4), Thu 8 (5) → 2024-02-08; considered
    //     Mon 12 Feb, after the silence had already counted as agreement → deemed-met.
    expect(brief(report.results, 'decisions-considered').map((r) => [r[0], r[2], r[4], r[5]])).toEqual([
      ['L1', '2024-04-09', 'met', false],
      ['L2', '2024-06-03', 'deemed-met', false],
      ['L4', '2024-07-01', 'due-soon', false],
      ['L5', '2024-02-08', 'deemed-met', false],
    ]);
  });

  it('iro-visit-recorded results (target 2 WD, limit 5 WD)', () => {
    // L1: visit Wed 20 Mar → target Thu 21 (1), Fri 22 (2) = 2024-03-22; limit Mon 25 (3), Tue 26 (4), Wed 27 (5)
    //     = 2024-03-27; recorded Tue 26 → met-after-target.
    // L2: visit Wed 1 May → Thu 2 (1), Fri 3 (2), [Mon 6 BH], Tue 7 (3), Wed 8 (4), Thu 9 (5) → limit 2024-05-09;
    //     not recorded → overdue, late Fri 10 May (1), 13..17 (2..6), 20..24 (7..11), [Mon 27 BH], 28..31 (12..15),
    //     Jun 3..7 (16..20), 10..14 (21..25), 17..21 (26..30), 24..28 (31..35) = 35 WD; 9 May → 31 May 22 + 28 = 50 days.
    // L3: visit Mon 24 Jun → target Wed 26 Jun, limit Mon 1 Jul; not recorded by Fri 28 → past-target (not a breach).
    // L4: visit Mon 3 Jun → limit Tue 4 (1) .. Mon 10 (5) = 2024-06-10; recorded Wed 12 → met-late, Tue 11, Wed 12
    //     = 2 WD, 2 days.
    // L5: visit Mon 22 Jan → target Wed 24 Jan, limit Mon 29 Jan; recorded Tue 23 → met.
    expect(brief(report.results, 'iro-visit-recorded')).toEqual([
      ['L1', 1, '2024-03-27', '2024-03-26', 'met-after-target', false, undefined],
      ['L2', 1, '2024-05-09', undefined, 'overdue', true, [35, 50]],
      ['L3', 1, '2024-07-01', undefined, 'past-target', false, undefined],
      ['L4', 1, '2024-06-10', '2024-06-12', 'met-late', true, [2, 2]],
      ['L5', 1, '2024-01-29', '2024-01-23', 'met', false, undefined],
    ]);
    expect(report.results.find((r) => r.caseId === 'L1' && r.rule === 'iro-visit-recorded')!.target).toBe('2024-03-22');
  });

  it('summary: counts per status and the share on time', () => {
    const s = report.summary;
    expect(s).toMatchObject({ procedure: 'lac-review', asOf: AS_OF, profile: 'default', cases: 5, problems: 0 });
    // 10 + 0 + 4 + 5 results; breaches: L1 overdue, L2 met-late (review-cycle), L2 overdue, L4 met-late (iro-visit-recorded).
    expect(s.results).toBe(19);
    expect(s.breaches).toBe(4);
    // Only the evaluated rules, in the procedure's order; no case records "carer-changed",
    // so review-after-carer-change is not measured and is listed apart with the reason.
    expect(s.rules.map((r) => r.rule)).toEqual(FOUR.filter((r) => r !== 'review-after-carer-change'));
    expect(s.notMeasured).toEqual([
      {
        rule: 'review-after-carer-change',
        title: expect.any(String),
        missing: ['carer-changed'],
        reason: 'the data records no "carer-changed" (the event that starts it)',
        evaluated: false,
      },
    ]);
    const by = Object.fromEntries(s.rules.map((r) => [r.rule, r]));
    // review-cycle: met L1#1, L4#1, L5#1, L5#2; met-late L2#1; overdue L1#2; due-soon L3#1; pending L2#2, L4#2, L5#3.
    // Due on or before 28 Jun: L1#1 (04-02), L1#2 (06-26), L2#1 (05-14), L4#1 (06-25), L5#1 (01-30), L5#2 (04-29) = 6;
    // on time among them: L1#1, L4#1, L5#1, L5#2 = 4 → 100 × 4 / 6 = 66.67 → 66.7.
    // Buckets: on time 4, late 1 (L2#1), missed 1 (L1#2): due by as-of 4 + 1 + 1 = 6; open L3#1, L2#2, L4#2, L5#3 = 4;
    // results 6 + 0 done before due + 4 open + 0 no timescale = 10.
    expect(by['review-cycle']).toMatchObject({
      results: 10, dueByAsOf: 6, onTime: 4, late: 1, missed: 1, tooEarly: 0, doneBeforeDue: 0, open: 4, noTimescale: 0, breaches: 2, onTimePercent: 66.7,
    });
    expect(by['review-cycle']!.statuses).toMatchObject({ met: 4, 'met-late': 1, overdue: 1, 'due-soon': 1, pending: 3, 'met-early': 0, 'deemed-met': 0 });
    // review-after-carer-change measured (carer changes recorded, none in these cases): no results, nothing due → null (not 0, not 100).
    const recorded = audit('lac-review', CASES, { ...OPTIONS, records: [...recordedEvents(CASES), 'carer-changed'] }).summary;
    expect(recorded.rules.find((r) => r.rule === 'review-after-carer-change')).toMatchObject({ results: 0, dueByAsOf: 0, onTime: 0, onTimePercent: null, measured: true });
    // decisions-considered: met L1; deemed-met L2, L5; due-soon L4. Due by 28 Jun: L1, L2, L5 = 3; on time 3 → 100.
    // On time 1 met + 2 deemed-met = 3 = due by as-of; open L4 1; results 3 + 1 = 4.
    expect(by['decisions-considered']).toMatchObject({
      results: 4, dueByAsOf: 3, onTime: 3, late: 0, missed: 0, doneBeforeDue: 0, open: 1, onTimePercent: 100,
    });
    // iro-visit-recorded: met L5, met-after-target L1, past-target L3, overdue L2, met-late L4.
    // Due (limit) by 28 Jun: L1 (03-27), L2 (05-09), L4 (06-10), L5 (01-29) = 4; on time L1, L5 = 2 → 50.
    // On time L5 + L1 = 2, late L4 1, missed L2 1: due by as-of 4; open L3 (past-target, limit 07-01) 1; results 5.
    expect(by['iro-visit-recorded']).toMatchObject({
      results: 5, dueByAsOf: 4, onTime: 2, late: 1, missed: 1, doneBeforeDue: 0, open: 1, onTimePercent: 50,
    });
    for (const r of s.rules) {
      expect(r.dueByAsOf, r.rule).toBe(r.onTime + r.late + r.missed + r.tooEarly);
      expect(r.results, r.rule).toBe(r.dueByAsOf + r.doneBeforeDue + r.open + r.noTimescale);
      expect(Object.values(r.statuses).reduce((a, b) => a + b, 0), r.rule).toBe(r.results);
    }
    expect(report.problems).toEqual([]);
  });

  it('one decimal: 1 on time of 3 due is 33.3, 2 of 3 is 66.7', () => {
    // Three cases of review-cycle only, each became looked after Fri 1 Mar 2024 → 1st due 2024-04-02 (as L1),
    // all due by the as-of date 2024-04-30; K1 held 27 Mar (met), K2 and K3 none (overdue);
    // K3's second would not be projected while the first is missing (C8).
    const three: CaseRecord[] = [
      { id: 'K1', events: [ev('became-looked-after', '2024-03-01'), ev('lac-review', '2024-03-27')] },
      { id: 'K2', events: [ev('became-looked-after', '2024-03-01')] },
      { id: 'K3', events: [ev('became-looked-after', '2024-03-01')] },
    ];
    const r = audit('lac-review', three, { asOf: '2024-04-30', overrides: only('review-cycle') });
    // K1's 2nd review: 27 Mar + 91 = 2024-06-26, after the as-of date: pending, not due.
    const cycle = r.summary.rules[0]!;
    expect(cycle).toMatchObject({ rule: 'review-cycle', results: 4, onTime: 1, missed: 2, open: 1, dueByAsOf: 3, onTimePercent: 33.3 });
    three[1]!.events.push(ev('lac-review', '2024-04-02'));
    // K2 now held on its due date 2024-04-02 → met; its 2nd: 2 Apr + 91 = to 30 Apr 28, 31 May 59, 30 Jun 89, + 2
    // → 2024-07-02, pending. Due by 30 Apr: K1#1, K2#1, K3#1 = 3; on time K1#1, K2#1 = 2 → 66.7.
    const r2 = audit('lac-review', three, { asOf: '2024-04-30', overrides: only('review-cycle') });
    expect(r2.summary.rules[0]).toMatchObject({ results: 5, onTime: 2, missed: 1, open: 2, dueByAsOf: 3, onTimePercent: 66.7 });
  });

  it('one review after two changes of carer completes both (C7: the first completing event on or after each anchor)', () => {
    // Moves on Mon 5 Feb and Mon 12 Feb 2024; one review on Mon 11 Mar 2024.
    // #1: 20 WD after Mon 5 Feb: Tue 6..Fri 9 (1..4), 12..16 (5..9), 19..23 (10..14), 26 Feb..Fri 1 Mar (15..19),
    //     Mon 4 Mar (20) → 2024-03-04; review 11 Mar → met-late, late Tue 5..Fri 8, Mon 11 = 5 WD, 7 days.
    // #2: 20 WD after Mon 12 Feb: 13..16 (1..4), 19..23 (5..9), 26 Feb..1 Mar (10..14), 4..8 Mar (15..19),
    //     Mon 11 Mar (20) → 2024-03-11; the first review on or after 12 Feb is on 11 Mar, the due date → met.
    const c: CaseRecord = {
      id: 'M1',
      events: [ev('became-looked-after', '2024-01-02'), ev('carer-changed', '2024-02-05'), ev('carer-changed', '2024-02-12'), ev('lac-review', '2024-03-11')],
    };
    const r = audit('lac-review', [c], { asOf: AS_OF, overrides: only('review-after-carer-change') });
    expect(brief(r.results, 'review-after-carer-change')).toEqual([
      ['M1', 1, '2024-03-04', '2024-03-11', 'met-late', true, [5, 7]],
      ['M1', 2, '2024-03-11', '2024-03-11', 'met', false, undefined],
    ]);
  });

  it('an empty caseload gives zero counts and null percentages', () => {
    const r = audit('lac-review', [], OPTIONS);
    expect(r.results).toEqual([]);
    expect(r.summary).toMatchObject({ cases: 0, results: 0, breaches: 0, problems: 0 });
    for (const x of r.summary.rules) expect(x.onTimePercent).toBeNull();
  });

  it('takes any iterable, not only an array', () => {
    function* gen() {
      yield* CASES;
    }
    const r = audit('lac-review', gen(), OPTIONS);
    expect(r.results).toEqual(report.results);
    expect(r.summary).toEqual(report.summary);
  });
});

describe('auditStream', () => {
  it('over an async generator gives the same results and summary as audit', async () => {
    async function* cases() {
      for (const c of CASES) {
        await Promise.resolve();
        yield c;
      }
    }
    // A stream cannot infer what the data records: it is given the event types of the cases.
    const stream = auditStream('lac-review', cases(), { ...OPTIONS, records: recordedEvents(CASES) });
    const results: Result[] = [];
    const ids: string[] = [];
    for await (const c of stream) {
      ids.push(c.caseId);
      results.push(...c.results);
      expect(c.problems).toEqual([]);
    }
    const batch = audit('lac-review', CASES, OPTIONS);
    expect(ids).toEqual(['L1', 'L2', 'L3', 'L4', 'L5']);
    expect(results).toEqual(batch.results);
    expect(stream.summary()).toEqual(batch.summary);
  });

  it('passes the problems of a chunk without a case through, and counts them', async () => {
    const unusable: DataProblem = { code: 'invalid-date', severity: 'error', message: 'date "2024-02-30" is not valid', file: 'events.csv', line: 7, column: 'date', value: '2024-02-30' };
    const warning: DataProblem = { code: 'conflicting-date-of-birth', severity: 'warning', message: 'dob differs', caseId: 'L2', file: 'events.csv', line: 9 };
    async function* chunks() {
      yield { case: CASES[0]!, problems: [] };
      yield { case: undefined, problems: [unusable] };
      yield { case: CASES[1]!, problems: [warning] };
    }
    const stream = auditStream('lac-review', chunks(), OPTIONS);
    const seen: { caseId: string; results: number; problems: DataProblem[] }[] = [];
    for await (const c of stream) seen.push({ caseId: c.caseId, results: c.results.length, problems: c.problems });
    // L1: review-cycle 2, decisions-considered 1, iro-visit-recorded 1 = 4 results; L2: 2 + 1 + 1 = 4 (see above).
    expect(seen).toEqual([
      { caseId: 'L1', results: 4, problems: [] },
      { caseId: '', results: 0, problems: [unusable] },
      { caseId: 'L2', results: 4, problems: [warning] },
    ]);
    const s = stream.summary();
    expect(s.cases).toBe(2);
    expect(s.problems).toBe(2);
    expect(s.results).toBe(8);
  });

  it('mixes plain case records and chunks', async () => {
    async function* mixed() {
      yield CASES[2]!;
      yield { case: CASES[3]!, problems: [] };
    }
    const out: string[] = [];
    for await (const c of auditStream('lac-review', mixed(), OPTIONS)) out.push(`${c.caseId}:${c.results.length}`);
    // L3: review-cycle 1, iro-visit-recorded 1 = 2; L4: review-cycle 2, decisions-considered 1, iro-visit-recorded 1 = 4.
    expect(out).toEqual(['L3:2', 'L4:4']);
  });

  it('checks its options before reading a case', () => {
    expect(() => auditStream('lac-review', [], { asOf: '2024-02-30' })).toThrow(/2024-02-30/);
    expect(() => auditStream('no-such-procedure', [], { asOf: AS_OF })).toThrow(/no-such-procedure/);
  });
});

describe('large caseloads (counts by construction; no timing)', () => {
  // Every case became looked after Fri 2024-03-01 → 1st review due 2024-04-02 (as L1 above).
  // Even-numbered cases held it on 2024-03-27 (met) and their 2nd is due 2024-06-26 (as L1), overdue on 2024-06-28:
  // 2 results. Odd-numbered cases held none: the 1st is overdue and no 2nd is projected (C8): 1 result.
  const simple = (i: number): CaseRecord =>
    i % 2 === 0
      ? { id: `C${i}`, events: [ev('became-looked-after', '2024-03-01'), ev('lac-review', '2024-03-27')] }
      : { id: `C${i}`, events: [ev('became-looked-after', '2024-03-01')] };
  const cycleOnly = { asOf: AS_OF, overrides: only('review-cycle') };

  it('audit handles 100,000 cases in one call', () => {
    const cases = Array.from({ length: 100_000 }, (_, i) => simple(i));
    const r = audit('lac-review', cases, cycleOnly);
    // 50,000 × 2 + 50,000 × 1 = 150,000 results; met 50,000; overdue 50,000 + 50,000 = 100,000; all due by 28 Jun.
    expect(r.results).toHaveLength(150_000);
    expect(r.problems).toHaveLength(0);
    expect(r.summary).toMatchObject({ cases: 100_000, results: 150_000, breaches: 100_000, problems: 0 });
    // 100 × 50,000 / 150,000 = 33.33 → 33.3.
    expect(r.summary.rules).toEqual([
      expect.objectContaining({ rule: 'review-cycle', results: 150_000, onTime: 50_000, missed: 100_000, dueByAsOf: 150_000, onTimePercent: 33.3 }),
    ]);
    expect(r.results.filter((x) => x.occurrence === 2 && x.due === '2024-06-26')).toHaveLength(50_000);
  });

  it('auditStream over a generator of 200,000 cases completes without the test holding them', async () => {
    async function* generate() {
      for (let i = 0; i < 200_000; i++) yield simple(i);
    }
    const stream = auditStream('lac-review', generate(), cycleOnly);
    let cases = 0;
    let results = 0;
    let met = 0;
    for await (const c of stream) {
      cases++;
      results += c.results.length;
      for (const r of c.results) if (r.status === 'met') met++;
    }
    // 100,000 × 2 + 100,000 × 1 = 300,000 results, 100,000 met, 200,000 overdue.
    expect(cases).toBe(200_000);
    expect(results).toBe(300_000);
    expect(met).toBe(100_000);
    const s = stream.summary();
    expect(s).toMatchObject({ cases: 200_000, results: 300_000, breaches: 200_000, problems: 0 });
    expect(s.rules[0]).toMatchObject({ rule: 'review-cycle', onTime: 100_000, missed: 200_000, dueByAsOf: 300_000, onTimePercent: 33.3 });
  });
});

describe('SummaryBuilder', () => {
  it('counts only the rules it was given, and a date-time due by its day', () => {
    const procedure = getProcedure('lac-review');
    const b = new SummaryBuilder(procedure, { asOf: AS_OF }, [{ id: 'review-cycle' }]);
    const base = audit('lac-review', [CASES[0]!], OPTIONS).results;
    for (const r of base) b.add(r);
    const s = b.summary();
    expect(s.rules.map((r) => r.rule)).toEqual(['review-cycle']);
    // L1: review-cycle met (due 04-02) and overdue (due 06-26): 2 due, 1 on time → 50. Its other results are not counted.
    expect(s.rules[0]).toMatchObject({ results: 2, onTime: 1, missed: 1, dueByAsOf: 2, onTimePercent: 50 });
    expect(s.results).toBe(2);
    // A due date-time on the as-of day counts as due by then.
    b.add({ ...base[0]!, due: `${AS_OF}T17:00`, status: 'met' });
    expect(b.summary().rules[0]).toMatchObject({ results: 3, dueByAsOf: 3, onTime: 2, onTimePercent: 66.7 });
    // A result done before a due date still to come is not yet judged: it is not in due by as-of.
    b.add({ ...base[0]!, due: '2024-07-01', status: 'met' });
    expect(b.summary().rules[0]).toMatchObject({ results: 4, dueByAsOf: 3, onTime: 2, doneBeforeDue: 1, onTimePercent: 66.7 });
  });
});
