/**
 * Writers of results and data problems as CSV, JSON or NDJSON, to any Node
 * Writable (stdout or a file), respecting backpressure.
 *
 * CSV (docs/cli.md, "Output"):
 * - results: `case_id, procedure, rule, occurrence, anchor_event, anchor_date,
 *   due_date, earliest_date, completed_date, status, breach, working_days_late,
 *   days_late, source`; `source` is `document §section` (just the document when
 *   there is no section); `breach` is `true`/`false`; absent values are empty cells.
 * - problems: `file, line, column, case_id, code, severity, value, message`.
 * - RFC 4180 quoting: a cell holding a comma, a double quote, CR or LF is quoted,
 *   with quotes doubled. Rows end with `\n` by default (option `eol: '\r\n'`).
 * - Cells a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`,
 *   tab or carriage return) get a leading `'`, so Excel shows them as text. This
 *   applies to every text cell, including case ids and values copied from the
 *   input. Cells the writer makes itself from numbers (`occurrence`,
 *   `working_days_late`, `days_late`, `line`, a numeric `column`) are never
 *   changed, so a negative number stays a number.
 *
 * JSON is one array, one result per line; NDJSON is one result per line. Both
 * carry the result object as the library returns it (camelCase, nested, with
 * `trace`), keys in a fixed order, unknown extra keys kept at the end.
 */
import type { Writable } from 'node:stream';
import type { DataProblem } from '../engine/problems';

/** What the writers read of an evaluation result (the engine's result type is compatible). */
export interface ResultLike {
  caseId: string;
  procedure: string;
  rule: string;
  occurrence: number;
  anchor: { event: string; date: string };
  due?: string;
  earliest?: string;
  status: string;
  breach: boolean;
  completed?: { event: string; date: string };
  late?: { workingDays: number; days: number };
  trace: readonly string[];
  source: { document: string; section?: string; quote?: string };
  notes?: readonly string[];
  /** Columns carried from the input (constant per case, e.g. `team`), written after `source` in CSV. */
  carried?: Readonly<Record<string, string>>;
}

/** Output formats of the writers. */
export type OutputFormat = 'csv' | 'json' | 'ndjson';

/** Columns of the results CSV, in order. */
export const RESULT_CSV_COLUMNS = [
  'case_id',
  'procedure',
  'rule',
  'occurrence',
  'anchor_event',
  'anchor_date',
  'due_date',
  'earliest_date',
  'completed_date',
  'status',
  'breach',
  'working_days_late',
  'days_late',
  'source',
] as const;

/** Columns of the problems CSV, in order. */
export const PROBLEM_CSV_COLUMNS = ['file', 'line', 'column', 'case_id', 'code', 'severity', 'value', 'message'] as const;

/** Options of the writers. */
export interface WriterOptions {
  /** CSV row end. Default `\n`. */
  eol?: '\n' | '\r\n';
  /** End `out` when the writer ends. Default: true, except for process.stdout and process.stderr. */
  close?: boolean;
  /**
   * CSV only: begin with a UTF-8 byte order mark, so that Excel opened by
   * double-click reads the file as UTF-8 (names with accents, `§`). Default
   * false here; the CLI writes it unless `--no-bom`.
   */
  bom?: boolean;
  /** CSV only: the carried columns to write after `source` (each result's `carried` values). */
  carriedColumns?: readonly string[];
}

/** The UTF-8 byte order mark, as the first character of a CSV file for Excel. */
export const UTF8_BOM = '\ufeff';

/** A writer of items; `write` returns a promise only when it had to wait for the output to drain. */
export interface ItemWriter<T> {
  write(item: T): Promise<void> | void;
  /** Writes what is buffered and the format's ending, then ends `out` (see `WriterOptions.close`). */
  end(): Promise<void>;
}

/**
 * Prefixes `'` to text a spreadsheet would run as a formula.
 * @example neutraliseCell('=SUM(A1:A9)') // "'=SUM(A1:A9)"
 * @example neutraliseCell('C1') // 'C1'
 */
export function neutraliseCell(text: string): string {
  if (text.length === 0) return text;
  const c = text.charCodeAt(0);
  // = + - @ TAB CR
  return c === 61 || c === 43 || c === 45 || c === 64 || c === 9 || c === 13 ? `'${text}` : text;
}

/**
 * Quotes a cell for CSV when it must be (RFC 4180): it holds a comma, a double quote, CR or LF.
 * @example csvField('a,b') // '"a,b"'
 * @example csvField('say "hi"') // '"say ""hi"""'
 */
export function csvField(text: string): string {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 44 || c === 34 || c === 10 || c === 13) return `"${text.replace(/"/g, '""')}"`;
  }
  return text;
}

/**
 * One CSV row from cells that are already neutralised where they need to be.
 * @example csvRow(['a', 'b,c']) // 'a,"b,c"\n'
 */
export function csvRow(cells: readonly string[], eol: '\n' | '\r\n' = '\n'): string {
  let out = '';
  for (let i = 0; i < cells.length; i++) out += (i === 0 ? '' : ',') + csvField(cells[i]);
  return out + eol;
}

/**
 * The `source` cell: `document §section`, or just the document.
 * @example formatSource({ document: 'Working Together 2023', section: '4.2' }) // 'Working Together 2023 §4.2'
 */
export function formatSource(source: ResultLike['source']): string {
  return source.section ? `${source.document} §${source.section}` : source.document;
}

const text = (value: string | undefined): string => (value === undefined ? '' : neutraliseCell(value));
const num = (value: number | undefined): string => (value === undefined ? '' : String(value));

/**
 * The cells of a result's CSV row, in the order of `RESULT_CSV_COLUMNS`, neutralised.
 * @example resultCsvCells(result) // ['C1', 'lac-review', 'first-review', '1', 'became-looked-after', '2024-03-01', '2024-03-29', '', '2024-03-27', 'met', 'false', '', '', 'IRO Handbook §3.1']
 */
export function resultCsvCells(r: ResultLike): string[] {
  return [
    text(r.caseId),
    text(r.procedure),
    text(r.rule),
    num(r.occurrence),
    text(r.anchor.event),
    text(r.anchor.date),
    text(r.due),
    text(r.earliest),
    text(r.completed?.date),
    text(r.status),
    r.breach ? 'true' : 'false',
    num(r.late?.workingDays),
    num(r.late?.days),
    text(formatSource(r.source)),
  ];
}

/**
 * The cells of a problem's CSV row, in the order of `PROBLEM_CSV_COLUMNS`, neutralised.
 * @example problemCsvCells({ code: 'missing-value', severity: 'error', message: 'the cell is blank', file: 'e.csv', line: 3, column: 'date', value: '' })
 * // ['e.csv', '3', 'date', '', 'missing-value', 'error', '', 'the cell is blank']
 */
export function problemCsvCells(p: DataProblem): string[] {
  return [
    text(p.file),
    num(p.line),
    typeof p.column === 'number' ? String(p.column) : text(p.column),
    text(p.caseId),
    text(p.code),
    text(p.severity),
    text(p.value),
    text(p.message),
  ];
}

/** Bytes at which a writer hands its buffer to the output (one `write` per chunk). */
const FLUSH_AT = 256 * 1024;

/** The most bytes `String(n)` takes for a number (`-1.7976931348623157e+308`). */
const MAX_NUMBER_BYTES = 24;

/** The most bytes `csvField(neutraliseCell(s))` takes as UTF-8: every character doubled, quotes and `'` around, 3 bytes a character. */
const cellRoom = (s: string): number => s.length * 6 + 9;

/** Copies bytes encoded beforehand into `buf` at `pos` (room made); the position after them. */
function putBytes(buf: Buffer, pos: number, b: Uint8Array): number {
  const n = b.length;
  if (n < 24) {
    for (let i = 0; i < n; i++) buf[pos++] = b[i]!;
    return pos;
  }
  buf.set(b, pos);
  return pos + n;
}

/** Writes a number as `String(n)` gives it: an integer's digits directly (room made). */
function putNumber(buf: Buffer, pos: number, n: number): number {
  if ((n | 0) !== n) return pos + buf.write(String(n), pos, 'latin1');
  if (n < 0) {
    buf[pos++] = 45; // -
    n = -n;
  }
  let end = pos + 1;
  for (let k = n; k >= 10; k = Math.floor(k / 10)) end++;
  let at = end;
  do {
    buf[--at] = 48 + (n % 10);
    n = Math.floor(n / 10);
  } while (n > 0);
  return end;
}

/**
 * Writes a text cell as `csvField(neutraliseCell(s))` gives it, as UTF-8 (room
 * made, `cellRoom`): plain ASCII (dates, ids) is copied byte by byte, anything
 * else goes the long way.
 */
function putCell(buf: Buffer, pos: number, s: string): number {
  const n = s.length;
  if (n > 0) {
    const first = s.charCodeAt(0);
    // = + - @ TAB (CR below): neutralised, the long way.
    if (first === 61 || first === 43 || first === 45 || first === 64 || first === 9) return pos + buf.write(csvField(neutraliseCell(s)), pos);
  }
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    // Not ASCII, or a comma, a double quote, LF or CR: the long way.
    if (c > 127 || c === 44 || c === 34 || c === 10 || c === 13) return pos + buf.write(csvField(neutraliseCell(s)), pos);
    buf[pos + i] = c;
  }
  return pos + n;
}

/**
 * Bytes in a buffer that grows as needed, written to directly: ASCII copied
 * byte by byte, other text encoded as UTF-8 in place (no intermediate string
 * or Buffer per row). `take()` hands over what is written and starts afresh.
 */
class ByteSink {
  buf: Buffer;
  pos = 0;
  constructor(private readonly capacity: number = FLUSH_AT + 64 * 1024) {
    this.buf = Buffer.allocUnsafe(capacity);
  }

  /** Makes room for `n` more bytes. */
  room(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.pos + n));
    this.buf.copy(bigger, 0, 0, this.pos);
    this.buf = bigger;
  }

  /** Text as UTF-8 (what `Buffer.from(text)` gives). */
  text(s: string): void {
    this.room(s.length * 3);
    this.pos += this.buf.write(s, this.pos);
  }

  /** One byte (ASCII). */
  byte(c: number): void {
    this.room(1);
    this.buf[this.pos++] = c;
  }

  /** What is written so far (sharing memory with the sink until `take`). */
  peek(): Buffer {
    return this.buf.subarray(0, this.pos);
  }

  /** Hands over what is written; the sink starts a new buffer. */
  take(): Buffer {
    const chunk = this.buf.subarray(0, this.pos);
    this.buf = Buffer.allocUnsafe(this.capacity);
    this.pos = 0;
    return chunk;
  }
}

/** Writes one item's bytes into a sink. */
type ItemEncoder<T> = (x: T, index: number, sink: ByteSink) => void;

/**
 * The results CSV row encoder: writes into a sink exactly the UTF-8 bytes of
 * `csvRow(resultCsvCells(r), eol)`, but cheaply: the cells that repeat across
 * results (procedure, rule, event names, status, the source: 36% of the bytes
 * of a full audit) are neutralised, quoted and encoded once and remembered,
 * the case id and the carried cells once per run of a case's results, and the
 * dates and numbers are written straight as bytes.
 */
function resultCsvEncoder(eol: '\n' | '\r\n', carriedColumns: readonly string[]): ItemEncoder<ResultLike> {
  const encode = (cellText: string): Buffer => Buffer.from(csvField(neutraliseCell(cellText)));
  const words = new Map<string, Buffer>();
  const word = (value: string): Buffer => {
    let cell = words.get(value);
    if (cell === undefined) {
      cell = encode(value);
      if (words.size >= 4096) words.clear();
      words.set(value, cell);
    }
    return cell;
  };
  // Sources are shared, frozen objects (one per rule); others are encoded each time.
  const sources = new WeakMap<object, Buffer>();
  const source = (ref: ResultLike['source']): Buffer => {
    let cell = sources.get(ref);
    if (cell === undefined) {
      cell = encode(formatSource(ref));
      if (Object.isFrozen(ref)) sources.set(ref, cell);
    }
    return cell;
  };
  // The carried cells (constant per case): encoded again only when a value differs from the last row's.
  const lastCarried: (string | undefined)[] = carriedColumns.map(() => undefined);
  let carriedCells: Uint8Array = Buffer.from(','.repeat(carriedColumns.length));
  const carried = (values: ResultLike['carried']): Uint8Array => {
    let same = true;
    for (let i = 0; i < carriedColumns.length; i++) {
      const v = values?.[carriedColumns[i]!] ?? '';
      if (v !== lastCarried[i]) {
        lastCarried[i] = v;
        same = false;
      }
    }
    if (!same) carriedCells = Buffer.from(lastCarried.map((v) => `,${csvField(neutraliseCell(v!))}`).join(''));
    return carriedCells;
  };
  const end = Buffer.from(eol);
  const breach = Buffer.from(',true,');
  const noBreach = Buffer.from(',false,');
  // The last value of each repeating cell, before the map: consecutive rows mostly share them.
  const slots = [0, 1, 2, 3].map(() => ({ value: undefined as string | undefined, cell: new Uint8Array(0) as Uint8Array }));
  const cached = (slot: number, value: string): Uint8Array => {
    const last = slots[slot]!;
    if (last.value !== value) {
      last.value = value;
      last.cell = word(value);
    }
    return last.cell;
  };
  let lastCase: string | undefined;
  let caseCell: Uint8Array = Buffer.alloc(0);
  const COMMA = 44;
  return (r, _index, sink) => {
    if (r.caseId !== lastCase) {
      lastCase = r.caseId;
      caseCell = encode(r.caseId);
    }
    const procedure = cached(0, r.procedure);
    const rule = cached(1, r.rule);
    const event = cached(2, r.anchor.event);
    const status = cached(3, r.status);
    const sourceCell = source(r.source);
    const carriedCells = carriedColumns.length > 0 ? carried(r.carried) : undefined;
    const anchorDate = r.anchor.date;
    const due = r.due;
    const earliest = r.earliest;
    const completed = r.completed?.date;
    const late = r.late;
    // Room for the whole row first; then every cell is written without further checks.
    sink.room(
      caseCell.length +
        procedure.length +
        rule.length +
        event.length +
        status.length +
        sourceCell.length +
        (carriedCells?.length ?? 0) +
        cellRoom(anchorDate) +
        (due === undefined ? 0 : cellRoom(due)) +
        (earliest === undefined ? 0 : cellRoom(earliest)) +
        (completed === undefined ? 0 : cellRoom(completed)) +
        3 * MAX_NUMBER_BYTES +
        32,
    );
    const buf = sink.buf;
    let pos = putBytes(buf, sink.pos, caseCell);
    buf[pos++] = COMMA;
    pos = putBytes(buf, pos, procedure);
    buf[pos++] = COMMA;
    pos = putBytes(buf, pos, rule);
    buf[pos++] = COMMA;
    pos = putNumber(buf, pos, r.occurrence);
    buf[pos++] = COMMA;
    pos = putBytes(buf, pos, event);
    buf[pos++] = COMMA;
    pos = putCell(buf, pos, anchorDate);
    buf[pos++] = COMMA;
    if (due !== undefined) pos = putCell(buf, pos, due);
    buf[pos++] = COMMA;
    if (earliest !== undefined) pos = putCell(buf, pos, earliest);
    buf[pos++] = COMMA;
    if (completed !== undefined) pos = putCell(buf, pos, completed);
    buf[pos++] = COMMA;
    pos = putBytes(buf, pos, status);
    pos = putBytes(buf, pos, r.breach ? breach : noBreach);
    if (late !== undefined) {
      if (late.workingDays !== undefined) pos = putNumber(buf, pos, late.workingDays);
      buf[pos++] = COMMA;
      if (late.days !== undefined) pos = putNumber(buf, pos, late.days);
    } else buf[pos++] = COMMA;
    buf[pos++] = COMMA;
    pos = putBytes(buf, pos, sourceCell);
    if (carriedCells !== undefined) pos = putBytes(buf, pos, carriedCells);
    sink.pos = putBytes(buf, pos, end);
  };
}

/**
 * A writer of result rows as CSV text, equal to `csvRow(resultCsvCells(r), eol)`:
 * the CSV writer's row encoder (cells that repeat across results encoded once),
 * one row at a time as a string. `carriedColumns` adds the carried per-case
 * cells after `source`, as the CSV writer's option does.
 * @example const row = resultCsvRowWriter('\n'); row(result) === csvRow(resultCsvCells(result))
 */
export function resultCsvRowWriter(eol: '\n' | '\r\n' = '\n', carriedColumns: readonly string[] = []): (r: ResultLike) => string {
  const encode = resultCsvEncoder(eol, carriedColumns);
  const sink = new ByteSink(1024);
  return (r) => {
    sink.pos = 0;
    encode(r, 0, sink);
    return sink.peek().toString('utf8');
  };
}

const RESULT_KEY_ORDER = [
  'caseId',
  'procedure',
  'rule',
  'title',
  'kind',
  'occurrence',
  'anchor',
  'due',
  'earliest',
  'target',
  'completed',
  'status',
  'breach',
  'late',
  'openWorkingDays',
  'source',
  'profile',
  'calendar',
  'trace',
  'notes',
];

/**
 * A result as a plain object with keys in a fixed order (extra keys kept last), for JSON.
 * @example Object.keys(resultJson(result)).slice(0, 3) // ['caseId', 'procedure', 'rule']
 */
export function resultJson(r: ResultLike): Record<string, unknown> {
  const source = r as unknown as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of RESULT_KEY_ORDER) if (source[key] !== undefined) out[key] = source[key];
  for (const key of Object.keys(source)) if (!(key in out) && source[key] !== undefined) out[key] = source[key];
  return out;
}

function waitForDrain(out: Writable): Promise<void> {
  return new Promise((resolve, reject) => {
    const cleanup = (): void => {
      out.off('drain', onDrain);
      out.off('error', onError);
      out.off('close', onClose);
    };
    const onDrain = (): void => {
      cleanup();
      resolve();
    };
    const onError = (err: Error): void => {
      cleanup();
      reject(err);
    };
    const onClose = (): void => {
      cleanup();
      reject(new Error('the output was closed before everything was written'));
    };
    out.on('drain', onDrain);
    out.on('error', onError);
    out.on('close', onClose);
  });
}

function waitForFinish(out: Writable): Promise<void> {
  return new Promise((resolve, reject) => {
    if (out.writableFinished) return resolve();
    const cleanup = (): void => {
      out.off('finish', onFinish);
      out.off('error', onError);
    };
    const onFinish = (): void => {
      cleanup();
      resolve();
    };
    const onError = (err: Error): void => {
      cleanup();
      reject(err);
    };
    out.on('finish', onFinish);
    out.on('error', onError);
    out.end();
  });
}

function isStdio(out: Writable): boolean {
  return typeof process !== 'undefined' && (out === (process.stdout as unknown) || out === (process.stderr as unknown));
}

/**
 * A writer of items as bytes: `head` first, each item encoded into a buffer,
 * `tail` last, handed to `out` in chunks of about 256 kB, waiting for 'drain'
 * when `out` asks to.
 */
function byteWriter<T>(out: Writable, head: string, item: ItemEncoder<T>, tail: (count: number) => string, opts: WriterOptions): ItemWriter<T> {
  const sink = new ByteSink();
  sink.text(head);
  let count = 0;
  let ended = false;
  const flush = (): Promise<void> | void => {
    if (sink.pos === 0) return;
    if (!out.write(sink.take())) return waitForDrain(out);
  };
  return {
    write(x: T): Promise<void> | void {
      if (ended) throw new Error('write after end');
      item(x, count++, sink);
      if (sink.pos >= FLUSH_AT) return flush();
    },
    async end(): Promise<void> {
      if (ended) return;
      ended = true;
      sink.text(tail(count));
      await flush();
      if (opts.close ?? !isStdio(out)) await waitForFinish(out);
    },
  };
}

/** An encoder of items given as text (problem rows). */
const asText =
  <T>(item: (x: T, index: number) => string): ItemEncoder<T> =>
  (x, i, sink) =>
    sink.text(item(x, i));

/** An encoder of the items of a JSON array, one a line: `\n` before the first, `,\n` before the others. */
const jsonItem =
  <T>(json: (x: T) => string): ItemEncoder<T> =>
  (x, i, sink) => {
    if (i > 0) sink.byte(44); // ,
    sink.byte(10);
    sink.text(json(x));
  };

/** An encoder of NDJSON lines. */
const ndjsonItem =
  <T>(json: (x: T) => string): ItemEncoder<T> =>
  (x, _i, sink) => {
    sink.text(json(x));
    sink.byte(10);
  };

/**
 * A writer of results in the given format.
 * @example
 * const w = createResultWriter('csv', process.stdout);
 * for (const r of results) await w.write(r);
 * await w.end();
 */
export function createResultWriter(format: OutputFormat, out: Writable, opts: WriterOptions = {}): ItemWriter<ResultLike> {
  const eol = opts.eol ?? '\n';
  switch (format) {
    case 'csv':
    {
      const extra = opts.carriedColumns ?? [];
      return byteWriter(out, (opts.bom ? UTF8_BOM : '') + csvRow([...RESULT_CSV_COLUMNS, ...extra], eol), resultCsvEncoder(eol, extra), () => '', opts);
    }
    case 'json':
      return byteWriter(out, '[', jsonItem((r) => JSON.stringify(resultJson(r))), (n) => (n === 0 ? ']\n' : '\n]\n'), opts);
    case 'ndjson':
      return byteWriter(out, '', ndjsonItem((r) => JSON.stringify(resultJson(r))), () => '', opts);
  }
}

/**
 * A writer of data problems in the given format (JSON and NDJSON carry the problem objects as they are).
 * @example
 * const w = createProblemWriter('csv', createWriteStream('problems.csv'));
 * for (const p of problems) await w.write(p);
 * await w.end();
 */
export function createProblemWriter(format: OutputFormat, out: Writable, opts: WriterOptions = {}): ItemWriter<DataProblem> {
  const eol = opts.eol ?? '\n';
  switch (format) {
    case 'csv':
      return byteWriter(out, (opts.bom ? UTF8_BOM : '') + csvRow(PROBLEM_CSV_COLUMNS, eol), asText((p) => csvRow(problemCsvCells(p), eol)), () => '', opts);
    case 'json':
      return byteWriter(out, '[', jsonItem((p) => JSON.stringify(p)), (n) => (n === 0 ? ']\n' : '\n]\n'), opts);
    case 'ndjson':
      return byteWriter(out, '', ndjsonItem((p) => JSON.stringify(p)), () => '', opts);
  }
}
