/**
 * A whole column in the wrong date format is one usage error (issue 11, item 4):
 * exit 2 and one line naming the option, instead of one problem a row. `add`
 * and `between` take `--date-format` too, with the same hint.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readEventsCsv } from '../../src/index';
import { run } from './harness';

const tmp = mkdtempSync(join(tmpdir(), 'timescales-date-format-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const write = (name: string, text: string) => {
  const f = join(tmp, name);
  writeFileSync(f, text);
  return f;
};
const AUDIT = ['audit', '--procedure', 'lac-review', '--as-of', '2024-06-30'];

describe('the UK-date column stop', () => {
  const uk = write('uk.csv', 'case_id,event,date\nA,became-looked-after,01/03/2024\nA,lac-review,27/03/2024\nB,became-looked-after,\nB,lac-review,2/4/2024\n');

  it('a date column written entirely DD/MM/YYYY stops at once: exit 2, one line naming --date-format dd/mm/yyyy', async () => {
    const r = await run(...AUDIT, uk);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    // Blank cells do not count; the three others are all UK dates.
    expect(r.err).toBe(`timescales: ${uk}:2:date: every date in column "date" is written DD/MM/YYYY (3 of 3, e.g. "01/03/2024"); use --date-format dd/mm/yyyy\n`);
  });

  it('with --date-format dd/mm/yyyy the same file is read', async () => {
    const r = await run(...AUDIT, '--date-format', 'dd/mm/yyyy', '--summary', '--format', 'json', uk);
    // The row of B with a blank date is reported (missing-value): exit 1, the others used.
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out).rows).toEqual({ read: 4, used: 3, reported: 1 });
  });

  it('the other way round: ISO dates with --date-format dd/mm/yyyy', async () => {
    const iso = write('iso.csv', 'case_id,event,date\nA,became-looked-after,2024-03-01\n');
    const r = await run(...AUDIT, '--date-format', 'dd/mm/yyyy', iso);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`timescales: ${iso}:2:date: every date in column "date" is written YYYY-MM-DD (ISO) (1 of 1, e.g. "2024-03-01"); use --date-format iso\n`);
  });

  it('a column with some UK dates among ISO ones is read row by row (each UK date a problem, exit 1)', async () => {
    const mixed = write('mixed.csv', 'case_id,event,date\nA,became-looked-after,2024-03-01\nA,lac-review,27/03/2024\n');
    const r = await run(...AUDIT, mixed);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`error: ${mixed}:3:date: "27/03/2024" is not a valid date (it looks like a UK date DD/MM/YYYY; use --date-format dd/mm/yyyy)`);
  });

  it('the library throws the same error from readEventsCsv', async () => {
    await expect(readEventsCsv({ text: 'case_id,event,date\nA,lac-review,27/03/2024\n', name: 'e.csv' })).rejects.toThrow(
      'e.csv:2:date: every date in column "date" is written DD/MM/YYYY (1 of 1, e.g. "27/03/2024"); use --date-format dd/mm/yyyy',
    );
  });
});

describe('add and between take --date-format', () => {
  it('a UK date without it: exit 2 and the hint', async () => {
    const r = await run('add', '27/03/2024', '3wd');
    expect(r.code).toBe(2);
    expect(r.err).toContain('date: "27/03/2024" is not a valid date (it looks like a UK date DD/MM/YYYY; use --date-format dd/mm/yyyy)');
    const b = await run('between', '27/03/2024', '03/04/2024');
    expect(b.code).toBe(2);
    expect(b.err).toContain('start: "27/03/2024" is not a valid date (it looks like a UK date DD/MM/YYYY; use --date-format dd/mm/yyyy)');
  });

  it('with it: UK dates in, UK dates out', async () => {
    // Wed 27 Mar 2024 + 3 WD, skipping Good Friday 29 Mar and Easter Monday 1 Apr: Thu 28 (1), Tue 2 Apr (2), Wed 3 Apr (3).
    expect(await run('add', '--date-format', 'dd/mm/yyyy', '27/03/2024', '3wd')).toMatchObject({ code: 0, out: '03/04/2024\n' });
    // Back 3 WD from Wed 3 Apr: Tue 2 (1), Thu 28 Mar (2), Wed 27 Mar (3).
    expect(await run('add', '--date-format', 'dd/mm/yyyy', '03/04/2024', '-3wd')).toMatchObject({ code: 0, out: '27/03/2024\n' });
    expect(await run('between', '--date-format', 'dd/mm/yyyy', '27/03/2024', '03/04/2024')).toMatchObject({ code: 0, out: '3\n' });
    const iso = await run('add', '--date-format', 'dd/mm/yyyy', '2024-03-27', '3wd');
    expect(iso.code).toBe(2);
    expect(iso.err).toContain('it looks like an ISO date YYYY-MM-DD; use --date-format iso');
  });
});
