import { describe, expect, it } from 'vitest';
import { CsvLines } from '../../src/io/csv';

/** Every line of `text` as CsvLines reads it when the bytes come cut at `cuts`: [line number, cells]. */
function read(text: string, cuts: number[]): [number, string[]][] {
  const bytes = Buffer.from(text, 'utf8');
  const lines = new CsvLines({ bom: false, blankLines: 'keep' });
  const out: [number, string[]][] = [];
  let from = 0;
  for (const to of [...cuts, bytes.length]) {
    lines.push(bytes.subarray(from, to));
    from = to;
    while (lines.next()) out.push([lines.line, lines.cells()]);
  }
  lines.end();
  while (lines.next()) out.push([lines.line, lines.cells()]);
  return out;
}

describe('CsvLines: a line cut by a chunk end', () => {
  // LF, CRLF and lone CR endings, and a last line without one.
  const text = 'a,b\nc,d\r\ne,f\rg,h\n\ni,j\r\nk,l';
  const whole = read(text, []);

  it('reads the same lines wherever the chunks are cut', () => {
    expect(whole).toEqual([
      [1, ['a', 'b']],
      [2, ['c', 'd']],
      [3, ['e', 'f']],
      [4, ['g', 'h']],
      [5, ['']],
      [6, ['i', 'j']],
      [7, ['k', 'l']],
    ]);
    for (let a = 1; a < text.length; a++) {
      expect(read(text, [a]), `cut at ${a}`).toEqual(whole);
      for (let b = a + 1; b < text.length; b++) expect(read(text, [a, b]), `cut at ${a}, ${b}`).toEqual(whole);
    }
  });

  it('hands on the bytes not yet read, the rest of a chunk included', () => {
    const lines = new CsvLines({ bom: false });
    lines.push(Buffer.from('a,b\nc,'));
    expect(lines.next()).toBe(true);
    expect(lines.next()).toBe(false);
    lines.push(Buffer.from('d\ne,"f"\n'));
    expect(lines.rest().toString()).toBe('c,d\ne,"f"\n');
  });
});
