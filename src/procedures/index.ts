/**
 * The built-in procedures, and `evaluate` by procedure id.
 */
import { TimescalesInputError } from '../errors';
import {
  defineProcedure,
  evaluateProcedure,
  nearest,
  type CaseRecord,
  type EvaluateOptions,
  type Evaluation,
  type PreparedOptions,
  type Procedure,
  type ProcedureInput,
} from '../engine/index';
import { actionPlan } from './action-plan';
import { cpConference } from './cp-conference';
import { icsRecords } from './ics-records';
import { ipr } from './ipr';
import { issuesResolution } from './issues-resolution';
import { lacReview } from './lac-review';
import { strategyDiscussion } from './strategy-discussion';
import { nationalAdoption } from './national-adoption';
import { nationalAssessmentCp } from './national-assessment-cp';
import { nationalCareLeavers } from './national-care-leavers';
import { nationalComplaints } from './national-complaints';
import { nationalLookedAfter } from './national-looked-after';

/** The built-in procedures, validated: the seven local ones, then the five national ones. */
export const procedures: readonly Procedure[] = Object.freeze(
  [
    ipr,
    icsRecords,
    strategyDiscussion,
    cpConference,
    lacReview,
    issuesResolution,
    actionPlan,
    nationalLookedAfter,
    nationalAdoption,
    nationalCareLeavers,
    nationalAssessmentCp,
    nationalComplaints,
  ].map((p) => defineProcedure(p)),
);

const byId = new Map(procedures.map((p) => [p.id, p]));

/** A built-in procedure by id, or a typed error suggesting the nearest id. */
export function getProcedure(id: string): Procedure {
  const p = byId.get(id);
  if (!p) {
    const near = nearest(String(id), [...byId.keys()]);
    throw new TimescalesInputError('procedure', id, `one of ${[...byId.keys()].join(', ')}${near ? ` (did you mean "${near}"?)` : ''}`);
  }
  return p;
}

/** A procedure given by id, or as an object (validated). */
export function resolveProcedure(procedure: string | Procedure | ProcedureInput): Procedure {
  return typeof procedure === 'string' ? getProcedure(procedure) : defineProcedure(procedure);
}

/**
 * Evaluates a procedure (a built-in id, or your own) for one case at an as-of date.
 *
 * @example
 * evaluate('lac-review', { id: 'C1', events: [{ type: 'became-looked-after', date: '2024-03-01' }] }, { asOf: '2024-06-30' });
 * // → [{ rule: 'review-cycle', occurrence: 1, due: '2024-04-02', status: 'overdue', ... }] with .problems
 */
export function evaluate(
  procedure: string | Procedure | ProcedureInput,
  record: CaseRecord,
  options: EvaluateOptions | PreparedOptions,
): Evaluation {
  return evaluateProcedure(resolveProcedure(procedure), record, options);
}

export {
  ipr,
  icsRecords,
  strategyDiscussion,
  cpConference,
  lacReview,
  issuesResolution,
  actionPlan,
  nationalLookedAfter,
  nationalAdoption,
  nationalCareLeavers,
  nationalAssessmentCp,
  nationalComplaints,
};
