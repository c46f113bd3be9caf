/**
 * The one problem vocabulary (src/engine/problems.ts), used by every reader
 * and by the engine: the codes as a closed list, the builders of the common
 * faults, and the one message shape (location once, then what is wrong, then
 * what was expected, then what happened).
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  conflictingDateOfBirth,
  DataProblemSchema,
  dataProblem,
  duplicateCaseId,
  formatLocation,
  formatProblem,
  invalidDate,
  missingValue,
  PROBLEM_CODES,
  problemText,
  ProblemCodeSchema,
  unknownEvent,
} from '../../src/engine/problems';
import { readSsda903 } from '../../src/io/ssda903';

describe('problem codes', () => {
  it('accepts every code of the list, and rejects any other', () => {
    for (const code of PROBLEM_CODES) expect(ProblemCodeSchema.safeParse(code).success, code).toBe(true);
    expect(new Set(PROBLEM_CODES).size).toBe(PROBLEM_CODES.length);
    // The names unified by issue 9 are no longer codes.
    for (const old of ['bad-row', 'blank-cell', 'conflicting-dob', 'duplicate-child-id', 'typo-code', '']) {
      expect(ProblemCodeSchema.safeParse(old).success, old).toBe(false);
      expect(DataProblemSchema.safeParse({ code: old, severity: 'error', message: 'm' }).success, old).toBe(false);
    }
    expect(DataProblemSchema.safeParse({ code: 'invalid-date', severity: 'error', message: 'm' }).success).toBe(true);
  });
});

describe('the message shape: what (why): expected …; then', () => {
  it('writes the parts in that order, leaving out the ones not given', () => {
    expect(problemText({ what: 'W', why: 'Y', expected: 'E', then: 'T' })).toBe('W (Y): expected E; T');
    expect(problemText({ what: 'W', then: 'T' })).toBe('W; T');
    expect(problemText({ what: 'W', expected: 'E' })).toBe('W: expected E');
    expect(problemText({ what: 'W' })).toBe('W');
  });

  it('builds the common faults in it, with their place and value', () => {
    const place = { file: 'e.csv', line: 3, column: 'date', caseId: 'C1' };
    expect(invalidDate(place, '2023-02-30', { expected: 'an ISO date YYYY-MM-DD that exists', why: 'that day does not exist', then: 'the row was not used' })).toEqual({
      code: 'invalid-date',
      severity: 'error',
      message: '"2023-02-30" is not a valid date (that day does not exist): expected an ISO date YYYY-MM-DD that exists; the row was not used',
      caseId: 'C1',
      file: 'e.csv',
      line: 3,
      column: 'date',
      value: '2023-02-30',
    });
    expect(missingValue({ file: 'e.csv', line: 7, column: 'event' }, '', { expected: 'an event name', then: 'the row was not used' }).message).toBe(
      'the cell is blank: expected an event name; the row was not used',
    );
    expect(unknownEvent({}, 'lac-reveiw', { of: 'lac-review', nearest: 'lac-review', then: 'the row was not used' }).message).toBe(
      '"lac-reveiw" is not an event of lac-review (did you mean "lac-review"?); the row was not used',
    );
    expect(unknownEvent({}, 'xyz', { of: 'lac-review', nearest: undefined, then: 'the row was not used' }).message).toBe('"xyz" is not an event of lac-review; the row was not used');
    const dup = duplicateCaseId({ line: 8, column: 'id' }, 'C1', { first: 'on line 1', then: 'this line is read as a separate record', severity: 'warning' });
    expect([dup.code, dup.severity, dup.caseId, dup.value, dup.message]).toEqual([
      'duplicate-case-id',
      'warning',
      'C1',
      'C1',
      'case C1 was already given on line 1; this line is read as a separate record',
    ]);
    const dob = conflictingDateOfBirth({ line: 5, column: 'DOB' }, '08/07/2013', { of: 'child B2', date: '2013-07-08', kept: '2013-07-07', at: 'on line 4', then: 'that one is used' });
    expect([dob.code, dob.severity, dob.value, dob.message]).toEqual([
      'conflicting-date-of-birth',
      'warning',
      '08/07/2013',
      'the date of birth 2013-07-08 of child B2 differs from 2013-07-07 given on line 4; that one is used',
    ]);
  });

  it('quotes a long value short in the message and cuts the value field at 200 characters', () => {
    const long = '9'.repeat(300);
    const p = invalidDate({}, long, { expected: 'a date', then: 'the row was not used' });
    expect(p.value).toBe(`${'9'.repeat(200)}… (300 characters)`);
    expect(p.message).toBe(`"${'9'.repeat(60)}…" (300 characters) is not a valid date: expected a date; the row was not used`);
  });
});

describe('the location, once', () => {
  it('is file:line:column, leaving out what is not known', () => {
    expect(formatLocation({ file: 'episodes.csv', line: 9, column: 'DECOM' })).toBe('episodes.csv:9:DECOM');
    expect(formatLocation({ file: 'x.ndjson', line: 4 })).toBe('x.ndjson:4');
    expect(formatLocation({ file: 'c.xml', column: 'Child[2]/ChildIdentifiers/LAchildID' })).toBe('c.xml:Child[2]/ChildIdentifiers/LAchildID');
    expect(formatLocation({ file: 'e.csv' })).toBe('e.csv');
  });

  it('comes before the message; a problem of the evaluation is placed by its case', () => {
    const p = dataProblem('duplicate-header-row', 'error', { file: 'header.csv', line: 6, column: 'CHILD', caseId: 'A1' }, { what: 'child A1 already has a header row at line 2', then: 'this row was not used' });
    expect(formatProblem(p)).toBe('header.csv:6:CHILD: child A1 already has a header row at line 2; this row was not used');
    expect(formatProblem({ code: 'missing-date-of-birth', severity: 'warning', caseId: 'C1', rule: 'r', message: 'r needs the date of birth' })).toBe('case C1: r needs the date of birth');
    expect(formatProblem({ code: 'rule-not-evaluated', severity: 'error', message: 'm' })).toBe('m');
  });

  it('appears once in every problem of a reader (no message repeats its file or line)', async () => {
    const messy = (name: string) => fileURLToPath(new URL(`./data/dfe/ssda903-messy/${name}`, import.meta.url));
    const r = await readSsda903({ header: messy('header.csv'), episodes: messy('episodes.csv'), reviews: messy('reviews.csv') });
    expect(r.problems.length).toBeGreaterThan(10);
    for (const p of r.problems) {
      expect(p.message, p.message).not.toContain(p.file!);
      expect(p.message, p.message).not.toMatch(new RegExp(`\\bline ${p.line}\\b`));
      expect(formatProblem(p).split(p.file!)).toHaveLength(2); // the file name exactly once
    }
  });
});
