/**
 * The results CSV writer's cached row builder must write exactly the row the
 * plain cells give: `csvRow(resultCsvCells(r))`, quoting and neutralising included.
 */
import { describe, expect, it } from 'vitest';
import { csvRow, resultCsvCells, resultCsvRowWriter, type ResultLike } from '../../src/io/write';

const source = Object.freeze({ document: 'IRO Handbook', section: '3.1' });
const base: ResultLike = {
  caseId: 'C1',
  procedure: 'lac-review',
  rule: 'review-cycle',
  occurrence: 2,
  anchor: { event: 'lac-review', date: '2024-03-27' },
  due: '2024-06-26',
  status: 'met-late',
  breach: true,
  completed: { event: 'lac-review', date: '2024-07-01' },
  late: { workingDays: 3, days: 5 },
  trace: [],
  source,
};

const cases: Array<[string, ResultLike]> = [
  ['a plain met-late row', base],
  ['no due, no completion, no lateness', { ...base, due: undefined, completed: undefined, late: undefined, status: 'pending', breach: false }],
  ['a case id with a comma and quotes', { ...base, caseId: 'A,"B"' }],
  ['a case id a spreadsheet would run', { ...base, caseId: '=HYPERLINK("x")' }],
  ['a rule and event starting with -', { ...base, rule: '-r', anchor: { event: '+e', date: '2024-03-27T09:30' } }],
  ['a source with a comma and no section', { ...base, source: Object.freeze({ document: 'Doc, "quoted"' }) }],
  ['an unfrozen source', { ...base, source: { document: '@doc', section: 'a\nb' } }],
  ['a window with an earliest date', { ...base, earliest: '2024-03-01' }],
  ['negative lateness stays a number', { ...base, late: { workingDays: -1, days: -2 } }],
];

describe('resultCsvRowWriter', () => {
  it.each(cases)('%s', (_, r) => {
    for (const eol of ['\n', '\r\n'] as const) {
      const row = resultCsvRowWriter(eol);
      // Twice: the second time from the caches.
      expect(row(r)).toBe(csvRow(resultCsvCells(r), eol));
      expect(row(r)).toBe(csvRow(resultCsvCells(r), eol));
    }
  });

  it('keeps the rows of different results apart when one writer writes them all', () => {
    const row = resultCsvRowWriter();
    const text = cases.map(([, r]) => row(r)).join('');
    expect(text).toBe(cases.map(([, r]) => csvRow(resultCsvCells(r))).join(''));
  });
});
