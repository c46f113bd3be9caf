/**
 * Evaluating a procedure for one case at an as-of date: the interpreter. It
 * runs the prepared rules in order, hands each rule kind (kinds/) what it
 * reads (the results of earlier rules; a cycle's occurrences to its tasks)
 * and keeps the results. Nothing here reads the clock, the environment or a file.
 */
import { TimescalesInputError } from '../errors';
import { CaseRecordSchema, isPlainCaseRecord, type CaseRecord } from './case';
import { CaseContext } from './context';
import { prepareCase } from './events';
import { evaluateCycle, type CycleOutcome } from './kinds/cycle';
import { evaluateCycleTask } from './kinds/cycle-task';
import { evaluateDeadline } from './kinds/deadline';
import { evaluateWindow } from './kinds/window';
import { prepareOptions, type EvaluateOptions, type PreparedOptions } from './prepare';
import type { Evaluation, Result } from './result';
import type { Procedure, ProcedureInput, Rule } from './schema';

/**
 * Evaluates a procedure for one case. Returns the results (an array) with the
 * data problems found alongside (`.problems`); never throws on a schema-valid
 * case: a rule that cannot be evaluated becomes a data problem.
 */
export function evaluateProcedure(
  procedure: Procedure | ProcedureInput,
  record: CaseRecord,
  options: EvaluateOptions | PreparedOptions,
): Evaluation {
  const prepared = options !== null && typeof options === 'object' && 'rules' in options && 'cal' in options ? options : prepareOptions(procedure, options as EvaluateOptions);
  return evaluateCase(prepared, record, true);
}

/**
 * `evaluateProcedure` with the options prepared. `check`: check the record's
 * shape first (false only for a record this package's reader built and handed
 * straight on, `VOUCHED`).
 */
export function evaluateCase(prepared: PreparedOptions, record: CaseRecord, check: boolean): Evaluation {
  const parsed = !check || isPlainCaseRecord(record) ? { success: true as const, data: record } : CaseRecordSchema.safeParse(record);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = issue.path.map((key) => (typeof key === 'number' ? `[${key}]` : `.${String(key)}`)).join('');
    let value: unknown = record;
    for (const key of issue.path) value = value && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined;
    throw new TimescalesInputError(`case${path}`, value, issue.message);
  }
  const kase = prepareCase(prepared.procedure, parsed.data, prepared.asOf.day);
  const ctx = new CaseContext(prepared, kase);
  const resultsByRule = new Map<string, Result[]>();
  const cycles = new Map<string, CycleOutcome>();
  for (const rule of prepared.rules) {
    let results: Result[];
    try {
      results = evaluateRule(ctx, rule, resultsByRule, cycles);
    } catch (err) {
      results = [];
      kase.problems.push({
        caseId: kase.id,
        procedure: prepared.procedure.id,
        rule: rule.id,
        code: 'rule-not-evaluated',
        severity: 'error',
        message: `${rule.id} could not be evaluated: ${err instanceof Error ? err.message : String(err)}`,
      });
    }
    resultsByRule.set(rule.id, results);
  }
  // Results in the procedure's order of rules, not the order of evaluation.
  const results = [] as unknown as Evaluation;
  for (const rule of prepared.procedure.rules) {
    const ofRule = resultsByRule.get(rule.id);
    if (ofRule) for (let i = 0; i < ofRule.length; i++) results.push(ofRule[i]!);
  }
  results.problems = kase.problems;
  return results;
}

/** One rule, by its kind; a cycle's outcome is kept in `cycles` for its tasks. */
function evaluateRule(ctx: CaseContext, rule: Rule, earlierResults: ReadonlyMap<string, Result[]>, cycles: Map<string, CycleOutcome>): Result[] {
  if (rule.onlyIfAnyEvent && !ctx.options.forced.has(rule.id) && !rule.onlyIfAnyEvent.some((type) => ctx.kase.byType.has(type))) return [];
  switch (rule.kind) {
    case 'deadline':
      return evaluateDeadline(ctx, rule, earlierResults);
    case 'window':
      return evaluateWindow(ctx, rule, earlierResults);
    case 'cycle': {
      const outcome = evaluateCycle(ctx, rule);
      cycles.set(rule.id, outcome);
      return outcome.results;
    }
    case 'cycle-task':
      return evaluateCycleTask(ctx, rule, cycles.get(rule.cycle));
  }
}
