/**
 * `timescales due`: the worklist. What is still to be done in a caseload as
 * at a date, in the order it falls due, optionally by worker or team; as a
 * table, CSV, JSON or an iCalendar file for a practitioner's own calendar.
 */
import type { Command } from 'commander';
import { dueWindow, isOpen, selectDue, type DataProblem, type DueItem, type Result } from '../../index';
import { renderIcs } from '../../io/ics';
import { withTemporaryFiles, type TemporaryFiles } from '../../io/case-spill';
import { sourceTitle } from '../../io/sources';
import { checkOutputPath, chosenFormat, formatOption, openOutput, progressReporter, UsageError, writeRecords, type CliIO, type CommandContext } from '../common';
import { renderTable } from '../table';
import { addInputOptions, casesOf, checkCarried, columnList, columnLookup, evaluateLoaded, load, reportProblems, type InputOptions } from './audit';

interface DueCommandOptions extends InputOptions {
  from?: string;
  to?: string;
  groupBy?: string;
  columns?: string;
  format?: string;
  out?: string;
}

export function registerDueCommand(program: Command, { io, setExitCode }: CommandContext): void {
  addInputOptions(
    program
      .command('due')
      .description('the worklist: open items (pending, due soon, overdue) as at a date, sorted by due date; default the next 4 weeks and everything overdue')
      .argument('[files...]', 'generic events CSV (case_id,event,date,...) or NDJSON case records (.ndjson / .jsonl)'),
  )
    .option('--from <date>', 'first due date of the window (default: none, so everything overdue is listed)')
    .option('--to <date>', 'last due date of the window (default: 28 days after the as-of date, or after --from when later)')
    .option('--group-by <column>', 'group the worklist by a column each case carries (e.g. worker, team)')
    .option('--columns <names>', 'carried columns to add to each line (comma separated); calendar events carry only the case id without it')
    .addOption(formatOption(['ics']))
    .option('--out <file>', 'write to a file instead of stdout')
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  timescales due --procedure cp-conference --as-of 2024-06-30 caseload.csv',
        '  timescales due --procedure lac-review --as-of 2024-06-30 --from 2024-07-01 --to 2024-07-31 --group-by worker caseload.csv',
        '  timescales due --procedure lac-review --as-of 2024-06-30 --format ics --out due.ics caseload.csv',
        '',
        'Exit codes: 0 done; 1 some input rows could not be used (listed on stderr); 2 usage error.',
      ].join('\n'),
    )
    .action(async (files: string[], o: DueCommandOptions) => {
      setExitCode(await withTemporaryFiles((temporary) => runDue(files, o, io, temporary)));
    });
}

/** Columns of the worklist (CSV, JSON, table), after the group column and any --columns. */
const DUE_COLUMNS = ['due_date', 'case_id', 'procedure', 'rule', 'occurrence', 'title', 'status', 'working_days_late', 'anchor_event', 'anchor_date', 'source'] as const;

async function runDue(files: string[], o: DueCommandOptions, io: CliIO, temporary: TemporaryFiles): Promise<number> {
  const started = Date.now();
  let window;
  try {
    window = dueWindow(o.asOf, { ...(o.from ? { from: o.from } : {}), ...(o.to ? { to: o.to } : {}) });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  // Outputs are checked before anything is read or written (exit 3), as in audit.
  if (o.out) checkOutputPath(o.out, '--out');
  if (o.problems) checkOutputPath(o.problems, '--problems');
  const loaded = await load(files, o, temporary);
  const outFile = o.out ? openOutput(o.out, '--out') : undefined;
  const out: CliIO['stdout'] = outFile ? outFile.stream : io.stdout;
  const format = chosenFormat(o.format, out);
    const carried = columnLookup(files, loaded);
  if (o.groupBy !== undefined) checkCarried('--group-by', [o.groupBy], carried);
  checkCarried('--columns', columnList(o.columns), carried);
  const columnsOf = o.groupBy || o.columns ? carried.of : undefined;
  const stream = evaluateLoaded(loaded, o, false, {}, carried);
  const group = o.groupBy;
  const open: Result[] = [];
  const problems: DataProblem[] = [];
  const readerProblems: DataProblem[] = [];
  const progress = progressReporter(io.stderr, casesOf(loaded), started);
  let done = 0;
  for await (const c of stream) {
    for (const r of c.results) if (isOpen(r)) open.push(r);
    if (c.caseId === '') for (const p of c.problems) readerProblems.push(p);
    else {
      for (const p of c.problems) problems.push(p);
      progress(++done);
    }
  }
  progress(-1);
  // Reader problems first, in input order (streamed files give them case by case), as in audit.
  problems.unshift(...readerProblems);
  const items = selectDue(open, { window, ...(group && columnsOf ? { groupBy: (r: Result) => columnsOf(r.caseId)?.[group] ?? '' } : {}) });
  const extra = columnList(o.columns).filter((c) => c !== group);
  if (format === 'ics') {
    out.write(renderIcs(items.map((i) => i.result), { asOf: o.asOf, procedures: [loaded.procedure], columns: columnList(o.columns), ...(columnsOf ? { columnsOf } : {}) }));
  } else {
    const columns = [...(group ? [group] : []), ...extra, ...DUE_COLUMNS];
    const record = (i: DueItem): Record<string, string | number> => {
      const r = i.result;
      const carried = columnsOf?.(r.caseId);
      return {
        ...(group ? { [group]: i.group ?? '' } : {}),
        ...Object.fromEntries(extra.map((c) => [c, carried?.[c] ?? ''])),
        due_date: r.due!,
        case_id: r.caseId,
        procedure: r.procedure,
        rule: r.rule,
        occurrence: r.occurrence,
        title: r.title,
        status: r.status,
        working_days_late: r.late ? r.late.workingDays : '',
        anchor_event: r.anchor.event,
        anchor_date: r.anchor.date,
        source: `${sourceTitle(loaded.procedure, r.source)}${r.source.section ? `, ${r.source.section}` : ''}`,
      };
    };
    if (format === 'table') writeTable(out, o, window, items, group, extra, columnsOf);
    else writeRecords(out, format, columns, items.map(record));
  }
  if (outFile) await outFile.close();
  const overdue = items.filter((i) => i.result.status === 'overdue').length;
  // As in an audit, a rule the data cannot measure gives no items: say which, so an empty list is not taken for "nothing due".
  const notMeasured = stream.summary().notMeasured.filter((n) => !n.evaluated);
  const unmeasured = notMeasured.length
    ? `timescales: not on the worklist, not measured (--records or --all-rules to include them): ${notMeasured.map((n) => `${n.rule} (${n.reason})`).join('; ')}\n`
    : '';
  const rows = loaded.input.counts;
  await reportProblems(
    io,
    problems,
    o,
    `${unmeasured}timescales: ${items.length} open items due ${window.from ? `from ${window.from}` : 'up to'}${window.from ? ' to' : ''} ${window.to} (${overdue} overdue) as at ${o.asOf}; ${rows.read} rows read, ${rows.used} used, ${rows.reported} reported\n`,
  );
  return problems.some((p) => p.severity === 'error') ? 1 : 0;
}

/** The worklist on a terminal: one table per group, the fields a practitioner reads first. */
function writeTable(out: CliIO['stdout'], o: DueCommandOptions, window: { from?: string; to: string }, items: DueItem[], group: string | undefined, extra: string[], columnsOf?: (id: string) => Readonly<Record<string, string>> | undefined): void {
  out.write(`Due ${window.from ? `from ${window.from} ` : '(everything overdue, and) '}up to ${window.to}, as at ${o.asOf}: ${items.length} open items\n`);
  const groups = new Map<string, DueItem[]>();
  for (const i of items) {
    const key = i.group ?? '';
    const list = groups.get(key);
    if (list) list.push(i);
    else groups.set(key, [i]);
  }
  const columns = [...extra, 'due', 'case_id', 'rule', '#', 'status', 'late (WD)', 'title'];
  for (const [key, list] of groups) {
    if (group) out.write(`\n${group}: ${key === '' ? '(none)' : key} (${list.length})\n`);
    else out.write('\n');
    out.write(
      renderTable(
        columns,
        list.map(({ result: r }) => [...extra.map((c) => columnsOf?.(r.caseId)?.[c] ?? ''), r.due!, r.caseId, r.rule, String(r.occurrence), r.status, r.late ? String(r.late.workingDays) : '', r.title]),
      ),
    );
  }
}
