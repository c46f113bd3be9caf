import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CaseRecordSchema } from '../../src/engine/case';
import { type DataProblem, DataProblemSchema } from '../../src/engine/problems';
import { TimescalesInputError } from '../../src/errors';
import {
  attributeValue,
  readEventsCsv,
  streamEventsCsv,
  type EventsCsvOptions,
} from '../../src/io/events-csv';
import type { CaseChunk, ReadResult } from '../../src/io/result';
import type { InputSource } from '../../src/io/source';

const data = (name: string) => fileURLToPath(new URL(`./data/generic/${name}`, import.meta.url));

/** Reads, then checks the invariants every read must keep. */
async function read(input: InputSource, opts?: EventsCsvOptions): Promise<ReadResult> {
  const r = await readEventsCsv(input, opts);
  expect(r.counts.read).toBe(r.counts.used + r.counts.reported);
  for (const c of r.cases) expect(CaseRecordSchema.safeParse(c).success, c.id).toBe(true);
  for (const p of r.problems) expect(DataProblemSchema.safeParse(p).success, p.message).toBe(true);
  return r;
}

/** Where and what of each problem, for exact comparison. */
const where = (ps: DataProblem[]) => ps.map((p) => [p.line, p.column, p.code, p.value]);

async function thrown(p: Promise<unknown>): Promise<TimescalesInputError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(TimescalesInputError);
    return err as TimescalesInputError;
  }
  throw new Error('expected an error');
}

describe('readEventsCsv: good input', () => {
  it('reads cases, dob from any row, and unknown columns as attributes', async () => {
    const r = await read({ path: data('basic.csv') });
    // 5 data rows (lines 2–6), all usable.
    expect([r.counts.read, r.counts.used, r.counts.reported]).toEqual([5, 5, 0]);
    expect(r.problems).toEqual([]);
    expect(r.cases).toEqual([
      {
        id: 'C1', // first seen on line 2
        dateOfBirth: '2015-05-02', // given on lines 2 and 5, the same both times
        events: [
          { type: 'became-looked-after', date: '2024-03-01' }, // stage, meeting, note empty → absent
          { type: 'lac-review', date: '2024-03-27', meeting: true }, // "true" → boolean
          { type: 'lac-review', date: '2024-09-20', meeting: false, note: 'checked' }, // "FALSE" (Excel) → false
        ],
      },
      {
        id: 'C2', // first seen on line 4; its rows are not next to each other (line 5 is C1)
        events: [
          { type: 'ir-stage-raised', date: '2024-03-30T12:00', stage: '2' }, // date-time kept; "2" stays a string
          { type: 'ir-response', date: '2024-04-02T09:30:15+01:00', stage: '2' },
        ],
      },
    ]);
  });

  it('reads the same from text as from a file, naming the text in problems', async () => {
    const text = 'case_id,event,date\nC1,lac-review,2024-03-27\nC1,lac-review,2024-02-30\n';
    const r = await read({ text, name: 'pasted.csv' });
    expect(r.cases).toEqual([{ id: 'C1', events: [{ type: 'lac-review', date: '2024-03-27' }] }]);
    expect(r.problems.map((p) => [p.file, p.line])).toEqual([['pasted.csv', 3]]);
  });

  it('attribute cells: empty is absent, true/false any case are booleans, the rest stay strings as written', () => {
    expect(attributeValue('')).toBeUndefined();
    expect(attributeValue('true')).toBe(true);
    expect(attributeValue('True')).toBe(true);
    expect(attributeValue('FALSE')).toBe(false);
    expect(attributeValue('2')).toBe('2');
    expect(attributeValue(' ')).toBe(' ');
    expect(attributeValue('yes')).toBe('yes');
    expect(attributeValue('truer')).toBe('truer');
  });
});

describe('readEventsCsv: bad rows are reported with file, line, column and value', () => {
  it('reports each bad row of bad-rows.csv where it is', async () => {
    const r = await read({ path: data('bad-rows.csv') });
    // Data rows are lines 2–16 (15 rows). Used: line 2 and line 12 (2024-02-29, a leap day).
    expect([r.counts.read, r.counts.used, r.counts.reported]).toEqual([15, 2, 13]);
    expect(r.cases).toEqual([
      {
        id: 'C1',
        dateOfBirth: '2015-05-02',
        events: [
          { type: 'became-looked-after', date: '2024-03-01' },
          { type: 'lac-review', date: '2024-02-29', note: 'ok' },
        ],
      },
    ]);
    expect(where(r.problems)).toEqual([
      [3, 'date', 'invalid-date', '2023-02-30'], // 2023 is not a leap year; February has no 30th anyway
      [4, 'date', 'invalid-date', '31/12/2024'], // UK form where ISO is expected
      [5, 'date', 'invalid-date', '01/02/24'], // two-digit year
      [6, 'date', 'invalid-date', '24-02-01'], // two-digit year, ISO-like
      [7, 'event', 'missing-value', ''],
      [8, 'case_id', 'missing-value', ''],
      [9, 'date', 'missing-value', ''],
      [10, undefined, 'wrong-column-count', 'C1,lac-review,2024-03-27'], // 3 cells, header has 5
      [11, undefined, 'wrong-column-count', 'C1,lac-review,2024-03-27,,,extra'], // 6 cells
      [13, 'date', 'invalid-date', '2024-04-31'], // April has 30 days
      [14, 'dob', 'invalid-date', '1900-02-29'], // 1900: century not divisible by 400
      [15, 'date', 'invalid-date', ' 2024-03-27'], // leading space
      [16, 'case_id', 'missing-value', ''], // one row, three problems
      [16, 'event', 'missing-value', ''],
      [16, 'date', 'invalid-date', '2024-13-01'], // no month 13
    ]);
    expect(r.problems.every((p) => p.file === data('bad-rows.csv') && p.severity === 'error')).toBe(true);
    const byLine = (line: number) => r.problems.find((p) => p.line === line)!;
    expect(byLine(3).caseId).toBe('C1');
    expect(byLine(3).message).toContain('that day does not exist');
    expect(byLine(4).message).toContain('--date-format dd/mm/yyyy');
    expect(byLine(5).message).toContain('two-digit years are not accepted');
    expect(byLine(6).message).toContain('two-digit years are not accepted');
    expect(byLine(8).caseId).toBeUndefined();
    expect(byLine(10).message).toContain('row has 3 cells but the header has 5 columns');
    expect(byLine(11).message).toContain('row has 6 cells but the header has 5 columns');
    expect(byLine(14).caseId).toBe('C2');
    expect(byLine(15).message).toContain('spaces around it');
  });

  it('reads UK dates with dateFormat dd/mm/yyyy, and reports what does not fit', async () => {
    const r = await read({ path: data('uk-dates.csv') }, { dateFormat: 'dd/mm/yyyy' });
    // Lines 2–8: 7 rows; lines 2, 3 and 7 fit.
    expect([r.counts.read, r.counts.used, r.counts.reported]).toEqual([7, 3, 4]);
    expect(r.cases).toEqual([
      {
        id: 'C1',
        dateOfBirth: '2015-05-02', // 02/05/2015 = 2 May 2015
        events: [
          { type: 'became-looked-after', date: '2024-03-01' }, // 01/03/2024 = 1 March
          { type: 'lac-review', date: '2024-03-27' }, // 27/3/2024: leading zero optional
          { type: 'lac-review', date: '2024-03-30T12:00' }, // 30/03/2024 12:00
        ],
      },
    ]);
    expect(where(r.problems)).toEqual([
      [4, 'date', 'invalid-date', '31/12/24'], // two-digit year
      [5, 'date', 'invalid-date', '2024-03-27'], // ISO where UK is expected
      [6, 'date', 'invalid-date', '29/02/2023'], // 2023 not leap
      [8, 'date', 'invalid-date', '12/31/2024'], // US order: month 31
    ]);
    expect(r.problems[0].message).toContain('two-digit');
    expect(r.problems[1].message).toContain('--date-format iso');
  });

  it('conflicting dobs: a warning on the later row, the row used, the case without a dob', async () => {
    const r = await read({ path: data('conflicting-dob.csv') });
    expect([r.counts.read, r.counts.used, r.counts.reported]).toEqual([5, 5, 0]);
    expect(r.cases.map((c) => [c.id, c.dateOfBirth, c.events.length])).toEqual([
      ['C1', undefined, 3], // 2015-05-02 (line 2) vs 2015-05-03 (line 4)
      ['C2', '2016-01-01', 2], // the same dob twice is no conflict
    ]);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({
      code: 'conflicting-date-of-birth',
      severity: 'warning',
      caseId: 'C1',
      line: 4,
      column: 'dob',
      value: '2015-05-03',
    });
    expect(r.problems[0].message).toContain('line 2');
  });

  it('an unclosed quote swallows the rest of the file as one reported row', async () => {
    const text = 'case_id,event,date,note\nC1,a,2024-01-01,\nC1,b,2024-01-02,"never closed\nC1,c,2024-01-03,\n';
    const r = await read({ text });
    expect([r.counts.read, r.counts.used, r.counts.reported]).toEqual([2, 1, 1]);
    expect(r.cases).toEqual([{ id: 'C1', events: [{ type: 'a', date: '2024-01-01' }] }]);
    expect(where(r.problems)).toEqual([[3, 'note', 'unclosed-quote', undefined]]);
  });
});

describe('readEventsCsv: file-level input', () => {
  it('empty file → a clear error naming the file', async () => {
    const err = await thrown(readEventsCsv({ path: data('empty.csv') }));
    expect(err.message).toBe(`${data('empty.csv')}: file is empty: expected a header row with case_id,event,date`);
  });

  it('blank lines only count as empty', async () => {
    for (const text of ['\n\n\n', '\r\n\r\n', '  \n\n']) {
      const err = await thrown(readEventsCsv({ text, name: 'blank.csv' }));
      expect(err.message).toBe('blank.csv: file is empty: expected a header row with case_id,event,date');
    }
  });

  it('header only → zero cases, zero problems', async () => {
    const r = await read({ path: data('header-only.csv') });
    expect(r).toEqual({ cases: [], problems: [], counts: { read: 0, used: 0, reported: 0 } });
    // and without the final line break
    expect((await read({ text: 'case_id,event,date' })).counts.read).toBe(0);
  });

  it('missing column → an error naming the file and the column', async () => {
    const err = await thrown(readEventsCsv({ path: data('missing-column.csv') }));
    expect(err.message).toContain(data('missing-column.csv'));
    expect(err.message).toContain('missing column "date"');
    expect(err.message).toContain('found case_id,event,when');
    expect(err).toMatchObject({ file: data('missing-column.csv'), line: 1, column: 'date' });
  });

  it('semicolon-separated file → the missing-column error says so', async () => {
    const err = await thrown(readEventsCsv({ text: 'case_id;event;date\nC1;a;2024-01-01\n', name: 's.csv' }));
    expect(err.message).toContain('missing column "case_id"');
    expect(err.message).toContain('";" between columns');
  });

  it('duplicate, blank or reserved header names → an error', async () => {
    expect((await thrown(readEventsCsv({ text: 'case_id,event,date,date\n' }))).message).toContain('"date" appears twice');
    expect((await thrown(readEventsCsv({ text: 'case_id,event,date,\n' }))).message).toContain('column 4 of the header has no name');
    expect((await thrown(readEventsCsv({ text: 'case_id,event,date,type\n' }))).message).toContain('"type" cannot be a column name');
    expect((await thrown(readEventsCsv({ text: 'case_id,event,date,__proto__\n' }))).message).toContain('"__proto__" cannot be a column name');
  });

  it('a missing file → an error naming the path', async () => {
    const err = await thrown(readEventsCsv({ path: data('no-such-file.csv') }));
    expect(err.message).toBe(`${data('no-such-file.csv')}: cannot read the file (no such file or directory)`);
  });

  it('BOM and CRLF: header found, line numbers right', async () => {
    const bytes = readFileSync(data('bom-crlf.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the file really has a BOM
    expect(bytes.includes('\r\n')).toBe(true); // and CRLF line ends
    const r = await read({ path: data('bom-crlf.csv') });
    expect([r.counts.read, r.counts.used, r.counts.reported]).toEqual([2, 1, 1]);
    expect(r.cases).toEqual([{ id: 'C1', events: [{ type: 'lac-review', date: '2024-03-27' }] }]);
    expect(where(r.problems)).toEqual([[3, 'date', 'invalid-date', '2024-13-27']]);
  });

  it('quoted fields with commas, quotes and line breaks; line numbers count physical lines', async () => {
    const r = await read({ path: data('quoted.csv') });
    // Records start on lines 2, 3 (to 5), 6, 7, 8 (to 9), 10.
    expect([r.counts.read, r.counts.used, r.counts.reported]).toEqual([6, 4, 2]);
    expect(r.cases).toEqual([
      {
        id: 'C1',
        events: [
          { type: 'lac-review', date: '2024-03-27', note: 'Smith, J. said "fine"' },
          { type: 'lac-review', date: '2024-04-10', note: 'line one\nline two, with comma\nline three' },
        ],
      },
      {
        id: 'C2', // "C2" quoted is C2
        events: [
          { type: 'became-looked-after', date: '2024-05-01' },
          { type: 'lac-review', date: '2024-05-03', note: '=HYPERLINK("http://x")' }, // a reader keeps data as written
        ],
      },
    ]);
    expect(where(r.problems)).toEqual([
      [8, 'date', 'invalid-date', '2024-02-30'],
      [10, 'date', 'invalid-date', '2024-13-01'],
    ]);
  });

  it('the same quoted file with CRLF line ends gives the same line numbers', async () => {
    const text = readFileSync(data('quoted.csv'), 'utf8').replace(/\n/g, '\r\n');
    const r = await read({ text });
    expect([r.counts.read, r.counts.used, r.counts.reported]).toEqual([6, 4, 2]);
    expect(where(r.problems).map((p) => p[0])).toEqual([8, 10]);
    // line breaks inside a quoted field are kept as written
    expect(r.cases[0].events[1].note).toBe('line one\r\nline two, with comma\r\nline three');
  });

  it('blank lines are skipped and not counted, but still counted as lines', async () => {
    const text = 'case_id,event,date\n\nC1,a,2024-01-01\n\n\nC1,b,2024-02-30\n';
    const r = await read({ text });
    expect([r.counts.read, r.counts.used, r.counts.reported]).toEqual([2, 1, 1]);
    expect(where(r.problems)).toEqual([[6, 'date', 'invalid-date', '2024-02-30']]); // header 1, blank 2, row 3, blank 4–5, row 6
  });

  it('very long lines: a 100 kB attribute cell', async () => {
    const big = 'x'.repeat(100_000);
    const text = `case_id,event,date,note\nC1,a,2024-01-01,${big}\nC1,b,2024-01-02,"${big}\n${big}"\nC1,c,2023-02-29,\n`;
    const r = await read({ text });
    expect([r.counts.read, r.counts.used, r.counts.reported]).toEqual([3, 2, 1]);
    expect(r.cases[0].events[0].note).toBe(big);
    expect(r.cases[0].events[1].note).toBe(`${big}\n${big}`);
    expect(where(r.problems)).toEqual([[5, 'date', 'invalid-date', '2023-02-29']]); // rows on lines 2, 3–4, 5
  });

  it('a long file read from disk in many chunks keeps every row', async () => {
    // More than one 256 kB read: 20,000 rows of about 28 bytes, chunk ends falling inside rows.
    const rows = Array.from({ length: 20_000 }, (_, i) => `C${Math.floor(i / 10)},lac-review,2024-01-${String((i % 28) + 1).padStart(2, '0')}`);
    rows[12_345] = 'C1234,lac-review,2024-02-30';
    const dir = mkdtempSync(join(tmpdir(), 'events-csv-'));
    const path = join(dir, 'long.csv');
    writeFileSync(path, ['case_id,event,date', ...rows].join('\n'));
    expect(statSync(path).size).toBeGreaterThan(512 * 1024); // at least two 256 kB reads
    const r = await read({ path });
    rmSync(dir, { recursive: true });
    expect([r.counts.read, r.counts.used, r.counts.reported]).toEqual([20_000, 19_999, 1]);
    expect(r.cases).toHaveLength(2_000);
    expect(where(r.problems)).toEqual([[12_347, 'date', 'invalid-date', '2024-02-30']]); // row index 12,345 + header + 1-based
  });

  it('cells starting with = are read as they are (the writers neutralise them)', async () => {
    const r = await read({ text: 'case_id,event,date,note\n=C1,a,2024-01-01,=1+2\n' });
    expect(r.cases).toEqual([{ id: '=C1', events: [{ type: 'a', date: '2024-01-01', note: '=1+2' }] }]);
  });
});

describe('streamEventsCsv', () => {
  async function collect(input: InputSource) {
    const stream = streamEventsCsv(input);
    const chunks: CaseChunk[] = [];
    for await (const c of stream) chunks.push(c);
    return { chunks, counts: stream.counts };
  }

  it('yields one item per run of rows, never dropping a case that comes back', async () => {
    const { chunks, counts } = await collect({ path: data('not-contiguous.csv') });
    expect(counts).toEqual({ read: 7, used: 5, reported: 2 });
    expect(chunks.map((c) => [c.case?.id, c.case?.events.map((e) => e.type), where(c.problems)])).toEqual([
      ['A', ['x', 'y'], []], // lines 2–3
      ['B', ['x'], [[5, 'case_id', 'missing-value', '']]], // line 4; line 5 has no case id, read while B is open
      ['A', ['z'], [[6, 'case_id', 'case-not-contiguous', 'A']]], // A again on line 6
      [undefined, undefined, [[7, 'date', 'invalid-date', '2024-99-01']]], // C's only row is unusable
      ['D', ['x'], []],
    ]);
    expect(chunks[2].problems[0].severity).toBe('warning');
  });

  it('the non-streaming read of the same file merges A and has no contiguity warning', async () => {
    const r = await read({ path: data('not-contiguous.csv') });
    expect(r.cases.map((c) => [c.id, c.events.map((e) => e.type)])).toEqual([
      ['A', ['x', 'y', 'z']],
      ['B', ['x']],
      ['D', ['x']],
    ]);
    expect(where(r.problems)).toEqual([
      [5, 'case_id', 'missing-value', ''],
      [7, 'date', 'invalid-date', '2024-99-01'],
    ]);
  });

  it('gives the same cases and problems as readEventsCsv on a grouped file', async () => {
    const { chunks, counts } = await collect({ path: data('quoted.csv') });
    const r = await read({ path: data('quoted.csv') });
    expect(chunks.map((c) => c.case?.id)).toEqual(['C1', 'C2']);
    expect(counts).toEqual(r.counts);
    expect(chunks.flatMap((c) => c.problems)).toEqual(r.problems);
    expect(chunks.flatMap((c) => (c.case ? [c.case] : []))).toEqual(r.cases);
  });

  it('a row of another case, even an unusable one, ends a run', async () => {
    // bad-rows.csv: line 14 is an (unusable) row of C2 between rows of C1.
    const { chunks, counts } = await collect({ path: data('bad-rows.csv') });
    expect(counts).toEqual({ read: 15, used: 2, reported: 13 });
    expect(chunks.map((c) => [c.case?.id, c.case?.events.length])).toEqual([
      ['C1', 2], // lines 2–13: the usable lines 2 and 12
      [undefined, undefined], // line 14: C2, unusable
      [undefined, undefined], // lines 15–16: C1 again (line 15 unusable), then a row with no case id
    ]);
    expect(where(chunks[2].problems)[0]).toEqual([15, 'case_id', 'case-not-contiguous', 'C1']);
  });

  it('header only → nothing yielded; empty file → the same error as the reader', async () => {
    expect((await collect({ path: data('header-only.csv') })).chunks).toEqual([]);
    const err = await thrown(collect({ path: data('empty.csv') }));
    expect(err.message).toContain('file is empty: expected a header row with case_id,event,date');
  });

  it('can be iterated only once', async () => {
    const stream = streamEventsCsv({ text: 'case_id,event,date\n' });
    for await (const _ of stream) void _;
    expect(() => stream[Symbol.asyncIterator]()).toThrow(/only once/);
  });

  it('stopping early releases the file without error', async () => {
    const stream = streamEventsCsv({ path: data('not-contiguous.csv') });
    for await (const c of stream) {
      expect(c.case?.id).toBe('A');
      break;
    }
    expect(stream.counts.read).toBeGreaterThan(0);
  });
});
