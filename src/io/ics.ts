/**
 * Open due dates as an iCalendar file (RFC 5545), for a practitioner's own
 * calendar (docs/cli.md, "Calendar export"). Written by ical-generator.
 *
 * - One all-day event per open result with a due date: `DTSTART;VALUE=DATE`
 *   on the due day (the day part of a date-time), `DTEND` the day after.
 * - `UID` is made from the case, procedure, rule, sequence and occurrence
 *   only, so importing a later export updates the same events instead of
 *   adding copies. `DTSTAMP` is the time of the export (option `stamp`).
 * - `SUMMARY`: the case id and the rule title, with the status when overdue.
 *   `DESCRIPTION`: the rule title, the status as at the as-of date, what
 *   started the clock, and the source (document title, section).
 * - No personal data beyond the case id: a carried column (a worker, a team)
 *   goes into the description only when it is asked for by `columns`.
 */
import { createRequire } from 'node:module';
import { DateTime } from 'luxon';
import type { Procedure, Result } from '../engine/index';
import { sourceTitle } from './sources';

/** Options of `renderIcs`. */
export interface IcsOptions {
  /** The as-of date of the evaluation, said in each description. */
  asOf: string;
  /** The procedures the results come from, to name their source documents by title. */
  procedures: readonly Procedure[];
  /** Carried columns to put in the description, and where to find them for a case. */
  columns?: readonly string[];
  columnsOf?: (caseId: string) => Readonly<Record<string, string>> | undefined;
  /** The calendar's name. Default "safeguarding-timescales: due dates". */
  name?: string;
  /** DTSTAMP of every event. Default: now. */
  stamp?: Date;
}

/** The product identifier written as PRODID. */
const PRODID = { company: 'safeguarding-timescales', product: 'timescales due', language: 'EN' };

/**
 * The stable UID of a result's event: its case, procedure, rule, sequence and
 * occurrence, each percent-encoded so no case id can break the line.
 *
 * @example
 * eventUid({ caseId: 'CP002', procedure: 'cp-conference', rule: 'icpc', occurrence: 1 }) // 'CP002/cp-conference/icpc/1/1@safeguarding-timescales'
 */
export function eventUid(r: Pick<Result, 'caseId' | 'procedure' | 'rule' | 'occurrence' | 'sequence'>): string {
  return `${[r.caseId, r.procedure, r.rule, String(r.sequence ?? 1), String(r.occurrence)].map(encodeURIComponent).join('/')}@safeguarding-timescales`;
}

/**
 * The iCalendar text of the open results given (results that are completed
 * or have no due date are left out).
 *
 * @example
 * renderIcs(selectDue(results, { window }).map((d) => d.result), { asOf: '2024-06-30', procedures: [getProcedure('cp-conference')] })
 */
export function renderIcs(results: Iterable<Result>, options: IcsOptions): string {
  const cal = new (icalGenerator().ICalCalendar)({ prodId: PRODID, name: options.name ?? 'safeguarding-timescales: due dates' });
  const stamp = options.stamp ?? new Date();
  const byId = new Map(options.procedures.map((p) => [p.id, p]));
  for (const r of results) {
    if (r.completed !== undefined || r.due === undefined) continue;
    const day = DateTime.fromISO(r.due.slice(0, 10), { zone: 'utc' });
    const procedure = byId.get(r.procedure);
    const lines = [
      r.title,
      `Status as at ${options.asOf}: ${r.status}${r.late ? ` (${r.late.workingDays} working days late)` : ''}`,
      `Due: ${r.due}`,
      `Clock started by: ${r.anchor.event} on ${r.anchor.date}`,
      `Source: ${procedure ? sourceTitle(procedure, r.source) : r.source.document}${r.source.section ? `, ${r.source.section}` : ''}`,
      `Case: ${r.caseId}; procedure ${r.procedure}; rule ${r.rule}, occurrence ${r.occurrence}`,
    ];
    const carried = options.columns?.length ? options.columnsOf?.(r.caseId) : undefined;
    for (const c of options.columns ?? []) lines.push(`${c}: ${carried?.[c] ?? ''}`);
    cal.createEvent({
      id: eventUid(r),
      allDay: true,
      start: day,
      end: day.plus({ days: 1 }),
      stamp,
      summary: `${r.status === 'overdue' ? 'OVERDUE: ' : ''}${r.caseId}: ${r.title}`,
      description: lines.join('\n'),
    });
  }
  return cal.toString();
}

let ical: typeof import('ical-generator') | undefined;

/**
 * ical-generator, loaded the first time a calendar is written (synchronously,
 * from its CommonJS build): an audit that writes no calendar does not pay for
 * loading it (start-up, issue 14).
 */
function icalGenerator(): typeof import('ical-generator') {
  return (ical ??= createRequire(import.meta.url)('ical-generator') as typeof import('ical-generator'));
}
