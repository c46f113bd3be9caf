/**
 * The worklist selection (audit/due.ts) and the split summaries
 * (audit/split.ts), on results written by hand. Dates checked with `cal`:
 * Sun 30 Jun 2024 + 28 days → Sun 28 Jul 2024 (30 + 28 = 58; June has 30 days → 28 July).
 */
import { describe, expect, it } from 'vitest';
import { carriedColumns, dueWindow, getProcedure, isOpen, periodOf, selectDue, SplitSummary, type Result, type Status } from '../../src/index';

function result(caseId: string, rule: string, status: Status, due: string | undefined, extra: Partial<Result> = {}): Result {
  return {
    caseId,
    procedure: 'cp-conference',
    rule,
    title: rule,
    kind: 'deadline',
    occurrence: 1,
    anchor: { event: 'strategy-discussion', date: '2024-01-02' },
    ...(due ? { due } : {}),
    status,
    breach: status === 'overdue' || status === 'met-late',
    trace: [],
    source: { document: 'x' },
    profile: 'default',
    calendar: 'england-and-wales',
    ...extra,
  };
}

describe('dueWindow', () => {
  it('defaults to everything up to 28 days after the as-of date', () => {
    expect(dueWindow('2024-06-30')).toEqual({ to: '2024-07-28' });
  });
  it('keeps --from and --to as given; --from alone looks 28 days past the later of --from and the as-of date', () => {
    expect(dueWindow('2024-06-30', { from: '2024-07-01', to: '2024-07-05' })).toEqual({ from: '2024-07-01', to: '2024-07-05' });
    // Thu 1 Aug 2024 + 28 days → Thu 29 Aug 2024.
    expect(dueWindow('2024-06-30', { from: '2024-08-01' })).toEqual({ from: '2024-08-01', to: '2024-08-29' });
    // --from before the as-of date: 28 days after the as-of date.
    expect(dueWindow('2024-06-30', { from: '2024-06-01' })).toEqual({ from: '2024-06-01', to: '2024-07-28' });
    // Across a leap day: Thu 15 Feb 2024 + 28 days → Thu 14 Mar 2024 (February 2024 has 29 days: 15 + 28 = 43 − 29 = 14).
    expect(dueWindow('2024-02-15')).toEqual({ to: '2024-03-14' });
  });
  it('refuses impossible dates and a window that ends before it starts', () => {
    expect(() => dueWindow('2024-02-30')).toThrow('asOf: expected an ISO date YYYY-MM-DD, got "2024-02-30"');
    expect(() => dueWindow('2024-06-30', { from: '2024-07-10', to: '2024-07-01' })).toThrow('the window starts (2024-07-10) after it ends (2024-07-01)');
  });
});

describe('selectDue', () => {
  const results = [
    result('C2', 'icpc', 'pending', '2024-07-28'),
    result('C1', 'icpc', 'overdue', '2023-01-03'),
    result('C1', 'rcpc', 'due-soon', '2024-07-02T10:00'),
    result('C3', 'icpc', 'pending', '2024-07-29'),
    result('C4', 'icpc', 'met', '2024-07-01', { completed: { event: 'icpc', date: '2024-06-20' } }),
    result('C5', 'icpc', 'deemed-met', '2024-06-01'),
    result('C6', 'icpc', 'pending', undefined),
    result('C7', 'icpc', 'past-target', '2024-07-10'),
  ];
  it('keeps open items with a due date in the window, sorted by due date (a date-time by its day)', () => {
    const got = selectDue(results, { window: dueWindow('2024-06-30') }).map((d) => `${d.result.caseId} ${d.result.rule}`);
    // C3 is due Mon 29 Jul, one day after the window; C4 is done, C5 deemed met, C6 has no due date.
    expect(got).toEqual(['C1 icpc', 'C1 rcpc', 'C7 icpc', 'C2 icpc']);
  });
  it('leaves out what is due before --from', () => {
    expect(selectDue(results, { window: { from: '2024-07-02', to: '2024-07-28' } }).map((d) => d.result.caseId)).toEqual(['C1', 'C7', 'C2']);
  });
  it('sorts by group first when grouped', () => {
    const team: Record<string, string> = { C1: 'b', C2: 'a', C7: 'b' };
    const got = selectDue(results, { window: dueWindow('2024-06-30'), groupBy: (r) => team[r.caseId] ?? '' });
    expect(got.map((d) => `${d.group} ${d.result.caseId} ${d.result.rule}`)).toEqual(['a C2 icpc', 'b C1 icpc', 'b C1 rcpc', 'b C7 icpc']);
  });
  it('calls open what is not completed and not deemed met', () => {
    expect(results.map(isOpen)).toEqual([true, true, true, true, false, false, false, true]);
  });
});

describe('carriedColumns', () => {
  it('carries an attribute with one value on every event that has it; not one with two values', () => {
    expect(
      carriedColumns({
        id: 'C1',
        events: [
          { type: 'icpc', date: '2024-01-02', worker: 'A. Khan', team: 'North', s47: true },
          { type: 'rcpc', date: '2024-04-02', worker: 'A. Khan', team: 'South', s47: '' },
          { type: 'rcpc', date: '2024-10-02' },
        ],
      }),
    ).toEqual({ worker: 'A. Khan', s47: 'true' });
  });
});

describe('periodOf and SplitSummary', () => {
  it('names months, quarters, years and financial years (April to March)', () => {
    expect(['2024-03-31', '2024-04-01'].map((d) => periodOf(d, 'financial-year'))).toEqual(['2023/24', '2024/25']);
    expect(periodOf('1999-12-31', 'financial-year')).toBe('1999/00');
    expect(['2024-03-31', '2024-04-01', '2024-12-31'].map((d) => periodOf(d, 'quarter'))).toEqual(['2024 Q1', '2024 Q2', '2024 Q4']);
    expect(periodOf('2024-02-29', 'month')).toBe('2024-02');
    expect(periodOf('2024-02-29', 'year')).toBe('2024');
  });
  it('splits the figures by key; the parts and the left-out add up to the whole', () => {
    const p = getProcedure('cp-conference');
    const split = new SplitSummary(p, { asOf: '2024-06-30' }, p.rules, (r) => (r.due ? periodOf(r.due, 'financial-year') : undefined));
    const rs = [
      result('C1', 'icpc', 'met', '2024-03-28', { completed: { event: 'icpc', date: '2024-03-27' } }),
      result('C2', 'icpc', 'overdue', '2024-04-02'),
      result('C3', 'icpc', 'met', '2024-04-03', { completed: { event: 'icpc', date: '2024-04-03' } }),
      result('C4', 'icpc', 'pending', undefined),
    ];
    for (const r of rs) split.add(r);
    const parts = split.parts().map((x) => ({ key: x.key, icpc: x.rules.find((r) => r.rule === 'icpc')! }));
    // 2023/24: C1 (due Thu 28 Mar 2024), 1 of 1 on time; 2024/25: C2 and C3 (due 2 and 3 Apr 2024), 1 of 2 = 50%.
    expect(parts.map((x) => [x.key, x.icpc.dueByAsOf, x.icpc.onTime, x.icpc.onTimePercent])).toEqual([
      ['2023/24', 1, 1, 100],
      ['2024/25', 2, 1, 50],
    ]);
    expect(split.left).toBe(1);
  });
});
