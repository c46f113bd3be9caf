/**
 * `timescales due` and the calendar export, run in-process (stdout and stderr
 * are not TTYs, so the default format is csv).
 *
 * Input test/cli/data/cp-due.csv: the three cp-conference cases of
 * cp-small.csv (worked out by hand in audit-command.test.ts) with a `worker`
 * column. As at Fri 2024-05-10 the open items are:
 *   A2 icpc  due Fri 2024-04-19, overdue, 14 working days late;
 *   A3 icpc  due Thu 2024-05-16, due-soon (the 5 WD warning window opens Thu 9 May);
 *   A1 rcpc  due Wed 2024-07-17 (cp-plan-started Wed 17 Apr 2024 + 3 months), pending.
 * A1's icpc (met) and core group (met late) are done: never in a worklist.
 * Default window: everything overdue up to Fri 10 May 2024 + 28 days = Fri 7 Jun 2024
 * (10 + 28 = 38; May has 31 days → 7 June), so A1's rcpc (17 Jul) is outside it.
 * The file records no `rcpc` event, so rcpc is not measured unless --records
 * names it (as an audit reads it): BASE names the events, rcpc among them.
 */
import ICAL from 'ical.js';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { progressReporter } from '../../src/cli/common';
import { Collector, run } from './harness';
import { main } from '../../src/cli/main';

const FILE = 'test/cli/data/cp-due.csv';
const RECORDS = ['--records', 'strategy-discussion,icpc,cp-plan-started,core-group,rcpc'];
const BASE = ['due', '--procedure', 'cp-conference', '--as-of', '2024-05-10', ...RECORDS, FILE];
const rows = (csv: string) => parse(csv, { columns: true }) as Array<Record<string, string>>;

describe('timescales due', () => {
  it('lists the open items of the next 4 weeks and everything overdue, by due date (default window)', async () => {
    const { code, out, err } = await run(...BASE);
    expect(code).toBe(0);
    const r = rows(out);
    expect(r.map((x) => [x.due_date, x.case_id, x.rule, x.status, x.working_days_late])).toEqual([
      ['2024-04-19', 'A2', 'icpc', 'overdue', '14'],
      ['2024-05-16', 'A3', 'icpc', 'due-soon', ''],
    ]);
    expect(Object.keys(r[0]!)).toEqual(['due_date', 'case_id', 'procedure', 'rule', 'occurrence', 'title', 'status', 'working_days_late', 'anchor_event', 'anchor_date', 'source']);
    // No worker column unless asked for.
    expect(out).not.toContain('W1');
    expect(err).toContain('2 open items due up to 2024-06-07 (1 overdue) as at 2024-05-10');
  });

  it('takes a due-date window with --from and --to (both ends included)', async () => {
    const to = rows((await run(...BASE, '--to', '2024-07-17')).out);
    expect(to.map((x) => `${x.case_id} ${x.due_date}`)).toEqual(['A2 2024-04-19', 'A3 2024-05-16', 'A1 2024-07-17']);
    const window = rows((await run(...BASE, '--from', '2024-05-16', '--to', '2024-07-16')).out);
    expect(window.map((x) => `${x.case_id} ${x.due_date}`)).toEqual(['A3 2024-05-16']);
    // --from alone: 28 days after the later of --from and the as-of date: Wed 19 Jun 2024 + 28 days = Wed 17 Jul 2024.
    const from = rows((await run(...BASE, '--from', '2024-06-19')).out);
    expect(from.map((x) => `${x.case_id} ${x.due_date}`)).toEqual(['A1 2024-07-17']);
  });

  it('groups by a carried column (--group-by worker), then sorts by due date', async () => {
    const r = rows((await run(...BASE, '--to', '2024-07-31', '--group-by', 'worker')).out);
    expect(r.map((x) => `${x.worker} ${x.case_id} ${x.due_date}`)).toEqual(['W1 A2 2024-04-19', 'W1 A3 2024-05-16', 'W2 A1 2024-07-17']);
    const table = (await run(...BASE, '--to', '2024-07-31', '--group-by', 'worker', '--format', 'table')).out;
    expect(table).toMatch(/^worker: W1 \(2\)$/m);
    expect(table).toMatch(/^worker: W2 \(1\)$/m);
    expect(table.indexOf('W1')).toBeLessThan(table.indexOf('W2'));
  });

  it('writes JSON records with the same fields', async () => {
    const { out } = await run(...BASE, '--format', 'json', '--columns', 'worker');
    const r = JSON.parse(out) as Array<Record<string, unknown>>;
    expect(r.map((x) => [x.worker, x.case_id, x.due_date, x.working_days_late])).toEqual([
      ['W1', 'A2', '2024-04-19', 14],
      ['W1', 'A3', '2024-05-16', ''],
    ]);
  });

  it('lists no item of a rule the data cannot measure, and says so on stderr', async () => {
    const { code, out, err } = await run('due', '--procedure', 'cp-conference', '--as-of', '2024-05-10', '--to', '2024-07-31', FILE);
    expect(code).toBe(0);
    expect(rows(out).map((x) => x.rule)).toEqual(['icpc', 'icpc']);
    expect(err).toContain('not on the worklist, not measured (--records or --all-rules to include them): rcpc (the data records no "rcpc"');
  });

  it('refuses a window that ends before it starts, and a date that is not a date (usage error, exit 2)', async () => {
    const back = await run(...BASE, '--from', '2024-06-01', '--to', '2024-05-01');
    expect(back.code).toBe(2);
    expect(back.err).toContain('the window starts (2024-06-01) after it ends (2024-05-01)');
    const bad = await run(...BASE, '--to', '2024-02-30');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('to: expected an ISO date YYYY-MM-DD, got "2024-02-30"');
  });
});

describe('timescales due --format ics (RFC 5545, read back with ical.js)', () => {
  const events = (text: string) => new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));

  it('writes one all-day event per open due date, CRLF line ends, with the rule and its source', async () => {
    const { code, out } = await run(...BASE, '--to', '2024-07-31', '--format', 'ics');
    expect(code).toBe(0);
    expect(out.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(out.replace(/\r\n/g, '')).not.toContain('\n');
    const ev = events(out);
    expect(ev.map((e) => [e.uid, e.startDate.toString(), e.startDate.isDate, e.endDate.toString()])).toEqual([
      // DTEND is the day after DTSTART: an all-day event of one day.
      ['A2/cp-conference/icpc/1/1@safeguarding-timescales', '2024-04-19', true, '2024-04-20'],
      ['A3/cp-conference/icpc/1/1@safeguarding-timescales', '2024-05-16', true, '2024-05-17'],
      ['A1/cp-conference/rcpc/1/1@safeguarding-timescales', '2024-07-17', true, '2024-07-18'],
    ]);
    expect(ev[0]!.summary).toBe('OVERDUE: A2: Initial child protection conference within 15 working days of the strategy discussion that initiated S47 enquiries');
    expect(ev[0]!.description).toContain('Status as at 2024-05-10: overdue (14 working days late)');
    expect(ev[0]!.description).toMatch(/Source: .*Working Together/);
    expect(ev[1]!.summary).toBe('A3: Initial child protection conference within 15 working days of the strategy discussion that initiated S47 enquiries');
  });

  it('carries no personal data beyond the case id unless a column is asked for', async () => {
    const plain = (await run(...BASE, '--group-by', 'worker', '--format', 'ics')).out;
    expect(plain).not.toContain('W1');
    const asked = events((await run(...BASE, '--format', 'ics', '--columns', 'worker')).out);
    expect(asked[0]!.description).toContain('worker: W1');
  });

  it('keeps the UID of an item from one export to the next, so a re-import updates it', async () => {
    // Mon 13 May 2024: A3's icpc (due Thu 16 May) is still open; A2's is still overdue.
    const first = events((await run(...BASE, '--format', 'ics')).out);
    const later = events((await run('due', '--procedure', 'cp-conference', '--as-of', '2024-05-13', ...RECORDS, FILE, '--format', 'ics')).out);
    expect(later.map((e) => e.uid)).toEqual(first.map((e) => e.uid));
    expect(new Set(first.map((e) => e.uid)).size).toBe(first.length);
  });

  it('writes the open items of an audit as a calendar too', async () => {
    const { out } = await run('audit', '--procedure', 'cp-conference', '--as-of', '2024-05-10', ...RECORDS, FILE, '--format', 'ics');
    // All open items, no window: A2 icpc, A3 icpc and A1 rcpc (in the audit's order of cases).
    expect(events(out).map((e) => e.uid).sort()).toEqual([
      'A1/cp-conference/rcpc/1/1@safeguarding-timescales',
      'A2/cp-conference/icpc/1/1@safeguarding-timescales',
      'A3/cp-conference/icpc/1/1@safeguarding-timescales',
    ]);
  });
});

describe('progress on a terminal', () => {
  it('writes progress to stderr only when it is a TTY, and clears its line at the end', () => {
    const tty = Object.assign(new Collector(), { isTTY: true });
    const started = Date.now() - 5_000;
    const p = progressReporter(tty, 10, started);
    p(3);
    p(-1);
    expect(tty.text).toBe('\r  evaluated 3 of 10 cases…\r\x1b[K');
    const pipe = new Collector();
    const q = progressReporter(pipe, 10, started);
    q(3);
    q(-1);
    expect(pipe.text).toBe('');
  });

  it('keeps stdout clean when stderr is a terminal (due and the HTML report)', async () => {
    for (const args of [[...BASE, '--format', 'csv'], ['audit', '--procedure', 'cp-conference', '--as-of', '2024-05-10', ...RECORDS, FILE, '--format', 'html']]) {
      const stdout = new Collector();
      const stderr = Object.assign(new Collector(), { isTTY: true });
      expect(await main(args, { stdout, stderr })).toBe(0);
      expect(stdout.text).not.toMatch(/[\r\x1b]/);
    }
  });
});
