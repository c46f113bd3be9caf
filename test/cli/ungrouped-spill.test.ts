/**
 * An events CSV not grouped by case, bigger than one partition, is spilled to
 * temporary files by case (io/case-spill) instead of read whole. Every output
 * must be byte for byte what the whole read gives: each format, the summary and
 * its splits, the problems (stderr and --problems), the exit code, for shuffled
 * rows with problems, dob conflicts, quoted line breaks and two files. The
 * whole read is forced with a partition bigger than the files, the spill with
 * 64-byte partitions (at most 7). The temporary files are gone afterwards.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { spillSettings } from '../../src/io/case-spill';
import { shuffledCaseload } from '../io/case-spill-data';
import { run } from './harness';

const dir = mkdtempSync(join(tmpdir(), 'timescales-ungrouped-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const a = file('a.csv', shuffledCaseload(11, 'A', 40));
const b = file('b.csv', shuffledCaseload(12, 'B', 25));
// Without quotes (every usable row read from its bytes), CRLF and a BOM; and one whose first quote comes after its first chunk.
const f = file('f.csv', shuffledCaseload(13, 'F', 40, { quotes: false, crlf: true, bom: true }));
const m = file('m.csv', shuffledCaseload(14, 'M', 1100, { quotes: false, quotedTail: 12 }));

const saved = { ...spillSettings };
const savedTmp = process.env.TMPDIR;
let spillDir: string;
beforeEach(() => {
  spillDir = mkdtempSync(join(dir, 'tmp-'));
  process.env.TMPDIR = spillDir;
  // Calendar files are stamped with the time they are made (DTSTAMP): the same clock for both runs.
  vi.useFakeTimers({ toFake: ['Date'], now: new Date('2024-07-01T09:00:00Z') });
});
afterEach(() => {
  vi.useRealTimers();
  Object.assign(spillSettings, saved);
  if (savedTmp === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = savedTmp;
});

type Mode = 'whole' | 'spilled';
function partitions(mode: Mode): void {
  spillSettings.partitionBytes = mode === 'whole' ? 1 << 30 : 64;
  spillSettings.maxPartitions = 7;
}

/** The command in one mode: exit code, stdout as written, stderr, and the --problems file when asked for. */
async function audit(mode: Mode, args: string[], command = 'audit') {
  partitions(mode);
  const problems = args.includes('--problems') ? join(dir, 'problems.csv') : undefined;
  const argv = args.map((x) => (x === '--problems' ? x : x === 'PROBLEMS' ? problems! : x));
  const r = await run(command, '--procedure', 'lac-review', '--as-of', '2024-06-30', ...argv);
  const written = problems ? readFileSync(problems, 'utf8') : undefined;
  if (problems) rmSync(problems);
  // Nothing is left in the temporary directory.
  expect(readdirSync(spillDir)).toEqual([]);
  return { code: r.code, raw: r.raw, err: r.err, problems: written };
}

const CASES: [string, string[]][] = [
  ['csv', ['--format', 'csv', '--problems', 'PROBLEMS', a]],
  ['csv of two files, --no-bom', ['--format', 'csv', '--no-bom', a, b]],
  ['json', ['--format', 'json', a, b]],
  ['ndjson', ['--format', 'ndjson', a]],
  ['table', ['--format', 'table', a, b]],
  ['summary (table)', ['--summary', '--format', 'table', a]],
  ['summary csv by quarter and team', ['--summary', '--format', 'csv', '--by', 'quarter', '--group-by', 'team', a, b]],
  ['summary json by quarter', ['--summary', '--format', 'json', '--by', 'quarter', a]],
  ['html by team', ['--format', 'html', '--group-by', 'team', a, b]],
  ['ics with columns', ['--format', 'ics', '--columns', 'team,worker', a]],
  ['only breaches, one rule', ['--format', 'csv', '--only', 'breaches', '--rules', 'review-cycle', a, b]],
  ['csv of files without quotes, or with quotes after the first chunk', ['--format', 'csv', '--problems', 'PROBLEMS', f, m]],
  ['ics with an integer-like column', ['--format', 'ics', '--columns', '2,worker', f, m]],
  ['json of a file with quotes after the first chunk', ['--format', 'json', m]],
];

describe('audit of an events CSV not grouped by case: spilled or read whole, the same bytes', () => {
  for (const [name, args] of CASES) {
    it(name, async () => {
      const whole = await audit('whole', args);
      const spilled = await audit('spilled', args);
      expect(whole.raw.length).toBeGreaterThan(0);
      expect(spilled).toEqual(whole);
    });
  }

  it('the input has what the comparison is about', async () => {
    const whole = await audit('whole', ['--format', 'csv', '--problems', 'PROBLEMS', a, b]);
    expect(whole.code).toBe(1);
    for (const code of ['conflicting-date-of-birth', 'unknown-event', 'missing-value', 'invalid-date', 'wrong-column-count']) expect(whole.problems).toContain(code);
    // Carried columns in the CSV header (team before worker: the order in which cases first give them).
    expect(whole.raw.split('\n')[0]).toMatch(/,team,worker$/);
    // A case id in both files stays two cases; lines after a quoted line break are counted.
    expect(whole.raw).toContain('SHARED');
    const lines = whole.problems!.split('\n').map((l) => l.split(',')).filter((r) => r[0] === a);
    expect(lines.length).toBeGreaterThan(3);
  });

  it('due gives the same bytes', async () => {
    const args = ['--format', 'csv', '--group-by', 'team', '--columns', 'worker', a, b];
    const whole = await audit('whole', args, 'due');
    const spilled = await audit('spilled', args, 'due');
    expect(spilled).toEqual(whole);
  });

  it('the same usage errors, with no temporary files left: a column that is not carried, a date column wholly in the other format', async () => {
    for (const args of [['--summary', '--group-by', 'stage', a], ['--format', 'csv', '--columns', 'team', a]]) {
      const whole = await audit('whole', args);
      const spilled = await audit('spilled', args);
      expect(whole.code).toBe(2);
      expect(spilled).toEqual(whole);
    }
    const uk = file('uk.csv', 'case_id,event,date\nC2,lac-review,27/03/2024\nC1,lac-review,28/03/2024\nC2,lac-review,29/03/2024\n');
    const whole = await audit('whole', [uk]);
    const spilled = await audit('spilled', [uk]);
    expect(whole.code).toBe(2);
    expect(whole.err).toMatch(/use --date-format dd\/mm\/yyyy/);
    expect(spilled).toEqual(whole);
  });

  it('a temporary directory that cannot be written is an output error (exit 3), read whole files need none', async () => {
    process.env.TMPDIR = join(spillDir, 'no-such-dir');
    partitions('spilled');
    for (const input of [a, f]) {
      const r = await run('audit', '--procedure', 'lac-review', '--as-of', '2024-06-30', '--summary', input);
      expect(r.code).toBe(3);
      expect(r.err).toMatch(/^timescales: temporary files in .*no-such-dir \(for an input not grouped by case; TMPDIR chooses the directory\): cannot write \(no such directory\)\n$/);
    }
    partitions('whole');
    expect((await run('audit', '--procedure', 'lac-review', '--as-of', '2024-06-30', '--summary', a)).code).toBe(1);
  });
});
