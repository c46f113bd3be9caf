/**
 * The `add` and `between` commands, run in-process through `main`.
 *
 * Every expected date below was worked out by hand on a printed calendar
 * (python3 -c "import calendar; print(calendar.month(2024, 3))") and the
 * bank holidays of src/calendar/govuk-bank-holidays.json (the official gov.uk list the package carries); the counting
 * is written beside each one. Day 0 (the start date) is never counted (C2).
 *
 * England and Wales bank holidays used here: 2024-01-01, Fri 2024-03-29 (Good
 * Friday), Mon 2024-04-01 (Easter Monday), 2024-12-25, 2024-12-26, 2025-01-01.
 * Scotland differs: Tue 2024-01-02 (2nd January) is a holiday and Easter
 * Monday 2024-04-01 is not.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from './harness';


const data = (name: string) => fileURLToPath(new URL(`./data/${name}`, import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'timescales-cli-cal-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A usage error: exit 2, nothing on stdout, a message on stderr and no stack trace. */
function expectUsageError(r: { code: number; out: string; err: string }, ...mentions: string[]): void {
  expect(r.code).toBe(2);
  expect(r.out).toBe('');
  expect(r.err.trim()).not.toBe('');
  for (const m of mentions) expect(r.err).toContain(m);
  expect(r.err).not.toMatch(/^\s+at /m);
  expect(r.err).not.toMatch(/\.ts:\d+:\d+/);
}

describe('timescales add', () => {
  it('adds 20 working days, skipping Good Friday and Easter Monday', async () => {
    // From Wed 2024-03-27: Thu 28 (1); Fri 29 Good Friday; Sat 30, Sun 31; Mon 1 Apr Easter Monday;
    // Tue 2 (2), Wed 3 (3), Thu 4 (4), Fri 5 (5); Mon 8..Fri 12 (6..10); Mon 15..Fri 19 (11..15);
    // Mon 22 (16), Tue 23 (17), Wed 24 (18), Thu 25 (19), Fri 26 (20) → 2024-04-26.
    const r = await run('add', '2024-03-27', '20wd');
    expect(r).toEqual({ code: 0, out: '2024-04-26\n', err: '' });
  });

  it('adds 3 working days (the C2 example)', async () => {
    // Wed 2024-03-27 + 3wd: Thu 28 (1), [Fri 29 GF, Sat, Sun, Mon 1 Apr EM], Tue 2 (2), Wed 3 (3) → 2024-04-03.
    expect(await run('add', '2024-03-27', '3wd')).toEqual({ code: 0, out: '2024-04-03\n', err: '' });
  });

  it('takes 3 working days away with a negative duration written as the help shows it (-3wd)', async () => {
    // Wed 2024-04-03 − 3wd: Tue 2 (1), [Mon 1 EM, Sun, Sat, Fri 29 GF], Thu 28 (2), Wed 27 (3) → 2024-03-27.
    // The help and interfaces.md list `-3wd` as a duration; it must not be taken for an unknown option.
    expect(await run('add', '2024-04-03', '-3wd')).toEqual({ code: 0, out: '2024-03-27\n', err: '' });
  });

  it('takes 3 working days away after `--`', async () => {
    // Same arithmetic as above → 2024-03-27.
    expect(await run('add', '--', '2024-04-03', '-3wd')).toEqual({ code: 0, out: '2024-03-27\n', err: '' });
  });

  it('adds a month, clamping 31 January to 29 February in a leap year', async () => {
    // 2024-01-31 + 1 month: 31 Feb does not exist; February 2024 has 29 days → 2024-02-29.
    expect(await run('add', '2024-01-31', '1m')).toEqual({ code: 0, out: '2024-02-29\n', err: '' });
    // 2023 is not a leap year: 2023-01-31 + 1 month → 2023-02-28.
    expect((await run('add', '2023-01-31', '1m')).out).toBe('2023-02-28\n');
  });

  it('adds 24 elapsed hours across the spring clock change', async () => {
    // Clocks went forward at 01:00 GMT on Sun 2024-03-31: 24 real hours after Sat 12:00 GMT is Sun 12:00 GMT = 13:00 BST.
    expect(await run('add', '2024-03-30T12:00', '24h')).toEqual({ code: 0, out: '2024-03-31T13:00\n', err: '' });
  });

  it('rolls a calendar-day result off a non-working day only when asked', async () => {
    // Sat 2024-03-16 + 14 days = Sat 2024-03-30 (16 + 14 = 30): not moved by default (C4).
    expect((await run('add', '2024-03-16', '14d')).out).toBe('2024-03-30\n');
    // --roll forward: Sat 30, Sun 31, Mon 1 Apr (Easter Monday) are not working days → Tue 2024-04-02.
    expect((await run('add', '2024-03-16', '14d', '--roll', 'forward')).out).toBe('2024-04-02\n');
    // --roll backward: Fri 29 Mar is Good Friday → Thu 2024-03-28.
    expect((await run('add', '2024-03-16', '14d', '--roll', 'backward')).out).toBe('2024-03-28\n');
  });

  it('uses the Scottish bank holidays with --calendar scotland', async () => {
    // Fri 2023-12-29 + 1wd. England and Wales: Sat 30, Sun 31, Mon 1 Jan (New Year) → Tue 2024-01-02.
    expect((await run('add', '2023-12-29', '1wd')).out).toBe('2024-01-02\n');
    // Scotland: Tue 2 Jan is also a bank holiday (2nd January) → Wed 2024-01-03.
    expect((await run('add', '2023-12-29', '1wd', '--calendar', 'scotland')).out).toBe('2024-01-03\n');
    // Scotland has no Easter Monday: Wed 2024-03-27 + 3wd = Thu 28 (1), [Fri 29 GF, Sat, Sun], Mon 1 Apr (2), Tue 2 (3) → 2024-04-02
    // (England and Wales: 2024-04-03, above).
    expect((await run('add', '2024-03-27', '3wd', '--calendar', 'scotland')).out).toBe('2024-04-02\n');
  });

  it('skips local closure days from --closures FILE (comments and blank lines allowed)', async () => {
    // Without closures, Fri 2024-12-20 + 5wd: Mon 23 (1), Tue 24 (2), [Wed 25, Thu 26 Christmas, Boxing Day],
    // Fri 27 (3), Mon 30 (4), Tue 31 (5) → 2024-12-31.
    expect((await run('add', '2024-12-20', '5wd')).out).toBe('2024-12-31\n');
    // Closed 27, 30 and 31 Dec: Mon 23 (1), Tue 24 (2), [25, 26, 27, Sat, Sun, 30, 31, Wed 1 Jan New Year],
    // Thu 2 (3), Fri 3 (4), [Sat, Sun], Mon 6 (5) → 2025-01-06.
    const r = await run('add', '2024-12-20', '5wd', '--closures', data('closures-xmas-2024.txt'));
    expect(r).toEqual({ code: 0, out: '2025-01-06\n', err: '' });
  });

  it('takes bank holidays from a gov.uk-shaped --holidays FILE', async () => {
    // The file lists 2024 with an extra one-off holiday on Tue 2024-04-02:
    // Wed 2024-03-27 + 3wd = Thu 28 (1), [Fri 29 GF, Sat, Sun, Mon 1 EM, Tue 2 one-off], Wed 3 (2), Thu 4 (3) → 2024-04-04.
    expect(await run('add', '2024-03-27', '3wd', '--holidays', data('holidays-2024-extra.json'))).toEqual({ code: 0, out: '2024-04-04\n', err: '' });
    // A file for 2024 without Easter replaces the bundled 2024 list: Thu 28 (1), Fri 29 (2), [Sat, Sun], Mon 1 Apr (3) → 2024-04-01.
    expect((await run('add', '2024-03-27', '3wd', '--holidays', data('holidays-2024-no-easter.json'))).out).toBe('2024-04-01\n');
  });

  it('--explain prints how the date was reached on stderr, the date alone on stdout', async () => {
    // Wed 2024-03-27 + 3wd → 2024-04-03, skipping Good Friday 29 Mar and Easter Monday 1 Apr (see above).
    const r = await run('add', '2024-03-27', '3wd', '--explain');
    expect(r.code).toBe(0);
    expect(r.out).toBe('2024-04-03\n');
    expect(r.err).toContain('2024-03-29');
    expect(r.err).toContain('2024-04-01');
    expect(r.err).toContain('2024-04-03');
  });

  it('shows help with examples', async () => {
    const r = await run('add', '--help');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Examples:\n\s+timescales add /);
    expect(r.err).toBe('');
  });
});

describe('timescales between', () => {
  it('counts working days after the start up to and including the end', async () => {
    // After Wed 2024-03-27 up to Wed 2024-04-03: Thu 28, [Fri 29 GF, Sat, Sun, Mon 1 EM], Tue 2, Wed 3 → 3.
    expect(await run('between', '2024-03-27', '2024-04-03')).toEqual({ code: 0, out: '3\n', err: '' });
    // Mirrored when the end is before the start.
    expect(await run('between', '2024-04-03', '2024-03-27')).toEqual({ code: 0, out: '-3\n', err: '' });
    // Same day: nothing after the start → 0.
    expect((await run('between', '2024-03-27', '2024-03-27')).out).toBe('0\n');
  });

  it('follows --calendar and --closures', async () => {
    // Scotland counts Easter Monday: Thu 28, Mon 1, Tue 2, Wed 3 → 4.
    expect((await run('between', '2024-03-27', '2024-04-03', '--calendar', 'scotland')).out).toBe('4\n');
    // Fri 2024-12-20 to Mon 2025-01-06, England and Wales: 23, 24, 27, 30, 31 Dec, 2, 3, 6 Jan → 8.
    expect((await run('between', '2024-12-20', '2025-01-06')).out).toBe('8\n');
    // With 27, 30, 31 Dec closed: 23, 24 Dec, 2, 3, 6 Jan → 5.
    expect((await run('between', '2024-12-20', '2025-01-06', '--closures', data('closures-xmas-2024.txt'))).out).toBe('5\n');
  });

  it('shows help with examples', async () => {
    const r = await run('between', '--help');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Examples:\n\s+timescales between /);
  });
});

describe('usage errors: exit 2, a message naming the bad value, no stack trace', () => {
  it('an impossible date', async () => {
    expectUsageError(await run('add', '2024-02-30', '1d'), '2024-02-30');
    expectUsageError(await run('between', '2024-03-27', '2023-02-29'), '2023-02-29');
  });

  it('a UK-format date where ISO is expected', async () => {
    expectUsageError(await run('add', '31/12/2024', '1d'), '31/12/2024');
  });

  it('a bad duration', async () => {
    expectUsageError(await run('add', '2024-03-27', '20x'), '20x');
    expectUsageError(await run('add', '2024-03-27', 'twenty'), 'twenty');
  });

  it('an unknown region', async () => {
    expectUsageError(await run('add', '2024-03-27', '1wd', '--calendar', 'wales'), 'wales');
  });

  it('an unknown --roll direction', async () => {
    expectUsageError(await run('add', '2024-03-16', '14d', '--roll', 'sideways'), 'sideways');
  });

  it('an unknown command', async () => {
    expectUsageError(await run('frobnicate', '2024-03-27'), 'frobnicate');
  });

  it('a missing argument', async () => {
    expectUsageError(await run('add', '2024-03-27'), 'duration');
    expectUsageError(await run('between', '2024-03-27'), 'end');
  });

  it('a closures file with a bad date names the file, the line and the value', async () => {
    const file = join(tmp, 'bad-closures.txt');
    writeFileSync(file, '# closures\n2024-12-27\n2024-13-01\n');
    expectUsageError(await run('add', '2024-12-20', '5wd', '--closures', file), file, '3', '2024-13-01');
  });

  it('a missing closures file names the file', async () => {
    const file = join(tmp, 'no-such-closures.txt');
    expectUsageError(await run('add', '2024-12-20', '5wd', '--closures', file), file);
  });

  it('a holidays file that is not JSON names the file', async () => {
    const file = join(tmp, 'bad-holidays.json');
    writeFileSync(file, '{ "england-and-wales": ');
    expectUsageError(await run('add', '2024-03-27', '3wd', '--holidays', file), file);
  });
});

describe('--help on every command', () => {
  it.each(['add', 'between', 'procedures', 'rules', 'audit'])('%s --help exits 0 and shows examples', async (command) => {
    const r = await run(command, '--help');
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toContain(`Usage: timescales ${command}`);
    // At least one example command line under an "Examples:" (or "Example:") heading.
    expect(r.out).toMatch(new RegExp(`Examples?:\\n\\s+timescales ${command}\\b`));
  });
});
