/** Small helpers shared by the engine tests (no expectations are computed here). */
import { expect } from 'vitest';
import { evaluateProcedure, type EvaluateOptions, type Evaluation, type Procedure, type Result } from '../../../src/index';

export type Ev = { type: string; date: string } & Record<string, string | number | boolean>;

/** Evaluates one case `C` with the given events at `asOf`. */
export function run(
  procedure: Procedure,
  events: Ev[],
  asOf: string,
  options: Omit<EvaluateOptions, 'asOf'> & { dateOfBirth?: string } = {},
): Evaluation {
  const { dateOfBirth, ...rest } = options;
  return evaluateProcedure(procedure, { id: 'C', ...(dateOfBirth ? { dateOfBirth } : {}), events }, { asOf, ...rest });
}

/** The results of one rule. */
export function of(results: Result[], rule: string): Result[] {
  return results.filter((r) => r.rule === rule);
}

/** The single result of one rule (fails the test when there is not exactly one). */
export function one(results: Result[], rule: string): Result {
  const list = of(results, rule);
  expect(list, `exactly one ${rule} result`).toHaveLength(1);
  return list[0]!;
}

/** The problem codes of an evaluation. */
export function codes(e: Evaluation): string[] {
  return e.problems.map((p) => p.code);
}
