/**
 * The one CSV table reader of every CSV format (events CSV, the SSDA903
 * tables, the action plan), streaming, on csv-parse; text without double
 * quotes is scanned as bytes by `CsvLines` (cells as offsets, read exactly as
 * csv-parse reads them), until the first chunk with a quote. Its policy
 * (docs/data-formats.md, "CSV input"):
 *
 * - UTF-8 with or without BOM; LF, CRLF or CR line ends, mixed freely within
 *   one file (each line's own end is taken); RFC 4180 quoting
 *   (quoted fields may hold commas, quotes as `""`, and line breaks, kept as
 *   written). A stray quote inside an unquoted field is a literal character.
 * - Blank lines (empty, or only spaces) are skipped; they are not rows. The
 *   first other line is the header row.
 * - Header names are trimmed and matched ignoring case. Every column needs a
 *   name, no name may appear twice (ignoring case), the format's required
 *   columns must be there and its reserved names may not: otherwise the whole
 *   file is refused with an `InputFileError`. Other columns are allowed.
 * - Cells are kept exactly as written: nothing is trimmed, so a date with a
 *   space before it is reported by the format that reads it. A cell of only
 *   spaces counts as blank where a value is required.
 * - Line numbers are 1-based physical lines (the header is line 1 unless blank
 *   lines come before it); a row with a quoted multi-line cell is named by its
 *   first line.
 * - A row with more or fewer cells than the header is not a row of the table:
 *   it comes with a `wrong-column-count` fault. A quote that is never closed
 *   swallows the rest of the file: the format says whether that is one
 *   unusable row (`unclosed-quote` fault) or refuses the file.
 */
import { parse } from 'csv-parse';
import { clip, dataProblem, type DataProblem } from '../engine/problems';
import { TimescalesInputError } from '../errors';
import { countLineBreaks, fileError, fileOpenError, type InputFileError, type InputSource, sourceChunks, sourceName } from './source';

/** What a CSV format asks of its table. */
export interface CsvFormat {
  /** The format as messages name it: `the events CSV`, `the SSDA903 episodes table`, `the action plan`. */
  name: string;
  /** Columns that must be present, written as the documentation writes them. */
  required: readonly string[];
  /** Names a column may not have (compared ignoring case). */
  reserved?: readonly string[];
  /** The column that names a row's case, so that a faulty row's problem can name it too. */
  caseColumn?: string;
  /** A quote never closed: one unusable row (`row`), or the whole file refused (`file`). */
  unclosedQuote: 'row' | 'file';
}

/** The header row of a table. */
export interface CsvHeader {
  file: string;
  line: number;
  /** Column names as written, trimmed. */
  names: readonly string[];
  /** The index of a column, its name matched ignoring case; -1 when the table has no such column. */
  index(name: string): number;
}

/** A data row: its first physical line, its cells as written, and its fault when it cannot be read as a row of the table. */
export interface CsvRow {
  line: number;
  cells: string[];
  fault: DataProblem | undefined;
}

/** The rows read from one chunk of input, with the header they belong to. */
export interface CsvBatch {
  header: CsvHeader;
  rows: CsvRow[];
}

/**
 * What the scanner gives for one chunk of input, after the header row: the
 * lines of unquoted text as byte offsets (`lines`: call `lines.next()` until
 * it says false; blank lines are already skipped), or, once the file has shown
 * a double quote, the rows csv-parse read (`rows`).
 */
export type CsvScan = { header: CsvHeader; lines: CsvLines; rows?: undefined } | { header: CsvHeader; rows: CsvRow[]; lines?: undefined };

/**
 * Reads a CSV table in batches (one per chunk read, so that memory stays
 * bounded by a chunk), after checking its header row. Every chunk from the
 * header on gives a batch, possibly without rows, so a table with a header
 * and no rows still gives its header.
 * @example
 * for await (const { header, rows } of readCsvTable({ text: 'CHILD,DOB\nA,01/02/2010\n' }, format)) …
 * // header.index('child') === 0; rows: [{ line: 2, cells: ['A', '01/02/2010'], fault: undefined }]
 * @throws InputFileError when the file cannot be read, is empty, is not CSV, or its header breaks the policy.
 */
export async function* readCsvTable(input: InputSource, format: CsvFormat): AsyncGenerator<CsvBatch> {
  for await (const batch of scanCsvTable(input, format)) {
    if (batch.rows !== undefined) {
      yield { header: batch.header, rows: batch.rows };
      continue;
    }
    const rows: CsvRow[] = [];
    const lines = batch.lines;
    while (lines.next()) rows.push(lineRow(lines, batch.header, format));
    yield { header: batch.header, rows };
  }
}

/**
 * The same table as `readCsvTable`, for readers that read cells from bytes:
 * while the text has no double quote, each batch is the chunk's lines
 * (`CsvLines`, cells as byte offsets, no strings made); from the first chunk
 * with a quote on, batches of rows read by csv-parse. `lineRow` turns a line
 * into the row `readCsvTable` gives for it.
 * @throws InputFileError as `readCsvTable`.
 */
export async function* scanCsvTable(input: InputSource, format: CsvFormat): AsyncGenerator<CsvScan> {
  const file = sourceName(input);
  const lines = new CsvLines();
  let header: CsvHeader | undefined;
  // The line csv-parse's next record starts on, once it reads the file (the fast lines count their own).
  let line: number | undefined;
  try {
    for await (const part of csvParts(input, file, lines)) {
      if (part === lines) {
        if (header === undefined) {
          if (!lines.next()) continue;
          header = readHeader(lines.cells(), file, lines.line, format);
        }
        yield { header, lines };
        continue;
      }
      line ??= lines.lineNumber;
      const records = part as string[][];
      const rows: CsvRow[] = [];
      for (let i = 0; i < records.length; i++) {
        const cells = records[i];
        const start = line;
        line += recordLines(cells);
        if (cells.length === 1 && cells[0].trim() === '') continue;
        if (header === undefined) header = readHeader(cells, file, start, format);
        else rows.push({ line: start, cells, fault: cells.length === header.names.length ? undefined : wrongColumnCount(cells, start, header, format) });
      }
      if (header !== undefined) yield { header, rows };
    }
  } catch (err) {
    const e = err as Error & { code?: string; column?: number };
    if (e instanceof TimescalesInputError) throw e;
    line ??= lines.lineNumber;
    if (e.code !== 'CSV_QUOTE_NOT_CLOSED') throw cannotRead(file, line, e);
    // The unclosed record starts where the last complete one ended.
    if (header === undefined) {
      throw fileError({ file, line }, 'header', file, { what: 'a quote in the header row is never closed', expected: expectedHeader(format) });
    }
    if (format.unclosedQuote === 'file') throw cannotRead(file, line, e);
    const column = typeof e.column === 'number' ? header.names[e.column] : undefined;
    const fault = dataProblem(
      'unclosed-quote',
      'error',
      { file, line, ...(column ? { column } : {}) },
      {
        what: `a quoted field is never closed, so everything from line ${line} to the end of the file was read as one row`,
        then: 'the row was not used; close or remove the quote',
      },
    );
    yield { header, rows: [{ line, cells: [], fault }] };
  }
  if (header === undefined) {
    throw fileError({ file }, 'file', file, { what: 'file is empty', expected: expectedHeader(format) });
  }
}

/**
 * The current line of `lines` as the row `readCsvTable` gives: its cells as
 * strings, and its `wrong-column-count` fault when it does not fit the header.
 * @example lineRow(lines, header, EVENTS_CSV) // { line: 2, cells: ['C1', 'lac-review', '2024-03-27'], fault: undefined }
 */
export function lineRow(lines: CsvLines, header: CsvHeader, format: CsvFormat): CsvRow {
  const cells = lines.cells();
  const line = lines.line;
  return { line, cells, fault: cells.length === header.names.length ? undefined : wrongColumnCount(cells, line, header, format) };
}

/** `a header row with case_id,event,date` */
function expectedHeader(format: CsvFormat): string {
  return `a header row with ${format.required.join(',')}`;
}

function cannotRead(file: string, line: number, e: Error): InputFileError {
  return fileError({ file, line }, 'file', file, { what: 'cannot read the CSV', why: e.message }, { expected: 'well-formed CSV' });
}

/**
 * Checks a header row against the policy and the format.
 * @example readHeader(['case_id', 'Event', ' date '], 'e.csv', 1, eventsFormat).index('EVENT') // 1
 */
function readHeader(cells: string[], file: string, line: number, format: CsvFormat): CsvHeader {
  const names = cells.map((c) => c.trim());
  const found = clip(names.join(','));
  const at = { file, line };
  if (names.some((n) => n.includes('\u0000')) || cells[0]?.startsWith('\ufffd')) {
    throw fileError(at, 'header', found, { what: 'the file is not UTF-8 text', why: 'it looks like UTF-16', then: 'save it as "CSV UTF-8"' }, { expected: 'UTF-8 text' });
  }
  const reserved = new Set((format.reserved ?? []).map((n) => n.toLowerCase()));
  const byName = new Map<string, number>();
  names.forEach((name, i) => {
    const key = name.toLowerCase();
    if (name === '') {
      throw fileError(at, 'header', found, { what: `column ${i + 1} of the header has no name`, expected: 'a name for every column', then: `found ${found}` }, { column: i + 1 });
    }
    if (byName.has(key)) {
      throw fileError(
        at,
        'header',
        found,
        { what: `column "${name}" appears twice in the header (columns ${byName.get(key)! + 1} and ${i + 1})`, expected: 'each name once' },
        { column: name },
      );
    }
    if (reserved.has(key)) {
      throw fileError(at, 'header', found, { what: `"${name}" cannot be a column name of ${format.name} (it is reserved)`, then: 'rename the column' }, { column: name, expected: 'a name that is not reserved' });
    }
    byName.set(key, i);
  });
  for (const required of format.required) {
    if (byName.has(required.toLowerCase())) continue;
    const separator = names.length === 1 ? ([';', '\t', '|'].find((s) => names[0].includes(s)) ?? '') : '';
    const hint = separator ? `; the file seems to use ${JSON.stringify(separator)} between columns, but commas are expected` : '';
    throw fileError(
      at,
      'header',
      found,
      { what: `missing column "${required}" of ${format.name}`, expected: expectedHeader(format), then: `found ${found}${hint}` },
      { column: required },
    );
  }
  return { file, line, names, index: (name) => byName.get(name.toLowerCase()) ?? -1 };
}

function wrongColumnCount(cells: string[], line: number, header: CsvHeader, format: CsvFormat): DataProblem {
  const c = format.caseColumn === undefined ? -1 : header.index(format.caseColumn);
  const caseId = c >= 0 && cells.length > c && cells[c].trim() !== '' ? cells[c] : undefined;
  return dataProblem(
    'wrong-column-count',
    'error',
    { file: header.file, line, ...(caseId === undefined ? {} : { caseId }) },
    {
      what: `the row has ${cells.length} ${cells.length === 1 ? 'cell' : 'cells'} but the header has ${header.names.length} columns`,
      expected: `one cell per column (${clip(header.names.join(','))})`,
      then: 'the row was not used',
    },
    cells.join(','),
  );
}

/** Lines spanned by a record: 1 plus the line breaks inside its quoted fields. */
function recordLines(cells: string[]): number {
  let n = 1;
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    if (c.length > 0 && (c.indexOf('\n') !== -1 || c.indexOf('\r') !== -1)) n += countLineBreaks(c);
  }
  return n;
}

/**
 * The input of `input` in parts, one per chunk read: while no chunk holds a
 * double quote, `lines` with the chunk pushed (the caller reads its lines
 * before asking for the next part); the first chunk with a quote hands
 * everything not yet read as lines to csv-parse, whose records come as
 * batches (`string[][]`) from then on. Both read unquoted text alike (the
 * property tests of test/io/csv-fast-path.test.ts). The parser is fed by hand
 * rather than iterated, because an iterated stream drops the records it still
 * holds when a later error (an unclosed quote) ends it. Memory stays bounded
 * by the two buffers `sourceChunks` reads into (and, from the first quote on,
 * the copy of a chunk csv-parse is given): the next chunk is read only after
 * the part was consumed.
 */
async function* csvParts(input: InputSource, file: string, lines: CsvLines): AsyncGenerator<CsvLines | string[][]> {
  const source = sourceChunks(input);
  // Every record may end with LF, CRLF or CR, whatever the first line used
  // (csv-parse otherwise takes the first line's ending for the whole file).
  const parser = parse({ bom: true, relax_column_count: true, relax_quotes: true, record_delimiter: ['\r\n', '\n', '\r'] });
  let queue: string[][] = [];
  let failure: unknown;
  parser.on('data', (record: string[]) => queue.push(record));
  const finished = new Promise<void>((resolve) => {
    parser.on('end', resolve);
    parser.on('close', resolve);
    parser.on('error', (err) => {
      failure = err;
      resolve();
    });
  });
  let fast = true;
  try {
    try {
      for await (const chunk of source) {
        if (fast) {
          lines.push(chunk);
          if (chunk.indexOf(34) === -1) {
            yield lines;
            continue;
          }
          fast = false;
          // Copies: csv-parse may keep a piece of what it is given, and the chunk's buffer is read into again.
          parser.write(Buffer.from(lines.rest()));
        } else parser.write(Buffer.from(chunk));
        if (queue.length > 0) {
          const batch = queue;
          queue = [];
          yield batch;
        }
        if (failure !== undefined) break;
      }
    } catch (err) {
      throw fileOpenError(file, err as NodeJS.ErrnoException);
    }
    if (fast) {
      lines.end();
      yield lines;
      return;
    }
    parser.end();
    await finished;
    if (queue.length > 0) yield queue;
    if (failure !== undefined) throw failure;
  } finally {
    await source.return(undefined);
    parser.destroy();
  }
}

const EMPTY = Buffer.alloc(0);

/**
 * The lines of CSV bytes without double quotes (UTF-8), given in chunks, read
 * without making strings: each line ended by LF, CRLF or CR, an empty line one
 * empty cell, its cells split on commas, exactly as csv-parse (with the
 * reader's options) reads such text. After `next()` said true, cell `k` of
 * the current line is `buf[at[k], at[k + 1] - 1)` (`count` cells) and `line`
 * is its 1-based physical line number. A line is given once its end has
 * arrived (a CR at the end of a chunk waits, as it may be half of a CRLF);
 * after `end()`, the last line needs no end. A UTF-8 byte order mark at the
 * very start is skipped, and so are blank lines (empty, or only white space as
 * `String.prototype.trim` sees it), which still count as lines.
 * @example
 * const lines = new CsvLines();
 * lines.push(Buffer.from('a,b\n\nc\n'));
 * lines.next(); // true: lines.line 1, lines.count 2, lines.text(1) 'b'
 * lines.next(); // true: lines.line 3 (line 2 is blank), lines.cells() ['c']
 */
export class CsvLines {
  /** The bytes the current line is in. */
  buf: Buffer = EMPTY;
  /** Where cells start: cell `k` is `buf[at[k], at[k + 1] - 1)`. */
  at: Int32Array = new Int32Array(64);
  /** The number of cells of the current line. */
  count = 0;
  /** The physical line number of the current line. */
  line = 0;
  private pos = 0;
  /** The bytes that come after `buf` (the rest of a chunk whose first piece `buf` is). */
  private pending: Buffer | undefined;
  private nextLine = 1;
  private ended = false;
  private bom: boolean;
  private readonly skipBlank: boolean;

  constructor(opts: { bom?: boolean; blankLines?: 'skip' | 'keep' } = {}) {
    this.bom = opts.bom ?? true;
    this.skipBlank = (opts.blankLines ?? 'skip') === 'skip';
  }

  /**
   * Adds a chunk after what is not yet read. The start of a line that the
   * last chunk cut is joined only to the chunk's bytes up to its first LF (a
   * short piece read first), so that the chunk itself is read in place, not copied.
   */
  push(chunk: Buffer): void {
    const carried = this.pending === undefined ? this.buf.length - this.pos : this.buf.length - this.pos + this.pending.length;
    if (carried === 0) this.buf = chunk;
    else {
      const rest = this.pending === undefined ? this.buf.subarray(this.pos) : Buffer.concat([this.buf.subarray(this.pos), this.pending]);
      const lf = this.bom ? -1 : chunk.indexOf(10);
      if (lf === -1) this.buf = Buffer.concat([rest, chunk]);
      else {
        this.buf = Buffer.concat([rest, chunk.subarray(0, lf + 1)]);
        this.pending = chunk.subarray(lf + 1);
        this.pos = 0;
        return;
      }
    }
    this.pending = undefined;
    this.pos = 0;
  }

  /** Says that no more chunks come: the last line needs no line end. */
  end(): void {
    this.ended = true;
  }

  /** The line number the next line will have. */
  get lineNumber(): number {
    return this.nextLine;
  }

  /** The bytes not yet read as lines (the start of a line, or more), handed on when the fast path ends. */
  rest(): Buffer {
    this.skipBom();
    const rest = this.pending === undefined ? this.buf.subarray(this.pos) : Buffer.concat([this.buf.subarray(this.pos), this.pending]);
    this.buf = EMPTY;
    this.pending = undefined;
    this.pos = 0;
    return rest;
  }

  /** Moves to the next line that is not blank; false when no complete line is left (push more, or the input has ended). */
  next(): boolean {
    if (this.bom && !this.skipBom()) return false;
    for (;;) {
      const buf = this.buf;
      const n = buf.length;
      const start = this.pos;
      if (start >= n) {
        if (this.pending === undefined) return false;
        this.buf = this.pending;
        this.pending = undefined;
        this.pos = 0;
        continue;
      }
      let at = this.at;
      let cells = 1;
      at[0] = start;
      let i = start;
      let b = 0;
      for (; i < n; i++) {
        b = buf[i]!;
        if (b === 44) {
          if (cells + 1 >= at.length) at = this.grow();
          at[cells++] = i + 1;
        } else if (b === 10 || b === 13) break;
      }
      let after: number;
      if (i === n || (b === 13 && i + 1 === n)) {
        if (!this.ended) return false;
        after = n;
      } else after = b === 13 && buf[i + 1] === 10 ? i + 2 : i + 1;
      at[cells] = i + 1;
      this.pos = after;
      this.count = cells;
      this.line = this.nextLine++;
      if (cells === 1 && this.skipBlank && isBlank(buf, start, i)) continue;
      return true;
    }
  }

  /** Cell `k` of the current line as a string. */
  text(k: number): string {
    return this.buf.toString('utf8', this.at[k], this.at[k + 1]! - 1);
  }

  /** The cells of the current line as strings. */
  cells(): string[] {
    const out: string[] = new Array(this.count);
    for (let k = 0; k < this.count; k++) out[k] = this.text(k);
    return out;
  }

  private grow(): Int32Array {
    const at = new Int32Array(this.at.length * 2);
    at.set(this.at);
    this.at = at;
    return at;
  }

  /** Skips a byte order mark at the start; false while too few bytes have come to tell. */
  private skipBom(): boolean {
    if (!this.bom) return true;
    const buf = this.buf;
    const n = buf.length - this.pos;
    const p = this.pos;
    const prefix = (n < 1 || buf[p] === 0xef) && (n < 2 || buf[p + 1] === 0xbb) && (n < 3 || buf[p + 2] === 0xbf);
    if (n < 3 && prefix && !this.ended) return false;
    if (n >= 3 && prefix) this.pos += 3;
    this.bom = false;
    return true;
  }
}

/**
 * True when `buf[from, to)` is blank as `String.prototype.trim` sees it:
 * ASCII white space (no CR or LF can be inside a cell) is checked byte by
 * byte; a cell with other bytes is decoded and trimmed.
 */
export function isBlank(buf: Buffer, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const b = buf[i]!;
    if (b === 32 || b === 9 || b === 11 || b === 12) continue;
    if (b >= 0x80) return buf.toString('utf8', from, to).trim() === '';
    return false;
  }
  return true;
}

/**
 * The records of CSV text without double quotes, given in pieces (whole
 * characters): `CsvLines` over the text's UTF-8 bytes, blank lines kept (an
 * empty line is one empty cell), each line's cells as strings, exactly as
 * csv-parse reads such text (test/io/csv-fast-path.test.ts).
 */
export class UnquotedSplitter {
  private readonly lines = new CsvLines({ bom: false, blankLines: 'keep' });

  push(text: string): string[][] {
    this.lines.push(Buffer.from(text, 'utf8'));
    return this.drain();
  }

  /** What is left at the end of the input: the last line, if it has no line end. */
  end(): string[][] {
    this.lines.end();
    return this.drain();
  }

  /** The text held back (the start of a line), handed on when a quote ends the fast path. */
  rest(): string {
    return this.lines.rest().toString('utf8');
  }

  private drain(): string[][] {
    const records: string[][] = [];
    while (this.lines.next()) records.push(this.lines.cells());
    return records;
  }
}
