/**
 * The summary as rows of named cells: one set of columns for the table, the
 * CSV and any other report (so that they carry the same figures), with the
 * rules not measured as rows of their own.
 */
import type { AuditSummary, RuleFigures } from './audit';

/** One column of the summary: the key of its cell and its heading. */
export interface SummaryColumn {
  key: string;
  heading: string;
}

/** The figure columns, in order (see `RuleFigures` for what each counts). */
export const FIGURE_COLUMNS: readonly SummaryColumn[] = [
  { key: 'results', heading: 'results' },
  { key: 'dueByAsOf', heading: 'due by as-of' },
  { key: 'onTime', heading: 'on time' },
  { key: 'late', heading: 'late' },
  { key: 'missed', heading: 'missed' },
  { key: 'tooEarly', heading: 'too early' },
  { key: 'doneBeforeDue', heading: 'done before due' },
  { key: 'open', heading: 'open' },
  { key: 'noTimescale', heading: 'no timescale' },
  { key: 'onTimePercent', heading: 'on time %' },
];

/** A row of the summary: text cells by column key. */
export type SummaryRecord = Record<string, string>;

/** The cells of some figures. */
export function figureCells(f: RuleFigures): SummaryRecord {
  const out: SummaryRecord = {};
  for (const c of FIGURE_COLUMNS) {
    if (c.key === 'onTimePercent') out[c.key] = f.onTimePercent === null ? '' : f.onTimePercent.toFixed(1);
    else out[c.key] = String(f[c.key as keyof RuleFigures]);
  }
  return out;
}

/**
 * The summary's columns and rows: `rule`, the figures, `measured` and `note`;
 * a rule not measured (and not evaluated) is a row with blank figures and
 * the reason in `note`.
 * @example summaryRecords(summary).rows[0] // { rule: 'review-cycle', results: '8467', dueByAsOf: '8411', ..., measured: 'yes', note: '' }
 */
export function summaryRecords(s: AuditSummary): { columns: SummaryColumn[]; rows: SummaryRecord[] } {
  const columns = [{ key: 'rule', heading: 'rule' }, ...FIGURE_COLUMNS, { key: 'measured', heading: 'measured' }, { key: 'note', heading: 'note' }];
  const reason = new Map(s.notMeasured.map((n) => [n.rule, n.reason]));
  const rows: SummaryRecord[] = s.rules.map((r) => ({
    rule: r.rule,
    ...figureCells(r),
    measured: r.measured ? 'yes' : 'no',
    note: r.measured ? '' : `not measured: ${reason.get(r.rule) ?? ''}; evaluated anyway (--all-rules)`,
  }));
  for (const n of s.notMeasured) {
    if (n.evaluated) continue;
    rows.push({ rule: n.rule, ...Object.fromEntries(FIGURE_COLUMNS.map((c) => [c.key, ''])), measured: 'no', note: `not measured: ${n.reason}` });
  }
  return { columns, rows };
}
