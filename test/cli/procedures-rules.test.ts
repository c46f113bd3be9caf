/**
 * The `procedures` and `rules` commands, run in-process through `main`.
 * The procedure ids, rule ids and source documents expected here are the ones
 * named in the specification (docs/procedures/*.md and the rule ids users write in their data), not read from the code.
 */
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { run } from './harness';


const csv = (text: string): Record<string, string>[] => parse(text, { columns: true }) as Record<string, string>[];

const BUILT_IN = [
  'ipr',
  'ics-records',
  'strategy-discussion',
  'cp-conference',
  'lac-review',
  'issues-resolution',
  'action-plan',
  'national-looked-after',
  'national-adoption',
  'national-care-leavers',
  'national-assessment-cp',
  'national-complaints',
];

/** procedures.md §5: the lac-review rules, seed 004 (Blackpool) except pathway-transition (seed 001). */
const SEED_001 = "Sussex Child Protection and Safeguarding Procedures, 1.2.5 Integrated Children's System (ICS)";
const SEED_004 = "Blackpool Council, Our Children's Reviews procedure";
const LAC_REVIEW_RULES: Record<string, string> = {
  'review-cycle': SEED_004,
  'review-after-carer-change': SEED_004,
  'review-after-placement-order': SEED_004,
  'placement-order-not-placed': SEED_004,
  'long-term-foster-meeting': SEED_004,
  'invitations-sent': SEED_004,
  'child-consulted': SEED_004,
  'documents-to-iro': SEED_004,
  'iro-preparation': SEED_004,
  'iro-visit-before-review': SEED_004,
  'decisions-circulated': SEED_004,
  'full-record': SEED_004,
  'record-distributed': SEED_004,
  'decisions-considered': SEED_004,
  'care-plan-updated': SEED_004,
  'iro-visit-recorded': SEED_004,
  'permanence-plan': SEED_004,
  'staying-put': SEED_004,
  'pathway-transition': SEED_001,
};

describe('timescales procedures', () => {
  it('lists the seven local and five national procedures (csv when not on a terminal)', async () => {
    const r = await run('procedures');
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    const rows = csv(r.out);
    expect(rows.map((x) => x.id)).toEqual(BUILT_IN);
    for (const row of rows) expect(row.title, row.id).not.toBe('');
    // lac-review has 19 rules (procedures.md §5) and the profiles `months` and `pre-2011`.
    const lac = rows.find((x) => x.id === 'lac-review')!;
    expect(lac.rules).toBe('19');
    expect(lac.profiles.split(' ').sort()).toEqual(['default', 'months', 'pre-2011']);
    // cp-conference offers `days` (91/183 days) and the 15 calendar days reading.
    expect(rows.find((x) => x.id === 'cp-conference')!.profiles.split(' ')).toContain('days');
  });

  it('lists the same twelve ids as JSON and NDJSON', async () => {
    const json = await run('procedures', '--format', 'json');
    expect(json.code).toBe(0);
    expect((JSON.parse(json.out) as { id: string }[]).map((p) => p.id)).toEqual(BUILT_IN);
    const nd = await run('procedures', '--format', 'ndjson');
    expect(nd.out.trim().split('\n').map((l) => (JSON.parse(l) as { id: string }).id)).toEqual(BUILT_IN);
  });

  it('lists them as a table when asked', async () => {
    const r = await run('procedures', '--format', 'table');
    expect(r.code).toBe(0);
    for (const id of BUILT_IN) expect(r.out).toContain(id);
  });
});

describe('timescales rules', () => {
  it('lac-review --format csv: one row per rule, each with its source document', async () => {
    const r = await run('rules', 'lac-review', '--format', 'csv');
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out.split('\n')[0]).toBe('rule,kind,timescale,title,source');
    const rows = csv(r.out);
    expect(rows.map((x) => x.rule).sort()).toEqual(Object.keys(LAC_REVIEW_RULES).sort());
    for (const row of rows) {
      expect(row.source.startsWith(LAC_REVIEW_RULES[row.rule]!), `${row.rule}: ${row.source}`).toBe(true);
      expect(row.title, row.rule).not.toBe('');
      expect(row.timescale, row.rule).not.toBe('');
    }
    const cycle = rows.find((x) => x.rule === 'review-cycle')!;
    expect(cycle.kind).toBe('cycle');
    // Default profile: 20 working days, 91 days, then 183 days (seed 004).
    expect(cycle.timescale).toMatch(/20 working days/);
    expect(cycle.timescale).toMatch(/91 days/);
    expect(cycle.timescale).toMatch(/183 days/);
  });

  it('cp-conference --profile days shows review conferences at 91 and 183 days', async () => {
    const r = await run('rules', 'cp-conference', '--profile', 'days', '--format', 'csv');
    expect(r.code).toBe(0);
    const rows = csv(r.out);
    expect(rows.map((x) => x.rule)).toEqual(['icpc', 'rcpc', 'core-group-first']);
    const rcpc = rows.find((x) => x.rule === 'rcpc')!;
    expect(rcpc.timescale).toMatch(/91 days/);
    expect(rcpc.timescale).toMatch(/183 days/);
    // The profile changes only the review conferences: the ICPC stays at 15 working days.
    expect(rows.find((x) => x.rule === 'icpc')!.timescale).toMatch(/15 working days/);
    // The source of rcpc under this profile: procedures.md §4 names seed 001 and national guidance.
    expect(rcpc.source).not.toBe('');
  });

  it('cp-conference without a profile shows 3 and 6 months', async () => {
    const rows = csv((await run('rules', 'cp-conference', '--format', 'csv')).out);
    const rcpc = rows.find((x) => x.rule === 'rcpc')!;
    expect(rcpc.timescale).toMatch(/3 months/);
    expect(rcpc.timescale).toMatch(/6 months/);
    expect(rcpc.timescale).not.toMatch(/91 days/);
  });

  it('rules --format json carries the same rows', async () => {
    const r = await run('rules', 'lac-review', '--format', 'json');
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.out) as { rule: string; source: string }[];
    expect(rows.map((x) => x.rule).sort()).toEqual(Object.keys(LAC_REVIEW_RULES).sort());
  });

  it('an unknown procedure exits 2 and suggests the nearest id', async () => {
    const r = await run('rules', 'lac-reveiw');
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain('lac-reveiw');
    expect(r.err).toMatch(/did you mean "lac-review"/);
    expect(r.err).not.toMatch(/^\s+at /m);
    const r2 = await run('rules', 'cp-conferance');
    expect(r2.code).toBe(2);
    expect(r2.err).toMatch(/did you mean "cp-conference"/);
  });

  it('an unknown profile exits 2 naming it', async () => {
    const r = await run('rules', 'cp-conference', '--profile', 'weeks');
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain('weeks');
    expect(r.err).toContain('days');
  });

  it('a profile named like a member of every object (constructor) is unknown too, not a crash', async () => {
    const r = await run('rules', 'cp-conference', '--profile', 'constructor');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--profile: "constructor" is not valid \(expected one of: default, calendar-days, days\)/);
  });

  it('a missing procedure argument exits 2', async () => {
    const r = await run('rules');
    expect(r.code).toBe(2);
    expect(r.err).toContain('procedure');
  });
});
