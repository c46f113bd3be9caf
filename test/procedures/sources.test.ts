/**
 * The sources of the built-in procedures, read from `procedures` itself: every
 * rule and profile cites a document its procedure declares, the documents are
 * described once and the same way everywhere, and whatever cites a local
 * document names a section and a short quote. Whether each quote occurs word
 * for word in its document is a maintainers' check that needs the documents
 * themselves (not in the repository): `npm run check:sources -- DIR`.
 */
import { describe, expect, it } from 'vitest';
import { citeSource, procedures, type Procedure, type SourceDocument, type SourceRef } from '../../src/index';

const SEED_FILE = /^\d{3}_[0-9a-f]{16}\.txt$/;

/** Every source reference of a procedure: its rules' and its profiles'. */
const citations = (p: Procedure): Array<[string, SourceRef]> => [
  ...p.rules.map((r): [string, SourceRef] => [`${p.id}/${r.id}`, r.source]),
  ...Object.entries(p.profiles ?? {}).flatMap(([name, prof]): Array<[string, SourceRef]> => (prof.source ? [[`${p.id} profile ${name}`, prof.source]] : [])),
];
const declared = (p: Procedure, ref: SourceRef): SourceDocument | undefined => p.sources.find((d) => d.document === ref.document);

const all = procedures.flatMap((p) => citations(p).map(([where, ref]) => ({ p, where, ref, doc: declared(p, ref) })));
const local = all.filter((c) => c.doc?.file !== undefined);

describe('the documents of the built-in procedures', () => {
  const documents = procedures.flatMap((p) => p.sources);

  it('describe each document once: the same title, publisher, date and file in every procedure', () => {
    const byId = new Map<string, SourceDocument>();
    for (const d of documents) {
      const { section: _s, quote: _q, ...doc } = d;
      const first = byId.get(d.document);
      if (first) expect(doc, d.document).toEqual(first);
      else byId.set(d.document, doc);
    }
    // Four seeds (000, 001, 002, 004; no rule comes from seed 003) and four national documents of the local
    // procedures, plus the national procedures' own: SI 2020/445, SI 2005/389, SI 2010/2571, SI 2006/1738,
    // Working Together 2013, the DfE's measures and the two complaints escalation sources (8).
    expect([...byId.values()].filter((d) => d.file).length).toBe(4);
    expect([...byId.values()].filter((d) => !d.file).length).toBe(12);
  });

  it('give a local document a seed file name, a title and a publisher; national ones a proper name with its year', () => {
    for (const d of documents) {
      expect(d.title, d.document).toBeDefined();
      expect(d.document, d.document).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      if (d.file !== undefined) {
        expect(d.file, d.document).toMatch(SEED_FILE);
        expect(d.publisher, d.document).toBeDefined();
        expect(d.title!.length, d.document).toBeLessThanOrEqual(120);
      } else if (d.publisher === undefined) {
        // An instrument or guidance: its name, ending with its year.
        expect(d.title, d.document).toMatch(/^[A-Z][A-Za-z0-9,'’() ]+ \d{4}$/);
      } else {
        // A publication cited by its publisher (the DfE's measures; complaints procedures and advice).
        expect(d.title, d.document).toMatch(/^[A-Z]/);
      }
    }
  });

  it('list the main local document first in every local procedure; a national procedure cites no local document', () => {
    for (const p of procedures) {
      if (p.id.startsWith('national-')) expect(p.sources.filter((d) => d.file), p.id).toEqual([]);
      else expect(p.sources[0]!.file, p.id).toMatch(SEED_FILE);
    }
  });

  it('grade every national rule and version: primary (read in the instrument) or secondary (reproductions only)', () => {
    for (const p of procedures.filter((x) => x.id.startsWith('national-'))) {
      for (const r of p.rules) {
        expect(r.source.verified, `${p.id}/${r.id}`).toMatch(/^(primary|secondary)$/);
        for (const v of r.versions ?? []) if (v.source) expect(v.source.verified, `${p.id}/${r.id} ${v.name}`).toMatch(/^(primary|secondary)$/);
      }
    }
  });

  it('name the part of the document each procedure follows', () => {
    for (const p of procedures) for (const d of p.sources) expect(d.section, `${p.id}: ${d.document}`).toBeTruthy();
  });
});

describe('every rule and profile of the built-in procedures', () => {
  it('finds the references it checks', () => {
    // Rules citing a local document: ipr 6, ics-records 13, strategy-discussion 4, cp-conference 1 (rcpc),
    // lac-review 19, issues-resolution 9, action-plan 1 = 53; profiles: calendar-days, days, months = 3.
    // With the 10 local procedure sources, these are the 66 references check:sources reads.
    expect(local.length).toBe(56);
  });

  it('cites a document its procedure declares', () => {
    const undeclared = all.filter((c) => !c.doc).map((c) => `${c.where}: ${c.ref.document}`);
    expect(undeclared).toEqual([]);
  });

  it('gives a source to every profile (each takes its timings from a document)', () => {
    for (const p of procedures) for (const [name, prof] of Object.entries(p.profiles ?? {})) expect(prof.source, `${p.id} profile ${name}`).toBeDefined();
  });

  it('names a section and quotes the words when the document is local', () => {
    expect(local.filter((c) => !c.ref.section).map((c) => c.where)).toEqual([]);
    expect(local.filter((c) => !c.ref.quote).map((c) => c.where)).toEqual([]);
  });

  it('keeps quotes short (at most 200 characters)', () => {
    for (const { where, ref } of all) {
      if (ref.quote === undefined) continue;
      expect(ref.quote.trim(), where).not.toBe('');
      expect(ref.quote.length, where).toBeLessThanOrEqual(200);
    }
  });

  it('takes cp-conference core-group-first from Working Together and the statutory care plan from the Regulations, reg 4(2)', () => {
    const cp = procedures.find((p) => p.id === 'cp-conference')!;
    const coreGroup = cp.rules.find((r) => r.id === 'core-group-first')!;
    expect(declared(cp, coreGroup.source)!.title).toMatch(/^Working Together to Safeguard Children/);
    const ics = procedures.find((p) => p.id === 'ics-records')!;
    const statutory = ics.profiles!.statutory!.source!;
    expect(declared(ics, statutory)!.title).toBe('Care Planning, Placement and Case Review (England) Regulations 2010');
    expect(statutory.section).toBe('reg 4(2)');
  });

  it('is shown with results by publisher and title (issue 11, item 5); a local document keeps its file as an identifier', () => {
    const lac = procedures.find((p) => p.id === 'lac-review')!;
    const cycle = lac.rules.find((r) => r.id === 'review-cycle')!;
    expect(citeSource(lac, cycle.source)).toEqual({ ...cycle.source, document: "Blackpool Council, Our Children's Reviews procedure", file: '004_22f6b4b0b53c9c78.txt' });
    const cp = procedures.find((p) => p.id === 'cp-conference')!;
    expect(citeSource(cp, cp.rules.find((r) => r.id === 'icpc')!.source).document).toBe('HM Government, Working Together to Safeguard Children 2010');
  });
});
