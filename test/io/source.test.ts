/**
 * The input module (src/io/source.ts): line counting, the byte order mark,
 * reading text, naming inputs and the error for a file that cannot be read.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TimescalesInputError } from '../../src/errors';
import { countLineBreaks, fileOpenError, InputFileError, readSourceText, sourceName, stripBom, toInputSource } from '../../src/io/source';

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
