/**
 * A fixture check in words (the `timescales test` output) and as a JUnit XML
 * report, the format CI servers read.
 */
import { create } from 'xmlbuilder2';
import type { FixtureCheck, FixtureDifference, ProducedResult } from './check';
import { faultText, type FixtureFault } from './load';

/** One fixture's outcome, as the runner reports it. */
export interface FixtureOutcome {
  name: string;
  file: string;
  check: FixtureCheck;
}

const show = (v: unknown): string => (v === null || v === undefined ? '(none)' : typeof v === 'string' ? v : JSON.stringify(v));

function producedLines(r: ProducedResult, indent: string): string[] {
  return [
    `${indent}got: due ${show(r.due)}, status ${r.status}${r.completed ? `, completed ${r.completed}` : ''}${r.late ? `, late ${r.late.workingDays} WD (${r.late.days} days)` : ''}`,
    `${indent}trace:`,
    ...r.trace.map((t) => `${indent}  ${t}`),
    `${indent}source: ${r.source.document}${r.source.section ? `, ${r.source.section}` : ''}`,
  ];
}

/** The lines that describe one difference. */
export function differenceLines(d: FixtureDifference): string[] {
  const i = '    ';
  switch (d.kind) {
    case 'mismatch': {
      const width = Math.max(...d.fields.map((f) => f.field.length)) + 1;
      return [
        `  ${d.rule} #${d.occurrence}${d.actual.sequence !== undefined ? ` (sequence ${d.actual.sequence})` : ''}: ${d.actual.title}`,
        `${i}started by ${d.actual.anchor.event} on ${d.actual.anchor.date}`,
        ...d.fields.map((f) => `${i}${`${f.field}:`.padEnd(width + 1)} expected ${show(f.expected)}, got ${show(f.actual)}`),
        ...(d.expected.note ? [`${i}fixture's arithmetic: ${d.expected.note}`] : []),
        `${i}trace of the result:`,
        ...d.actual.trace.map((t) => `${i}  ${t}`),
        `${i}source: ${d.actual.source.document}${d.actual.source.section ? `, ${d.actual.source.section}` : ''}`,
      ];
    }
    case 'missing':
      return [
        `  ${d.rule} #${d.occurrence}: expected (due ${show(d.expected.due)}, status ${d.expected.status}) but the library produced no such result`,
        ...(d.expected.note ? [`${i}fixture's arithmetic: ${d.expected.note}`] : []),
      ];
    case 'unexpected': {
      const why =
        d.reason === 'absent' ? 'the fixture lists this rule as absent' : d.reason === 'strict' ? 'the fixture does not mention this rule (--strict)' : 'the fixture does not list this occurrence';
      return [`  ${d.rule} #${d.occurrence}: produced but not expected (${why}): ${d.actual.title}`, ...producedLines(d.actual, i)];
    }
    case 'problems':
      return [
        `  data problems: expected ${d.expected.length ? d.expected.map((p) => `${p.code}${p.rule ? ` (${p.rule})` : ''}`).join(', ') : 'none'}`,
        `${i}got ${d.actual.length ? '' : 'none'}`,
        ...d.actual.map((p) => `${i}  ${p.code}${p.rule ? ` (${p.rule})` : ''}: ${p.message}`),
      ];
    case 'error':
      return [`  cannot evaluate the case: ${d.message}`];
  }
}

/** `PASS name`, or `FAIL name` and the differences. */
export function outcomeText(o: FixtureOutcome): string {
  if (o.check.ok) return `PASS ${o.name}\n`;
  return [`FAIL ${o.name}`, ...o.check.differences.flatMap(differenceLines), ''].join('\n');
}

/** A JUnit XML report: one test suite, one test case per fixture, a failure per failing fixture, an error per unreadable file. */
export function junitReport(outcomes: readonly FixtureOutcome[], faults: readonly FixtureFault[], suiteName = 'timescales fixtures'): string {
  const failures = outcomes.filter((o) => !o.check.ok && !o.check.differences.some((d) => d.kind === 'error')).length;
  const errored = outcomes.filter((o) => !o.check.ok && o.check.differences.some((d) => d.kind === 'error'));
  const faultFiles = [...new Set(faults.map((f) => f.file))];
  const tests = outcomes.length + faultFiles.length;
  const doc = create({ version: '1.0', encoding: 'UTF-8' });
  const suites = doc.ele('testsuites', { name: suiteName, tests, failures, errors: errored.length + faultFiles.length });
  const suite = suites.ele('testsuite', { name: suiteName, tests, failures, errors: errored.length + faultFiles.length, skipped: 0 });
  for (const o of outcomes) {
    const tc = suite.ele('testcase', { name: o.name, classname: o.file.replace(/\.json$/, '').split(/[\\/]/).slice(-2, -1)[0] ?? 'fixtures', file: o.file });
    if (o.check.ok) continue;
    const body = o.check.differences.flatMap(differenceLines).join('\n');
    const isError = o.check.differences.some((d) => d.kind === 'error');
    const first = o.check.differences[0]!;
    tc.ele(isError ? 'error' : 'failure', { message: first.kind === 'error' ? first.message : `${o.check.differences.length} difference(s)`, type: first.kind }).txt(body);
  }
  for (const file of faultFiles) {
    const text = faults.filter((f) => f.file === file).map(faultText).join('\n');
    suite.ele('testcase', { name: file, classname: 'unreadable', file }).ele('error', { message: 'unreadable fixture', type: 'unreadable' }).txt(text);
  }
  return doc.end({ prettyPrint: true });
}
