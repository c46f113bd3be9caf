/**
 * What every reader returns, written once: `{ cases, problems, counts }`,
 * and the streaming form `CaseStream` (an async iterable of case chunks with
 * live counts) that the streaming readers build with `caseStream`.
 */
import type { CaseRecord } from '../engine/case';
import type { DataProblem } from '../engine/problems';

/**
 * The rows of a read. Always `read === used + reported`. What a row is depends
 * on the format: a CSV record after the header, a non-blank NDJSON line, a
 * mapped CIN census element (docs/data-formats.md). Blank lines are not rows.
 */
export interface RowCounts {
  read: number;
  /** Rows that were read without an error (a row with only warnings is used). */
  used: number;
  /** Rows that were not used; each has at least one `error` problem. */
  reported: number;
}

/** What a reader returns. */
export interface ReadResult {
  /** Cases in order of first appearance. */
  cases: CaseRecord[];
  /** Every problem found, in input order. */
  problems: DataProblem[];
  counts: RowCounts;
  /**
   * The event types this input can record, when its format declares them
   * (SSDA903, CIN census, action plan: the events of the mapping, whether or
   * not they occur). Absent for generic files: what they record is the
   * event types that occur in them. An audit judges only the rules the data
   * can measure (docs/cli.md, "What an audit measures").
   */
  records?: string[];
  /**
   * Cases the reader read but sets apart from the evaluation, with the reason
   * (SSDA903: periods of care on short breaks). Their rows are used; the
   * audit counts them apart in the summary.
   */
  setAside?: { reason: string; cases: CaseRecord[] }[];
}

/**
 * One item of a streaming read: a case with the problems found while reading
 * it. `case` is `undefined` for rows that gave no usable case (their problems
 * say why).
 */
export interface CaseChunk {
  case: CaseRecord | undefined;
  problems: DataProblem[];
}

/**
 * A streaming read: iterate it once with `for await`; `counts` is live while
 * iterating and final when the iteration has finished.
 */
export interface CaseStream extends AsyncIterable<CaseChunk> {
  readonly counts: Readonly<RowCounts>;
}

/** Zero counts, to add rows to. */
export function noRows(): RowCounts {
  return { read: 0, used: 0, reported: 0 };
}

/**
 * Makes a `CaseStream` from a generator that keeps `counts` as it goes.
 * @example caseStream('streamNdjson', async function* (counts) { counts.read++; counts.used++; yield { case: c, problems: [] }; })
 */
export function caseStream(name: string, chunks: (counts: RowCounts) => AsyncGenerator<CaseChunk>): CaseStream {
  const counts = noRows();
  let started = false;
  return {
    counts,
    [Symbol.asyncIterator]() {
      if (started) throw new Error(`${name}: a stream can be iterated only once`);
      started = true;
      return chunks(counts);
    },
  };
}

/**
 * Reads a whole stream: its cases in order, its problems in order, its final counts.
 * @example const { cases, problems, counts } = await readAll(streamNdjson({ path: 'cases.ndjson' }));
 */
export async function readAll(stream: CaseStream): Promise<ReadResult> {
  const cases: CaseRecord[] = [];
  const problems: DataProblem[] = [];
  for await (const chunk of stream) {
    if (chunk.case) cases.push(chunk.case);
    for (const p of chunk.problems) problems.push(p);
  }
  return { cases, problems, counts: { ...stream.counts } };
}

/**
 * Several reads as one (e.g. the files of one audit): cases and problems in
 * order, counts added up. A case id in two reads stays two cases.
 * @example combineReads([a, b]).counts.read === a.counts.read + b.counts.read
 */
export function combineReads(reads: readonly ReadResult[]): ReadResult {
  const out: ReadResult = { cases: [], problems: [], counts: noRows() };
  for (const r of reads) {
    for (const c of r.cases) out.cases.push(c);
    for (const p of r.problems) out.problems.push(p);
    out.counts.read += r.counts.read;
    out.counts.used += r.counts.used;
    out.counts.reported += r.counts.reported;
  }
  // Declared records are kept only when every read declares them (a generic file records what occurs in it).
  if (reads.length > 0 && reads.every((r) => r.records !== undefined)) out.records = [...new Set(reads.flatMap((r) => r.records!))];
  return out;
}
