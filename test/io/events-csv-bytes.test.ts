/**
 * The events CSV read from bytes (CsvLines, FastRows) must give what the
 * general path (csv-parse, readEventRow on every row) gives: the same chunks
 * from streamEventsCsv, the same index, whatever the text holds (quotes or
 * not, mixed line ends, blank lines, a BOM, bad dates, blank cells, unknown
 * events, wrong cell counts, attribute columns, cases that come back).
 *
 * The general path is forced by quoting the header's case_id cell: csv-parse
 * reads `"case_id"` as `case_id`, so the text means the same, but its one chunk
 * holds a double quote and is read by csv-parse from its first byte.
 */
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CaseRecordSchema, type CaseRecord } from '../../src/engine/case';
import { CsvLines } from '../../src/io/csv';
import { indexEventsCsv, readEventsCsv, streamEventsCsv, streamGroupedEventsCsv, type EventsCsvOptions } from '../../src/io/events-csv';
import type { CaseChunk, CaseStream } from '../../src/io/result';
import type { InputSource } from '../../src/io/source';

const KNOWN = ['became-looked-after', 'lac-review'];

const CELLS: Record<string, readonly string[]> = {
  case_id: ['A', 'B', 'C', ' A', 'A ', 'é', '', ' ', '\t'],
  event: ['lac-review', 'became-looked-after', 'lac-reviw', 'LAC-REVIEW', '', ' '],
  date: ['2024-03-27', '2024-02-29', '2023-02-29', '27/03/2024', '1/2/2024', '2024-03-27T10:00', '', ' 2024-03-27', '2024-13-01', '0000-01-01', '24-03-27'],
  dob: ['', '', '2015-05-02', '2016-01-01', '02/05/2015', 'bad', ' ', '2015-05-02T10:00'],
  attribute: ['', '', 'x', 'y', 'TRUE', 'true', 'False', 'é', ' ', '"a,b"', '"q""uote"'],
};

interface Sample {
  header: string[];
  rows: string[][];
  ends: string[];
  blanks: string[];
  bom: boolean;
  lastEnd: boolean;
}

const ATTRIBUTES = ['team', '2', 'Meeting', '10'];

const sample: fc.Arbitrary<Sample> = fc
  .record({
    dob: fc.boolean(),
    attributes: fc.subarray(ATTRIBUTES),
    order: fc.array(fc.nat(), { minLength: 8, maxLength: 8 }),
    caseName: fc.constantFrom('case_id', 'Case_ID'),
  })
  .chain(({ dob, attributes, order, caseName }) => {
    const columns = [caseName, 'event', 'date', ...(dob ? ['dob'] : []), ...attributes];
    // A shuffle of the columns by the random keys.
    const header = columns.map((c, i) => ({ c, k: order[i]! })).sort((a, b) => a.k - b.k).map((x) => x.c);
    const kindOf = (name: string) => (name.toLowerCase() === 'case_id' ? 'case_id' : ATTRIBUTES.includes(name) ? 'attribute' : name);
    const cell = (name: string) => fc.constantFrom(...CELLS[kindOf(name)]!);
    const row = fc.tuple(...header.map(cell)).chain((cells) =>
      fc.constantFrom<'fit' | 'short' | 'long'>('fit', 'fit', 'fit', 'fit', 'fit', 'short', 'long').map((w) => (w === 'fit' ? cells : w === 'short' ? cells.slice(0, -1) : [...cells, 'extra'])),
    );
    return fc.record({
      header: fc.constant(header),
      rows: fc.array(row, { maxLength: 25 }),
      ends: fc.array(fc.constantFrom('\n', '\n', '\r\n', '\r'), { minLength: 30, maxLength: 30 }),
      blanks: fc.array(fc.constantFrom('', '', '', '', '', '\n', '  \n', '\t\n', '\r\n'), { minLength: 30, maxLength: 30 }),
      bom: fc.boolean(),
      lastEnd: fc.boolean(),
    });
  });

/** The text of a sample; `quoted`: the header's case_id cell written in quotes. */
function textOf(s: Sample, quoted: boolean): string {
  const lines = [s.header.map((h) => (quoted && h.toLowerCase() === 'case_id' ? `"${h}"` : h)).join(','), ...s.rows.map((r) => r.join(','))];
  let text = s.bom ? '\ufeff' : '';
  lines.forEach((line, i) => {
    text += s.blanks[i % 30]! + line;
    if (i < lines.length - 1 || s.lastEnd) text += s.ends[i % 30]!;
  });
  return text;
}

/** Every chunk of a stream, with each case's (not enumerable) sources made visible, and the final counts. */
/** A record the schema accepts and gives back unchanged, to the order of keys: what the check before an evaluation would let through. */
function asTheSchemaGivesIt(record: unknown): void {
  const parsed = CaseRecordSchema.safeParse(record);
  expect(parsed.success, JSON.stringify(record)).toBe(true);
  // The same id, dob, sources and events, to the order of each event's keys (what an evaluation reads, by name,
  // and the attributes in order); the record's own keys may come in another order, and `sources` is not enumerable on it.
  const r = record as CaseRecord;
  const d = parsed.data!;
  expect([d.id, d.dateOfBirth, d.sources]).toStrictEqual([r.id, r.dateOfBirth, r.sources]);
  expect(JSON.stringify(d.events)).toBe(JSON.stringify(r.events));
  expect(d.events).toStrictEqual(r.events);
  expect(Object.keys(d).sort()).toEqual([...Object.keys(r), ...(r.sources ? ['sources'] : [])].sort());
}

async function chunksOf(stream: CaseStream): Promise<{ chunks: unknown[]; counts: unknown }> {
  const chunks: unknown[] = [];
  for await (const c of stream) {
    // The CLI evaluates these cases without checking them again (vouchForCaseRecord): the schema must take each as it is.
    if (c.case) asTheSchemaGivesIt(c.case);
    chunks.push({ ...c, sources: c.case?.sources });
  }
  return { chunks, counts: { ...stream.counts } };
}

/** The index as the CLI worked it out before the bytes reader: from the chunks of streamEventsCsv. */
async function referenceIndex(input: InputSource, options: EventsCsvOptions) {
  const attributes = { order: [] as string[], varies: new Set<string>() };
  const types = new Set<string>();
  let cases = 0;
  let grouped = true;
  const stream = streamEventsCsv(input, options);
  for await (const chunk of stream as AsyncIterable<CaseChunk>) {
    if (chunk.case) {
      cases++;
      for (const e of chunk.case.events) types.add(e.type);
      const mine = new Map<string, string>();
      for (const e of chunk.case.events) {
        for (const [k, v] of Object.entries(e)) {
          if (k === 'type' || k === 'date' || v === undefined || v === null) continue;
          const text = String(v);
          if (!attributes.order.includes(k)) attributes.order.push(k);
          const seen = mine.get(k);
          if (seen === undefined) mine.set(k, text);
          else if (seen !== text) attributes.varies.add(k);
        }
      }
    }
    for (const p of chunk.problems) if (p.code === 'case-not-contiguous' || (p.code === 'invalid-date' && p.column === 'date')) grouped = false;
  }
  return { index: { grouped, cases, types, counts: { ...stream.counts } }, attributes };
}

async function indexOf(input: InputSource, options: EventsCsvOptions) {
  const attributes = { order: [] as string[], varies: new Set<string>() };
  const index = await indexEventsCsv(input, options, attributes);
  return { index, attributes };
}

const options = fc.record({ dateFormat: fc.constantFrom<'iso' | 'dd/mm/yyyy'>('iso', 'iso', 'dd/mm/yyyy'), known: fc.boolean() }).map(
  ({ dateFormat, known }): EventsCsvOptions => ({ dateFormat, ...(known ? { knownEvents: KNOWN } : {}) }),
);

describe('the events CSV read from bytes', () => {
  it('gives the chunks and the index of the general path, on random texts', async () => {
    await fc.assert(
      fc.asyncProperty(sample, options, async (s, opts) => {
        const plain = { text: textOf(s, false), name: 'e.csv' };
        const quoted = { text: textOf(s, true), name: 'e.csv' };
        const general = await chunksOf(streamEventsCsv(quoted, opts));
        expect(await chunksOf(streamEventsCsv(plain, opts))).toEqual(general);
        const reference = await referenceIndex(quoted, opts);
        // Not grouped: the index stops at the end of the chunk where it finds out, so only `grouped` is compared.
        const same = (got: Awaited<ReturnType<typeof indexOf>>) =>
          reference.index.grouped ? expect(got).toEqual(reference) : expect(got.index.grouped).toBe(false);
        same(await indexOf(plain, opts));
        same(await indexOf(quoted, opts));
        // A file the index finds grouped streams the same without the set of case ids.
        if (reference.index.grouped) expect(await chunksOf(streamGroupedEventsCsv(plain, opts))).toEqual(general);
        // The whole read too (its rows come through readCsvTable).
        const whole = await readEventsCsv(quoted, opts).then(
          (r) => {
            // The spill gives these records (test/io/case-spill.test.ts), and the CLI vouches for them too.
            for (const c of r.cases) asTheSchemaGivesIt(c);
            return r;
          },
          (e: Error) => e.message,
        );
        expect(
          await readEventsCsv(plain, opts).then(
            (r) => r,
            (e: Error) => e.message,
          ),
        ).toEqual(whole);
      }),
      { numRuns: 400 },
    );
  });

  it('reads one case per run, with its carried columns, from bytes', async () => {
    // Line 1 header; lines 2-3 case A (team X both times: carried); line 4 blank; lines 5-6 case B (team Y, then Z: varies).
    const text = 'case_id,event,date,team,meeting\nA,lac-review,2024-03-27,X,TRUE\r\nA,lac-review,2024-04-02,X,true\n \nB,lac-review,2024-05-01,Y,\rB,lac-review,2024-05-02,Z,';
    const { index, attributes } = await indexOf({ text }, { knownEvents: KNOWN });
    expect(index).toEqual({ grouped: true, cases: 2, types: new Set(['lac-review']), counts: { read: 4, used: 4, reported: 0 } });
    expect(attributes).toEqual({ order: ['team', 'meeting'], varies: new Set(['team']) });
    const { chunks } = await chunksOf(streamEventsCsv({ text }));
    expect(chunks).toEqual([
      {
        case: { id: 'A', events: [{ type: 'lac-review', date: '2024-03-27', team: 'X', meeting: true }, { type: 'lac-review', date: '2024-04-02', team: 'X', meeting: true }] },
        problems: [],
        sources: [{ file: 'input', line: 2 }, { file: 'input', line: 3 }],
      },
      {
        case: { id: 'B', events: [{ type: 'lac-review', date: '2024-05-01', team: 'Y' }, { type: 'lac-review', date: '2024-05-02', team: 'Z' }] },
        problems: [],
        sources: [{ file: 'input', line: 5 }, { file: 'input', line: 6 }],
      },
    ]);
  });

  it('lists attribute names as Object.entries lists an event\'s keys: integer-like names first', async () => {
    const { attributes } = await indexOf({ text: 'case_id,event,date,team,10,2\nA,lac-review,2024-03-27,X,a,b\n' }, {});
    expect(attributes.order).toEqual(['2', '10', 'team']);
  });

  it('is not grouped when a case comes back, or a date of the date column cannot be read', async () => {
    const back = await indexOf({ text: 'case_id,event,date\nA,lac-review,2024-03-27\nB,lac-review,2024-03-27\nA,lac-review,2024-03-28\n' }, {});
    expect(back.index.grouped).toBe(false);
    expect(back.index.cases).toBe(3);
    const bad = await indexOf({ text: 'case_id,event,date\nA,lac-review,2024-02-30\n' }, {});
    expect(bad.index).toEqual({ grouped: false, cases: 0, types: new Set(), counts: { read: 1, used: 0, reported: 1 } });
  });

  it('hands over to csv-parse at the first chunk with a quote, far into a file', async () => {
    // About 800 kB: several 256 kB chunks without a quote, then a quoted cell in the last rows.
    const rows: string[] = [];
    for (let i = 0; i < 20000; i++) rows.push(`C${String(Math.floor(i / 4)).padStart(6, '0')},lac-review,2024-03-${String((i % 28) + 1).padStart(2, '0')},team ${i % 7}`);
    rows.push('Z1,lac-review,2024-03-01,"a, b"', 'Z1,lac-review,2024-03-02,"a, b"');
    const body = `${rows.join('\r\n')}\r\n`;
    const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'events-bytes-'));
    try {
      const path = join(dir, 'e.csv');
      writeFileSync(path, `case_id,event,date,team\r\n${body}`);
      const general = await chunksOf(streamEventsCsv({ text: `"case_id",event,date,team\r\n${body}`, name: path }));
      expect(await chunksOf(streamEventsCsv({ path }))).toEqual(general);
      const reference = await referenceIndex({ path }, {});
      expect(await indexOf({ path }, {})).toEqual(reference);
      expect(reference.index.cases).toBe(5001);
      expect(reference.attributes.varies.has('team')).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('CsvLines', () => {
  const OPTIONS = { bom: true, relax_column_count: true, relax_quotes: true, record_delimiter: ['\r\n', '\n', '\r'] };

  it('agrees with csv-parse on random unquoted bytes cut anywhere, even inside a character', () => {
    const text = fc.array(fc.constantFrom('a', 'b', ',', ' ', '\n', '\r', 'é', '€', '\t'), { maxLength: 60 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(text, fc.array(fc.nat(200), { maxLength: 6 }), (t, cuts) => {
        const bytes = Buffer.from(t, 'utf8');
        const points = [...new Set(cuts.map((c) => Math.min(c, bytes.length)))].sort((a, b) => a - b);
        const lines = new CsvLines({ bom: false, blankLines: 'keep' });
        const got: string[][] = [];
        let from = 0;
        for (const p of [...points, bytes.length]) {
          lines.push(bytes.subarray(from, p));
          from = p;
          while (lines.next()) got.push(lines.cells());
        }
        lines.end();
        while (lines.next()) got.push(lines.cells());
        expect(got).toEqual(parse(t, OPTIONS));
      }),
      { numRuns: 3000 },
    );
  });

  it('skips a BOM cut across chunks, and blank lines, counting them as lines', () => {
    const lines = new CsvLines();
    const bytes = Buffer.from('\ufeffh,x\n  \n\u00a0\na,b\r\n', 'utf8');
    const got: [number, string[]][] = [];
    for (let i = 0; i < bytes.length; i++) {
      lines.push(bytes.subarray(i, i + 1));
      while (lines.next()) got.push([lines.line, lines.cells()]);
    }
    lines.end();
    while (lines.next()) got.push([lines.line, lines.cells()]);
    // Line 2 is two spaces, line 3 a no-break space (blank for String.prototype.trim).
    expect(got).toEqual([
      [1, ['h', 'x']],
      [4, ['a', 'b']],
    ]);
  });
});
