/**
 * `spillEventsCsv` (io/case-spill): events CSV files not grouped by case,
 * spilled to temporary files by case and read back, give what the whole read
 * (`readEventsCsv`) gives: the same cases in the same order (events, date of
 * birth, sources), the same problems in the same order, the same counts, the
 * carried columns and recorded event types `carriedAttributes` and
 * `recordedEvents` work out over all cases. The temporary files are gone
 * afterwards, also when the read fails.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { carriedAttributes, recordedEvents, type CaseRecord } from '../../src/index';
import { spillEventsCsv, spillSettings, withTemporaryFiles } from '../../src/io/case-spill';
import { readEventsCsv } from '../../src/io/events-csv';
import type { ReadResult } from '../../src/io/result';
import { shuffledCaseload } from './case-spill-data';

const dir = mkdtempSync(join(tmpdir(), 'timescales-spill-test-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// The spill's own temporary directory, so that what it leaves behind can be seen.
let spillDir: string;
const saved = { ...spillSettings };
const savedTmp = process.env.TMPDIR;
beforeEach(() => {
  spillDir = mkdtempSync(join(dir, 'tmp-'));
  process.env.TMPDIR = spillDir;
  // 64-byte partitions: every file gets many (at most 7, so that the cap is used too).
  spillSettings.partitionBytes = 64;
  spillSettings.maxPartitions = 7;
});
afterEach(() => {
  Object.assign(spillSettings, saved);
  if (savedTmp === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = savedTmp;
});

const left = () => readdirSync(spillDir);

/** A spilled read as a ReadResult, with each case's sources (not enumerable) made plain for comparing. */
async function spilledRead(paths: string[], opts = {}): Promise<ReadResult & { recorded: string[]; carriedColumns: string[]; count: number }> {
  const s = await spillEventsCsv(paths.map((path) => ({ path })), opts);
  const cases: CaseRecord[] = [];
  const problems = [];
  for await (const chunk of s.chunks()) {
    if (chunk.case) cases.push(chunk.case);
    problems.push(...chunk.problems);
  }
  return { cases, problems, counts: s.counts, recorded: s.recorded, carriedColumns: s.carriedColumns, count: s.cases };
}

/** The whole read of several files, as the CLI combines them. */
async function wholeRead(paths: string[], opts = {}): Promise<ReadResult> {
  const reads = [];
  for (const path of paths) reads.push(await readEventsCsv({ path }, opts));
  return { cases: reads.flatMap((r) => r.cases), problems: reads.flatMap((r) => r.problems), counts: { read: 0, used: 0, reported: 0 } };
}

const withSources = (cases: CaseRecord[]) => cases.map((c) => ({ ...c, sources: c.sources }));

describe('spillEventsCsv', () => {
  it('gives the cases, problems, counts, carried columns and event types of the whole read, in the same order', async () => {
    const a = file('a.csv', shuffledCaseload(1, 'A'));
    const b = file('b.csv', shuffledCaseload(2, 'B'));
    const opts = { knownEvents: ['became-looked-after', 'lac-review', 'carer-changed'] };
    const spilled = await spilledRead([a, b], opts);
    const whole = await wholeRead([a, b], opts);
    expect(withSources(spilled.cases)).toEqual(withSources(whole.cases));
    expect(spilled.cases.map((c) => c.id)).toEqual(whole.cases.map((c) => c.id));
    expect(spilled.problems).toEqual(whole.problems);
    expect(spilled.count).toBe(whole.cases.length);
    const counts = [(await readEventsCsv({ path: a }, opts)).counts, (await readEventsCsv({ path: b }, opts)).counts];
    expect(spilled.counts.read).toBe(counts[0]!.read + counts[1]!.read);
    expect(spilled.counts.used).toBe(counts[0]!.used + counts[1]!.used);
    expect(spilled.counts.reported).toBe(counts[0]!.reported + counts[1]!.reported);
    expect(spilled.carriedColumns).toEqual(carriedAttributes(whole.cases).columns);
    expect(spilled.recorded).toEqual(recordedEvents(whole.cases));
    // The data has what the comparison is about: dob conflicts, row problems, a case id in both files, lines after a quoted line break.
    const codes = new Set(whole.problems.map((p) => p.code));
    for (const code of ['conflicting-date-of-birth', 'unknown-event', 'missing-value', 'invalid-date', 'wrong-column-count']) expect(codes).toContain(code);
    expect(whole.cases.filter((c) => c.id === 'SHARED')).toHaveLength(2);
    expect(carriedAttributes(whole.cases).columns).toEqual(['team', 'worker']);
    expect(left()).toEqual([]);
  });

  /** The spilled read against the whole read of the same files: cases with sources, problems, counts, carried columns, event types. */
  async function expectAsWhole(paths: string[], opts = {}): Promise<ReadResult> {
    const spilled = await spilledRead(paths, opts);
    const whole = await wholeRead(paths, opts);
    expect(withSources(spilled.cases)).toEqual(withSources(whole.cases));
    expect(spilled.cases.map((c) => Object.keys(c))).toEqual(whole.cases.map((c) => Object.keys(c)));
    expect(spilled.cases.flatMap((c) => c.events.map((e) => Object.keys(e)))).toEqual(whole.cases.flatMap((c) => c.events.map((e) => Object.keys(e))));
    expect(spilled.problems).toEqual(whole.problems);
    expect(spilled.count).toBe(whole.cases.length);
    const counts = await Promise.all(paths.map(async (path) => (await readEventsCsv({ path }, opts)).counts));
    expect(spilled.counts).toEqual({ read: counts.reduce((n, c) => n + c.read, 0), used: counts.reduce((n, c) => n + c.used, 0), reported: counts.reduce((n, c) => n + c.reported, 0) });
    expect(spilled.carriedColumns).toEqual(carriedAttributes(whole.cases).columns);
    expect(spilled.recorded).toEqual(recordedEvents(whole.cases));
    expect(left()).toEqual([]);
    return whole;
  }

  it('gives what the whole read gives for rows read from their bytes: odd cell text, booleans, empty cells, CRLF, a BOM, non-ASCII case ids', async () => {
    const opts = { knownEvents: ['became-looked-after', 'lac-review', 'carer-changed'] };
    const texts = [
      shuffledCaseload(21, 'F', 40, { quotes: false }),
      shuffledCaseload(22, 'G', 40, { quotes: false, crlf: true }),
      shuffledCaseload(23, 'H', 40, { quotes: false, bom: true, crlf: true }),
    ];
    for (const text of texts) expect(text).not.toContain('"');
    const paths = texts.map((text, i) => file(`fast-${i}.csv`, text));
    const whole = await expectAsWhole(paths, opts);
    await expectAsWhole(paths);
    // The data has what the comparison is about.
    const values = whole.cases.flatMap((c) => c.events.flatMap((e) => Object.values(e)));
    for (const v of ['tab\there', 'back\\slash\\n', 'café 漢字 😀', '{J[1', '12', 'J', ' spaced ', true, false]) expect(values).toContain(v);
    expect(whole.cases.some((c) => c.id.startsWith('Jé'))).toBe(true);
    expect(whole.cases.some((c) => c.events.some((e) => Object.keys(e)[0] === '2'))).toBe(true);
    // 2 and worker are carried, and first met in the same event: their order is the order of an event's keys.
    expect(carriedAttributes(whole.cases).columns).toEqual(['team', '2', 'worker']);
    expect(whole.cases.some((c) => c.events.some((e) => Object.hasOwn(e, 'valueOf')))).toBe(true);
    expect(whole.cases.some((c) => c.events.some((e) => !Object.hasOwn(e, 'valueOf')))).toBe(true);
    const codes = new Set(whole.problems.map((p) => p.code));
    for (const code of ['conflicting-date-of-birth', 'unknown-event', 'missing-value', 'invalid-date', 'wrong-column-count']) expect(codes).toContain(code);
  });

  it("gives what the whole read gives when a file's first quote comes after its first chunk: rows of one case read both ways", async () => {
    const text = shuffledCaseload(24, 'M', 1100, { quotes: false, quotedTail: 12 });
    expect(text.indexOf('"')).toBeGreaterThan(256 * 1024);
    const path = file('mixed.csv', text);
    // The case files hold rows of both kinds: written as their bytes (a line number first) and as JSON (J).
    const s = await spillEventsCsv([{ path }]);
    const [made] = left();
    const caseLines = readdirSync(join(spillDir, made!))
      .filter((f) => f.includes('-cases-'))
      .flatMap((f) => readFileSync(join(spillDir, made!, f), 'utf8').split('\n'));
    expect(caseLines.some((l) => l.startsWith('J'))).toBe(true);
    expect(caseLines.some((l) => /^\d+,(M|Jé)/.test(l))).toBe(true);
    s.close();
    const whole = await expectAsWhole([path], { knownEvents: ['became-looked-after', 'lac-review', 'carer-changed'] });
    const notes = whole.cases.flatMap((c) => c.events.map((e) => e.note));
    for (const v of ['two\nlines, "quoted"', 'tab\tand \\ back', 'é 漢字\r\nCRLF inside', 'J[1,"x"]']) expect(notes).toContain(v);
    expect(whole.problems.some((p) => p.code === 'conflicting-date-of-birth' && (p.line ?? 0) >= text.slice(0, text.indexOf('"')).split('\n').length)).toBe(true);
  });

  it('gives what the whole read gives when a case file is longer than its two 64 kB read buffers', async () => {
    // One partition: its case file holds every row, read back 64 kB at a time into two buffers in turn.
    spillSettings.maxPartitions = 1;
    const path = file('long.csv', shuffledCaseload(25, 'L', 1100, { quotes: false }));
    const s = await spillEventsCsv([{ path }]);
    const [made] = left();
    const caseFiles = readdirSync(join(spillDir, made!)).filter((f) => f.includes('-cases-'));
    expect(caseFiles).toHaveLength(1);
    expect(readFileSync(join(spillDir, made!, caseFiles[0]!)).length).toBeGreaterThan(4 * 64 * 1024);
    s.close();
    await expectAsWhole([path]);
  });

  it('keeps several partitions until the cases are read, then removes them', async () => {
    const a = file('c.csv', shuffledCaseload(3, 'C'));
    const s = await spillEventsCsv([{ path: a }]);
    const [made] = left();
    expect(made).toMatch(/^timescales-/);
    expect(readdirSync(join(spillDir, made!)).filter((f) => f.includes('-cases-'))).toHaveLength(7);
    let n = 0;
    for await (const chunk of s.chunks()) if (chunk.case) n++;
    expect(n).toBe(s.cases);
    expect(left()).toEqual([]);
  });

  it('removes its files when the reading stops early, when closed unread, and at the end of withTemporaryFiles', async () => {
    const a = file('d.csv', shuffledCaseload(4, 'D'));
    const early = await spillEventsCsv([{ path: a }]);
    for await (const chunk of early.chunks()) if (chunk.case) break;
    expect(left()).toEqual([]);
    const unread = await spillEventsCsv([{ path: a }]);
    expect(left()).toHaveLength(1);
    unread.close();
    expect(left()).toEqual([]);
    await expect(
      withTemporaryFiles(async (temporary) => {
        await spillEventsCsv([{ path: a }], {}, temporary);
        expect(left()).toHaveLength(1);
        throw new Error('a usage error after the input was read');
      }),
    ).rejects.toThrow('a usage error');
    expect(left()).toEqual([]);
  });

  it('throws what the whole read throws, and leaves no files: a date column wholly in the other format, a missing file', async () => {
    const uk = file('uk.csv', 'case_id,event,date\nC2,lac-review,27/03/2024\nC1,lac-review,28/03/2024\nC2,lac-review,29/03/2024\n');
    const expected = await readEventsCsv({ path: uk }).catch((e: Error) => e.message);
    await expect(spillEventsCsv([{ path: uk }])).rejects.toThrow(expected as string);
    expect(expected).toMatch(/use --date-format dd\/mm\/yyyy/);
    expect(left()).toEqual([]);
    const missing = join(dir, 'no-such.csv');
    const absent = await readEventsCsv({ path: missing }).catch((e: Error) => e.message);
    await expect(spillEventsCsv([{ path: missing }])).rejects.toThrow(absent as string);
    expect(left()).toEqual([]);
  });

  it('says so when the temporary directory cannot be written', async () => {
    process.env.TMPDIR = join(spillDir, 'no', 'such', 'dir');
    const a = file('e.csv', shuffledCaseload(5, 'E'));
    const err = await spillEventsCsv([{ path: a }]).catch((e: Error & { output?: string }) => e);
    expect((err as { output?: string }).output).toMatch(/^temporary files in .*no\/such\/dir .*TMPDIR/);
    expect(existsSync(join(spillDir, 'no'))).toBe(false);
  });
});
