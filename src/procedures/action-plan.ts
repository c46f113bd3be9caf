/**
 * Action plan monitoring (seed 002: Windsor and Maidenhead LSCB serious case
 * review action plan, monitoring version). Each action's free-text "BY WHEN"
 * becomes a due date (the end of the named month; a range ends at its last
 * month; "Now" is the plan's date; "ongoing" has no due date) and its status a
 * completion. Reading the free text is the action-plan reader's job
 * (`action-plan-text.ts`); the rule itself is an ordinary deadline whose due
 * date is an attribute of the action.
 */
import type { ProcedureInput } from '../engine/index';
import { RBWM_SCR_ACTION_PLAN } from './documents';

const P = 'action-plan';

export const actionPlan: ProcedureInput = {
  id: P,
  title: 'Serious case review action plan monitoring',
  summary:
    'Each action of a serious case review action plan is due by its "BY WHEN" (read from the free text) and is complete, on track, due soon or overdue at the as-of date.',
  sources: [{ ...RBWM_SCR_ACTION_PLAN, section: 'Combined action plan' }],
  events: {
    'action-agreed': {
      description: 'The action was agreed in the plan (dated the plan date)',
      attributes: {
        dueBy: { type: 'date', description: 'The due date read from BY WHEN' },
        byWhen: { type: 'string', description: 'BY WHEN as written in the plan' },
        status: { type: 'string', description: 'Status as written in the plan' },
        lead: { type: 'string', description: 'Lead agency or officer' },
      },
    },
    'action-completed': { description: 'The action was completed (the date in the plan, or the plan date when none is given)' },
  },
  rules: [
    {
      id: 'action-due',
      title: 'Each action completed by its BY WHEN date',
      kind: 'deadline',
      source: {
        document: 'rbwm-scr-action-plan',
        section: 'Combined action plan',
        quote: 'ACTION REQUIRED BY WHEN LEAD OFFICERS OUTCOME TO BE ACHIEVED STATUS ● Complete ● In progress ● Delayed',
      },
      anchor: { event: 'action-agreed' },
      timing: { dueAt: { attribute: 'dueBy' } },
      completion: { event: 'action-completed', since: 'any' },
    },
  ],
  interpretations: [
    {
      topic: 'BY WHEN',
      reading: 'A named month is due on its last day; a range ("February – April 2012") on the last day of its last month; "Now" on the plan date; "Ongoing" / "Annually and ongoing" has no due date (pending, never a breach); "October 11" is October 2011.',
    },
    {
      topic: 'Completion dates',
      reading: '"Completed June 2011" is dated the last day of that month (the latest it can have been); a status "Complete" with no date is dated the plan date.',
    },
    {
      topic: 'Contradictions',
      reading: 'An action "In progress" (or ongoing, or not started) past its date should read "Delayed"; "Delayed" but not yet due; a BY WHEN that cannot be read. These are reported as data problems beside the results.',
    },
  ],
};
