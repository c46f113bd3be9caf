/**
 * Issue 13, item 2: a row the reader used but the evaluation rejected (a date outside the supported range
 * 1990-01-01 … 2100-12-31, a wall-clock time the clocks skipped) is counted as reported, not used, and its
 * problem names the file and line. The reproducer is written by hand: 27 rows, procedure issues-resolution
 * (its `immediate-concern` takes a date-time).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readEventsCsv } from '../../src/io/events-csv';
import { evaluate } from '../../src/index';
import { run } from '../cli/harness';

const dir = mkdtempSync(join(tmpdir(), 'row-account-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Lines 2-5: four good rows of case A (Mon 4 … Thu 7 Mar 2024, 10:00).
const good = ['2024-03-04T10:00', '2024-03-05T10:00', '2024-03-06T10:00', '2024-03-07T10:00'];
// Lines 6-10: five rows the reader accepts (the dates exist) but the evaluation rejects: years 0000 and 9999,
// Fri 29 Dec 1989 (before the working-day table's 1990-01-01), 01:30 on Sun 31 Mar 2024 (the clocks went
// from 01:00 to 02:00 that night), and a date-only 0000-01-01.
const lateRejects = ['0000-01-01T10:00', '9999-12-31T10:00', '1989-12-29T10:00', '2024-03-31T01:30', '0000-01-01'];
// Lines 11-28: eighteen rows the reader rejects itself, dates that do not exist (29 Feb 2023, 30 Feb 2024, month 13).
const readerRejects = [...Array(6).fill('2023-02-29'), ...Array(6).fill('2024-02-30'), ...Array(6).fill('2024-13-01')];
const text = ['case_id,event,date', ...[...good, ...lateRejects].map((d) => `A,immediate-concern,${d}`), ...readerRejects.map((d) => `B,immediate-concern,${d}`)].join('\n') + '\n';
const csv = join(dir, 'dates.csv');
writeFileSync(csv, text);

describe('rows rejected at evaluation (item 2)', () => {
  it('the evaluation names the file and line of each event it rejects', async () => {
    const r = await readEventsCsv({ path: csv });
    expect(r.counts).toEqual({ read: 27, used: 9, reported: 18 }); // the reader alone: 4 + 5 used, 18 refused
    const a = r.cases.find((c) => c.id === 'A')!;
    const e = evaluate('issues-resolution', a, { asOf: '2024-06-01' });
    const rejected = e.problems.filter((p) => p.severity === 'error');
    expect(rejected.map((p) => [p.file, p.line, p.code])).toEqual([
      [csv, 6, 'date-out-of-range'],
      [csv, 7, 'date-out-of-range'],
      [csv, 8, 'date-out-of-range'],
      [csv, 9, 'invalid-date'],
      [csv, 10, 'date-out-of-range'],
    ]);
    // The record still prints and compares as before: its sources are not enumerable.
    expect(Object.keys(a)).toEqual(['id', 'events']);
  });

  it('audit: 27 rows read, 4 used, 23 reported; 23 errors, each with file and line', async () => {
    const problems = join(dir, 'problems.csv');
    const res = await run('audit', '--procedure', 'issues-resolution', '--as-of', '2024-06-01', '--format', 'csv', '--problems', problems, csv);
    expect(res.code).toBe(1);
    // read 27 = used 4 (lines 2-5) + reported 23 (5 at evaluation, lines 6-10; 18 by the reader, lines 11-28)
    expect(res.err).toMatch(/27 rows read, 4 used, 23 reported; 23 errors, 0 warnings\n$/);
    const lines = readFileSync(problems, 'utf8').replace(/^\uFEFF/, '').trim().split('\n').slice(1);
    expect(lines).toHaveLength(23);
    const at = lines.map((l) => l.split(',').slice(0, 2));
    expect(at.every(([file]) => file === csv)).toBe(true);
    expect(at.map(([, line]) => Number(line)).sort((x, y) => x - y)).toEqual(Array.from({ length: 23 }, (_, i) => i + 6));
  });
});
