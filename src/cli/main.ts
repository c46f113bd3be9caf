/**
 * The `timescales` command: argument parsing and wiring only. Reading and
 * writing files is io's job; evaluating is the library's.
 *
 * Exit codes: 0 success (breaches found is still success); 1 the input had
 * rows it could not use (listed on stderr, the usable rows still evaluated
 * and written); 2 usage error.
 */
import type { Writable } from 'node:stream';
import { createWriteStream, readFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import {
  auditStream,
  citeSource,
  createCalendar,
  defineProcedure,
  formatProblem,
  type Procedure,
  type ProcedureInput,
  getProcedure,
  procedures,
  REGIONS,
  TimescalesInputError,
  timingText,
  type AuditSummary,
  type Calendar,
  type DataProblem,
  type Result,
} from '../index';
import { createProblemWriter, createResultWriter, csvRow, neutraliseCell, formatSource, type OutputFormat } from '../io/write';
import { readEventsCsv } from '../io/events-csv';
import { readNdjson } from '../io/ndjson';
import { readSsda903 } from '../io/ssda903';
import { readCinCensus, type CinCensusProcedure } from '../io/cin-census';
import { readActionPlan } from '../io/action-plan';
import { combineReads, type ReadResult } from '../io/result';
import { readCalendarFiles } from '../io/calendar-files';
import { renderTable } from './table';

const VERSION = '0.1.0';

type Format = 'table' | 'csv' | 'json' | 'ndjson';

/** Where the command writes: process.stdout/stderr, or any writable stream (tests). */
export interface CliIO {
  stdout: Writable & { isTTY?: boolean };
  stderr: Writable & { isTTY?: boolean };
}

/** Usage problems the CLI finds itself (exit 2). */
class UsageError extends Error {}

interface CommonOptions {
  calendar?: string;
  closures?: string;
  holidays?: string;
  countStartDay?: boolean;
}

function calendarFrom(o: CommonOptions): Calendar {
  const files = readCalendarFiles({ ...(o.closures ? { closures: o.closures } : {}), ...(o.holidays ? { holidays: o.holidays } : {}) });
  return createCalendar({
    ...(o.calendar ? { region: o.calendar as (typeof REGIONS)[number] } : {}),
    ...files,
    ...(o.countStartDay ? { countStartDay: true } : {}),
  });
}

function addCalendarOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option('--calendar <region>', 'whose bank holidays').choices([...REGIONS]).default('england-and-wales'))
    .option('--closures <file>', 'local non-working days, one ISO date a line (# comments allowed)')
    .option('--holidays <file>', 'bank holidays in the gov.uk bank-holidays.json shape (replaces the bundled list for the years it covers)');
}

function formatOption(): Option {
  return new Option('--format <format>', 'output format (default: table on a terminal, csv otherwise)').choices(['table', 'csv', 'json', 'ndjson']);
}

function chosenFormat(f: string | undefined, out: { isTTY?: boolean }): Format {
  return (f as Format | undefined) ?? (out.isTTY ? 'table' : 'csv');
}

export function buildProgram(io: CliIO): { program: Command; exitCode: () => number } {
  let exitCode = 0;
  const print = (text: string) => io.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  const program = new Command('timescales')
    .description("Statutory and local timescales of English children's social care: due dates, breaches and timeliness audits.")
    .version(VERSION)
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .exitOverride()
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  timescales add 2024-03-27 20wd',
        '  timescales between 2024-03-27 2024-04-03',
        '  timescales rules lac-review',
        '  timescales audit --procedure lac-review --as-of 2024-06-30 events.csv',
        '',
        'Run `timescales <command> --help` for the options and examples of a command.',
      ].join('\n'),
    );

  addCalendarOptions(
    program
      .command('add')
      .description('add a duration to a date: 20wd (working days), -3wd, 14d, 2w, 3m, 1y, 24h (hours take a date-time)')
      .argument('<date>', 'ISO date YYYY-MM-DD (or date-time YYYY-MM-DDTHH:mm for hours)')
      .argument('<duration>', 'e.g. 20wd, -3wd, 14d, 2w, 3m, 1y, 24h'),
  )
    .addOption(new Option('--roll <direction>', 'move a calendar-day result off a non-working day').choices(['none', 'forward', 'backward']).default('none'))
    .option('--count-start-day', 'count the start day as day 1 (working days)')
    .option('--explain', 'print how the date was reached')
    .addHelpText('after', '\nExamples:\n  timescales add 2024-03-27 20wd            # 2024-04-26\n  timescales add 2024-01-31 1m              # 2024-02-29\n  timescales add 2024-03-30T12:00 24h       # 2024-03-31T13:00 (clocks went forward)\n  timescales add 2024-12-20 5wd --calendar scotland --explain')
    .action((date: string, duration: string, o: CommonOptions & { roll: 'none' | 'forward' | 'backward'; explain?: boolean }) => {
      const r = calendarFrom(o).addDetailed(date, duration, { roll: o.roll });
      print(r.date);
      if (o.explain) for (const line of r.trace) io.stderr.write(`  ${line}\n`);
    });

  addCalendarOptions(
    program
      .command('between')
      .description('working days after <start> up to and including <end> (negative when <end> is before <start>)')
      .argument('<start>', 'ISO date')
      .argument('<end>', 'ISO date'),
  )
    .addHelpText('after', '\nExamples:\n  timescales between 2024-03-27 2024-04-03   # 3 (Good Friday and Easter Monday skipped)\n  timescales between 2024-04-03 2024-03-27   # -3')
    .action((start: string, end: string, o: CommonOptions) => {
      print(String(calendarFrom(o).workingDaysBetween(start, end)));
    });

  program
    .command('procedures')
    .description('list the built-in procedures')
    .addOption(formatOption())
    .addHelpText('after', '\nExamples:\n  timescales procedures\n  timescales procedures --format csv')
    .action((o: { format?: string }) => {
      const rows = procedures.map((p) => ({ id: p.id, title: p.title, rules: p.rules.length, profiles: ['default', ...Object.keys(p.profiles ?? {})].join(' ') }));
      writeRecords(io.stdout, chosenFormat(o.format, io.stdout), ['id', 'title', 'rules', 'profiles'], rows);
    });

  program
    .command('rules')
    .description('the rules of a procedure, with their timescales and sources')
    .argument('<procedure>', 'procedure id (see `timescales procedures`)')
    .option('--profile <name>', 'show the timescales of a profile')
    .addOption(formatOption())
    .addHelpText('after', '\nExamples:\n  timescales rules lac-review\n  timescales rules cp-conference --profile days --format json')
    .action((id: string, o: { profile?: string; format?: string }) => {
      const p = getProcedure(id);
      if (o.profile && o.profile !== 'default' && !Object.hasOwn(p.profiles ?? {}, o.profile)) {
        throw new TimescalesInputError('--profile', o.profile, `one of: default, ${Object.keys(p.profiles ?? {}).join(', ')}`);
      }
      const rows = p.rules.map((r) => {
        const patch = o.profile ? p.profiles?.[o.profile]?.rules[r.id] : undefined;
        const on = patch?.enabled ?? r.enabled !== false;
        return {
          rule: r.id,
          kind: r.kind,
          title: r.title,
          timescale: on ? timingText(r, { ...r.timing, ...patch?.timing }) : 'off',
          source: formatSource(citeSource(p, r.source)),
        };
      });
      writeRecords(io.stdout, chosenFormat(o.format, io.stdout), ['rule', 'kind', 'timescale', 'title', 'source'], rows);
    });

  addCalendarOptions(
    program
      .command('audit')
      .description('evaluate every case of a file at an as-of date: one row per rule occurrence, a summary, and every unusable row reported')
      .argument('[files...]', 'generic events CSV (case_id,event,date,...) or NDJSON case records (.ndjson / .jsonl)'),
  )
    .option('--procedure <id>', 'procedure id (default lac-review for --ssda903, action-plan for --action-plan)')
    .option('--procedure-file <file>', 'your own procedure, as JSON (see docs/rule-kinds.md), instead of a built-in one')
    .option('--count-start-day', 'count the start day as day 1 in working-day timescales (the CIN census validator\'s reading)')
    .requiredOption('--as-of <date>', 'the date of the audit (ISO)')
    .option('--profile <name>', 'a named profile of the procedure', 'default')
    .addOption(formatOption())
    .option('--out <file>', 'write results to a file instead of stdout')
    .option('--summary', 'write the summary per rule instead of the results')
    .option('--rules <ids>', 'evaluate only these rules (comma separated); the others are switched off')
    .option('--only <which>', 'only write results that are breaches (`breaches`) or not yet completed (`open`)')
    .addOption(new Option('--date-format <format>', 'date format of the generic CSV').choices(['iso', 'dd/mm/yyyy']).default('iso'))
    .option('--ssda903 <files>', 'SSDA903 header.csv,episodes.csv,reviews.csv (comma separated, in that order)')
    .option('--cin-census <file>', 'DfE CIN census XML')
    .option('--action-plan <file>', 'an action plan CSV (id,recommendation,action,by_when,lead,status,evidence)')
    .option('--plan-date <date>', 'the date of the action plan (for --action-plan)')
    .option('--due-soon <duration>', 'warning window before a due date', '5wd')
    .option('--problems <file>', 'also write every data problem to a CSV file')
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  timescales audit --procedure lac-review --as-of 2024-06-30 events.csv',
        '  timescales audit --procedure lac-review --as-of 2024-06-30 --format json events.ndjson',
        '  timescales audit --ssda903 header.csv,episodes.csv,reviews.csv --as-of 2024-03-31 --summary',
        '  timescales audit --cin-census census.xml --procedure cp-conference --as-of 2024-03-31',
        '  timescales audit --action-plan plan.csv --plan-date 2012-05-01 --as-of 2012-06-30 --only breaches',
        '',
        'Exit codes: 0 done (breaches are still success); 1 some input rows could not be used (listed on stderr); 2 usage error.',
      ].join('\n'),
    )
    .action(async (files: string[], o: AuditOptions) => {
      exitCode = await runAudit(files, o, io);
    });

  return { program, exitCode: () => exitCode };
}

interface AuditOptions extends CommonOptions {
  procedure?: string;
  procedureFile?: string;
  asOf: string;
  profile: string;
  format?: string;
  out?: string;
  summary?: boolean;
  only?: string;
  rules?: string;
  dateFormat: 'iso' | 'dd/mm/yyyy';
  ssda903?: string;
  cinCensus?: string;
  actionPlan?: string;
  planDate?: string;
  dueSoon: string;
  problems?: string;
}

interface Loaded {
  procedure: Procedure;
  /** What the reader returned: cases, problems and the row counts. */
  input: ReadResult;
}

async function load(files: string[], o: AuditOptions): Promise<Loaded> {
  const sources = [files.length > 0, Boolean(o.ssda903), Boolean(o.cinCensus), Boolean(o.actionPlan)].filter(Boolean).length;
  if (sources !== 1) throw new UsageError('give one input: event files, --ssda903, --cin-census or --action-plan');
  if (o.only && o.only !== 'breaches' && o.only !== 'open') throw new UsageError('--only takes `breaches` or `open`');
  if (o.ssda903) {
    const parts = o.ssda903.split(',');
    if (parts.length !== 3) throw new UsageError('--ssda903 takes three files: header.csv,episodes.csv,reviews.csv');
    return { procedure: chooseProcedure(o, 'lac-review'), input: await readSsda903({ header: parts[0]!, episodes: parts[1]!, reviews: parts[2]! }) };
  }
  if (o.cinCensus) {
    if (!o.procedure) throw new UsageError('--cin-census needs --procedure strategy-discussion, cp-conference or ics-records');
    return { procedure: chooseProcedure(o), input: await readCinCensus(o.cinCensus, { procedure: o.procedure as CinCensusProcedure }) };
  }
  if (o.actionPlan) {
    if (!o.planDate) throw new UsageError('--action-plan needs --plan-date (the date of the plan: "Now" is due then)');
    return { procedure: chooseProcedure(o, 'action-plan'), input: await readActionPlan(o.actionPlan, { planDate: o.planDate, asOf: o.asOf }) };
  }
  if (!o.procedure && !o.procedureFile) throw new UsageError('--procedure (or --procedure-file) is required for event files (see `timescales procedures`)');
  const procedure = chooseProcedure(o);
  const knownEvents = Object.keys(procedure.events);
  const reads: ReadResult[] = [];
  for (const file of files) {
    reads.push(/\.(nd)?jsonl?$/i.test(file) ? await readNdjson({ path: file }) : await readEventsCsv({ path: file }, { dateFormat: o.dateFormat, knownEvents }));
  }
  return { procedure, input: combineReads(reads) };
}

/** The procedure to audit: --procedure-file, else --procedure, else the input's default. */
function chooseProcedure(o: AuditOptions, fallback?: string): Procedure {
  if (o.procedureFile) {
    if (o.procedure) throw new UsageError('give --procedure or --procedure-file, not both');
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(o.procedureFile, 'utf8'));
    } catch (e) {
      throw new UsageError(`${o.procedureFile}: cannot read a procedure from it (${(e as Error).message})`);
    }
    return defineProcedure(data as ProcedureInput);
  }
  const id = o.procedure ?? fallback;
  if (!id) throw new UsageError('--procedure is required');
  return getProcedure(id);
}

async function runAudit(files: string[], o: AuditOptions, io: CliIO): Promise<number> {
  const started = Date.now();
  const calendar = calendarFrom(o);
  const loaded = await load(files, o);
  const procedure = loaded.procedure;
  let overrides: Record<string, { enabled: boolean }> | undefined;
  if (o.rules) {
    const wanted = new Set(o.rules.split(',').map((r) => r.trim()).filter(Boolean));
    for (const id of wanted) {
      if (!procedure.rules.some((r) => r.id === id)) throw new TimescalesInputError('--rules', id, `a rule of ${procedure.id}: ${procedure.rules.map((r) => r.id).join(', ')}`);
    }
    overrides = Object.fromEntries(procedure.rules.filter((r) => !wanted.has(r.id)).map((r) => [r.id, { enabled: false }]));
  }
  const out: CliIO['stdout'] = o.out ? createWriteStream(o.out) : io.stdout;
  const format = chosenFormat(o.format, out);
  // The reader's problems go through the stream first, so the summary counts them with the evaluation's.
  const input = [{ case: undefined, problems: loaded.input.problems }, ...loaded.input.cases];
  const stream = auditStream(procedure, input, {
    asOf: o.asOf,
    calendar,
    profile: o.profile,
    dueSoonWithin: o.dueSoon,
    // CSV and table output have no trace column: skip building traces (same dates and statuses).
    trace: format === 'json' || format === 'ndjson',
    ...(overrides ? { overrides } : {}),
  });
  const keep = (r: Result) => (o.only === 'breaches' ? r.breach : o.only === 'open' ? !r.completed : true);
  const problems: DataProblem[] = [];
  const tableRows: Result[] = [];
  const writer = !o.summary && format !== 'table' ? createResultWriter(format as OutputFormat, out) : undefined;
  const progress = progressReporter(io.stderr, loaded.input.cases.length, started);
  let done = 0;
  for await (const c of stream) {
    for (const r of c.results) {
      if (!keep(r)) continue;
      if (writer) {
        const w = writer.write(r);
        if (w) await w;
      } else if (!o.summary) tableRows.push(r);
    }
    for (const p of c.problems) problems.push(p);
    progress(++done);
  }
  progress(-1);
  if (writer) await writer.end();
  const summary = stream.summary();
  const rows = loaded.input.counts;
  if (o.summary) {
    writeSummary(out, format, summary, rows);
  } else if (format === 'table') {
    out.write(renderTable(['case_id', 'rule', '#', 'anchor', 'due', 'completed', 'status', 'late (WD)'], tableRows.map((r) => [r.caseId, r.rule, String(r.occurrence), `${r.anchor.event} ${r.anchor.date}`, r.due ?? '', r.completed?.date ?? '', r.status, r.late ? String(r.late.workingDays) : ''])));
    out.write('\n');
    writeSummary(out, 'table', summary, rows);
  }
  if (o.out) await new Promise<void>((resolve) => out.end(resolve));
  if (o.problems) {
    const pw = createProblemWriter('csv', createWriteStream(o.problems));
    for (const p of problems) {
      const w = pw.write(p);
      if (w) await w;
    }
    await pw.end();
  }
  for (const p of problems.slice(0, 200)) io.stderr.write(`${p.severity}: ${formatProblem(p)} [${p.code}]\n`);
  if (problems.length > 200) io.stderr.write(`… and ${problems.length - 200} more problems${o.problems ? ` (all in ${o.problems})` : ' (write them all with --problems FILE)'}\n`);
  io.stderr.write(
    `timescales: ${summary.cases} cases, ${summary.results} results, ${summary.breaches} breaches; ${rows.read} rows read, ${rows.used} used, ${rows.reported} reported; ${summary.errors} errors, ${summary.warnings} warnings\n`,
  );
  return summary.errors > 0 ? 1 : 0;
}

function progressReporter(stderr: CliIO['stderr'], total: number, started: number): (n: number) => void {
  if (!stderr.isTTY) return () => {};
  let last = 0;
  let shown = false;
  return (n) => {
    const now = Date.now();
    if (n === -1) {
      if (shown) stderr.write('\r\x1b[K');
      return;
    }
    if (now - started < 1000 || now - last < 250) return;
    last = now;
    shown = true;
    stderr.write(`\r  evaluated ${n.toLocaleString('en-GB')} of ${total.toLocaleString('en-GB')} cases…`);
  };
}

const SUMMARY_COLUMNS = ['rule', 'total', 'met', 'met-late', 'overdue', 'due-soon', 'pending', 'other', 'due by as-of', 'on time %'];

function writeSummary(out: Writable, format: Format, s: AuditSummary, input: { read: number; used: number; reported: number }): void {
  if (format === 'json' || format === 'ndjson') {
    out.write(`${JSON.stringify({ ...s, rows: input }, null, format === 'json' ? 2 : undefined)}\n`);
    return;
  }
  const rows = s.rules.map((r) => [
    r.rule,
    String(r.total),
    String(r.met),
    String(r.metLate),
    String(r.overdue),
    String(r.dueSoon),
    String(r.pending),
    String(r.metEarly + r.metAfterTarget + r.pastTarget + r.deemedMet),
    String(r.dueByAsOf),
    r.onTimePercent === null ? '' : r.onTimePercent.toFixed(1),
  ]);
  if (format === 'csv') {
    out.write(csvRow(SUMMARY_COLUMNS));
    for (const row of rows) out.write(csvRow(row.map(neutraliseCell)));
    return;
  }
  out.write(`Summary: ${s.procedure} as at ${s.asOf} (profile ${s.profile}): ${s.cases} cases, ${s.results} results, ${s.breaches} breaches\n`);
  out.write(renderTable(SUMMARY_COLUMNS, rows));
}

function writeRecords(out: Writable, format: Format, columns: string[], rows: Array<Record<string, string | number>>): void {
  const text = (v: string | number | undefined) => (v === undefined ? '' : String(v));
  if (format === 'json') out.write(`${JSON.stringify(rows, null, 2)}\n`);
  else if (format === 'ndjson') for (const r of rows) out.write(`${JSON.stringify(r)}\n`);
  else if (format === 'csv') {
    out.write(csvRow(columns));
    for (const r of rows) out.write(csvRow(columns.map((c) => (typeof r[c] === 'number' ? text(r[c]) : neutraliseCell(text(r[c]))))));
  } else out.write(renderTable(columns, rows.map((r) => columns.map((c) => text(r[c])))));
}

/** Runs the command; resolves to the exit code. Never throws: errors become messages (no stack traces). */
/**
 * `timescales add 2024-04-03 -3wd`: a negative duration looks like an option to
 * the parser, so it is moved behind `--`, where arguments are taken as they are.
 */
export function protectNegativeDurations(argv: string[]): string[] {
  if (argv[0] !== 'add' || argv.includes('--')) return argv;
  const i = argv.findIndex((a, k) => k > 0 && /^-\d+(wd|d|w|m|y|h)$/.test(a));
  return i === -1 ? argv : [...argv.slice(0, i), ...argv.slice(i + 1), '--', argv[i]!];
}

export async function main(argv: string[], io: CliIO = { stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  argv = protectNegativeDurations(argv);
  const { program, exitCode } = buildProgram(io);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode();
  } catch (err) {
    if (err instanceof CommanderError) {
      return err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help' ? 0 : 2;
    }
    if (err instanceof TimescalesInputError || err instanceof UsageError) {
      io.stderr.write(`timescales: ${err.message}\n`);
      return 2;
    }
    io.stderr.write(`timescales: unexpected error: ${err instanceof Error ? err.message : String(err)}\n`);
    return 2;
  }
}

