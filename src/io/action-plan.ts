/**
 * Reads an action plan (one row per action: `id, recommendation, action,
 * by_when, lead, status, evidence`; `id`, `by_when` and `status` required)
 * into `action-plan` case records, with the one CSV table reader (`./csv`).
 * Each action is a case with an `action-agreed` event on the plan date (its
 * due date read from BY WHEN by `./action-plan-text`) and, when its status
 * says complete, an `action-completed` event. Contradictions in a row ("In
 * progress" past its date, "Delayed" not yet due, an unreadable BY WHEN) are
 * reported as warnings.
 */
import { parseIsoDay } from '../calendar/index';
import type { CaseRecord } from '../engine/case';
import { dataProblem, duplicateCaseId, missingValue, type DataProblem } from '../engine/problems';
import { assessAction } from './action-plan-text';
import { readCsvTable, type CsvFormat, type CsvHeader, type CsvRow } from './csv';
import { noRows, type ReadResult } from './result';
import { toInputSource, type DfeInput } from './source';

/** The columns an action plan must have (others, such as `recommendation` and `evidence`, are kept out of the cases). */
export const ACTION_PLAN_COLUMNS = ['id', 'by_when', 'status'] as const;

const ACTION_PLAN: CsvFormat = { name: 'the action plan', required: ACTION_PLAN_COLUMNS, caseColumn: 'id', unclosedQuote: 'file' };

export interface ActionPlanOptions {
  /** The date of the plan (the monitoring version): "Now" is due then, and undated completions are dated then. */
  planDate: string;
  /** The as-of date for the contradiction checks. */
  asOf: string;
}

/**
 * @example
 * const { cases, problems, counts } = await readActionPlan('fixtures/action-plan/seed-002-actions.csv', { planDate: '2012-05-01', asOf: '2012-05-01' });
 * // cases[0] → { id: '1a', events: [{ type: 'action-agreed', date: '2012-05-01', dueBy: '2011-10-31', byWhen: 'October 11', ... }, ...] }
 */
export async function readActionPlan(input: DfeInput, opts: ActionPlanOptions): Promise<ReadResult> {
  parseIsoDay(opts.planDate, 'planDate');
  parseIsoDay(opts.asOf, 'asOf');
  const source = toInputSource(input, 'actionPlan', 'action-plan.csv');
  const result: ReadResult = { cases: [], problems: [], counts: noRows(), records: ['action-agreed', 'action-completed'] };
  const firstLine = new Map<string, number>();
  for await (const { header, rows } of readCsvTable(source, ACTION_PLAN)) {
    for (const row of rows) {
      result.counts.read++;
      const problems = readAction(header, row, firstLine, opts, result.cases);
      if (problems.some((p) => p.severity === 'error')) result.counts.reported++;
      else result.counts.used++;
      for (const p of problems) result.problems.push(p);
    }
  }
  return result;
}

/** One action row: adds its case to `cases` when it can be used, and returns its problems. */
function readAction(header: CsvHeader, row: CsvRow, firstLine: Map<string, number>, opts: ActionPlanOptions, cases: CaseRecord[]): DataProblem[] {
  if (row.fault) return [row.fault];
  const cell = (column: string) => row.cells[header.index(column)] ?? '';
  const file = header.file;
  const id = cell('id');
  if (id.trim() === '') {
    return [missingValue({ file, line: row.line, column: 'id' }, id, { expected: 'an action id', then: 'the row was not used' })];
  }
  const earlier = firstLine.get(id);
  if (earlier !== undefined) {
    return [duplicateCaseId({ file, line: row.line, column: 'id' }, id, { what: `action id ${id}`, first: `on line ${earlier}`, then: 'this row was not used' })];
  }
  firstLine.set(id, row.line);
  const byWhen = cell('by_when');
  const status = cell('status');
  const lead = cell('lead');
  const a = assessAction({ id, by_when: byWhen, status }, opts.planDate, opts.asOf);
  const attrs: Record<string, string> = { byWhen, status, rag: a.rag };
  if (a.due) attrs.dueBy = a.due;
  if (lead) attrs.lead = lead;
  const events: CaseRecord['events'] = [{ type: 'action-agreed', date: opts.planDate, ...attrs }];
  const complete = a.status === 'complete' || (a.status === 'unknown' && a.byWhen.kind === 'completed');
  if (complete) events.push({ type: 'action-completed', date: a.completed ?? opts.planDate });
  cases.push({ id, events });
  return a.contradictions.map((c) =>
    dataProblem('action-contradiction', 'warning', { caseId: id, file, line: row.line, column: 'status' }, { what: `action ${id}: ${c}` }, status),
  );
}
