import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createCalendar } from '../../src/index';
import { CaseRecordSchema } from '../../src/engine/case';
import { DataProblemSchema, formatProblem } from '../../src/engine/problems';
import { TimescalesInputError } from '../../src/errors';
import { CIN_CENSUS_MAPPING, readCinCensus, type CinCensusResult } from '../../src/io/cin-census';

const sample = (name: string) =>
  fileURLToPath(new URL(`../../fixtures/reference/cin-census-sample/${name}`, import.meta.url));
const messy = fileURLToPath(new URL('./data/dfe/cin-census-messy.xml', import.meta.url));

/**
 * ICPC due dates worked out by hand for every child of CIN_Census_2024.xml and
 * CIN_Census_2026.xml with an S47ActualStartDate: the 15th working day strictly
 * after the S47 start (conventions C2: the start day is day 0 and never counted;
 * weekends and England & Wales bank holidays skipped; holidays from
 * src/calendar/govuk-bank-holidays.json). Both files hold the same one such
 * child (DfEX0000001), so the table has one row per file.
 *
 * June 2022:        Mo Tu We Th Fr Sa Su
 *                          1  2  3  4  5      Thu 2 = Spring bank holiday (moved),
 *                    6  7  8  9 10 11 12      Fri 3 = Platinum Jubilee bank holiday
 *                   13 14 15 16 17 18 19
 *                   20 21 22 23 24 25 26
 *
 * The sample's own InitialCPCtarget is Thu 2022-06-23, one working day earlier.
 * It is what one gets by counting Fri 3 June (ignoring the Jubilee bank holiday:
 * Fri 3 (1), Mon 6 (2) ... Thu 23 (15)) or by counting the start day Thu 2 June
 * as day 1 (Thu 2 (1), Mon 6 (2) ... Thu 23 (15)); the library counts neither.
 */
export const ICPC_DUE_BY_HAND = [
  {
    file: 'CIN_Census_2024.xml',
    child: 'DfEX0000001',
    s47Start: '2022-06-02',
    due: '2022-06-24',
    sampleTarget: '2022-06-23',
    note:
      'Thu 2 Jun 2022 (day 0, itself a bank holiday) + 15 WD: skip Fri 3 (Platinum Jubilee), Sat 4, Sun 5; ' +
      'Mon 6 (1), Tue 7 (2), Wed 8 (3), Thu 9 (4), Fri 10 (5), Mon 13 (6), Tue 14 (7), Wed 15 (8), Thu 16 (9), ' +
      'Fri 17 (10), Mon 20 (11), Tue 21 (12), Wed 22 (13), Thu 23 (14), Fri 24 (15) → Fri 24 Jun 2022',
  },
  {
    file: 'CIN_Census_2026.xml',
    child: 'DfEX0000001',
    s47Start: '2022-06-02',
    due: '2022-06-24',
    sampleTarget: '2022-06-23',
    note: 'same child and dates as in CIN_Census_2024.xml: Thu 2 Jun 2022 + 15 WD, skipping Fri 3 Jun (Jubilee) → Fri 24 Jun 2022',
  },
] as const;

/** The same, for the hand-made fixture test/io/data/dfe/cin-census-messy.xml (child 007). */
const ICPC_DUE_BY_HAND_FIXTURE = [
  {
    child: '007',
    s47Start: '2024-03-27',
    due: '2024-04-19',
    note:
      'Wed 27 Mar 2024 + 15 WD: Thu 28 (1), skip Fri 29 (Good Friday), Sat 30, Sun 31, Mon 1 Apr (Easter Monday); ' +
      'Tue 2 (2), Wed 3 (3), Thu 4 (4), Fri 5 (5), Mon 8 (6), Tue 9 (7), Wed 10 (8), Thu 11 (9), Fri 12 (10), ' +
      'Mon 15 (11), Tue 16 (12), Wed 17 (13), Thu 18 (14), Fri 19 (15) → Fri 19 Apr 2024',
  },
  {
    child: '007',
    s47Start: '2024-06-03',
    due: '2024-06-24',
    note:
      'Mon 3 Jun 2024 + 15 WD, no bank holiday in June 2024: Tue 4 (1) ... Fri 7 (4), Mon 10 (5) ... Fri 14 (9), ' +
      'Mon 17 (10) ... Fri 21 (14), Mon 24 (15) → Mon 24 Jun 2024',
  },
] as const;

function expectWellFormed(r: CinCensusResult) {
  for (const c of r.cases) expect(CaseRecordSchema.safeParse(c).success, c.id).toBe(true);
  for (const p of r.problems) expect(DataProblemSchema.safeParse(p).success, p.message).toBe(true);
  expect(r.stats.children.used + r.stats.children.reported).toBe(r.stats.children.read);
  const e = r.stats.elements;
  expect(e.used + e.reported + e.notForProcedure).toBe(e.read);
  expect(r.stats.events).toBe(r.cases.reduce((n, c) => n + c.events.length, 0));
}

describe('readCinCensus on the community validator samples', () => {
  // Numbers from test/io/data/dfe/count_cin_census.py (xml.etree, written from
  // interfaces.md, not from the TypeScript), run once:
  //   python3 test/io/data/dfe/count_cin_census.py fixtures/reference/cin-census-sample/*.xml
  // Output: CIN_Census_2024.xml children 2, events 21; by procedure national-assessment-cp 13,
  //   strategy-discussion 4, cp-conference 6, ics-records 11. CIN_Census_2026.xml: the same.
  //   fake_CIN_data.xml: children 332 (332 distinct ids), events 1406 (referral 402, referral-nfa 402,
  //   icpc 350, closure 252); national-assessment-cp 1154, strategy-discussion 0, cp-conference 350,
  //   ics-records 654. No unreadable dates.
  const expected = [
    { file: 'CIN_Census_2024.xml', children: 2, all: 21, nat: 13, sd: 4, cp: 6, ics: 11 },
    { file: 'CIN_Census_2026.xml', children: 2, all: 21, nat: 13, sd: 4, cp: 6, ics: 11 },
    { file: 'fake_CIN_data.xml', children: 332, all: 1406, nat: 1154, sd: 0, cp: 350, ics: 654 },
  ];
  for (const x of expected) {
    it(`counts children and events of ${x.file}`, async () => {
      const all = await readCinCensus(sample(x.file));
      expectWellFormed(all);
      expect(all.problems).toEqual([]);
      expect(all.stats.children).toEqual({ read: x.children, used: x.children, reported: 0 });
      expect(all.cases).toHaveLength(x.children);
      expect(all.stats.events).toBe(x.all);
      const counts = await Promise.all(
        (['national-assessment-cp', 'strategy-discussion', 'cp-conference', 'ics-records'] as const).map(async (procedure) => {
          const r = await readCinCensus(sample(x.file), { procedure });
          expectWellFormed(r);
          return r.stats.events;
        }),
      );
      expect(counts).toEqual([x.nat, x.sd, x.cp, x.ics]);
    });
  }

  it('maps child DfEX0000001 of CIN_Census_2024.xml (hand-checked against the XML)', async () => {
    const r = await readCinCensus(sample('CIN_Census_2024.xml'));
    // CINdetails: CINreferralDate 2022-10-06, CINclosureDate 2023-02-27, DateOfInitialCPC 2022-12-06,
    // Assessments: start 2028-04-28, authorised 2020-09-19 (odd, but real dates: kept as given),
    // CINPlanDates 2023-01-24 → 2023-01-26,
    // Section47: S47 start 2022-06-02, DateOfInitialCPC 2022-06-17 (a different date from the
    //   CINdetails one, so two icpc events), ICPCnotRequired false (no event),
    // ChildProtectionPlans: start 2022-02-17, end 2023-03-14, review 2023-02-15.
    // In date order:
    expect(r.cases[0]).toEqual({
      id: 'DfEX0000001',
      dateOfBirth: '2015-03-27',
      events: [
        { type: 'assessment-completed', date: '2020-09-19' },
        { type: 'core-assessment-completed', date: '2020-09-19' },
        { type: 'cp-plan-started', date: '2022-02-17' },
        { type: 'strategy-discussion', date: '2022-06-02', s47: true },
        { type: 's47-started', date: '2022-06-02' },
        { type: 'icpc', date: '2022-06-17' },
        { type: 'referral', date: '2022-10-06' },
        { type: 'icpc', date: '2022-12-06' },
        { type: 'cin-plan-started', date: '2023-01-24' },
        { type: 'cin-plan-ended', date: '2023-01-26' },
        { type: 'rcpc', date: '2023-02-15' },
        { type: 'closure', date: '2023-02-27' },
        { type: 'cp-plan-ended', date: '2023-03-14' },
        { type: 'assessment-started', date: '2028-04-28' },
        { type: 'core-assessment-started', date: '2028-04-28' },
      ],
    });
    // Child 2: CINreferralDate 2024-10-24, CINclosureDate 2024-10-29, assessment 2023-12-25 → 2024-01-27.
    expect(r.cases[1]).toEqual({
      id: 'child_fails_assessments',
      dateOfBirth: '2023-09-25',
      events: [
        { type: 'assessment-started', date: '2023-12-25' },
        { type: 'core-assessment-started', date: '2023-12-25' },
        { type: 'assessment-completed', date: '2024-01-27' },
        { type: 'core-assessment-completed', date: '2024-01-27' },
        { type: 'referral', date: '2024-10-24' },
        { type: 'closure', date: '2024-10-29' },
      ],
    });
  });

  it('keeps only the cp-conference events when asked', async () => {
    const r = await readCinCensus(sample('CIN_Census_2026.xml'), { procedure: 'cp-conference' });
    expect(r.cases.map((c) => c.events)).toEqual([
      [
        { type: 'cp-plan-started', date: '2022-02-17' },
        { type: 'strategy-discussion', date: '2022-06-02', s47: true },
        { type: 'icpc', date: '2022-06-17' },
        { type: 'icpc', date: '2022-12-06' },
        { type: 'rcpc', date: '2023-02-15' },
        { type: 'cp-plan-ended', date: '2023-03-14' },
      ],
      [], // child_fails_assessments has nothing for child protection conferences
    ]);
  });

  it('maps a fake_CIN_data.xml child with two CINdetails', async () => {
    const r = await readCinCensus(sample('fake_CIN_data.xml'));
    // Child RND000824303014 (second Child, lines 39–63): CINdetails 1: referral 2013-10-25,
    // closure 2014-01-01, DateOfInitialCPC 2013-12-13; CINdetails 2: referral 2017-10-22,
    // DateOfInitialCPC 2017-11-05, no closure. Both ReferralNFA true: referral-nfa on the referral date.
    expect(r.cases.find((c) => c.id === 'RND000824303014')).toEqual({
      id: 'RND000824303014',
      dateOfBirth: '2011-04-27',
      events: [
        { type: 'referral', date: '2013-10-25' },
        { type: 'referral-nfa', date: '2013-10-25' },
        { type: 'icpc', date: '2013-12-13' },
        { type: 'closure', date: '2014-01-01' },
        { type: 'referral', date: '2017-10-22' },
        { type: 'referral-nfa', date: '2017-10-22' },
        { type: 'icpc', date: '2017-11-05' },
      ],
    });
  });
});

describe('ICPC due dates worked out by hand', () => {
  const cal = createCalendar();
  for (const row of ICPC_DUE_BY_HAND) {
    it(`${row.file} ${row.child}: ${row.s47Start} + 15 WD = ${row.due}`, async () => {
      const r = await readCinCensus(sample(row.file), { procedure: 'cp-conference' });
      const child = r.cases.find((c) => c.id === row.child)!;
      const s47 = child.events.filter((e) => e.type === 'strategy-discussion' && e.s47 === true).map((e) => e.date);
      expect(s47).toEqual([row.s47Start]);
      expect(cal.addWorkingDays(row.s47Start, 15)).toBe(row.due);
      // The sample's own target (see the comment on ICPC_DUE_BY_HAND) is as transcribed here.
      const xml = readFileSync(sample(row.file), 'utf8');
      expect(xml).toContain(`<InitialCPCtarget>${row.sampleTarget}</InitialCPCtarget>`);
    });
  }
  for (const row of ICPC_DUE_BY_HAND_FIXTURE) {
    it(`fixture ${row.child}: ${row.s47Start} + 15 WD = ${row.due}`, async () => {
      const r = await readCinCensus(messy, { procedure: 'cp-conference' });
      const child = r.cases.find((c) => c.id === row.child)!;
      expect(child.events.some((e) => e.type === 'strategy-discussion' && e.date === row.s47Start)).toBe(true);
      expect(cal.addWorkingDays(row.s47Start, 15)).toBe(row.due);
    });
  }
  it('lists every S47 start of the two samples', async () => {
    for (const file of ['CIN_Census_2024.xml', 'CIN_Census_2026.xml'] as const) {
      const r = await readCinCensus(sample(file));
      const starts = r.cases.flatMap((c) => c.events.filter((e) => e.type === 's47-started').map((e) => [c.id, e.date]));
      expect(starts).toEqual(ICPC_DUE_BY_HAND.filter((x) => x.file === file).map((x) => [x.child, x.s47Start]));
    }
  });
});

describe('readCinCensus on a hand-made messy file', () => {
  it('maps the good child, merges its duplicate, and de-duplicates the ICPC date', async () => {
    const r = await readCinCensus(messy);
    expectWellFormed(r);
    expect(r.cases.map((c) => c.id)).toEqual(['007', 'C3', 'C5']);
    // Child[1] (line 6) and Child[4] (line 66) are both 007.
    // DateOfInitialCPC 2024-04-19 at line 13 (CINdetails) and line 23 (Section47[1]): one icpc.
    // Section47[1] ICPCnotRequired false: nothing. Section47[2] ICPCnotRequired 1: icpc-not-required
    // dated its S47 start 2024-06-03. Assessments/Assessment (nested form) read.
    expect(r.cases[0]).toEqual({
      id: '007',
      dateOfBirth: '2016-05-04',
      events: [
        { type: 'referral', date: '2024-03-25' },
        { type: 'assessment-started', date: '2024-03-26' },
        { type: 'core-assessment-started', date: '2024-03-26' },
        { type: 'strategy-discussion', date: '2024-03-27', s47: true },
        { type: 's47-started', date: '2024-03-27' },
        { type: 'icpc', date: '2024-04-19' },
        { type: 'cp-plan-started', date: '2024-04-19' },
        { type: 'assessment-completed', date: '2024-05-10' },
        { type: 'core-assessment-completed', date: '2024-05-10' },
        { type: 'strategy-discussion', date: '2024-06-03', s47: true },
        { type: 's47-started', date: '2024-06-03' },
        { type: 'icpc-not-required', date: '2024-06-03' },
        { type: 'rcpc', date: '2024-07-18' },
        { type: 'rcpc', date: '2024-11-14' },
        { type: 'cp-plan-ended', date: '2024-12-02' },
        { type: 'referral', date: '2025-01-06' }, // from Child[4]
      ],
    });
    // C3: only its second CINdetails' referral is readable; its date of birth 2019-13-01 is not.
    expect(r.cases[1]).toEqual({ id: 'C3', events: [{ type: 'referral', date: '2023-09-04' }] });
    expect(r.cases[2]).toEqual({ id: 'C5', events: [] });
  });

  it('reports every unusable element with file, element path, line and value', async () => {
    const r = await readCinCensus(messy);
    expect(r.problems.map((p) => [p.code, p.severity, p.line, p.column, p.value])).toEqual([
      ['missing-child-id', 'error', 40, 'Child[2]/ChildIdentifiers/LAchildID', ''],
      ['invalid-date', 'error', 49, 'Child[3]/ChildIdentifiers/PersonBirthDate', '2019-13-01'],
      ['invalid-date', 'error', 52, 'Child[3]/CINdetails[1]/CINreferralDate', '01/02/2023'],
      ['missing-value', 'error', 53, 'Child[3]/CINdetails[1]/CINclosureDate', ''],
      ['invalid-date', 'error', 55, 'Child[3]/CINdetails[1]/Section47[1]/S47ActualStartDate', '2023-02-30'],
      ['invalid-boolean', 'error', 56, 'Child[3]/CINdetails[1]/Section47[1]/ICPCnotRequired', 'maybe'],
      ['invalid-date', 'error', 59, 'Child[3]/CINdetails[1]/ChildProtectionPlans[1]/CPPstartDate', '23-01-05'],
      ['duplicate-case-id', 'warning', 66, 'Child[4]/ChildIdentifiers/LAchildID', '007'],
      ['icpc-not-required-without-date', 'error', 81, 'Child[5]/CINdetails[1]/Section47[1]/ICPCnotRequired', 'true'],
    ]);
    for (const p of r.problems) expect(p.file).toBe(messy);
    const s47 = r.problems.find((p) => p.value === '2023-02-30')!;
    // The location (file, line 55, element path) is written once, in front of the message.
    expect(formatProblem(s47)).toBe(`${messy}:55:Child[3]/CINdetails[1]/Section47[1]/S47ActualStartDate: ${s47.message}`);
    expect(s47.message).toContain('"2023-02-30"');
    expect(s47.caseId).toBe('C3');
  });

  it('keeps the counts: children and elements read = used + reported (+ not for the procedure)', async () => {
    const r = await readCinCensus(messy);
    // Children: 5 read; Child[2] has no LAchildID.
    // Elements of the 4 children used:
    //   Child[1]: referral, DateOfInitialCPC ×2, assessment start and authorisation, S47 start ×2,
    //     ICPCnotRequired ×2, CPPstartDate, CPPreviewDate ×2, CPPendDate = 13, all used;
    //   Child[3]: referral ×2, closure, S47 start, ICPCnotRequired, CPPstartDate = 6, 1 used, 5 reported;
    //   Child[4]: referral = 1 used; Child[5]: ICPCnotRequired = 1 reported.
    // Events: 007 has 16 (each assessment date gives the national and the ICS event), C3 1, C5 0.
    expect(r.stats).toEqual({
      children: { read: 5, used: 4, reported: 1 },
      cases: 3,
      events: 17,
      elements: { read: 21, used: 15, reported: 6, notForProcedure: 0 },
    });
    const cp = await readCinCensus(messy, { procedure: 'cp-conference' });
    expectWellFormed(cp);
    // cp-conference keeps, of 007: 2 strategy-discussion, icpc, icpc-not-required, cp-plan-started,
    // 2 rcpc, cp-plan-ended = 8 events. Elements used: 2 DateOfInitialCPC, 2 S47 starts,
    // 2 ICPCnotRequired, CPPstartDate, 2 CPPreviewDate, CPPendDate = 10; not for the procedure
    // (and so not checked): 007's referral and 2 assessment dates, C3's 2 referrals and its
    // closure, Child[4]'s referral = 7; reported: C3's bad S47 start, bad flag and bad
    // CPPstartDate, C5's flag = 4. 10 + 7 + 4 = 21.
    expect(cp.stats.events).toBe(8);
    expect(cp.stats.elements).toEqual({ read: 21, used: 10, reported: 4, notForProcedure: 7 });
  });

  it('names the file and position of malformed XML', async () => {
    const err = await readCinCensus({ name: 'broken.xml', text: '<Message>\n<Children>\n<Child></Children>\n</Message>' }).catch(
      (e) => e,
    );
    expect(err).toBeInstanceOf(TimescalesInputError);
    expect([err.file, err.line]).toEqual(['broken.xml', 3]);
    expect(err.message).toMatch(/^broken\.xml:3:\d+: the XML is not well-formed/);
  });

  it('refuses an empty file, a file that is not a census, and an unknown procedure', async () => {
    await expect(readCinCensus({ name: 'empty.xml', text: '  \n' })).rejects.toThrow(/^empty\.xml: file is empty/);
    await expect(readCinCensus({ name: 'other.xml', text: '<Other><Children/></Other>' })).rejects.toThrow(
      'other.xml:1: the root element is <Other>, not <Message>: expected a CIN census XML file',
    );
    await expect(
      readCinCensus(sample('CIN_Census_2024.xml'), { procedure: 'lac-review' as 'cp-conference' }),
    ).rejects.toThrow(TimescalesInputError);
    await expect(readCinCensus('/no/such/census.xml')).rejects.toThrow(/no\/such\/census\.xml/);
  });

  it('reads ICPCnotRequired 0 / TRUE, and counts lines in a BOM + CRLF file', async () => {
    const text =
      '\uFEFF<?xml version="1.0"?>\r\n<Message>\r\n<Children>\r\n<Child>\r\n' + // lines 1–4
      '<ChildIdentifiers><LAchildID>K1</LAchildID></ChildIdentifiers>\r\n' + // 5
      '<CINdetails>\r\n' + // 6
      '<Section47><S47ActualStartDate>2024-01-08</S47ActualStartDate><ICPCnotRequired>0</ICPCnotRequired></Section47>\r\n' + // 7
      '<Section47><S47ActualStartDate>2024-02-05</S47ActualStartDate><ICPCnotRequired>TRUE</ICPCnotRequired></Section47>\r\n' + // 8
      '<Section47><S47ActualStartDate>2024-03-04T10:00</S47ActualStartDate></Section47>\r\n' + // 9
      '</CINdetails>\r\n</Child>\r\n</Children>\r\n</Message>\r\n';
    const r = await readCinCensus({ name: 'k.xml', text }, { procedure: 'cp-conference' });
    expect(r.cases).toEqual([
      {
        id: 'K1',
        events: [
          { type: 'strategy-discussion', date: '2024-01-08', s47: true },
          { type: 'strategy-discussion', date: '2024-02-05', s47: true },
          { type: 'icpc-not-required', date: '2024-02-05' },
        ],
      },
    ]);
    // A date-time is not a census date: reported, not cut down to its day.
    expect(r.problems.map((p) => [p.code, p.file, p.line, p.column, p.value])).toEqual([
      ['invalid-date', 'k.xml', 9, 'Child[1]/CINdetails[1]/Section47[3]/S47ActualStartDate', '2024-03-04T10:00'],
    ]);
  });

  it('reads a header-only census as no children', async () => {
    const r = await readCinCensus({ name: 'h.xml', text: '<Message><Header/><Children></Children></Message>' });
    expect(r.cases).toEqual([]);
    expect(r.stats.children).toEqual({ read: 0, used: 0, reported: 0 });
  });
});

describe('CIN_CENSUS_MAPPING', () => {
  it('feeds each procedure only event names the mapping makes', () => {
    const made = new Set(CIN_CENSUS_MAPPING.elements.flatMap((m) => m.events.map((e) => e.type)));
    for (const [procedure, names] of Object.entries(CIN_CENSUS_MAPPING.procedures)) {
      for (const n of names) expect(made.has(n), `${procedure}: ${n}`).toBe(true);
    }
    // and every event made feeds at least one procedure
    const fed = new Set(Object.values(CIN_CENSUS_MAPPING.procedures).flat());
    for (const n of made) expect(fed.has(n), n).toBe(true);
  });

  it('maps the elements named in interfaces.md', () => {
    const byElement = (leaf: string) =>
      CIN_CENSUS_MAPPING.elements.filter((m) => m.paths.some((p) => p.endsWith(leaf))).flatMap((m) => m.events);
    expect(byElement('S47ActualStartDate')).toEqual([
      { type: 'strategy-discussion', attributes: { s47: true } },
      { type: 's47-started' },
    ]);
    expect(byElement('DateOfInitialCPC')).toEqual([{ type: 'icpc' }]);
    expect(byElement('CPPstartDate')).toEqual([{ type: 'cp-plan-started' }]);
    expect(byElement('CPPreviewDate')).toEqual([{ type: 'rcpc' }]);
    expect(byElement('CPPendDate')).toEqual([{ type: 'cp-plan-ended' }]);
    expect(byElement('CINreferralDate')).toEqual([{ type: 'referral' }]);
    expect(byElement('CINclosureDate')).toEqual([{ type: 'closure' }]);
  });
});

describe('element lines', () => {
  it('skip comments, CDATA and processing instructions, and strip prefixes', async () => {
    const xml =
      '<?xml version="1.0"?>\n<!-- <Child> -->\n<x:Message xmlns:x="u"><x:Children>\n<?pi <Child>?><Child><![CDATA[\n<Child>\n]]>\n' + // lines 1-6
      '<ChildIdentifiers><LAchildID>A</LAchildID></ChildIdentifiers><CINdetails>\n<CINreferralDate a="1>2">2024-02-30</CINreferralDate>\n' + // lines 7-8
      '</CINdetails></Child></x:Children></x:Message>';
    const r = await readCinCensus({ name: 'l.xml', text: xml });
    expect(r.problems.map((p) => [p.line, p.column])).toEqual([[8, 'Child[1]/CINdetails[1]/CINreferralDate']]);
  });
});
