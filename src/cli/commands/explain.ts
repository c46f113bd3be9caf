/**
 * `timescales explain`: one child's timeline in plain words, from a caseload
 * file (`--case ID`) or a fixture file.
 */
import { forTerminal } from '../table';
import { Command, Option } from 'commander';
import { explainCase, formatProblem, getProcedure, timelineText, type CaseRecord, type DataProblem, type EvaluateOptions } from '../../index';
import { readEventsCsv } from '../../io/events-csv';
import { readNdjson } from '../../io/ndjson';
import { faultText, fixtureOptions, readFixtureFile } from '../../testing/index';
import { addCalendarOptions, calendarFrom, UsageError, type CommandContext, type CommonOptions } from '../common';

interface ExplainOptions extends CommonOptions {
  case?: string;
  procedure?: string;
  asOf?: string;
  profile?: string;
  format: 'text' | 'json';
  dateFormat: 'iso' | 'dd/mm/yyyy';
}

const isFixture = (file: string) => /\.json$/i.test(file);

export function registerExplainCommand(program: Command, { io, print }: CommandContext): void {
  addCalendarOptions(
    program
      .command('explain')
      .description("one child's timeline in plain words: each event in date order, the deadlines it starts, their due dates, status, days skipped and sources")
      .argument('<file>', 'a caseload (events CSV, or NDJSON case records) with --case, or a fixture file (.json)'),
  )
    .option('--case <id>', 'the case id (needed for a caseload with more than one case)')
    .option('--procedure <id>', 'procedure id (a fixture names its own)')
    .option('--as-of <date>', 'the date to look from (ISO; a fixture gives its own)')
    .option('--profile <name>', 'a named profile of the procedure')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addOption(new Option('--date-format <format>', 'date format of the events CSV').choices(['iso', 'dd/mm/yyyy']).default('iso'))
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  timescales explain examples/cp-conference-caseload.csv --procedure cp-conference --as-of 2024-06-30 --case CP001',
        '  timescales explain fixtures/cp-conference/icpc-met-on-due-date-easter.json',
        '  timescales explain --format json cases.ndjson --procedure lac-review --as-of 2024-06-30 --case C1',
      ].join('\n'),
    )
    .action(async (file: string, o: ExplainOptions) => {
      const { procedure, record, options, problems } = isFixture(file) ? fromFixture(file, o) : await fromCaseload(file, o);
      const timeline = explainCase(procedure, record, options);
      timeline.problems = [...problems, ...timeline.problems];
      if (o.format === 'json') print(JSON.stringify(timeline, null, 2));
      else io.stdout.write(timelineText(timeline));
      for (const p of problems) io.stderr.write(`${p.severity}: ${forTerminal(formatProblem(p))} [${p.code}]\n`);
    });
}

interface Explained {
  procedure: string;
  record: CaseRecord;
  options: EvaluateOptions;
  /** The reader's problems with this case's rows. */
  problems: DataProblem[];
}

function fromFixture(file: string, o: ExplainOptions): Explained {
  const { fixture, faults } = readFixtureFile(file);
  if (!fixture) throw new UsageError(`unreadable fixture ${faults.map(faultText).join('; ')}`);
  if (o.case && o.case !== fixture.case.id) throw new UsageError(`${file} holds case ${fixture.case.id}, not ${o.case}`);
  if (o.procedure && o.procedure !== fixture.procedure) throw new UsageError(`${file} is a fixture of ${fixture.procedure}; leave out --procedure`);
  const options = fixtureOptions(fixture);
  return {
    procedure: fixture.procedure,
    record: fixture.case,
    options: { ...options, ...(o.asOf ? { asOf: o.asOf } : {}), ...(o.profile ? { profile: o.profile } : {}) },
    problems: [],
  };
}

async function fromCaseload(file: string, o: ExplainOptions): Promise<Explained> {
  if (!o.procedure) throw new UsageError('--procedure is required for a caseload (see `timescales procedures`)');
  if (!o.asOf) throw new UsageError('--as-of is required for a caseload');
  const procedure = getProcedure(o.procedure);
  const read = /\.(nd)?jsonl?$/i.test(file) ? await readNdjson({ path: file }) : await readEventsCsv({ path: file }, { dateFormat: o.dateFormat, knownEvents: Object.keys(procedure.events) });
  let record: CaseRecord | undefined;
  if (o.case) record = read.cases.find((c) => c.id === o.case);
  else if (read.cases.length === 1) record = read.cases[0];
  else throw new UsageError(`${file} holds ${read.cases.length} cases: name one with --case (e.g. --case ${read.cases[0]?.id ?? 'ID'})`);
  if (!record) {
    const ids = read.cases.slice(0, 5).map((c) => c.id);
    throw new UsageError(`no case ${o.case} in ${file} (its cases include ${ids.join(', ')}${read.cases.length > 5 ? ', …' : ''})`);
  }
  return {
    procedure: procedure.id,
    record,
    options: { asOf: o.asOf, calendar: calendarFrom(o), ...(o.profile ? { profile: o.profile } : {}) },
    problems: read.problems.filter((p) => p.caseId === record.id),
  };
}
