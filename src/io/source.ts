/**
 * Where input comes from, written once for every reader: a file path or text
 * in memory, opened as a byte stream or read whole; the name problems give
 * it; the byte order mark; line counting; and the error thrown when a whole
 * file cannot be read.
 */
import { isUtf8 } from 'node:buffer';
import { closeSync, createReadStream, openSync, readSync, statSync } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { formatLocation, problemText, type ProblemText } from '../engine/problems';
import { TimescalesInputError } from '../errors';
import { InputFileError } from './input-error';

/**
 * The encodings a file may be read in: UTF-8 (the default; a byte sequence
 * that is not UTF-8 refuses the file, naming its line, never replaced by
 * U+FFFD) or Windows-1252 (the "ANSI" of Western European Windows and Excel's
 * plain "CSV"), decoded with the platform's WHATWG `TextDecoder`.
 */
export const INPUT_ENCODINGS = ['utf-8', 'windows-1252'] as const;
export type InputEncoding = (typeof INPUT_ENCODINGS)[number];

/** Where a reader takes its input from: a file path (with its encoding, default UTF-8), or text already in memory. */
export type InputSource = { path: string; encoding?: InputEncoding } | { text: string; name?: string };

/** What the DfE and action plan readers also take: a plain path. */
export type DfeInput = string | InputSource;

export { InputFileError };

/**
 * An `InputFileError` whose message has the one shape of problems (engine/problems.ts):
 * `file:line:column: what (why): expected …; then`. `error.column` is
 * `at.column`, or `column` when the message names the column itself (a missing
 * column); `error.expected` is `text.expected`, or `expected` when the
 * message need not say it (`cannot read the CSV (…)`).
 * @example fileError({ file: 'e.csv' }, 'file', 'e.csv', { what: 'file is empty', expected: 'a header row with case_id,event,date' }).message
 * // 'e.csv: file is empty: expected a header row with case_id,event,date'
 */
export function fileError(
  at: { file: string; line?: number; column?: string | number },
  field: string,
  value: unknown,
  text: ProblemText,
  error: { column?: string | number; expected?: string } = {},
): InputFileError {
  const expected = text.expected ?? error.expected ?? 'a readable file';
  return new InputFileError(at.file, field, value, expected, `${formatLocation(at)}: ${problemText(text)}`, at.line, error.column ?? at.column);
}

/**
 * The name used for `input` in problems and errors: the path as given, or the
 * text's `name` (default `input`).
 * @example sourceName({ path: 'events.csv' }) // 'events.csv'
 * @example sourceName({ text: 'a,b' }) // 'input'
 */
export function sourceName(input: InputSource): string {
  return 'path' in input ? input.path : (input.name ?? 'input');
}

/**
 * Checks what a DfE or action plan reader was given and names nameless text
 * after the table it stands for.
 * @example toInputSource({ text: 'CHILD,DOB\n' }, 'files.header', 'header.csv') // { text: 'CHILD,DOB\n', name: 'header.csv' }
 * @example toInputSource('reviews.csv', 'files.reviews', 'reviews.csv') // { path: 'reviews.csv' }
 * @throws TimescalesInputError naming `field` when `input` is neither a path, `{ path }` nor `{ text, name? }`.
 */
export function toInputSource(input: DfeInput, field: string, defaultName: string): InputSource {
  if (typeof input === 'object' && input !== null && 'text' in input && typeof input.text === 'string') {
    return { text: input.text, name: typeof input.name === 'string' && input.name ? input.name : defaultName };
  }
  const path = typeof input === 'string' ? input : typeof input === 'object' && input !== null && 'path' in input ? input.path : undefined;
  if (typeof path !== 'string' || path === '') {
    throw new TimescalesInputError(field, input, 'a file path, { path } or { text, name }');
  }
  const encoding = typeof input === 'object' && 'encoding' in input ? input.encoding : undefined;
  if (encoding === undefined) return { path };
  return { path, encoding: checkEncoding(encoding, `${field}.encoding`) };
}

/**
 * Checks an encoding name (`utf-8`, `utf8`, `windows-1252`, `cp1252`, any letter case).
 * @example checkEncoding('UTF8', 'encoding') // 'utf-8'
 * @throws TimescalesInputError naming `field` for any other value.
 */
export function checkEncoding(value: unknown, field: string): InputEncoding {
  const key = typeof value === 'string' ? value.toLowerCase().replace(/[^a-z0-9]/g, '') : '';
  if (key === 'utf8') return 'utf-8';
  if (key === 'windows1252' || key === 'cp1252') return 'windows-1252';
  throw new TimescalesInputError(field, value, `one of ${INPUT_ENCODINGS.join(', ')}`);
}

/**
 * Opens `input` as a byte stream. Errors of a file stream are Node errors
 * (e.g. ENOENT); turn them into an `InputFileError` with `fileOpenError`.
 * @example openSource({ text: 'case_id,event,date\n' }).pipe(parser)
 */
export function openSource(input: InputSource): Readable {
  if ('path' in input) {
    const file = createReadStream(input.path, { highWaterMark: 256 * 1024 });
    const decoded = Readable.from(asUtf8(file, input, isRegularFile(input.path)), { objectMode: false });
    decoded.once('close', () => file.destroy());
    return decoded;
  }
  return Readable.from([Buffer.from(input.text, 'utf8')], { objectMode: false });
}

/**
 * The bytes of `input` in chunks, as `openSource` reads them (checked to be
 * UTF-8, or decoded from Windows-1252), but pulled: a file is read only when
 * the next chunk is asked for, into one of two buffers used in turn, so that
 * reading a UTF-8 file allocates no new buffer per chunk (the chunks of a
 * stream live long enough to be promoted, and a 100,000-child file then held
 * 35 MB of them until a full collection). A chunk with the start of a UTF-8
 * character cut by its end is joined to the next (a new buffer), and
 * Windows-1252 is decoded into a new buffer per chunk. A chunk is valid until
 * the second chunk after it is asked for: a consumer copies what it keeps
 * longer (`CsvLines` copies a line cut by a chunk's end when it is given the
 * next chunk; csv-parse, which may keep a piece, is given copies).
 * @example for await (const chunk of sourceChunks({ path: 'events.csv' })) lines.push(chunk);
 */
export function sourceChunks(input: InputSource): AsyncGenerator<Buffer> {
  if ('path' in input) {
    const regular = isRegularFile(input.path);
    return asUtf8(fileChunks(input.path, 256 * 1024, regular), input, regular);
  }
  return textChunk(input.text);
}

/** A file's bytes as UTF-8 in the input's encoding: checked (UTF-8, the default) or decoded (Windows-1252). */
function asUtf8(file: AsyncIterable<Buffer>, input: { path: string; encoding?: InputEncoding }, regular: boolean): AsyncGenerator<Buffer> {
  const encoding = input.encoding === undefined ? 'utf-8' : checkEncoding(input.encoding, 'encoding');
  return encoding === 'utf-8' ? checkedUtf8(file, input.path, regular) : fromWindows1252(file);
}

async function* textChunk(text: string): AsyncGenerator<Buffer> {
  yield Buffer.from(text, 'utf8');
}

/**
 * The bytes of the file at `path`, up to `size` at a time, read into two
 * buffers in turn (each chunk is valid until the second read after it). A
 * regular file is read from byte 0 by position, whatever the position of a
 * descriptor it is opened through (`/dev/stdin` redirected from a file shares
 * fd 0's position on macOS); a pipe, which has no positions, as it comes.
 */
async function* fileChunks(path: string, size: number, positioned: boolean): AsyncGenerator<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffers = [Buffer.allocUnsafe(size), Buffer.allocUnsafe(size)];
    let position = 0;
    for (let turn = 0; ; turn ^= 1) {
      const buffer = buffers[turn]!;
      const { bytesRead } = await handle.read(buffer, 0, size, positioned ? position : null);
      if (bytesRead === 0) return;
      position += bytesRead;
      yield bytesRead === size ? buffer : buffer.subarray(0, bytesRead);
    }
  } finally {
    await handle.close();
  }
}

/**
 * The bytes of `file`, unchanged, checked to be UTF-8 chunk by chunk (a
 * sequence cut by a chunk's end waits for the next chunk).
 * @throws InputFileError at the first byte that is not UTF-8, naming its line.
 */
async function* checkedUtf8(file: AsyncIterable<Buffer>, path: string, canReread: boolean): AsyncGenerator<Buffer> {
  let carry: Buffer | undefined;
  let offset = 0; // the bytes of the file before `body`
  // Where `body` starts, counted as the chunks go by only when the file cannot be read again (a pipe).
  let line = 1;
  let afterCr = false;
  const where = (): [number, boolean] => (canReread ? lineAt(path, offset) : [line, afterCr]);
  for await (const chunk of file) {
    const bytes = carry === undefined ? chunk : Buffer.concat([carry, chunk]);
    const cut = bytes.length - incompleteTail(bytes);
    const body = cut === bytes.length ? bytes : bytes.subarray(0, cut);
    carry = cut === bytes.length ? undefined : Buffer.from(bytes.subarray(cut));
    if (!isUtf8(body)) throw notUtf8(path, body, ...where());
    offset += body.length;
    if (!canReread && body.length > 0) {
      line += byteLineBreaks(body, 0, body.length, afterCr);
      afterCr = body[body.length - 1] === 13;
    }
    yield body;
  }
  if (carry !== undefined) throw notUtf8(path, carry, ...where());
}

/** Whether `path` is a regular file (which can be read again from its start), not a pipe or a device; false when it cannot be seen. */
export function isRegularFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * The line number of byte `offset` of the regular file at `path`, and whether
 * the byte before it is a CR (the first half of a CRLF). The file's first
 * `offset` bytes are read again to count their line breaks: only to name the
 * line of a byte that is not UTF-8, so that reading a good file counts no lines
 * (counting them cost about 0.1 s per 40 MB read). A pipe cannot be read
 * again: its lines are counted as it is read (`checkedUtf8`).
 */
function lineAt(path: string, offset: number): [line: number, afterCr: boolean] {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.allocUnsafe(256 * 1024);
    let line = 1;
    let afterCr = false;
    for (let at = 0; at < offset; ) {
      const n = readSync(fd, buf, 0, Math.min(buf.length, offset - at), at);
      if (n === 0) break;
      line += byteLineBreaks(buf, 0, n, afterCr);
      afterCr = buf[n - 1] === 13;
      at += n;
    }
    return [line, afterCr];
  } finally {
    closeSync(fd);
  }
}

/**
 * Windows-1252 bytes as text. Decoded as a stream even when whole: Node 20's
 * one-shot `TextDecoder('windows-1252').decode` reads them as ISO-8859-1
 * (0x80 gives U+0080, not €), its streaming decode does not.
 */
function windows1252(bytes: Buffer): string {
  const decoder = new TextDecoder('windows-1252');
  return decoder.decode(bytes, { stream: true }) + decoder.decode();
}

/** Windows-1252 bytes as UTF-8 bytes. */
async function* fromWindows1252(file: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  const decoder = new TextDecoder('windows-1252');
  for await (const chunk of file) yield Buffer.from(decoder.decode(chunk, { stream: true }), 'utf8');
}

/** How many bytes at the end of `bytes` begin a UTF-8 sequence that the next chunk may complete (0-3). */
function incompleteTail(bytes: Buffer): number {
  for (let back = 1; back <= 3 && back <= bytes.length; back++) {
    const b = bytes[bytes.length - back]!;
    if ((b & 0xc0) === 0x80) continue; // a continuation byte: look further back
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > back ? back : 0;
  }
  return 0;
}

/** Line breaks (LF, CRLF, lone CR) in `bytes[from, to)`; `afterCr`: the byte before `from` was a CR. */
function byteLineBreaks(bytes: Buffer, from: number, to: number, afterCr: boolean): number {
  let n = 0;
  for (let i = bytes.indexOf(10, from); i !== -1 && i < to; i = bytes.indexOf(10, i + 1)) if (!(i === from ? afterCr : bytes[i - 1] === 13)) n++;
  for (let i = bytes.indexOf(13, from); i !== -1 && i < to; i = bytes.indexOf(13, i + 1)) n++;
  return n;
}

/** The offset of the first byte of `bytes` that does not begin or continue a valid UTF-8 sequence. */
function firstInvalidUtf8(bytes: Buffer): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (need === 0) return i;
    if (need > 1 && !isUtf8(bytes.subarray(i, i + need))) return i;
    i += need;
  }
  return bytes.length;
}

function notUtf8(path: string, bytes: Buffer, line: number, afterCr: boolean): InputFileError {
  if (line === 1 && bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    return fileError({ file: path, line: 1 }, 'file', path, { what: 'the file is not UTF-8 text', why: 'it looks like UTF-16', then: 'save it as UTF-8 (Excel: "CSV UTF-8")' }, { expected: 'UTF-8 text' });
  }
  const at = firstInvalidUtf8(bytes);
  const lineStart = at === 0 ? -1 : Math.max(bytes.lastIndexOf(10, at - 1), bytes.lastIndexOf(13, at - 1));
  // The byte's place in its line is known when the line starts in `bytes` (or `bytes` is the file's start).
  const which = lineStart >= 0 || (line === 1 && !afterCr) ? `byte ${at - lineStart} of the line` : 'a byte of the line';
  const where = line + byteLineBreaks(bytes, 0, at, afterCr);
  const hex = `0x${(bytes[at] ?? 0).toString(16).toUpperCase().padStart(2, '0')}`;
  return fileError(
    { file: path, line: where },
    'file',
    path,
    {
      what: `the file is not UTF-8 text: ${which} (${hex}) is not UTF-8`,
      why: 'no value is read with a replacement character, so two different ids never become one',
      then: 'convert it (`iconv -f windows-1252 -t utf-8 in.csv > out.csv`) or read it as Windows-1252 (--encoding windows-1252)',
    },
    { expected: 'UTF-8 text' },
  );
}

/**
 * Reads the whole of `input` as UTF-8 text, without a byte order mark.
 * @example await readSourceText({ text: '\ufeff<Message/>' }) // '<Message/>'
 * @throws InputFileError when the file cannot be read.
 */
export async function readSourceText(input: InputSource): Promise<string> {
  if ('text' in input) return stripBom(input.text);
  let bytes: Buffer;
  try {
    bytes = await readFile(input.path);
  } catch (e) {
    throw fileOpenError(input.path, e as NodeJS.ErrnoException);
  }
  const encoding = input.encoding === undefined ? 'utf-8' : checkEncoding(input.encoding, 'encoding');
  if (encoding === 'windows-1252') return stripBom(windows1252(bytes));
  if (!isUtf8(bytes)) throw notUtf8(input.path, bytes, 1, false);
  return stripBom(bytes.toString('utf8'));
}

/**
 * The `InputFileError` for a file that could not be opened or read.
 * @example fileOpenError('x.csv', enoent).message // 'x.csv: cannot read the file (no such file or directory)'
 */
export function fileOpenError(path: string, err: NodeJS.ErrnoException): InputFileError {
  if (err instanceof InputFileError) return err;
  const why =
    err.code === 'ENOENT'
      ? 'no such file or directory'
      : err.code === 'EISDIR'
        ? 'it is a directory'
        : err.code === 'EACCES'
          ? 'permission denied'
          : err.message;
  return fileError({ file: path }, 'file', path, { what: 'cannot read the file', why });
}

/**
 * Text without a leading byte order mark (U+FEFF).
 * @example stripBom('\ufeffCHILD,DOB') // 'CHILD,DOB'
 */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * The number of line breaks in `text` (or in `text[from, to)`): LF, CRLF and a
 * lone CR each count once. Line numbers of every reader are counted with it.
 * @example countLineBreaks('a\nb\r\nc\rd') // 3
 * @example countLineBreaks('no break') // 0
 */
export function countLineBreaks(text: string, from = 0, to = text.length): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) n++;
  for (let i = text.indexOf('\r', from); i !== -1 && i < to; i = text.indexOf('\r', i + 1)) if (text.charCodeAt(i + 1) !== 10) n++;
  return n;
}
