/**
 * `timescales explain`: one child's timeline in plain words (issue 15).
 * CP001 of examples/cp-conference-caseload.csv, worked by hand:
 * - ICPC: strategy discussion (S47) Wed 27 Mar 2024 + 15 WD: Thu 28 (1), [Fri 29 Mar Good Friday], [Mon 1 Apr
 *   Easter Monday], Tue 2–Fri 5 (5), Mon 8–Fri 12 (10), Mon 15–Fri 19 (15) → Fri 19 Apr; weekends 30/31 Mar,
 *   6/7 and 13/14 Apr = 6 days. ICPC held Wed 17 Apr → on time.
 * - First core group: ICPC Wed 17 Apr + 10 WD: Thu 18, Fri 19 (2), Mon 22–Fri 26 (7), Mon 29, Tue 30 (9),
 *   Wed 1 May (10) → Wed 1 May; weekends 20/21 and 27/28 Apr = 4 days. Held Fri 26 Apr → on time.
 * - First review conference: plan started Wed 17 Apr + 3 months → Wed 17 Jul 2024; at Sun 30 Jun, not due yet.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { getProcedure } from '../../src/index';
import { run } from './harness';

const caseload = fileURLToPath(new URL('../../examples/cp-conference-caseload.csv', import.meta.url));
const wrongFixture = fileURLToPath(new URL('../testing/data/wrong/icpc-forgot-easter.json', import.meta.url));
const args = ['explain', caseload, '--procedure', 'cp-conference', '--as-of', '2024-06-30', '--case', 'CP001'];

describe('timescales explain', () => {
  it('prints the events in date order, each with the deadlines it starts, in words', async () => {
    const { code, out } = await run(...args);
    expect(code).toBe(0);
    const lines = out.split('\n');
    const at = (s: string) => lines.findIndex((l) => l.startsWith(s));
    expect(at('Wed 27 Mar 2024  Strategy discussion held')).toBeLessThan(at('Wed 17 Apr 2024  Initial child protection conference held'));
    expect(at('Wed 17 Apr 2024  Initial child protection conference held')).toBeLessThan(at('Fri 26 Apr 2024  Core group meeting held'));
    expect(out).toContain(
      [
        'Wed 27 Mar 2024  Strategy discussion held [s47: true]',
        '  → Initial child protection conference within 15 working days of the strategy discussion that initiated S47 enquiries',
        '      due: Fri 19 Apr 2024',
        '      status: done on time: Initial child protection conference held Wed 17 Apr 2024',
        '      days skipped: Fri 29 Mar 2024 (Good Friday), Mon 1 Apr 2024 (Easter Monday) and 6 weekend days',
        '      source: Working Together to Safeguard Children 2010 (HM Government), Chapter 5: initial child protection conference (timing)',
      ].join('\n'),
    );
    expect(out).toContain('      due: Wed 1 May 2024\n      status: done on time: Core group meeting held Fri 26 Apr 2024\n      days skipped: 4 weekend days');
    expect(out).toContain('      due: Wed 17 Jul 2024\n      status: not due yet');
  });

  it('numbers the later occurrences of a repeating deadline', async () => {
    // CP003: review conferences Tue 20 Sep 2022 + 6 months → Mon 20 Mar 2023 (2nd), Tue 14 Mar 2023 + 6 months → Thu 14 Sep 2023 (3rd).
    const { out } = await run('explain', caseload, '--procedure', 'cp-conference', '--as-of', '2024-06-30', '--case', 'CP003');
    expect(out).toMatch(/Tue 20 Sep 2022  Review child protection conference held\n  → .* \(occurrence 2\)\n      due: Mon 20 Mar 2023\n/);
    expect(out).toMatch(/\(occurrence 3\)\n      due: Thu 14 Sep 2023\n      status: done late: .* 3 working days \(5 days\) after the due date/);
  });

  it('uses no rule ids in the text', async () => {
    const { out } = await run(...args);
    const ids = getProcedure('cp-conference').rules.map((r) => r.id);
    expect(ids.filter((id) => new RegExp(`(^|[^a-z-])${id}([^a-z-]|$)`).test(out))).toEqual([]);
  });

  it('gives the same as data with --format json', async () => {
    const { code, out } = await run(...args, '--format', 'json');
    expect(code).toBe(0);
    const t = JSON.parse(out);
    expect(t.events.map((e: { date: string }) => e.date)).toEqual(['2024-03-27', '2024-04-17', '2024-04-17', '2024-04-26']);
    expect(t.events[0].deadlines[0]).toMatchObject({
      rule: 'icpc',
      due: '2024-04-19',
      status: 'met',
      completed: { event: 'icpc', date: '2024-04-17' },
      skipped: { days: [{ date: '2024-03-29', reason: 'Good Friday' }, { date: '2024-04-01', reason: 'Easter Monday' }], weekendDays: 6 },
      source: { title: 'Working Together to Safeguard Children 2010', section: 'Chapter 5: initial child protection conference (timing)' },
    });
  });

  it('explains the case of a fixture file with its own options', async () => {
    // Wed 20 Mar 2024 + 15 WD skipping Good Friday and Easter Monday → Fri 12 Apr (the wrong fixture expects Wed 10 Apr).
    const { code, out } = await run('explain', wrongFixture);
    expect(code).toBe(0);
    expect(out).toContain('cp-wrong: Child protection conferences, as at Sat 20 Apr 2024');
    expect(out).toContain('      due: Fri 12 Apr 2024\n      status: done on time');
  });

  it('asks for --case when the caseload holds several, and names an unknown one (exit 2)', async () => {
    const many = await run('explain', caseload, '--procedure', 'cp-conference', '--as-of', '2024-06-30');
    expect(many.code).toBe(2);
    expect(many.err).toContain('name one with --case');
    const unknown = await run(...args.slice(0, -1), 'CP999');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('no case CP999 in');
  });
});
