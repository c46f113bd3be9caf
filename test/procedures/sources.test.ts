/**
 * The shape of every rule's source. Whether each quote occurs word for word in
 * its document is a maintainers' check that needs the documents themselves
 * (not in the repository): `npm run check:sources -- DIR`.
 */
import { describe, expect, it } from 'vitest';
import { PROCEDURE_SOURCES, SEED_TITLES, SOURCES, type SourceRef } from '../../src/procedures/sources';

const SEED_NAME = /^\d{3}_[0-9a-f]{16}\.txt$/;

/** The five local source documents, by the file names the rules cite. */
const seedFiles = Object.keys(SEED_TITLES).sort();

/** Every rule id of procedures.md, per procedure. */
const RULE_IDS: Record<string, string[]> = {
  ipr: ['ipr-list', 'hv-review-window', 'part1-received', 'setting-led-part2', 'part2-completed', 'returned-to-hv'],
  'ics-records': [
    'initial-assessment', 'core-assessment', 'core-assessment-looked-after', 'core-assessment-return-home',
    'care-plan', 'chronology', 'placement-information-record', 'cin-plan-review', 'childs-plan-review', 'apr',
    'needs-assessment', 'pathway-plan', 'cin-after-care',
  ],
  'strategy-discussion': [
    'strategy-discussion', 'core-assessment-from-s47', 'strategy-record-circulated', 's47-outcome-recorded',
  ],
  'cp-conference': ['icpc', 'rcpc', 'core-group-first'],
  'lac-review': [
    'review-cycle', 'review-after-carer-change', 'review-after-placement-order', 'placement-order-not-placed',
    'long-term-foster-meeting', 'invitations-sent', 'child-consulted', 'documents-to-iro', 'iro-preparation',
    'iro-visit-before-review', 'decisions-circulated', 'full-record', 'record-distributed', 'decisions-considered',
    'care-plan-updated', 'iro-visit-recorded', 'permanence-plan', 'staying-put', 'pathway-transition',
  ],
  'issues-resolution': [
    'immediate-contact', 'informal-resolution', 'stage-1-response', 'stage-2-response', 'stage-3-response',
    'stage-4-response', 'escalation-due', 'after-stage-4', 'weekly-clinic',
  ],
  'action-plan': ['action-due'],
};

/** Profile variants whose source differs from the default rule's. */
const VARIANT_KEYS: Array<[string, string]> = [
  ['ics-records', 'care-plan@statutory'],
  ['lac-review', 'review-cycle@months'],
  ['lac-review', 'review-cycle@pre-2011'],
  ['cp-conference', 'icpc@calendar-days'],
  ['cp-conference', 'rcpc@days'],
  ['issues-resolution', 'formal-process@statutory'],
];

const allEntries: Array<[string, string, SourceRef]> = Object.entries(SOURCES).flatMap(([procedure, rules]) =>
  Object.entries(rules).map(([rule, ref]): [string, string, SourceRef] => [procedure, rule, ref]),
);
const seedEntries = allEntries.filter(([, , ref]) => SEED_NAME.test(ref.document));

describe('seed files', () => {
  it('are the five seeds, each with a short title', () => {
    expect(seedFiles).toHaveLength(5);
    for (const f of seedFiles) expect(f).toMatch(SEED_NAME);
    for (const title of Object.values(SEED_TITLES)) {
      expect(title.trim().length).toBeGreaterThan(10);
      expect(title.length).toBeLessThanOrEqual(120);
    }
  });
});

describe('SOURCES', () => {
  it('has an entry for every rule id of procedures.md', () => {
    expect(Object.keys(SOURCES).sort()).toEqual(Object.keys(RULE_IDS).sort());
    const missing = Object.entries(RULE_IDS).flatMap(([procedure, rules]) =>
      rules.filter((rule) => SOURCES[procedure]?.[rule] === undefined).map((rule) => `${procedure}/${rule}`),
    );
    expect(missing).toEqual([]);
  });

  it('has an entry for each profile variant whose source differs', () => {
    const missing = VARIANT_KEYS.filter(([p, key]) => SOURCES[p]?.[key] === undefined).map((k) => k.join('/'));
    expect(missing).toEqual([]);
  });

  it('keys variants as ruleId@profile', () => {
    for (const [procedure, key] of allEntries) {
      expect(key, `${procedure}/${key}`).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*(@[a-z0-9]+(-[a-z0-9]+)*)?$/);
    }
  });

  it('names, for every entry, a seed that exists or a named piece of guidance', () => {
    for (const [procedure, rule, ref] of allEntries) {
      const where = `${procedure}/${rule}`;
      expect(typeof ref.document, where).toBe('string');
      expect(ref.document.trim(), where).not.toBe('');
      if (/\.txt$/.test(ref.document) || /^\d{3}_/.test(ref.document)) {
        expect(seedFiles, `${where}: ${ref.document}`).toContain(ref.document);
      } else {
        // National guidance: a proper name, not a file name or a placeholder.
        expect(ref.document, where).toMatch(/^[A-Z][A-Za-z,'’() ]+ \d{4}$/);
      }
    }
  });

  it('takes cp-conference core-group-first from Working Together (not in the seeds)', () => {
    expect(SOURCES['cp-conference']['core-group-first'].document).toMatch(/^Working Together to Safeguard Children/);
    expect(SOURCES['ics-records']['care-plan@statutory'].document).toBe(
      'Care Planning, Placement and Case Review (England) Regulations 2010',
    );
    expect(SOURCES['ics-records']['care-plan@statutory'].section).toBe('reg 4(2)');
  });

  it('keeps quotes short (at most 200 characters)', () => {
    for (const [procedure, rule, ref] of allEntries) {
      if (ref.quote !== undefined) {
        expect(ref.quote.trim(), `${procedure}/${rule}`).not.toBe('');
        expect(ref.quote.length, `${procedure}/${rule}`).toBeLessThanOrEqual(200);
      }
    }
  });

  it('gives a quote for every entry whose document is a seed', () => {
    const unquoted = seedEntries.filter(([, , ref]) => !ref.quote).map(([p, r]) => `${p}/${r}`);
    expect(unquoted).toEqual([]);
  });

  it('names a section for every entry whose document is a seed', () => {
    const unsectioned = seedEntries.filter(([, , ref]) => !ref.section).map(([p, r]) => `${p}/${r}`);
    expect(unsectioned).toEqual([]);
  });
});

describe('PROCEDURE_SOURCES', () => {
  it('lists the documents of every procedure, main seed first', () => {
    expect(Object.keys(PROCEDURE_SOURCES).sort()).toEqual(Object.keys(RULE_IDS).sort());
    for (const [procedure, refs] of Object.entries(PROCEDURE_SOURCES)) {
      expect(refs.length, procedure).toBeGreaterThan(0);
      expect(refs[0].document, procedure).toMatch(SEED_NAME);
    }
  });

  it('includes every document a rule of the procedure cites', () => {
    for (const [procedure, rule, ref] of allEntries) {
      const documents = PROCEDURE_SOURCES[procedure].map((r) => r.document);
      expect(documents, `${procedure}/${rule}`).toContain(ref.document);
    }
  });

  it('cites only the five seeds by file name', () => {
    for (const [procedure, refs] of Object.entries(PROCEDURE_SOURCES)) {
      for (const ref of refs.filter((r) => SEED_NAME.test(r.document))) expect(seedFiles, procedure).toContain(ref.document);
    }
  });
});
