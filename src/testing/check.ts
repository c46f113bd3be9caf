/**
 * `checkFixture`: evaluates a fixture's case and compares the results with
 * the ones worked out by hand. Returns `{ ok: true }`, or the differences as
 * data (docs/fixtures.md, "What is compared").
 */
import { createCalendar, evaluate, type EvaluateOptions, type Evaluation, type Result, type SourceRef } from '../index';
import type { ExpectedResult, Fixture } from './schema';

/** A field of a result as the fixture states it and as the library produced it. */
export interface FieldDifference {
  field: 'due' | 'earliest' | 'status' | 'completed' | 'late';
  expected: unknown;
  actual: unknown;
}

/** What a difference says about the result the library produced. */
export interface ProducedResult {
  rule: string;
  occurrence: number;
  sequence?: number;
  title: string;
  anchor: { event: string; date: string };
  due: string | null;
  earliest?: string;
  status: string;
  completed?: string;
  late?: { workingDays: number; days: number };
  trace: string[];
  source: SourceRef;
}

export type FixtureDifference =
  /** The fixture's result was produced, with other dates or status. */
  | { kind: 'mismatch'; rule: string; occurrence: number; fields: FieldDifference[]; expected: ExpectedResult; actual: ProducedResult }
  /** The fixture expects a result the library did not produce. */
  | { kind: 'missing'; rule: string; occurrence: number; expected: ExpectedResult }
  /**
   * A result the fixture does not mention: always for a rule the fixture
   * names in `expected` or `absent`, and with `strict` for any rule.
   */
  | { kind: 'unexpected'; rule: string; occurrence: number; reason: 'not-expected' | 'absent' | 'strict'; actual: ProducedResult }
  /** The data problems differ from the fixture's `problems` (by code and rule). */
  | { kind: 'problems'; expected: Array<{ code: string; rule?: string }>; actual: Array<{ code: string; rule?: string; message: string }> }
  /** The case could not be evaluated with the fixture's options (an unknown procedure, profile or rule id). */
  | { kind: 'error'; message: string };

export type FixtureCheck = { ok: true } | { ok: false; differences: FixtureDifference[] };

export interface CheckOptions {
  /** Also report results of rules the fixture mentions nowhere. */
  strict?: boolean;
}

/** The evaluation options a fixture states. */
export function fixtureOptions(f: Fixture): EvaluateOptions {
  return {
    asOf: f.asOf,
    ...(f.profile ? { profile: f.profile } : {}),
    ...(f.calendar ? { calendar: createCalendar(f.calendar) } : {}),
    ...(f.overrides ? { overrides: f.overrides } : {}),
    ...(f.dueSoonWithin ? { dueSoonWithin: f.dueSoonWithin } : {}),
  };
}

/** Evaluates the fixture's case as the fixture says (throws on options the library refuses). */
export function evaluateFixture(f: Fixture): Evaluation {
  return evaluate(f.procedure, f.case, fixtureOptions(f));
}

function produced(r: Result): ProducedResult {
  return {
    rule: r.rule,
    occurrence: r.occurrence,
    ...(r.sequence !== undefined ? { sequence: r.sequence } : {}),
    title: r.title,
    anchor: r.anchor,
    due: r.due ?? null,
    ...(r.earliest ? { earliest: r.earliest } : {}),
    status: r.status,
    ...(r.completed ? { completed: r.completed.date } : {}),
    ...(r.late ? { late: r.late } : {}),
    trace: r.trace,
    source: r.source,
  };
}

/** The fields that differ between an expected and a produced result of the same rule and occurrence. */
function fieldsDiffering(e: ExpectedResult, r: Result): FieldDifference[] {
  const out: FieldDifference[] = [];
  const compare = (field: FieldDifference['field'], expected: unknown, actual: unknown) => {
    if (JSON.stringify(expected) !== JSON.stringify(actual)) out.push({ field, expected, actual });
  };
  compare('due', e.due ?? null, r.due ?? null);
  compare('earliest', e.earliest ?? null, r.earliest ?? null);
  compare('status', e.status, r.status);
  compare('completed', e.completed ?? null, r.completed?.date ?? null);
  if (e.late) compare('late', e.late, r.late ?? null);
  return out;
}

const sameOccurrence = (e: ExpectedResult, r: Result) => e.rule === r.rule && e.occurrence === r.occurrence && (e.sequence === undefined || e.sequence === r.sequence);

function problemKey(p: { code: string; rule?: string }): string {
  return `${p.code}\u0000${p.rule ?? ''}`;
}

/**
 * Compares what the library produces for the fixture's case with what the
 * fixture expects. Results are paired by rule and occurrence (and sequence,
 * when the fixture gives it): first those that agree in every field, then the
 * rest in order, so a difference names the result it is about.
 */
export function checkFixture(f: Fixture, options: CheckOptions = {}): FixtureCheck {
  let results: Evaluation;
  try {
    results = evaluateFixture(f);
  } catch (e) {
    return { ok: false, differences: [{ kind: 'error', message: e instanceof Error ? e.message : String(e) }] };
  }
  const differences: FixtureDifference[] = [];
  const named = new Set(f.expected.map((e) => e.rule));
  const absent = new Set(f.absent ?? []);
  const used = new Set<Result>();
  const unmatched: ExpectedResult[] = [];
  // First pass: the results that agree in every field.
  for (const e of f.expected) {
    const r = results.find((x) => !used.has(x) && sameOccurrence(e, x) && fieldsDiffering(e, x).length === 0);
    if (r) used.add(r);
    else unmatched.push(e);
  }
  // Second pass: the rest, paired in order.
  for (const e of unmatched) {
    const r = results.find((x) => !used.has(x) && sameOccurrence(e, x));
    if (!r) {
      differences.push({ kind: 'missing', rule: e.rule, occurrence: e.occurrence, expected: e });
      continue;
    }
    used.add(r);
    differences.push({ kind: 'mismatch', rule: e.rule, occurrence: e.occurrence, fields: fieldsDiffering(e, r), expected: e, actual: produced(r) });
  }
  for (const r of results) {
    if (used.has(r)) continue;
    const reason = named.has(r.rule) ? 'not-expected' : absent.has(r.rule) ? 'absent' : options.strict ? 'strict' : undefined;
    if (reason) differences.push({ kind: 'unexpected', rule: r.rule, occurrence: r.occurrence, reason, actual: produced(r) });
  }
  const expectedProblems = (f.problems ?? []).map((p) => ({ code: p.code, ...(p.rule ? { rule: p.rule } : {}) }));
  const actualProblems = results.problems.map((p) => ({ code: p.code, ...(p.rule ? { rule: p.rule } : {}), message: p.message }));
  const sortedKeys = (list: Array<{ code: string; rule?: string }>) => list.map(problemKey).sort().join('\n');
  if (sortedKeys(expectedProblems) !== sortedKeys(actualProblems)) differences.push({ kind: 'problems', expected: expectedProblems, actual: actualProblems });
  return differences.length === 0 ? { ok: true } : { ok: false, differences };
}
