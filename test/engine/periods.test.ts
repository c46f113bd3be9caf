/**
 * Periods (docs/rule-kinds.md, "Periods"): a rule scoped to a period takes its anchors, prior conditions
 * and completing events from the current period; an open result ends with the period unless it runs on.
 * Expected dates worked out by hand (python's calendar for the weekdays; bank holidays from the gov.uk list).
 */
import { describe, expect, it } from 'vitest';
import { defineProcedure, evaluateProcedure, TimescalesInputError, type ProcedureInput } from '../../src/index';

const source = { document: 'Test standard' };
const base: ProcedureInput = {
  id: 'test-periods',
  title: 'Periods',
  summary: 'Test procedure for periods.',
  sources: [source],
  events: {
    'care-start': { description: 'Became looked after' },
    'care-end': { description: 'Ceased to be looked after' },
    move: { description: 'Moved carer' },
    review: { description: 'Review held' },
    record: { description: 'Record written' },
  },
  periods: { care: { description: 'A period of care', start: ['care-start'], end: ['care-end'] } },
  rules: [
    { id: 'review-after-move', title: 'Review within 20 WD of a move', kind: 'deadline', source, period: 'care', anchor: { event: 'move' }, timing: { within: '20wd' }, completion: { event: 'review', reportEarly: false } },
    { id: 'record-after-review', title: 'Record within 5 WD of a review', kind: 'deadline', source, period: 'care', atPeriodEnd: 'runs-on', anchor: { event: 'review' }, timing: { within: '5wd' }, completion: { event: 'record' } },
    { id: 'home-after-6m', title: 'More than 6 months looked after', kind: 'deadline', source, period: 'care', atPeriodEnd: 'runs-on', anchor: { event: 'care-end' }, requiresPrior: { event: 'care-start', moreThan: '6m' }, timing: { within: '10wd' }, completion: { event: 'record' } },
  ],
};
const procedure = defineProcedure(base);
const run = (events: Array<{ type: string; date: string }>, asOf: string) => evaluateProcedure(procedure, { id: 'C', events }, { asOf });

describe('defining periods', () => {
  it('refuses a rule naming an undeclared period, with the declared ones listed', () => {
    const bad = { ...base, rules: [{ ...base.rules[0]!, period: 'cares' }] };
    expect(() => defineProcedure(bad)).toThrow(TimescalesInputError);
    expect(() => defineProcedure(bad)).toThrow(/rules\[0\]\.period: "cares".*care\)/);
  });
  it('refuses a period whose events are not declared, atPeriodEnd without a period, and runs-on on a cycle', () => {
    expect(() => defineProcedure({ ...base, periods: { care: { description: 'x', start: ['care-begin'], end: ['care-end'] } } })).toThrow(/periods\.care\.start/);
    expect(() => defineProcedure({ ...base, rules: [{ ...base.rules[0]!, period: undefined, atPeriodEnd: 'ends' }] })).toThrow(/atPeriodEnd/);
    const cycle = { id: 'reviews', title: 'Reviews', kind: 'cycle' as const, source, period: 'care', atPeriodEnd: 'runs-on' as const, start: { event: 'care-start' }, timing: { intervals: ['20wd'] }, completion: { event: 'review' } };
    expect(() => defineProcedure({ ...base, rules: [cycle] })).toThrow(/atPeriodEnd/);
  });
  it('refuses atLeast with moreThan, and event with period', () => {
    const rule = base.rules[2]!;
    expect(() => defineProcedure({ ...base, rules: [{ ...rule, requiresPrior: { event: 'care-start', atLeast: '6m', moreThan: '6m' } } as never] })).toThrow(/either atLeast or moreThan/);
    expect(() => defineProcedure({ ...base, rules: [{ ...rule, requiresPrior: { event: 'care-start', period: 'care' } } as never] })).toThrow(/either event or period/);
  });
  it('survives a JSON round trip', () => {
    expect(defineProcedure(JSON.parse(JSON.stringify(procedure)))).toEqual(procedure);
  });
});

describe('scoped rules', () => {
  it('an overdue result stays overdue at the end of its period, late only to the end day; one not yet due is not reported', () => {
    // Move Mon 4 Mar 2024 + 20 WD: 5–8 (4), 11–15 (9), 18–22 (14), 25–28 Mar (18), [Good Friday 29, Easter Monday 1 Apr], Tue 2 (19), Wed 3 Apr (20).
    // Care ended Fri 12 Apr: late Thu 4, Fri 5, 8–12 Apr = 7 WD, 9 days (not to the as-of date 30 Jun).
    // Move Mon 8 Apr: due 20 WD later (6 May or after), after the end: not reported.
    const e = run(
      [
        { type: 'care-start', date: '2024-01-08' },
        { type: 'move', date: '2024-03-04' },
        { type: 'move', date: '2024-04-08' },
        { type: 'care-end', date: '2024-04-12' },
      ],
      '2024-06-30',
    );
    const moves = e.filter((r) => r.rule === 'review-after-move');
    expect(moves).toHaveLength(1);
    expect(moves[0]).toMatchObject({ due: '2024-04-03', status: 'overdue', late: { workingDays: 7, days: 9 }, period: { name: 'care', start: '2024-01-08', end: '2024-04-12' } });
  });
  it('a review of the next period does not meet a move of the earlier one, and the periods are told apart', () => {
    // Move Mon 4 Mar 2024 → due Wed 3 Apr (as above); care ended Fri 12 Apr; back in care Mon 15 Apr, review Tue 16 Apr.
    const e = run(
      [
        { type: 'care-start', date: '2024-01-08' },
        { type: 'move', date: '2024-03-04' },
        { type: 'care-end', date: '2024-04-12' },
        { type: 'care-start', date: '2024-04-15' },
        { type: 'review', date: '2024-04-16' },
      ],
      '2024-06-30',
    );
    expect(e.find((r) => r.rule === 'review-after-move')).toMatchObject({ status: 'overdue', late: { workingDays: 7, days: 9 } });
    // The review of Tue 16 Apr 2024 anchors a record in the second period: + 5 WD = Tue 23 Apr; none → overdue at 30 Jun.
    expect(e.find((r) => r.rule === 'record-after-review')).toMatchObject({ due: '2024-04-23', status: 'overdue', period: { name: 'care', start: '2024-04-15' } });
    expect(e.find((r) => r.rule === 'record-after-review')!.period!.end).toBeUndefined();
  });
  it('runs-on: a record still owed after the period ended stays late to the as-of date, and can be met after the end', () => {
    // Review Mon 8 Apr 2024 + 5 WD: 9–12 (4), Mon 15 Apr (5). Care ended Wed 10 Apr. No record by Tue 30 Apr:
    // late 16–19 (4), 22–26 (9), 29, 30 (11) WD, 15 days.
    const open = run(
      [
        { type: 'care-start', date: '2024-01-08' },
        { type: 'review', date: '2024-04-08' },
        { type: 'care-end', date: '2024-04-10' },
      ],
      '2024-04-30',
    );
    expect(open.find((r) => r.rule === 'record-after-review')).toMatchObject({ due: '2024-04-15', status: 'overdue', late: { workingDays: 11, days: 15 } });
    const met = run(
      [
        { type: 'care-start', date: '2024-01-08' },
        { type: 'review', date: '2024-04-08' },
        { type: 'care-end', date: '2024-04-10' },
        { type: 'record', date: '2024-04-12' },
      ],
      '2024-04-30',
    );
    expect(met.find((r) => r.rule === 'record-after-review')).toMatchObject({ status: 'met', completed: { date: '2024-04-12' } });
  });
  it('more than 6 months is counted in the current period, forward from its start', () => {
    const ended = (start: string, end: string) =>
      run(
        [
          { type: 'care-start', date: '2022-01-10' },
          { type: 'care-end', date: '2022-08-01' },
          { type: 'care-start', date: start },
          { type: 'care-end', date: end },
        ],
        '2024-12-31',
      ).filter((r) => r.rule === 'home-after-6m');
    // First period 10 Jan → 1 Aug 2022: 10 Jan + 6m = 10 Jul < 1 Aug → applies (1 result). Second, 15 Mar 2023 → 15 Sep 2023:
    // 15 Mar + 6m = 15 Sep, not before 15 Sep → does not apply, even though the first period began long before.
    expect(ended('2023-03-15', '2023-09-15').map((r) => r.anchor.date)).toEqual(['2022-08-01']);
    // Ending Mon 18 Sep 2023 instead: 15 Sep < 18 Sep → applies.
    expect(ended('2023-03-15', '2023-09-18').map((r) => r.anchor.date)).toEqual(['2022-08-01', '2023-09-18']);
  });
  it('a case with no period at all is reported once per rule, and the rule gives nothing', () => {
    const e = run([{ type: 'move', date: '2024-03-04' }, { type: 'move', date: '2024-03-11' }], '2024-06-30');
    expect(e.filter((r) => r.rule === 'review-after-move')).toEqual([]);
    expect(e.problems.filter((p) => p.code === 'no-period')).toEqual([expect.objectContaining({ rule: 'review-after-move', severity: 'warning' })]);
  });
});
