/**
 * `timescales audit` over the generic events CSV and NDJSON, run in-process
 * through `main` with collecting streams (not TTYs, so the default format is csv).
 *
 * The input (test/cli/data/cp-small.csv) is three cp-conference cases; the
 * as-of date is Fri 2024-05-10. Every due date, status and lateness below was
 * worked out by hand on a printed calendar (python3 -c "import calendar;
 * print(calendar.month(2024, 4))") with the England and Wales bank holidays
 * Fri 2024-03-29 (Good Friday), Mon 2024-04-01 (Easter Monday), Mon 2024-05-06
 * (Early May bank holiday). Day 0 is never counted (C2).
 *
 * A1: strategy discussion (s47) Wed 2024-03-27, icpc 2024-04-17, cp-plan-started 2024-04-17, core group 2024-05-03.
 *   icpc: 15 WD after Wed 27 Mar: Thu 28 (1), [Fri 29 GF, Sat, Sun, Mon 1 Apr EM], Tue 2 (2), Wed 3 (3),
 *         Thu 4 (4), Fri 5 (5), Mon 8..Fri 12 (6..10), Mon 15 (11), Tue 16 (12), Wed 17 (13), Thu 18 (14),
 *         Fri 19 (15) → due 2024-04-19; held 2024-04-17 → met.
 *   rcpc: cp-plan-started 2024-04-17 + 3 months → 2024-07-17; nothing by 2024-05-10 and more than 5 WD
 *         away → pending.
 *   core-group-first: 10 WD after Wed 17 Apr: Thu 18 (1), Fri 19 (2), Mon 22..Fri 26 (3..7), Mon 29 (8),
 *         Tue 30 (9), Wed 1 May (10) → due 2024-05-01; held Fri 2024-05-03 → met-late, late Thu 2, Fri 3
 *         = 2 working days, 2 calendar days.
 * A2: strategy discussion 2024-03-20 without s47 (starts no clock), then one with s47 Wed 2024-03-27; no icpc.
 *   icpc: due 2024-04-19 as for A1 → overdue at 2024-05-10; late: Mon 22..Fri 26 (5), Mon 29, Tue 30 (7),
 *         Wed 1..Fri 3 May (10), [Mon 6 May bank holiday], Tue 7..Fri 10 (14) = 14 working days;
 *         calendar days 19 Apr → 30 Apr = 11, + 10 = 21.
 * A3: strategy discussion (s47) Wed 2024-04-24; no icpc.
 *   icpc: Thu 25 (1), Fri 26 (2), Mon 29 (3), Tue 30 (4), Wed 1 May (5), Thu 2 (6), Fri 3 (7), [Mon 6 BH],
 *         Tue 7 (8), Wed 8 (9), Thu 9 (10), Fri 10 (11), Mon 13 (12), Tue 14 (13), Wed 15 (14), Thu 16 (15)
 *         → due 2024-05-16. Warning window (5 WD before): Wed 15, Tue 14, Mon 13, Fri 10, Thu 9 → from
 *         2024-05-09, so on Fri 2024-05-10 it is due-soon.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { Collector, run } from './harness';


const data = (name: string) => fileURLToPath(new URL(`./data/${name}`, import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'timescales-cli-audit-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const HEADER =
  'case_id,procedure,rule,occurrence,anchor_event,anchor_date,due_date,earliest_date,completed_date,status,breach,working_days_late,days_late,source';

const AS_OF = '2024-05-10';
/**
 * The file holds no rcpc row (no review conference was due yet), so the events it records are
 * given with --records: a system that records review conferences measures the rcpc rule too.
 */
const RECORDS = ['--records', 'strategy-discussion,icpc,cp-plan-started,rcpc,core-group'];
const CP = ['--procedure', 'cp-conference', '--as-of', AS_OF, ...RECORDS];

/** The rows expected for cp-small.csv at 2024-05-10 (see the header comment), without the source column. */
const EXPECTED_ROWS = [
  'A1,cp-conference,icpc,1,strategy-discussion,2024-03-27,2024-04-19,,2024-04-17,met,false,,',
  'A1,cp-conference,rcpc,1,cp-plan-started,2024-04-17,2024-07-17,,,pending,false,,',
  'A1,cp-conference,core-group-first,1,icpc,2024-04-17,2024-05-01,,2024-05-03,met-late,true,2,2',
  'A2,cp-conference,icpc,1,strategy-discussion,2024-03-27,2024-04-19,,,overdue,true,14,21',
  'A3,cp-conference,icpc,1,strategy-discussion,2024-04-24,2024-05-16,,,due-soon,false,,',
];

/** Source documents (procedures.md §4): the ICPC and core group from Working Together 2010, review conferences from seed 001. */
const SOURCE_DOCUMENT: Record<string, string> = {
  icpc: 'HM Government, Working Together to Safeguard Children 2010',
  rcpc: "Sussex Child Protection and Safeguarding Procedures, 1.2.5 Integrated Children's System (ICS)",
  'core-group-first': 'HM Government, Working Together to Safeguard Children 2010',
};

type Row = Record<string, string>;
const csvRows = (text: string): Row[] => parse(text, { columns: true }) as Row[];
/** The output rows as CSV text without the last (source) column. */
const withoutSource = (text: string): string[] =>
  (parse(text, { from_line: 2 }) as string[][]).map((cells) => cells.slice(0, -1).join(','));

/** The stderr count line: rows read = used + reported. */
function counts(err: string): { cases: number; results: number; breaches: number; read: number; used: number; reported: number; errors: number; warnings: number } {
  const m = /timescales: \d+ child(?:ren)?, (\d+) cases?(?: \([^)]*\))?; (\d+) results?, (\d+) breach(?:es)?; (\d+) rows read, (\d+) used, (\d+) reported; (\d+) errors, (\d+) warnings/.exec(err);
  expect(m, err).not.toBeNull();
  const [cases, results, breaches, read, used, reported, errors, warnings] = m!.slice(1).map(Number);
  return { cases, results, breaches, read, used, reported, errors, warnings };
}

interface JsonResult {
  caseId: string;
  procedure: string;
  rule: string;
  occurrence: number;
  anchor: { event: string; date: string };
  due?: string;
  earliest?: string;
  completed?: { event: string; date: string };
  status: string;
  breach: boolean;
  late?: { workingDays: number; days: number };
  source: { document: string; section?: string; quote?: string };
  trace: string[];
}

/** A JSON result as a CSV row of the fourteen columns (absent values empty). */
function asCsvCells(r: JsonResult): Row {
  return {
    case_id: r.caseId,
    procedure: r.procedure,
    rule: r.rule,
    occurrence: String(r.occurrence),
    anchor_event: r.anchor.event,
    anchor_date: r.anchor.date,
    due_date: r.due ?? '',
    earliest_date: r.earliest ?? '',
    completed_date: r.completed?.date ?? '',
    status: r.status,
    breach: String(r.breach),
    working_days_late: r.late ? String(r.late.workingDays) : '',
    days_late: r.late ? String(r.late.days) : '',
    source: r.source.section ? `${r.source.document} §${r.source.section}` : r.source.document,
  };
}

describe('audit of a generic events CSV', () => {
  it('writes CSV with exactly the fourteen columns and the rows worked out by hand', async () => {
    const r = await run('audit', ...CP, data('cp-small.csv'));
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[0]).toBe(HEADER);
    expect(r.out.endsWith('\n')).toBe(true);
    expect(withoutSource(r.out)).toEqual(EXPECTED_ROWS);
    for (const row of csvRows(r.out)) {
      expect(row.source.startsWith(SOURCE_DOCUMENT[row.rule]!), `${row.rule}: ${row.source}`).toBe(true);
    }
    // Nothing decorative on stdout; the count line on stderr.
    expect(r.out).not.toMatch(/timescales:/);
    // 7 rows read, all used; 3 cases; 5 results; breaches: A1 core group (met-late) and A2 icpc (overdue).
    expect(counts(r.err)).toEqual({ cases: 3, results: 5, breaches: 2, read: 7, used: 7, reported: 0, errors: 0, warnings: 0 });
  });

  it('writes a table and the summary when stdout is a terminal', async () => {
    const stdout = Object.assign(new Collector(), { isTTY: true });
    const stderr = new Collector();
    const code = await main(['audit', ...CP, data('cp-small.csv')], { stdout: stdout as unknown as typeof process.stdout, stderr: stderr as unknown as typeof process.stderr });
    expect(code).toBe(0);
    expect(stdout.text).not.toContain(HEADER);
    // One table row per result (A2's icpc: overdue, 14 working days late), then the summary.
    expect(stdout.text).toMatch(/^A2\s+icpc\s+1\s+strategy-discussion 2024-03-27\s+2024-04-19\s+overdue\s+14\s*$/m);
    // icpc: results 3, due by as-of 2, on time 1, late 0, missed 1, too early 0, done before due 0, open 1, no timescale 0, 50.0.
    expect(stdout.text).toMatch(/^icpc\s+3\s+2\s+1\s+0\s+1\s+0\s+0\s+1\s+0\s+50\.0\s*$/m);
  });

  it('--format json carries the same fields plus the trace', async () => {
    const csvRun = await run('audit', ...CP, data('cp-small.csv'));
    const r = await run('audit', ...CP, '--format', 'json', data('cp-small.csv'));
    expect(r.code).toBe(0);
    const results = JSON.parse(r.out) as JsonResult[];
    expect(results.map(asCsvCells)).toEqual(csvRows(csvRun.out));
    for (const x of results) {
      expect(Array.isArray(x.trace)).toBe(true);
      expect(x.trace.length).toBeGreaterThan(0);
      for (const line of x.trace) expect(typeof line).toBe('string');
      expect(typeof x.breach).toBe('boolean');
      expect(typeof x.occurrence).toBe('number');
    }
    // The icpc trace of A1 names the due date it reached.
    expect(results[0]!.trace.join('\n')).toContain('2024-04-19');
  });

  it('--format ndjson carries the same fields plus the trace, one result a line', async () => {
    const csvRun = await run('audit', ...CP, data('cp-small.csv'));
    const r = await run('audit', ...CP, '--format', 'ndjson', data('cp-small.csv'));
    expect(r.code).toBe(0);
    const lines = r.out.trimEnd().split('\n');
    expect(lines).toHaveLength(5);
    const results = lines.map((l) => JSON.parse(l) as JsonResult);
    expect(results.map(asCsvCells)).toEqual(csvRows(csvRun.out));
    for (const x of results) expect(x.trace.length).toBeGreaterThan(0);
  });

  it('--summary writes the counts per rule and the share on time', async () => {
    const r = await run('audit', ...CP, '--summary', data('cp-small.csv'));
    expect(r.code).toBe(0);
    // icpc: A1 met (due 04-19) on time, A2 overdue (due 04-19) missed, A3 due-soon (due 05-16) open:
    //   due by as-of 1 + 0 + 1 = 2, on time 1 → 1 ÷ 2 = 50.0; results 2 + 0 + 1 + 0 = 3.
    // rcpc: A1 pending (due 07-17) open: nothing due → empty percentage; results 0 + 0 + 1 + 0 = 1.
    // core-group-first: A1 met-late (due 05-01) late: due 0 + 1 + 0 = 1, on time 0 → 0.0.
    expect(r.out).toBe(
      [
        'rule,results,due by as-of,on time,late,missed,too early,done before due,open,no timescale,on time %,measured,note',
        'icpc,3,2,1,0,1,0,0,1,0,50.0,yes,',
        'rcpc,1,0,0,0,0,0,0,1,0,,yes,',
        'core-group-first,1,1,0,1,0,0,0,0,0,0.0,yes,',
        '',
      ].join('\n'),
    );
  });

  it('--summary --format json gives the figures per rule', async () => {
    const r = await run('audit', ...CP, '--summary', '--format', 'json', data('cp-small.csv'));
    expect(r.code).toBe(0);
    const s = JSON.parse(r.out) as { asOf: string; cases: number; results: number; breaches: number; rules: { rule: string; results: number; onTimePercent: number | null; dueByAsOf: number }[] };
    expect(s).toMatchObject({ asOf: AS_OF, children: 3, cases: 3, periods: null, results: 5, breaches: 2 });
    expect(s.rules.map((x) => [x.rule, x.results, x.dueByAsOf, x.onTimePercent])).toEqual([
      ['icpc', 3, 2, 50],
      ['rcpc', 1, 0, null],
      ['core-group-first', 1, 1, 0],
    ]);
  });

  it('--only breaches writes only the breaches', async () => {
    const r = await run('audit', ...CP, '--only', 'breaches', data('cp-small.csv'));
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[0]).toBe(HEADER);
    expect(withoutSource(r.out)).toEqual([EXPECTED_ROWS[2], EXPECTED_ROWS[3]]);
  });

  it('--only open writes only the results not yet completed', async () => {
    const r = await run('audit', ...CP, '--only', 'open', data('cp-small.csv'));
    expect(r.code).toBe(0);
    expect(withoutSource(r.out)).toEqual([EXPECTED_ROWS[1], EXPECTED_ROWS[3], EXPECTED_ROWS[4]]);
  });

  it('--only with another value is a usage error', async () => {
    const r = await run('audit', ...CP, '--only', 'late', data('cp-small.csv'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('--only');
  });

  it('--rules evaluates only the rules named', async () => {
    const r = await run('audit', ...CP, '--rules', 'icpc', data('cp-small.csv'));
    expect(r.code).toBe(0);
    expect(withoutSource(r.out)).toEqual([EXPECTED_ROWS[0], EXPECTED_ROWS[3], EXPECTED_ROWS[4]]);
    const two = await run('audit', ...CP, '--rules', 'rcpc,core-group-first', data('cp-small.csv'));
    expect(withoutSource(two.out)).toEqual([EXPECTED_ROWS[1], EXPECTED_ROWS[2]]);
    const summary = await run('audit', ...CP, '--rules', 'icpc', '--summary', data('cp-small.csv'));
    expect(summary.out.trimEnd().split('\n')).toEqual([
      'rule,results,due by as-of,on time,late,missed,too early,done before due,open,no timescale,on time %,measured,note',
      'icpc,3,2,1,0,1,0,0,1,0,50.0,yes,',
    ]);
  });

  it('--rules with an unknown rule is a usage error naming it', async () => {
    const r = await run('audit', ...CP, '--rules', 'icpc,core-grup', data('cp-small.csv'));
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain('core-grup');
  });

  it('--out FILE writes the results to the file and nothing to stdout', async () => {
    const file = join(tmp, 'out.csv');
    const r = await run('audit', ...CP, '--out', file, data('cp-small.csv'));
    expect(r.code).toBe(0);
    expect(r.out).toBe('');
    const withBom = readFileSync(file, 'utf8');
    // CSV begins with the UTF-8 byte order mark, for Excel (issue 11, item 9).
    expect(withBom.charCodeAt(0)).toBe(0xfeff);
    const written = withBom.slice(1);
    expect(written.split('\n')[0]).toBe(HEADER);
    expect(withoutSource(written)).toEqual(EXPECTED_ROWS);
    // The count line still goes to stderr.
    expect(counts(r.err).results).toBe(5);
  });

  it('--out FILE with --summary writes the summary to the file', async () => {
    const file = join(tmp, 'summary.csv');
    const r = await run('audit', ...CP, '--summary', '--out', file, data('cp-small.csv'));
    expect(r.code).toBe(0);
    expect(r.out).toBe('');
    expect(readFileSync(file, 'utf8').split('\n')[1]).toBe('icpc,3,2,1,0,1,0,0,1,0,50.0,yes,');
  });

  it('--date-format dd/mm/yyyy reads UK dates and writes the same ISO results', async () => {
    const r = await run('audit', ...CP, '--date-format', 'dd/mm/yyyy', data('cp-small-uk.csv'));
    expect(r.code).toBe(0);
    expect(withoutSource(r.out)).toEqual(EXPECTED_ROWS);
  });

  it('UK dates without --date-format are reported, not guessed', async () => {
    const r = await run('audit', ...CP, data('cp-small-uk.csv'));
    // Every data row has a UK date: one usage error naming the option (issue 11, item 4), nothing written.
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toContain('every date in column "date" is written DD/MM/YYYY (7 of 7, e.g. "27/03/2024"); use --date-format dd/mm/yyyy');
    expect(r.out).toBe('');
  });

  it('reads NDJSON case records and gives the same results', async () => {
    const r = await run('audit', ...CP, data('cp-small.ndjson'));
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[0]).toBe(HEADER);
    expect(withoutSource(r.out)).toEqual(EXPECTED_ROWS);
    // Rows of NDJSON are its lines: 3 read, 3 used.
    expect(counts(r.err)).toMatchObject({ cases: 3, results: 5, read: 3, used: 3, reported: 0 });
  });

  it('neutralises a case id a spreadsheet would run as a formula', async () => {
    const r = await run('audit', ...CP, '--rules', 'icpc', data('cp-formula.csv'));
    expect(r.code).toBe(0);
    const rows = csvRows(r.out);
    // Each case: strategy discussion Wed 2024-04-24 → icpc due Thu 2024-05-16 (as A3 above), due-soon.
    expect(rows.map((x) => [x.case_id, x.due_date, x.status])).toEqual([
      ["'=A4", '2024-05-16', 'due-soon'],
      ["'-5", '2024-05-16', 'due-soon'],
      ["'@A6", '2024-05-16', 'due-soon'],
    ]);
    expect(r.out).not.toMatch(/^[=+\-@]/m);
  });

  it('CSV output begins with a UTF-8 BOM (results, summary, problems file); --no-bom leaves it out; JSON never has one', async () => {
    const csv = await run('audit', ...CP, data('cp-formula.csv'));
    expect(csv.raw.startsWith('\ufeffcase_id,')).toBe(true);
    // Formula neutralisation is kept behind the BOM.
    expect(csv.raw).toContain("'=");
    const summary = await run('audit', ...CP, '--summary', '--format', 'csv', data('cp-small.csv'));
    expect(summary.raw.startsWith('\ufeffrule,results,')).toBe(true);
    const problems = join(tmp, 'problems-bom.csv');
    await run('audit', ...CP, '--problems', problems, data('cp-bad-rows.csv'));
    expect(readFileSync(problems, 'utf8').startsWith('\ufefffile,line,')).toBe(true);
    const plain = await run('audit', ...CP, '--no-bom', data('cp-small.csv'));
    expect(plain.raw.startsWith('case_id,')).toBe(true);
    const plainProblems = join(tmp, 'problems-no-bom.csv');
    await run('audit', ...CP, '--no-bom', '--problems', plainProblems, data('cp-bad-rows.csv'));
    expect(readFileSync(plainProblems, 'utf8').startsWith('file,line,')).toBe(true);
    const json = await run('audit', ...CP, '--format', 'json', data('cp-small.csv'));
    expect(json.raw.startsWith('[')).toBe(true);
    const rules = await run('rules', 'lac-review', '--format', 'csv');
    expect(rules.raw.startsWith('\ufeffrule,kind,')).toBe(true);
    expect((await run('rules', 'lac-review', '--format', 'csv', '--no-bom')).raw.startsWith('rule,kind,')).toBe(true);
  });

  it('keeps case ids as they are in JSON (neutralising is for CSV only)', async () => {
    const r = await run('audit', ...CP, '--rules', 'icpc', '--format', 'json', data('cp-formula.csv'));
    expect((JSON.parse(r.out) as JsonResult[]).map((x) => x.caseId)).toEqual(['=A4', '-5', '@A6']);
  });
});

describe('audit: rows that cannot be used', () => {
  it('lists each unusable row on stderr with file and line, evaluates the rest, and exits 1', async () => {
    const file = data('cp-bad-rows.csv');
    const r = await run('audit', ...CP, file);
    expect(r.code).toBe(1);
    // line 3: B1 icpc 2024-02-30 (no 30 February); line 4: B2 two-digit year 24-04-24;
    // line 5: B2 unknown event strategy-discusion (nearest: strategy-discussion).
    const errorLines = r.err.split('\n').filter((l) => l.startsWith('error:'));
    expect(errorLines).toHaveLength(3);
    expect(errorLines[0]).toContain(`${file}:3`);
    expect(errorLines[0]).toContain('2024-02-30');
    expect(errorLines[1]).toContain(`${file}:4`);
    expect(errorLines[1]).toContain('24-04-24');
    expect(errorLines[2]).toContain(`${file}:5`);
    expect(errorLines[2]).toContain('strategy-discusion');
    expect(errorLines[2]).toContain('"strategy-discussion"');
    expect(r.err).not.toMatch(/^\s+at /m);
    // 6 rows read: lines 2, 6, 7 used, lines 3, 4, 5 reported; B2 has no usable row, so 2 cases.
    // The usable rows are still evaluated and written:
    // B1: strategy discussion Wed 2024-04-24 → icpc due 2024-05-16 (as A3), due-soon at 2024-05-10 (its icpc row was unusable).
    // B3: strategy discussion Wed 2024-03-27 → icpc due 2024-04-19 (as A1), held 2024-04-17 → met.
    //     core-group-first: 10 WD after the icpc Wed 17 Apr → 2024-05-01 (as A1); no core group → overdue,
    //     late Thu 2 (1), Fri 3 (2), [Mon 6 May BH], Tue 7..Fri 10 (3..6) = 6 WD; 1 May → 10 May = 9 days.
    //     No cp-plan-started, so no rcpc. Results 3, breaches 1.
    const c = counts(r.err);
    expect(c.read).toBe(c.used + c.reported);
    expect(c).toEqual({ cases: 2, results: 3, breaches: 1, read: 6, used: 3, reported: 3, errors: 3, warnings: 0 });
    expect(withoutSource(r.out)).toEqual([
      'B1,cp-conference,icpc,1,strategy-discussion,2024-04-24,2024-05-16,,,due-soon,false,,',
      'B3,cp-conference,icpc,1,strategy-discussion,2024-03-27,2024-04-19,,2024-04-17,met,false,,',
      'B3,cp-conference,core-group-first,1,icpc,2024-04-17,2024-05-01,,,overdue,true,6,9',
    ]);
  });

  it('reports a two-digit year in dd/mm/yyyy input', async () => {
    const file = data('cp-bad-rows-uk.csv');
    const r = await run('audit', ...CP, '--date-format', 'dd/mm/yyyy', file);
    expect(r.code).toBe(1);
    const errorLines = r.err.split('\n').filter((l) => l.startsWith('error:'));
    expect(errorLines).toHaveLength(1);
    expect(errorLines[0]).toContain(`${file}:3`);
    expect(errorLines[0]).toContain('24/04/24');
    const c = counts(r.err);
    expect(c).toMatchObject({ read: 2, used: 1, reported: 1 });
    // B1 (line 2) still evaluated: 24/04/2024 → due 2024-05-16, due-soon.
    expect(withoutSource(r.out)).toEqual(['B1,cp-conference,icpc,1,strategy-discussion,2024-04-24,2024-05-16,,,due-soon,false,,']);
  });

  it('an NDJSON line that cannot be used is listed with its line; the others are evaluated', async () => {
    const file = join(tmp, 'mixed.ndjson');
    writeFileSync(
      file,
      [
        '{"id":"N1","events":[{"type":"strategy-discussion","date":"2024-04-24","s47":true}]}',
        '{"id":"N2","events":[{"type":"strategy-discussion","date":"2023-02-29","s47":true}]}',
        'not json',
        '',
      ].join('\n'),
    );
    const r = await run('audit', ...CP, file);
    expect(r.code).toBe(1);
    const errorLines = r.err.split('\n').filter((l) => l.startsWith('error:'));
    expect(errorLines.some((l) => l.includes(`${file}:2`) && l.includes('2023-02-29'))).toBe(true);
    expect(errorLines.some((l) => l.includes(`${file}:3`))).toBe(true);
    expect(counts(r.err)).toMatchObject({ cases: 1, read: 3, used: 1, reported: 2 });
    // N1: 2024-04-24 → due 2024-05-16 (as A3), due-soon.
    expect(withoutSource(r.out)).toEqual(['N1,cp-conference,icpc,1,strategy-discussion,2024-04-24,2024-05-16,,,due-soon,false,,']);
  });
});

describe('audit: usage errors', () => {
  it('missing --as-of exits 2', async () => {
    const r = await run('audit', '--procedure', 'cp-conference', data('cp-small.csv'));
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain('--as-of');
    expect(r.err).not.toMatch(/^\s+at /m);
  });

  it('missing --procedure for event files exits 2', async () => {
    const r = await run('audit', '--as-of', AS_OF, data('cp-small.csv'));
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain('--procedure');
  });

  it('an impossible --as-of date exits 2 naming it', async () => {
    const r = await run('audit', '--procedure', 'cp-conference', '--as-of', '2024-02-30', data('cp-small.csv'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('2024-02-30');
    expect(r.err).not.toMatch(/^\s+at /m);
  });

  it('an unknown procedure exits 2 suggesting the nearest', async () => {
    const r = await run('audit', '--procedure', 'cp-conferance', '--as-of', AS_OF, data('cp-small.csv'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/did you mean "cp-conference"/);
  });

  it('a missing input file exits 2 naming it, with no stack trace', async () => {
    const file = join(tmp, 'no-such-file.csv');
    const r = await run('audit', ...CP, file);
    expect(r.code).toBe(2);
    expect(r.err).toContain(file);
    expect(r.err).not.toMatch(/^\s+at /m);
    expect(existsSync(file)).toBe(false);
  });

  it('no input at all exits 2', async () => {
    const r = await run('audit', ...CP);
    expect(r.code).toBe(2);
    expect(r.err.trim()).not.toBe('');
  });

  it('an unknown --format exits 2', async () => {
    const r = await run('audit', ...CP, '--format', 'xlsx', data('cp-small.csv'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('xlsx');
  });
});
