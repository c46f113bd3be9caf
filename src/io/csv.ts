/**
 * The one CSV table reader of every CSV format (events CSV, the SSDA903
 * tables, the action plan), streaming, on csv-parse. Its policy
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
import { StringDecoder } from 'node:string_decoder';
import { parse } from 'csv-parse';
import { clip, dataProblem, type DataProblem } from '../engine/problems';
import { TimescalesInputError } from '../errors';
import { countLineBreaks, fileError, fileOpenError, type InputFileError, type InputSource, openSource, sourceName } from './source';

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
  const file = sourceName(input);
  let header: CsvHeader | undefined;
  let line = 1;
  try {
    for await (const records of csvRecordBatches(input, file)) {
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
 * Parses the CSV records of `input` with csv-parse, yielding them in batches (one
 * batch per chunk read), so that the per-row work is a plain loop. The parser is
 * fed by hand rather than iterated, because an iterated stream drops the records
 * it still holds when a later error (an unclosed quote) ends it. Memory stays
 * bounded by one chunk: the next chunk is read only after the batch was consumed.
 */
async function* csvRecordBatches(input: InputSource, file: string): AsyncGenerator<string[][]> {
  const source = openSource(input);
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
  // Fast path: while no chunk holds a double quote, records are the lines (ended by CRLF, LF or CR) split on commas,
  // exactly what csv-parse gives for unquoted text; the first chunk with a quote hands the rest to csv-parse.
  const decoder = new StringDecoder('utf8');
  let fast = true;
  let first = true;
  const splitter = new UnquotedSplitter();
  try {
    try {
      for await (const chunk of source) {
        if (fast) {
          let text = decoder.write(chunk as Buffer);
          if (first && text.length > 0) {
            first = false;
            if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
          }
          if (text.indexOf('"') === -1) {
            const records = splitter.push(text);
            if (records.length > 0) yield records;
            continue;
          }
          fast = false;
          parser.write(splitter.rest() + text);
        } else parser.write(chunk);
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
      const tail = splitter.push(decoder.end());
      const last = splitter.end();
      if (tail.length + last.length > 0) yield [...tail, ...last];
      return;
    }
    parser.end();
    await finished;
    if (queue.length > 0) yield queue;
    if (failure !== undefined) throw failure;
  } finally {
    source.destroy();
    parser.destroy();
  }
}

const RECORD_END = /\r\n|\r|\n/;

/**
 * The records of CSV text without double quotes, given in pieces: each line
 * (ended by CRLF, LF or CR) split on commas, an empty line one empty cell,
 * exactly as csv-parse reads such text (test/io/csv-fast-path.test.ts). A
 * line is given once its end has arrived; a CR at the end of a piece waits, as
 * it may be half of a CRLF.
 */
export class UnquotedSplitter {
  private carry = '';

  push(text: string): string[][] {
    const all = this.carry + text;
    let end = all.length;
    if (end > 0 && all.charCodeAt(end - 1) === 13) end--;
    const cut = end === 0 ? -1 : Math.max(all.lastIndexOf('\n', end - 1), all.lastIndexOf('\r', end - 1));
    if (cut === -1) {
      this.carry = all;
      return [];
    }
    // A CRLF ends at its LF: the records are everything before its CR.
    const headEnd = all.charCodeAt(cut) === 10 && cut > 0 && all.charCodeAt(cut - 1) === 13 ? cut - 1 : cut;
    this.carry = all.slice(cut + 1);
    return toRecords(all.slice(0, headEnd).split(RECORD_END));
  }

  /** What is left at the end of the input: the last line, if it has no line end. */
  end(): string[][] {
    const last = this.carry;
    this.carry = '';
    if (last.length === 0) return [];
    const lines = last.split(RECORD_END);
    if (lines[lines.length - 1] === '') lines.pop();
    return toRecords(lines);
  }

  /** The text held back (the start of a line), handed on when a quote ends the fast path. */
  rest(): string {
    const rest = this.carry;
    this.carry = '';
    return rest;
  }
}

function toRecords(lines: string[]): string[][] {
  const records: string[][] = new Array(lines.length);
  for (let i = 0; i < lines.length; i++) records[i] = lines[i]!.split(',');
  return records;
}
