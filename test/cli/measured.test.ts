/**
 * What an audit measures (issue 11, item 1): a rule whose completing event, or
 * the event that starts it, the data never records is not measured. A
 * generic CSV records the event types that occur in it; `--records` says
 * otherwise; `--all-rules` evaluates everything anyway.
 *
 * test/cli/data/lac-reviews-only.csv holds only `became-looked-after` and
 * `lac-review` rows (two children).
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { audit, defineProcedure, getProcedure, measurability } from '../../src/index';
import { run } from './harness';

const file = fileURLToPath(new URL('./data/lac-reviews-only.csv', import.meta.url));
const BASE = ['audit', '--procedure', 'lac-review', '--as-of', '2024-06-30'];

interface Summary {
  rules: { rule: string; measured: boolean }[];
  notMeasured: { rule: string; reason: string; missing: string[]; evaluated: boolean }[];
  records: string[] | null;
}
const summaryOf = async (...extra: string[]) => {
  const r = await run(...BASE, '--summary', '--format', 'json', ...extra, file);
  expect(r.code, r.err).toBe(0);
  return JSON.parse(r.out) as Summary;
};

/** The review rules: the cycle and the two tasks its reviews complete. */
const REVIEW_RULES = ['review-cycle', 'staying-put', 'pathway-transition'];
const ALL = getProcedure('lac-review').rules.map((r) => r.id);

describe('a generic CSV with only reviews', () => {
  it('measures only the review rules and lists every other rule with its reason', async () => {
    const s = await summaryOf();
    expect(s.records).toEqual(['became-looked-after', 'lac-review']);
    expect(s.rules.map((r) => r.rule)).toEqual(REVIEW_RULES);
    expect(s.notMeasured.map((n) => n.rule)).toEqual(ALL.filter((r) => !REVIEW_RULES.includes(r)));
    const why = Object.fromEntries(s.notMeasured.map((n) => [n.rule, n.reason]));
    expect(why['invitations-sent']).toBe('the data records no "invitations-sent" (the event that completes it)');
    expect(why['review-after-carer-change']).toBe('the data records no "carer-changed" (the event that starts it)');
    expect(why['decisions-considered']).toBe(
      'the data records no "review-decisions-circulated" (the event that starts it); the data records no "review-decisions-considered" (the event that completes it)',
    );
    expect(s.notMeasured.every((n) => !n.evaluated)).toBe(true);
  });

  it('writes no result row for a rule it does not measure', async () => {
    const r = await run(...BASE, '--format', 'json', file);
    const rules = new Set((JSON.parse(r.out) as { rule: string }[]).map((x) => x.rule));
    expect([...rules].every((x) => REVIEW_RULES.includes(x))).toBe(true);
    // R1 review 1 held 27 Mar, R2's first due 20 WD after 15 Apr (2024-05-14, see audit.test.ts L2): review-cycle has rows.
    expect(rules.has('review-cycle')).toBe(true);
  });

  it('the table names the rules not measured and why', async () => {
    const r = await run(...BASE, '--summary', '--format', 'table', file);
    expect(r.out).toContain('Not measured (16 rules; --all-rules evaluates them anyway):');
    expect(r.out).toContain('  invitations-sent: the data records no "invitations-sent" (the event that completes it)');
  });

  it('--records overrides what the file shows', async () => {
    const s = await summaryOf('--records', 'became-looked-after,lac-review,invitations-sent,carer-changed');
    expect(s.rules.map((r) => r.rule)).toEqual(['review-cycle', 'review-after-carer-change', 'invitations-sent', 'staying-put', 'pathway-transition']);
    expect(s.records).toEqual(['became-looked-after', 'carer-changed', 'invitations-sent', 'lac-review']);
    // A narrower list than the file: no review recorded, so nothing about reviews is measured.
    const narrow = await summaryOf('--records', 'became-looked-after');
    expect(narrow.rules).toEqual([]);
  });

  it('--records with a name the procedure does not have is a usage error naming the nearest', async () => {
    const r = await run(...BASE, '--records', 'lac-reveiw', file);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--records: "lac-reveiw" is not an event of lac-review (did you mean "lac-review"?)');
  });

  it('--all-rules evaluates every rule again, flagging those the data cannot measure', async () => {
    const s = await summaryOf('--all-rules');
    expect(s.rules.map((r) => r.rule)).toEqual(ALL);
    expect(s.rules.filter((r) => !r.measured).map((r) => r.rule)).toEqual(ALL.filter((r) => !REVIEW_RULES.includes(r)));
    expect(s.notMeasured.every((n) => n.evaluated)).toBe(true);
    const t = await run(...BASE, '--summary', '--all-rules', '--format', 'table', file);
    expect(t.out).toContain('evaluated anyway with --all-rules: their figures above are not evidence');
  });
});

describe('audit({ records })', () => {
  const cases = [{ id: 'R1', events: [{ type: 'became-looked-after', date: '2024-03-01' }, { type: 'lac-review', date: '2024-03-27' }] }];
  it("infers by default, takes a list, and evaluates everything with allRules", () => {
    expect(audit('lac-review', cases, { asOf: '2024-06-30' }).summary.rules.map((r) => r.rule)).toEqual(REVIEW_RULES);
    expect(audit('lac-review', cases, { asOf: '2024-06-30', records: 'infer' }).summary.rules.map((r) => r.rule)).toEqual(REVIEW_RULES);
    expect(audit('lac-review', cases, { asOf: '2024-06-30', records: ['became-looked-after', 'lac-review', 'care-plan-updated'] }).summary.rules.map((r) => r.rule)).toEqual([
      'review-cycle',
      'care-plan-updated',
      'staying-put',
      'pathway-transition',
    ]);
    expect(audit('lac-review', cases, { asOf: '2024-06-30', allRules: true }).summary.rules.length).toBe(ALL.length);
  });

  it('a rule anchored on another rule is measured only when that rule is', () => {
    const procedure = defineProcedure({
      id: 'two-step',
      title: 'Two steps',
      summary: 'A referral is assessed, then planned.',
      sources: [{ document: 'doc', title: 'A document' }],
      events: { referral: { description: 'Referral' }, assessment: { description: 'Assessment' }, plan: { description: 'Plan' } },
      rules: [
        { id: 'assess', title: 'Assess', kind: 'deadline', source: { document: 'doc' }, anchor: { event: 'referral' }, timing: { within: '10wd' }, completion: { event: 'assessment' } },
        { id: 'plan', title: 'Plan', kind: 'deadline', source: { document: 'doc' }, anchor: { rule: 'assess', at: 'completed' }, timing: { within: '5wd' }, completion: { event: 'plan' } },
      ],
    });
    expect(measurability(procedure, ['referral', 'assessment', 'plan']).get('plan')).toEqual({ rule: 'plan', measured: true, missing: [] });
    expect(measurability(procedure, ['referral', 'plan']).get('plan')).toEqual({
      rule: 'plan',
      measured: false,
      missing: ['assessment'],
      reason: 'it starts from "assess", which is not measured',
    });
    expect(measurability(getProcedure('cp-conference'), ['strategy-discussion', 'icpc']).get('core-group-first')?.measured).toBe(false);
  });
});
