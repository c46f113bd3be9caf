/**
 * The worklist selection (audit/due.ts) and the split summaries
 * (audit/split.ts), on results written by hand. Dates checked with `cal`:
 * Sun 30 Jun 2024 + 28 days → Sun 28 Jul 2024 (30 + 28 = 58; June has 30 days → 28 July).
 */
import { describe, expect, it } from 'vitest';
import { dueWindow, getProcedure, isOpen, selectDue, type Result, type Status } from '../../src/index';

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
