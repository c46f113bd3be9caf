/**
 * The one CSV table reader (src/io/csv.ts) and its policy, the same for the
 * events CSV, the SSDA903 tables and the action plan: header names trimmed
 * and matched ignoring case, cells kept as written, blank lines skipped but
 * counted, physical line numbers, and the file refused for a bad header.
 */
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/engine/problems';
import { TimescalesInputError } from '../../src/errors';
import { readActionPlan } from '../../src/io/action-plan';
import { readCsvTable, type CsvBatch, type CsvFormat } from '../../src/io/csv';
import { readEventsCsv } from '../../src/io/events-csv';
import { readSsda903 } from '../../src/io/ssda903';

const FORMAT: CsvFormat = { name: 'the test table', required: ['case_id', 'date'], caseColumn: 'case_id', unclosedQuote: 'row' };

async function table(text: string, format: CsvFormat = FORMAT): Promise<CsvBatch> {
  const batches: CsvBatch[] = [];
  for await (const b of readCsvTable({ text, name: 't.csv' }, format)) batches.push(b);
  return { header: batches[0]!.header, rows: batches.flatMap((b) => b.rows) };
}

async function refusal(p: Promise<unknown>): Promise<TimescalesInputError & { line?: number; column?: string | number }> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(TimescalesInputError);
  return err as TimescalesInputError;
}

describe('header policy: names trimmed, matched ignoring case', () => {
  it('finds required columns whatever their case and surrounding spaces, and keeps the names as written', async () => {
    const t = await table(' Case_ID ,DATE,Note\nC1,2024-01-01,x\n');
    expect(t.header.names).toEqual(['Case_ID', 'DATE', 'Note']);
    expect([t.header.index('case_id'), t.header.index('Date'), t.header.index('NOTE'), t.header.index('other')]).toEqual([0, 1, 2, -1]);
  });

  it('is the same for every format: an events CSV, an SSDA903 table, an action plan', async () => {
    const events = await readEventsCsv({ text: 'CASE_ID,Event,DATE,Stage\nC1,lac-review,2024-03-27,2\n' });
    // The attribute is named as its header is written.
    expect(events.cases).toEqual([{ id: 'C1', events: [{ type: 'lac-review', date: '2024-03-27', Stage: '2' }] }]);
    const ssda = await readSsda903({
      header: { text: 'child,dob\nA,01/02/2010\n' },
      episodes: { text: 'Child,Decom,Rne,Dec\nA,01/03/2024,S,\n' },
      reviews: { text: ' CHILD , REVIEW \n' },
    });
    expect(ssda.cases.map((c) => c.id)).toEqual(['A#1']);
    const plan = await readActionPlan({ text: 'ID,By_When,STATUS\n1a,May 2012,Complete\n' }, { planDate: '2012-05-01', asOf: '2012-05-01' });
    expect(plan.cases.map((c) => c.id)).toEqual(['1a']);
  });

  it('refuses a name given twice (ignoring case), a column without a name and a reserved name', async () => {
    const twice = await refusal(table('case_id,date,Date\n'));
    expect(twice.message).toBe('t.csv:1: column "Date" appears twice in the header (columns 2 and 3): expected each name once');
    expect(twice.column).toBe('Date');
    const unnamed = await refusal(table('case_id,date,\n'));
    expect(unnamed.message).toBe('t.csv:1: column 3 of the header has no name: expected a name for every column; found case_id,date,');
    const reserved = await refusal(table('case_id,date,__proto__\n', { ...FORMAT, reserved: ['__proto__'] }));
    expect(reserved.message).toBe('t.csv:1: "__proto__" cannot be a column name of the test table (it is reserved); rename the column');
  });

  it('names the format and its columns when one is missing (the action plan is not called SSDA903)', async () => {
    const err = await refusal(readActionPlan({ text: 'id,by_when,lead\n1a,May 2012,X\n', name: 'plan.csv' }, { planDate: '2012-05-01', asOf: '2012-05-01' }));
    expect(err.message).toBe('plan.csv:1: missing column "status" of the action plan: expected a header row with id,by_when,status; found id,by_when,lead');
    expect([err.line, err.column]).toEqual([1, 'status']);
    const empty = await refusal(table(''));
    expect(empty.message).toBe('t.csv: file is empty: expected a header row with case_id,date');
  });
});

describe('trim policy: cells as written', () => {
  it('keeps spaces in cells, so an id or code with spaces is not the same value', async () => {
    const t = await table('case_id,date\n C1 , 2024-01-01\n');
    expect(t.rows[0]!.cells).toEqual([' C1 ', ' 2024-01-01']);
  });

  it('reports a date with spaces around it in every format, saying so', async () => {
    const events = await readEventsCsv({ text: 'case_id,event,date\nC1,a, 2024-03-27\n' });
    expect(events.problems.map((p) => [p.code, p.value])).toEqual([['invalid-date', ' 2024-03-27']]);
    expect(events.problems[0]!.message).toContain('(it has spaces around it)');
    const ssda = await readSsda903({
      header: { text: 'CHILD,DOB\nA,01/02/2010 \n' },
      episodes: { text: 'CHILD,DECOM,RNE,DEC\nA,01/03/2024,S,\n' },
      reviews: { text: 'CHILD,REVIEW\n' },
    });
    // (The header row not used, child A also gets a child-without-header warning.)
    const bad = ssda.problems.filter((p) => p.code === 'invalid-date');
    expect(bad.map((p) => [p.file, p.line, p.column, p.value])).toEqual([['header.csv', 2, 'DOB', '01/02/2010 ']]);
    expect(bad[0]!.message).toContain('(it has spaces around it)');
  });

  it('counts a cell of only spaces as blank where a value is required', async () => {
    const r = await readEventsCsv({ text: 'case_id,event,date\n  ,a,2024-03-27\n' });
    expect(r.problems.map((p) => [p.line, p.column, p.code])).toEqual([[2, 'case_id', 'missing-value']]);
  });
});

describe('rows and lines', () => {
  it('skips blank lines (empty or spaces) before and between rows, but counts them as lines', async () => {
    // line 1 blank, 2 header, 3 row, 4 spaces, 5 row
    const t = await table('\ncase_id,date\nC1,2024-01-01\n   \nC2,2024-01-02\n');
    expect(t.header.line).toBe(2);
    expect(t.rows.map((r) => [r.line, r.cells[0]])).toEqual([
      [3, 'C1'],
      [5, 'C2'],
    ]);
  });

  it('gives the same line numbers with LF, CRLF and CR line ends, counting the lines inside quoted cells', async () => {
    // header 1, row 2 with a cell over lines 2–3, row 4
    const lf = 'case_id,date,note\nC1,2024-01-01,"one\ntwo"\nC2,2024-01-02,\n';
    for (const text of [lf, lf.replace(/\n/g, '\r\n'), lf.replace(/\n/g, '\r')]) {
      expect((await table(text)).rows.map((r) => r.line)).toEqual([2, 4]);
    }
  });

  it('reads a header after a byte order mark', async () => {
    expect((await table('\ufeffcase_id,date\nC1,2024-01-01\n')).header.names).toEqual(['case_id', 'date']);
  });

  it('gives a row of the wrong width its wrong-column-count fault, naming its case', async () => {
    const t = await table('case_id,date\nC1\nC2,2024-01-01,extra\n');
    expect(t.rows.map((r) => [r.line, r.fault?.code, r.fault?.caseId, r.fault?.value])).toEqual([
      [2, 'wrong-column-count', 'C1', 'C1'],
      [3, 'wrong-column-count', 'C2', 'C2,2024-01-01,extra'],
    ]);
    expect(formatProblem(t.rows[0]!.fault!)).toBe(
      't.csv:2: the row has 1 cell but the header has 2 columns: expected one cell per column (case_id,date); the row was not used',
    );
  });

  it('an unclosed quote: one unusable row, or the file refused, as the format says', async () => {
    const text = 'case_id,date\nC1,2024-01-01\nC2,"2024-01-02\nC3,2024-01-03\n';
    const t = await table(text);
    expect(t.rows.map((r) => [r.line, r.fault?.code])).toEqual([
      [2, undefined],
      [3, 'unclosed-quote'],
    ]);
    const refused = await refusal(table(text, { ...FORMAT, unclosedQuote: 'file' }));
    expect(refused.line).toBe(3);
    expect(refused.message).toMatch(/^t\.csv:3: cannot read the CSV \(Quote Not Closed/);
  });
});
