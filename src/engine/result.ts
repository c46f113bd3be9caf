import type { DataProblem } from './problems';
import type { RuleKind, SourceRef, Status } from './schema';

/**
 * One occurrence of one rule for one case: what was due, when, and what happened (docs/cli.md, "Output").
 * Every result has every key below, in this order; an optional one it lacks holds `undefined`
 * (`JSON.stringify` and the writers leave it out).
 */
export interface Result {
  caseId: string;
  procedure: string;
  rule: string;
  /** What must happen, in words. */
  title: string;
  kind: RuleKind;
  /** 1 for the first occurrence of the rule in the case (the nth review of a sequence in a cycle). */
  occurrence: number;
  /** Cycles and their tasks: which sequence (1 for the first; a restart or a new period of care begins the next). */
  sequence?: number;
  /** The period the result belongs to (rules scoped to a period): its name, start date (absent when it began before the case's records) and, once it ended, end date. */
  period?: { name: string; start?: string; end?: string };
  /** What started the clock. */
  anchor: { event: string; date: string };
  /** The due date (the limit of a two-tier rule); absent for a step with no timescale. */
  due?: string;
  /** A window's opening date. */
  earliest?: string;
  /** A two-tier rule's target. */
  target?: string;
  status: Status;
  /** True for met-late, met-early and overdue. */
  breach: boolean;
  completed?: { event: string; date: string };
  /** How late, for met-late and overdue (overdue: up to the as-of date). */
  late?: { workingDays: number; days: number };
  /** For an open step with no timescale: working days from the anchor to the as-of date. */
  openWorkingDays?: number;
  /** How the result was reached, in words (C9). */
  trace: string[];
  /**
   * The rule's source, its document shown as a person reads it (`citeSource`):
   * publisher and title; `file`, for a local document, the file name of its
   * plain-text copy (an identifier, for `npm run check:sources`).
   */
  source: SourceRef & { file?: string };
  notes?: string[];
  /** The profile and the calendar used. */
  profile: string;
  calendar: string;
}

/** Results of one case, with the data problems found while reading it. */
export type Evaluation = Result[] & { problems: DataProblem[] };
