/**
 * Events CSV files whose rows are not grouped by case, read with memory
 * bounded by a partition instead of by the number of children: the rows are
 * spilled to temporary files by case and read back case by case
 * (docs/cli.md, "Memory: large files are streamed").
 *
 * 1. Partition: the file is read once as the stream of a grouped file reads
 *    it (`scanCsvTable`, `FastRows`); each usable row goes to one of K
 *    partition files by a hash of its case id (every row of a case lands in
 *    the same partition), one line a row. A row that passes the fast checks
 *    (its cells then hold no quote and no line break) is written as its line
 *    number, a comma and its bytes as in the file; any other usable row (read
 *    by `readEventRow`: the rows csv-parse reads once the file has shown a
 *    quote) as `J` and JSON of its line, case id, dob and event. Rows that
 *    cannot be used are counted and their problems kept, as the whole read
 *    keeps them; the date column is tallied for `wrongDateFormat`.
 * 2. Cases: each partition is read back whole and its rows gathered by case,
 *    without building events: the same dob-conflict warnings as
 *    `readEventsCsv`, and the event types and attributes each event would
 *    have, so that the carried columns and the recorded event types are worked
 *    out here, as over all cases, before anything is evaluated. Its cases are
 *    written to a case file in order of first line: a line `first line,number
 *    of rows,date of birth`, then the case's rows as the partition has them.
 * 3. Merge: the K case files of a file are merged by first line, which gives
 *    the cases in order of first appearance in the file, as the whole read
 *    does. Each case's events are built from its rows as they were read in
 *    pass 1: a row written as its bytes passes the same fast checks again (the
 *    columns one to the right of the line number) and gets its event as the
 *    stream of a grouped file builds it; a row written as JSON is parsed. Its
 *    sources are the original file and lines.
 *
 * The temporary files live in a `mkdtemp` directory under `os.tmpdir()` and are
 * removed when the cases have been read, when `close` is called, at the end of
 * the `withTemporaryFiles` call it was made for, or when the process exits.
 */
import { closeSync, mkdtempSync, openSync, readFileSync, readSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CaseEvent, CaseRecord } from '../engine/case';
import type { DataProblem } from '../engine/problems';
import { CsvLines, lineRow, scanCsvTable } from './csv';
import { EVENTS_CSV, eventsLayout, FastRows, noteDob, readEventRow, startCase, tallyDateCell, wrongDateFormat, type CaseBuilder, type CaseDob, type DateColumnTally, type EventsCsvLayout, type EventsCsvOptions } from './events-csv';
import { noRows, type CaseChunk, type RowCounts } from './result';
import { sourceName, type InputSource } from './source';

/**
 * How big a partition is: a file of `bytes` is split into
 * `ceil(bytes / partitionBytes)` partitions, at most `maxPartitions` (then the
 * partitions grow with the file). Exported so that tests can force several
 * partitions on a small file.
 */
export const spillSettings = { partitionBytes: 1024 * 1024, maxPartitions: 256 };

/** The number of partitions for a file of `bytes`: 1 means it is read whole, in memory, as before. */
export function partitionCount(bytes: number): number {
  return Math.min(spillSettings.maxPartitions, Math.max(1, Math.ceil(bytes / spillSettings.partitionBytes)));
}

/** The size of an input file (0 for text given in memory, or when it cannot be read: the reader reports that). */
export function inputBytes(input: InputSource): number {
  if (!('path' in input)) return 0;
  try {
    return statSync(input.path).size;
  } catch {
    return 0;
  }
}

/** Events CSV files spilled by case, ready to be read case by case. */
export interface SpilledEvents {
  /** The number of cases (for progress). */
  cases: number;
  /** The rows of all files. */
  counts: RowCounts;
  /** The event types that occur, in order of first appearance over the cases (as `recordedEvents`). */
  recorded: string[];
  /** The attributes never varying within a case, in order of first appearance (as `carriedAttributes`, before the procedure's own are taken out). */
  carriedColumns: string[];
  /**
   * The reader's problems of every file first (in input order, as one chunk),
   * then each file's cases in order of first appearance. Iterate once; the
   * temporary files are removed when the iteration ends.
   */
  chunks(): AsyncIterable<CaseChunk>;
  /** Removes the temporary files (again is harmless). */
  close(): void;
}

/** Where an attribute or event type first occurs: file, the case's first line, the event, the key. */
type Position = [number, number, number, number];

function before(a: Position, b: Position): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]!;
  return false;
}

/** What a run keeps across files while building cases. */
interface Tally {
  cases: number;
  types: Map<string, Position>;
  attributes: Map<string, Position>;
  varies: Set<string>;
}

/** The cleanups of the temporary files made for one command: each spill adds its own, and takes it out once done. */
export type TemporaryFiles = Set<() => void>;

/**
 * Runs `fn` with a `TemporaryFiles` to hand to `spillEventsCsv`; every spill
 * made with it is closed when `fn` ends, whether it returns or throws (a usage
 * error after the input was read, say).
 */
export async function withTemporaryFiles<T>(fn: (temporary: TemporaryFiles) => Promise<T>): Promise<T> {
  const temporary: TemporaryFiles = new Set();
  try {
    return await fn(temporary);
  } finally {
    for (const close of [...temporary]) close();
  }
}

/** An error of the temporary files, shown by the CLI as an output that cannot be written (exit 3). */
function spillError(dir: string, err: unknown): Error {
  const e = err as NodeJS.ErrnoException;
  return Object.assign(new Error(e.message), { code: e.code, output: `temporary files in ${dir} (for an input not grouped by case; TMPDIR chooses the directory)` });
}

/** Bytes appended to a file, written 64 kB at a time. */
class ByteSink {
  private readonly fd: number;
  private buf = Buffer.allocUnsafe(1 << 16);
  private size = 0;
  constructor(
    readonly path: string,
    private readonly dir: string,
  ) {
    try {
      this.fd = openSync(path, 'w');
    } catch (e) {
      throw spillError(dir, e);
    }
  }

  /** Appends `src[from, to)`. */
  bytes(src: Buffer, from: number, to: number): void {
    const n = to - from;
    this.room(n);
    // A row is short: a loop copies it faster than a call into `Buffer.copy`.
    if (n > 128) src.copy(this.buf, this.size, from, to);
    else {
      const buf = this.buf;
      let at = this.size;
      for (let i = from; i < to; i++) buf[at++] = src[i]!;
    }
    this.size += n;
  }

  /** Appends one byte. */
  byte(b: number): void {
    this.room(1);
    this.buf[this.size++] = b;
  }

  /** Appends a whole number (not negative) in decimal digits. */
  number(n: number): void {
    this.room(16);
    const buf = this.buf;
    let digits = 1;
    for (let m = n; m >= 10; m = Math.floor(m / 10)) digits++;
    for (let i = this.size + digits - 1; i >= this.size; i--) {
      buf[i] = 48 + (n % 10);
      n = Math.floor(n / 10);
    }
    this.size += digits;
  }

  /** Appends text as UTF-8. */
  text(s: string): void {
    const n = Buffer.byteLength(s, 'utf8');
    this.room(n);
    this.size += this.buf.write(s, this.size, 'utf8');
  }

  private room(n: number): void {
    if (this.size + n <= this.buf.length) return;
    this.flush();
    if (n > this.buf.length) this.buf = Buffer.allocUnsafe(n);
  }

  private flush(): void {
    let done = 0;
    try {
      while (done < this.size) done += writeSync(this.fd, this.buf, done, this.size - done);
    } catch (e) {
      throw spillError(this.dir, e);
    }
    this.size = 0;
  }

  close(): void {
    try {
      this.flush();
    } finally {
      closeSync(this.fd);
    }
  }
}

const FNV_BASIS = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** A case id's partition: FNV-1a of its UTF-16 code units. */
function bucket(caseId: string, k: number): number {
  let h = FNV_BASIS;
  for (let i = 0; i < caseId.length; i++) h = Math.imul(h ^ caseId.charCodeAt(i), FNV_PRIME);
  return (h >>> 0) % k;
}

/**
 * `bucket` of the case id whose UTF-8 bytes are `buf[from, to)`: computed on
 * the bytes while they are ASCII (one byte, one code unit of the same value),
 * else on the decoded text, so that a case id read from bytes and the same
 * case id read as text always land in the same partition.
 */
function bucketOfBytes(buf: Buffer, from: number, to: number, k: number): number {
  let h = FNV_BASIS;
  for (let i = from; i < to; i++) {
    const b = buf[i]!;
    if (b >= 0x80) return bucket(buf.toString('utf8', from, to), k);
    h = Math.imul(h ^ b, FNV_PRIME);
  }
  return (h >>> 0) % k;
}

/** The whole number written in decimal digits in `buf[from, to)`. */
function digits(buf: Buffer, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + (buf[i]! - 48);
  return n;
}

/** The first byte of a spilled row written as JSON (`J`); a row written as its cells starts with a digit. */
const JSON_ROW = 74;

/** A usable row that did not pass the fast checks, in a partition or case file: `J` and this as JSON. */
type SpilledRow = [number, string, string | null, CaseEvent];

/**
 * The layout of a spilled row written as its cells: the row's line number,
 * then the cells of the input row, so every column is one to the right.
 */
function spilledLayout(layout: EventsCsvLayout): EventsCsvLayout {
  return {
    file: layout.file,
    caseId: layout.caseId + 1,
    event: layout.event + 1,
    date: layout.date + 1,
    dob: layout.dob < 0 ? -1 : layout.dob + 1,
    attributes: layout.attributes.map((a) => ({ index: a.index + 1, name: a.name })),
  };
}

/**
 * A spilled row, the current line of `lines` (a partition or case file), read
 * back: a row written as its cells passes `fast.check` again (the same bytes,
 * the same checks as in pass 1), and its event is built from them as the
 * stream of a grouped file builds it; a row written as JSON is parsed.
 */
class SpilledRows {
  line = 0;
  caseId = '';
  type = '';
  /** The row's event (built only when asked for, for a row written as its cells). */
  event: CaseEvent = { type: '', date: '' };
  dob: string | undefined;
  /** Where the current row's bytes start and end (its LF) in `lines.buf`. */
  start = 0;
  end = 0;
  /** The attribute columns' names, in the order of the file's columns. */
  readonly names: string[];
  /** Each attribute column's place among the keys of an event that has every attribute, in `Object.keys` order (integer-like names first). */
  readonly ranks: number[];
  private json = false;

  constructor(private readonly fast: FastRows) {
    this.names = fast.layout.attributes.map((a) => a.name);
    const probe: Record<string, number> = { type: 0, date: 0 };
    for (const name of this.names) probe[name] = 0;
    const keys = Object.keys(probe);
    this.ranks = this.names.map((name) => keys.indexOf(name));
  }

  /** Reads the current line of `lines`; `withId`: also the case id, `withEvent`: also the event (always there for a row written as JSON). */
  read(lines: CsvLines, withId: boolean, withEvent: boolean): void {
    const buf = lines.buf;
    const at = lines.at;
    this.start = at[0]!;
    this.end = at[lines.count]! - 1;
    if (buf[this.start] === JSON_ROW) {
      const [line, caseId, dob, event] = JSON.parse(buf.toString('utf8', this.start + 1, this.end)) as SpilledRow;
      this.json = true;
      this.line = line;
      this.caseId = caseId;
      this.dob = dob ?? undefined;
      this.event = event;
      this.type = event.type;
      return;
    }
    const fast = this.fast;
    if (!fast.check(lines)) throw new Error(`case-spill: a spilled row (line ${digits(buf, at[0]!, at[1]! - 1)}) does not read back as it was written`);
    this.json = false;
    this.line = digits(buf, at[0]!, at[1]! - 1);
    if (withId) this.caseId = lines.text(fast.layout.caseId);
    this.dob = fast.dob;
    this.type = fast.type;
    if (withEvent) this.event = fast.event(lines);
  }

  /** The value of attribute column `j` (of `names`) in the current row's event: undefined when the event does not have it. */
  value(lines: CsvLines, j: number): string | number | boolean | undefined {
    if (!this.json) return this.fast.value(lines, this.fast.layout.attributes[j]!.index);
    const name = this.names[j]!;
    return Object.hasOwn(this.event, name) ? this.event[name] : undefined;
  }
}

/** The reader of spilled rows of a file whose columns are `layout` (as in the file). */
function spilledRows(layout: EventsCsvLayout, opts: EventsCsvOptions): SpilledRows {
  return new SpilledRows(new FastRows(spilledLayout(layout), opts.dateFormat ?? 'iso', opts.knownEvents ? new Set(opts.knownEvents) : undefined));
}

/** One spilled file: its name, problems in input order, its case files and the layout of its columns (undefined when it has no rows). */
interface SpilledFile {
  file: string;
  problems: DataProblem[];
  caseFiles: string[];
  layout: EventsCsvLayout | undefined;
}

/**
 * Pass 1: the rows of one file into `k` partition files, one line each. A row
 * that passes the fast checks (`FastRows`, as the stream of a grouped file
 * reads it: its cells then hold no quote and no line break) is written as its
 * line number, a comma and its bytes as they are in the file; any other usable
 * row, read by `readEventRow`, as `J` and JSON. Returns the problems of the
 * rows that cannot be used, in input order, and the layout of the file's
 * columns; throws as `readEventsCsv` does (the file cannot be read, its
 * header, a date column wholly in the other format).
 */
async function partition(
  input: InputSource,
  opts: EventsCsvOptions,
  dir: string,
  name: string,
  k: number,
  counts: RowCounts,
): Promise<{ problems: DataProblem[]; paths: string[]; layout: EventsCsvLayout | undefined }> {
  const file = sourceName(input);
  const dateFormat = opts.dateFormat ?? 'iso';
  const known = opts.knownEvents ? new Set(opts.knownEvents) : undefined;
  const problems: DataProblem[] = [];
  const tally: DateColumnTally = { file, nonBlank: 0, otherFormat: 0 };
  const sinks: ByteSink[] = [];
  let fast: FastRows | undefined;
  try {
    for (let i = 0; i < k; i++) sinks.push(new ByteSink(join(dir, `${name}-rows-${i}`), dir));
    for await (const batch of scanCsvTable(input, EVENTS_CSV)) {
      fast ??= new FastRows(eventsLayout(batch.header), dateFormat, known);
      const layout = fast.layout;
      const lines = batch.lines;
      const rows = batch.rows;
      for (let r = 0; lines ? lines.next() : r < rows!.length; r++) {
        counts.read++;
        if (lines !== undefined && fast.check(lines)) {
          // A usable row, not faulty, with a date that reads: `readEventsCsv` counts its date cell as written in the format asked for.
          counts.used++;
          tally.nonBlank++;
          const buf = lines.buf;
          const at = lines.at;
          const sink = sinks[bucketOfBytes(buf, at[layout.caseId]!, at[layout.caseId + 1]! - 1, k)]!;
          sink.number(lines.line);
          sink.byte(44);
          sink.bytes(buf, at[0]!, at[lines.count]! - 1);
          sink.byte(10);
          continue;
        }
        const csvRow = lines ? lineRow(lines, batch.header, EVENTS_CSV) : rows![r]!;
        const row = readEventRow(csvRow, layout, dateFormat, known);
        tallyDateCell(tally, csvRow, row, layout, dateFormat);
        if (!row.ok) {
          counts.reported++;
          for (const p of row.problems) problems.push(p);
          continue;
        }
        counts.used++;
        const spilled: SpilledRow = [row.line, row.caseId, row.dob ?? null, row.event];
        const sink = sinks[bucket(row.caseId, k)]!;
        sink.byte(JSON_ROW);
        sink.text(JSON.stringify(spilled));
        sink.byte(10);
      }
    }
  } finally {
    for (const s of sinks) s.close();
  }
  const wrong = wrongDateFormat(tally, dateFormat);
  if (wrong) throw wrong;
  return { problems, paths: sinks.map((s) => s.path), layout: fast?.layout };
}

/** The lines of a partition or case file: no BOM, no blank line, every line ended by LF. */
const spillLines = () => new CsvLines({ bom: false, blankLines: 'keep' });

/** A case of a partition being gathered: its first line, its rows so far (a list through `next`), its dobs, its attribute texts. */
class GatheredCase implements CaseDob {
  events = 1;
  last: number;
  dob: string | undefined;
  dobLine = 0;
  dobConflict = false;
  /** The text of each attribute (`String` of its value) on the first of the case's events that has it. */
  texts: (string | undefined)[] | undefined;
  constructor(
    readonly first: number,
    readonly row: number,
  ) {
    this.last = row;
  }
}

/** Int32Array of `n` (or more) elements holding `a`'s. */
function grown(a: Int32Array<ArrayBuffer>, n: number): Int32Array<ArrayBuffer> {
  if (n < a.length) return a;
  const b = new Int32Array(Math.max(n + 1, a.length * 2));
  b.set(a);
  return b;
}

/**
 * Pass 2: one partition read back whole and gathered by case, without
 * building events: the same dob-conflict warnings `readEventsCsv` gives, and
 * the event types and attributes of each case as `recordedEvents` and
 * `carriedAttributes` see them in its events (`tally`). Then its cases are
 * written to a case file in order of first line: for each case a line `first
 * line,number of rows,date of birth` (empty when the case has none: none
 * given, or conflicting), then its rows as the partition has them. Returns the
 * partition's dob-conflict warnings, in line order.
 */
function buildCases(rowsPath: string, casesPath: string, dir: string, file: string, f: number, spilled: SpilledRows | undefined, tally: Tally): DataProblem[] {
  const warnings: DataProblem[] = [];
  const cases = new Map<string, GatheredCase>();
  let data: Buffer;
  try {
    data = readFileSync(rowsPath);
  } catch (e) {
    throw spillError(dir, e);
  }
  rmSync(rowsPath, { force: true });
  const lines = spillLines();
  lines.push(data);
  lines.end();
  // Row n of the partition: its bytes [starts[n], ends[n]) and the next row of its case (-1: none).
  let starts = new Int32Array(1024);
  let ends = new Int32Array(1024);
  let nexts = new Int32Array(1024);
  let n = 0;
  const note = (map: Map<string, Position>, key: string, first: number, ei: number, ki: number) => {
    const seen = map.get(key);
    if (seen === undefined || before4(f, first, ei, ki, seen)) map.set(key, [f, first, ei, ki]);
  };
  while (lines.next()) {
    const rows = spilled!;
    rows.read(lines, true, false);
    if (n === starts.length) {
      starts = grown(starts, n);
      ends = grown(ends, n);
      nexts = grown(nexts, n);
    }
    starts[n] = rows.start;
    ends[n] = rows.end + 1;
    nexts[n] = -1;
    let c = cases.get(rows.caseId);
    let ei = 0;
    if (c === undefined) cases.set(rows.caseId, (c = new GatheredCase(rows.line, n)));
    else {
      nexts[c.last] = n;
      c.last = n;
      ei = c.events++;
    }
    n++;
    // What `recordedEvents` and `carriedAttributes` see in the event: its type, then each attribute it has (its place among the event's keys by `ranks`).
    note(tally.types, rows.type, c.first, ei, 0);
    const names = rows.names;
    for (let j = 0; j < names.length; j++) {
      const v = rows.value(lines, j);
      if (v === undefined || v === null) continue;
      const name = names[j]!;
      note(tally.attributes, name, c.first, ei, rows.ranks[j]!);
      if (tally.varies.has(name)) continue;
      const text = String(v);
      const texts = (c.texts ??= new Array<string | undefined>(names.length));
      const seen = texts[j];
      if (seen === undefined) texts[j] = text;
      else if (seen !== text) tally.varies.add(name);
    }
    if (rows.dob !== undefined) {
      const warning = noteDob(c, rows.dob, rows.line, rows.caseId, file);
      if (warning) warnings.push(warning);
    }
  }
  const sink = new ByteSink(casesPath, dir);
  try {
    for (const c of cases.values()) {
      sink.number(c.first);
      sink.byte(44);
      sink.number(c.events);
      sink.byte(44);
      if (c.dob !== undefined && !c.dobConflict) sink.text(c.dob);
      sink.byte(10);
      for (let r = c.row; r !== -1; r = nexts[r]!) sink.bytes(data, starts[r]!, ends[r]!);
    }
  } finally {
    sink.close();
  }
  tally.cases += cases.size;
  return warnings;
}

/** `before([f, first, ei, ki], b)`, without making the array. */
function before4(f: number, first: number, ei: number, ki: number, b: Position): boolean {
  if (f !== b[0]) return f < b[0];
  if (first !== b[1]) return first < b[1];
  if (ei !== b[2]) return ei < b[2];
  return ki < b[3];
}

/** Two lists in line order as one (row problems and dob warnings never share a line). */
function mergeByLine(a: DataProblem[], b: DataProblem[]): DataProblem[] {
  if (b.length === 0) return a;
  const out: DataProblem[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && (a[i]!.line ?? 0) <= (b[j]!.line ?? 0))) out.push(a[i++]!);
    else out.push(b[j++]!);
  }
  return out;
}

/**
 * The cases of a case file, pulled one at a time, 64 kB read at a time. A
 * pull, not a stream: a stream keeps reading while the consumer waits for its
 * output to drain, so with many case files open at once their lines would pile
 * up in memory; here a file is read only when its next case is asked for.
 * `first` is the first line of the next case, -1 when none is left.
 */
class CaseFile {
  first = -1;
  private rowCount = 0;
  private dob: string | undefined;
  private readonly lines = spillLines();
  private eof = false;
  private readonly fd: number;
  private readonly chunks: Buffer[] = [];
  private turn = 0;

  constructor(
    path: string,
    private readonly file: string,
    private readonly rows: SpilledRows | undefined,
  ) {
    this.fd = openSync(path, 'r');
    this.head();
  }

  /** The next case, as the whole read gives it: id, events, date of birth, and the file and line of each event. */
  take(): CaseRecord {
    const rows = this.rows!;
    let b: CaseBuilder | undefined;
    for (let i = 0; i < this.rowCount; i++) {
      rows.read(this.line(), b === undefined, true);
      b ??= startCase(rows.caseId);
      b.record.events.push(rows.event);
      b.record.sources!.push({ file: this.file, line: rows.line });
    }
    if (this.dob !== undefined) b!.record.dateOfBirth = this.dob;
    this.head();
    return b!.record;
  }

  close(): void {
    closeSync(this.fd);
  }

  /** Reads the line that starts the next case. */
  private head(): void {
    const lines = this.lines;
    if (!this.next()) {
      this.first = -1;
      return;
    }
    const buf = lines.buf;
    const at = lines.at;
    this.first = digits(buf, at[0]!, at[1]! - 1);
    this.rowCount = digits(buf, at[1]!, at[2]! - 1);
    this.dob = at[3]! - 1 > at[2]! ? lines.text(2) : undefined;
  }

  private line(): CsvLines {
    if (!this.next()) throw new Error('case-spill: a case file ends inside a case');
    return this.lines;
  }

  private next(): boolean {
    const lines = this.lines;
    while (!lines.next()) {
      if (this.eof) return false;
      // Two buffers read into in turn (`lines` copies a line cut by a chunk's end when given the next chunk), not one allocated per read.
      const chunk = (this.chunks[this.turn] ??= Buffer.allocUnsafe(64 * 1024));
      this.turn ^= 1;
      const n = readSync(this.fd, chunk, 0, chunk.length, null);
      if (n === 0) {
        this.eof = true;
        lines.end();
      } else lines.push(chunk.subarray(0, n));
    }
    return true;
  }
}

/** Pass 3: the cases of one file's case files, merged by first line. */
function* mergeCases(spilled: SpilledFile, opts: EventsCsvOptions): Generator<CaseRecord> {
  const readers: CaseFile[] = [];
  try {
    const rows = spilled.layout && spilledRows(spilled.layout, opts);
    for (const path of spilled.caseFiles) readers.push(new CaseFile(path, spilled.file, rows));
    for (;;) {
      let min = -1;
      for (let i = 0; i < readers.length; i++) if (readers[i]!.first !== -1 && (min === -1 || readers[i]!.first < readers[min]!.first)) min = i;
      if (min === -1) return;
      yield readers[min]!.take();
    }
  } finally {
    for (const r of readers) r.close();
  }
}

/**
 * Spills events CSV files by case (passes 1 and 2), for reading case by case
 * in order of first appearance (pass 3, `chunks`). Each file gets
 * `partitionCount(its size)` partitions. Throws what `readEventsCsv` throws,
 * file by file, after removing the temporary files; an error writing them is
 * thrown with an `output` naming the directory. With `temporary`, the files are
 * also removed when its `withTemporaryFiles` call ends.
 */
export async function spillEventsCsv(inputs: readonly InputSource[], opts: EventsCsvOptions = {}, temporary?: TemporaryFiles): Promise<SpilledEvents> {
  let dir: string;
  try {
    dir = mkdtempSync(join(tmpdir(), 'timescales-'));
  } catch (e) {
    throw spillError(tmpdir(), e);
  }
  const close = () => {
    rmSync(dir, { recursive: true, force: true });
    process.off('exit', close);
    temporary?.delete(close);
  };
  process.on('exit', close);
  temporary?.add(close);
  try {
    const counts = noRows();
    const tally: Tally = { cases: 0, types: new Map(), attributes: new Map(), varies: new Set() };
    const files: SpilledFile[] = [];
    for (let f = 0; f < inputs.length; f++) {
      const input = inputs[f]!;
      const file = sourceName(input);
      const { problems, paths, layout } = await partition(input, opts, dir, `f${f}`, partitionCount(inputBytes(input)), counts);
      const warnings: DataProblem[] = [];
      const rows = layout && spilledRows(layout, opts);
      const caseFiles = paths.map((p, i) => {
        const casesPath = join(dir, `f${f}-cases-${i}`);
        for (const w of buildCases(p, casesPath, dir, file, f, rows, tally)) warnings.push(w);
        return casesPath;
      });
      // Each partition's warnings are in line order; together they are sorted (stable) before joining the row problems.
      warnings.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
      files.push({ file, problems: mergeByLine(problems, warnings), caseFiles, layout });
    }
    const order = (map: Map<string, Position>) => [...map.entries()].sort((a, b) => (before(a[1], b[1]) ? -1 : before(b[1], a[1]) ? 1 : 0)).map(([k]) => k);
    let started = false;
    return {
      cases: tally.cases,
      counts,
      recorded: order(tally.types),
      carriedColumns: order(tally.attributes).filter((k) => !tally.varies.has(k)),
      close,
      chunks() {
        if (started) throw new Error('spillEventsCsv: the cases can be read only once');
        started = true;
        return (async function* () {
          try {
            yield { case: undefined, problems: files.flatMap((f) => f.problems) };
            for (const f of files) for (const c of mergeCases(f, opts)) yield { case: c, problems: [] };
          } finally {
            close();
          }
        })();
      },
    };
  } catch (e) {
    close();
    throw e;
  }
}
