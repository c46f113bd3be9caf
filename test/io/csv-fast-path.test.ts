/**
 * The CSV reader's fast path for text without double quotes must read exactly
 * what csv-parse (with the reader's options) reads, however the text is cut
 * into chunks.
 */
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UnquotedSplitter } from '../../src/io/csv';

const OPTIONS = { bom: true, relax_column_count: true, relax_quotes: true, record_delimiter: ['\r\n', '\n', '\r'] };

function viaSplitter(pieces: string[]): string[][] {
  const s = new UnquotedSplitter();
  const out: string[][] = [];
  for (const p of pieces) out.push(...s.push(p));
  out.push(...s.end());
  return out;
}

describe('UnquotedSplitter', () => {
  it('reads lines ended by LF, CRLF or CR, empty lines and a last line without an end', () => {
    expect(viaSplitter(['h,x\n\na,b\r\nc\rd'])).toEqual([['h', 'x'], [''], ['a', 'b'], ['c'], ['d']]);
    // A CRLF cut between two chunks is one line end.
    expect(viaSplitter(['a,b\r', '\nc\n'])).toEqual([['a', 'b'], ['c']]);
    // Two CRs are two line ends (an empty line between).
    expect(viaSplitter(['a\r', '\rb\n'])).toEqual([['a'], [''], ['b']]);
    expect(viaSplitter(['\r'])).toEqual([['']]);
  });

  it('agrees with csv-parse on random unquoted text cut anywhere', () => {
    const text = fc.array(fc.constantFrom('a', 'b', ',', ' ', '\n', '\r', 'é', '\t'), { maxLength: 60 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(text, fc.array(fc.nat(60), { maxLength: 5 }), (t, cuts) => {
        const points = [...new Set(cuts.map((c) => Math.min(c, t.length)))].sort((a, b) => a - b);
        const pieces: string[] = [];
        let from = 0;
        for (const p of points) {
          pieces.push(t.slice(from, p));
          from = p;
        }
        pieces.push(t.slice(from));
        expect(viaSplitter(pieces)).toEqual(parse(t, OPTIONS));
      }),
      { numRuns: 3000 },
    );
  });
});
