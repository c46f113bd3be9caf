/**
 * The results CSV writer encodes rows straight into bytes (cached cells, dates
 * and numbers copied byte by byte). Whatever the results hold, the bytes it
 * writes must be those of the plain cells: the UTF-8 of
 * `csvRow(resultCsvCells(r), eol)` (with the carried cells after `source`),
 * after the header and the optional BOM.
 */
import { Writable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createResultWriter, csvRow, neutraliseCell, RESULT_CSV_COLUMNS, resultCsvCells, UTF8_BOM, type ResultLike } from '../../src/io/write';

/** A writable that keeps the chunks it is given, as bytes. */
function sink(): { out: Writable; bytes: () => Buffer } {
  const chunks: Buffer[] = [];
  const out = new Writable({
    highWaterMark: 1024,
    write(chunk: Buffer, _enc, cb) {
      chunks.push(chunk);
      cb();
    },
  });
  return { out, bytes: () => Buffer.concat(chunks) };
}

// Text a CSV writer must take care with: separators, quotes, line ends, formula starts, non-ASCII, astral characters.
const awkward = fc.constantFrom(',', '"', '\n', '\r', '\r\n', '=', '+', '-', '@', '\t', ' ', '§', 'é', '€', '😀', "'", ';', 'a', '0', '2024-06-30');
const text = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  fc.array(awkward, { maxLength: 6 }).map((parts) => parts.join('')),
);
const isoDate = fc
  .record({ y: fc.integer({ min: 1900, max: 2100 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }) })
  .map(({ y, m, d }) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
const date = fc.oneof({ weight: 4, arbitrary: isoDate }, { weight: 1, arbitrary: text });
const count = fc.oneof(fc.integer({ min: -50, max: 500 }), fc.integer(), fc.double({ noNaN: false }), fc.constant(-0));
const source = fc
  .record({ document: text, section: fc.option(text, { nil: undefined }) }, { requiredKeys: ['document'] })
  .chain((s) => fc.constantFrom(s, Object.freeze({ ...s })));

const carriedColumns = ['team', 'worker,name', '=x'];

const result = (caseIds: string[], sources: ResultLike['source'][]): fc.Arbitrary<ResultLike> =>
  fc.record(
    {
      caseId: fc.constantFrom(...caseIds),
      procedure: fc.oneof(fc.constant('lac-review'), text),
      rule: fc.oneof(fc.constantFrom('review-cycle', 'first-review'), text),
      occurrence: count,
      anchor: fc.record({ event: fc.oneof(fc.constant('lac-review'), text), date }),
      due: fc.option(date, { nil: undefined }),
      earliest: fc.option(date, { nil: undefined }),
      status: fc.oneof(fc.constantFrom('met', 'met-late', 'overdue', 'pending'), text),
      breach: fc.boolean(),
      completed: fc.option(fc.record({ event: text, date }), { nil: undefined }),
      late: fc.option(fc.record({ workingDays: count, days: count }), { nil: undefined }),
      trace: fc.constant([]),
      source: fc.oneof(fc.constantFrom(...sources), source),
      carried: fc.option(
        fc.record({ team: text, 'worker,name': text, '=x': text }, { requiredKeys: [] }),
        { nil: undefined },
      ),
    },
    { requiredKeys: ['caseId', 'procedure', 'rule', 'occurrence', 'anchor', 'status', 'breach', 'trace', 'source'] },
  );

// Several results per case id and shared sources, as an audit writes them (the writer's caches at work).
const results = fc
  .record({ caseIds: fc.array(text, { minLength: 1, maxLength: 4 }), sources: fc.array(source, { minLength: 1, maxLength: 3 }) })
  .chain(({ caseIds, sources }) => fc.array(result(caseIds, sources), { maxLength: 25 }));

/** The bytes the plain cells give. */
function expected(rs: readonly ResultLike[], eol: '\n' | '\r\n', bom: boolean, carried: readonly string[]): Buffer {
  let out = (bom ? UTF8_BOM : '') + csvRow([...RESULT_CSV_COLUMNS, ...carried], eol);
  for (const r of rs) out += csvRow([...resultCsvCells(r), ...carried.map((c) => neutraliseCell(r.carried?.[c] ?? ''))], eol);
  return Buffer.from(out);
}

describe('results CSV bytes', () => {
  it('are the bytes of csvRow(resultCsvCells(r)) for any results, eol, BOM and carried columns', async () => {
    await fc.assert(
      fc.asyncProperty(
        results,
        fc.constantFrom('\n' as const, '\r\n' as const),
        fc.boolean(),
        fc.constantFrom([], carriedColumns),
        async (rs, eol, bom, carried) => {
          const { out, bytes } = sink();
          const w = createResultWriter('csv', out, { eol, bom, carriedColumns: carried });
          for (const r of rs) await w.write(r);
          await w.end();
          expect(bytes().equals(expected(rs, eol, bom, carried))).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('are the same when the rows span many output chunks', async () => {
    // 4,000 rows of ~120 bytes: about 480 kB, so the writer hands over more than one 256 kB chunk.
    const rs: ResultLike[] = [];
    for (let i = 0; i < 4000; i++) {
      rs.push({
        caseId: i % 7 === 0 ? `=C${i >> 3},"x"` : `C${i >> 3}`,
        procedure: 'lac-review',
        rule: 'review-cycle',
        occurrence: (i % 5) + 1,
        anchor: { event: 'lac-review', date: '2024-03-27' },
        due: '2024-06-26',
        status: i % 2 ? 'met' : 'overdue',
        breach: i % 2 === 0,
        ...(i % 3 === 0 ? { late: { workingDays: i - 2000, days: i } } : {}),
        trace: [],
        source: Object.freeze({ document: 'IRO Handbook, 2010', section: '3.1' }),
        carried: { team: i % 11 ? 'Nord' : 'Süd' },
      });
    }
    const { out, bytes } = sink();
    const w = createResultWriter('csv', out, { bom: true, carriedColumns: ['team'] });
    for (const r of rs) await w.write(r);
    await w.end();
    expect(bytes().equals(expected(rs, '\n', true, ['team']))).toBe(true);
  });
});
