/**
 * Reads an action plan (one row per action: `id, recommendation, action,
 * by_when, lead, status, evidence`) into `action-plan` case records: each
 * action is a case with an `action-agreed` event on the plan date (its due
 * date read from BY WHEN) and, when its status says complete, an
 * `action-completed` event. Contradictions in a row ("In progress" past its
 * date, "Delayed" not yet due, an unreadable BY WHEN) are reported as warnings.
 */
import { assessAction } from '../procedures/action-plan-text';
import { parseIsoDay } from '../calendar/index';
import type { CaseRecord, DataProblem } from '../engine/index';
import type { ReadResult } from './source';
import { readCsvTable, readSourceText, type DfeInput } from './ssda903';

export const ACTION_PLAN_COLUMNS = ['ID', 'BY_WHEN', 'STATUS'] as const;

export interface ActionPlanOptions {
  /** The date of the plan (the monitoring version): "Now" is due then, and undated completions are dated then. */
  planDate: string;
  /** The as-of date for the contradiction checks. */
  asOf: string;
}

/**
 * @example
 * const { cases, problems } = await readActionPlan('fixtures/action-plan/seed-002-actions.csv', { planDate: '2012-05-01', asOf: '2012-05-01' });
 * // cases[0] → { id: '1a', events: [{ type: 'action-agreed', date: '2012-05-01', dueBy: '2011-10-31', byWhen: 'October 11', ... }, ...] }
 */
export async function readActionPlan(input: DfeInput, opts: ActionPlanOptions): Promise<ReadResult> {
  parseIsoDay(opts.planDate, 'planDate');
  parseIsoDay(opts.asOf, 'asOf');
  const { text, name } = await readSourceText(input, 'actionPlan', 'action-plan.csv');
  const table = readCsvTable(text, name, 'action plan', ACTION_PLAN_COLUMNS);
  const problems: DataProblem[] = [...table.problems];
  const cases: CaseRecord[] = [];
  const seen = new Set<string>();
  let reported = table.read - table.rows.length;
  for (const row of table.rows) {
    const id = (row.cells.ID ?? '').trim();
    if (!id) {
      problems.push({ code: 'blank-cell', severity: 'error', file: name, line: row.line, column: 'id', value: '', message: `${name}:${row.line}: the action has no id; row not used` });
      reported++;
      continue;
    }
    if (seen.has(id)) {
      problems.push({ code: 'duplicate-case-id', severity: 'error', file: name, line: row.line, column: 'id', value: id, caseId: id, message: `${name}:${row.line}: action id ${id} appears twice; this row is not used` });
      reported++;
      continue;
    }
    seen.add(id);
    const byWhen = row.cells.BY_WHEN ?? '';
    const status = row.cells.STATUS ?? '';
    const a = assessAction({ id, by_when: byWhen, status }, opts.planDate, opts.asOf);
    for (const c of a.contradictions) {
      problems.push({ code: 'action-contradiction', severity: 'warning', file: name, line: row.line, column: 'status', value: status, caseId: id, message: `${name}:${row.line}: action ${id}: ${c}` });
    }
    const attrs: Record<string, string> = { byWhen, status, rag: a.rag };
    if (a.due) attrs.dueBy = a.due;
    if (row.cells.LEAD) attrs.lead = row.cells.LEAD;
    const events: CaseRecord['events'] = [{ type: 'action-agreed', date: opts.planDate, ...attrs }];
    const complete = a.status === 'complete' || (a.status === 'unknown' && a.byWhen.kind === 'completed');
    if (complete) events.push({ type: 'action-completed', date: a.completed ?? opts.planDate });
    cases.push({ id, events });
  }
  return { cases, problems, rowsRead: table.read, rowsUsed: table.read - reported, rowsReported: reported };
}
