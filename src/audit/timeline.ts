/**
 * One child's timeline in plain words (`timescales explain`): each event in
 * date order and, under it, each deadline it starts, with the due date, the
 * status, the days the count skipped and why, and the source. Written for a
 * practitioner or an IRO: no rule ids in the text (the data keeps them).
 */
import { createCalendar, type Calendar, type SkippedDay } from '../calendar/index';
import { documentLabel, type CaseRecord, type DataProblem, type EvaluateOptions, type Procedure, type ProcedureInput, type Result, type Status } from '../engine/index';
import { evaluate, resolveProcedure } from '../procedures/index';

export interface TimelineDeadline {
  /** What must happen (the rule's title). */
  what: string;
  rule: string;
  occurrence: number;
  sequence?: number;
  due?: string;
  earliest?: string;
  target?: string;
  status: Status;
  /** The status in words, e.g. "done late: 3 working days (5 days) after the due date". */
  statusText: string;
  completed?: { event: string; description: string; date: string };
  late?: { workingDays: number; days: number };
  /** Bank holidays and closures the working-day count stepped over, and how many weekend days; absent when the timescale is not in working days. */
  skipped?: { days: SkippedDay[]; weekendDays: number };
  /** How the date was worked out, as the result's trace says it. */
  workedOut: string[];
  source: { title: string; publisher?: string; document: string; section?: string; quote?: string };
}

export interface TimelineEvent {
  date: string;
  /** The event name of the procedure (`anchor` for a date the engine derived, e.g. when an earlier deadline fell due). */
  type: string;
  description: string;
  /** Whether the event is in the case's records (false: a date derived from another deadline). */
  recorded: boolean;
  attributes: Record<string, string | number | boolean>;
  deadlines: TimelineDeadline[];
}

export interface Timeline {
  caseId: string;
  dateOfBirth?: string;
  procedure: { id: string; title: string };
  asOf: string;
  profile: string;
  calendar: string;
  events: TimelineEvent[];
  problems: DataProblem[];
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** `2024-04-12` → `Fri 12 Apr 2024`; a date-time keeps its time: `Fri 12 Apr 2024 14:30`. */
export function dayInWords(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}:\d{2}))?/.exec(iso);
  if (!m) return iso;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const weekday = WEEKDAYS[new Date(Date.UTC(y, mo - 1, d)).getUTCDay()]!;
  return `${weekday} ${d} ${MONTHS[mo - 1]} ${y}${m[4] ? ` ${m[4]}` : ''}`;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const lateness = (l?: { workingDays: number; days: number }) => (l ? `${plural(l.workingDays, 'working day')} (${plural(l.days, 'day')})` : '');

function statusText(r: Result, completedBy: string): string {
  const done = r.completed ? `${completedBy} ${dayInWords(r.completed.date)}` : '';
  switch (r.status) {
    case 'met':
      return `done on time: ${done}`;
    case 'met-late':
      return `done late: ${done}, ${lateness(r.late)} after the due date`;
    case 'met-early':
      return `done too early: ${done}, before the window opened${r.earliest ? ` on ${dayInWords(r.earliest)}` : ''}`;
    case 'met-after-target':
      return `done within the limit but after the target${r.target ? ` of ${dayInWords(r.target)}` : ''}: ${done}`;
    case 'past-target':
      return `not done yet; the target${r.target ? ` of ${dayInWords(r.target)}` : ''} has passed, the limit has not`;
    case 'deemed-met':
      return `deemed met: no response by the due date counts as agreement${done ? ` (${done})` : ''}`;
    case 'pending':
      return r.due ? 'not due yet' : `not done yet (no timescale)${r.openWorkingDays !== undefined ? `, open ${plural(r.openWorkingDays, 'working day')}` : ''}`;
    case 'due-soon':
      return 'due soon: not done yet';
    case 'overdue':
      return `OVERDUE: not done, ${lateness(r.late)} past the due date`;
  }
}

/**
 * The days a working-day count skipped, read off the calendar for the span of
 * each count the trace reports (`N working days after|before DATE … → DATE`).
 */
function skippedDays(r: Result, cal: Calendar): TimelineDeadline['skipped'] {
  const spans: Array<[string, string]> = [];
  for (const line of r.trace) {
    const m = /\bworking days? (after|before) (\d{4}-\d{2}-\d{2})\b.*→ (\d{4}-\d{2}-\d{2})/.exec(line);
    if (m) spans.push(m[1] === 'after' ? [m[2]!, m[3]!] : [m[3]!, m[2]!]);
  }
  if (!spans.length) return undefined;
  const days: SkippedDay[] = [];
  let weekendDays = 0;
  const weekend = new Set(cal.options.weekend ?? [6, 7]);
  const closures = new Set(cal.options.closures ?? []);
  for (const [from, to] of spans) {
    const names = new Map(cal.holidays(from, to).map((h) => [h.date, h.name]));
    // Every day after the start up to the end: the days the count stepped over.
    for (let d = nextDay(from); d <= to; d = nextDay(d)) {
      if (cal.isWorkingDay(d)) continue;
      const name = names.get(d);
      if (name) days.push({ date: d, reason: name });
      else if (closures.has(d)) days.push({ date: d, reason: 'local closure' });
      else if (weekend.has(isoWeekday(d))) weekendDays++;
      else days.push({ date: d, reason: 'non-working day' });
    }
  }
  return { days, weekendDays };
}

function nextDay(iso: string): string {
  const t = Date.parse(`${iso}T00:00:00Z`) + 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

function isoWeekday(iso: string): number {
  return new Date(`${iso}T00:00:00Z`).getUTCDay() || 7;
}

/** The sentence of the source with its document's title, from the procedure's list of documents. */
function sourceOf(procedure: Procedure, r: Result): TimelineDeadline['source'] {
  const doc = procedure.sources.find((d) => r.source.document === documentLabel(d) || r.source.document === d.document);
  return {
    title: doc?.title ?? r.source.document,
    ...(doc?.publisher ? { publisher: doc.publisher } : {}),
    document: r.source.document,
    ...(r.source.section ? { section: r.source.section } : {}),
    ...(r.source.quote ? { quote: r.source.quote } : {}),
  };
}

/** Evaluates one case and lays its results out along the child's events. */
export function explainCase(procedureInput: string | Procedure | ProcedureInput, record: CaseRecord, options: EvaluateOptions): Timeline {
  const procedure = resolveProcedure(procedureInput);
  const cal = options.calendar ?? createCalendar();
  const results = evaluate(procedure, record, { ...options, calendar: cal, trace: true });
  const describe = (type: string) => procedure.events[type]?.description;
  const ruleTitle = new Map(procedure.rules.map((r) => [r.id, r.title]));
  const events: TimelineEvent[] = [...record.events]
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
    .map((e) => {
      const { type, date, ...attributes } = e;
      return { date, type, description: describe(type) ?? type, recorded: true, attributes, deadlines: [] };
    });
  for (const r of results) {
    let at = events.find((e) => e.type === r.anchor.event && e.date === r.anchor.date);
    if (!at) {
      // A date the engine derived (e.g. "review-cycle due"): shown as its own line on the timeline.
      at = events.find((e) => !e.recorded && e.type === r.anchor.event && e.date === r.anchor.date);
      if (!at) {
        const m = /^(.+) due$/.exec(r.anchor.event);
        const description = describe(r.anchor.event) ?? (m && ruleTitle.has(m[1]!) ? `Due date of: ${ruleTitle.get(m[1]!)}` : r.anchor.event);
        at = { date: r.anchor.date, type: r.anchor.event, description, recorded: false, attributes: {}, deadlines: [] };
        events.push(at);
      }
    }
    const skipped = skippedDays(r, cal);
    at.deadlines.push({
      what: r.title,
      rule: r.rule,
      occurrence: r.occurrence,
      ...(r.sequence !== undefined ? { sequence: r.sequence } : {}),
      ...(r.due ? { due: r.due } : {}),
      ...(r.earliest ? { earliest: r.earliest } : {}),
      ...(r.target ? { target: r.target } : {}),
      status: r.status,
      statusText: statusText(r, r.completed ? (describe(r.completed.event) ?? r.completed.event) : ''),
      ...(r.completed ? { completed: { event: r.completed.event, description: describe(r.completed.event) ?? r.completed.event, date: r.completed.date } } : {}),
      ...(r.late ? { late: r.late } : {}),
      ...(skipped ? { skipped } : {}),
      workedOut: r.trace,
      source: sourceOf(procedure, r),
    });
  }
  events.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  for (const e of events) e.deadlines.sort((a, b) => ((a.due ?? '') < (b.due ?? '') ? -1 : (a.due ?? '') > (b.due ?? '') ? 1 : 0));
  return {
    caseId: record.id,
    ...(record.dateOfBirth ? { dateOfBirth: record.dateOfBirth } : {}),
    procedure: { id: procedure.id, title: procedure.title ?? procedure.id },
    asOf: options.asOf,
    profile: options.profile ?? 'default',
    calendar: cal.description,
    events,
    problems: results.problems,
  };
}

function skippedText(s: NonNullable<TimelineDeadline['skipped']>): string {
  const parts = s.days.map((d) => `${dayInWords(d.date)} (${d.reason})`);
  if (s.weekendDays) parts.push(plural(s.weekendDays, 'weekend day'));
  if (!parts.length) return 'no days skipped (no weekend or bank holiday in the count)';
  return parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/** The timeline as text: one block per event, its deadlines indented beneath it. */
export function timelineText(t: Timeline): string {
  const out: string[] = [
    `${t.caseId}: ${t.procedure.title}, as at ${dayInWords(t.asOf)}`,
    `Calendar: ${t.calendar}${t.profile !== 'default' ? `; profile ${t.profile}` : ''}${t.dateOfBirth ? `; date of birth ${dayInWords(t.dateOfBirth)}` : ''}`,
    '',
  ];
  for (const e of t.events) {
    const attrs = Object.entries(e.attributes).map(([k, v]) => `${k}: ${String(v)}`);
    out.push(`${dayInWords(e.date)}  ${e.description}${e.recorded ? '' : ' (worked out, not a recorded event)'}${attrs.length ? ` [${attrs.join(', ')}]` : ''}`);
    if (!e.deadlines.length && e.recorded) out.push('    (starts no deadline)');
    for (const d of e.deadlines) {
      out.push(`  → ${d.what}${d.occurrence > 1 ? ` (occurrence ${d.occurrence})` : ''}`);
      if (d.earliest) out.push(`      window opens: ${dayInWords(d.earliest)}`);
      if (d.target) out.push(`      target: ${dayInWords(d.target)}`);
      out.push(`      due: ${d.due ? dayInWords(d.due) : 'no set date'}`);
      out.push(`      status: ${d.statusText}`);
      if (d.skipped) out.push(`      days skipped: ${skippedText(d.skipped)}`);
      const src = `${d.source.title}${d.source.publisher ? ` (${d.source.publisher})` : ''}${d.source.section ? `, ${d.source.section}` : ''}`;
      out.push(`      source: ${src}`);
      if (d.source.quote) out.push(`        "${d.source.quote}"`);
    }
    out.push('');
  }
  if (t.problems.length) {
    out.push('Problems with the records:');
    for (const p of t.problems) out.push(`  ${p.severity}: ${p.message}`);
    out.push('');
  }
  return out.join('\n');
}
