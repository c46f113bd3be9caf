import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { TimescalesInputError } from '../../src/errors';
import { assessAction, monthNumber, parseActionStatus, parseByWhen } from '../../src/io/action-plan-text';

// Plan date of the seed's monitoring version (see fixtures/action-plan/README.md).
const PLAN = '2012-05-01';

describe('parseByWhen: forms of seed 002', () => {
  it.each([
    // "Month YYYY" → last day of that month
    ['May 2012', '2012-05-31'], // May has 31 days
    ['June 2012', '2012-06-30'], // June has 30 days
    ['January 2012', '2012-01-31'], // January has 31 days
    ['December 2011', '2011-12-31'], // December has 31 days
    ['December 2012', '2012-12-31'],
    ['February 2012', '2012-02-29'], // 2012 divisible by 4, not by 100 → leap → 29 days
    ['February 2013', '2013-02-28'], // 2013 not divisible by 4 → 28 days
    ['March 2012', '2012-03-31'],
    ['April 2012', '2012-04-30'], // April has 30 days
    ['July 2011', '2011-07-31'],
    ['July 2012', '2012-07-31'],
    ['August 2011', '2011-08-31'],
    ['August 2012', '2012-08-31'],
    ['September 2011', '2011-09-30'], // September has 30 days
    ['September 2012', '2012-09-30'],
    ['October 2011', '2011-10-31'],
    ['November 2011', '2011-11-30'], // November has 30 days
    ['November 2012', '2012-11-30'],
    ['May 2011', '2011-05-31'],
    ['June 2011', '2011-06-30'],
    ['January 2011', '2011-01-31'], // rec 50c, as written (probably meant 2012)
  ])('"%s" → month due %s', (text, due) => {
    expect(parseByWhen(text, PLAN)).toEqual({ kind: 'month', due });
  });

  it('"October 11": two-digit year read as 2011', () => {
    // "October 11" → October 2011 (11 is a year, not the 11th) → last day of October 2011 → 2011-10-31
    expect(parseByWhen('October 11', PLAN)).toEqual({ kind: 'month', due: '2011-10-31' });
  });

  it('"April 2012 (review June 2012)" → due end of April, review end of June', () => {
    // due: last day of April 2012 → 2012-04-30; review: last day of June 2012 → 2012-06-30
    expect(parseByWhen('April 2012 (review June 2012)', PLAN)).toEqual({ kind: 'month', due: '2012-04-30', review: '2012-06-30' });
  });

  it('"April 2012 (review by LSCB May 2012)" → review end of May by LSCB', () => {
    // due: 2012-04-30; review: last day of May 2012 → 2012-05-31; reviewer "LSCB"
    expect(parseByWhen('April 2012 (review by LSCB May 2012)', PLAN)).toEqual({
      kind: 'month',
      due: '2012-04-30',
      review: '2012-05-31',
      reviewBy: 'LSCB',
    });
  });

  it('"February 2012 concluding June 2012" → range Feb 1 to June 30', () => {
    // from first day of February 2012 → 2012-02-01; due last day of June 2012 → 2012-06-30
    expect(parseByWhen('February 2012 concluding June 2012', PLAN)).toEqual({ kind: 'range', from: '2012-02-01', due: '2012-06-30' });
  });

  it.each(['February – April 2012', 'February — April 2012', 'February - April 2012', 'February-April 2012', 'February ‒ April 2012'])(
    '"%s" (any dash) → range',
    (text) => {
      // "February – April 2012" → from 2012-02-01 → last day of April 2012 → 2012-04-30
      expect(parseByWhen(text, PLAN)).toEqual({ kind: 'range', from: '2012-02-01', due: '2012-04-30' });
    },
  );

  it('"June - September 2012" (hyphen, as in rec 39) → range', () => {
    // from 2012-06-01 → last day of September 2012 → 2012-09-30
    expect(parseByWhen('June - September 2012', PLAN)).toEqual({ kind: 'range', from: '2012-06-01', due: '2012-09-30' });
  });

  it.each([
    ['Completed June 2011', '2011-06-30'], // last day of June 2011 (the latest it can have been)
    ['Completed September 2011', '2011-09-30'], // last day of September 2011
  ])('"%s" → completed %s', (text, completed) => {
    expect(parseByWhen(text, PLAN)).toEqual({ kind: 'completed', completed });
  });

  it.each([
    ['Completion January 2012', '2012-01-31'], // a target: last day of January 2012
    ['Completion April 2012', '2012-04-30'], // last day of April 2012
  ])('"%s" → month due %s (a target, not a completion)', (text, due) => {
    expect(parseByWhen(text, PLAN)).toEqual({ kind: 'month', due });
  });

  it('"Now" → due on the plan date', () => {
    // "Now" → planDate itself
    expect(parseByWhen('Now', '2012-05-01')).toEqual({ kind: 'now', due: '2012-05-01' });
    expect(parseByWhen('Now', '2011-07-15')).toEqual({ kind: 'now', due: '2011-07-15' });
  });

  it('"Annually and ongoing" and "Ongoing" → no due date', () => {
    expect(parseByWhen('Annually and ongoing', PLAN)).toEqual({ kind: 'ongoing', annually: true });
    expect(parseByWhen('Ongoing', PLAN)).toEqual({ kind: 'ongoing', annually: false });
  });
});

describe('parseByWhen: other forms', () => {
  it.each([
    ['On-going', { kind: 'ongoing', annually: false }],
    ['on going', { kind: 'ongoing', annually: false }],
    ['Immediate', { kind: 'now', due: PLAN }],
    ['immediately', { kind: 'now', due: PLAN }],
    ['Completed', { kind: 'completed' }],
    ['Sept 2011', { kind: 'month', due: '2011-09-30' }], // abbreviation: last day of September 2011
    ["Oct '11", { kind: 'month', due: '2011-10-31' }], // '11 → 2011
    ['  may   2012 ', { kind: 'month', due: '2012-05-31' }], // spacing and case ignored
    ['By end of May 2012', { kind: 'month', due: '2012-05-31' }],
    ['31 March 2012', { kind: 'date', due: '2012-03-31' }], // the day named
    ['1st June 2012', { kind: 'date', due: '2012-06-01' }],
    ['31/03/2012', { kind: 'date', due: '2012-03-31' }], // dd/mm/yyyy
    ['01.02.12', { kind: 'date', due: '2012-02-01' }], // dd.mm.yy as in the seed's evidence ("01.02.12")
    ['2012-02-29', { kind: 'date', due: '2012-02-29' }], // leap day exists in 2012
    ['Completed 14.11.11', { kind: 'completed', completed: '2011-11-14' }],
    ['November – February 2012', { kind: 'range', from: '2011-11-01', due: '2012-02-29' }], // Nov after Feb → starts Nov 2011; ends last day of Feb 2012 (leap) → 2012-02-29
    ['May 2012 to July 2012', { kind: 'range', from: '2012-05-01', due: '2012-07-31' }],
    ['December 2011 - February 2012', { kind: 'range', from: '2011-12-01', due: '2012-02-29' }],
    ['2012-03-01 - 2012-04-15', { kind: 'range', from: '2012-03-01', due: '2012-04-15' }], // days with '-' inside
    ['February – April 2012 (review June 2012)', { kind: 'range', from: '2012-02-01', due: '2012-04-30', review: '2012-06-30' }],
  ])('"%s"', (text, expected) => {
    expect(parseByWhen(text, PLAN)).toEqual(expected);
  });

  it.each([
    '',
    'As soon as possible',
    'May 2012 June 2012 January 2012', // three dates run together (a table cell, not one action)
    '2012/13',
    '2012',
    '30/02/2012', // 30 February does not exist
    '29/02/2013', // 2013 is not a leap year
    'Smarch 2012',
    'July 2012 concluding May 2012', // ends before it starts
    'April 2012 (review Juno 2012)',
    'Completed last year',
  ])('"%s" → unparsed', (text) => {
    expect(parseByWhen(text, PLAN)).toEqual({ kind: 'unparsed', text });
  });

  it('rejects a plan date that is not an ISO date', () => {
    expect(() => parseByWhen('May 2012', '01/05/2012')).toThrow(TimescalesInputError);
    expect(() => parseByWhen('Now', '2012-02-30')).toThrow(/planDate/);
  });

  it('does not depend on TZ', () => {
    const saved = process.env.TZ;
    try {
      process.env.TZ = 'Pacific/Kiritimati';
      expect(parseByWhen('February 2012', PLAN)).toEqual({ kind: 'month', due: '2012-02-29' });
      process.env.TZ = 'America/Los_Angeles';
      expect(parseByWhen('February 2012', PLAN)).toEqual({ kind: 'month', due: '2012-02-29' });
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('monthNumber reads names and abbreviations', () => {
    expect(monthNumber('January')).toBe(1);
    expect(monthNumber('Sept')).toBe(9);
    expect(monthNumber('dec.')).toBe(12);
    expect(monthNumber('Smarch')).toBeUndefined();
  });
});

describe('parseActionStatus', () => {
  it.each([
    // forms in seed 002
    ['Complete', { status: 'complete', ongoing: false }],
    ['complete', { status: 'complete', ongoing: false }],
    ['Local Authority complete', { status: 'complete', ongoing: false }],
    ['Complete (and ongoing)', { status: 'complete', ongoing: true }],
    ['Ongoing', { status: 'ongoing', ongoing: true }],
    ['On-going', { status: 'ongoing', ongoing: true }],
    ['On-going (Also part of Adult Safeguarding Services agenda).', { status: 'ongoing', ongoing: true }],
    ['Complete June 2011', { status: 'complete', ongoing: false, completed: '2011-06-30' }], // last day of June 2011
    ['Complete September 2011', { status: 'complete', ongoing: false, completed: '2011-09-30' }], // 30 days in September
    ['Complete October 2011', { status: 'complete', ongoing: false, completed: '2011-10-31' }],
    ['Complete November 2011', { status: 'complete', ongoing: false, completed: '2011-11-30' }],
    ['Complete February 2012', { status: 'complete', ongoing: false, completed: '2012-02-29' }], // 2012 leap year
    ['Complete April 2012', { status: 'complete', ongoing: false, completed: '2012-04-30' }],
    ['Complete January 2011', { status: 'complete', ongoing: false, completed: '2011-01-31' }],
    ['Complete January 2012. Written protocol in place across Berkshire.', { status: 'complete', ongoing: false, completed: '2012-01-31' }],
    ['Complete New named midwife now in post, supervision programme in place.', { status: 'complete', ongoing: false }],
    ['Complete Document now ratified and disseminated. (April 2012)', { status: 'complete', ongoing: false, completed: '2012-04-30' }],
    ['Complete – see LSCB action line 2.', { status: 'complete', ongoing: false }], // "line 2" is no date
    ['Completed. - see LSCB action line 2.', { status: 'complete', ongoing: false }],
    // the seed's legend ("● Complete ● In progress ● Delayed") and other wordings
    ['In progress', { status: 'in-progress', ongoing: false }],
    ['● In progress', { status: 'in-progress', ongoing: false }],
    ['in-progress', { status: 'in-progress', ongoing: false }],
    ['Delayed', { status: 'delayed', ongoing: false }],
    ['Delayed – in progress', { status: 'delayed', ongoing: false }], // first word decides
    ['In progress (ongoing)', { status: 'in-progress', ongoing: true }],
    ['Not started', { status: 'not-started', ongoing: false }],
    ['Not yet started', { status: 'not-started', ongoing: false }],
    ['Not yet complete', { status: 'in-progress', ongoing: false }],
    ['Incomplete', { status: 'in-progress', ongoing: false }],
    ['Complete 14.11.11', { status: 'complete', ongoing: false, completed: '2011-11-14' }],
    ['', { status: 'unknown', ongoing: false }],
    ['   ', { status: 'unknown', ongoing: false }],
    ['TBC', { status: 'unknown', ongoing: false }],
  ])('"%s"', (text, expected) => {
    expect(parseActionStatus(text)).toEqual(expected);
  });
});

describe('assessAction (plan date and as-of 2012-05-01 unless said)', () => {
  const AS_OF = '2012-05-01';

  it('Ongoing past its date → red, should read Delayed (rec 10a)', () => {
    // due last day of April 2012 = 2012-04-30 < as-of 2012-05-01 → past due, not complete → red
    const a = assessAction({ id: '10a', by_when: 'April 2012 (review June 2012)', status: 'Ongoing' }, PLAN, AS_OF);
    expect(a).toEqual({
      id: '10a',
      byWhen: { kind: 'month', due: '2012-04-30', review: '2012-06-30' },
      due: '2012-04-30',
      status: 'ongoing',
      ongoing: true,
      rag: 'red',
      contradictions: ['status "Ongoing" but due 2012-04-30 has passed at 2012-05-01: should read "Delayed"'],
    });
  });

  it('In progress past its date → red; on the due date itself → amber', () => {
    // "February – April 2012" → due 2012-04-30; as-of 2012-05-01 is one day later → red
    const late = assessAction({ id: 'x', by_when: 'February – April 2012', status: 'In progress' }, PLAN, '2012-05-01');
    expect(late.rag).toBe('red');
    expect(late.contradictions).toEqual(['status "In progress" but due 2012-04-30 has passed at 2012-05-01: should read "Delayed"']);
    // as-of 2012-04-30 = due date: not yet past; 0 days to go ≤ 30 → amber, nothing to flag
    const onDay = assessAction({ id: 'x', by_when: 'February – April 2012', status: 'In progress' }, PLAN, '2012-04-30');
    expect(onDay.rag).toBe('amber');
    expect(onDay.contradictions).toEqual([]);
  });

  it('Not started past its date → red, should read Delayed', () => {
    // "March 2012" → 2012-03-31 < 2012-05-01
    const a = assessAction({ id: 'x', by_when: 'March 2012', status: 'Not started' }, PLAN, AS_OF);
    expect(a.rag).toBe('red');
    expect(a.contradictions).toEqual(['status "Not started" but due 2012-03-31 has passed at 2012-05-01: should read "Delayed"']);
  });

  it('amber window: 30 calendar days inclusive', () => {
    // "May 2012" → 2012-05-31; from 2012-05-01: 31 − 1 = 30 days ≤ 30 → amber (rec 15d, On-going)
    const d = assessAction({ id: '15d', by_when: 'May 2012', status: 'On-going' }, PLAN, AS_OF);
    expect(d).toMatchObject({ due: '2012-05-31', status: 'ongoing', rag: 'amber', contradictions: [] });
    // from 2012-04-30 to 2012-05-31: 1 (to May 1) + 30 = 31 days > 30 → green
    expect(assessAction({ id: '15d', by_when: 'May 2012', status: 'On-going' }, PLAN, '2012-04-30').rag).toBe('green');
    // amberDays 0: 30 days to go > 0 → green
    expect(assessAction({ id: '15d', by_when: 'May 2012', status: 'On-going' }, PLAN, AS_OF, { amberDays: 0 }).rag).toBe('green');
  });

  it('due well ahead → green (rec 15e)', () => {
    // "July 2012" → 2012-07-31; 2012-05-01 → 05-31 is 30 days, → 06-30 is 60, → 07-31 is 91 > 30 → green
    const a = assessAction({ id: '15e', by_when: 'July 2012', status: 'On-going' }, PLAN, AS_OF);
    expect(a).toMatchObject({ due: '2012-07-31', rag: 'green', contradictions: [] });
  });

  it('complete → blue, whatever the date', () => {
    // rec 1a: due 2012-05-31, Complete → blue
    expect(assessAction({ id: '1a', by_when: 'May 2012', status: 'Complete' }, PLAN, AS_OF)).toMatchObject({ rag: 'blue', due: '2012-05-31' });
    // rec 31a: due 2011-11-30, "Complete January 2011" → blue, completed last day of January 2011 → 2011-01-31
    expect(assessAction({ id: '31a', by_when: 'November 2011', status: 'Complete January 2011' }, PLAN, AS_OF)).toMatchObject({
      rag: 'blue',
      due: '2011-11-30',
      completed: '2011-01-31',
      contradictions: [],
    });
  });

  it('"Completed …" by-when with a blank status → blue (rec 34c)', () => {
    // "Completed September 2011" → completed 2011-09-30, no due date
    const a = assessAction({ id: '34c', by_when: 'Completed September 2011', status: '' }, PLAN, AS_OF);
    expect(a).toEqual({
      id: '34c',
      byWhen: { kind: 'completed', completed: '2011-09-30' },
      status: 'unknown',
      ongoing: false,
      completed: '2011-09-30',
      rag: 'blue',
      contradictions: [],
    });
  });

  it('"Completed …" by-when against a status in progress → flagged', () => {
    const a = assessAction({ id: 'x', by_when: 'Completed June 2011', status: 'In progress' }, PLAN, AS_OF);
    expect(a.contradictions).toEqual(['by_when says completed but status reads "In progress"']);
    expect(a.rag).toBe('green'); // no due date, not delayed
  });

  it('blank status past its date → red (rec 50c, "January 2011")', () => {
    // "January 2011" → 2011-01-31 < 2012-05-01
    const a = assessAction({ id: '50c', by_when: 'January 2011', status: '' }, PLAN, AS_OF);
    expect(a.rag).toBe('red');
    expect(a.contradictions).toEqual(['no status recorded but due 2011-01-31 has passed at 2012-05-01: should read "Delayed"']);
  });

  it('ongoing by-when, blank status → green, no due (rec 37b)', () => {
    const a = assessAction({ id: '37b', by_when: 'Annually and ongoing', status: '' }, PLAN, AS_OF);
    expect(a).toEqual({
      id: '37b',
      byWhen: { kind: 'ongoing', annually: true },
      status: 'unknown',
      ongoing: false,
      rag: 'green',
      contradictions: [],
    });
  });

  it('"Now" is due on the plan date (rec 19a)', () => {
    // due = plan date 2012-05-01; as-of 2012-05-01: not past, 0 days → amber
    expect(assessAction({ id: '19a', by_when: 'Now', status: 'Ongoing' }, PLAN, '2012-05-01')).toMatchObject({ due: '2012-05-01', rag: 'amber', contradictions: [] });
    // as-of 2012-05-02 > 2012-05-01 → red
    const late = assessAction({ id: '19a', by_when: 'Now', status: 'Ongoing' }, PLAN, '2012-05-02');
    expect(late.rag).toBe('red');
    expect(late.contradictions).toEqual(['status "Ongoing" but due 2012-05-01 has passed at 2012-05-02: should read "Delayed"']);
  });

  it('Delayed → red; flagged when not yet due', () => {
    // "September 2012" → 2012-09-30 > 2012-05-01: not due yet, yet "Delayed"
    const early = assessAction({ id: 'x', by_when: 'September 2012', status: 'Delayed' }, PLAN, AS_OF);
    expect(early.rag).toBe('red');
    expect(early.contradictions).toEqual(['status "Delayed" but not due until 2012-09-30']);
    // "March 2012" → 2012-03-31 < 2012-05-01: delayed and past due, consistent
    const late = assessAction({ id: 'x', by_when: 'March 2012', status: 'Delayed' }, PLAN, AS_OF);
    expect(late.rag).toBe('red');
    expect(late.contradictions).toEqual([]);
  });

  it('unparsed by-when → amber and flagged; unrecognised status flagged', () => {
    const a = assessAction({ id: 'x', by_when: 'As soon as possible', status: 'In progress' }, PLAN, AS_OF);
    expect(a.rag).toBe('amber');
    expect(a.due).toBeUndefined();
    expect(a.contradictions).toEqual(['by_when "As soon as possible" not understood: no due date']);
    // "May 2012" → 2012-05-31, 30 days → amber; status "TBC" unknown
    const b = assessAction({ id: 'y', by_when: 'May 2012', status: 'TBC' }, PLAN, AS_OF);
    expect(b.rag).toBe('amber');
    expect(b.contradictions).toEqual(['status "TBC" not recognised']);
  });

  it('rejects bad dates and options', () => {
    const row = { id: 'x', by_when: 'May 2012', status: 'Complete' };
    expect(() => assessAction(row, PLAN, '01/05/2012')).toThrow(/asOf/);
    expect(() => assessAction(row, '2012-13-01', AS_OF)).toThrow(/planDate/);
    expect(() => assessAction(row, PLAN, AS_OF, { amberDays: -1 })).toThrow(TimescalesInputError);
  });
});

describe('fixture fixtures/action-plan/seed-002-actions.csv', () => {
  const path = fileURLToPath(new URL('../../fixtures/action-plan/seed-002-actions.csv', import.meta.url));
  const text = readFileSync(path, 'utf8');
  const rows: Record<string, string>[] = parse(text, { columns: true, skip_empty_lines: true });

  it('has the header and at least 40 rows with unique ids', () => {
    expect(text.split('\n')[0]).toBe('id,recommendation,action,by_when,lead,status,evidence');
    expect(rows.length).toBeGreaterThanOrEqual(40);
    expect(rows.length).toBe(152); // every action of the seed but 15f (see README)
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
  });

  it('holds every by-when form of the seed, and each one parses', () => {
    const forms = new Set(rows.map((r) => r.by_when));
    for (const f of [
      'May 2012',
      'April 2012 (review June 2012)',
      'April 2012 (review by LSCB May 2012)',
      'February 2012 concluding June 2012',
      'February – April 2012',
      'June - September 2012',
      'Completed June 2011',
      'Completed September 2011',
      'Completion January 2012',
      'Completion April 2012',
      'Now',
      'Annually and ongoing',
      'Ongoing',
      'October 11',
    ]) {
      expect(forms.has(f), f).toBe(true);
    }
    for (const r of rows) expect(parseByWhen(r.by_when!, PLAN).kind, `${r.id}: ${r.by_when}`).not.toBe('unparsed');
  });

  it('holds every status form of the seed, and each non-blank one is recognised', () => {
    const forms = new Set(rows.map((r) => r.status));
    for (const f of [
      'Complete',
      'complete',
      'Local Authority complete',
      'Complete (and ongoing)',
      'Ongoing',
      'On-going',
      'On-going (Also part of Adult Safeguarding Services agenda).',
      'Complete January 2012. Written protocol in place across Berkshire.',
      'Complete New named midwife now in post, supervision programme in place.',
      'Complete Document now ratified and disseminated. (April 2012)',
      'Complete – see LSCB action line 2.',
      'Completed. - see LSCB action line 2.',
      'Complete June 2011',
      'Complete January 2011',
      '',
    ]) {
      expect(forms.has(f), f).toBe(true);
    }
    for (const r of rows) {
      if (r.status!.trim() !== '') expect(parseActionStatus(r.status!).status, `${r.id}: ${r.status}`).not.toBe('unknown');
    }
  });

  it('whole plan at 2012-05-01: the ratings worked out by hand', () => {
    // Rows not complete: blank status 1c 33c 34c 34d 37b 44d 45c 50c 50d; Ongoing 10a 10b 14a 19a 49b;
    // On-going 15a–15e; On-going (Also…) 11a 11b — 21 rows. 34c is blue (by-when "Completed September 2011").
    // Red (due before 2012-05-01): 1c Jan 2012; 10a 10b 11a 11b 14a 15a 15b 15c Apr 2012; 34d Nov 2011;
    //   44d 45c Apr 2012; 49b Sep 2011; 50c Jan 2011; 50d Mar 2012 → 15.
    // Amber: 15d May 2012 (30 days); 19a Now (due = plan date, 0 days) → 2.
    // Green: 15e July 2012 (91 days); 33c Ongoing; 37b Annually and ongoing → 3.
    // Blue: 152 − 20 = 132.
    const results = rows.map((r) => assessAction({ id: r.id!, by_when: r.by_when!, status: r.status! }, PLAN, '2012-05-01'));
    const ids = (rag: string) => results.filter((a) => a.rag === rag).map((a) => a.id).sort();
    expect(ids('red')).toEqual(['10a', '10b', '11a', '11b', '14a', '15a', '15b', '15c', '1c', '34d', '44d', '45c', '49b', '50c', '50d'].sort());
    expect(ids('amber')).toEqual(['15d', '19a']);
    expect(ids('green')).toEqual(['15e', '33c', '37b']);
    expect(ids('blue').length).toBe(132);
    // each red row carries exactly one contradiction ("should read Delayed"); no other row has any
    for (const a of results) expect(a.contradictions.length, a.id).toBe(a.rag === 'red' ? 1 : 0);
  });
});
