/**
 * Events CSV files whose rows are not grouped by case, read with memory
 * bounded by a partition instead of by the number of children: the rows are
 * spilled to temporary files by case and read back case by case
 * (docs/cli.md, "Memory: large files are streamed").
 *
 * 1. Partition: the file is read once with the events CSV's own row reader;
 *    each usable row goes to one of K partition files by a hash of its case id
 *    (every row of a case lands in the same partition), with its line number.
 *    Rows that cannot be used are counted and their problems kept, as the
 *    whole read keeps them; the date column is tallied for `wrongDateFormat`.
 * 2. Cases: each partition is read back whole and its cases are built exactly
 *    as `readEventsCsv` builds them (the same dob-conflict warnings, the same
 *    sources: original file and line), then written to a case file in order of
 *    each case's first line. The carried columns and the recorded event types
 *    are worked out here, as over all cases, before anything is evaluated.
 * 3. Merge: the K case files of a file are merged by first line, which gives
 *    the cases in order of first appearance in the file, as the whole read does.
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
import { addRow, eventRowBatches, finishCase, startCase, wrongDateFormat, type CaseBuilder, type DateColumnTally, type EventsCsvOptions } from './events-csv';
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

/** Lines appended to a file, written in large pieces. */
class LineSink {
  private fd: number;
  private parts: string[] = [];
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
  add(line: string): void {
    this.parts.push(line);
    this.size += line.length + 1;
    if (this.size >= 1 << 16) this.flush();
  }
  private flush(): void {
    if (this.parts.length === 0) return;
    const text = `${this.parts.join('\n')}\n`;
    this.parts = [];
    this.size = 0;
    try {
      writeSync(this.fd, text);
    } catch (e) {
      throw spillError(this.dir, e);
    }
  }
  close(): void {
    try {
      this.flush();
    } finally {
      closeSync(this.fd);
    }
  }
}

/** A case id's partition: FNV-1a of its UTF-16 code units. */
function bucket(caseId: string, k: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < caseId.length; i++) h = Math.imul(h ^ caseId.charCodeAt(i), 0x01000193);
  return (h >>> 0) % k;
}

/** A row in a partition file: line, case id, dob, event. */
type SpilledRow = [number, string, string | null, CaseEvent];
/** A case in a case file: first line, id, date of birth, events, the line of each event. */
type SpilledCase = [number, string, string | null, CaseEvent[], number[]];

/** One spilled file: its name, problems in input order, and its case files. */
interface SpilledFile {
  file: string;
  problems: DataProblem[];
  caseFiles: string[];
}

/**
 * Pass 1: the rows of one file into `k` partition files. Returns the problems of
 * the rows that cannot be used, in input order; throws as `readEventsCsv` does
 * (the file cannot be read, its header, a date column wholly in the other format).
 */
async function partition(input: InputSource, opts: EventsCsvOptions, dir: string, name: string, k: number, counts: RowCounts): Promise<{ problems: DataProblem[]; paths: string[] }> {
  const file = sourceName(input);
  const problems: DataProblem[] = [];
  const tally: DateColumnTally = { file, nonBlank: 0, otherFormat: 0 };
  const sinks: LineSink[] = [];
  try {
    for (let i = 0; i < k; i++) sinks.push(new LineSink(join(dir, `${name}-rows-${i}.ndjson`), dir));
    for await (const rows of eventRowBatches(input, opts, tally)) {
      for (const row of rows) {
        counts.read++;
        if (!row.ok) {
          counts.reported++;
          for (const p of row.problems) problems.push(p);
          continue;
        }
        counts.used++;
        const spilled: SpilledRow = [row.line, row.caseId, row.dob ?? null, row.event];
        sinks[bucket(row.caseId, k)]!.add(JSON.stringify(spilled));
      }
    }
  } finally {
    for (const s of sinks) s.close();
  }
  const wrong = wrongDateFormat(tally, opts.dateFormat ?? 'iso');
  if (wrong) throw wrong;
  return { problems, paths: sinks.map((s) => s.path) };
}

/**
 * Pass 2: one partition read back whole, its cases built as `readEventsCsv`
 * builds them and written to a case file in order of first line. Returns the
 * partition's dob-conflict warnings; `tally` gets its cases, event types and attributes.
 */
function buildCases(rowsPath: string, casesPath: string, dir: string, file: string, fileIndex: number, tally: Tally): DataProblem[] {
  const warnings: DataProblem[] = [];
  const cases = new Map<string, { b: CaseBuilder; first: number }>();
  let text: string;
  try {
    text = readFileSync(rowsPath, 'utf8');
  } catch (e) {
    throw spillError(dir, e);
  }
  let start = 0;
  while (start < text.length) {
    const end = text.indexOf('\n', start);
    const [line, caseId, dob, event] = JSON.parse(text.slice(start, end)) as SpilledRow;
    start = end + 1;
    let c = cases.get(caseId);
    if (c === undefined) cases.set(caseId, (c = { b: startCase(caseId), first: line }));
    const warning = addRow(c.b, { ok: true, line, caseId, event, dob: dob ?? undefined }, file);
    if (warning) warnings.push(warning);
  }
  text = '';
  rmSync(rowsPath, { force: true });
  const sink = new LineSink(casesPath, dir);
  try {
    for (const { b, first } of cases.values()) {
      const record = finishCase(b);
      noteCase(record, [fileIndex, first, 0, 0], tally);
      const spilled: SpilledCase = [first, record.id, record.dateOfBirth ?? null, record.events, record.sources!.map((s) => s.line)];
      sink.add(JSON.stringify(spilled));
    }
  } finally {
    sink.close();
  }
  tally.cases += cases.size;
  return warnings;
}

/** A case's event types and attributes, as `recordedEvents` and `carriedAttributes` see them, with where they first occur. */
function noteCase(c: CaseRecord, at: Position, tally: Tally): void {
  const mine = new Map<string, string>();
  const first = (map: Map<string, Position>, key: string, pos: Position) => {
    const seen = map.get(key);
    if (seen === undefined || before(pos, seen)) map.set(key, pos);
  };
  c.events.forEach((e, ei) => {
    first(tally.types, e.type, [at[0], at[1], ei, 0]);
    Object.entries(e).forEach(([k, v], ki) => {
      if (k === 'type' || k === 'date' || v === undefined || v === null) return;
      first(tally.attributes, k, [at[0], at[1], ei, ki]);
      const text = String(v);
      const seen = mine.get(k);
      if (seen === undefined) mine.set(k, text);
      else if (seen !== text) tally.varies.add(k);
    });
  });
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
 * The lines of a file, pulled one at a time, 64 kB read at a time. A pull, not
 * a stream: a stream (readline over `createReadStream`) keeps reading while the
 * consumer waits for its output to drain, so with many case files open at once
 * their lines pile up in memory; here a file is read only when its next line is asked for.
 */
class PulledLines {
  private buf = Buffer.alloc(0);
  private pos = 0;
  private eof = false;
  private readonly fd: number;

  constructor(path: string) {
    this.fd = openSync(path, 'r');
  }

  next(): string | undefined {
    for (;;) {
      const nl = this.buf.indexOf(10, this.pos);
      if (nl !== -1) {
        const line = this.buf.toString('utf8', this.pos, nl);
        this.pos = nl + 1;
        return line;
      }
      if (this.eof) {
        if (this.pos >= this.buf.length) return undefined;
        const last = this.buf.toString('utf8', this.pos);
        this.pos = this.buf.length;
        return last;
      }
      const chunk = Buffer.allocUnsafe(64 * 1024);
      const n = readSync(this.fd, chunk, 0, chunk.length, null);
      if (n === 0) this.eof = true;
      else {
        this.buf = this.pos < this.buf.length ? Buffer.concat([this.buf.subarray(this.pos), chunk.subarray(0, n)]) : chunk.subarray(0, n);
        this.pos = 0;
      }
    }
  }

  close(): void {
    closeSync(this.fd);
  }
}

/** Pass 3: the cases of one file's case files, merged by first line. */
async function* mergeCases(spilled: SpilledFile): AsyncGenerator<CaseRecord> {
  const readers: PulledLines[] = [];
  try {
    for (const path of spilled.caseFiles) readers.push(new PulledLines(path));
    const heads: (SpilledCase | undefined)[] = [];
    const next = (i: number) => {
      const line = readers[i]!.next();
      heads[i] = line === undefined ? undefined : (JSON.parse(line) as SpilledCase);
    };
    for (let i = 0; i < readers.length; i++) next(i);
    for (;;) {
      let min = -1;
      for (let i = 0; i < heads.length; i++) if (heads[i] !== undefined && (min === -1 || heads[i]![0] < heads[min]![0])) min = i;
      if (min === -1) return;
      const [, id, dob, events, eventLines] = heads[min]!;
      const b = startCase(id);
      b.record.events = events;
      b.record.sources = eventLines.map((line) => ({ file: spilled.file, line }));
      if (dob !== null) b.record.dateOfBirth = dob;
      yield b.record;
      next(min);
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
      const { problems, paths } = await partition(input, opts, dir, `f${f}`, partitionCount(inputBytes(input)), counts);
      const warnings: DataProblem[] = [];
      const caseFiles = paths.map((p, i) => {
        const casesPath = join(dir, `f${f}-cases-${i}.ndjson`);
        for (const w of buildCases(p, casesPath, dir, file, f, tally)) warnings.push(w);
        return casesPath;
      });
      // Each partition's warnings are in line order; together they are sorted (stable) before joining the row problems.
      warnings.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
      files.push({ file, problems: mergeByLine(problems, warnings), caseFiles });
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
            for (const f of files) for await (const c of mergeCases(f)) yield { case: c, problems: [] };
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
