/**
 * `timescales audit`: read a caseload, evaluate every case at an as-of date,
 * write the results or the summary, and account for every input row.
 */
import type { Writable } from 'node:stream';
import { readFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import {
  auditStream,
  carriedAttributes,
  figureCells,
  FIGURE_COLUMNS,
  isOpen,
  PERIOD_UNITS,
  SummaryBuilder,
  type AuditStream,
  type BreakdownRow,
  type Carried,
  type PeriodUnit,
  defineProcedure,
  formatProblem,
  groupProblems,
  type ProblemGroup,
  type Procedure,
  type ProcedureInput,
  getProcedure,
  nearest,
  recordedEvents,
  TimescalesInputError,
  type AuditSummary,
  type CaseRecord,
  type DataProblem,
  type Result,
  summaryRecords,
} from '../../index';
import { createProblemWriter, createResultWriter, csvRow, neutraliseCell, UTF8_BOM, type OutputFormat } from '../../io/write';
import { indexEventsCsv, readEventsCsv, streamGroupedEventsCsv, type EventsCsvOptions } from '../../io/events-csv';
import { inputBytes, partitionCount, spillEventsCsv, withTemporaryFiles, type TemporaryFiles } from '../../io/case-spill';
import { renderHtmlReport, type SummaryPart } from '../../io/html-report';
import { renderIcs } from '../../io/ics';
import { readNdjson } from '../../io/ndjson';
import { readSsda903, ssda903Child } from '../../io/ssda903';
import { CIN_CENSUS_MAPPING, readCinCensus, type CinCensusProcedure } from '../../io/cin-census';
import { readActionPlan } from '../../io/action-plan';
import { combineReads, type CaseChunk, type ReadResult, type RowCounts } from '../../io/result';
import { VOUCHED } from '../../engine/case';
import { DISTINCT_CASES } from '../../audit/audit';
import { checkEncoding, isRegularFile, type InputEncoding, type InputSource } from '../../io/source';
import { forTerminal, renderTable } from '../table';
import {
  addCalendarOptions,
  calendarFrom,
  chosenFormat,
  formatOption,
  bomOption,
  progressReporter,
  UsageError,
  checkOutputPath,
  openOutput,
  type CliIO,
  type CommandContext,
  type CommonOptions,
  type Format,
} from '../common';

/**
 * The options that say what to read and how to evaluate it, shared by `audit`
 * and `due`: the input, the procedure, the as-of date, the profile, the rules,
 * what the data records, and the calendar.
 */
export function addInputOptions(cmd: Command): Command {
  return addCalendarOptions(cmd)
    .option('--procedure <id>', 'procedure id (default national-looked-after for --ssda903, national-assessment-cp for --cin-census, action-plan for --action-plan)')
    .option('--procedure-file <file>', 'your own procedure, as JSON (see docs/rule-kinds.md), instead of a built-in one')
    .option('--count-start-day', 'count the start day as day 1 in working-day timescales (the CIN census validator\'s reading)')
    .requiredOption('--as-of <date>', 'the date of the audit (ISO)')
    .option('--profile <name>', 'a named profile of the procedure', 'default')
    .option('--rules <ids>', 'evaluate only these rules (comma separated); the others are switched off')
    .option('--records <events>', 'the event types the data records (comma separated), instead of those the reader declares or the file contains; rules needing others are not measured')
    .option('--all-rules', 'evaluate the rules the data cannot measure as well (their figures are flagged "not measured")')
    .addOption(new Option('--date-format <format>', 'date format of the generic CSV').choices(['iso', 'dd/mm/yyyy']).default('iso'))
    .option('--ssda903 <files>', 'SSDA903 header.csv,episodes.csv,reviews.csv (comma separated, in that order)')
    .option('--cin-census <file>', 'DfE CIN census XML')
    .option('--action-plan <file>', 'an action plan CSV (id,recommendation,action,by_when,lead,status,evidence)')
    .option('--plan-date <date>', 'the date of the action plan (for --action-plan)')
    .option('--due-soon <duration>', 'warning window before a due date', '5wd')
    .option('--problems <file>', 'also write every data problem to a CSV file')
    .addOption(bomOption())
    .option('--encoding <name>', 'encoding of the input files: utf-8 (default; other bytes refuse the file) or windows-1252');
}

export function registerAuditCommand(program: Command, { io, setExitCode }: CommandContext): void {
  addInputOptions(
    program
      .command('audit')
      .description('evaluate every case of a file at an as-of date: one row per rule occurrence, a summary, and every unusable row reported')
      .argument('[files...]', 'generic events CSV (case_id,event,date,...) or NDJSON case records (.ndjson / .jsonl)'),
  )
    .addOption(formatOption(['html', 'ics']))
    .option('--out <file>', 'write results to a file instead of stdout')
    .option('--summary', 'write the summary per rule instead of the results')
    .option('--only <which>', 'only write results that are breaches (`breaches`) or not yet completed (`open`)')
    .option('--group-by <column>', 'split the summary by a column carried from a generic file (one value per case, e.g. team); the HTML report shows each group')
    .option('--by <period>', 'split the summary by the due date\'s month, quarter, year or financial-year (April to March); the HTML report\'s trend (default financial-year)')
    .option('--columns <names>', 'carried columns to put in calendar events (--format ics; none by default: only the case id)')
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  timescales audit --procedure lac-review --as-of 2024-06-30 events.csv',
        '  timescales audit --procedure lac-review --as-of 2024-06-30 --format json events.ndjson',
        '  timescales audit --procedure lac-review --as-of 2024-06-30 --format html --out report.html events.csv',
        '  timescales audit --ssda903 header.csv,episodes.csv,reviews.csv --as-of 2024-03-31 --summary',
        '  timescales audit --cin-census census.xml --procedure cp-conference --as-of 2024-03-31',
        '  timescales audit --action-plan plan.csv --plan-date 2012-05-01 --as-of 2012-06-30 --only breaches',
        '',
        'Exit codes: 0 done (breaches are still success); 1 some input rows could not be used (listed on stderr); 2 usage error; 3 an output (stdout, --out, --problems) could not be written.',
      ].join('\n'),
    )
    .action(async (files: string[], o: AuditOptions) => {
      setExitCode(await withTemporaryFiles((temporary) => runAudit(files, o, io, temporary)));
    });
}

/** What `addInputOptions` gives a command. */
export interface InputOptions extends CommonOptions {
  procedure?: string;
  procedureFile?: string;
  asOf: string;
  profile: string;
  rules?: string;
  records?: string;
  allRules?: boolean;
  dateFormat: 'iso' | 'dd/mm/yyyy';
  ssda903?: string;
  cinCensus?: string;
  actionPlan?: string;
  planDate?: string;
  dueSoon: string;
  problems?: string;
  encoding?: string;
  /** False with --no-bom. */
  bom: boolean;
}

interface AuditOptions extends InputOptions {
  format?: string;
  out?: string;
  summary?: boolean;
  only?: string;
  by?: PeriodUnit;
  groupBy?: string;
  columns?: string;
}

export interface Loaded {
  procedure: Procedure;
  /** What the reader returned: cases, problems and the row counts. */
  input: ReadResult;
  /** The child of a case, when a child can have several cases. */
  childOf?: (c: CaseRecord) => string;
  /**
   * Event CSV files read case by case while evaluating (`chunks`): files whose
   * rows are grouped by case are read again, others come back from temporary
   * files sorted by case (`io/case-spill`). `input.cases` is then empty and
   * `input.problems` holds none of their problems; `input.counts` is final;
   * `recorded` the event types they record. `distinctIds`: no two of its
   * cases share an id (one file, grouped or sorted by case).
   */
  stream?: { cases: number; chunks: () => AsyncIterable<CaseChunk>; recorded: string[]; carriedColumns: string[]; distinctIds?: boolean };
}

/** Reads the input of `audit` and `due`; temporary files it makes (an input not grouped by case) are `temporary`'s to remove. */
export async function load(files: string[], o: InputOptions & { only?: string }, temporary?: TemporaryFiles): Promise<Loaded> {
  const sources = [files.length > 0, Boolean(o.ssda903), Boolean(o.cinCensus), Boolean(o.actionPlan)].filter(Boolean).length;
  if (sources !== 1) throw new UsageError('give one input: event files, --ssda903, --cin-census or --action-plan');
  if (o.only && o.only !== 'breaches' && o.only !== 'open') throw new UsageError('--only takes `breaches` or `open`');
  const encoding = o.encoding === undefined ? undefined : checkEncoding(o.encoding, '--encoding');
  const at = (path: string): { path: string; encoding?: InputEncoding } => (encoding ? { path, encoding } : { path });
  if (o.ssda903) {
    const parts = o.ssda903.split(',');
    if (parts.length !== 3) throw new UsageError('--ssda903 takes three files: header.csv,episodes.csv,reviews.csv');
    return {
      procedure: chooseProcedure(o, 'national-looked-after'),
      input: await readSsda903({ header: at(parts[0]!), episodes: at(parts[1]!), reviews: at(parts[2]!) }),
      childOf: ssda903Child,
    };
  }
  if (o.cinCensus) {
    const id = o.procedureFile ? undefined : (o.procedure ?? 'national-assessment-cp');
    if (id !== undefined && !Object.hasOwn(CIN_CENSUS_MAPPING.procedures, id)) {
      throw new UsageError(`--cin-census feeds ${Object.keys(CIN_CENSUS_MAPPING.procedures).join(', ')}, not ${id}`);
    }
    return { procedure: chooseProcedure(o, 'national-assessment-cp'), input: await readCinCensus(at(o.cinCensus), id ? { procedure: id as CinCensusProcedure } : {}) };
  }
  if (o.actionPlan) {
    if (!o.planDate) throw new UsageError('--action-plan needs --plan-date (the date of the plan: "Now" is due then)');
    return { procedure: chooseProcedure(o, 'action-plan'), input: await readActionPlan(at(o.actionPlan), { planDate: o.planDate, asOf: o.asOf }) };
  }
  if (!o.procedure && !o.procedureFile) throw new UsageError('--procedure (or --procedure-file) is required for event files (see `timescales procedures`)');
  const procedure = chooseProcedure(o);
  const knownEvents = Object.keys(procedure.events);
  const reads: ReadResult[] = [];
  // Event CSV files grouped by case are streamed: an index pass first (the event types they record, the number
  // of cases), then read again case by case while evaluating, so memory does not grow with the caseload. A file
  // whose cases are not grouped, and NDJSON, are read whole (docs/cli.md, "Memory: large files are streamed"); so is
  // a pipe (`<(zcat events.csv.gz)`, /dev/stdin), which cannot be read twice.
  if (files.every((file) => !/\.(nd)?jsonl?$/i.test(file) && isRegularFile(file))) {
    const options: EventsCsvOptions = { dateFormat: o.dateFormat, knownEvents };
    const types = new Set<string>();
    const counts: RowCounts = { read: 0, used: 0, reported: 0 };
    let cases = 0;
    let grouped = true;
    const attributes = { order: [] as string[], varies: new Set<string>() };
    for (const file of files) {
      const index = await indexEventsCsv(at(file), options, attributes);
      if (!index.grouped) {
        grouped = false;
        break;
      }
      for (const t of index.types) types.add(t);
      cases += index.cases;
      counts.read += index.counts.read;
      counts.used += index.counts.used;
      counts.reported += index.counts.reported;
    }
    if (grouped) {
      // The index pass found the files grouped: no set of case ids to notice one coming back.
      const chunks = async function* () {
        for (const file of files) yield* streamGroupedEventsCsv(at(file), options);
      };
      return { procedure, input: { cases: [], problems: [], counts }, stream: { cases, chunks, recorded: [...types], carriedColumns: attributes.order.filter((k) => !attributes.varies.has(k)), distinctIds: files.length === 1 } };
    }
    // Not grouped (or a date that cannot be read): a file bigger than one partition is spilled to temporary files
    // by case and read back case by case in order of first appearance, as the whole read gives them.
    if (files.some((file) => partitionCount(inputBytes(at(file))) > 1)) {
      const spilled = await spillEventsCsv(files.map(at), options, temporary);
      // Each file's cases are sorted by case, so one file's ids are distinct.
      return { procedure, input: { cases: [], problems: [], counts: spilled.counts }, stream: Object.assign(spilled, { distinctIds: files.length === 1 }) };
    }
  }
  for (const file of files) {
    reads.push(/\.(nd)?jsonl?$/i.test(file) ? await readNdjson(at(file), { knownEvents }) : await readEventsCsv(at(file), { dateFormat: o.dateFormat, knownEvents }));
  }
  return { procedure, input: combineReads(reads) };
}

/**
 * The event types the data records: `--records`, else what the reader
 * declares for its format, else the event types that occur in the file(s).
 */
function recordsOf(o: InputOptions, procedure: Procedure, loaded: Loaded): string[] {
  const input = loaded.input;
  if (o.records === undefined) return input.records ?? loaded.stream?.recorded ?? recordedEvents(input.cases);
  const list = o.records.split(',').map((r) => r.trim()).filter(Boolean);
  const known = Object.keys(procedure.events);
  for (const e of list) {
    if (!Object.hasOwn(procedure.events, e)) {
      const near = nearest(e, known);
      throw new UsageError(`--records: "${e}" is not an event of ${procedure.id}${near ? ` (did you mean "${near}"?)` : ''}; its events: ${known.join(', ')}`);
    }
  }
  return list;
}

/** The procedure to audit: --procedure-file, else --procedure, else the input's default. */
function chooseProcedure(o: InputOptions, fallback?: string): Procedure {
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

/** `--rules a,b`: every other rule of the procedure switched off. */
export function ruleOverrides(procedure: Procedure, rules: string | undefined): Record<string, { enabled: boolean }> | undefined {
  if (!rules) return undefined;
  const wanted = new Set(rules.split(',').map((r) => r.trim()).filter(Boolean));
  for (const id of wanted) {
    if (!procedure.rules.some((r) => r.id === id)) throw new TimescalesInputError('--rules', id, `a rule of ${procedure.id}: ${procedure.rules.map((r) => r.id).join(', ')}`);
  }
  return Object.fromEntries(procedure.rules.filter((r) => !wanted.has(r.id)).map((r) => [r.id, { enabled: false }]));
}

/** How the summary is split: a carried column (`--group-by`) and/or the due date's period (`--by`). */
export interface SplitOptions {
  groupBy?: { name: string; of: (r: Result) => string | undefined };
  by?: PeriodUnit;
}

/** Evaluates the loaded input as a stream; the reader's problems go first, so the summary counts them with the evaluation's. */
export function evaluateLoaded(loaded: Loaded, o: InputOptions, trace: boolean, split: SplitOptions = {}, carried?: CarriedLookup): AuditStream {
  const overrides = ruleOverrides(loaded.procedure, o.rules);
  const records = recordsOf(o, loaded.procedure, loaded);
  // Streamed files: each case's reader problems come as a chunk of their own just before it (collectProblems
  // puts all reader problems first, in input order, as for a file read whole).
  const input = loaded.stream
    ? streamCases(loaded.stream, carried?.onCase ?? (() => {}))
    : [{ case: undefined, problems: loaded.input.problems }, ...loaded.input.cases];
  return auditStream(loaded.procedure, input, {
    asOf: o.asOf,
    calendar: calendarFrom(o),
    profile: o.profile,
    dueSoonWithin: o.dueSoon,
    trace,
    ...(overrides ? { overrides } : {}),
    records,
    ...(loaded.childOf ? { childOf: loaded.childOf } : {}),
    // Ids no other case has: without a childOf, children are counted without a set of ids (SummaryBuilder decides).
    ...(loaded.stream?.distinctIds ? { [DISTINCT_CASES]: true as const } : {}),
    ...(o.allRules ? { allRules: true } : {}),
    ...(split.groupBy ? { groupBy: split.groupBy } : {}),
    ...(split.by ? { by: split.by } : {}),
    ...(loaded.input.setAside ? { setAside: loaded.input.setAside.map((x) => ({ reason: x.reason, cases: x.cases.length })) } : {}),
  });
}

/** Writes --problems FILE, the problems on stderr, and the closing line of counts. */
export async function reportProblems(io: CliIO, problems: readonly DataProblem[], o: { problems?: string; bom?: boolean }, closing: string): Promise<void> {
  if (o.problems) {
    const problemsFile = openOutput(o.problems, '--problems');
    const pw = createProblemWriter('csv', problemsFile.stream, { bom: o.bom ?? true });
    for (const p of problems) {
      const w = pw.write(p);
      if (w) await w;
    }
    await pw.end();
    await problemsFile.close();
  }
  writeProblemGroups(io.stderr, problems, o.problems);
  io.stderr.write(closing);
}

/** The columns carried from the input (generic files only: one value per case, e.g. worker, team), and each case's values by id. */
export interface CarriedLookup {
  columns: readonly string[];
  of: (caseId: string) => Readonly<Record<string, string>> | undefined;
  /** Streamed files: works out a case's values as it arrives (pass the lookup to evaluateLoaded). */
  onCase: (c: CaseRecord) => void;
}

/**
 * The carried columns of the loaded input (`carriedAttributes`); none for the national returns and action plans.
 * Streamed files: `keepAll` false keeps only the case being evaluated (asked for while its results are
 * written), so memory does not grow with the caseload; true (the default) keeps every case's values, for
 * output made after the evaluation (calendar events, the HTML report, `due`).
 */
export function columnLookup(files: readonly string[], loaded: Loaded, { keepAll = true }: { keepAll?: boolean } = {}): CarriedLookup {
  // Attributes the procedure declares (e.g. s47) are the events', not carried columns.
  const declared = Object.values(loaded.procedure.events).flatMap((e) => Object.keys(e.attributes ?? {}));
  const streamedColumns = loaded.stream?.carriedColumns.filter((c) => !declared.includes(c));
  const carried: Carried =
    streamedColumns !== undefined
      ? { columns: streamedColumns, values: new Map() }
      : files.length > 0
        ? carriedAttributes(loaded.input.cases, declared)
        : { columns: [], values: new Map() };
  const byId = new Map<string, Record<string, string>>();
  for (const [c, v] of carried.values) if (!byId.has(c.id)) byId.set(c.id, v);
  // A case id met again in a later file keeps the values of its first case: the values of the cases seen are
  // kept whenever a later file may bring an id back.
  const keep = keepAll || (loaded.stream ? files.length : 0) > 1;
  let current: { id: string; values: Record<string, string> } | undefined;
  // Streamed: each case's carried values are worked out as it arrives (only when there are carried columns).
  const onCase = (c: CaseRecord): void => {
    if (carried.columns.length === 0 || byId.has(c.id) || current?.id === c.id) return;
    const out: Record<string, string> = {};
    for (const k of carried.columns) {
      for (const e of c.events) {
        const v = e[k];
        if (v !== undefined && v !== null) {
          out[k] = String(v);
          break;
        }
      }
    }
    current = { id: c.id, values: out };
    if (keep) byId.set(c.id, out);
  };
  return { columns: carried.columns, of: (id) => (current?.id === id ? current.values : byId.get(id)), onCase };
}

/** Refuses a `--group-by` / `--columns` name that is not a carried column. */
export function checkCarried(option: string, names: readonly string[], carried: CarriedLookup): void {
  for (const name of names) {
    if (!carried.columns.includes(name)) {
      throw new UsageError(
        `${option}: "${name}" is not a column carried from the input (a column of a generic file with one value per case)${carried.columns.length ? `; carried: ${carried.columns.join(', ')}` : '; this input carries none'}`,
      );
    }
  }
}

/** The number of cases to evaluate (for progress): the index pass's count when streamed. */
export function casesOf(loaded: Loaded): number {
  return loaded.stream ? loaded.stream.cases : loaded.input.cases.length;
}

/** Splits --columns a,b into names. */
export function columnList(text: string | undefined): string[] {
  return text ? text.split(',').map((c) => c.trim()).filter(Boolean) : [];
}

async function runAudit(files: string[], o: AuditOptions, io: CliIO, temporary: TemporaryFiles): Promise<number> {
  const started = Date.now();
  // Outputs are checked before anything is read or written (exit 3).
  if (o.out) checkOutputPath(o.out, '--out');
  if (o.problems) checkOutputPath(o.problems, '--problems');
  const loaded = await load(files, o, temporary);
  const procedure = loaded.procedure;
  const outFile = o.out ? openOutput(o.out, '--out') : undefined;
  const out: CliIO['stdout'] = outFile ? outFile.stream : io.stdout;
  const format = chosenFormat(o.format, out);
  if (o.columns && format !== 'ics') throw new UsageError('--columns chooses what calendar events carry: use it with --format ics');
  if (o.by !== undefined && !(PERIOD_UNITS as readonly string[]).includes(o.by)) throw new UsageError(`--by takes ${PERIOD_UNITS.join(', ')}`);
  // Columns constant per case (generic files): carried to every result, and what --group-by splits by.
  // Written as they stream, results need only the current case's values; calendar events and the HTML report are made at the end.
  const carried = columnLookup(files, loaded, { keepAll: format === 'ics' || format === 'html' });
  if (o.groupBy !== undefined) checkCarried('--group-by', [o.groupBy], carried);
  if (o.columns) checkCarried('--columns', columnList(o.columns), carried);
  const groupCol = o.groupBy;
  const groupBy = groupCol ? { name: groupCol, of: (r: Result) => carried.of(r.caseId)?.[groupCol] } : undefined;
  // CSV and table output have no trace column: skip building traces (same dates and statuses).
  const stream = evaluateLoaded(loaded, o, format === 'json' || format === 'ndjson', { ...(groupBy ? { groupBy } : {}), ...(o.by ? { by: o.by } : {}) }, carried);
  const keep = (r: Result) => (o.only === 'breaches' ? r.breach : o.only === 'open' ? !r.completed : true);
  const problems: DataProblem[] = [];
  const tableRows: Result[] = [];
  const writer =
    !o.summary && (format === 'csv' || format === 'json' || format === 'ndjson') ? createResultWriter(format as OutputFormat, out, { bom: o.bom, carriedColumns: carried.columns }) : undefined;
  const report = format === 'html' ? htmlCollector(procedure, o, groupBy) : undefined;
  const readerProblems: DataProblem[] = [];
  const progress = progressReporter(io.stderr, casesOf(loaded), started);
  let done = 0;
  for await (const c of stream) {
    const mine = carried.columns.length > 0 ? carried.of(c.caseId) : undefined;
    for (const r of c.results) {
      report?.add(r);
      if (!keep(r)) continue;
      if (mine) (r as Result & { carried?: Record<string, string> }).carried = mine;
      if (writer) {
        const w = writer.write(r);
        if (w) await w;
      } else if (format === 'ics' ? isOpen(r) : !o.summary && !report) tableRows.push(r);
    }
    if (c.caseId === '') for (const p of c.problems) readerProblems.push(p);
    else {
      for (const p of c.problems) problems.push(p);
      progress(++done);
    }
  }
  progress(-1);
  // Reader problems first, in input order (streamed files give them case by case).
  if (readerProblems.length > 0) problems.unshift(...readerProblems);
  if (writer) await writer.end();
  const summary = stream.summary();
  // A row the reader used can still be rejected by the evaluation (a date outside the supported range, an unknown
  // event): its error names the row (file and line) and the event. Such a row is counted as reported, not used,
  // so that read = used + reported stays true (issue 13, item 2).
  const rejected = problems.filter(rejectedAtEvaluation).length;
  const read = loaded.input.counts;
  const rows = { ...read, used: read.used - rejected, reported: read.reported + rejected };
  if (report) {
    const clear = stepNote(io.stderr, 'writing the HTML report…');
    out.write(report.render(summary, rows, problems, calendarFrom(o).description));
    clear();
  } else if (format === 'ics') {
    out.write(renderIcs(tableRows, { asOf: o.asOf, procedures: [procedure], columns: columnList(o.columns), columnsOf: carried.of }));
  } else if (o.summary) {
    writeSummary(out, format, summary, rows, o.bom);
  } else if (format === 'table') {
    out.write(renderTable(['case_id', 'rule', '#', 'anchor', 'due', 'completed', 'status', 'late (WD)'], tableRows.map((r) => [r.caseId, r.rule, String(r.occurrence), `${r.anchor.event} ${r.anchor.date}`, r.due ?? '', r.completed?.date ?? '', r.status, r.late ? String(r.late.workingDays) : ''])));
    out.write('\n');
    writeSummary(out, 'table', summary, rows);
  }
  if (outFile) await outFile.close();
  await reportProblems(
    io,
    problems,
    o,
    `timescales: ${headline(summary)}; ${rows.read} rows read, ${rows.used} used, ${rows.reported} reported; ${summary.errors} errors, ${summary.warnings} warnings\n`,
  );
  return summary.errors > 0 ? 1 : 0;
}

/**
 * The parts of a breakdown by one key (its groups or its periods), each with
 * its rules' figures. Rows with an empty key (a case without the column, a
 * result without a due date) are left out of the parts; `left` counts their results.
 */
function partsOf(rows: readonly BreakdownRow[], key: 'group' | 'period'): { parts: SummaryPart[]; left: number } {
  const parts = new Map<string, BreakdownRow[]>();
  let left = 0;
  for (const r of rows) {
    const k = r[key] ?? '';
    if (k === '') {
      left += r.results;
      continue;
    }
    const list = parts.get(k);
    if (list) list.push(r);
    else parts.set(k, [r]);
  }
  return { parts: [...parts.entries()].map(([k, rules]) => ({ key: k, rules })), left };
}

/**
 * Collects what the HTML report needs while the audit streams: the trend (by
 * `--by`, default financial-year), the groups (`--group-by`), the breaches and
 * open items. The trend and the groups are the summary's own breakdown
 * (`SummaryBuilder`), one split each, so they mean what the audit's `--by` /
 * `--group-by` figures mean.
 */
function htmlCollector(procedure: Procedure, o: AuditOptions, groupBy: SplitOptions['groupBy']) {
  const by: PeriodUnit = o.by ?? 'financial-year';
  const rules = procedure.rules.filter((r) => !ruleOverrides(procedure, o.rules)?.[r.id]);
  const trend = new SummaryBuilder(procedure, { asOf: o.asOf, profile: o.profile, by }, rules);
  const groups = groupBy ? new SummaryBuilder(procedure, { asOf: o.asOf, profile: o.profile, groupBy }, rules) : undefined;
  const items: Result[] = [];
  return {
    add(r: Result) {
      trend.add(r);
      groups?.add(r);
      if (r.breach || isOpen(r)) items.push(r);
    },
    render(summary: AuditSummary, rows: { read: number; used: number; reported: number }, problems: DataProblem[], calendar: string): string {
      const grouped = groups && groupBy ? partsOf(groups.summary().breakdown?.rows ?? [], 'group') : undefined;
      return renderHtmlReport({
        procedure,
        summary,
        rows,
        calendar,
        trend: { by, parts: partsOf(trend.summary().breakdown?.rows ?? [], 'period').parts },
        ...(grouped && groupBy ? { groups: { column: groupBy.name, parts: grouped.parts, left: grouped.left } } : {}),
        items: items.map((r) => ({ result: r, ...(groupBy ? { group: groupBy.of(r) ?? '' } : {}) })),
        problems,
      });
    },
  };
}

/** A one-line note of a step on a terminal (stderr a TTY only); returns the function that clears it. */
function stepNote(stderr: CliIO['stderr'], text: string): () => void {
  if (!stderr.isTTY) return () => {};
  stderr.write(`\r  ${text}`);
  return () => stderr.write('\r\x1b[K');
}

/** The cases of streamed event files, each after a chunk with its reader problems (if any). */
async function* streamCases(
  streamed: NonNullable<Loaded['stream']>,
  onCase: (c: CaseRecord) => void,
): AsyncGenerator<{ case: CaseRecord; problems: DataProblem[]; [VOUCHED]: true } | { case: undefined; problems: DataProblem[] }> {
  const none: DataProblem[] = [];
  for await (const chunk of streamed.chunks()) {
    if (chunk.problems.length > 0) yield { case: undefined, problems: chunk.problems };
    if (chunk.case) {
      onCase(chunk.case);
      // Built by the events CSV reader and evaluated next, unchanged: no need to check its shape again.
      yield { case: chunk.case, problems: none, [VOUCHED]: true };
    }
  }
}

/** How many examples of each problem code stderr shows. */
const EXAMPLES_PER_CODE = 3;

/**
 * The data problems on stderr: the count of each code first, then the first
 * few of each code, each with its location once; `--problems FILE` has them all.
 */
function writeProblemGroups(err: Writable, problems: readonly DataProblem[], file: string | undefined): void {
  if (problems.length === 0) return;
  const groups = groupProblems(problems, EXAMPLES_PER_CODE);
  const n = (x: number) => x.toLocaleString('en-GB');
  const severity = (g: ProblemGroup) =>
    g.warnings === 0 ? (g.errors === 1 ? 'error' : 'errors') : g.errors === 0 ? (g.warnings === 1 ? 'warning' : 'warnings') : `${n(g.errors)} errors, ${n(g.warnings)} warnings`;
  const width = Math.max(...groups.map((g) => n(g.count).length));
  err.write(`Data problems by code (${n(problems.length)}; errors: the row or event was not used; warnings: used, but check it):\n`);
  for (const g of groups) err.write(`  ${n(g.count).padStart(width)}  ${g.code} (${severity(g)})\n`);
  for (const g of groups) {
    err.write(`\n${g.code}: ${g.count > g.examples.length ? `the first ${g.examples.length} of ${n(g.count)}` : n(g.count)}\n`);
    for (const p of g.examples) err.write(`${p.severity}: ${forTerminal(formatProblem(p))} [${p.code}]\n`);
  }
  const shown = groups.reduce((k, g) => k + g.examples.length, 0);
  err.write(
    file
      ? `\nAll ${n(problems.length)} problems are in ${file}.\n`
      : shown < problems.length
        ? `\n${n(problems.length - shown)} more not shown: write them all with --problems FILE.\n`
        : '\n',
  );
}

function writeSummary(out: Writable, format: Format, s: AuditSummary, input: { read: number; used: number; reported: number }, bom = false): void {
  if (format === 'json' || format === 'ndjson') {
    out.write(`${JSON.stringify({ ...s, rows: input }, null, format === 'json' ? 2 : undefined)}\n`);
    return;
  }
  const { columns, rows } = summaryRecords(s);
  const split = s.breakdown ? [...(s.breakdown.groupBy ? [{ key: 'group', heading: s.breakdown.groupBy }] : []), ...(s.breakdown.by ? [{ key: 'period', heading: s.breakdown.by }] : [])] : [];
  const splitRows = (s.breakdown?.rows ?? []).map((r) => ({ group: r.group || '(none)', period: r.period || '(no due date)', rule: r.rule, ...figureCells(r) }));
  if (format === 'csv') {
    // With --group-by / --by: the totals first (group and period "all"), then each split row.
    const all = [...split, ...columns];
    out.write((bom ? UTF8_BOM : '') + csvRow(all.map((c) => c.heading)));
    for (const row of rows) out.write(csvRow(all.map((c) => neutraliseCell(c.key === 'group' || c.key === 'period' ? 'all' : (row[c.key] ?? '')))));
    for (const row of splitRows) out.write(csvRow(all.map((c) => neutraliseCell((row as Record<string, string>)[c.key] ?? (c.key === 'measured' ? 'yes' : '')))));
    return;
  }
  out.write(`Summary: ${s.procedure} as at ${s.asOf} (profile ${s.profile}): ${headline(s)}\n`);
  const shown = columns.filter((c) => c.key !== 'measured' && c.key !== 'note');
  const measuredRows = rows.filter((r) => r.measured === 'yes' || r.results !== '');
  out.write(renderTable(shown.map((c) => c.heading), measuredRows.map((r) => shown.map((c) => (c.key === 'rule' && r.measured === 'no' ? `${r.rule} (not measured)` : (r[c.key] ?? ''))))));
  for (const note of s.notes) out.write(`  ${note}\n`);
  if (s.breakdown) {
    const cols = [...split, { key: 'rule', heading: 'rule' }, ...FIGURE_COLUMNS];
    out.write(`\nBy ${[s.breakdown.groupBy, s.breakdown.by ? `${s.breakdown.by} of the due date` : null].filter(Boolean).join(' and ')}:\n`);
    out.write(renderTable(cols.map((c) => c.heading), splitRows.map((r) => cols.map((c) => (r as Record<string, string>)[c.key] ?? ''))));
  }
  for (const x of s.setAside) out.write(`\nSet apart: ${x.cases} ${x.cases === 1 ? 'case' : 'cases'}, ${x.reason}.\n`);
  if (s.notMeasured.length > 0) {
    out.write(`\nNot measured (${s.notMeasured.length} ${s.notMeasured.length === 1 ? 'rule' : 'rules'}${s.notMeasured.some((n) => n.evaluated) ? ', evaluated anyway with --all-rules: their figures above are not evidence' : '; --all-rules evaluates them anyway'}):\n`);
    for (const n of s.notMeasured) out.write(`  ${n.rule}: ${n.reason}\n`);
  }
}

/** `1830 children, 2194 cases (2194 periods of care); 8467 results, 6169 breaches` */
function headline(s: AuditSummary): string {
  const n = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
  const periods = s.periods ? ` (${s.periods.count} ${s.periods.count === 1 ? s.periods.label.replace(/^periods\b/, 'period') : s.periods.label})` : '';
  return `${n(s.children, 'child', 'children')}, ${n(s.cases, 'case', 'cases')}${periods}; ${n(s.results, 'result', 'results')}, ${n(s.breaches, 'breach', 'breaches')}`;
}

/**
 * True for an evaluation's error that rejected one event read from a row: the engine's per-event errors carry
 * the procedure, the event and (from `CaseRecord.sources`) the row's file and line, and name no rule; the
 * readers' own problems name no procedure.
 */
function rejectedAtEvaluation(p: DataProblem): boolean {
  return p.severity === 'error' && p.procedure !== undefined && p.rule === undefined && p.event !== undefined && p.line !== undefined;
}
