/**
 * The national procedures: effective dating by the anchor's date, the version
 * named in the trace, the version's own source on the result, and the grade.
 * Dates worked by hand (see the fixtures for the full arithmetic).
 */
import { describe, expect, it } from 'vitest';
import { evaluate, getProcedure } from '../../src/index';

const one = (rs: ReturnType<typeof evaluate>, rule: string) => {
  const found = rs.filter((r) => r.rule === rule);
  expect(found, rule).toHaveLength(1);
  return found[0]!;
};

describe('national-assessment-cp: Working Together 2010 and 2013 by the referral date', () => {
  it('a referral on Fri 12 Apr 2013 is judged by the 2010 regime: initial assessment 10 WD, named in the trace, sourced to WT 2010', () => {
    const rs = evaluate('national-assessment-cp', { id: 'a', events: [{ type: 'referral', date: '2013-04-12' }, { type: 'referral-decision', date: '2013-04-15' }] }, { asOf: '2013-04-30' });
    // Fri 12 Apr + 10 WD: 15–19 (5), 22–26 (10) → Fri 26 Apr.
    const initial = one(rs, 'initial-assessment');
    expect(initial.due).toBe('2013-04-26');
    expect(initial.trace.join('\n')).toContain('version: Working Together 2010 (to 14 April 2013)');
    expect(rs.filter((r) => r.rule === 'single-assessment')).toEqual([]);
    // Fri 12 Apr + 1 WD = Mon 15 Apr; the decision's source is the 2010 edition's, graded secondary.
    const decision = one(rs, 'referral-decision');
    expect(decision.due).toBe('2013-04-15');
    expect(decision.source.document).toBe('HM Government, Working Together to Safeguard Children 2010');
    expect(decision.source.verified).toBe('secondary');
  });

  it('a referral on Mon 15 Apr 2013 has the single assessment, 45 WD; the trace names "Working Together 2013, in force from 15 April 2013"', () => {
    const rs = evaluate('national-assessment-cp', { id: 'b', events: [{ type: 'referral', date: '2013-04-15' }] }, { asOf: '2013-04-30' });
    // Mon 15 Apr + 45 WD → Wed 19 Jun 2013 (6 May and 27 May bank holidays skipped).
    const single = one(rs, 'single-assessment');
    expect(single.due).toBe('2013-06-19');
    expect(single.trace.join('\n')).toContain('version: Working Together 2013, in force from 15 April 2013 (anchors 2013-04-15 to …)');
    expect(rs.filter((r) => r.rule === 'initial-assessment')).toEqual([]);
    expect(one(rs, 'referral-decision').source.document).toBe('HM Government, Working Together to Safeguard Children 2013');
  });

  it('the core assessment follows the regime of the referral before it (versionsBy), not its own start date', () => {
    const rs = evaluate(
      'national-assessment-cp',
      { id: 'c', events: [{ type: 'referral', date: '2013-04-12' }, { type: 'core-assessment-started', date: '2013-04-26' }] },
      { asOf: '2013-05-01' },
    );
    const core = one(rs, 'core-assessment');
    // Fri 26 Apr + 35 WD → Tue 18 Jun 2013.
    expect(core.due).toBe('2013-06-18');
    expect(core.trace.join('\n')).toContain('version chosen by referral on 2013-04-12');
  });
});

describe('national-looked-after: versions and grades', () => {
  it('a period of care begun on 31 Mar 2011 has the 1991 first review (4 weeks), its result citing the 1991 Regulations [S]', () => {
    const rs = evaluate('national-looked-after', { id: 'd', dateOfBirth: '2010-01-01', events: [{ type: 'became-looked-after', date: '2011-03-31' }] }, { asOf: '2011-04-01' });
    const first = rs.find((r) => r.rule === 'review-cycle')!;
    // Thu 31 Mar 2011 + 28 days = Thu 28 Apr.
    expect(first.due).toBe('2011-04-28');
    expect(first.source.document).toBe("Review of Children's Cases Regulations 1991");
    expect(first.source.verified).toBe('secondary');
  });

  it('a period of care begun on 1 Apr 2011 has reg 33 (20 WD), citing the 2010 Regulations [P]', () => {
    const rs = evaluate('national-looked-after', { id: 'e', dateOfBirth: '2010-01-01', events: [{ type: 'became-looked-after', date: '2011-04-01' }] }, { asOf: '2011-04-02' });
    const first = rs.find((r) => r.rule === 'review-cycle')!;
    // Fri 1 Apr 2011 + 20 WD → Thu 5 May (Good Friday, Easter Monday, the royal wedding and 2 May skipped).
    expect(first.due).toBe('2011-05-05');
    expect(first.source.document).toBe('Care Planning, Placement and Case Review (England) Regulations 2010');
    expect(first.source.verified).toBe('primary');
    expect(first.trace.join('\n')).toContain('version: Care Planning, Placement and Case Review (England) Regulations 2010, in force from 1 April 2011');
  });

  it('grades every rule: only the 1991 version is secondary in national-looked-after; every Working Together rule is secondary', () => {
    expect(getProcedure('national-looked-after').rules.map((r) => r.source.verified)).toEqual(['primary', 'primary', 'primary', 'primary', 'primary', 'primary']);
    expect(new Set(getProcedure('national-assessment-cp').rules.map((r) => r.source.verified))).toEqual(new Set(['secondary']));
    expect(getProcedure('national-complaints').rules.find((r) => r.id === 'panel-meets')!.source.verified).toBe('primary');
  });
});
