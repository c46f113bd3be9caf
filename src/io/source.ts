/**
 * Where input comes from, written once for every reader: a file path or text
 * in memory, opened as a byte stream or read whole; the name problems give
 * it; the byte order mark; line counting; and the error thrown when a whole
 * file cannot be read.
 */
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { formatLocation, problemText, type ProblemText } from '../engine/problems';
import { TimescalesInputError } from '../errors';

/** Where a reader takes its input from: a file path, or text already in memory. */
export type InputSource = { path: string } | { text: string; name?: string };

/** What the DfE and action plan readers also take: a plain path. */
export type DfeInput = string | InputSource;

/**
 * The error thrown when a whole input file cannot be read (missing, empty,
 * bad header). It is a `TimescalesInputError`, with the file (and line and
 * column where known) and a message that starts with where, once:
 * `episodes.csv:1: missing column "DECOM" …`.
 */
export class InputFileError extends TimescalesInputError {
  constructor(
    readonly file: string,
    field: string,
    value: unknown,
    expected: string,
    message: string,
    readonly line?: number,
    readonly column?: string | number,
  ) {
    super(field, value, expected);
    this.message = message;
  }
}

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
  return { path };
}

/**
 * Opens `input` as a byte stream. Errors of a file stream are Node errors
 * (e.g. ENOENT); turn them into an `InputFileError` with `fileOpenError`.
 * @example openSource({ text: 'case_id,event,date\n' }).pipe(parser)
 */
export function openSource(input: InputSource): Readable {
  if ('path' in input) return createReadStream(input.path, { highWaterMark: 256 * 1024 });
  return Readable.from([Buffer.from(input.text, 'utf8')], { objectMode: false });
}

/**
 * Reads the whole of `input` as UTF-8 text, without a byte order mark.
 * @example await readSourceText({ text: '\ufeff<Message/>' }) // '<Message/>'
 * @throws InputFileError when the file cannot be read.
 */
export async function readSourceText(input: InputSource): Promise<string> {
  if ('text' in input) return stripBom(input.text);
  try {
    return stripBom(await readFile(input.path, 'utf8'));
  } catch (e) {
    throw fileOpenError(input.path, e as NodeJS.ErrnoException);
  }
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
