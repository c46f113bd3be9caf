/**
 * The audit streams an events CSV whose rows are grouped by case (an index
 * pass, then case by case), and reads a file whose cases are not grouped
 * whole. Both must give the same results, problems and counts.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from './harness';

const dir = mkdtempSync(join(tmpdir(), 'timescales-stream-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

// C1 and C2 grouped; an unknown event (line 4; a bad date would make the CLI read the file whole), a blank case id (line 6), a conflicting dob (line 8).
const grouped = [
  'case_id,event,date,dob',
  'C1,became-looked-after,2024-01-08,2015-05-02',
  'C1,lac-review,2024-02-01,',
  'C1,lac-reveiw,2024-03-01,',
  'C2,became-looked-after,2024-02-05,2016-01-01',
  ',lac-review,2024-03-01,',
  'C2,lac-review,2024-03-04,',
  'C2,lac-review,2024-06-03,2016-01-02',
].join('\n');
// The same rows with C1's last row moved after C2's: C1 comes back, so the file is read whole.
const lines = grouped.split('\n');
const ungrouped = [lines[0], lines[1], lines[2], lines[4], lines[5], lines[6], lines[7], lines[3]].join('\n');

describe('audit of an events CSV, streamed or read whole', () => {
  it('gives the same results, problems and counts for grouped and ungrouped rows', async () => {
    const a = join(dir, 'a-problems.csv');
    const b = join(dir, 'b-problems.csv');
    const streamed = await run('audit', '--procedure', 'lac-review', '--as-of', '2024-06-30', '--problems', a, file('grouped.csv', grouped));
    const whole = await run('audit', '--procedure', 'lac-review', '--as-of', '2024-06-30', '--problems', b, file('ungrouped.csv', ungrouped));
    expect(streamed.code).toBe(1);
    expect(whole.code).toBe(1);
    expect(streamed.out).toBe(whole.out);
    expect(streamed.out.split('\n').filter((l) => l.startsWith('C1,')).length).toBeGreaterThan(0);
    const codes = (text: string) => [...text.matchAll(/\[([a-z-]+)\]$/gm)].map((m) => m[1]).sort();
    expect(codes(streamed.err)).toEqual(codes(whole.err));
    // Reader problems first, in input order (lines 4, 6, 8), then the evaluation's (no file), as for a file read whole.
    const rows = readFileSync(a, 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
    const fromReader = rows.map((r) => r[0] !== '');
    expect(fromReader.indexOf(false)).toBeGreaterThan(0);
    expect(fromReader.slice(fromReader.indexOf(false)).every((x) => !x)).toBe(true);
    expect(rows.filter((r) => r[0] !== '').map((r) => r[1])).toEqual(['4', '6', '8']);
    expect(readFileSync(a, 'utf8').split('\n').length).toBe(readFileSync(b, 'utf8').split('\n').length);
    const closing = (text: string) => text.trim().split('\n').pop();
    expect(closing(streamed.err)).toBe(closing(whole.err));
    expect(closing(streamed.err)).toMatch(/7 rows read, 5 used, 2 reported/);
  });
});

describe('the count of children of streamed files', () => {
  // One file grouped by case: its ids are distinct, so children are counted as cases (no set of ids kept).
  // Two such files sharing C1: two cases of one child, so the set of ids is kept and C1 counted once.
  const one = ['case_id,event,date', 'C1,became-looked-after,2024-01-08', 'C2,became-looked-after,2024-02-05'].join('\n');
  const other = ['case_id,event,date', 'C1,lac-review,2024-02-01', 'C3,became-looked-after,2024-03-04'].join('\n');

  it('counts the cases of one grouped file as children', async () => {
    const r = await run('audit', '--procedure', 'lac-review', '--as-of', '2024-06-30', '--summary', '--format', 'json', file('one.csv', one));
    expect(JSON.parse(r.out)).toMatchObject({ children: 2, cases: 2 });
  });

  it.runIf(process.platform === 'linux')('reads a pipe (which cannot be read twice) whole, with the output of the same rows in a file', async () => {
    const fifo = join(dir, 'events.pipe');
    execFileSync('mkfifo', [fifo]);
    const writing = writeFile(fifo, grouped);
    const piped = await run('audit', '--procedure', 'lac-review', '--as-of', '2024-06-30', fifo);
    await writing;
    const filed = await run('audit', '--procedure', 'lac-review', '--as-of', '2024-06-30', file('as-file.csv', grouped));
    expect(piped.code).toBe(filed.code);
    expect(piped.out).toBe(filed.out);
    expect(piped.err.replaceAll(fifo, 'F')).toBe(filed.err.replaceAll(join(dir, 'as-file.csv'), 'F'));
    // C1 and C2: 2 cases; the 7 rows on lines 2-8 read, 2 reported (the unknown event on line 4, the blank case id on line 6), 5 used.
    expect(piped.err).toContain('2 cases');
    expect(piped.err).toContain('7 rows read, 5 used, 2 reported');
  });

  it('counts a child whose id is in two files once', async () => {
    const r = await run('audit', '--procedure', 'lac-review', '--as-of', '2024-06-30', '--summary', '--format', 'json', file('one.csv', one), file('other.csv', other));
    expect(JSON.parse(r.out)).toMatchObject({ children: 3, cases: 4 });
  });
});
