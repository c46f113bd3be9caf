/**
 * The summary split by a key of each result: the period of its due date
 * (`--by quarter`) or a column its case carries (`--group-by worker`). Each
 * part is an ordinary `SummaryBuilder`, so its figures mean what the whole
 * summary's mean and add up to them.
 */
import type { Procedure, Result } from '../engine/index';
import { SummaryBuilder, type RuleSummary } from './audit';

/** The periods a summary can be split by. */
export const PERIOD_UNITS = ['month', 'quarter', 'year', 'financial-year'] as const;
export type PeriodUnit = (typeof PERIOD_UNITS)[number];

/**
 * The period of a day: `2024-03` (month), `2024 Q1` (calendar quarter),
 * `2024` (year), `2023/24` (financial year, 1 April to 31 March).
 *
 * @example
 * periodOf('2024-03-31', 'financial-year') // '2023/24'
 * periodOf('2024-04-01', 'financial-year') // '2024/25'
 * periodOf('2024-05-10', 'quarter')        // '2024 Q2'
 */
export function periodOf(day: string, by: PeriodUnit): string {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  switch (by) {
    case 'month':
      return day.slice(0, 7);
    case 'quarter':
      return `${year} Q${Math.ceil(month / 3)}`;
    case 'year':
      return String(year);
    case 'financial-year': {
      const start = month >= 4 ? year : year - 1;
      return `${start}/${String((start + 1) % 100).padStart(2, '0')}`;
    }
  }
}

/** One part of a split summary: its key and the per-rule figures of its results. */
export interface SummaryPart {
  key: string;
  rules: RuleSummary[];
}

/**
 * Accumulates one summary per key. A result whose key is `undefined` (no due
 * date to take a period from, a case without the column) goes to no part;
 * `left` counts them, so the parts and the left-out add up to the whole.
 *
 * @example
 * const byQuarter = new SplitSummary(procedure, { asOf }, rules, (r) => (r.due ? periodOf(r.due, 'quarter') : undefined));
 * for (const r of results) byQuarter.add(r);
 * byQuarter.parts(); // [{ key: '2024 Q1', rules: [...] }, { key: '2024 Q2', rules: [...] }]
 */
export class SplitSummary {
  private readonly builders = new Map<string, SummaryBuilder>();
  /** Results that went to no part. */
  left = 0;
  constructor(
    private readonly procedure: Procedure,
    private readonly options: { asOf: string; profile?: string },
    private readonly evaluated: readonly { id: string }[],
    private readonly key: (r: Result) => string | undefined,
  ) {}

  add(r: Result): void {
    const k = this.key(r);
    if (k === undefined) {
      this.left++;
      return;
    }
    let b = this.builders.get(k);
    if (!b) this.builders.set(k, (b = new SummaryBuilder(this.procedure, this.options, this.evaluated)));
    b.add(r);
  }

  /** The parts, sorted by key. */
  parts(): SummaryPart[] {
    return [...this.builders.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, b]) => ({ key, rules: b.summary().rules }));
  }
}
