/**
 * The input module (src/io/source.ts): line counting, the byte order mark,
 * reading text, naming inputs and the error for a file that cannot be read.
 */
import { existsSync, mkdtempSync, readdirSync, readlinkSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TimescalesInputError } from '../../src/errors';
import { readCsvTable, type CsvFormat } from '../../src/io/csv';
import { countLineBreaks, fileOpenError, InputFileError, readSourceText, sourceChunks, sourceName, stripBom, toInputSource } from '../../src/io/source';

const tmp = mkdtempSync(join(tmpdir(), 'timescales-source-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('countLineBreaks', () => {
  it('counts LF, CRLF and a lone CR once each', () => {
    expect(countLineBreaks('a\nb\nc')).toBe(2); // two LF
    expect(countLineBreaks('a\r\nb\r\nc')).toBe(2); // two CRLF, not four breaks
    expect(countLineBreaks('a\rb\rc')).toBe(2); // two lone CR (old Mac line ends)
    expect(countLineBreaks('a\r\nb\nc\rd')).toBe(3); // one of each
    expect(countLineBreaks('\n\n')).toBe(2); // blank lines are lines
    expect(countLineBreaks('')).toBe(0);
    expect(countLineBreaks('no break')).toBe(0);
  });

  it('counts only inside [from, to) when given a range', () => {
    const text = 'x\ny\r\nz\rw'; // breaks at 1 (LF), 3–4 (CRLF), 6 (CR)
    expect(countLineBreaks(text, 0, 2)).toBe(1); // 'x\n'
    expect(countLineBreaks(text, 2, 5)).toBe(1); // 'y\r\n'
    expect(countLineBreaks(text, 5, text.length)).toBe(1); // 'z\rw'
    expect(countLineBreaks(text, 2, 4)).toBe(0); // 'y\r' stops before the LF of its CRLF, which is counted once, where it ends
  });
});

describe('the byte order mark', () => {
  it('is removed once, at the start only', () => {
    expect(stripBom('\ufeffCHILD,DOB')).toBe('CHILD,DOB');
    expect(stripBom('\ufeff\ufeffx')).toBe('\ufeffx');
    expect(stripBom('a\ufeffb')).toBe('a\ufeffb');
    expect(stripBom('')).toBe('');
  });

  it('is not part of the text read, from memory or from a file', async () => {
    expect(await readSourceText({ text: '\ufeff<Message/>' })).toBe('<Message/>');
    const path = join(tmp, 'bom.xml');
    writeFileSync(path, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<Message/>\r\n')]));
    expect(await readSourceText({ path })).toBe('<Message/>\r\n');
  });
});

describe('naming and opening inputs', () => {
  it('names an input by its path, or its text by name (default: the table it stands for)', () => {
    expect(sourceName({ path: 'events.csv' })).toBe('events.csv');
    expect(sourceName({ text: 'a,b' })).toBe('input');
    expect(toInputSource({ text: 'CHILD,DOB\n' }, 'files.header', 'header.csv')).toEqual({ text: 'CHILD,DOB\n', name: 'header.csv' });
    expect(toInputSource({ text: '', name: 'mine.csv' }, 'files.header', 'header.csv')).toEqual({ text: '', name: 'mine.csv' });
    expect(toInputSource('reviews.csv', 'files.reviews', 'reviews.csv')).toEqual({ path: 'reviews.csv' });
    expect(toInputSource({ path: 'r.csv' }, 'files.reviews', 'reviews.csv')).toEqual({ path: 'r.csv' });
  });

  it('refuses what is neither a path nor text, naming the argument', () => {
    for (const bad of [undefined, 42, {}, { path: '' }, '']) {
      expect(() => toInputSource(bad as never, 'files.episodes', 'episodes.csv')).toThrow(TimescalesInputError);
      expect(() => toInputSource(bad as never, 'files.episodes', 'episodes.csv')).toThrow(/^files\.episodes: /);
    }
  });

  it('says why a file cannot be read, with the file first', async () => {
    const missing = join(tmp, 'missing.csv');
    const err = await readSourceText({ path: missing }).catch((e) => e);
    expect(err).toBeInstanceOf(InputFileError);
    expect(err.message).toBe(`${missing}: cannot read the file (no such file or directory)`);
    expect(fileOpenError(tmp, Object.assign(new Error('x'), { code: 'EISDIR' })).message).toBe(`${tmp}: cannot read the file (it is a directory)`);
  });
});

describe('sourceChunks: a file read into two buffers in turn', () => {
  const CHUNK = 256 * 1024; // the size fileChunks reads
  const format: CsvFormat = { name: 'the test table', required: ['id', 'note'], caseColumn: 'id', unclosedQuote: 'file' };
  // Rows of varying length (about 35 bytes) with 2-, 3- and 4-byte UTF-8
  // characters. Row 7,400 (about 260 kB in) is padded so that the 4 bytes of
  // '𝄞' in its note are bytes 262,142-262,145, across the first chunk's end.
  // 36,500 rows is about 1.3 MB, five chunks.
  const notes = ['plain', 'café', 'Ōtautahi', 'clef 𝄞 sign', '', 'x'.repeat(97)];
  const CUT_ROW = 7_400;
  const rowsText = (n: number, quoteAt = -1) => {
    let text = 'id,note,n\n';
    for (let i = 0; i < n; i++) {
      if (i === CUT_ROW) {
        const before = Buffer.byteLength(text) + `C${i},`.length;
        text += `C${i},${'x'.repeat(CHUNK - 2 - before)}𝄞,${i}\n`;
      } else text += i === quoteAt ? `Q${i},"a, quoted\nnote",${i}\n` : `C${i},${notes[i % notes.length]}${i % 7 === 0 ? 'é' : ''},${i}\n`;
    }
    return text;
  };
  const rows = async (input: Parameters<typeof readCsvTable>[0]) => {
    const got: [number, string[]][] = [];
    for await (const batch of readCsvTable(input, format)) for (const r of batch.rows) got.push([r.line, r.cells]);
    return got;
  };

  it('gives the bytes of the file, 256 kB at a time, a character cut by a chunk end joined to the next', async () => {
    const text = rowsText(36_500);
    const path = join(tmp, 'chunks.csv');
    writeFileSync(path, text);
    const bytes = Buffer.from(text);
    expect(bytes.subarray(CHUNK - 2, CHUNK + 2).toString()).toBe('𝄞');
    expect(bytes.length).toBeGreaterThan(4 * CHUNK);
    expect(bytes.length).toBeLessThan(5 * CHUNK);
    const copies: Buffer[] = [];
    for await (const chunk of sourceChunks({ path })) copies.push(Buffer.from(chunk));
    // One chunk per read, five reads; the first 2 bytes short (the start of '𝄞' waits for the next), the second begins with them.
    expect(copies.length).toBe(5);
    expect(copies[0]!.length).toBe(CHUNK - 2);
    expect(copies[1]!.subarray(0, 4).toString()).toBe('𝄞');
    expect(Buffer.concat(copies).equals(bytes)).toBe(true);
  });

  it('reads a file as the same text in memory does, rows and characters cut by chunk ends and all', async () => {
    const text = rowsText(36_500);
    const path = join(tmp, 'table.csv');
    writeFileSync(path, text);
    const fromText = await rows({ text });
    expect(fromText.length).toBe(36_500);
    // Row 7,400 on line 7,402 (the header is line 1), its note ending in the '𝄞' cut by the first chunk's end.
    expect(fromText[CUT_ROW]![0]).toBe(7_402);
    expect(fromText[CUT_ROW]![1][1]).toMatch(/^x{1000,}𝄞$/);
    // The last row, C36499, on line 36,501: 36499 = 6 × 6083 + 1 → notes[1]; 36499 = 7 × 5214 + 1, so no 'é'.
    expect(fromText[36_499]).toEqual([36_501, ['C36499', 'café', '36499']]);
    expect(await rows({ path })).toEqual(fromText);
  });

  it('reads a file whose first double quote comes in its third chunk as the same text does', async () => {
    const text = rowsText(36_500, 20_000); // rows average about 35 bytes, so row 20,000 starts about 700 kB in: the third chunk
    expect(Buffer.byteLength(text.slice(0, text.indexOf('"')))).toBeGreaterThan(2 * CHUNK);
    const path = join(tmp, 'quoted.csv');
    writeFileSync(path, text);
    const fromText = await rows({ text });
    expect(Buffer.byteLength(text.slice(0, text.indexOf('"')))).toBeLessThan(3 * CHUNK);
    // Row 20,000 on line 20,002; the rows after it are a line later, as the quoted note spans two lines.
    expect(fromText[20_000]).toEqual([20_002, ['Q20000', 'a, quoted\nnote', '20000']]);
    expect(fromText[20_001]![0]).toBe(20_004);
    expect(await rows({ path })).toEqual(fromText);
  });

  // Linux lists a process's open files in /proc/self/fd.
  const openFiles = () => readdirSync('/proc/self/fd').map((fd) => {
    try {
      return readlinkSync(`/proc/self/fd/${fd}`);
    } catch {
      return '';
    }
  });
  it.runIf(existsSync('/proc/self/fd'))('closes the file at its end, and when the reader stops early', async () => {
    const path = join(tmp, 'early.csv');
    writeFileSync(path, rowsText(36_500));
    const real = realpathSync(path); // what /proc/self/fd links to, were the temporary directory under a symlink
    const chunks = sourceChunks({ path });
    expect((await chunks.next()).done).toBe(false);
    expect(openFiles()).toContain(real);
    expect(await chunks.return(undefined)).toEqual({ done: true, value: undefined });
    expect(openFiles()).not.toContain(real);
    for await (const chunk of sourceChunks({ path })) expect(chunk.length).toBeGreaterThan(0);
    expect(openFiles()).not.toContain(real);
  });
});
