/**
 * The input module (src/io/source.ts): line counting, the byte order mark,
 * reading text, naming inputs and the error for a file that cannot be read.
 */
import { existsSync, mkdtempSync, readdirSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
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
  // Rows of varying length with 2-, 3- and 4-byte UTF-8 characters, so that
  // lines and characters are cut by the ends of the 256 kB chunks; 30,000
  // rows is about 1.3 MB, five chunks.
  const notes = ['plain', 'café', 'Ōtautahi', 'clef 𝄞 sign', '', 'x'.repeat(97)];
  const rowsText = (n: number, quoteAt = -1) => {
    const out = ['id,note,n'];
    for (let i = 0; i < n; i++) out.push(i === quoteAt ? `Q${i},"a, quoted\nnote",${i}` : `C${i},${notes[i % notes.length]}${i % 7 === 0 ? 'é' : ''},${i}`);
    return `${out.join('\n')}\n`;
  };
  const rows = async (input: Parameters<typeof readCsvTable>[0]) => {
    const got: [number, string[]][] = [];
    for await (const batch of readCsvTable(input, format)) for (const r of batch.rows) got.push([r.line, r.cells]);
    return got;
  };

  it('gives the bytes of the file, 256 kB at a time', async () => {
    const text = rowsText(30_000);
    const path = join(tmp, 'chunks.csv');
    writeFileSync(path, text);
    const size = Buffer.byteLength(text);
    expect(size).toBeGreaterThan(4 * CHUNK);
    const copies: Buffer[] = [];
    for await (const chunk of sourceChunks({ path })) copies.push(Buffer.from(chunk));
    // Every chunk full but the last; a 4-byte character cut by a chunk's end waits for the next chunk, so a chunk may be up to 3 bytes short.
    expect(copies.length).toBe(Math.ceil(size / CHUNK));
    for (const c of copies.slice(0, -1)) expect(c.length).toBeGreaterThan(CHUNK - 4);
    expect(Buffer.concat(copies).equals(Buffer.from(text))).toBe(true);
  });

  it('reads a file as the same text in memory does, rows cut by chunk ends and all', async () => {
    const text = rowsText(30_000);
    const path = join(tmp, 'table.csv');
    writeFileSync(path, text);
    const fromText = await rows({ text });
    expect(fromText.length).toBe(30_000);
    // The last row, C29999, on line 30,001 (the header is line 1): 29999 = 6 × 4999 + 5 → notes[5]; 29999 = 7 × 4285 + 4, so no 'é'.
    expect(fromText[29_999]).toEqual([30_001, ['C29999', 'x'.repeat(97), '29999']]);
    expect(await rows({ path })).toEqual(fromText);
  });

  it('reads a file whose first double quote comes in its third chunk as the same text does', async () => {
    const text = rowsText(30_000, 20_000); // rows average about 34 bytes, so row 20,000 starts about 690 kB in: the third chunk
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
    writeFileSync(path, rowsText(30_000));
    const chunks = sourceChunks({ path });
    expect((await chunks.next()).done).toBe(false);
    expect(openFiles()).toContain(path);
    expect(await chunks.return(undefined)).toEqual({ done: true, value: undefined });
    expect(openFiles()).not.toContain(path);
    for await (const chunk of sourceChunks({ path })) expect(chunk.length).toBeGreaterThan(0);
    expect(openFiles()).not.toContain(path);
  });
});
